// The heap: the one way objects are allocated.
//
// Every object is allocated here and linked into a list of all objects, which is what the
// collector (issue 4: vm/gc*.cpp) sweeps. Allocation may run on any M at once: the fast path
// is the system allocator (glibc keeps per-thread arenas, so it takes no global lock) plus one
// lock-free push onto the all-objects list.
//
// Invariants: an object is on exactly one list (`all_`) from allocation until the sweeper frees
// it; `gcNext` is written only by the allocating thread before the object is published (the
// release CAS on `all_`) and by the sweeper while the world is stopped.
#pragma once

#include "vm/object.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gol::vm {

struct HeapStats {
    uint64_t heapAlloc = 0;  // bytes in live (not yet swept) objects
    uint64_t totalAlloc = 0; // bytes ever allocated
    uint64_t mallocs = 0;
    uint64_t frees = 0;
    uint64_t numGC = 0;
};

class Heap {
public:
    Heap() = default;
    ~Heap(); // frees every object (the VM is gone: nothing can reach them)
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Raw allocation of `bytes` (header included), zero-filled, with the header initialised.
    // Throws std::bad_alloc when the memory limit would be exceeded.
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

    // The zero value of a type for a fresh location: a new box for struct/array types.
    Value zeroValue(const RType* t);
    // A new zero array value of array type t (elements: nested boxes for boxed element types).
    ArrayObj* newArrayValue(const RType* arrayType);

    void setMemoryLimit(uint64_t bytes) { limit_ = bytes; }
    // GOGC: a collection is due when the heap reaches live * (1 + percent/100); < 0 disables.
    void setGCPercent(int percent) { gcPercent_ = percent; }
    int gcPercent() const { return gcPercent_; }
    // GC stress (GOLDEBUG=gcstress=1): every allocation asks for a collection at the next safepoint.
    void setStress(bool on) { stress_ = on; }
    HeapStats stats() const;

    // Releases an object's C++ members and its memory (the sweeper).
    static void destroy(Obj* o);

    // Set by alloc when the heap passed its goal; the next safepoint of any goroutine collects.
    bool gcPending() const { return gcPending_.load(std::memory_order_relaxed); }

private:
    friend class Collector;
    std::atomic<Obj*> all_{nullptr};
    std::atomic<uint64_t> heapAlloc_{0}, totalAlloc_{0}, mallocs_{0}, frees_{0}, numGC_{0};
    uint64_t limit_ = UINT64_MAX;
    // The first collection at 4 MiB, as Go's minimum heap goal: below that a GC costs more than
    // the memory it could return.
    std::atomic<uint64_t> nextGC_{4u << 20};
    int gcPercent_ = 100;
    bool stress_ = false;
    // relaxed: a hint polled at safepoints; the collection itself synchronises by stopping the
    // world.
    std::atomic<bool> gcPending_{false};
};

} // namespace gol::vm
