// The write barrier's slow paths and the stores natives make through it (vm/gc_barrier.hpp).
#include "vm/gc_barrier.hpp"

#include "vm/gc_scan.hpp"
#include "vm/vm.hpp"

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace gol::vm {

const char* objKindName(ObjKind k) {
    switch (k) {
    case ObjKind::String: return "string";
    case ObjKind::Array: return "array";
    case ObjKind::Slice: return "slice";
    case ObjKind::Box: return "struct";
    case ObjKind::Ptr: return "pointer";
    case ObjKind::Iface: return "interface";
    case ObjKind::Func: return "func";
    case ObjKind::Map: return "map";
    case ObjKind::MapIter: return "map iterator";
    case ObjKind::Chan: return "chan";
    case ObjKind::Host: return "host";
    }
    return "?";
}

void WriteBarrier::shadeSlow(Obj* o) {
    uint8_t s = gcmark::kWhite;
    // relaxed: the compare-and-swap elects one queuer; the queue's mutex publishes o to the marker.
    if (!o->gcMark.compare_exchange_strong(s, gcmark::kGrey, std::memory_order_relaxed)) {
        if (s == gcmark::kFreed) freedReached(o);
        return;
    }
    std::lock_guard<std::mutex> lk(mu_);
    queue_.push_back(o);
}

void WriteBarrier::takeQueue(std::vector<Obj*>& into) {
    std::lock_guard<std::mutex> lk(mu_);
    into.insert(into.end(), queue_.begin(), queue_.end());
    queue_.clear();
}

void WriteBarrier::freedReached(Obj* o, const char* where) {
    char msg[256];
    std::snprintf(
        msg, sizeof msg,
        "fatal error: gcverify: %s object %p was freed by the collector but is still reachable (%s)\n",
        objKindName(o->kind), static_cast<void*>(o), where);
    if (vm_)
        vm_->writeStderr(msg);
    else
        std::fputs(msg, stderr);
    std::fflush(nullptr);
    std::_Exit(2);
}

void WriteBarrier::copySlots(Value* dst, const Value* src, int64_t n) {
    // memmove's order: never read a source slot after overwriting it.
    if (dst <= src) {
        for (int64_t i = 0; i < n; i++)
            store(dst[i], load(src[i]), true);
    } else {
        for (int64_t i = n - 1; i >= 0; i--)
            store(dst[i], load(src[i]), true);
    }
}

void WriteBarrier::clearSlots(Value* dst, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        store(dst[i], Value{}, true);
}

void WriteBarrier::beforeMutate(Obj* o) {
    for (;;) {
        // acquire: see the contents as the last scanner or mutator left them.
        uint8_t s = o->gcMark.load(std::memory_order_acquire);
        if (s == gcmark::kBlack) return;
        if (s == gcmark::kFreed) freedReached(o, "changed by a goroutine");
        if (s == gcmark::kScanning) {
            // The marker is shading it: a bounded wait (one map's entries).
            std::this_thread::yield();
            continue;
        }
        if (o->gcMark.compare_exchange_weak(s, gcmark::kScanning, std::memory_order_acquire)) {
            forEachRef(o, [&](Obj* r) { shade(r); });
            o->gcMark.store(gcmark::kBlack, std::memory_order_release);
            return;
        }
    }
}

bool ptrSlotIsRef(const PtrObj* p) {
    Obj* owner = p->owner;
    if (!owner) return p->slotIsRef;
    if (owner->kind == ObjKind::Array) {
        auto* a = static_cast<ArrayObj*>(owner);
        return a->elemIsRef;
    }
    if (owner->kind == ObjKind::Box) {
        auto* b = static_cast<BoxObj*>(owner);
        size_t i = size_t(reinterpret_cast<Value*>(p->slot) - b->fields);
        return i < b->type()->fields.size() && b->type()->fields[i].type->isRef();
    }
    return false;
}

void storeThroughPtr(WriteBarrier& wb, PtrObj* p, Value v) {
    auto* slot = reinterpret_cast<Value*>(p->slot);
    if (wb.on())
        wb.store(*slot, v, ptrSlotIsRef(p));
    else
        *slot = v;
}

} // namespace gol::vm
