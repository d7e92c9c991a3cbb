// proc.hpp — runtime-internal structures: M, P, Sched (Go's runtime2.go), and the helpers
// shared by sched.cpp, proc.cpp, runq.cpp, syscall.cpp, sysmon.cpp and timer.cpp.
// Not part of the interface the VM uses.
//
// Who protects what:
//  * Sched::lock (rank Sched): the global run queue (runqhead/runqtail/runqsize), the idle M
//    list (midle, nmidle), the idle P list (pidle), mcount, the stop-the-world counters
//    (stopwait), timerSleeper/timerSleepUntil, and every P's `m`/`link` while it is idle.
//  * A P's run queue is lock-free (runq.cpp): only the owner M puts and takes at the tail,
//    anyone may take at the head (steal) with a CAS.
//  * P::timersLock (rank Timers): that P's timer heap.
//  * Sched::allglock (rank AllG): the ends of the allgs list (see forEachAllg).
//  * Sched::gFreeLock (rank GFree): the global free-G list.
//  * An M's own fields (curg aside) are touched only by that M, or by whoever holds
//    Sched::lock while the M is idle (nextp, spinning before a wake-up).
// Lock order: see lockrank.def (SemaRoot < NotifyList < Hchan < Sched < Timers < AllG < GFree
// < Note).
//
// Invariants:
//  * A P is in exactly one state: Idle (on pidle, no M), Running (owned by one M), Syscall
//    (its M is in a blocking call; sysmon may CAS it to Idle and hand it off), Stopped
//    (stop-the-world or freeze), Dead (id >= gomaxprocs).
//  * An M holds at most one P; an M with no P is idle (on midle, parked on its note), in a
//    syscall that lost its P, or about to exit.
//  * nmspinning counts Ms with m->spinning set; at most (gomaxprocs - npidle)/2 spin, the
//    bound Go uses so that spinning costs at most half the busy CPU.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/lockrank.hpp"
#include "runtime/runtime.hpp"
#include "runtime/stack.hpp"

namespace gol::rt {

// 256: Go's run queue size. Large enough that a burst of `go` statements rarely spills to
// the global queue, small enough that a steal (half) is a short copy.
constexpr uint32_t kRunqSize = 256;
// Every 61st schedtick the global queue is checked first, so that a P busy with its own
// local Gs cannot starve the global queue. 61 is prime so it does not fall in step with
// periodic patterns of the program (Go's choice).
constexpr uint32_t kGlobalRunqTick = 61;
// 10 ms: Go's forcePreemptNS — a G running longer is asked to yield at its next safepoint.
// Long enough that switching cost is negligible, short enough for interactive latency.
constexpr int64_t kForcePreemptNs = 10'000'000;
// Upper bound on Ps (runtime.GOMAXPROCS(n) clamps to it): Ps are preallocated pointers so
// sysmon and stealers can walk allp without a lock; 256 matches Go's old _MaxGomaxprocs.
constexpr int kMaxProcs = 256;

enum class PStatus : uint32_t { Idle, Running, Syscall, Stopped, Dead };

// A one-shot wake-up (Go's note): sleep until wakeup(), optionally with a timeout.
struct Note {
    std::mutex mu; // rank Note (leaf; not tracked: it is the innermost lock and never nests)
    std::condition_variable cv;
    bool set = false;
    void wakeup();
    void sleep();
    bool sleepFor(int64_t ns); // true if woken, false on timeout
    void clear();
};

struct P {
    int32_t id = 0;
    std::atomic<PStatus> status{PStatus::Idle}; // seq_cst: CAS'd by sysmon, exitsyscall, STW
    P* link = nullptr;                          // pidle list (under sched.lock)
    std::atomic<M*> m{nullptr};                 // owning M (Running); read by sysmon to preempt (seq_cst)
    // Incremented by the owner on every new scheduling round (not for runnext hand-offs, which
    // inherit the time slice); sysmon compares snapshots to spot a G running > 10 ms.
    std::atomic<uint32_t> schedtick{0};
    std::atomic<uint32_t> syscalltick{0}; // incremented by every entersyscall
    struct {                              // sysmon's private snapshot (Go's sysmontick)
        uint32_t schedtick = 0;
        int64_t schedwhen = 0;
        uint32_t syscalltick = 0;
        int64_t syscallwhen = 0;
    } sysmontick;

    // Lock-free run queue (runq.cpp): owner puts at tail, anyone takes at head.
    alignas(64) std::atomic<uint32_t> runqhead{0};
    alignas(64) std::atomic<uint32_t> runqtail{0};
    std::atomic<G*> runq[kRunqSize] = {};
    std::atomic<G*> runnext{nullptr};

