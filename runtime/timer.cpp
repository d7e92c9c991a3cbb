// timer.cpp — per-P timer heaps (Go's time.go): addTimer, stopTimer, resetTimer, checkTimers,
// and time.Sleep (sleepFor).
//
// Invariants (see timer.hpp for the state machine):
//  * A Waiting timer is in exactly one heap, pp == that P, heapIndex its slot; all three are
//    changed only under that P's timersLock.
//  * P::timer0When == when of heap[0] (0 if empty), stored under timersLock after every
//    change, read lock-free by idle Ms (to sleep until the next timer), stealers and sysmon.
//  * Callbacks run with no lock held, by whichever M found the timer due (the owner P's M in
//    schedule, or an M looking for work). A one-shot timer is NoStatus before its callback
//    starts, so the callback may free it (time.Sleep's timer lives on the sleeping G's stack).
// Lock order: Timers is taken alone, or under Sched by procresize/moveTimers.
#include <algorithm>

#include "runtime/proc.hpp"

namespace gol::rt {

// ---- the heap (binary, by when; heapIndex kept for O(log n) delete) ---------------------------

static void heapSwap(std::vector<Timer*>& h, size_t i, size_t j) {
    std::swap(h[i], h[j]);
    h[i]->heapIndex = static_cast<int32_t>(i);
    h[j]->heapIndex = static_cast<int32_t>(j);
}

static void siftUp(std::vector<Timer*>& h, size_t i) {
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h[parent]->when <= h[i]->when) break;
        heapSwap(h, i, parent);
        i = parent;
    }
}

static void siftDown(std::vector<Timer*>& h, size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h.size() && h[l]->when < h[m]->when) m = l;
        if (r < h.size() && h[r]->when < h[m]->when) m = r;
        if (m == i) return;
        heapSwap(h, i, m);
        i = m;
    }
}

static void heapPush(P* pp, Timer* t) {
    auto& h = pp->timers;
    t->heapIndex = static_cast<int32_t>(h.size());
    h.push_back(t);
    siftUp(h, h.size() - 1);
}

static void heapDelete(P* pp, Timer* t) {
    auto& h = pp->timers;
    size_t i = static_cast<size_t>(t->heapIndex);
    size_t last = h.size() - 1;
    if (i != last) heapSwap(h, i, last);
    h.pop_back();
    t->heapIndex = -1;
    if (i < h.size()) {
        siftDown(h, i);
        siftUp(h, i);
    }
}

static void updateTimer0When(P* pp) {
    // Precondition: pp->timersLock held. seq_cst store: pairs with lock-free readers.
    pp->timer0When.store(pp->timers.empty() ? 0 : pp->timers[0]->when);
}

// ---- operations -------------------------------------------------------------------------------

void addTimerOn(Sched& s, P* pp, Timer* t) {
    (void)s;
    std::lock_guard<RankedMutex> g(pp->timersLock);
    t->pp.store(pp);
    heapPush(pp, t);
    t->state.store(TimerState::Waiting); // after pp: stopTimer reads state, then pp
    updateTimer0When(pp);
}

// Which P gets a new timer: the caller's if it holds one of this runtime's Ps, else P0.
static P* timerP(Sched& s, bool* own) {
    M* m = currentM();
    if (m && m->s == &s && m->p) {
        *own = true;
        return m->p;
    }
    *own = false;
    return s.allp[0].load();
}

static void addTimerIn(Sched& s, Timer* t, int64_t whenNs, int64_t periodNs, Timer::Fn fn, void* arg) {
    t->when = whenNs;
    t->period = periodNs;
    t->fn = fn;
    t->arg = arg;
    bool own;
    P* pp = timerP(s, &own);
    addTimerOn(s, pp, t);
    // Our own P is running and checks its heap on every schedule round (and an idle M
    // computes its sleep from it), so only a timer put elsewhere needs a wake-up.
    if (!own) timerWake(s, whenNs);
}

void addTimer(Timer* t, int64_t whenNs, int64_t periodNs, Timer::Fn fn, void* arg) {
    addTimerIn(getRuntime()->sched(), t, whenNs, periodNs, fn, arg);
}

void Runtime::addTimer(Timer* t, int64_t whenNs, int64_t periodNs, Timer::Fn fn, void* arg) {
    addTimerIn(*s_, t, whenNs, periodNs, fn, arg);
}

bool stopTimer(Timer* t) {
    for (;;) {
        TimerState st = t->state.load();
        switch (st) {
        case TimerState::Waiting: {
            P* pp = t->pp.load();
            if (!pp) continue; // a runner is re-arming it right now
            std::lock_guard<RankedMutex> g(pp->timersLock);
            if (t->pp.load() != pp || t->state.load() != TimerState::Waiting) continue;
            heapDelete(pp, t);
            t->pp.store(nullptr);
            t->state.store(TimerState::NoStatus);
            updateTimer0When(pp);
            return true;
        }
        case TimerState::Running: {
            // A periodic timer whose callback is running: the runner will not re-arm it.
            if (t->state.compare_exchange_strong(st, TimerState::Removed)) return true;
            continue;
        }
        case TimerState::NoStatus:
        case TimerState::Removed: return false;
        }
    }
}

