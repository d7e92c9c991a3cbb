// g.hpp — the goroutine descriptor (Go's runtime.g) and its states.
//
// A G is a boost::context::fiber plus the bookkeeping the scheduler needs. The VM owns
// what `user` points to (its per-goroutine VM stack); the runtime never touches it.
//
// Invariants:
//  * `status` is written by the M that currently owns the G (the one running it, or the
//    one that moved it between queues) and read by anyone (traces, sysmon, numGoroutine):
//    every access is seq_cst, like Go's atomicstatus, so a reader sees a status at least as
//    new as the last queue operation it synchronised with.
//  * `ctx` (the suspended fiber) is touched only by the M that is about to resume the G or
//    has just switched away from it; hand-over between Ms happens through the run queues,
//    whose release/acquire pairs order the write of `ctx` before the read.
//  * `waiting` (the sudogs of a parked G) is built by the G itself before it parks and read
//    by the G after it wakes; wakers only write the sudog they dequeued, under its channel
//    lock. A GC that stopped the world may read all of them.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include <boost/context/fiber.hpp>

namespace gol::rt {

class Runtime;
struct G;
struct M;
struct P;
struct Sudog;
class Chan;

// Go's G states (runtime2.go: _Gidle ... _Gpreempted), with the same meaning.
enum class GStatus : uint32_t {
    Idle,      // just allocated, not yet initialised
    Runnable,  // on a run queue, not executing
    Running,   // executing on an M that holds a P
    Syscall,   // executing a blocking native call; holds an M but not necessarily its P
    Waiting,   // parked (gopark) on a channel, timer, semaphore ...; see waitReason
    Dead,      // finished; on a free list ready to be reused with its stack
    Preempted, // stopped at a safepoint by a preemption request, queued to run again
};
const char* gstatusString(GStatus s); // Go's spelling: "idle", "runnable", "running", ...

// Why a G is parked; the strings are Go's (runtime2.go waitReasonStrings), since they are
// printed in "goroutine 7 [chan receive]:".
enum class WaitReason : uint8_t {
    Zero,
    ChanReceive,        // "chan receive"
    ChanSend,           // "chan send"
    ChanReceiveNilChan, // "chan receive (nil chan)"
    ChanSendNilChan,    // "chan send (nil chan)"
    Select,             // "select"
    SelectNoCases,      // "select (no cases)"
    Sleep,              // "sleep"
    SyncMutexLock,      // "sync.Mutex.Lock"
    SyncRWMutexLock,    // "sync.RWMutex.Lock"
    SyncRWMutexRLock,   // "sync.RWMutex.RLock"
    SyncWaitGroupWait,  // "sync.WaitGroup.Wait"
    SyncCondWait,       // "sync.Cond.Wait"
    Semacquire,         // "semacquire"
    GarbageCollection,  // "garbage collection"
    StoppingTheWorld,   // "stopping the world"
    IOWait,             // "IO wait"
    Preempted,          // "preempted"
    Panicking,          // "panicwait": the G that called Runtime::fatal()
};
const char* waitReasonString(WaitReason r);

// A G waiting on a channel (Go's sudog). It lives on the parked G's own fiber stack: the
// native stack of a G never moves, and it outlives the park, so no allocator is needed.
struct Sudog {
    G* g = nullptr;
    Sudog* next = nullptr; // in the channel's wait queue
    Sudog* prev = nullptr;
    Sudog* waitlink = nullptr; // G.waiting list (select: one per case, in lock order)
    Chan* c = nullptr;
    uint64_t elem = 0;          // value to send, or value received (copied out by the G after waking)
    bool elemIsPointer = false; // the GC must treat `elem` as a reference
    bool isSelect = false;      // g participates in a select: wakers must win g->selectDone first
    bool success = false;       // woken by a real send/recv (true) or by close (false)
    int caseIndex = -1;         // select: which case this sudog belongs to
};

// A G lives at the top of its own native stack (createG in fiber.cpp): its memory is that of
// the stack and, like the stack, is given back only by ~Runtime.
struct G {
    // ---- fields the VM reads and writes ---------------------------------------------------
    int64_t goid = 0;     // 1 = main goroutine
    void* user = nullptr; // VM per-goroutine state; never touched by the runtime
    // What the last goroutine on this G left for the next one (the VM keeps its per-goroutine
    // state here, with its allocations, so a `go` statement on a reused G allocates nothing).
    // Owned by the G: ~Runtime calls spareFree(spare). Touched only by the G's owner (the M
    // running it, or the spawner between newG and startG).
    void* spare = nullptr;
    void (*spareFree)(void*) = nullptr;
    // RuntimeOptions::gLocalBytes (or more) of memory for the embedder, next to the G at the top
    // of its stack: valid as long as the G (until ~Runtime), uninitialised at first, never
    // touched by the runtime. Same ownership rule as `spare`.
    void* local = nullptr;
    size_t localSize = 0;
    // Safepoint flag polled by the interpreter at function entry and backward branches. Set
    // (relaxed is not enough to be prompt on every platform, so seq_cst store) by sysmon or a
    // stop-the-world; cleared by preemptPark. Non-zero: call preemptPark().
    std::atomic<uint32_t> preempt{0};

    GStatus status() const { return atomicstatus.load(std::memory_order_seq_cst); }
    WaitReason waitReason() const { return waitreason.load(std::memory_order_relaxed); }
    int64_t waitSince() const { return waitsince.load(std::memory_order_relaxed); } // nanotime()
    // Calls f(uint64_t& slot) for every sudog value this G holds (a pending send, or a value
    // received but not yet copied out) whose channel holds pointers. Only valid while the world
    // is stopped or from the G itself.
    template <class F> void forEachSudogValue(F&& f) {
        for (Sudog* s = waiting; s; s = s->waitlink)
            if (s->elemIsPointer) f(s->elem);
    }

    // ---- runtime private -------------------------------------------------------------------
    std::atomic<GStatus> atomicstatus{GStatus::Idle};
    std::atomic<WaitReason> waitreason{WaitReason::Zero};
    std::atomic<int64_t> waitsince{0};
    Runtime* rt = nullptr;
    M* m = nullptr;                      // the M running it (valid while Running/Syscall)
    G* schedlink = nullptr;              // global run queue / free list link (under the owning lock)
    G* alllink = nullptr;                // next in allgs (written once, under allglock; forEachAllg)
    std::function<void()> fn;            // body of the goroutine (reset when it exits), or:
    void (*entry)(G*) = nullptr;         // body without a std::function (Runtime::startG)
    boost::context::fiber ctx;           // suspended fiber while not running
    Sudog* waiting = nullptr;            // sudogs of a blocked select/chan op
    void* param = nullptr;               // value passed by the waker (the winning sudog of a select)
    std::atomic<uint32_t> selectDone{0}; // select: 0 until some waker wins the race for this G
    bool killed = false;                 // ~Runtime: resume only to unwind the fiber
    bool fiberDone = false;              // the fiber function returned (its stack was released)
    void* stackBottom = nullptr;         // fiber stack bounds, for the ASan fiber annotations
    size_t stackSize = 0;
    void* asanFakeStack = nullptr;
    void* tsanFiber = nullptr;
};

} // namespace gol::rt
