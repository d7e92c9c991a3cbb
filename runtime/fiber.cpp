// fiber.cpp — the only place that switches stacks: g0 <-> G, with sanitizer annotations.
//
// A G's fiber runs gEntry, a loop: run the G's fn, then switch to g0 as "exit"; when the G is
// reused from a free list, g0 resumes it there and it runs the next fn. So a fiber (and its
// stack) is created once per G ever allocated and ends only when ~Runtime kills it.
//
// Switching protocol (Go's mcall/gogo): g0 resumes gp->ctx and, when the G switches back,
// stores the G's continuation in gp->ctx before doing anything that could let another M see
// the G (the post-switch action: park's unlockf, queueing it...). The G receives the g0
// continuation of whichever M resumed it and stores it in that M (currentM()->g0ctx).
//
// Sanitizers: ASan must be told about each stack switch (__sanitizer_start_switch_fiber before,
// __sanitizer_finish_switch_fiber after), and TSan about each fiber (__tsan_switch_to_fiber),
// otherwise they see one thread's stack jump around and report nonsense.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "runtime/proc.hpp"

#if defined(GOL_ASAN)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif
#if defined(GOL_TSAN)
#include <sanitizer/tsan_interface.h>
#endif

namespace gol::rt {

namespace {
// The current M of this OS thread (Go's g register, via m). The only thread_local.
thread_local M* tlsM = nullptr;
} // namespace

// noinline plus the compiler barrier: the compiler must not reuse a TLS address computed
// before a fiber switch, because the fiber may resume on another thread.
__attribute__((noinline)) M* currentM() {
    asm volatile("" ::: "memory");
    return tlsM;
}
__attribute__((noinline)) void setCurrentM(M* m) {
    asm volatile("" ::: "memory");
    tlsM = m;
}

// Thrown on a G to unwind its native stack back to gEntry: by goexitNow (runtime.Goexit) and
// when ~Runtime kills a parked G. The VM must let it propagate.
static void gEntryLoop(G* gp);

static boost::context::fiber gEntry(G* gp, boost::context::fiber&& g0) {
    M* m = currentM();
#if defined(GOL_ASAN)
    // First arrival on this stack: learn the bounds of the g0 stack we came from.
    __sanitizer_finish_switch_fiber(nullptr, const_cast<const void**>(&m->g0StackBottom), &m->g0StackSize);
#endif
    m->g0ctx = std::move(g0);
    gEntryLoop(gp);
    // Killed: return to the g0 that resumed us; the fiber ends and releases its stack.
    m = currentM();
    gp->fiberDone = true;
#if defined(GOL_ASAN)
    __sanitizer_start_switch_fiber(nullptr, m->g0StackBottom, m->g0StackSize); // nullptr: this stack dies
#endif
#if defined(GOL_TSAN)
    __tsan_switch_to_fiber(m->tsanG0, 0);
#endif
    return std::move(m->g0ctx);
}

static void gEntryLoop(G* gp) {
    while (!gp->killed) {
        try {
            Sched& s = gp->rt->sched();
            if (s.opts.onGoroutineStart) s.opts.onGoroutineStart(gp);
            if (gp->entry)
                gp->entry(gp);
            else
                gp->fn();
            if (s.opts.onGoroutineExit) s.opts.onGoroutineExit(gp);
        } catch (const GoroutineUnwind&) {
            if (gp->killed) return;
        }
        mcall(M::Action::Exit); // returns when the G is reused (or killed)
    }
}

namespace {
// The fiber's function (a named type, so that the size of boost's record is known below).
struct GEntry {
    G* gp;
    boost::context::fiber operator()(boost::context::fiber&& g0) { return gEntry(gp, std::move(g0)); }
};

// boost keeps the fiber's function and allocator in a record at the top of the usable stack,
// at an address it rounds down to 256 bytes.
constexpr size_t kFiberRecordBytes =
    sizeof(boost::context::detail::fiber_record<boost::context::fiber, FiberStackAllocator, GEntry>);
constexpr uintptr_t kFiberRecordAlign = 256;

constexpr size_t roundUp16(size_t n) {
    return (n + 15) & ~size_t(15);
}
} // namespace

// Layout of the top of a G's stack (addresses descending):
//
//   stack top (page aligned)
//   G                        sizeof(G), 16-aligned
//   G::local                 >= opts.gLocalBytes, for the embedder (the VM's Thread)
//   boost's fiber record     kFiberRecordBytes, 256-aligned: local grows down to meet it, so
//                            the alignment wastes nothing
//   64-byte gap, then the fiber's frames, growing down
//
// So a parked goroutine whose frames are small costs a single page for all of it (G, the
// embedder's per-goroutine state and the native frames), instead of a page plus separate
// mallocs. The G lives and dies with its stack: both are released only by ~Runtime
// (destroyGFiber gives the stack back to the pool, destroyG ends the G, ~StackPool unmaps).
G* createG(Sched& s) {
    boost::context::stack_context sc = s.stacks.allocate();
    char* top = static_cast<char*>(sc.sp);
    char* bottom = top - sc.size;
    auto* gp = new (top - roundUp16(sizeof(G))) G;
    gp->rt = s.rt;
    uintptr_t localEnd = reinterpret_cast<uintptr_t>(gp);
    uintptr_t record =
        (localEnd - roundUp16(s.opts.gLocalBytes) - kFiberRecordBytes) & ~(kFiberRecordAlign - 1);
    char* localBase = reinterpret_cast<char*>(record + kFiberRecordBytes);
    gp->local = localBase;
    gp->localSize = size_t(localEnd - uintptr_t(localBase));
    gp->stackBottom = bottom;
    gp->stackSize = sc.size;
    // boost places its record at (sp - kFiberRecordBytes) rounded down to 256, i.e. at `record`.
    boost::context::preallocated palloc(localBase, size_t(localBase - bottom), sc);
    gp->ctx = boost::context::fiber(std::allocator_arg, palloc, FiberStackAllocator{&s.stacks}, GEntry{gp});
#if defined(GOL_TSAN)
    gp->tsanFiber = __tsan_create_fiber(0);
#endif
    return gp;
}

void destroyG(G* gp) {
    gp->~G(); // its memory is its stack's, unmapped by ~StackPool
}

void switchToG(M* m, G* gp) {
#if defined(GOL_TSAN)
    if (!m->tsanG0) m->tsanG0 = __tsan_get_current_fiber();
    __tsan_switch_to_fiber(gp->tsanFiber, 0);
#endif
#if defined(GOL_ASAN)
    __sanitizer_start_switch_fiber(&m->g0FakeStack, gp->stackBottom, gp->stackSize);
#endif
    gp->ctx = std::move(gp->ctx).resume();
#if defined(GOL_ASAN)
    __sanitizer_finish_switch_fiber(m->g0FakeStack, nullptr, nullptr);
#endif
}

void switchToG0FromG(G* gp) {
    M* m = currentM();
#if defined(GOL_TSAN)
    __tsan_switch_to_fiber(m->tsanG0, 0);
#endif
#if defined(GOL_ASAN)
    __sanitizer_start_switch_fiber(&gp->asanFakeStack, m->g0StackBottom, m->g0StackSize);
#endif
    boost::context::fiber back = std::move(m->g0ctx).resume();
    // Now on whichever M resumed us: re-read the TLS.
    m = currentM();
#if defined(GOL_ASAN)
    __sanitizer_finish_switch_fiber(gp->asanFakeStack, const_cast<const void**>(&m->g0StackBottom),
                                    &m->g0StackSize);
#endif
    m->g0ctx = std::move(back);
}

void destroyGFiber(Sched& s, G* gp) {
    if (gp->fiberDone || !gp->ctx) {
#if defined(GOL_TSAN)
        if (gp->tsanFiber) __tsan_destroy_fiber(gp->tsanFiber);
        gp->tsanFiber = nullptr;
#endif
        return;
    }
    // Run the G one last time on this (host) thread with a temporary M, so it unwinds its
    // native stack (C++ destructors run) and returns from gEntry.
    M killer;
    killer.s = &s;
    M* saved = currentM();
    setCurrentM(&killer);
    gp->killed = true;
    killer.curg.store(gp);
    gp->m = &killer;
    switchToG(&killer, gp);
    setCurrentM(saved);
#if defined(GOL_TSAN)
    __tsan_destroy_fiber(gp->tsanFiber);
    gp->tsanFiber = nullptr;
#endif
}

} // namespace gol::rt