    // Dead Gs kept with their stacks for reuse (owner only).
    G* gFree = nullptr;
    int32_t nGFree = 0;

    RankedMutex timersLock{LockRank::Timers};
    std::vector<Timer*> timers; // 4-ary min-heap on `when`
    // when of the heap's first timer, 0 if none: read without the lock by stealers, sysmon
    // and idle Ms; seq_cst, paired with the store made under timersLock after every change.
    std::atomic<int64_t> timer0When{0};
};

struct M {
    enum class Action { None, Park, Gosched, Preempt, Yield, Exit, ExitSyscall, Fatal };
    int64_t id = 0;
    Sched* s = nullptr;
    std::thread thread;
    std::atomic<G*> curg{nullptr}; // read by sysmon/STW to preempt (seq_cst)
    P* p = nullptr;
    P* nextp = nullptr; // P handed over by startm (under sched.lock)
    P* oldp = nullptr;  // P held before entersyscall
    bool spinning = false;
    bool idle = false; // on midle (under sched.lock)
    Note park;
    M* schedlink = nullptr;
    boost::context::fiber g0ctx;  // continuation back to this M's scheduler loop (valid on a G)
    Action action = Action::None; // what g0 does after the G switched to it
    bool (*waitunlockf)(G*, void*) = nullptr;
    void* waitlock = nullptr;
    uint64_t fastrand = 0;
    void* g0StackBottom = nullptr; // sanitizer fiber bookkeeping
    size_t g0StackSize = 0;
    void* g0FakeStack = nullptr;
    void* tsanG0 = nullptr;
#ifdef GOL_LOCKRANK
    LockRank held[16];
    int nheld = 0;
#endif
};

struct Sched {
    Runtime* rt = nullptr;
    RuntimeOptions opts;
    StackPool stacks;
    int64_t startTime = 0;

    RankedMutex lock{LockRank::Sched};
    G* runqhead = nullptr; // global run queue
    G* runqtail = nullptr;
    std::atomic<int32_t> runqsize{0}; // written under lock; read racily as a hint (seq_cst)
    M* midle = nullptr;
    int32_t nmidle = 0;
    int32_t mcount = 0; // Ms created (threads), not counting sysmon
    int64_t mnext = 0;
    std::vector<M*> allm; // under lock; Ms are freed only by ~Runtime
    P* pidle = nullptr;
    std::atomic<int32_t> npidle{0};
    std::atomic<int32_t> nmspinning{0};
    std::atomic<int32_t> gomaxprocs{1};
    std::atomic<P*> allp[kMaxProcs] = {};

    // Run control.
    bool running = false;               // inside runMain (under lock)
    std::atomic<bool> frozen{true};     // main returned / fatal / deadlock: Ms stop at the next schedule
    std::atomic<bool> exiting{false};   // ~Runtime: Ms exit their loops
    std::atomic<bool> gcwaiting{false}; // stop-the-world in progress
    int32_t stopwait = 0;               // Ps still to stop (under lock)
    Note stopnote;
    std::atomic<G*> mainG{nullptr}; // the G of the current runMain (seq_cst: read by every exiting G)
    // The main G called runtime.Goexit: its end does not end runMain; the other goroutines run
    // on, and once none is left checkdead ends the program with Go's "no goroutines" error.
    // Written by the main G before it exits, read by checkdead under lock (seq_cst).
    std::atomic<bool> mainGoexit{false};
    bool noGoroutines = false; // checkdead found none left after mainGoexit (under exitMu)
    std::mutex exitMu;         // leaf: runMain's wait for the end (host thread)
    std::condition_variable exitCv;
    bool exitSet = false;
    Runtime::Exit exitKind = Runtime::Exit::MainReturned;
    std::atomic<int> fatalStatus{0};
    std::atomic<int> hostRefs{0};
    M* timerSleeper = nullptr; // the idle M sleeping until the next timer (under lock)
    int64_t timerSleepUntil = 0;

    // Gs.
    RankedMutex allglock{LockRank::AllG};
    // Every G ever allocated, in creation order, linked through G::alllink: an intrusive list,
    // not a vector, because a million goroutines would otherwise cost 8 bytes each here, plus a
    // copy of the vector for every walk (a GC's root scan, a trace).
    G* allgFirst = nullptr;
    G* allgLast = nullptr;
    std::atomic<int64_t> goidgen{0};
    std::atomic<int32_t> gcount{0}; // Gs not dead
    RankedMutex gFreeLock{LockRank::GFree};
    G* gFree = nullptr;
    // Length of gFree; written under gFreeLock, read without it as a hint (relaxed: a stale
    // value only makes gfget take the lock for nothing or skip a refill).
    std::atomic<int32_t> nGFree{0};

