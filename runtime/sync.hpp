// sync.hpp — Go's sync package primitives on top of the runtime semaphore (sema.hpp).
//
// These are plain objects the VM may embed in its heap objects (zero value = ready to use,
// as in Go). Misuse that Go reports is returned as SyncError for the VM to raise: the
// Mutex/RWMutex ones are Go fatal errors ("fatal error: sync: unlock of unlocked mutex"),
// the WaitGroup ones are panics.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/sema.hpp"

namespace gol::rt {

enum class SyncError : uint8_t {
    None,
    UnlockOfUnlockedMutex,    // fatal error: "sync: unlock of unlocked mutex"
    RUnlockOfUnlockedRWMutex, // fatal error: "sync: RUnlock of unlocked RWMutex"
    UnlockOfUnlockedRWMutex,  // fatal error: "sync: Unlock of unlocked RWMutex"
    NegativeWaitGroupCounter, // panic: "sync: negative WaitGroup counter"
    WaitGroupMisuse,          // panic: "sync: WaitGroup misuse: Add called concurrently with Wait"
    WaitGroupReused,          // panic: "sync: WaitGroup is reused before previous Wait has returned"
};
const char* syncErrorString(SyncError e); // Go's text without "fatal error: "/"panic: "
bool syncErrorIsFatal(SyncError e);       // true: Go's throw (fatal error), false: a panic

// Go's sync.Mutex: normal mode (woken waiters compete with newcomers) and starvation mode
// (ownership handed to the oldest waiter) entered when a waiter waited more than 1 ms.
class Mutex {
  public:
    void lock();
    bool tryLock();
    SyncError unlock();

  private:
    void lockSlow();
    SyncError unlockSlow(int32_t newState);
    std::atomic<int32_t> state_{0};
    std::atomic<uint32_t> sema_{0};
};

// Go's sync.RWMutex (writer-preferring: a pending Lock stops new readers).
class RWMutex {
  public:
    void lock();
    bool tryLock();
    SyncError unlock();
    void rlock();
    bool tryRLock();
    SyncError runlock();

  private:
    Mutex w_;
    std::atomic<uint32_t> writerSem_{0};
    std::atomic<uint32_t> readerSem_{0};
    std::atomic<int32_t> readerCount_{0};
    std::atomic<int32_t> readerWait_{0};
};

// Go's sync.WaitGroup: high 32 bits of state = counter, low 32 bits = waiters.
class WaitGroup {
  public:
    SyncError add(int64_t delta);
    SyncError done() { return add(-1); }
    SyncError wait();

  private:
    std::atomic<uint64_t> state_{0};
    std::atomic<uint32_t> sema_{0};
};

// Go's sync.Once. The VM runs the function itself, because it may panic:
//   if (once.enter()) { run f; once.leave(); }   // leave() also when f panics
class Once {
  public:
    bool enter(); // false: already done (or done by another G while we waited)
    void leave();
    bool isDone() const { return done_.load(std::memory_order_acquire) != 0; }

  private:
    std::atomic<uint32_t> done_{0};
    Mutex m_;
};

// Go's sync.Cond without its Locker (the Locker is a VM interface value):
//   t = cond.waitAdd(); L.Unlock(); cond.waitPark(t); L.Lock();
class Cond {
  public:
    uint32_t waitAdd() { return notifyListAdd(&list_); }
    void waitPark(uint32_t ticket) { notifyListWait(&list_, ticket); }
    void signal() { notifyListNotifyOne(&list_); }
    void broadcast() { notifyListNotifyAll(&list_); }

  private:
    NotifyList list_;
};

} // namespace gol::rt
