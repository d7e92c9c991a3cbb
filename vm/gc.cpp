// The garbage collector: precise, stop-the-world mark and sweep (the first stage of issue 4).
//
// Invariants:
//  * A collection runs on a goroutine at a safepoint, with the world stopped
//    (rt::Runtime::stopTheWorld): every other G is parked, stopped at a safepoint, or in a syscall
//    (a blocking native, which touches only objects reachable from its argument slots and does
//    not allocate). So no mutator reads or writes the heap while the collector runs, and the
//    all-objects list is not pushed to.
//  * Roots are exact: each frame's registers through its function's register map, defer records
//    through their argument bitmaps, globals through their descriptors, the program's constants and
//    function values, panics in flight, values natives rooted, not-yet-started goroutines'
//    arguments, and values held by goroutines blocked in channel operations (their sudogs).
//    Native C++ stacks are never scanned.
//  * Objects are self-describing (vm/object.hpp), so marking needs no per-site type information.
//
// Mark bit: Obj::gcMark is 1 while marked during a cycle, reset to 0 by the sweep.
#include "vm/gc.hpp"

#include "runtime/runtime.hpp"
#include "vm/chanobj.hpp"
#include "vm/map.hpp"
#include "vm/vm.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace gol::vm {

namespace {

struct Marker {
    std::vector<Obj*> stack;
    uint64_t marked = 0;

    void mark(Obj* o) {
        if (!o || o->gcMark.load(std::memory_order_relaxed)) return;
        o->gcMark.store(1, std::memory_order_relaxed);
        stack.push_back(o);
    }
    void mark(Value v) { mark(v.p); }

    void drain() {
        while (!stack.empty()) {
            Obj* o = stack.back();
            stack.pop_back();
            marked++;
            scan(o);
        }
    }

    void scan(Obj* o) {
        switch (o->kind) {
        case ObjKind::String:
            mark(static_cast<StringObj*>(o)->owner);
            break;
        case ObjKind::Array: {
            auto* a = static_cast<ArrayObj*>(o);
            if (a->elemIsRef)
                for (int64_t i = 0; i < a->len; i++) mark(a->slots()[i]);
            break;
        }
        case ObjKind::Slice:
            mark(static_cast<SliceObj*>(o)->array);
            break;
        case ObjKind::Box: {
            auto* b = static_cast<BoxObj*>(o);
            const auto& fields = b->type->fields;
            for (size_t i = 0; i < fields.size(); i++)
                if (fields[i].type->isRef()) mark(b->fields[i]);
            break;
        }
        case ObjKind::Ptr: {
            auto* p = static_cast<PtrObj*>(o);
            mark(p->owner);
            if (!p->owner && p->slotIsRef) mark(p->inlineValue);
            break;
        }
        case ObjKind::Iface: {
            auto* i = static_cast<IfaceObj*>(o);
            if (i->type->isRef()) mark(i->value);
            break;
        }
        case ObjKind::Func: {
            auto* f = static_cast<FuncObj*>(o);
            if (f->proto)
                for (uint32_t i = 0; i < f->nup && i < f->proto->upvals.size(); i++)
                    if (f->proto->upvals[i].isRef) mark(f->up[i]);
            break;
        }
        case ObjKind::Map: {
            auto* m = static_cast<MapObj*>(o);
            bool keyRef = m->type->key->isRef(), valRef = m->type->elem->isRef();
            for (const MapEntry& e : m->entries) {
                if (!e.live) continue;
                if (keyRef) mark(e.key);
                if (valRef) mark(e.value);
            }
            break;
        }
        case ObjKind::MapIter: {
            auto* it = static_cast<MapIterObj*>(o);
            mark(it->map);
            if (it->map && it->lastKeyValid && it->map->type->key->isRef()) mark(it->lastKey);
            break;
        }
        case ObjKind::Chan: {
            auto* c = static_cast<ChanObj*>(o);
            if (c->ch.elemIsPointer()) c->ch.forEachBuffered([&](uint64_t& slot) { mark(reinterpret_cast<Obj*>(slot)); });
            break;
        }
        case ObjKind::Host:
            break;
        }
    }

