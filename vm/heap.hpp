// The heap: the one way objects are allocated.
//
// Small objects (up to 8 KiB) come from size-class spans (vm/spans.hpp, heap_spans.cpp): each P
// has its own cache of one span per class, so the fast path is a free-list pop or a bump on
// memory only that P touches — no lock, no atomic read-modify-write, no shared cache line. The
// counters an allocation changes live in the cache and reach the heap's totals when the cache
// takes a new span; that is also where the heap looks at its goal, the memory limit and the
// periodic-GC clock. Allocations made off a P (a host thread, a goroutine inside a blocking
// native) use one shared cache under a mutex. Large objects are allocated one by one and kept
// on a list. docs/gc.md ("Allocation") has the measurements behind this.
//
// Colours at allocation: while a cycle marks, new objects are allocated black (they survive
// the cycle and the marker does not scan them: the snapshot argument of vm/gc.cpp); otherwise
// white. Sweeping is by span (vm/gc_sweep.cpp) and by the large list.
//
// The memory limit (GOMEMLIMIT, VMOptions::memoryLimit; docs/gc.md): an allocation cannot collect
// (its caller may hold unrooted objects in C++ locals), so one that takes the heap past the
// limit's goal asks for a collection at the next safepoint, and the VM runs it there
// (VM::safepoint). Past the limit itself the allocation is still admitted, the next safepoint
// collects at once, and only if the heap does not fit after that collection does the program end
// with Go's "fatal error: runtime: out of memory". An allocation larger than the limit, one that
// would take the heap past twice the limit before any safepoint, or one the OS refuses ends
// the program at once.
#pragma once

#include "vm/object.hpp"
#include "vm/spans.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace gol::rt {
class Runtime;
}

namespace gol::vm {

struct HeapStats {
    uint64_t heapAlloc = 0;  // bytes in live (not yet swept) objects
    uint64_t totalAlloc = 0; // bytes ever allocated
    uint64_t mallocs = 0;
    uint64_t frees = 0;
    uint64_t numGC = 0;
    uint64_t nextGC = 0;      // the heap size at which the next cycle starts
    uint64_t numForcedGC = 0; // runtime.GC() calls
    uint64_t spanSys = 0;     // bytes of span arenas obtained from the OS
    uint64_t spanIdle = 0;    // bytes of those in spans that hold no object
};

class Heap {
public:
    Heap();
    ~Heap(); // frees every object (the VM is gone: nothing can reach them)
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Raw allocation of `bytes` (header included), zero-filled, with the header initialised.
    // When it cannot be satisfied (see the memory limit above) it calls the out-of-memory
    // handler, which on a goroutine ends the program and does not return; off a goroutine (a
    // host loading a program) it throws std::bad_alloc.
    Obj* alloc(ObjKind kind, size_t bytes);

    // Typed constructors.
    StringObj* newString(std::string_view bytes);
    StringObj* newStringUninit(int64_t len); // caller fills ->bytes[0..len)
    StringObj* newSubstring(StringObj* s, int64_t lo, int64_t hi);
    ArrayObj* newArray(int64_t len, uint8_t elemSize, bool elemIsRef, const RType* elemType);
    SliceObj* newSlice(ArrayObj* array, int64_t off, int64_t len, int64_t cap);
    BoxObj* newBox(const RType* structType); // fields zeroed, nested boxes allocated
    PtrObj* newCell(Value v, bool isRef);
    PtrObj* newRef(Obj* owner, uint8_t* slot);
    IfaceObj* newIface(const RType* type, Value v);
    FuncObj* newFunc(Proto* proto, NativeFn native, uint32_t nup);
    // Host data the GC owns: `finalize(payload)` runs when the object is swept or the heap is
    // destroyed (natives' C++ state, e.g. a compiled regexp).
    HostObj* newHost(void* payload, HostFinalizer finalize);

    // The zero value of a type for a fresh location: a new box for struct/array types.
    Value zeroValue(const RType* t);
    // A new zero array value of array type t (elements: nested boxes for boxed element types).
    ArrayObj* newArrayValue(const RType* arrayType);

