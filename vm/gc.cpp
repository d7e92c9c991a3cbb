// The garbage collector: precise, tri-color mark and sweep; concurrent by default
// (GOLDEBUG=gcconcurrent=0 runs every cycle with the world stopped, the first stage of issue 4).
//
// A concurrent cycle, run by the goroutine whose allocation found the heap past its goal, at one
// of its safepoints (docs/gc.md has the whole story):
//  1. Mark start, world stopped: turn the write barrier on; from now on the heap allocates
//     black (Heap::startMarking); grey the mutable roots — globals, every goroutine's VM
//     stack, defers, panics, natives' roots, not-yet-started goroutines, values parked in
//     sudogs. Start the world.
//  2. Concurrent mark on this goroutine, which yields to its P's other goroutines every ~1 ms:
//     grey the program's constants (immutable), then scan grey objects until none is left,
//     taking in the objects mutators shaded through the barrier.
//  3. Mark termination, world stopped: scan what the barrier shaded since; turn the barrier
//     off; the heap takes every span out of the per-P caches, advances its sweep generation and
//     allocates white again (Heap::finishMarking). Start the world.
//  4. Sweep concurrently (vm/gc_sweep.cpp): every span and large object that existed at
//     termination, once, by this goroutine or by an allocator that takes an unswept span; white
//     objects are freed, marks cleared. The cycle ends: the next one may start.
//
// Why nothing reachable is freed (the snapshot-at-the-beginning argument): an object unreachable
// at mark start can never become reachable again, so what must survive is what was reachable
// then, plus what was allocated since (which is never swept this cycle). Everything reachable at
// mark start is reached by the marker: roots were greyed in the pause; a path from a grey object
// can be cut only by a store that overwrites (or a delete/clear/receive that removes) a
// reference, and every such change shades the reference it removes first (WriteBarrier).
// Stacks need no barrier because they are scanned in the pause and nothing is ever taken from a
// heap object into a register without the heap object keeping it (or shading it) until scanned.
// Channels are the exception the runtime owns: their buffers are scanned in the termination
// pause (the buffer has no lock the collector may take), and every receive while the barrier is
// on shades the received value (interp.cpp: RECV, SELECT), so a value moved out of a buffer into
// a stack during marking is not lost.
//
// Races with mutators: the marker reads a slot that a mutator may be storing to with an acquire
// load (WriteBarrier::load) against the barrier's release store, so an object allocated during
// the cycle by another M is seen initialised. Maps and map iterators change by moving memory (a
// std::vector) and are never read while they change: the first change of one during marking
// shades its contents first (WriteBarrier::beforeMutate), and it and the marker exclude each
// other through the kScanning state of gcMark.
//
// Invariants: one cycle at a time (active_), and its sweep ends before the next one starts (so
// every span is swept before the sweep generation moves again). The phase (the barrier flag,
// the allocation colour) changes only while the world is stopped.
#include "vm/gc.hpp"

#include "runtime/runtime.hpp"
#include "vm/gc_roots.hpp"
#include "vm/gc_scan.hpp"
#include "vm/heap.hpp"
#include "vm/vm.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace gol::vm {

namespace {

// GOLDEBUG=name=value,...: the value of name, or dflt.
int goldebug(const char* name, int dflt) {
    const char* d = std::getenv("GOLDEBUG");
    if (!d) return dflt;
    std::string s = d, key = std::string(name) + "=";
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t end = s.find(',', pos);
        if (end == std::string::npos) end = s.size();
        if (s.compare(pos, key.size(), key) == 0) return std::atoi(s.c_str() + pos + key.size());
        pos = end + 1;
    }
    return dflt;
}

// The grey set of one marking goroutine.
class Marker {
  public:
    Marker(WriteBarrier& wb, bool concurrent, bool verifying)
        : wb_(wb), concurrent_(concurrent), verifying_(verifying) {}

    void mark(Obj* o) {
        if (!o) return;
        uint8_t s = gcmark::kWhite;
        // relaxed: the compare-and-swap only elects who queues o; the object's contents were
        // published to this thread by the stop-the-world or by the acquire load that found o.
        if (o->gcMark.compare_exchange_strong(s, gcmark::kGrey, std::memory_order_relaxed))
            stack_.push_back(o);
        else if (s == gcmark::kFreed)
            wb_.freedReached(o, from_);
    }
    // What the objects being marked were found from (for gcverify's report).
    void setFrom(const char* from) { from_ = from; }

