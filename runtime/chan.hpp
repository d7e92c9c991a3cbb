// chan.hpp — Go channels (runtime/chan.go's hchan) with 8-byte elements.
//
// Invariants (as in Go's chan.go), all under `lock`:
//  * at least one of sendq and recvq is empty, except for an unbuffered channel with a single
//    goroutine blocked on it in a select that both sends and receives;
//  * buffered: qcount > 0 implies recvq is empty; qcount < dataqsiz implies sendq is empty;
//  * once `closed` is set it is never cleared; close empties both queues.
// Lock: `lock` protects every field and the sudogs queued on this channel (their next/prev/
// elem/success). It is taken with no other channel lock held, except by select, which takes
// the locks of its channels in address order (lock rank "hchan"). Never ready a G while
// holding it: wakers collect the Gs, unlock, then goready (Go's rule, which avoids lock
// inversion with the scheduler's locks).
//
// Memory: a Chan is a plain object the VM may placement-new inside its own GC heap object;
// the buffer is a separate malloc'd array owned by the Chan. Destroy it only when no G is
// queued on it (then no G can reach it: a queued G's sudog points to the channel).
#pragma once

#include "runtime/g.hpp"
#include "runtime/lockrank.hpp"
#include <cstdint>
#include <mutex>

namespace gol::rt {

// The outcome of a channel operation that Go turns into a panic; the VM raises it.
enum class ChanError : uint8_t {
    None,
    SendOnClosed,  // "send on closed channel"
    CloseOfClosed, // "close of closed channel"
    CloseOfNil,    // "close of nil channel"
};
const char* chanErrorString(ChanError e); // Go's exact text; "" for None

enum class SendResult : uint8_t { Sent, WouldBlock, Closed /* panic: send on closed channel */ };
enum class RecvResult : uint8_t { Received, WouldBlock };
enum class CloseResult : uint8_t { Closed, AlreadyClosed /* panic: close of closed channel */ };

struct WaitQ {
    Sudog* first = nullptr;
    Sudog* last = nullptr;
    void enqueue(Sudog* s);
    Sudog* dequeue(); // skips select sudogs whose G was already claimed by another case
    void remove(Sudog* s);
    bool empty() const { return first == nullptr; }
};

class Chan {
  public:
    // cap < 0 is the caller's error ("makechan: size out of range" is raised by the VM).
    Chan(int64_t cap, bool elemIsPointer);
    ~Chan();
    Chan(const Chan&) = delete;
    Chan& operator=(const Chan&) = delete;

    // block=false is the select-with-default form: WouldBlock instead of parking.
    SendResult send(uint64_t v, bool block);
    // *ok is false when the channel is closed and drained (then *out = 0).
    RecvResult recv(uint64_t* out, bool* ok, bool block);
    CloseResult close();
    int64_t len();
    int64_t cap() const { return dataqsiz_; }
    bool elemIsPointer() const { return elemIsPointer_; }
    bool isClosed();

    // GC: f(uint64_t& slot) for each buffered element. Values held by blocked senders live in
    // their sudogs (G::forEachSudogValue). Call with the world stopped.
    template <class F> void forEachBuffered(F&& f) {
        for (uint64_t i = 0; i < qcount_; i++)
            f(buf_[(recvx_ + i) % dataqsiz_]);
    }
    // The same while goroutines run (the concurrent collector's marker): under the channel's
    // lock, so f must take no lock and must not block or reach a safepoint.
    template <class F> void forEachBufferedLocked(F&& f) {
        std::lock_guard<RankedMutex> g(lock_);
        forEachBuffered(f);
    }

  private:
    friend struct ChanOps;
    RankedMutex lock_{LockRank::Hchan};
    uint64_t qcount_ = 0;   // elements in buf
    uint64_t dataqsiz_ = 0; // capacity
    uint64_t* buf_ = nullptr;
    uint64_t sendx_ = 0, recvx_ = 0;
    bool closed_ = false;
    bool elemIsPointer_ = false;
    WaitQ recvq_, sendq_;
};

// Nil-aware forms, as the VM calls them: a nil channel blocks forever on send and receive
// ("chan send (nil chan)" / "chan receive (nil chan)") unless block is false.
SendResult chansend(Chan* c, uint64_t v, bool block);
RecvResult chanrecv(Chan* c, uint64_t* out, bool* ok, bool block);
ChanError closechan(Chan* c); // None, CloseOfNil or CloseOfClosed

} // namespace gol::rt
