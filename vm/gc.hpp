// The garbage collector's interface (the algorithm and its invariants: vm/gc.cpp; docs/gc.md).
#pragma once

#include "vm/gc_barrier.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gol::vm {

class VM;
class Heap;
struct Thread;

// Stop-the-world pauses, for GOLDEBUG=gctrace=1, runtime.ReadMemStats and benchmarks. A
// concurrent cycle has two pauses (mark start, mark termination); a stop-the-world cycle one.
struct PauseStats {
    uint64_t numPauses = 0;
    uint64_t totalNs = 0;
    uint64_t maxNs = 0;
    uint64_t p50Ns = 0, p99Ns = 0; // over the most recent kPauseWindow pauses
    // The part of each pause spent working once every P had stopped (the rest is the time the
    // Ps took to reach a safepoint, which an overloaded machine's OS scheduler dominates).
    uint64_t workP50Ns = 0, workP99Ns = 0, workMaxNs = 0;
    // Go's MemStats.PauseNs: the total pause of each of the last (up to) 256 cycles, oldest first.
    std::vector<uint64_t> recentCycleNs;
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
    uint64_t pauseTotalNs() const;
    PauseStats pauseStats() const;
    WriteBarrier& barrier() { return wb_; }

    static constexpr size_t kPauseWindow = 4096;

  private:
    struct Cycle;
    void runStopTheWorld(VM& vm, Thread* self);
    void runConcurrent(VM& vm, Thread* self);
    uint64_t sweepList(VM& vm, Obj* list, bool hasFresh, Obj* stopAt, bool yieldable, uint64_t* liveBytes);
    void finishCycle(VM& vm, Cycle& c);
    void recordPause(uint64_t ns, uint64_t workNs, bool endsCycle);
    void verifyAfterSweep(VM& vm, Thread* self);
    void releaseQuarantine();

    bool gctrace_ = false;
    bool concurrent_ = true;
    bool verify_ = false;
    bool pauseSummary_ = false; // GOLDEBUG=gcpauses=1: PauseStats on stderr when the VM ends
    // One cycle at a time: set by the goroutine that starts a cycle, cleared when its sweep ends.
    std::atomic<bool> active_{false};
    WriteBarrier wb_;

    // Swept but not yet returned: the unswept rest of the list, survivors not yet spliced back
    // onto the heap's list, and (gcverify) poisoned objects kept one cycle. Owned by the cycle's
    // goroutine; ~Collector frees them if the program ended while a sweep was parked.
    Heap* heap_ = nullptr;
    Obj* sweepRest_ = nullptr;
    Obj* keptHead_ = nullptr;
    Obj** keptTail_ = &keptHead_;
    Obj* quarantine_ = nullptr;
    Obj* quarantineOld_ = nullptr;

    mutable std::mutex statsMu_;               // guards the pause record (read by ReadMemStats on any M)
    std::vector<uint64_t> pauses_, pauseWork_; // rings of the last kPauseWindow pauses
    uint64_t workMaxNs_ = 0;
    size_t pauseNext_ = 0;
    uint64_t numPauses_ = 0, pauseTotalNs_ = 0, pauseMaxNs_ = 0, cyclePauseNs_ = 0;
    std::vector<uint64_t> cyclePauses_; // ring of the last 256 cycles' pause totals
    size_t cycleNext_ = 0;
    uint64_t gcWallNs_ = 0; // wall time spent in cycles (for gctrace's P%)
};

} // namespace gol::vm