    // Scans grey objects until none is left or `budget` were scanned; true when none is left.
    bool drain(size_t budget) {
        while (!stack_.empty()) {
            if (budget-- == 0) return false;
            Obj* o = stack_.back();
            stack_.pop_back();
            scan(o);
        }
        return true;
    }
    void takeShaded() { wb_.takeQueue(stack_); }
    bool empty() const { return stack_.empty(); }

    // The world is stopped: scan what the barrier shaded since the last look and what it
    // reaches (objects shaded between the marker's last look and the stop).
    void finishStopped() {
        concurrent_ = false;
        takeShaded();
        drain(SIZE_MAX);
    }

  private:
    void scan(Obj* o) {
        if (verifying_) {
            std::snprintf(fromBuf_, sizeof fromBuf_, "found from a live %s object %p", objKindName(o->kind),
                          static_cast<void*>(o));
            from_ = fromBuf_;
        }
        auto markRef = [&](Obj* r) { mark(r); };
        switch (o->kind) {
        case ObjKind::Map:
        case ObjKind::MapIter: {
            if (!concurrent_) break;
            uint8_t s = gcmark::kGrey;
            // acquire/release: pairs with beforeMutate's, so whoever scans second sees the first
            // one's result (kBlack) and whoever scans sees the contents the last mutator left.
            if (!o->gcMark.compare_exchange_strong(s, gcmark::kScanning, std::memory_order_acquire)) return;
            forEachRef(o, markRef);
            o->gcMark.store(gcmark::kBlack, std::memory_order_release);
            return;
        }
        case ObjKind::Chan:
            // While goroutines run, under the channel's lock: a value that was buffered at mark
            // start is either still there or was shaded by its receiver (RECV, SELECT), so
            // reaching the channel at any time during marking is enough, and the termination
            // pause does no work proportional to the buffers.
            if (concurrent_)
                forEachBufferedRefLocked(o, markRef);
            else
                forEachBufferedRef(o, markRef);
            return;
        default: break;
        }
        forEachRef(o, markRef);
    }

    WriteBarrier& wb_;
    bool concurrent_;
    bool verifying_;
    const char* from_ = "reached by the marker";
    char fromBuf_[96] = {};
    std::vector<Obj*> stack_;
};

uint64_t percentile(std::vector<uint64_t> v, double p) {
    if (v.empty()) return 0;
    size_t i = size_t(p * double(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + long(i), v.end());
    return v[i];
}

// Yields the marking goroutine's P for a while (its other goroutines run); while the program is
// ending the goroutine stays parked here (it must not start a stop-the-world).
void yieldMarker(rt::Runtime& runtime) {
    rt::G* g = rt::getg();
    if (g->preempt.load(std::memory_order_relaxed) || runtime.stopping())
        rt::preemptPark();
    else
        rt::gosched();
    while (runtime.stopping())
        rt::preemptPark();
}

} // namespace

struct Collector::Cycle {
    int64_t start = 0; // nanotime at the request
    uint64_t heapStart = 0, heapMarked = 0, live = 0;
    uint64_t markStartNs = 0, markNs = 0, termNs = 0;
};

Collector::Collector() {
    concurrent_ = goldebug("gcconcurrent", 1) != 0;
    verify_ = goldebug("gcverify", 0) != 0;
    pauseSummary_ = goldebug("gcpauses", 0) != 0;
}

Collector::~Collector() {
    if (pauseSummary_) printPauseSummary();
}

void Collector::collect(VM& vm, Thread* self) {
    Heap& heap = vm.heap();
    bool onGoroutine = rt::getg() != nullptr;
    // No allocation asked for this one: runtime.GC(), which must see a whole cycle.
    bool explicitCall = !heap.gcPending();
    bool expected = false;
    // acquire: pairs with the release that ends a cycle (its sweep's writes are visible).
    while (!active_.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
        expected = false;
        if (!onGoroutine) return;
        // A cycle runs on another goroutine: this safepoint was a preemption request (a time
        // slice or a stop-the-world waiting for us), so honour it.
        rt::preemptPark();
        if (!explicitCall) return;
    }
    // Only the cycle's goroutine writes these (several goroutines may be in collect at once);
    // mutators read wb_'s fields after the mark-start stop-the-world.
    heap_ = &heap;
    wb_.vm_ = &vm;
    wb_.verify_ = verify_;
    if (concurrent_ && onGoroutine)
        runConcurrent(vm, self);
    else
        runStopTheWorld(vm, self);
}

