#include "vm/heap.hpp"

#include "runtime/runtime.hpp"
#include "vm/chanobj.hpp"
#include "vm/map.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace gol::vm {

void Obj::badHeaderType() {
    std::fputs("fatal error: gol: a type descriptor lies above the 48-bit address space\n", stderr);
    std::abort();
}

void Heap::destroyMembers(Obj* o) {
    switch (o->kind) {
    case ObjKind::Map: static_cast<MapObj*>(o)->~MapObj(); break;
    case ObjKind::Chan: static_cast<ChanObj*>(o)->ch.~Chan(); break;
    case ObjKind::Host: {
        auto* h = static_cast<HostObj*>(o);
        if (h->finalize) h->finalize(h->payload);
        break;
    }
    default: break;
    }
}

int64_t Heap::nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void Heap::outOfMemory() {
    if (oom_ && rt::getg()) oom_();
    throw std::bad_alloc();
}

void Heap::setMemoryLimit(uint64_t bytes) {
    limit_ = bytes;
    limitGoal_.store(bytes == UINT64_MAX ? UINT64_MAX : bytes - bytes / 16, std::memory_order_relaxed);
}

void Heap::requestCollection() {
    noteRequest();
    gcPending_.store(true, std::memory_order_relaxed);
    // Ask the allocating goroutine to reach a safepoint, where it collects.
    if (rt::G* g = rt::getg()) g->preempt.store(1, std::memory_order_seq_cst);
}

bool Heap::admitOverLimitGoal(uint64_t heapAfter, size_t bytes) {
    if (bytes > limit_) return false;
    // Between safepoints a goroutine (or several Ms) may allocate past the limit; twice the limit
    // means none reached a safepoint for a whole limit's worth of allocation: a runaway.
    if (heapAfter > limit_ && heapAfter - limit_ > limit_) return false;
    if (!limitDue_.load(std::memory_order_relaxed)) limitDue_.store(true, std::memory_order_relaxed);
    if (heapAfter > limit_ || !gcPending_.load(std::memory_order_relaxed)) requestCollection();
    return true;
}

bool Heap::limitCollectionDone() {
    uint64_t live = heapAlloc_.load(std::memory_order_relaxed);
    if (live > limit_) return false;
    limitGoal_.store(std::max(limit_ - limit_ / 16, live + (limit_ - live) / 2), std::memory_order_relaxed);
    limitDue_.store(false, std::memory_order_relaxed);
    return true;
}

bool Heap::periodicCollectionDue() {
    int64_t now = nowNs();
    int64_t last = lastRequestNs_.load(std::memory_order_relaxed);
    if (last == 0) {
        // The clock starts with the first check (the program's start, for the periodic rule).
        lastRequestNs_.compare_exchange_strong(last, now, std::memory_order_relaxed);
        return false;
    }
    if (now - last < forcePeriodNs_) return false;
    // One winner per period among the Ms that notice it.
    return lastRequestNs_.compare_exchange_strong(last, now, std::memory_order_relaxed);
}

Obj* Heap::alloc(ObjKind kind, size_t bytes) {
    Obj* o;
    if (bytes <= kMaxSmallObject) {
        unsigned cls = sizeClassOf(bytes);
        if (SpanCache* c = procCache()) {
            o = allocSmall(*c, cls, kind);
        } else {
            std::lock_guard<std::mutex> g(sharedMu_);
            o = allocSmall(sharedCache_, cls, kind);
        }
    } else {
        o = allocLarge(kind, bytes);
    }
    if (!o) outOfMemory(); // with no lock held: the handler ends the program
    // GC stress (GOLDEBUG=gcstress=1): every allocation asks for a cycle.
    if (stress_ && gcPercent_ >= 0 && !gcPending_.load(std::memory_order_relaxed)) requestCollection();
    return o;
}

StringObj* Heap::newStringUninit(int64_t len) {
    auto* s = static_cast<StringObj*>(alloc(ObjKind::String, sizeof(StringObj) + size_t(len) + 1));
    s->len = len;
    s->data = s->bytes;
    s->owner = nullptr;
    return s;
}

StringObj* Heap::newString(std::string_view bytes) {
    StringObj* s = newStringUninit(int64_t(bytes.size()));
    if (!bytes.empty()) std::memcpy(s->bytes, bytes.data(), bytes.size());
    return s;
}

StringObj* Heap::newSubstring(StringObj* s, int64_t lo, int64_t hi) {
    auto* r = static_cast<StringObj*>(alloc(ObjKind::String, sizeof(StringObj)));
    r->len = hi - lo;
    r->data = s->data + lo;
    r->owner = s->owner ? s->owner : s;
    return r;
}

