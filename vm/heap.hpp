// The heap: the one way objects are allocated.
//
// Every object is allocated here and linked into a list of all objects, which is what the
// collector (issue 4: vm/gc*.cpp) sweeps. Allocation may run on any M at once: the fast path
// is the system allocator (glibc's per-thread tcache takes no lock for small sizes) plus one
// lock-free push onto the all-objects list. docs/gc.md has the measurements behind this.
//
// Invariants: an object is on exactly one list (`all_`) from allocation until the sweeper frees
// it; `gcNext` is written only by the allocating thread before the object is published (the
// release CAS on `all_`) and by the sweeper while the world is stopped.
//
// The memory limit (GOMEMLIMIT, VMOptions::memoryLimit; docs/gc.md): an allocation cannot collect
// (its caller may hold unrooted objects in C++ locals), so one that takes the heap past the
// limit's goal asks for a collection at the next safepoint, and the VM runs it there
// (VM::safepoint). Past the limit itself the allocation is still admitted, the next safepoint
// collects at once, and only if the heap does not fit after that collection does the program end
// with Go's "fatal error: runtime: out of memory". An allocation larger than the limit, one that
// would take the heap past twice the limit before any safepoint, or one the system allocator
// refuses ends the program at once.
#pragma once

#include "vm/object.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace gol::vm {

struct HeapStats {
    uint64_t heapAlloc = 0;  // bytes in live (not yet swept) objects
    uint64_t totalAlloc = 0; // bytes ever allocated
    uint64_t mallocs = 0;
    uint64_t frees = 0;
    uint64_t numGC = 0;
    uint64_t nextGC = 0;      // the heap size at which the next cycle starts
    uint64_t numForcedGC = 0; // runtime.GC() calls
};

class Heap {
public:
    Heap() = default;
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

    // Releases an object's C++ members and its memory (the sweeper).
    static void destroy(Obj* o);
    // Objects whose destroy reads their body (maps' and channels' C++ members, Host objects'
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

    std::atomic<Obj*> all_{nullptr};
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
