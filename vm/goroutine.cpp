// The `go` statement: a Thread (VM stack) on a runtime G.
//
// The spawn path allocates nothing in the steady state: a dead goroutine leaves its Thread (with
// its VM stack, frame and defer capacity, and its "created by" text buffer) in its G's `spare`,
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
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace gol::vm {

namespace {

// Initial VM stack of a goroutine: most goroutine bodies are small, and a million parked
// goroutines each keep theirs, so start at 32 slots (256 bytes) and let ensureStack double it.
constexpr size_t kInitialStackSlots = 32;
// A dead goroutine's Thread is kept for reuse only if it is no larger than this (a goroutine
// that once recursed deeply should not pin its big VM stack in a free G forever).
constexpr size_t kSpareMaxStackSlots = 4096;
constexpr size_t kSpareMaxFrames = 64;
// Frame slots reserved when a Thread is created (grown by push_back as needed).
constexpr size_t kInitialFrames = 4;

void freeThread(void* t) {
    delete static_cast<Thread*>(t);
}

void goroutineEntry(rt::G* g) {
    auto* th = static_cast<Thread*>(g->user);
    th->vm->runGoroutine(th);
}

// Resets a finished goroutine's Thread for the next goroutine on its G, keeping its buffers
// (or frees it when they grew too large). Leaves it in g->spare.
void retireThread(rt::G* g, Thread* th) {
    if (th->stackSize > kSpareMaxStackSlots || th->frames.capacity() > kSpareMaxFrames) {
        delete th;
        return;
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
    th->createdBy.clear();
    g->spare = th;
    g->spareFree = freeThread;
}

} // namespace

void VM::spawn(Thread& parent, FuncObj* fn, const Value* args, uint32_t numArgs, uint64_t argIsRef) {
    rt::G* g = runtime_->newG();
    auto* t = static_cast<Thread*>(g->spare);
    g->spare = nullptr;
    if (!t) {
        t = new Thread;
        t->frames.reserve(kInitialFrames);
    }
    t->vm = this;
    uint32_t regs = fn->proto ? std::max<uint32_t>(fn->proto->numRegs, numArgs) : numArgs;
    size_t need = regs + 16;
    if (t->stackSize == 0) {
        // First use: a small stack of our own size (ensureStack's first allocation is larger,
        // for the main goroutine); ensureStack grows it with realloc from here.
        size_t n = std::max(need, kInitialStackSlots);
        t->stack = static_cast<Value*>(std::calloc(n, sizeof(Value)));
        if (t->stack) t->stackSize = n;
    }
    if (!t->ensureStack(need)) {
        delete t;
        runtime_->freeG(g);
        stackOverflow(parent);
    }
    std::memcpy(static_cast<void*>(t->stack), args, numArgs * sizeof(Value));
    t->startFn = fn;
    t->startNumArgs = numArgs;
    t->startArgIsRef = argIsRef;
    if (!parent.frames.empty()) {
        // Built in place: a reused Thread's buffer already has the capacity.
        const Frame& f = parent.frames.back();
        size_t i = size_t(f.pc - f.proto->code.data());
        uint32_t line = (i > 0 && i - 1 < f.proto->lines.size()) ? f.proto->lines[i - 1] : f.proto->line;
        char num[16] = {':'};
        auto len = std::to_chars(num + 1, num + sizeof num, line).ptr - num;
        std::string& s = t->createdBy;
        s.assign(f.proto->name);
        s.append("\n\t");
        s.append(f.proto->file);
        s.append(num, size_t(len));
        s.append(" +0x0");
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