void Collector::runStopTheWorld(VM& vm, Thread* self) {
    Heap& heap = vm.heap();
    rt::Runtime& runtime = vm.runtime();
    bool onGoroutine = rt::getg() != nullptr;
    Cycle c;
    PauseTimes pt;
    c.start = pt.requested = rt::nanotime();
    if (onGoroutine) runtime.stopTheWorld();
    pt.stopped = rt::nanotime();
    c.heapStart = heap.heapAlloc_.load(std::memory_order_relaxed);
    // Goroutines inside blocking natives (and host threads) may still allocate: black.
    heap.startMarking();

    Marker m(wb_, false, verify_);
    auto markRef = [&](Obj* o) { m.mark(o); };
    m.setFrom("found from a program constant");
    forEachProgramRoot(vm, markRef);
    m.setFrom("found from a goroutine, a global or a sudog");
    forEachMutableRoot(vm, self, markRef);
    m.drain(SIZE_MAX);

    heap.finishMarking(verify_);
    c.heapMarked = heap.heapAlloc_.load(std::memory_order_relaxed);
    sweepAll(vm, false);
    c.live = heap.sweptLive();
    if (verify_) verifyAfterSweep(vm, self);

    pt.worked = rt::nanotime();
    pt.restarted = onGoroutine ? runtime.startTheWorld() : rt::nanotime();
    c.markStartNs = uint64_t(pt.restarted - pt.requested);
    recordPause(PauseKind::WholeCycle, pt);
    finishCycle(vm, c);
}

void Collector::runConcurrent(VM& vm, Thread* self) {
    Heap& heap = vm.heap();
    rt::Runtime& runtime = vm.runtime();
    Cycle c;
    PauseTimes pt;
    c.start = pt.requested = rt::nanotime();

    // 1. Mark start.
    runtime.stopTheWorld();
    pt.stopped = rt::nanotime();
    c.heapStart = heap.heapAlloc_.load(std::memory_order_relaxed);
    heap.startMarking();
    wb_.on_.store(true, std::memory_order_relaxed);
    Marker m(wb_, true, verify_);
    auto markRef = [&](Obj* o) { m.mark(o); };
    m.setFrom("found from a goroutine, a global or a sudog");
    forEachMutableRoot(vm, self, markRef);
    pt.worked = rt::nanotime();
    pt.restarted = runtime.startTheWorld();
    c.markStartNs = uint64_t(pt.restarted - pt.requested);
    recordPause(PauseKind::MarkStart, pt);

    // 2. Concurrent mark.
    int64_t markFrom = rt::nanotime();
    m.setFrom("found from a program constant");
    forEachProgramRoot(vm, markRef);
    int64_t slice = rt::nanotime();
    // The marker yields its P every ~1 ms while the heap is below its goal (the pacer started the
    // cycle before it); past the goal it marks without pause (there are no mutator assists: this
    // is what keeps a fast-allocating program from outrunning the marker).
    uint64_t yieldUntil = heap.nextGC_.load(std::memory_order_relaxed);
    for (;;) {
        m.takeShaded();
        bool done = m.drain(256);
        if (done) {
            m.takeShaded();
            if (m.empty()) break;
        }
        if (rt::nanotime() - slice > 1'000'000) {
            if (heap.heapAlloc_.load(std::memory_order_relaxed) < yieldUntil)
                yieldMarker(runtime);
            else if (rt::getg()->preempt.load(std::memory_order_relaxed))
                yieldMarker(runtime);
            slice = rt::nanotime();
        }
    }
    c.markNs = uint64_t(rt::nanotime() - markFrom);

    // 3. Mark termination.
    while (runtime.stopping())
        rt::preemptPark();
    pt.requested = rt::nanotime();
    runtime.stopTheWorld();
    pt.stopped = rt::nanotime();
    m.finishStopped();
    wb_.on_.store(false, std::memory_order_relaxed);
    heap.finishMarking(verify_);
    c.heapMarked = heap.heapAlloc_.load(std::memory_order_relaxed);
    pt.worked = rt::nanotime();
    pt.restarted = runtime.startTheWorld();
    c.termNs = uint64_t(pt.restarted - pt.requested);
    recordPause(PauseKind::MarkTermination, pt);

    // 4. Sweep, concurrently with the goroutines (which sweep a span themselves when they take
    // one that is not swept yet).
    sweepAll(vm, true);
    c.live = heap.sweptLive();
    if (verify_) {
        while (runtime.stopping())
            rt::preemptPark();
        runtime.stopTheWorld();
        verifyAfterSweep(vm, self);
        runtime.startTheWorld();
    }
    finishCycle(vm, c);
}

