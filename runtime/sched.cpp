// sched.cpp — the scheduler loop: schedule, findRunnable, execute, gopark/goready, the
// global run queue, spinning Ms, wakep/startm/stopm/handoffp, checkdead (Go's proc.go).
//
// Invariants and locks: see proc.hpp. The rules specific to this file:
//  * An M looks for work in this order: every 61st schedtick the global queue, then runnext
//    and its local queue, the global queue, due timers of every P, and finally (if it is
//    allowed to spin) it steals half of a random victim's queue, four rounds, taking the
//    victim's runnext only in the last round.
//  * At most half of the busy Ps have a spinning M: 2*nmspinning < gomaxprocs - npidle.
//  * Lost wake-ups are avoided as in Go: a spinning M that gives up first releases its P and
//    decrements nmspinning, *then* re-checks every run queue; whoever queues work checks
//    nmspinning after queueing (wakep). One of the two sees the other (seq_cst on both).
//  * A G is readied (goready) only after the lock protecting its wait queue is released.
#include <cstdio>

#include "runtime/proc.hpp"

namespace gol::rt {

uint32_t fastrandn(M* m, uint32_t n) {
    // xorshift64*: per-M state, no synchronisation needed.
    uint64_t x = m->fastrand;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    m->fastrand = x;
    return static_cast<uint32_t>(((x * 0x2545F4914F6CDD1DULL) >> 32) % n);
}

// ---- global run queue (under s.lock) ----------------------------------------------------------

void globrunqput(Sched& s, G* gp) {
    gp->schedlink = nullptr;
    if (s.runqtail)
        s.runqtail->schedlink = gp;
    else
        s.runqhead = gp;
    s.runqtail = gp;
    s.runqsize.fetch_add(1);
}

void globrunqputbatch(Sched& s, G* head, G* tail, int32_t n) {
    tail->schedlink = nullptr;
    if (s.runqtail)
        s.runqtail->schedlink = head;
    else
        s.runqhead = head;
    s.runqtail = tail;
    s.runqsize.fetch_add(n);
}

static G* globrunqpop(Sched& s) {
    G* gp = s.runqhead;
    if (!gp) return nullptr;
    s.runqhead = gp->schedlink;
    if (!s.runqhead) s.runqtail = nullptr;
    s.runqsize.fetch_sub(1);
    return gp;
}

G* globrunqget(Sched& s, P* pp, int32_t max) {
    int32_t size = s.runqsize.load();
    if (size == 0) return nullptr;
    // Take a fair share (size/gomaxprocs + 1) so the other Ps find some too, at most half a
    // local queue so the refill cannot overflow it.
    int32_t n = size / s.gomaxprocs.load() + 1;
    if (n > size) n = size;
    if (max > 0 && n > max) n = max;
    if (n > static_cast<int32_t>(kRunqSize / 2)) n = kRunqSize / 2;
    G* gp = globrunqpop(s);
    for (n--; n > 0; n--)
        runqput(s, pp, globrunqpop(s), false);
    return gp;
}

// ---- idle P and M lists (under s.lock) --------------------------------------------------------

void pidleput(Sched& s, P* pp) {
    pp->status.store(PStatus::Idle);
    pp->m = nullptr;
    pp->link = s.pidle;
    s.pidle = pp;
    s.npidle.fetch_add(1);
}

P* pidleget(Sched& s) {
    P* pp = s.pidle;
    if (!pp) return nullptr;
    s.pidle = pp->link;
    pp->link = nullptr;
    s.npidle.fetch_sub(1);
    return pp;
}

void mput(Sched& s, M* m) {
    m->schedlink = s.midle;
    s.midle = m;
    m->idle = true;
    s.nmidle++;
}

M* mget(Sched& s) {
    M* m = s.midle;
    if (!m) return nullptr;
    s.midle = m->schedlink;
    m->idle = false;
    s.nmidle--;
    return m;
}

static void mremove(Sched& s, M* m) {
    for (M** pm = &s.midle; *pm; pm = &(*pm)->schedlink) {
        if (*pm == m) {
            *pm = m->schedlink;
            m->idle = false;
            s.nmidle--;
            return;
        }
    }
}

void acquirep(M* m, P* pp) {
    m->p = pp;
    pp->m = m;
    pp->status.store(PStatus::Running);
    // A P starts running: sysmon must watch it. Dekker pair with sysmon's deep sleep: it
    // stores sysmonIdle then re-reads npidle; we decremented npidle (pidleget) before this
    // seq_cst load. One of the two sees the other, so sysmon cannot sleep through a busy P.
    if (m->s->sysmonIdle.load()) sysmonwake(*m->s);
}

P* releasep(M* m) {
    P* pp = m->p;
    m->p = nullptr;
    pp->m = nullptr;
    return pp;
}

// ---- Note -------------------------------------------------------------------------------------

void Note::wakeup() {
    std::lock_guard<std::mutex> g(mu);
    set = true;
    cv.notify_one();
}
void Note::sleep() {
    std::unique_lock<std::mutex> g(mu);
    cv.wait(g, [&] { return set; });
}
bool Note::sleepFor(int64_t ns) {
    std::unique_lock<std::mutex> g(mu);
    return cv.wait_for(g, std::chrono::nanoseconds(ns), [&] { return set; });
}
void Note::clear() {
    std::lock_guard<std::mutex> g(mu);
    set = false;
}

// ---- starting and stopping Ms -----------------------------------------------------------------

static void signalExit(Sched& s, Runtime::Exit kind) {
    s.frozen.store(true);
    std::lock_guard<std::mutex> g(s.exitMu);
    if (!s.exitSet) {
        s.exitSet = true;
        s.exitKind = kind;
    }
    s.exitCv.notify_all();
}

void checkdead(Sched& s) {
    // Precondition: s.lock held. Called whenever an M goes idle.
    if (!s.running || s.frozen.load() || s.gcwaiting.load() || s.exiting.load()) return;
    if (s.hostRefs.load() > 0) return; // a host thread may still send or spawn
    int32_t run = s.mcount - s.nmidle; // Ms running Gs, in syscalls, or just created
    if (run > 0) return;
    if (s.runqsize.load() > 0) return; // cannot happen with every M idle; be safe, not sorry
    for (int i = 0; i < s.gomaxprocs.load(); i++)
        if (!runqempty(s.allp[i].load())) return;
    if (s.gcount.load() == 0 && s.mainGoexit.load()) {
        // Go checks this before the timers: with no goroutine left, a pending timer cannot
        // help (Go's checkdead, "possible if main goroutine calls runtime·Goexit()").
        {
            std::lock_guard<std::mutex> g(s.exitMu);
            s.noGoroutines = true;
        }
        s.fatalStatus.store(2);
        signalExit(s, Runtime::Exit::Fatal);
        return;
    }
    if (nextTimerWhen(s) != 0) return; // a timer will ready someone; an M sleeps until it
    signalExit(s, Runtime::Exit::Deadlock);
}

void startm(Sched& s, P* pp, bool spinning) {
    std::unique_lock<RankedMutex> lk(s.lock);
    if (!pp) {
        pp = pidleget(s);
        if (!pp) {
            lk.unlock();
            if (spinning) s.nmspinning.fetch_sub(1); // undo wakep's increment
            return;
        }
    }
    M* nm = mget(s);
    if (!nm) {
        nm = newm(s, pp);
        nm->spinning = spinning;
        nm->thread = std::thread(mstart, nm);
        return;
    }
    nm->spinning = spinning;
    nm->nextp = pp;
    lk.unlock();
    nm->park.wakeup();
}

void wakep(Sched& s) {
    if (s.frozen.load() || s.exiting.load()) return;
    // Only one spinning M at a time is started by wakep; it wakes the next one when it finds
    // work (resetspinning). seq_cst loads pair with the idle M's decrement-then-recheck.
    if (s.npidle.load() == 0) return;
    int32_t zero = 0;
    if (!s.nmspinning.compare_exchange_strong(zero, 1)) return;
    if (s.sysmonIdle.load()) sysmonwake(s);
    startm(s, nullptr, true);
}

static void resetspinning(M* m) {
    Sched& s = *m->s;
    m->spinning = false;
    int32_t n = s.nmspinning.fetch_sub(1) - 1;
    // We were the last spinning M and found work: there may be more, start another spinner.
    if (n == 0 && s.npidle.load() > 0) wakep(s);
}

void handoffp(Sched& s, P* pp) {
    // The P was taken from an M that blocks (syscall) or stops: give it to a new M if there is
    // anything it could do, else make it idle.
    if (!runqempty(pp) || s.runqsize.load() > 0) {
        startm(s, pp, false);
        return;
    }
    {
        std::lock_guard<RankedMutex> g(s.lock);
        if (s.gcwaiting.load()) {
            pp->status.store(PStatus::Stopped);
            if (--s.stopwait == 0) s.stopnote.wakeup();
            return;
        }
    }
    int32_t zero = 0;
    if (!s.frozen.load() && s.npidle.load() == 0 && s.nmspinning.compare_exchange_strong(zero, 1)) {
        // No one else is looking for work: this P's new M spins.
        startm(s, pp, true);
        return;
    }
    int64_t when = pp->timer0When.load();
    {
        std::lock_guard<RankedMutex> g(s.lock);
        pidleput(s, pp);
    }
    if (when != 0) timerWake(s, when);
}

void stopm(M* m) {
    // Park this M (it holds no P) until startm hands it one, or until the next timer is due if
    // it is the timer sleeper.
    Sched& s = *m->s;
    for (;;) {
        std::unique_lock<RankedMutex> lk(s.lock);
        if (s.exiting.load()) return;
        mput(s, m);
        bool timed = false;
        M* earlierWake = nullptr;
        int64_t when = nextTimerWhen(s);
        if (when != 0 && !s.frozen.load()) {
            if (s.timerSleeper == nullptr) {
                s.timerSleeper = m;
                s.timerSleepUntil = when;
                timed = true;
            } else if (when < s.timerSleepUntil) {
                // Our P's timer is due before the one the sleeper waits for (it was added
                // on a running P, so nobody was told): wake the sleeper to recompute, as
                // timerWake does. Without this a ticker on an idle P never fired.
                earlierWake = s.timerSleeper;
                s.timerSleepUntil = when;
            }
        }
        checkdead(s);
        lk.unlock();
        if (earlierWake) earlierWake->park.wakeup();
        if (timed) {
            int64_t d = when - nanotime();
            if (d > 0) m->park.sleepFor(d);
        } else {
            m->park.sleep();
        }
        lk.lock();
        if (s.timerSleeper == m) s.timerSleeper = nullptr;
        if (m->idle) {
            // Nobody handed us a P: we woke for a timer (or a new earlier timer, or exit).
            mremove(s, m);
            if (s.exiting.load()) return;
            P* pp = s.frozen.load() || s.gcwaiting.load() ? nullptr : pidleget(s);
            lk.unlock();
            m->park.clear();
            if (pp) {
                acquirep(m, pp);
                return;
            }
            continue;
        }
        lk.unlock();
        m->park.sleep(); // startm set nextp under the lock; its wakeup is on its way
        m->park.clear();
        if (m->nextp) {
            P* pp = m->nextp;
            m->nextp = nullptr;
            acquirep(m, pp);
        }
        return;
    }
}

// The world is stopping: hand our P in and stop.
static void gcstopm(M* m) {
    Sched& s = *m->s;
    if (m->spinning) {
        m->spinning = false;
        s.nmspinning.fetch_sub(1);
    }
    P* pp = releasep(m);
    std::lock_guard<RankedMutex> g(s.lock);
    pp->status.store(PStatus::Stopped);
    if (--s.stopwait == 0) s.stopnote.wakeup();
}

void freezeP(Sched& s, M* m) {
    if (m->spinning) {
        m->spinning = false;
        s.nmspinning.fetch_sub(1);
    }
    P* pp = releasep(m);
    G* head;
    G* tail;
    int32_t n = runqdrain(pp, &head, &tail);
    std::lock_guard<RankedMutex> g(s.lock);
    if (n > 0) globrunqputbatch(s, head, tail, n);
    if (s.gcwaiting.load()) {
        pp->status.store(PStatus::Stopped);
        if (--s.stopwait == 0) s.stopnote.wakeup();
    } else {
        pidleput(s, pp);
    }
}

// ---- finding work -----------------------------------------------------------------------------

G* findRunnable(M* m, bool* inheritTime) {
    Sched& s = *m->s;
    *inheritTime = false;
top:
    if (s.exiting.load() || s.frozen.load()) {
        freezeP(s, m);
        return nullptr;
    }
    if (s.gcwaiting.load()) {
        gcstopm(m);
        return nullptr;
    }
    P* pp = m->p;
    int64_t now = nanotime();
    checkTimers(s, pp, now);

    // Fairness: every 61st tick look at the global queue first.
    if (pp->schedtick.load(std::memory_order_relaxed) % kGlobalRunqTick == 0 && s.runqsize.load() > 0) {
        std::lock_guard<RankedMutex> g(s.lock);
        if (G* gp = globrunqget(s, pp, 1)) return gp;
    }
    if (G* gp = runqget(pp, inheritTime)) return gp;
    if (s.runqsize.load() > 0) {
        std::lock_guard<RankedMutex> g(s.lock);
        if (G* gp = globrunqget(s, pp, 0)) return gp;
    }
    // Due timers of the other Ps (an idle P's timers are run by whoever looks for work).
    int32_t procs = s.gomaxprocs.load();
    for (int32_t i = 0; i < procs; i++) {
        P* p2 = s.allp[i].load();
        if (p2 == pp) continue;
        int64_t w = p2->timer0When.load();
        if (w != 0 && w <= now) checkTimers(s, p2, now);
    }
    if (G* gp = runqget(pp, inheritTime)) return gp;

    // Steal, if spinning is allowed: at most half of the busy Ps may have a spinning M.
    if (m->spinning || 2 * s.nmspinning.load() < procs - s.npidle.load()) {
        if (!m->spinning) {
            m->spinning = true;
            s.nmspinning.fetch_add(1);
        }
        for (int round = 0; round < 4; round++) {
            uint32_t start = fastrandn(m, procs);
            for (int32_t k = 0; k < procs; k++) {
                if (s.gcwaiting.load() || s.frozen.load() || s.exiting.load()) goto top;
                P* p2 = s.allp[(start + k) % procs].load();
                if (p2 == pp) continue;
                if (G* gp = runqsteal(pp, p2, round == 3)) return gp;
            }
        }
    }

    // Nothing to do. Give up the P, then re-check everything (see the lost wake-up rule).
    {
        std::unique_lock<RankedMutex> lk(s.lock);
        if (s.gcwaiting.load() || s.frozen.load() || s.exiting.load()) {
            lk.unlock();
            goto top;
        }
        if (s.runqsize.load() > 0) {
            G* gp = globrunqget(s, pp, 0);
            return gp;
        }
        releasep(m);
        pidleput(s, pp);
    }
    bool wasSpinning = m->spinning;
    if (m->spinning) {
        m->spinning = false;
        s.nmspinning.fetch_sub(1);
    }
    for (int32_t i = 0; i < procs; i++) {
        P* p2 = s.allp[i].load();
        if (!runqempty(p2)) {
            std::unique_lock<RankedMutex> lk(s.lock);
            P* np = pidleget(s);
            lk.unlock();
            if (np) {
                acquirep(m, np);
                if (wasSpinning) {
                    m->spinning = true;
                    s.nmspinning.fetch_add(1);
                }
                goto top;
            }
            break;
        }
    }
    return nullptr; // the caller parks the M (stopm) and loops
}

// ---- running a G ------------------------------------------------------------------------------

// What g0 does once a G switched to it (Go's park_m, gosched_m, goexit0, exitsyscall0...).
// Returns a G to run at once (the same one, if its park was cancelled), or nullptr.
static G* afterSwitch(M* m, G* gp) {
    Sched& s = *m->s;
    M::Action a = m->action;
    m->action = M::Action::None;
    m->curg.store(nullptr);
    switch (a) {
    case M::Action::Park: {
        gp->atomicstatus.store(GStatus::Waiting);
        auto unlockf = m->waitunlockf;
        void* lock = m->waitlock;
        m->waitunlockf = nullptr;
        m->waitlock = nullptr;
        // After unlockf returns true another M may already run gp: do not touch it again.
        if (unlockf && !unlockf(gp, lock)) {
            gp->atomicstatus.store(GStatus::Runnable);
            return gp;
        }
        return nullptr;
    }
    case M::Action::Gosched:
    case M::Action::Preempt: {
        gp->atomicstatus.store(a == M::Action::Preempt ? GStatus::Preempted : GStatus::Runnable);
        {
            std::lock_guard<RankedMutex> g(s.lock);
            globrunqput(s, gp);
        }
        wakep(s);
        return nullptr;
    }
    case M::Action::Yield: {
        gp->atomicstatus.store(GStatus::Runnable);
        runqput(s, m->p, gp, false);
        return nullptr;
    }
    case M::Action::Exit: {
        bool isMain = gp == s.mainG.load();
        // runtime.Goexit on main: the program goes on without it (checkdead ends it).
        bool mainReturned = isMain && !s.mainGoexit.load();
        gp->atomicstatus.store(GStatus::Dead);
        gp->m = nullptr;
        gp->fn = nullptr;
        gp->entry = nullptr;
        gp->waiting = nullptr;
        gp->param = nullptr;
        s.gcount.fetch_sub(1);
        if (isMain) s.mainG.store(nullptr);
        gfput(s, m->p, gp);
        if (mainReturned) signalExit(s, Runtime::Exit::MainReturned);
        return nullptr;
    }
    case M::Action::ExitSyscall: {
        // exitsyscall found no P: take one if one became idle, else queue gp and stop.
        gp->atomicstatus.store(GStatus::Runnable);
        P* pp = nullptr;
        {
            std::lock_guard<RankedMutex> g(s.lock);
            if (!s.frozen.load() && !s.gcwaiting.load() && !s.exiting.load()) pp = pidleget(s);
            if (!pp) globrunqput(s, gp);
        }
        if (pp) {
            acquirep(m, pp);
            return gp;
        }
        return nullptr;
    }
    case M::Action::Fatal: gp->atomicstatus.store(GStatus::Waiting); return nullptr;
    case M::Action::None: return nullptr;
    }
    return nullptr;
}

static void execute(M* m, G* gp, bool inheritTime) {
    while (gp) {
        m->curg.store(gp);
        gp->m = m;
        gp->atomicstatus.store(GStatus::Running);
        if (!inheritTime) m->p->schedtick.fetch_add(1, std::memory_order_relaxed);
        switchToG(m, gp);
        gp = afterSwitch(m, gp);
        inheritTime = true;
    }
}

void schedule(M* m) {
    bool inheritTime = false;
    G* gp = findRunnable(m, &inheritTime);
    if (!gp) return;
    if (m->spinning) resetspinning(m);
    execute(m, gp, inheritTime);
}

void mcall(M::Action a) {
    M* m = currentM();
    G* gp = m->curg.load();
    m->action = a;
    switchToG0FromG(gp);
    if (gp->killed && a != M::Action::Exit) throw GoroutineUnwind{};
}

// ---- the G-side API ---------------------------------------------------------------------------

G* getg() {
    M* m = currentM();
    return m ? m->curg.load() : nullptr;
}

Runtime* getRuntime() {
    M* m = currentM();
    return m ? m->s->rt : nullptr;
}

void gopark(bool (*unlockf)(G*, void*), void* arg, WaitReason reason) {
    M* m = currentM();
    G* gp = m->curg.load();
    gp->waitreason.store(reason, std::memory_order_relaxed);
    gp->waitsince.store(nanotime(), std::memory_order_relaxed);
    m->waitunlockf = unlockf;
    m->waitlock = arg;
    mcall(M::Action::Park);
}

void ready(Sched& s, G* gp, bool next) {
    gp->atomicstatus.store(GStatus::Runnable);
    M* m = currentM();
    if (m && m->s == &s && m->p) {
        runqput(s, m->p, gp, next);
    } else {
        std::lock_guard<RankedMutex> g(s.lock);
        globrunqput(s, gp);
    }
    wakep(s);
}

void goready(G* gp) {
    // Precondition: gp is parked (Waiting) and its waker removed it from every wait queue.
    ready(gp->rt->sched(), gp, true);
}

void gosched() {
    mcall(M::Action::Gosched);
}

void goyield() {
    mcall(M::Action::Yield);
}

void preemptPark() {
    G* gp = getg();
    gp->preempt.store(0);
    mcall(M::Action::Preempt);
}

void goexitNow() {
    M* m = currentM();
    if (m && m->curg.load() == m->s->mainG.load()) m->s->mainGoexit.store(true);
    throw GoroutineUnwind{};
}

int64_t nanotime() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace gol::rt