    // sysmon.
    std::thread sysmonThread;
    Note sysmonNote;
    std::atomic<bool> sysmonStarted{false};
    std::atomic<bool> sysmonIdle{false}; // sleeping deeply; wakep pokes it
    int64_t lastSchedtrace = 0;
    std::atomic<bool> sigquitPending{false};

    // Semaphore table (sema.cpp).
    struct SemaRoot* semtable = nullptr;

    explicit Sched(size_t stackSize) : stacks(stackSize) {}
};

// Calls f(gp) for every G on allgs, in creation order, without holding allglock while f runs.
// The list only grows at its end. A G's alllink is written once, under allglock, when the next G
// is appended; the snapshot of the list's ends taken under allglock orders every alllink read
// here after its write, and the one alllink that may still be written (the snapshot's last G's)
// is not read. f must not destroy the G.
template <class F> void forEachAllg(Sched& s, F&& f) {
    G* first;
    G* last;
    {
        std::lock_guard<RankedMutex> g(s.allglock);
        first = s.allgFirst;
        last = s.allgLast;
    }
    for (G* gp = first; gp; gp = gp->alllink) {
        f(gp);
        if (gp == last) break;
    }
}

// ---- current M (Go's g register). Never inline: a fiber may resume on another thread, so
// the address of a thread_local must be recomputed after every switch.
M* currentM();
void setCurrentM(M* m);

// sched.cpp
void schedule(M* m);                      // one round: find a G, run it, handle its return
void mcall(M::Action a);                  // on a G: switch to g0 and have it perform a
G* findRunnable(M* m, bool* inheritTime); // nullptr: the M must exit / stop
void checkdead(Sched& s);                 // under s.lock
void wakep(Sched& s);
void startm(Sched& s, P* pp, bool spinning); // pp may be null: take an idle P
void handoffp(Sched& s, P* pp);
void timerWake(Sched& s, int64_t when); // a timer at `when` was added where no running M will see it
void goyield();                         // on a G: to the local run queue (semrelease handoff)
void stopm(M* m);                       // park the M until startm hands it a P
void acquirep(M* m, P* pp);
P* releasep(M* m);
void pidleput(Sched& s, P* pp);                               // under lock
P* pidleget(Sched& s);                                        // under lock
void mput(Sched& s, M* m);                                    // under lock
M* mget(Sched& s);                                            // under lock
void globrunqput(Sched& s, G* gp);                            // under lock
void globrunqputbatch(Sched& s, G* head, G* tail, int32_t n); // under lock
G* globrunqget(Sched& s, P* pp, int32_t max);                 // under lock
void ready(Sched& s, G* gp, bool next);
void freezeP(Sched& s, M* m); // frozen / exiting: give the P back, with its Gs queued globally
uint32_t fastrandn(M* m, uint32_t n);

// runq.cpp
bool runqempty(P* pp);
void runqput(Sched& s, P* pp, G* gp, bool next);
G* runqget(P* pp, bool* inheritTime);
G* runqsteal(P* pp, P* p2, bool stealRunNextG);
uint32_t runqlen(P* pp);
int32_t runqdrain(P* pp, G** head, G** tail); // owner, world stopped: empties the queue

// proc.cpp
G* newproc(Sched& s, std::function<void()> fn, bool isMain);
void gfput(Sched& s, P* pp, G* gp);
G* gfget(Sched& s, P* pp);
void mstart(M* m);
M* newm(Sched& s, P* pp); // under lock
void startSysmon(Sched& s);
void procresize(Sched& s, int32_t n); // world stopped, under lock
void preemptall(Sched& s);

// timer.cpp
int64_t checkTimers(Sched& s, P* pp, int64_t now); // runs due timers; returns next when or 0
int64_t nextTimerWhen(Sched& s);                   // min timer0When over all Ps, 0 if none
void moveTimers(P* from, P* to);                   // world stopped
void addTimerOn(Sched& s, P* pp, Timer* t);        // t->when set; t not pending

// sema.cpp
void semtableInit(Sched& s);
void semtableDestroy(Sched& s);

// sysmon.cpp
void sysmon(Sched& s);
void sysmonwake(Sched& s);
std::string schedtraceLine(Sched& s, int64_t now);

// Sanitizer-annotated fiber switches (fiber.cpp).
void switchToG(M* m, G* gp);         // on g0: resume gp until it switches back
void switchToG0FromG(G* gp);         // on gp: back to the current M's g0 (returns on some M)
G* createG(Sched& s);                // a new Idle G, on a new stack, with its fiber
void destroyGFiber(Sched& s, G* gp); // ~Runtime: unwind and release the fiber
void destroyG(G* gp);                // ~Runtime, after destroyGFiber: the G's destructor

} // namespace gol::rt