    // The knobs below change only before the program runs or with the world stopped
    // (runtime/debug's setters stop it), so the allocating Ms read them without atomics.
    // GOMEMLIMIT in bytes; UINT64_MAX for none.
    void setMemoryLimit(uint64_t bytes);
    uint64_t memoryLimit() const { return limit_; }
    // GOGC: a collection is due when the heap reaches live * (1 + percent/100); < 0 disables.
    void setGCPercent(int percent) { gcPercent_ = percent; }
    int gcPercent() const { return gcPercent_; }
    // GC stress (GOLDEBUG=gcstress=1): every allocation asks for a collection at the next safepoint.
    void setStress(bool on) { stress_ = on; }
    // A cycle is forced when none was asked for in this long (Go's forcegcperiod: 2 minutes).
    void setForcedGCPeriod(int64_t ns) { forcePeriodNs_ = ns; }
    // The VM's reaction to an allocation that cannot be satisfied on a goroutine: must not
    // return (it ends the program with Go's fatal error).
    void setOutOfMemoryHandler(std::function<void()> f) { oom_ = std::move(f); }
    // Runs the handler when on a goroutine; else throws std::bad_alloc.
    [[noreturn]] void outOfMemory();
    HeapStats stats() const;
    // The runtime whose Ps own the per-P caches (set by the VM once it exists; until then, and
    // for any thread that holds no P of it, allocation uses the shared cache).
    // relaxed: the runtime outlives every goroutine that reads it; the VM clears it only while
    // it destroys the runtime, and a goroutine that still sees it then is still on its P.
    void setRuntime(const rt::Runtime* r) { runtime_.store(r, std::memory_order_relaxed); }

    // Releases what an object's C++ members own (maps' tables, channels, host finalizers).
    static void destroyMembers(Obj* o);
    // Objects whose destroyMembers reads their body (maps' and channels' C++ members, Host objects'
    // finalizers): verify mode must not poison them before destroy.
    static bool destroyReadsBody(ObjKind k) { return k == ObjKind::Map || k == ObjKind::Chan || k == ObjKind::Host; }

    // Set by alloc when the heap passed its goal; the next safepoint of any goroutine collects.
    bool gcPending() const { return gcPending_.load(std::memory_order_relaxed); }
    // Asks for a collection at the next safepoint of the calling goroutine.
    void requestCollection();
    // The pending collection was asked for by the memory limit: run it as a whole new cycle and
    // check the limit after it (limitCollectionDone).
    bool limitCollectionDue() const { return limitDue_.load(std::memory_order_relaxed); }
    // Clears the request so that the next collect() runs a whole new cycle (runtime.GC()'s rule).
    void clearCollectionRequest() { gcPending_.store(false, std::memory_order_relaxed); }
    // After a cycle the limit asked for: true if the heap now fits under the limit (and re-aims
    // the limit's goal halfway between the live heap and the limit, so a live heap close to the
    // limit does not collect at every allocation); false if it still does not fit.
    bool limitCollectionDone();
    // True (once per period) when no collection was asked for in the forced-GC period.
    bool periodicCollectionDue();
    void countForcedGC() { numForcedGC_.fetch_add(1, std::memory_order_relaxed); }

private:
    friend class Collector;
    // The slow path of alloc when the heap passed the limit's goal: false if the allocation can
    // never fit (the caller reports out of memory).
    bool admitOverLimitGoal(uint64_t heapAfter, size_t bytes);
    void noteRequest() { lastRequestNs_.store(nowNs(), std::memory_order_relaxed); }
    static int64_t nowNs();
    // The heap is about to reach `now` bytes by an allocation of `bytes`: the limit, goal and
    // periodic-clock checks. False if the allocation can never fit (out of memory).
    bool checkGrowth(uint64_t now, size_t bytes);
    void initHeader(Obj* o, ObjKind kind);

    // ---- spans (heap_spans.cpp) ----
    SpanCache* procCache();                       // the calling M's P's cache, or null
    Obj* allocSmall(SpanCache& c, unsigned cls, ObjKind kind); // null: out of memory
    Span* refill(SpanCache& c, unsigned cls);     // the cache's span for cls is exhausted
    Span* takeSpan(unsigned cls);                 // a swept span with free slots, owned by the caller
    Span* spanFromPool(unsigned cls);
    void poolPut(Span* s);                        // under poolMu_
    void flushCache(SpanCache& c);                // spans back to central, counters to the totals
    void flushStats(SpanCache& c);
    Obj* allocLarge(ObjKind kind, size_t bytes); // null: out of memory
    // ---- the collector's side (heap_spans.cpp, gc_sweep.cpp) ----
    void startMarking();   // world stopped: allocate black from now on
    void finishMarking(bool verify); // world stopped: caches flushed, sweep generation advanced, allocate
                           // white, the large list detached for sweeping
    struct SweepCursor {
        std::vector<Arena*> arenas;
        size_t arena = 0, span = 0;
    };
    void beginSweep(SweepCursor& cur);
    // Sweeps up to maxSpans more spans (or, past the spans, the detached large objects, a batch
    // at a time); true when everything is swept.
    bool sweepSome(SweepCursor& cur, size_t maxSpans);
    bool trySweep(Span* s);                        // claims and sweeps s if it is unswept
    void ensureSwept(Span* s);                     // for an allocator that took s
    void sweepSpan(Span* s);                       // claimed: frees the white slots
    void placeAfterSweep(Span* s);                 // the sweeper's span goes back where it belongs
    void sweepLargeBatch(size_t max);
    void releaseIdleSpans();                       // pool spans beyond a few go back to the OS
    uint64_t sweptLive() const { return sweptLive_.load(std::memory_order_relaxed); }

