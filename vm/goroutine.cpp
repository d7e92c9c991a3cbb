// The `go` statement: a Thread (VM stack) on a runtime G.
//
// A goroutine's Thread lives in its G's local memory, at the top of the G's stack page, with its
// first VM stack slots and frames (thread.hpp): a new G costs no malloc here, and a parked
// goroutine costs no memory beyond that page. The spawn path allocates nothing in the steady
// state either: a dead goroutine leaves its Thread (with its defer capacity) in its G's `spare`,
// and the runtime hands out dead Gs again (with their fibers and native stacks) from per-P free
// lists, so a `go` statement on a reused G fills in what is there. The body is a plain function
// pointer (Runtime::startG), not a std::function.
//
// The GC finds a goroutine's Thread through g->user from the moment the G is published
// (startG sets user before queueing it), so a goroutine that has not started yet is a root
// like any other (forEachThreadRoot looks at startFn and its arguments).
#include "vm/vm.hpp"

#include "runtime/runtime.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace gol::vm {

namespace {

// A dead goroutine's grown VM stack and frames are kept for reuse only if no larger than this (a
// goroutine that once recursed deeply should not pin its big VM stack in a free G forever).
constexpr size_t kSpareMaxStackSlots = 4096;
constexpr size_t kSpareMaxFrames = 64;

// G::spareFree of a Thread built in a G's local memory (the memory is the G's).
void destroyLocalThread(void* t) {
    static_cast<Thread*>(t)->~Thread();
}

void freeThread(void* t) {
    delete static_cast<Thread*>(t);
}

// The first Thread of a G: in its local memory (the runtime reserved kGoroutineLocalBytes or a
// little more; the rest goes to VM stack slots), or from the heap for a runtime without it.
Thread* newGoroutineThread(rt::G* g) {
    if (!g->local || g->localSize < kGoroutineLocalBytes) {
        auto* t = new Thread;
        t->frames.reserve(kGoroutineInlineFrames);
        return t;
    }
    auto* mem = static_cast<char*>(g->local);
    auto* t = new (mem) Thread;
    auto* frames = reinterpret_cast<Frame*>(mem + sizeof(Thread));
    auto* slots = reinterpret_cast<Value*>(frames + kGoroutineInlineFrames);
    size_t nslots = (g->localSize - sizeof(Thread) - kGoroutineInlineFrames * sizeof(Frame)) / sizeof(Value);
    t->setInlineBuffers(slots, nslots, frames, kGoroutineInlineFrames);
    return t;
}

void goroutineEntry(rt::G* g) {
    auto* th = static_cast<Thread*>(g->user);
    th->vm->runGoroutine(th);
}

// Resets a finished goroutine's Thread for the next goroutine on its G, keeping its buffers
// (or frees it when they grew too large). Leaves it in g->spare.
void retireThread(rt::G* g, Thread* th) {
    bool local = th == g->local;
    if (th->stackSize > kSpareMaxStackSlots || th->frames.capacity() > kSpareMaxFrames) {
        if (!local) {
            delete th;
            return;
        }
        th->dropGrownBuffers();
    }
    th->g = nullptr;
    th->goid = 0;
    th->frames.clear();
    th->defers.clear();
    th->deferArgs.clear();
    th->panics.clear();
    th->tempRoots.clear();
    th->nativeDepth = 0;
    th->nativeTop = 0;
    th->startFn = nullptr;
    th->pendingPanicKind = 0;
    th->pendingError.clear();
    th->pendingPanicValue = Value{};
    th->createdByProto = nullptr;
    th->createdByLine = 0;
    g->spare = th;
    g->spareFree = local ? destroyLocalThread : freeThread;
}

} // namespace

void VM::spawn(Thread& parent, FuncObj* fn, const Value* args, uint32_t numArgs, uint64_t argIsRef) {
    rt::G* g = runtime_->newG();
    auto* t = static_cast<Thread*>(g->spare);
    g->spare = nullptr;
    if (!t) t = newGoroutineThread(g);
    t->vm = this;
    uint32_t regs = fn->proto ? std::max<uint32_t>(fn->proto->numRegs, numArgs) : numArgs;
    size_t need = regs + 16;
    if (t->stackSize == 0) {
        // A heap Thread's first stack: small, of our own size (ensureStack's first allocation is
        // larger, for the main goroutine); ensureStack grows it with realloc from here.
        size_t n = std::max(need, kGoroutineInlineSlots);
        t->stack = static_cast<Value*>(std::calloc(n, sizeof(Value)));
        if (t->stack) t->stackSize = n;
    }
    if (!t->ensureStack(need)) {
        g->spare = t; // kept with the G (and freed by ~Runtime) like a finished goroutine's
        g->spareFree = t == g->local ? destroyLocalThread : freeThread;
        runtime_->freeG(g);
        stackOverflow(parent);
    }
    std::memcpy(static_cast<void*>(t->stack), args, numArgs * sizeof(Value));
    t->startFn = fn;
    t->startNumArgs = numArgs;
    t->startArgIsRef = argIsRef;
    if (!parent.frames.empty()) {
        const Frame& f = parent.frames.back();
        size_t i = size_t(f.pc - f.proto->code.data());
        t->createdByProto = f.proto;
        t->createdByLine = (i > 0 && i - 1 < f.proto->lines.size()) ? f.proto->lines[i - 1] : f.proto->line;
    }
    runtime_->startG(g, goroutineEntry, t);
}

void VM::runGoroutine(Thread* th) {
    th->g = rt::getg();
    th->goid = th->g->goid;
    // On every way out, runtime.Goexit's unwinding included: detach from the G (the GC no
    // longer sees this Thread) and leave it to the G's next goroutine.
    struct Retire {
        Thread* th;
        ~Retire() {
            rt::G* g = th->g;
            g->user = nullptr;
            retireThread(g, th);
        }
    } retire{th};
    FuncObj* fn = th->startFn;
    th->startFn = nullptr;
    if (fn->proto) {
        Proto* p = fn->proto;
        for (uint32_t i = th->startNumArgs; i < p->numRegs; i++)
            th->stack[i].u = 0;
        th->frames.push_back(Frame{p, fn, p->code.data(), 0, FrameKind::Boundary, 0});
        execute(*th);
    } else {
        callNative(*th, fn->native,
                   fn->nativeIndex < program_->natives.size() ? &program_->natives[fn->nativeIndex] : nullptr,
                   0, th->startNumArgs);
        if (th->pendingPanicKind == 1) {
            th->panics.push_back(PanicRec{runtimeErrorValue(th->pendingError)});
            fatalPanic(*th);
        } else if (th->pendingPanicKind == 2) {
            th->panics.push_back(PanicRec{th->pendingPanicValue});
            fatalPanic(*th);
        }
    }
}

} // namespace gol::vm