// Sweeps every span and large object that existed at mark termination. A long sweep on a
// goroutine honours preemption (a time slice, another stop-the-world); while the program is
// ending it runs to the end instead.
void Collector::sweepAll(VM& vm, bool yieldable) {
    Heap& heap = vm.heap();
    rt::Runtime& runtime = vm.runtime();
    Heap::SweepCursor cur;
    heap.beginSweep(cur);
    while (!heap.sweepSome(cur, 16)) {
        if (!yieldable) continue;
        rt::G* g = rt::getg();
        if (g->preempt.load(std::memory_order_relaxed) && !runtime.stopping()) rt::preemptPark();
    }
}

void Collector::finishCycle(VM& vm, Cycle& c) {
    Heap& heap = vm.heap();
    uint64_t goal =
        std::max<uint64_t>(c.live + c.live * uint64_t(std::max(heap.gcPercent_, 0)) / 100, 4u << 20);
    // The pacer (a simple form of Go's): goroutines keep allocating while a cycle marks, so the
    // next one starts as much before the goal as the heap grew during this one's marking, but
    // no earlier than 70% of the way from the live heap to the goal (Go's lower bound), so that
    // one slow cycle does not make cycles back to back. A program whose only allocating
    // goroutine runs the cycle grows nothing while marking and starts at the goal.
    uint64_t grew = c.heapMarked > c.heapStart ? c.heapMarked - c.heapStart : 0;
    uint64_t earliest = c.live + (goal - std::min(goal, c.live)) * 7 / 10;
    uint64_t trigger = std::max(goal > grew ? goal - grew : 0, earliest);
    heap.nextGC_.store(goal, std::memory_order_relaxed);
    heap.trigger_.store(std::min(trigger, goal), std::memory_order_relaxed);
    heap.releaseIdleSpans();
    heap.gcPending_.store(false, std::memory_order_relaxed);
    int64_t end = rt::nanotime();
    uint64_t wall;
    {
        std::lock_guard<std::mutex> lk(statsMu_);
        gcWallNs_ += uint64_t(end - c.start);
        wall = gcWallNs_;
    }
    if (gctrace_) {
        rt::Runtime& runtime = vm.runtime();
        double since = double(end - runtime.startNanotime());
        int pct = since > 0 ? int(100.0 * double(wall) / since) : 0;
        auto mb = [](uint64_t b) { return (unsigned long long)(b >> 20); };
        char line[256];
        std::snprintf(
            line, sizeof line,
            "gc %llu @%.3fs %d%%: %.3f+%.3f+%.3f ms clock, %llu->%llu->%llu MB, %llu MB goal, %d P\n",
            (unsigned long long)heap.numGC_.load(std::memory_order_relaxed), since / 1e9, pct,
            double(c.markStartNs) / 1e6, double(c.markNs) / 1e6, double(c.termNs) / 1e6, mb(c.heapStart),
            mb(c.heapMarked), mb(c.live), mb(heap.nextGC_.load(std::memory_order_relaxed)),
            runtime.gomaxprocs());
        vm.writeStderr(line);
    }
    // release: the next cycle (which acquires active_) sees this one's sweep complete.
    active_.store(false, std::memory_order_release);
}

