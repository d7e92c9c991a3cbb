// The collector's roots (docs/gc.md lists them and why each is there): one definition shared by
// the marker and the verifier. Call with the world stopped (or on the host with nothing running).
#pragma once

#include "runtime/runtime.hpp"
#include "vm/vm.hpp"

#include <algorithm>
#include <vector>

namespace gol::vm {

// Every reference a goroutine's VM state holds: frames through their register maps, defer
// records, panics in flight, values natives rooted, a not-yet-started goroutine's arguments.
template <class F> void forEachThreadRoot(Thread& th, F&& f) {
    // A slot belongs to the deepest frame whose window covers it: a callee's window starts inside
    // its caller's (arguments become its R[0..]), and from there on the callee's map describes
    // the slots (a slot the caller uses for a reference may hold the callee's integer). Above the
    // deepest end of the deeper frames' windows the slots are the caller's again, and must be
    // scanned with its map: they can hold the only reference to an object (a value kept for
    // later in a high register while a call with a small window runs).
    size_t n = th.frames.size();
    std::vector<size_t> deeperEnd(n + 1, 0); // max end of the windows of frames i+1..n-1
    for (size_t i = n; i-- > 0;) {
        const Frame& fr = th.frames[i];
        deeperEnd[i] = std::max(deeperEnd[i + 1], size_t(fr.base) + fr.proto->regIsRef.size());
    }
    for (size_t fi = 0; fi < n; fi++) {
        const Frame& fr = th.frames[fi];
        f(static_cast<Obj*>(fr.closure));
        const auto& refs = fr.proto->regIsRef;
        size_t lo = refs.size(), hi = refs.size(); // [lo, hi) is covered by deeper frames
        if (fi + 1 < n && th.frames[fi + 1].base >= fr.base) {
            lo = std::min<size_t>(refs.size(), th.frames[fi + 1].base - fr.base);
            hi = std::max(lo, std::min(refs.size(), deeperEnd[fi + 1] - fr.base));
        }
        for (size_t r = 0; r < refs.size() && fr.base + r < th.stackSize; r++)
            if (refs[r] && (r < lo || r >= hi)) f(th.stack[fr.base + r].p);
    }
    for (const DeferRec& d : th.defers) {
        f(static_cast<Obj*>(d.fn));
        for (uint32_t i = 0; i < d.numArgs && i < 64; i++)
            if (d.argIsRef >> i & 1) f(th.deferArgs[d.argStart + i].p);
    }
    for (const PanicRec& p : th.panics)
        f(p.value.p);
    f(th.pendingPanicValue.p);
    for (Value v : th.tempRoots)
        f(v.p);
    if (th.startFn) {
        f(static_cast<Obj*>(th.startFn));
        for (uint32_t i = 0; i < th.startNumArgs && i < 64; i++)
            if (th.startArgIsRef >> i & 1) f(th.stack[i].p);
    }
}

// Roots that change while goroutines run: globals, every goroutine (running, runnable, parked,
// in a syscall, not started yet) and the values parked in channel operations (sudogs).
template <class F> void forEachMutableRoot(VM& vm, Thread* self, F&& f) {
    Program& prog = vm.program();
    Value* globals = vm.globals();
    for (size_t i = 0; i < prog.globals.size(); i++)
        if (prog.globals[i].isRef) f(globals[i].p);
    if (self) forEachThreadRoot(*self, f);
    vm.runtime().forEachG([&](rt::G* g) {
        if (g->user && g->user != self) forEachThreadRoot(*static_cast<Thread*>(g->user), f);
        g->forEachSudogValue([&](uint64_t& slot) { f(reinterpret_cast<Obj*>(slot)); });
    });
    vm.forEachPendingThread([&](Thread& t) { forEachThreadRoot(t, f); });
}

// Roots fixed once the program is loaded: string constants and function values.
template <class F> void forEachProgramRoot(VM& vm, F&& f) {
    Program& prog = vm.program();
    for (auto& p : prog.protos) {
        for (size_t i = 0; i < p->consts.size() && i < p->kvalues.size(); i++)
            if (p->consts[i].kind == Constant::Kind::String) f(p->kvalues[i].p);
        f(static_cast<Obj*>(p->staticFunc));
    }
    for (auto& n : prog.natives)
        f(static_cast<Obj*>(n.staticFunc));
    for (Proto* p : vm.internalProtos())
        f(static_cast<Obj*>(p->staticFunc));
}

} // namespace gol::vm