ArrayObj* Heap::newArray(int64_t len, uint8_t elemSize, bool elemIsRef, const RType* elemType) {
    auto* a = static_cast<ArrayObj*>(alloc(ObjKind::Array, sizeof(ArrayObj) + size_t(len) * elemSize));
    a->len = len;
    a->elemSize = elemSize;
    a->elemIsRef = elemIsRef;
    a->elemType = elemType;
    if (elemType && elemType->isBoxed()) {
        for (int64_t i = 0; i < len; i++) a->slots()[i] = zeroValue(elemType);
    }
    return a;
}

SliceObj* Heap::newSlice(ArrayObj* array, int64_t off, int64_t len, int64_t cap) {
    auto* s = static_cast<SliceObj*>(alloc(ObjKind::Slice, sizeof(SliceObj)));
    s->array = array;
    s->off = off;
    s->len = len;
    s->cap = cap;
    return s;
}

BoxObj* Heap::newBox(const RType* t) {
    size_t n = t->fields.size();
    auto* b = static_cast<BoxObj*>(alloc(ObjKind::Box, sizeof(BoxObj) + n * sizeof(Value)));
    b->setType(t);
    for (size_t i = 0; i < n; i++) {
        if (t->fields[i].type->isBoxed()) b->fields[i] = zeroValue(t->fields[i].type);
    }
    return b;
}

ArrayObj* Heap::newArrayValue(const RType* t) {
    const RType* e = t->elem;
    bool bytes = e->kind == Kind::Uint8;
    return newArray(t->len, bytes ? 1 : 8, e->isRef(), e);
}

Value Heap::zeroValue(const RType* t) {
    if (t->kind == Kind::Struct) return Value::fromObj(newBox(t));
    if (t->kind == Kind::Array) return Value::fromObj(newArrayValue(t));
    return Value{};
}

PtrObj* Heap::newCell(Value v, bool isRef) {
    auto* p = static_cast<PtrObj*>(alloc(ObjKind::Ptr, sizeof(PtrObj)));
    p->inlineValue = v;
    p->slot = reinterpret_cast<uint8_t*>(&p->inlineValue);
    p->owner = nullptr;
    p->slotIsRef = isRef;
    return p;
}

PtrObj* Heap::newRef(Obj* owner, uint8_t* slot) {
    auto* p = static_cast<PtrObj*>(alloc(ObjKind::Ptr, sizeof(PtrObj)));
    p->slot = slot;
    p->owner = owner;
    p->slotIsRef = false;
    return p;
}

IfaceObj* Heap::newIface(const RType* type, Value v) {
    auto* i = static_cast<IfaceObj*>(alloc(ObjKind::Iface, sizeof(IfaceObj)));
    i->type = type;
    i->value = v;
    return i;
}

FuncObj* Heap::newFunc(Proto* proto, NativeFn native, uint32_t nup) {
    auto* f = static_cast<FuncObj*>(alloc(ObjKind::Func, sizeof(FuncObj) + nup * sizeof(Value)));
    f->proto = proto;
    f->native = native;
    f->nup = nup;
    return f;
}

HostObj* Heap::newHost(void* payload, HostFinalizer finalize) {
    HostObj* h;
    try {
        h = static_cast<HostObj*>(alloc(ObjKind::Host, sizeof(HostObj)));
    } catch (...) {
        // Not owned yet: release it here, as the sweeper would have.
        if (finalize) finalize(payload);
        throw;
    }
    h->payload = payload;
    h->finalize = finalize;
    return h;
}

HeapStats Heap::stats() const {
    HeapStats s;
    s.heapAlloc = heapAlloc_.load(std::memory_order_relaxed);
    s.totalAlloc = totalAlloc_.load(std::memory_order_relaxed);
    s.mallocs = mallocs_.load(std::memory_order_relaxed);
    // Plus what the caches allocated since they last added to the totals.
    auto add = [&s](const SpanCache& c) {
        uint64_t b = c.bytes.load(std::memory_order_relaxed);
        s.heapAlloc += b;
        s.totalAlloc += b;
        s.mallocs += c.count.load(std::memory_order_relaxed);
    };
    add(sharedCache_);
    for (const auto& slot : procCaches_)
        if (const SpanCache* c = slot.load(std::memory_order_acquire)) add(*c);
    s.frees = frees_.load(std::memory_order_relaxed);
    s.numGC = numGC_.load(std::memory_order_relaxed);
    s.nextGC = nextGC_.load(std::memory_order_relaxed);
    s.numForcedGC = numForcedGC_.load(std::memory_order_relaxed);
    s.spanSys = spanSys_.load(std::memory_order_relaxed);
    s.spanIdle = spanIdle_.load(std::memory_order_relaxed);
    return s;
}

} // namespace gol::vm
