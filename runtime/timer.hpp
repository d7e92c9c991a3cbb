// timer.hpp — runtime timers (Go's runtime.timer), kept in per-P heaps.
//
// A Timer is embedded by its owner (the VM's time.Timer/Ticker object, or the stack of a
// sleeping G), exactly as Go embeds runtime.timer in time.Timer: no registry, no allocation.
// The owner must keep it alive while it is pending (GC: Runtime::forEachTimer lists the
// pending timers' `arg`s) and must stop it before destroying it.
//
// Callbacks run on the scheduler (an M's g0 holding a P, or sysmon never); they must not
// block. They may goready(), spawn(), do a non-blocking channel send, or re-arm timers.
//
// State machine (field `state`, seq_cst atomics; transitions below):
//   NoStatus --addTimer--> Waiting (in pp's heap)
//   Waiting  --runner pops--> Running --(one-shot)--> NoStatus
//                                     --(periodic, not stopped)--> Waiting
//   Waiting  --stopTimer--> NoStatus       Running --stopTimer--> Removed (runner drops it)
// Who protects what: the heap, `when`, `pp` and `heapIndex` of a Waiting timer are protected
// by pp->timersLock; a Running timer belongs to the runner until its state CAS.
#pragma once

#include <atomic>
#include <cstdint>

namespace gol::rt {

struct P;

enum class TimerState : uint32_t { NoStatus, Waiting, Running, Removed };

struct Timer {
    using Fn = void (*)(void* arg, int64_t seq);
    int64_t when = 0;   // nanotime() at which it fires
    int64_t period = 0; // > 0: fires again every period ns (Ticker)
    Fn fn = nullptr;
    void* arg = nullptr;
    int64_t seq = 0; // passed to fn; bumped by every reset so fn can spot stale firings
    std::atomic<TimerState> state{TimerState::NoStatus};
    std::atomic<P*> pp{nullptr}; // heap it is in (Waiting) — read before locking that P
    int32_t heapIndex = -1;

    Timer() = default;
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    bool pending() const { return state.load() == TimerState::Waiting; }
};

using TimerId = Timer*;

// Arms t (which must not be pending) to fire fn(arg, seq) at whenNs, then every periodNs if
// periodNs > 0. Callable from a goroutine, g0 or a host thread of the current runtime.
void addTimer(Timer* t, int64_t whenNs, int64_t periodNs, Timer::Fn fn, void* arg);
// Go's (*Timer).Stop: true if the call stopped a pending timer, false if it had already
// fired or been stopped. After it returns the callback will not start again (it may still be
// running on another M for a firing that already began).
bool stopTimer(Timer* t);
// Go's (*Timer).Reset: re-arms t; returns true if it was pending.
bool resetTimer(Timer* t, int64_t whenNs, int64_t periodNs);

} // namespace gol::rt
