#include "vm/values.hpp"

#include <cmath>
#include <cstring>

namespace gol::vm {

namespace {

void copyValue(Obj* dst, Obj* src, WriteBarrier* wb) {
    if (dst == src) return;
    bool barrier = wb && wb->on();
    if (src->kind == ObjKind::Box) {
        auto* d = static_cast<BoxObj*>(dst);
        auto* s = static_cast<BoxObj*>(src);
        const auto& fields = s->type()->fields;
        for (size_t i = 0; i < fields.size(); i++) {
            if (fields[i].type->isBoxed())
                copyValue(d->fields[i].p, s->fields[i].p, wb);
            else if (barrier)
                wb->store(d->fields[i], s->fields[i], fields[i].type->isRef());
            else
                d->fields[i] = s->fields[i];
        }
        return;
    }
    auto* d = static_cast<ArrayObj*>(dst);
    auto* s = static_cast<ArrayObj*>(src);
    if (s->elemType && s->elemType->isBoxed()) {
        for (int64_t i = 0; i < s->len; i++) copyValue(d->slots()[i].p, s->slots()[i].p, wb);
    } else if (barrier && s->elemIsRef) {
        wb->copySlots(d->slots(), s->slots(), s->len);
    } else {
        std::memcpy(d->data, s->data, size_t(s->len) * s->elemSize);
    }
}

} // namespace

Value cloneValue(Heap& heap, Value v) {
    Obj* o = v.p;
    if (!o) return v;
    if (o->kind == ObjKind::Box) {
        auto* src = static_cast<BoxObj*>(o);
        BoxObj* dst = heap.newBox(src->type()); // nested zero boxes exist; copy into them
        copyIntoFresh(dst, src);
        return Value::fromObj(dst);
    }
    auto* src = static_cast<ArrayObj*>(o);
    ArrayObj* dst = heap.newArray(src->len, src->elemSize, src->elemIsRef, src->elemType);
    copyIntoFresh(dst, src);
    return Value::fromObj(dst);
}

void copyInto(Obj* dst, Obj* src, WriteBarrier& wb) { copyValue(dst, src, &wb); }

void copyIntoFresh(Obj* dst, Obj* src) { copyValue(dst, src, nullptr); }

static const RType* dynType(Value v) { return static_cast<IfaceObj*>(v.p)->type; }

bool valuesEqual(Value a, Value b, const RType* t) {
    switch (t->kind) {
    case Kind::String: {
        return strView(a) == strView(b);
    }
    case Kind::Float32:
    case Kind::Float64:
        return a.f == b.f;
    case Kind::Struct: {
        auto* x = static_cast<BoxObj*>(a.p);
        auto* y = static_cast<BoxObj*>(b.p);
        for (size_t i = 0; i < t->fields.size(); i++) {
            if (t->fields[i].name == "_") continue; // Go ignores blank fields
            if (!valuesEqual(x->fields[i], y->fields[i], t->fields[i].type)) return false;
        }
        return true;
    }
    case Kind::Array: {
        auto* x = static_cast<ArrayObj*>(a.p);
        auto* y = static_cast<ArrayObj*>(b.p);
        if (x->elemSize == 1) return std::memcmp(x->data, y->data, size_t(x->len)) == 0;
        for (int64_t i = 0; i < x->len; i++)
            if (!valuesEqual(x->slots()[i], y->slots()[i], t->elem)) return false;
        return true;
    }
    case Kind::Interface: {
        if (!a.p || !b.p) return a.p == b.p;
        const RType* ta = dynType(a);
        if (ta != dynType(b)) return false;
        if (!ta->comparable) throw RuntimeError{"comparing uncomparable type " + ta->str};
        return valuesEqual(static_cast<IfaceObj*>(a.p)->value, static_cast<IfaceObj*>(b.p)->value, ta);
    }
    case Kind::Pointer: {
        if (a.p == b.p) return true;
        if (!a.p || !b.p) return false;
        // Two PtrObjs naming the same slot are the same pointer.
        if (a.p->kind == ObjKind::Ptr && b.p->kind == ObjKind::Ptr)
            return static_cast<PtrObj*>(a.p)->slot == static_cast<PtrObj*>(b.p)->slot;
        return false;
    }
    default:
        return a.u == b.u;
    }
}

uint64_t hashBytes(const void* data, size_t n, uint64_t seed) {
    // FNV-1a over 8-byte words then bytes, finished with a 64-bit mixer: fast enough for short
    // keys, and the mixer spreads the bits for the power-of-two index.
    const auto* p = static_cast<const uint8_t*>(data);
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n--) h = (h ^ *p++) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

uint64_t hashValue(Value v, const RType* t) {
    switch (t->kind) {
    case Kind::String: {
        auto s = strView(v);
        return hashBytes(s.data(), s.size());
    }
    case Kind::Float32:
    case Kind::Float64: {
        double d = v.f;
        if (d == 0) d = 0; // +0 and -0 are equal keys
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        return mix(bits);
    }
    case Kind::Struct: {
        auto* x = static_cast<BoxObj*>(v.p);
        uint64_t h = 0x9e3779b97f4a7c15ull;
        for (size_t i = 0; i < t->fields.size(); i++) {
            if (t->fields[i].name == "_") continue;
            h = mix(h ^ hashValue(x->fields[i], t->fields[i].type));
        }
        return h;
    }
    case Kind::Array: {
        auto* x = static_cast<ArrayObj*>(v.p);
        if (x->elemSize == 1) return hashBytes(x->data, size_t(x->len));
        uint64_t h = 0x9e3779b97f4a7c15ull;
        for (int64_t i = 0; i < x->len; i++) h = mix(h ^ hashValue(x->slots()[i], t->elem));
        return h;
    }
    case Kind::Interface: {
        if (!v.p) return 0;
        const RType* dt = dynType(v);
        if (!dt->comparable) throw RuntimeError{"hash of unhashable type " + dt->str};
        return mix(hashValue(static_cast<IfaceObj*>(v.p)->value, dt) ^ dt->id);
    }
    case Kind::Pointer:
        if (v.p && v.p->kind == ObjKind::Ptr) return mix(reinterpret_cast<uint64_t>(static_cast<PtrObj*>(v.p)->slot));
        return mix(v.u);
    default:
        return mix(v.u);
    }
}

} // namespace gol::vm
