// runtime.hpp — gol's GMP runtime (umbrella header). Knows nothing about bytecode.
//
// A Runtime owns Ms (OS threads, each running the scheduler loop on its own stack, its g0),
// Ps (GOMAXPROCS processors with 256-slot run queues and timer heaps) and Gs (goroutines,
// each a boost::context::fiber on a small mmap'd stack). See docs/runtime.md.
//
// Two Runtimes in one process share nothing. "Current" state (which M this thread is, hence
// which G and which Runtime) is the only thread_local, as Go's g register.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "runtime/chan.hpp"
#include "runtime/g.hpp"
#include "runtime/select.hpp"
#include "runtime/sema.hpp"
#include "runtime/sync.hpp"
#include "runtime/timer.hpp"

namespace gol::rt {

struct Sched;

// Thrown on a goroutine to unwind its native stack: by goexitNow() and when ~Runtime destroys a
// parked G. Code running on a goroutine must let it propagate (catch (...) must rethrow).
struct GoroutineUnwind {};

struct RuntimeOptions {
    int gomaxprocs = 0;           // 0: env GOMAXPROCS if set and valid, else hardware threads
    int schedtraceMs = 0;         // > 0: print Go's "SCHED ..." line to stderr every N ms
    size_t stackSize = 64 * 1024; // usable bytes of each goroutine's native stack
    // Bytes at the top of each G's stack reserved for the embedder (G::local): per-goroutine
    // state placed there costs no allocation and shares the page the G and the bottom of its
    // native stack already occupy. At least this many, 16-byte aligned.
    size_t gLocalBytes = 0;
    // Appends the frames of a G that is parked or stopped (never running elsewhere), in
    // Go's format: "main.f(...)\n\tfile.gol:12 +0x0\n". Called by allGoroutinesTrace.
    std::function<void(G*, std::string& out)> traceback;
    std::function<void(G*)> onGoroutineStart; // on the new G, before its fn
    std::function<void(G*)> onGoroutineExit;  // on the G, after its fn returned
};

class Runtime {
  public:
    explicit Runtime(RuntimeOptions opts = {});
    // Stops every M and sysmon, then destroys every remaining G, unwinding its fiber (C++
    // destructors on it run, on the destroying thread). Must not run on a goroutine.
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    enum class Exit { MainReturned, Deadlock, Fatal };
    // Runs fn as a new main goroutine and drives the scheduler until fn returns (the other
    // goroutines are then frozen where they are, as Go abandons them; a later runMain
    // resumes them, which is what a REPL wants), a deadlock is detected, or fatal() is
    // called. Call from a host thread, one runMain at a time. When it returns no goroutine runs
    // (each is parked, runnable in a queue, or blocked inside a native in a syscall), so the
    // host may free what goroutines' code refers to.
    Exit runMain(std::function<void()> fn);
    // True once runMain is ending (main returned, fatal error, deadlock) or before it started:
    // goroutines still running are about to be frozen at their next safepoint, so they must not
    // start work that needs the world (a GC) and should simply yield.
    bool stopping() const;
    // The `go` statement. From a goroutine: onto the current P's runnext (Go's newproc).
    // From a host thread: onto the global run queue.
    G* spawn(std::function<void()> fn);
    // The `go` statement in two steps, without a std::function (the VM's spawn path):
    // newG takes a G, reused from the current P's free list when possible (its `spare` is what
    // its last goroutine left there), not yet visible to the scheduler, forEachG or traces;
    // startG sets g->user and makes it runnable like spawn, so user is set before any other
    // thread can see the G. A G from newG must be passed to startG or returned with freeG.
    G* newG();
    void startG(G* gp, void (*entry)(G*), void* user);
    void freeG(G* gp);
    // An unrecovered panic or a Go fatal error: freezes every goroutine and makes runMain
    // return Exit::Fatal. Called on a goroutine it never returns (the G stays parked,
    // status "waiting"); from a host thread it returns.
    void fatal(int status);
    int fatalStatus() const;

    int setGomaxprocs(int n); // returns the previous value; n < 1 only queries
    int gomaxprocs() const;
    int numGoroutine() const; // Gs not dead (runtime.NumGoroutine)
    int64_t startNanotime() const;
    // The id of the P the calling thread runs with in this runtime, or -1 (a host thread, an M
    // of another runtime, an M without a P, a goroutine inside a blocking native): the heap's
    // per-P caches are used only by the thread that holds the P.
    int currentProcId() const;

    // "goroutine 7 [chan receive]:\n" + hook frames + "\n" for every live G; the calling G
    // first as "[running]". Gs running on another M print Go's "goroutine running on other
    // thread; stack unavailable".
    std::string allGoroutinesTrace();

    // Stop-the-world for the GC: from a goroutine; returns when every other G is parked, in a
    // syscall, or stopped at a safepoint (g->preempt is how running Gs are asked).
    void stopTheWorld();
    // Returns the time (nanotime) by which the world runs again: every P with work has its M
    // woken. It is taken before waking a spinning M for the idle Ps, as Go's
    // startTheWorldWithSema does, so pause figures mean what Go's do.
    int64_t startTheWorld();
    // All Gs that are not dead (call with the world stopped, or accept a racy view).
    void forEachG(const std::function<void(G*)>& f);
    // Pending timers (call with the world stopped): the GC marks their args.
    void forEachTimer(const std::function<void(Timer*)>& f);

    // A host handle that may still send to a channel or spawn: while any is held a program
    // with every G blocked is not a deadlock (it waits).
    void acquireHostRef();
    void releaseHostRef();

    // Timers from a host thread (inside goroutines use the free functions).
    void addTimer(Timer* t, int64_t whenNs, int64_t periodNs, Timer::Fn fn, void* arg);

    Sched& sched() { return *s_; }

  private:
    std::unique_ptr<Sched> s_;
};

// ---- inside a goroutine (or on the scheduler, where noted) ----------------------------------
G* getg();             // current G; nullptr on g0 or a host thread
Runtime* getRuntime(); // runtime of the current M; nullptr on a host thread
// Parks the current G. After the switch to the scheduler stack, unlockf(gp, arg) runs there
// (so the G is fully suspended before anyone can ready it); if it returns false the G resumes
// immediately. unlockf may be null.
void gopark(bool (*unlockf)(G*, void*), void* arg, WaitReason reason);
void goready(G* gp); // parked G -> runnable (current P's runnext, like Go); any thread of the runtime
void gosched();      // runtime.Gosched: to the global run queue
void preemptPark();  // the VM saw g->preempt at a safepoint
[[noreturn]] void goexitNow(); // runtime.Goexit after the VM ran the defers
void entersyscall();           // around a native call that may block the thread
void exitsyscall();
void sleepFor(int64_t ns); // time.Sleep: parks the G ("sleep"), never the M
int64_t nanotime();        // monotonic clock, ns

// Installs a SIGQUIT handler that makes rt's sysmon print "SIGQUIT: quit" and every
// goroutine's trace to stderr, then exit with status 2 (as Go does). One runtime at a time.
void installSigquitHandler(Runtime* rt);

} // namespace gol::rt
