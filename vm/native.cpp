// Natives: the call path from the interpreter into C++ and back (callbacks into scripts).
#include "vm/native.hpp"

#include "runtime/runtime.hpp"
#include "vm/vm.hpp"

#include <algorithm>
#include <cstring>
#include <new>

namespace gol::vm {

Value& NativeCall::arg(uint32_t i) { return thread.stack[argBase + i]; }
Value* NativeCall::argv() { return thread.stack + argBase; }
Value NativeCall::str(std::string_view s) { return s.empty() ? Value{} : vm.newString(s); }
std::string_view NativeCall::view(Value s) { return strView(s); }
Value NativeCall::error(std::string_view msg) { return vm.newError(msg); }
void NativeCall::panicRuntimeError(std::string msg) { throw RuntimeError{std::move(msg)}; }
void NativeCall::panicValue(Value iface) { throw GoPanic{iface}; }
void NativeCall::panicString(std::string msg) {
    const RType* st = vm.program().stringType;
    throw GoPanic{Value::fromObj(vm.heap().newIface(st, str(msg)))};
}
void NativeCall::goexit() { throw GoexitRequest{}; }
void NativeCall::root(Value v) { thread.tempRoots.push_back(v); }
void NativeCall::call(FuncObj* fn, const Value* args, uint32_t n, Value* results, uint32_t nres) {
    vm.callFunction(thread, fn, args, n, results, nres);
}

namespace {

// Leaves a syscall on every path out of a blocking native, exceptions included.
struct SyscallScope {
    explicit SyscallScope(bool on) : on_(on && rt::getg() != nullptr) {
        if (on_) rt::entersyscall();
    }
    ~SyscallScope() {
        if (on_) rt::exitsyscall();
    }
    bool on_;
};

} // namespace

void VM::callNative(Thread& th, NativeFn fn, const NativeRef* ref, uint32_t argBase, uint32_t numArgs) {
    uint32_t savedTop = th.nativeTop;
    uint32_t top = argBase + numArgs;
    if (!th.frames.empty()) {
        const Frame& f = th.frames.back();
        top = std::max<uint32_t>(top, f.base + f.proto->numRegs);
    }
    th.nativeTop = top;
    size_t savedRoots = th.tempRoots.size();
    struct RootsGuard {
        Thread& t;
        size_t n;
        ~RootsGuard() { t.tempRoots.resize(n); }
    } rootsGuard{th, savedRoots};
    NativeCall call{*this, th, argBase, numArgs, ref};
    try {
        if (!fn) throw RuntimeError{"invalid memory address or nil pointer dereference"};
        SyscallScope sys(ref && ref->blocking);
        fn(call);
    } catch (RuntimeError& e) {
        th.pendingPanicKind = 1;
        th.pendingError = std::move(e.msg);
    } catch (GoPanic& p) {
        th.pendingPanicKind = 2;
        th.pendingPanicValue = p.value;
    } catch (PanicUnwind&) {
        th.pendingPanicKind = 3;
    } catch (GoexitRequest&) {
        th.pendingPanicKind = 4;
    } catch (std::bad_alloc&) {
        th.nativeTop = savedTop;
        fatalError(th, "runtime: out of memory");
    }
    th.nativeTop = savedTop;
}

void VM::callFunction(Thread& th, FuncObj* fn, const Value* args, uint32_t numArgs, Value* results,
                      uint32_t numResults) {
    if (!fn) throw RuntimeError{"invalid memory address or nil pointer dereference"};
    uint32_t nb = th.nativeTop;
    if (fn->proto) {
        Proto* p = fn->proto;
        // Natives calling back nest the C++ stack; a bound keeps the fiber stack safe.
        constexpr int kMaxNativeDepth = 200;
        if (th.nativeDepth >= kMaxNativeDepth) stackOverflow(th);
        if (!th.ensureStack(nb + std::max<uint32_t>(p->numRegs, numArgs) + 1)) stackOverflow(th);
        std::memcpy(static_cast<void*>(th.stack + nb), args, numArgs * sizeof(Value));
        for (uint32_t i = numArgs; i < p->numRegs; i++) th.stack[nb + i].u = 0;
        th.frames.push_back(Frame{p, fn, p->code.data(), nb, FrameKind::Boundary, uint32_t(th.defers.size())});
        th.nativeDepth++;
        struct DepthGuard {
            Thread& t;
            ~DepthGuard() { t.nativeDepth--; }
        } guard{th};
        execute(th); // a panic that is not recovered inside throws PanicUnwind through here
    } else {
        if (!th.ensureStack(nb + numArgs + numResults + 1)) stackOverflow(th);
        std::memcpy(static_cast<void*>(th.stack + nb), args, numArgs * sizeof(Value));
        callNative(th, fn->native, nullptr, nb, numArgs);
        if (th.pendingPanicKind == 1) {
            th.pendingPanicKind = 0;
            throw RuntimeError{std::move(th.pendingError)};
        }
        if (th.pendingPanicKind == 2) {
            th.pendingPanicKind = 0;
            throw GoPanic{th.pendingPanicValue};
        }
        if (th.pendingPanicKind == 3) throw PanicUnwind{};
        if (th.pendingPanicKind == 4) {
            th.pendingPanicKind = 0;
            throw GoexitRequest{};
        }
    }
    for (uint32_t i = 0; i < numResults; i++) results[i] = th.stack[nb + i];
}

bool VM::callMethod(Thread& th, Value iface, std::string_view name, std::string_view signature,
                    Value* result) {
    auto* iv = static_cast<IfaceObj*>(iface.p);
    if (!iv) return false;
    const Proto* m = findMethod(iv->type, name, signature);
    if (!m) return false;
    Value recv = iv->value;
    callFunction(th, const_cast<Proto*>(m)->staticFunc, &recv, 1, result, 1);
    return true;
}

} // namespace gol::vm
