// What the collector traces inside each kind of object: one definition shared by the marker,
// the write barrier's map scan and the verifier (GOLDEBUG=gcverify=1).
#pragma once

#include "vm/chanobj.hpp"
#include "vm/gc_barrier.hpp"
#include "vm/map.hpp"
#include "vm/program.hpp"

namespace gol::vm {

// Calls f(Obj*) for each reference held by o, except a channel's buffered values (those need
// the channel quiet: see forEachBufferedRef). Slots that mutators may store to concurrently are
// read with WriteBarrier::load; a map's entries only while the caller owns the map (the world
// is stopped, or the map is in state kScanning).
template <class F> void forEachRef(Obj* o, F&& f) {
    switch (o->kind) {
    case ObjKind::String: f(static_cast<StringObj*>(o)->owner); break;
    case ObjKind::Array: {
        auto* a = static_cast<ArrayObj*>(o);
        if (a->elemIsRef)
            for (int64_t i = 0; i < a->len; i++)
                f(WriteBarrier::load(a->slots()[i]).p);
        break;
    }
    case ObjKind::Slice: f(static_cast<SliceObj*>(o)->array); break;
    case ObjKind::Box: {
        auto* b = static_cast<BoxObj*>(o);
        const auto& fields = b->type()->fields;
        for (size_t i = 0; i < fields.size(); i++)
            if (fields[i].type->isRef()) f(WriteBarrier::load(b->fields[i]).p);
        break;
    }
    case ObjKind::Ptr: {
        auto* p = static_cast<PtrObj*>(o);
        f(p->owner);
        if (!p->owner && p->slotIsRef) f(WriteBarrier::load(p->inlineValue).p);
        break;
    }
    case ObjKind::Iface: {
        auto* i = static_cast<IfaceObj*>(o);
        if (i->type->isRef()) f(i->value.p);
        break;
    }
    case ObjKind::Func: {
        auto* fn = static_cast<FuncObj*>(o);
        if (fn->proto)
            for (uint32_t i = 0; i < fn->nup && i < fn->proto->upvals.size(); i++)
                if (fn->proto->upvals[i].isRef) f(WriteBarrier::load(fn->up[i]).p);
        break;
    }
    case ObjKind::Map: {
        auto* m = static_cast<MapObj*>(o);
        bool keyRef = m->type->key->isRef(), valRef = m->type->elem->isRef();
        if (!keyRef && !valRef) break;
        for (const MapEntry& e : m->entries) {
            if (!e.live) continue;
            if (keyRef) f(e.key.p);
            if (valRef) f(e.value.p);
        }
        break;
    }
    case ObjKind::MapIter: {
        auto* it = static_cast<MapIterObj*>(o);
        f(it->map);
        if (it->map && it->lastKeyValid && it->map->type->key->isRef()) f(it->lastKey.p);
        break;
    }
    case ObjKind::Chan:
    case ObjKind::Host: break;
    }
}

// A channel's buffered values, with the world stopped (the verifier, the stop-the-world mode).
template <class F> void forEachBufferedRef(Obj* o, F&& f) {
    auto* c = static_cast<ChanObj*>(o);
    if (c->ch.elemIsPointer())
        c->ch.forEachBuffered([&](uint64_t& slot) { f(reinterpret_cast<Obj*>(slot)); });
}

// The same while goroutines run, under the channel's lock (f must take no lock and not block).
template <class F> void forEachBufferedRefLocked(Obj* o, F&& f) {
    auto* c = static_cast<ChanObj*>(o);
    if (c->ch.elemIsPointer())
        c->ch.forEachBufferedLocked([&](uint64_t& slot) { f(reinterpret_cast<Obj*>(slot)); });
}

} // namespace gol::vm