    std::atomic<const rt::Runtime*> runtime_{nullptr};
    std::array<std::atomic<SpanCache*>, 256> procCaches_{}; // by P id (rt::kMaxProcs)
    std::mutex sharedMu_; // lock order: sharedMu_ > CentralList::mu > poolMu_ / largeMu_
    SpanCache sharedCache_;
    std::array<CentralList, kNumClasses> central_;
    std::mutex poolMu_;
    std::vector<Arena*> arenas_;         // under poolMu_
    Span* poolHot_ = nullptr;            // free spans still backed by memory (under poolMu_)
    Span* poolCold_ = nullptr;           // free spans given back to the OS (under poolMu_)
    size_t poolHotCount_ = 0, poolColdCount_ = 0;
    std::atomic<uint64_t> spanSys_{0}, spanIdle_{0};
    // Sweep generation (vm/spans.hpp). Starts at 2 so that "heap's - 2" of a fresh heap is 0.
    // Changed only with the world stopped and under sharedMu_; allocators read it relaxed (the
    // world's restart, or sharedMu_, orders them after the change).
    std::atomic<uint32_t> sweepGen_{2};
    // The colour of new objects: kGrey while a cycle marks, else kWhite. Same rules as sweepGen_.
    std::atomic<uint8_t> allocMark_{0};
    // Large objects: a 16-byte prefix links them; the list is detached at mark termination and
    // swept while new ones go onto a fresh list.
    struct LargePrefix {
        LargePrefix* next;
        uint64_t bytes;
    };
    std::mutex largeMu_;
    LargePrefix* large_ = nullptr;         // under largeMu_
    LargePrefix* largeSweeping_ = nullptr; // owned by the sweeping cycle
    LargePrefix** largeKeptTail_ = nullptr;
    LargePrefix* largeKept_ = nullptr;
    std::atomic<uint64_t> sweptLive_{0}; // bytes the sweep kept, for the next goal
    bool sweepVerify_ = false;           // gcverify: poison and quarantine instead of freeing

    std::atomic<uint64_t> heapAlloc_{0}, totalAlloc_{0}, mallocs_{0}, frees_{0}, numGC_{0};
    std::atomic<uint64_t> numForcedGC_{0};
    uint64_t limit_ = UINT64_MAX;
    // The heap size at which the limit asks for a collection: 15/16 of the limit at first, then
    // re-aimed after each limit cycle. UINT64_MAX without a limit, so alloc's fast path tests it
    // with one comparison. relaxed: a trigger, written by limit cycles, read by allocations.
    std::atomic<uint64_t> limitGoal_{UINT64_MAX};
    std::atomic<bool> limitDue_{false};
    int64_t forcePeriodNs_ = int64_t(120) * 1000000000;
    std::atomic<int64_t> lastRequestNs_{0};
    std::function<void()> oom_;
    // The first collection at 4 MiB, as Go's minimum heap goal: below that a GC costs more than
    // the memory it could return.
    std::atomic<uint64_t> nextGC_{4u << 20};
    // The heap size at which the next cycle starts: at or before the goal (nextGC_), by as much
    // as the heap grew while the last cycle marked (Collector::finishCycle, the pacer), so that
    // goroutines allocating during marking end it near the goal rather than past it.
    std::atomic<uint64_t> trigger_{4u << 20};
    int gcPercent_ = 100;
    bool stress_ = false;
    // relaxed: a hint polled at safepoints; the collection itself synchronises by stopping the
    // world.
    std::atomic<bool> gcPending_{false};
};

} // namespace gol::vm