bool resetTimer(Timer* t, int64_t whenNs, int64_t periodNs) {
    Sched& s = getRuntime()->sched();
    bool was = stopTimer(t);
    t->seq++;
    addTimerIn(s, t, whenNs, periodNs, t->fn, t->arg);
    return was;
}

int64_t checkTimers(Sched& s, P* pp, int64_t now) {
    (void)s;
    int64_t next = pp->timer0When.load();
    if (next == 0 || next > now) return next;
    std::unique_lock<RankedMutex> lk(pp->timersLock);
    while (!pp->timers.empty()) {
        Timer* t = pp->timers[0];
        if (t->when > now) break;
        heapDelete(pp, t);
        t->pp.store(nullptr);
        Timer::Fn fn = t->fn;
        void* arg = t->arg;
        int64_t seq = t->seq;
        int64_t period = t->period;
        // One-shot: NoStatus before the callback, which may free the timer. Periodic: Running,
        // the owner keeps it alive and stopTimer turns it to Removed.
        t->state.store(period > 0 ? TimerState::Running : TimerState::NoStatus);
        updateTimer0When(pp);
        lk.unlock();
        fn(arg, seq);
        lk.lock();
        if (period > 0) {
            TimerState st = TimerState::Running;
            if (t->state.compare_exchange_strong(st, TimerState::Waiting)) {
                // Next firing: the first multiple of period after now (a slow consumer skips
                // ticks rather than receiving a burst, as Go's Ticker does).
                int64_t w = t->when + period;
                if (w <= now) w += ((now - w) / period + 1) * period;
                t->when = w;
                t->pp.store(pp);
                heapPush(pp, t);
                updateTimer0When(pp);
            } else if (st == TimerState::Removed) {
                t->state.store(TimerState::NoStatus);
            }
        }
    }
    return pp->timer0When.load();
}

int64_t nextTimerWhen(Sched& s) {
    int64_t best = 0;
    for (int32_t i = 0; i < s.gomaxprocs.load(); i++) {
        int64_t w = s.allp[i].load()->timer0When.load();
        if (w != 0 && (best == 0 || w < best)) best = w;
    }
    return best;
}

void moveTimers(P* from, P* to) {
    // Two Timers-rank locks are never held together: take the heap out, then put it back.
    std::vector<Timer*> ts;
    {
        std::lock_guard<RankedMutex> g(from->timersLock);
        ts.swap(from->timers);
        for (Timer* t : ts)
            t->pp.store(nullptr); // stopTimer waits until it is re-homed
        updateTimer0When(from);
    }
    std::lock_guard<RankedMutex> g(to->timersLock);
    for (Timer* t : ts) {
        t->pp.store(to);
        heapPush(to, t);
    }
    updateTimer0When(to);
}

void timerWake(Sched& s, int64_t when) {
    // A timer was added where no running M will look at it soon. If an M sleeps until a later
    // timer, wake it to recompute; if none sleeps on timers, start one (it will).
    {
        std::unique_lock<RankedMutex> lk(s.lock);
        if (s.timerSleeper) {
            if (when < s.timerSleepUntil) {
                M* m = s.timerSleeper;
                s.timerSleepUntil = when;
                lk.unlock();
                m->park.wakeup();
            }
            return;
        }
    }
    wakep(s);
}

void Runtime::forEachTimer(const std::function<void(Timer*)>& f) {
    Sched& s = *s_;
    for (int32_t i = 0; i < s.gomaxprocs.load(); i++) {
        P* pp = s.allp[i].load();
        std::lock_guard<RankedMutex> g(pp->timersLock);
        for (Timer* t : pp->timers)
            f(t);
    }
}

// ---- time.Sleep -------------------------------------------------------------------------------

static void sleepReady(void* arg, int64_t) {
    goready(static_cast<G*>(arg));
}

static bool sleepCommit(G* gp, void* arg) {
    // On g0, after the G is suspended: arm the timer now, so it cannot fire (and ready the G)
    // before the G is parked.
    Timer* t = static_cast<Timer*>(arg);
    addTimerIn(gp->rt->sched(), t, t->when, 0, sleepReady, gp);
    return true;
}

void sleepFor(int64_t ns) {
    if (ns <= 0) return; // Go: Sleep with a non-positive duration returns at once
    Timer t;
    t.when = nanotime() + ns;
    if (t.when < 0) t.when = INT64_MAX; // overflow: sleep "forever"
    gopark(sleepCommit, &t, WaitReason::Sleep);
}

} // namespace gol::rt
