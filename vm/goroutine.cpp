// The `go` statement: a new Thread (VM stack) on a new runtime G.
#include "vm/vm.hpp"

#include "runtime/runtime.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

namespace gol::vm {

void VM::spawn(Thread& parent, FuncObj* fn, const Value* args, uint32_t numArgs, uint64_t argIsRef) {
    auto t = std::make_unique<Thread>();
    t->vm = this;
    uint32_t regs = fn->proto ? std::max<uint32_t>(fn->proto->numRegs, numArgs) : numArgs;
    if (!t->ensureStack(regs + 16)) stackOverflow(parent);
    std::memcpy(static_cast<void*>(t->stack), args, numArgs * sizeof(Value));
    t->startFn = fn;
    t->startNumArgs = numArgs;
    t->startArgIsRef = argIsRef;
    if (!parent.frames.empty()) {
        const Frame& f = parent.frames.back();
        size_t i = size_t(f.pc - f.proto->code.data());
        uint32_t line = (i > 0 && i - 1 < f.proto->lines.size()) ? f.proto->lines[i - 1] : f.proto->line;
        t->createdBy = f.proto->name + "\n\t" + f.proto->file + ":" + std::to_string(line) + " +0x0";
    }
    Thread* raw = t.release();
    {
        std::lock_guard<std::mutex> lock(pendingMu_);
        pending_.push_back(raw);
    }
    runtime_->spawn([this, raw] { runGoroutine(raw); });
}

void VM::runGoroutine(Thread* raw) {
    std::unique_ptr<Thread> th(raw);
    th->g = rt::getg();
    th->goid = th->g->goid;
    {
        // From now on the G (g->user) makes the GC see this Thread. Both happen under pendingMu_,
        // which a collection's forEachPendingThread also takes, so it sees the Thread one way
        // or the other.
        std::lock_guard<std::mutex> lock(pendingMu_);
        th->g->user = th.get();
        pending_.erase(std::find(pending_.begin(), pending_.end(), raw));
    }
    // Detach from the G on every way out, runtime.Goexit's unwinding included.
    struct Detach {
        rt::G* g;
        ~Detach() { g->user = nullptr; }
    } detach{th->g};
    FuncObj* fn = th->startFn;
    th->startFn = nullptr;
    th->frames.reserve(16);
    if (fn->proto) {
        Proto* p = fn->proto;
        for (uint32_t i = th->startNumArgs; i < p->numRegs; i++) th->stack[i].u = 0;
        th->frames.push_back(Frame{p, fn, p->code.data(), 0, FrameKind::Boundary, 0});
        execute(*th);
    } else {
        callNative(*th, fn->native, fn->nativeIndex < program_->natives.size() ? &program_->natives[fn->nativeIndex] : nullptr,
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
