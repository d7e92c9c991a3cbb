// sysmon.cpp — the system monitor: a thread with no P (Go's sysmon in proc.go).
//
// Every tick it: retakes Ps blocked in syscalls and hands them off (handoffp); asks a G
// that has run more than 10 ms to yield (sets g->preempt, polled by the VM at safepoints);
// wakes an M for overdue timers nobody is watching; prints the SCHED line for schedtrace;
// serves SIGQUIT.
// The tick starts at 20 µs and doubles after 50 idle rounds up to 10 ms (Go's numbers): 20 µs
// is the shortest syscall worth handing a P off for (the hand-off itself costs a few µs), 10 ms
// matches the preemption slice, and the back-off keeps an idle program from burning CPU.
// With nothing running at all (every P idle, or frozen) it sleeps until woken (sysmonwake).
//
// Locks: sysmon takes Sched::lock (through handoffp/startm/timerWake) and reads P and M fields
// that are atomics; it owns P::sysmontick. It holds no lock while sleeping.
#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

#include "runtime/proc.hpp"

namespace gol::rt {

constexpr int64_t kSysmonMinDelayNs = 20'000;      // 20 µs
constexpr int64_t kSysmonMaxDelayNs = 10'000'000;  // 10 ms
constexpr int kSysmonIdleRoundsBeforeBackoff = 50; // Go's value
// While a SIGQUIT handler is installed an idle sysmon still polls for it every 100 ms: quick
// enough for a human pressing ^\, rare enough to cost nothing.
constexpr int64_t kSigquitPollNs = 100'000'000;

namespace {
// The one process-wide slot a signal handler needs: a handler gets no argument. It is written
// by installSigquitHandler only and read by the handler (async-signal-safe: an atomic load).
std::atomic<Runtime*> sigquitRuntime{nullptr};
} // namespace

static void preemptone(P* pp) {
    M* mp = pp->m.load();
    if (!mp) return;
    G* gp = mp->curg.load();
    if (gp) gp->preempt.store(1); // seq_cst: the G's next safepoint poll sees it promptly
}

// Returns how many Ps were retaken from syscalls.
static int retake(Sched& s, int64_t now) {
    int n = 0;
    int32_t procs = s.gomaxprocs.load();
    for (int32_t i = 0; i < procs; i++) {
        P* pp = s.allp[i].load();
        PStatus st = pp->status.load();
        auto& pd = pp->sysmontick;
        if (st == PStatus::Running) {
            uint32_t t = pp->schedtick.load(std::memory_order_relaxed);
            if (pd.schedtick != t) {
                pd.schedtick = t;
                pd.schedwhen = now;
            } else if (pd.schedwhen + kForcePreemptNs <= now) {
                preemptone(pp);
            }
        }
        if (st == PStatus::Syscall) {
            uint32_t t = pp->syscalltick.load(std::memory_order_relaxed);
            if (pd.syscalltick != t) {
                // First time we see this syscall: retake at a later tick (>= 20 µs from now).
                pd.syscalltick = t;
                pd.syscallwhen = now;
                continue;
            }
            // Leave the P alone if it has nothing to run and other Ps are free to pick up new
            // work anyway — unless the syscall has lasted 10 ms (then hand off regardless, so
            // its timers and the accounting do not stall).
            if (runqempty(pp) && s.nmspinning.load() + s.npidle.load() > 0 &&
                pd.syscallwhen + kForcePreemptNs > now)
                continue;
            PStatus expect = PStatus::Syscall;
            if (pp->status.compare_exchange_strong(expect, PStatus::Idle)) {
                n++;
                handoffp(s, pp);
            }
        }
    }
    return n;
}

static void printSigquit(Sched& s) {
    std::string out = "SIGQUIT: quit\n\n";
    out += s.rt->allGoroutinesTrace();
    out += "\nexit status 2\n";
    (void)!write(2, out.data(), out.size());
    _exit(2);
}

std::string schedtraceLine(Sched& s, int64_t now) {
    std::lock_guard<RankedMutex> g(s.lock);
    int32_t procs = s.gomaxprocs.load();
    // threads: every M, sysmon and the host thread that called runMain (Go counts m0 too).
    std::string line =
        "SCHED " + std::to_string((now - s.startTime) / 1'000'000) +
        "ms: gomaxprocs=" + std::to_string(procs) + " idleprocs=" + std::to_string(s.npidle.load()) +
        " threads=" + std::to_string(s.mcount + 2) +
        " spinningthreads=" + std::to_string(s.nmspinning.load()) +
        " idlethreads=" + std::to_string(s.nmidle) + " runqueue=" + std::to_string(s.runqsize.load()) + " [";
    for (int32_t i = 0; i < procs; i++) {
        if (i) line += ' ';
        line += std::to_string(runqlen(s.allp[i].load()));
    }
    line += "]\n";
    return line;
}

void sysmonwake(Sched& s) {
    s.sysmonNote.wakeup();
}

void sysmon(Sched& s) {
    int64_t delay = kSysmonMinDelayNs;
    int idle = 0;
    int64_t traceEvery = static_cast<int64_t>(s.opts.schedtraceMs) * 1'000'000;
    int64_t nextTrace = s.startTime + traceEvery;
    while (!s.exiting.load()) {
        if (idle == 0)
            delay = kSysmonMinDelayNs;
        else if (idle > kSysmonIdleRoundsBeforeBackoff)
            delay = std::min(delay * 2, kSysmonMaxDelayNs);
        int64_t now = nanotime();
        int64_t sleep = delay;
        if (traceEvery > 0 && nextTrace - now < sleep) sleep = std::max<int64_t>(nextTrace - now, 0);
        bool nothingRuns = s.frozen.load() || s.npidle.load() == s.gomaxprocs.load();
        if (nothingRuns && traceEvery == 0 && !s.sigquitPending.load()) {
            // Deep sleep until wakep/entersyscall wakes us, or the next timer is due (an
            // M sleeps on it too; we only back it up).
            s.sysmonIdle.store(true);
            // Re-check after announcing: a wakep that missed the flag ran before this point.
            if (s.frozen.load() || s.npidle.load() == s.gomaxprocs.load()) {
                int64_t w = nextTimerWhen(s);
                int64_t d = w == 0 ? INT64_MAX : std::max<int64_t>(w - now, kSysmonMinDelayNs);
                if (sigquitRuntime.load() == s.rt) d = std::min(d, kSigquitPollNs);
                if (d == INT64_MAX)
                    s.sysmonNote.sleep();
                else
                    s.sysmonNote.sleepFor(d);
            }
            s.sysmonIdle.store(false);
            s.sysmonNote.clear();
            idle = 0;
            continue;
        }
        if (sleep > 0) s.sysmonNote.sleepFor(sleep);
        s.sysmonNote.clear();
        if (s.exiting.load()) break;
        now = nanotime();
        if (s.sigquitPending.load()) printSigquit(s);
        if (traceEvery > 0 && now >= nextTrace) {
            std::string line = schedtraceLine(s, now);
            (void)!write(2, line.data(), line.size());
            nextTrace += traceEvery;
            if (nextTrace <= now) nextTrace = now + traceEvery;
        }
        if (s.frozen.load()) continue;
        int got = retake(s, now);
        // An overdue timer that no M is going to run: wake one.
        int64_t w = nextTimerWhen(s);
        if (w != 0 && w <= now && s.npidle.load() > 0 && s.nmspinning.load() == 0) {
            timerWake(s, w);
            got++;
        }
        if (got)
            idle = 0;
        else
            idle++;
    }
}

void startSysmon(Sched& s) {
    bool expect = false;
    if (!s.sysmonStarted.compare_exchange_strong(expect, true)) return;
    s.sysmonThread = std::thread([&s] { sysmon(s); });
}

// ---- SIGQUIT ----------------------------------------------------------------------------------

static void onSigquit(int) {
    // Only an atomic store is async-signal-safe; sysmon polls the flag (its deep sleep is
    // bounded while a handler is installed).
    if (Runtime* rt = sigquitRuntime.load()) rt->sched().sigquitPending.store(true);
}

void installSigquitHandler(Runtime* rt) {
    sigquitRuntime.store(rt);
    struct sigaction sa = {};
    sa.sa_handler = onSigquit;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGQUIT, &sa, nullptr);
}

} // namespace gol::rt
