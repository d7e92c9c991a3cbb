// proc.cpp — Runtime lifecycle, G allocation (free-G lists), M threads, GOMAXPROCS
// (procresize), stop-the-world, fatal (Go's proc.go, the parts that are not the loop).
//
// Invariants and locks: see proc.hpp. Specific to this file:
//  * allgs only grows (its ends under allglock, see forEachAllg); a G is reused through the
//    free lists and destroyed only by ~Runtime, so a G* read racily (sysmon, traces) always
//    points to a G.
//  * Ms (and their threads) are created on demand by startm and live until ~Runtime.
//  * Ps are created up to the largest GOMAXPROCS ever set and never freed before ~Runtime;
//    Ps with id >= gomaxprocs are Dead.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "runtime/proc.hpp"

namespace gol::rt {

// ---- free Gs ----------------------------------------------------------------------------------

// 64/32: a P keeps up to 64 dead Gs (with their stacks) and moves 32 at a time to/from the
// global list, so a spawn-heavy P and a exit-heavy P balance without taking the lock per G.
constexpr int32_t kLocalGFreeMax = 64;
constexpr int32_t kGFreeBatch = 32;

void gfput(Sched& s, P* pp, G* gp) {
    if (!pp) {
        std::lock_guard<RankedMutex> g(s.gFreeLock);
        gp->schedlink = s.gFree;
        s.gFree = gp;
        s.nGFree.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    gp->schedlink = pp->gFree;
    pp->gFree = gp;
    pp->nGFree++;
    if (pp->nGFree >= kLocalGFreeMax) {
        std::lock_guard<RankedMutex> g(s.gFreeLock);
        while (pp->nGFree > kLocalGFreeMax - kGFreeBatch) {
            G* x = pp->gFree;
            pp->gFree = x->schedlink;
            pp->nGFree--;
            x->schedlink = s.gFree;
            s.gFree = x;
            s.nGFree.fetch_add(1, std::memory_order_relaxed);
        }
    }
}

G* gfget(Sched& s, P* pp) {
    if (pp && pp->gFree == nullptr && s.nGFree.load(std::memory_order_relaxed) > 0) {
        std::lock_guard<RankedMutex> g(s.gFreeLock);
        for (int i = 0; i < kGFreeBatch && s.gFree; i++) {
            G* x = s.gFree;
            s.gFree = x->schedlink;
            s.nGFree.fetch_sub(1, std::memory_order_relaxed);
            x->schedlink = pp->gFree;
            pp->gFree = x;
            pp->nGFree++;
        }
    }
    if (pp) {
        G* gp = pp->gFree;
        if (gp) {
            pp->gFree = gp->schedlink;
            pp->nGFree--;
        }
        return gp;
    }
    std::lock_guard<RankedMutex> g(s.gFreeLock);
    G* gp = s.gFree;
    if (gp) {
        s.gFree = gp->schedlink;
        s.nGFree.fetch_sub(1, std::memory_order_relaxed);
    }
    return gp;
}

// A G for a new goroutine: reused from pp's free list (or the global one) with its fiber and
// stack, else created with a fresh fiber. Not yet visible to the scheduler: a new G is on allgs
// as Idle, a reused one is Dead, and forEachG and traces skip both.
static G* allocg(Sched& s, P* pp) {
    G* gp = gfget(s, pp);
    if (!gp) {
        gp = createG(s);
        std::lock_guard<RankedMutex> g(s.allglock);
        if (s.allgLast)
            s.allgLast->alllink = gp;
        else
            s.allgFirst = gp;
        s.allgLast = gp;
    }
    return gp;
}

// Makes gp runnable: onto pp's runnext (like Go: the new G runs next on this P), or, from a host
// thread, the global queue. Every field is set before the G is published by the queue's release.
static void startg(Sched& s, P* pp, G* gp, bool isMain) {
    gp->goid = s.goidgen.fetch_add(1) + 1;
    gp->waitreason.store(WaitReason::Zero, std::memory_order_relaxed);
    gp->preempt.store(0, std::memory_order_relaxed);
    gp->selectDone.store(0, std::memory_order_relaxed);
    gp->schedlink = nullptr;
    s.gcount.fetch_add(1);
    gp->atomicstatus.store(GStatus::Runnable);
    if (isMain) s.mainG.store(gp);
    if (pp) {
        runqput(s, pp, gp, true);
    } else {
        std::lock_guard<RankedMutex> g(s.lock);
        globrunqput(s, gp);
    }
    wakep(s);
}

// The P of the calling M if it belongs to s (a goroutine of this runtime), else null (a host).
static P* currentP(Sched& s) {
    M* m = currentM();
    return (m && m->s == &s) ? m->p : nullptr;
}

G* newproc(Sched& s, std::function<void()> fn, bool isMain) {
    P* pp = currentP(s);
    G* gp = allocg(s, pp);
    gp->fn = std::move(fn);
    gp->entry = nullptr;
    startg(s, pp, gp, isMain);
    return gp;
}

// ---- Ms ---------------------------------------------------------------------------------------

M* newm(Sched& s, P* pp) {
    // Precondition: s.lock held (mcount, allm).
    M* m = new M;
    m->s = &s;
    m->id = s.mnext++;
    m->nextp = pp;
    m->fastrand = 0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(m->id + 1);
    s.mcount++;
    s.allm.push_back(m);
    return m;
}

void mstart(M* m) {
    Sched& s = *m->s;
    setCurrentM(m);
    if (m->nextp) {
        P* pp = m->nextp;
        m->nextp = nullptr;
        acquirep(m, pp);
    }
    while (!s.exiting.load()) {
        if (!m->p) {
            stopm(m);
            continue;
        }
        schedule(m);
    }
    if (m->p) freezeP(s, m);
    setCurrentM(nullptr);
}

// ---- Ps ---------------------------------------------------------------------------------------

void procresize(Sched& s, int32_t n) {
    // Precondition: the world is stopped (every P Stopped, none idle) and s.lock is held.
    int32_t old = s.gomaxprocs.load();
    for (int32_t i = 0; i < n; i++) {
        if (!s.allp[i].load()) {
            P* pp = new P;
            pp->id = i;
            pp->status.store(PStatus::Stopped);
            s.allp[i].store(pp);
        } else if (s.allp[i].load()->status.load() == PStatus::Dead) {
            s.allp[i].load()->status.store(PStatus::Stopped);
        }
    }
    for (int32_t i = n; i < old; i++) {
        P* pp = s.allp[i].load();
        G* head;
        G* tail;
        int32_t k = runqdrain(pp, &head, &tail);
        if (k > 0) globrunqputbatch(s, head, tail, k);
        moveTimers(pp, s.allp[0].load());
        while (pp->gFree) {
            G* x = pp->gFree;
            pp->gFree = x->schedlink;
            std::lock_guard<RankedMutex> g(s.gFreeLock);
            x->schedlink = s.gFree;
            s.gFree = x;
            s.nGFree.fetch_add(1, std::memory_order_relaxed);
        }
        pp->nGFree = 0;
        pp->status.store(PStatus::Dead);
    }
    s.gomaxprocs.store(n);
    M* m = currentM();
    if (m && m->s == &s && m->p && m->p->id >= n) {
        // Our own P is gone: continue on P0.
        m->p->m = nullptr;
        m->p = nullptr;
        acquirep(m, s.allp[0].load());
        s.allp[0].load()->status.store(PStatus::Stopped); // startTheWorld sets it Running
    }
}

void preemptall(Sched& s) {
    for (int32_t i = 0; i < s.gomaxprocs.load(); i++) {
        P* pp = s.allp[i].load();
        if (pp->status.load() != PStatus::Running) continue;
        M* mp = pp->m.load();
        if (!mp) continue;
        if (G* gp = mp->curg.load()) gp->preempt.store(1);
    }
}

static int32_t defaultProcs(int requested) {
    if (requested > 0) return requested > kMaxProcs ? kMaxProcs : requested;
    if (const char* e = getenv("GOMAXPROCS")) {
        char* end;
        long v = strtol(e, &end, 10);
        if (*e && *end == 0 && v > 0) return v > kMaxProcs ? kMaxProcs : static_cast<int32_t>(v);
    }
    unsigned hc = std::thread::hardware_concurrency();
    return hc == 0 ? 1 : (hc > static_cast<unsigned>(kMaxProcs) ? kMaxProcs : static_cast<int32_t>(hc));
}

// ---- Runtime ----------------------------------------------------------------------------------

Runtime::Runtime(RuntimeOptions opts) : s_(std::make_unique<Sched>(opts.stackSize)) {
    Sched& s = *s_;
    s.rt = this;
    s.opts = std::move(opts);
    s.startTime = nanotime();
    semtableInit(s);
    std::lock_guard<RankedMutex> g(s.lock);
    int32_t n = defaultProcs(s.opts.gomaxprocs);
    s.gomaxprocs.store(0);
    procresize(s, n);
    for (int32_t i = n - 1; i >= 0; i--)
        pidleput(s, s.allp[i].load());
}

Runtime::~Runtime() {
    Sched& s = *s_;
    {
        std::lock_guard<RankedMutex> g(s.lock);
        s.exiting.store(true);
        s.frozen.store(true);
    }
    // Running Gs stop at their next safepoint; idle Ms wake and see `exiting`.
    for (int i = 0; i < kMaxProcs; i++)
        if (P* pp = s.allp[i].load())
            if (M* mp = pp->m.load())
                if (G* gp = mp->curg.load()) gp->preempt.store(1);
    std::vector<M*> ms;
    {
        std::lock_guard<RankedMutex> g(s.lock);
        ms = s.allm;
    }
    for (M* m : ms)
        m->park.wakeup();
    for (M* m : ms)
        if (m->thread.joinable()) m->thread.join();
    if (s.sysmonStarted.load()) {
        s.sysmonNote.wakeup();
        s.sysmonThread.join();
    }
    // Every G is now suspended (or dead on a free list): unwind and free them.
    for (G* gp = s.allgFirst; gp; gp = gp->alllink)
        destroyGFiber(s, gp);
    for (G* gp = s.allgFirst; gp;) {
        G* next = gp->alllink;
        if (gp->spare) gp->spareFree(gp->spare);
        destroyG(gp);
        gp = next;
    }
    for (M* m : ms)
        delete m;
    for (int i = 0; i < kMaxProcs; i++)
        delete s.allp[i].load();
    semtableDestroy(s);
}

Runtime::Exit Runtime::runMain(std::function<void()> fn) {
    Sched& s = *s_;
    startSysmon(s);
    {
        std::lock_guard<std::mutex> g(s.exitMu);
        s.exitSet = false;
        s.noGoroutines = false;
    }
    s.mainGoexit.store(false);
    // Queue the main G while still frozen (newproc's wakep does nothing then): an M that goes
    // idle as we unfreeze must find it queued, or its checkdead would report a deadlock.
    newproc(s, std::move(fn), true);
    {
        std::lock_guard<RankedMutex> g(s.lock);
        s.running = true;
        s.frozen.store(false);
    }
    sysmonwake(s); // it may be in its deep sleep from the previous freeze
    // Gs left runnable by a previous runMain are in the global queue: one spinning M finds
    // them and wakes more as it goes (resetspinning).
    wakep(s);
    Exit kind;
    {
        std::unique_lock<std::mutex> g(s.exitMu);
        s.exitCv.wait(g, [&] { return s.exitSet; });
        kind = s.exitKind;
        // The one fatal error the runtime reports itself: no goroutine is left to report it.
        if (s.noGoroutines)
            std::fputs("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n", stderr);
    }
    {
        std::lock_guard<RankedMutex> g(s.lock);
        s.running = false;
        s.frozen.store(true);
    }
    // Running Gs stop at their next safepoint and their Ms give their Ps back (freezeP). Wait
    // for that: the host may free the program once we return. A P in a syscall is not waited
    // for (its G may block in a native indefinitely); exitsyscall parks the G when it returns.
    for (;;) {
        preemptall(s);
        bool busy = false;
        for (int32_t i = 0; i < s.gomaxprocs.load() && !busy; i++)
            busy = s.allp[i].load()->status.load() == PStatus::Running;
        if (!busy) break;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    return kind;
}

bool Runtime::stopping() const {
    return s_->frozen.load();
}

G* Runtime::spawn(std::function<void()> fn) {
    return newproc(*s_, std::move(fn), false);
}

G* Runtime::newG() {
    return allocg(*s_, currentP(*s_));
}

void Runtime::startG(G* gp, void (*entry)(G*), void* user) {
    gp->entry = entry;
    gp->user = user;
    startg(*s_, currentP(*s_), gp, false);
}

void Runtime::freeG(G* gp) {
    // Never started: it goes back as it came (Idle if new; gfget does not look at the status).
    gp->atomicstatus.store(GStatus::Dead);
    gfput(*s_, currentP(*s_), gp);
}

void Runtime::fatal(int status) {
    Sched& s = *s_;
    s.fatalStatus.store(status);
    s.frozen.store(true);
    {
        std::lock_guard<std::mutex> g(s.exitMu);
        if (!s.exitSet) {
            s.exitSet = true;
            s.exitKind = Exit::Fatal;
        }
        s.exitCv.notify_all();
    }
    M* m = currentM();
    if (m && m->s == &s && m->curg.load()) {
        G* gp = m->curg.load();
        gp->waitreason.store(WaitReason::Panicking);
        gp->waitsince.store(nanotime());
        mcall(M::Action::Fatal);
        // Resumed only to be killed by ~Runtime.
        throw GoroutineUnwind{};
    }
}

int Runtime::fatalStatus() const {
    return s_->fatalStatus.load();
}

int Runtime::gomaxprocs() const {
    return s_->gomaxprocs.load();
}

int Runtime::numGoroutine() const {
    return s_->gcount.load();
}

int Runtime::currentProcId() const {
    // m->p is written only by the M itself (acquirep, releasep, entersyscall), so the calling
    // thread reads its own P without a race.
    M* m = currentM();
    if (!m || m->s != s_.get() || !m->p) return -1;
    return m->p->id;
}

int64_t Runtime::startNanotime() const {
    return s_->startTime;
}

int Runtime::setGomaxprocs(int n) {
    Sched& s = *s_;
    int old = s.gomaxprocs.load();
    if (n < 1 || n == old) return old;
    if (n > kMaxProcs) n = kMaxProcs;
    M* m = currentM();
    if (m && m->s == &s && m->curg.load()) {
        stopTheWorld();
        {
            std::lock_guard<RankedMutex> g(s.lock);
            procresize(s, n);
        }
        startTheWorld();
        return old;
    }
    // From the host while no goroutine runs: re-deal the idle Ps.
    std::lock_guard<RankedMutex> g(s.lock);
    while (P* pp = pidleget(s))
        pp->status.store(PStatus::Stopped);
    procresize(s, n);
    for (int32_t i = n - 1; i >= 0; i--) {
        P* pp = s.allp[i].load();
        if (pp->status.load() == PStatus::Stopped) pidleput(s, pp);
    }
    return old;
}

void Runtime::stopTheWorld() {
    Sched& s = *s_;
    M* m = currentM();
    std::unique_lock<RankedMutex> lk(s.lock);
    // Another STW may be in progress (two Gs calling it): wait for it to finish by yielding.
    while (s.gcwaiting.load()) {
        lk.unlock();
        gosched();
        m = currentM();
        lk.lock();
    }
    s.gcwaiting.store(true);
    int32_t procs = s.gomaxprocs.load();
    s.stopwait = procs;
    m->p->status.store(PStatus::Stopped);
    s.stopwait--;
    for (int32_t i = 0; i < procs; i++) {
        P* pp = s.allp[i].load();
        PStatus st = PStatus::Syscall;
        if (pp->status.compare_exchange_strong(st, PStatus::Stopped)) s.stopwait--;
    }
    while (P* pp = pidleget(s)) {
        pp->status.store(PStatus::Stopped);
        s.stopwait--;
    }
    bool wait = s.stopwait > 0;
    lk.unlock();
    if (wait) {
        for (;;) {
            preemptall(s);
            // 100 µs: re-send preemption requests in case a G raced past its safepoint.
            if (s.stopnote.sleepFor(100'000)) break;
        }
    }
    s.stopnote.clear();
}

int64_t Runtime::startTheWorld() {
    Sched& s = *s_;
    M* m = currentM();
    std::vector<P*> withWork;
    {
        std::lock_guard<RankedMutex> g(s.lock);
        s.gcwaiting.store(false);
        for (int32_t i = 0; i < s.gomaxprocs.load(); i++) {
            P* pp = s.allp[i].load();
            if (pp == m->p) {
                pp->status.store(PStatus::Running);
                continue;
            }
            if (pp->status.load() != PStatus::Stopped) continue;
            if (!runqempty(pp)) {
                pp->status.store(PStatus::Idle);
                withWork.push_back(pp);
            } else {
                pidleput(s, pp);
            }
        }
    }
    for (P* pp : withWork)
        startm(s, pp, false);
    int64_t started = nanotime();
    wakep(s);
    return started;
}

void Runtime::forEachG(const std::function<void(G*)>& f) {
    forEachAllg(*s_, [&](G* gp) {
        GStatus st = gp->status();
        if (st != GStatus::Dead && st != GStatus::Idle) f(gp);
    });
}

void Runtime::acquireHostRef() {
    s_->hostRefs.fetch_add(1);
}

void Runtime::releaseHostRef() {
    Sched& s = *s_;
    if (s.hostRefs.fetch_sub(1) == 1) {
        // The last handle is gone: if every M is idle, that may be a deadlock now.
        std::lock_guard<RankedMutex> g(s.lock);
        checkdead(s);
    }
}

const char* gstatusString(GStatus st) {
    switch (st) {
    case GStatus::Idle: return "idle";
    case GStatus::Runnable: return "runnable";
    case GStatus::Running: return "running";
    case GStatus::Syscall: return "syscall";
    case GStatus::Waiting: return "waiting";
    case GStatus::Dead: return "dead";
    case GStatus::Preempted: return "preempted";
    }
    return "???";
}

const char* waitReasonString(WaitReason r) {
    switch (r) {
    case WaitReason::Zero: return "";
    case WaitReason::ChanReceive: return "chan receive";
    case WaitReason::ChanSend: return "chan send";
    case WaitReason::ChanReceiveNilChan: return "chan receive (nil chan)";
    case WaitReason::ChanSendNilChan: return "chan send (nil chan)";
    case WaitReason::Select: return "select";
    case WaitReason::SelectNoCases: return "select (no cases)";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::SyncMutexLock: return "sync.Mutex.Lock";
    case WaitReason::SyncRWMutexLock: return "sync.RWMutex.Lock";
    case WaitReason::SyncRWMutexRLock: return "sync.RWMutex.RLock";
    case WaitReason::SyncWaitGroupWait: return "sync.WaitGroup.Wait";
    case WaitReason::SyncCondWait: return "sync.Cond.Wait";
    case WaitReason::Semacquire: return "semacquire";
    case WaitReason::GarbageCollection: return "garbage collection";
    case WaitReason::StoppingTheWorld: return "stopping the world";
    case WaitReason::IOWait: return "IO wait";
    case WaitReason::Preempted: return "preempted";
    case WaitReason::Panicking: return "panicwait";
    }
    return "";
}

} // namespace gol::rt