void Collector::recordPause(PauseKind kind, const PauseTimes& t) {
    PauseRec r{kind, uint64_t(t.stopped - t.requested), uint64_t(t.worked - t.stopped),
               uint64_t(t.restarted - t.worked)};
    uint64_t ns = r.stopNs + r.workNs + r.restartNs;
    bool endsCycle = kind != PauseKind::MarkStart;
    int64_t unixNs = endsCycle ? std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count()
                               : 0;
    std::lock_guard<std::mutex> lk(statsMu_);
    if (pauses_.size() < kPauseWindow)
        pauses_.push_back(r);
    else
        pauses_[pauseNext_] = r;
    pauseNext_ = (pauseNext_ + 1) % kPauseWindow;
    numPauses_++;
    pauseMaxNs_ = std::max(pauseMaxNs_, ns);
    cycles_.pauseTotalNs += ns;
    cyclePauseNs_ += ns;
    if (endsCycle) {
        // The cycle is counted here, under statsMu_, so that a ReadMemStats on another M sees
        // NumGC and the ring entry of that cycle together.
        uint64_t n = heap_->numGC_.fetch_add(1, std::memory_order_relaxed) + 1;
        cycles_.numGC = n;
        size_t i = (n - 1) % CycleRecords::kRing;
        cycles_.pauseNs[i] = cyclePauseNs_;
        cycles_.pauseEnd[i] = cycles_.lastGC = uint64_t(unixNs);
        cyclePauseNs_ = 0;
    }
}

void Collector::printPauseSummary() const {
    // (stderr directly: it runs from ~Collector, when the VM's output members are gone.)
    PauseStats s = pauseStats();
    auto ms = [](uint64_t ns) { return double(ns) / 1e6; };
    char line[512];
    std::snprintf(line, sizeof line, "gc pauses: %llu, p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                  (unsigned long long)s.numPauses, ms(s.p50Ns), ms(s.p99Ns), ms(s.maxNs));
    std::fputs(line, stderr);
    static const char* const names[kPauseKinds] = {"mark start", "mark termination", "whole cycle"};
    for (size_t k = 0; k < kPauseKinds; k++) {
        const PauseKindStats& ks = s.kinds[k];
        if (ks.count == 0) continue;
        auto part = [&](const char* name, const PauseDist& d, char* out, size_t n) {
            std::snprintf(out, n, "%s %.3f/%.3f/%.3f", name, ms(d.p50Ns), ms(d.p99Ns), ms(d.maxNs));
        };
        char total[96], stop[96], work[96], restart[96];
        part("total", ks.total, total, sizeof total);
        part("stop", ks.stop, stop, sizeof stop);
        part("work", ks.work, work, sizeof work);
        part("restart", ks.restart, restart, sizeof restart);
        std::snprintf(line, sizeof line, "gc pauses: %s x%llu (p50/p99/max ms): %s = %s + %s + %s\n",
                      names[k], (unsigned long long)ks.count, total, stop, work, restart);
        std::fputs(line, stderr);
    }
}

CycleRecords Collector::cycleRecords() const {
    std::lock_guard<std::mutex> lk(statsMu_);
    return cycles_;
}

PauseStats Collector::pauseStats() const {
    std::lock_guard<std::mutex> lk(statsMu_);
    PauseStats s;
    s.numPauses = numPauses_;
    s.totalNs = cycles_.pauseTotalNs;
    s.maxNs = pauseMaxNs_;
    std::vector<uint64_t> all;
    for (const PauseRec& r : pauses_)
        all.push_back(r.stopNs + r.workNs + r.restartNs);
    s.p50Ns = percentile(all, 0.50);
    s.p99Ns = percentile(all, 0.99);
    for (size_t k = 0; k < kPauseKinds; k++) {
        std::vector<uint64_t> total, stop, work, restart;
        for (const PauseRec& r : pauses_) {
            if (size_t(r.kind) != k) continue;
            total.push_back(r.stopNs + r.workNs + r.restartNs);
            stop.push_back(r.stopNs);
            work.push_back(r.workNs);
            restart.push_back(r.restartNs);
        }
        auto dist = [](const std::vector<uint64_t>& v) {
            return PauseDist{percentile(v, 0.50), percentile(v, 0.99), percentile(v, 1.0)};
        };
        PauseKindStats& ks = s.kinds[k];
        ks.count = total.size();
        ks.total = dist(total);
        ks.stop = dist(stop);
        ks.work = dist(work);
        ks.restart = dist(restart);
    }
    return s;
}

} // namespace gol::vm