    void markThread(Thread& th) {
        for (size_t fi = 0; fi < th.frames.size(); fi++) {
            const Frame& f = th.frames[fi];
            mark(f.closure);
            const auto& refs = f.proto->regIsRef;
            // A callee's window starts inside its caller's (arguments become its R[0..]): from
            // there on the slots are the callee's, described by the callee's map, and the
            // caller's map must not be applied (a slot the caller uses for a reference may hold
            // the callee's integer).
            size_t limit = refs.size();
            if (fi + 1 < th.frames.size() && th.frames[fi + 1].base >= f.base)
                limit = std::min<size_t>(limit, th.frames[fi + 1].base - f.base);
            for (size_t r = 0; r < limit && f.base + r < th.stackSize; r++)
                if (refs[r]) mark(th.stack[f.base + r]);
        }
        for (const DeferRec& d : th.defers) {
            mark(d.fn);
            for (uint32_t i = 0; i < d.numArgs && i < 64; i++)
                if (d.argIsRef >> i & 1) mark(th.deferArgs[d.argStart + i]);
        }
        for (const PanicRec& p : th.panics) mark(p.value);
        mark(th.pendingPanicValue);
        for (Value v : th.tempRoots) mark(v);
        if (th.startFn) {
            mark(th.startFn);
            for (uint32_t i = 0; i < th.startNumArgs && i < 64; i++)
                if (th.startArgIsRef >> i & 1) mark(th.stack[i]);
        }
    }
};

} // namespace

void Collector::collect(VM& vm, Thread* self) {
    Heap& heap = vm.heap();
    rt::Runtime& runtime = vm.runtime();
    bool onGoroutine = rt::getg() != nullptr;
    if (onGoroutine) runtime.stopTheWorld();
    auto t0 = std::chrono::steady_clock::now();

    Marker m;
    Program& prog = vm.program();
    for (auto& p : prog.protos) {
        for (size_t i = 0; i < p->consts.size() && i < p->kvalues.size(); i++)
            if (p->consts[i].kind == Constant::Kind::String) m.mark(p->kvalues[i]);
        m.mark(p->staticFunc);
    }
    for (auto& n : prog.natives) m.mark(n.staticFunc);
    for (Proto* p : vm.internalProtos()) m.mark(p->staticFunc);
    Value* globals = vm.globals();
    for (size_t i = 0; i < prog.globals.size(); i++)
        if (prog.globals[i].isRef) m.mark(globals[i]);
    if (self) m.markThread(*self);
    runtime.forEachG([&](rt::G* g) {
        if (g->user && g->user != self) m.markThread(*static_cast<Thread*>(g->user));
        g->forEachSudogValue([&](uint64_t& slot) { m.mark(reinterpret_cast<Obj*>(slot)); });
    });
    vm.forEachPendingThread([&](Thread& t) { m.markThread(t); });
    m.drain();

    // Sweep: unlink and free everything unmarked; clear the marks of the survivors.
    uint64_t freedBytes = 0, freedObjs = 0, live = 0;
    Obj* head = heap.all_.load(std::memory_order_acquire);
    Obj* kept = nullptr;
    Obj** tail = &kept;
    for (Obj* o = head; o;) {
        Obj* next = o->gcNext;
        if (o->gcMark.load(std::memory_order_relaxed)) {
            o->gcMark.store(0, std::memory_order_relaxed);
            live += o->allocSize;
            *tail = o;
            tail = &o->gcNext;
        } else {
            freedBytes += o->allocSize;
            freedObjs++;
            Heap::destroy(o);
        }
        o = next;
    }
    *tail = nullptr;
    heap.all_.store(kept, std::memory_order_release);
    heap.heapAlloc_.store(live, std::memory_order_relaxed);
    heap.frees_.fetch_add(freedObjs, std::memory_order_relaxed);
    heap.numGC_.fetch_add(1, std::memory_order_relaxed);
    uint64_t goal = live + live * uint64_t(std::max(heap.gcPercent_, 0)) / 100;
    heap.nextGC_.store(std::max<uint64_t>(goal, 4u << 20), std::memory_order_relaxed);
    heap.gcPending_.store(false, std::memory_order_relaxed);

    auto pause = std::chrono::steady_clock::now() - t0;
    uint64_t pauseNs = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(pause).count());
    pauseTotalNs_ += pauseNs;
    if (gctrace_) {
        char line[256];
        std::snprintf(line, sizeof line, "gc %llu @%.3fs 0%%: %.3f ms clock, %llu->%llu MB, %llu MB goal, %d P\n",
                      (unsigned long long)heap.numGC_.load(), double(rt::nanotime() - runtime.startNanotime()) / 1e9,
                      double(pauseNs) / 1e6, (unsigned long long)((live + freedBytes) >> 20),
                      (unsigned long long)(live >> 20), (unsigned long long)(heap.nextGC_.load() >> 20),
                      runtime.gomaxprocs());
        vm.writeStderr(line);
    }
    if (onGoroutine) runtime.startTheWorld();
}

} // namespace gol::vm
