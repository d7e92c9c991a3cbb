// The garbage collector's interface (the algorithm and its invariants: vm/gc.cpp; docs/gc.md).
#pragma once

#include "vm/gc_barrier.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gol::vm {

class VM;
class Heap;
struct Thread;

// The kinds of stop-the-world pause: a concurrent cycle has two (mark start, mark termination),
// a stop-the-world cycle (GOLDEBUG=gcconcurrent=0, or a host's collection) one.
enum class PauseKind : uint8_t { MarkStart, MarkTermination, WholeCycle };
inline constexpr size_t kPauseKinds = 3;

// Percentiles of one part of the pauses (over the most recent Collector::kPauseWindow pauses).
struct PauseDist {
    uint64_t p50Ns = 0, p99Ns = 0, maxNs = 0;
};

// One kind of pause, split into its parts: `stop` from the request to stop the world until every
// P has stopped (the Ms' threads must be scheduled by the OS and reach a safepoint), `work` the
// collector's own work with the world stopped, `restart` starting the world again.
struct PauseKindStats {
    uint64_t count = 0; // in the window
    PauseDist total, stop, work, restart;
};

// Stop-the-world pauses, for GOLDEBUG=gctrace=1 and gcpauses=1, and benchmarks.
struct PauseStats {
    uint64_t numPauses = 0; // since the VM started
    uint64_t totalNs = 0;
    uint64_t maxNs = 0;
    uint64_t p50Ns = 0, p99Ns = 0; // every kind, over the window
    PauseKindStats kinds[kPauseKinds];
};

// What runtime.ReadMemStats reports about cycles, as one consistent snapshot: Go's NumGC,
// PauseTotalNs, LastGC and the PauseNs/PauseEnd rings (cycle n, counting from 1, at index
// (n-1) % 256, so the last cycle's is at (NumGC+255) % 256).
struct CycleRecords {
    static constexpr size_t kRing = 256;
    uint64_t numGC = 0;
    uint64_t pauseTotalNs = 0;
    uint64_t lastGC = 0;                    // Unix ns at the end of the last cycle's last pause
    std::array<uint64_t, kRing> pauseNs{};  // each cycle's total stop-the-world time
    std::array<uint64_t, kRing> pauseEnd{}; // Unix ns at the end of each cycle's last pause
};

class Collector {
  public:
    // Reads the debug knobs of GOLDEBUG (gcconcurrent=0, gcverify=1) as Go's runtime reads
    // GODEBUG: they are tests' and benchmarks' switches, not embedding options.
    Collector();
    ~Collector();
    Collector(const Collector&) = delete;
    Collector& operator=(const Collector&) = delete;

    // A collection requested at a safepoint of goroutine `self` (or by the host with nothing
    // running, self == null). Concurrent mode: starts a cycle and runs it on this goroutine
    // (short pauses; the other goroutines keep running); if a cycle is already running, honours
    // the preemption request instead (and, for runtime.GC(), waits for that cycle and runs a new
    // one). Stop-the-world mode (GOLDEBUG=gcconcurrent=0): one cycle with the world stopped.
    void collect(VM& vm, Thread* self);

    void setTrace(bool on) { gctrace_ = on; }
    void setConcurrent(bool on) { concurrent_ = on; }
    void setVerify(bool on) { verify_ = on; }
    bool concurrent() const { return concurrent_; }
    PauseStats pauseStats() const;
    CycleRecords cycleRecords() const;
    WriteBarrier& barrier() { return wb_; }

    static constexpr size_t kPauseWindow = 4096;

  private:
    struct Cycle;
    void runStopTheWorld(VM& vm, Thread* self);
    void runConcurrent(VM& vm, Thread* self);
    void sweepAll(VM& vm, bool yieldable);
    void finishCycle(VM& vm, Cycle& c);
    // Times of one pause (rt::nanotime): requested, every P stopped, work done, world restarted.
    struct PauseTimes {
        int64_t requested = 0, stopped = 0, worked = 0, restarted = 0;
    };
    // Records a pause; the one that ends a cycle (mark termination, or a whole stop-the-world
    // cycle) also counts the cycle (NumGC) and fills the cycle rings.
    void recordPause(PauseKind kind, const PauseTimes& t);
    void verifyAfterSweep(VM& vm, Thread* self);
    // GOLDEBUG=gcpauses=1: PauseStats on stderr, each kind of pause split into its parts.
    void printPauseSummary() const;

    bool gctrace_ = false;
    bool concurrent_ = true;
    bool verify_ = false;
    bool pauseSummary_ = false; // GOLDEBUG=gcpauses=1: PauseStats on stderr when the VM ends
    // One cycle at a time: set by the goroutine that starts a cycle, cleared when its sweep ends.
    std::atomic<bool> active_{false};
    WriteBarrier wb_;
    Heap* heap_ = nullptr;

    mutable std::mutex statsMu_; // guards the pause records (read by ReadMemStats on any M)
    struct PauseRec {
        PauseKind kind;
        uint64_t stopNs, workNs, restartNs;
    };
    std::vector<PauseRec> pauses_; // ring of the last kPauseWindow pauses
    size_t pauseNext_ = 0;
    uint64_t numPauses_ = 0, pauseMaxNs_ = 0, cyclePauseNs_ = 0;
    CycleRecords cycles_;
    uint64_t gcWallNs_ = 0; // wall time spent in cycles (for gctrace's P%)
};

} // namespace gol::vm
