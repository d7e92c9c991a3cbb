// The write barrier of the concurrent collector (vm/gc.cpp explains the cycle and why this
// barrier is enough).
//
// While a cycle marks concurrently with goroutines (WriteBarrier::on()), every store that
// overwrites a reference held by a heap object or a global first shades the overwritten value:
// the deletion half of Go's hybrid barrier. Its insertion half (shade the new value while the
// storing goroutine's stack is grey) is not needed because every goroutine stack is scanned in
// the stop-the-world that starts the cycle, so no stack is grey while goroutines run.
//
// Mark states (vm/object.hpp, gcmark) are written with atomics: the marker and any number of
// mutators may shade the same object at once; the compare-and-swap picks one winner who queues it.
#pragma once

#include "vm/object.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gol::vm {

class VM;
struct MapObj;

class WriteBarrier {
  public:
    // relaxed: on_ changes only while the world is stopped, and stopping/starting the world
    // synchronises every goroutine with the collector (the scheduler's locks), so a goroutine
    // sees the value of the current phase whenever it runs.
    bool on() const { return on_.load(std::memory_order_relaxed); }

    // Greys o if it is white and queues it for the marker.
    void shade(Obj* o) {
        if (!o) return;
        uint8_t s = o->gcMark.load(std::memory_order_relaxed);
        if (s == gcmark::kWhite)
            shadeSlow(o);
        else if (s == gcmark::kFreed)
            freedReached(o);
    }
    void shade(Value v) { shade(v.p); }

    // slot = v while on(): shade the old value if the slot holds a reference, then publish v
    // with a release store, so a marker that acquires the slot sees the object v names fully
    // initialised (it may have been allocated during the cycle by another M).
    void store(Value& slot, Value v, bool isRef) {
        if (isRef) shade(load(slot));
        __atomic_store_n(&slot.u, v.u, __ATOMIC_RELEASE);
    }
    // dst[0..n) = src[0..n) for reference slots (memmove semantics) while on().
    void copySlots(Value* dst, const Value* src, int64_t n);
    // Zeroes n reference slots while on().
    void clearSlots(Value* dst, int64_t n);
    // Before a map or map iterator is changed while on(): shades everything it holds (so the
    // change needs no per-slot barrier and the marker never reads it while it changes).
    void beforeMutate(Obj* o);

    // Moves the objects mutators shaded into the marker's grey stack.
    void takeQueue(std::vector<Obj*>& into);
    // A reached object was swept (GOLDEBUG=gcverify=1): a collector bug; ends the process.
    [[noreturn]] void freedReached(Obj* o, const char* where = "reached by the marker");

    // The marker's load of a slot that mutators may store to concurrently.
    static Value load(const Value& slot) {
        return Value::fromUint(__atomic_load_n(&slot.u, __ATOMIC_ACQUIRE));
    }

  private:
    friend class Collector;
    void shadeSlow(Obj* o);

    std::atomic<bool> on_{false};
    bool verify_ = false;
    VM* vm_ = nullptr;
    // Objects greyed by mutators, for the marker to scan. Lock order: leaf (taken alone).
    std::mutex mu_;
    std::vector<Obj*> queue_;
};

// "map", "struct", ...: for the collector's fatal errors.
const char* objKindName(ObjKind k);
// *p = v where p names an 8-byte slot (a cell, a struct field, an array element).
void storeThroughPtr(WriteBarrier& wb, PtrObj* p, Value v);
// True when the 8-byte slot p names holds a reference (the GC traces it).
bool ptrSlotIsRef(const PtrObj* p);

} // namespace gol::vm
