#include "vm/vm.hpp"

#include "runtime/runtime.hpp"
#include "vm/chanobj.hpp"
#include "vm/map.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace gol::vm {

// ---- RType, registry, Thread ---------------------------------------------------------------------

const RMethod* RType::findMethodEntry(uint32_t nameId) const {
    auto it = std::lower_bound(methods.begin(), methods.end(), nameId,
                               [](const RMethod& m, uint32_t id) { return m.nameId < id; });
    return (it != methods.end() && it->nameId == nameId) ? &*it : nullptr;
}

const Proto* RType::findMethod(uint32_t nameId) const {
    const RMethod* m = findMethodEntry(nameId);
    return m ? m->proto : nullptr;
}

// Whether `t` has the interface method `m`: same name and, where both are known, the
// identical signature (RTypes are canonical, so identical types are the same RType).
static bool hasMethod(const RType* t, const RIMethod& m) {
    const RMethod* found = t->findMethodEntry(m.nameId);
    return found && (!found->sig || !m.sig || found->sig == m.sig);
}

void PackageRegistry::add(PackageDef def) {
    if (PackageDef* old = find(def.path)) {
        *old = std::move(def);
        return;
    }
    packages_.push_back(std::move(def));
}

PackageDef* PackageRegistry::find(std::string_view path) {
    for (auto& p : packages_)
        if (p.path == path) return &p;
    return nullptr;
}

const PackageDef* PackageRegistry::find(std::string_view path) const {
    return const_cast<PackageRegistry*>(this)->find(path);
}

const NativeDef* PackageRegistry::findNative(std::string_view path, std::string_view name) const {
    const PackageDef* p = find(path);
    if (!p) return nullptr;
    for (const auto& n : p->natives)
        if (n.name == name) return &n;
    return nullptr;
}

Thread::~Thread() {
    if (stack != inlineStack) std::free(stack);
}

void Thread::setInlineBuffers(Value* stackBuf, size_t slots, Frame* frameBuf, uint32_t nframes) {
    inlineStack = stack = stackBuf;
    inlineStackSize = stackSize = slots;
    std::memset(static_cast<void*>(stack), 0, slots * sizeof(Value));
    frames.setInline(frameBuf, nframes);
}

void Thread::dropGrownBuffers() {
    if (stack != inlineStack) {
        std::free(stack);
        stack = inlineStack;
        stackSize = inlineStackSize;
    }
    frames.dropGrown();
}

bool Thread::ensureStack(size_t slots) {
    if (slots <= stackSize) return true;
    size_t n = stackSize ? stackSize : 256;
    while (n < slots) n *= 2;
    uint64_t limit = vm ? vm->options().maxStackBytes : 1000000000;
    if (n * sizeof(Value) + frames.capacity() * sizeof(Frame) > limit) {
        if (slots * sizeof(Value) + frames.capacity() * sizeof(Frame) > limit) return false;
        n = slots;
    }
    Value* s;
    if (stack && stack == inlineStack) { // not ours to realloc: move out of it
        s = static_cast<Value*>(std::malloc(n * sizeof(Value)));
        if (s) std::memcpy(static_cast<void*>(s), stack, stackSize * sizeof(Value));
    } else {
        s = static_cast<Value*>(std::realloc(stack, n * sizeof(Value)));
    }
    if (!s) return false;
    std::memset(static_cast<void*>(s + stackSize), 0, (n - stackSize) * sizeof(Value));
    stack = s;
    stackSize = n;
    return true;
}

// ---- VM ------------------------------------------------------------------------------------------

VM::VM(VMOptions opts) : opts_(std::move(opts)), collector_(std::make_unique<Collector>()) {
    heap_.setMemoryLimit(opts_.memoryLimit);
    heap_.setGCPercent(opts_.gcPercent);
    heap_.setStress(opts_.gcStress);
    heap_.setOutOfMemoryHandler([this] { outOfMemory(); });
    collector_->setTrace(opts_.gctrace);
    makeInternalTypes();
    rt::RuntimeOptions ro;
    ro.gomaxprocs = opts_.gomaxprocs;
    ro.schedtraceMs = opts_.schedtraceMs;
    ro.gLocalBytes = kGoroutineLocalBytes; // goroutine.cpp builds each G's Thread there
    ro.traceback = [this](rt::G* g, std::string& out) {
        if (g->user) appendTraceback(*static_cast<Thread*>(g->user), out, false);
    };
    runtime_ = std::make_unique<rt::Runtime>(ro);
    heap_.setRuntime(runtime_.get());
}

VM::~VM() {
    // Goroutines still parked hold Threads; the runtime unwinds their fibers, whose Thread objects
    // are owned by runGoroutine's frame and freed there. Whatever allocates from now on uses the
    // heap's shared cache.
    heap_.setRuntime(nullptr);
    // Not runtime_.reset(), which nulls the pointer before the destructor runs: goroutines keep
    // running until ~Runtime has stopped and joined their Ms (a cycle's sweep, say), and they
    // reach the runtime through vm.runtime().
    delete runtime_.get();
    (void)runtime_.release();
}

RType* VM::internalType(Kind kind, std::string str) {
    auto t = std::make_unique<RType>();
    t->kind = kind;
    t->str = std::move(str);
    t->id = 0x80000000u + uint32_t(internalTypes_.size());
    RType* raw = t.get();
    internalTypes_.push_back(std::move(t));
    return raw;
}

Proto* VM::makeIdentityMethod(const std::string& name) {
    // A method whose receiver slot already is its result: Error() of the VM's own error types,
    // whose payload is the message string.
    auto p = std::make_unique<Proto>();
    p->name = name;
    p->file = "<runtime>";
    p->numParams = 1;
    p->numResults = 1;
    p->numRegs = 1;
    p->regIsRef = {true};
    p->code.push_back(Instr::make(Op::RET, 0, 1));
    p->lines.push_back(0);
    p->staticFunc = heap_.newFunc(p.get(), nullptr, 0);
    Proto* raw = p.get();
    internalProtos_.push_back(std::move(p));
    internalProtoList_.push_back(raw);
    return raw;
}

uint32_t VM::methodNameId(std::string_view name) {
    if (program_) {
        auto& names = program_->methodNames;
        for (size_t i = 0; i < names.size(); i++)
            if (names[i] == name) return uint32_t(i);
        names.emplace_back(name);
        return uint32_t(names.size() - 1);
    }
    return UINT32_MAX;
}

void VM::makeInternalTypes() {
    stringType_ = internalType(Kind::String, "string");
    anyType_ = internalType(Kind::Interface, "interface {}");
    byteType_ = internalType(Kind::Uint8, "uint8");
    runeType_ = internalType(Kind::Int32, "int32");
    RType* bs = internalType(Kind::Slice, "[]uint8");
    bs->elem = byteType_;
    bs->comparable = false;
    byteSliceType_ = bs;
    RType* rte = internalType(Kind::Pointer, "runtime.Error");
    rte->named = true;
    rte->pkgPath = "runtime";
    runtimeErrorType_ = rte;
    RType* es = internalType(Kind::Pointer, "*errors.errorString");
    es->pkgPath = "errors";
    errorStringType_ = es;
    // Their Error methods are attached in load(), when the program's method name ids are known.
}

void VM::load(Program& program) {
    program_ = &program;
    // Error() of the internal error types; runtime errors also have RuntimeError(), so they
    // satisfy the runtime.Error interface.
    uint32_t errId = methodNameId("Error");
    for (RType* t : {const_cast<RType*>(runtimeErrorType_), const_cast<RType*>(errorStringType_)}) {
        if (t->methods.empty()) {
            RMethod m;
            m.name = "Error";
            m.nameId = errId;
            m.proto = makeIdentityMethod(t == runtimeErrorType_ ? "runtime.Error.Error" : "errors.(*errorString).Error");
            t->methods.push_back(m);
            if (t == runtimeErrorType_) {
                RMethod r;
                r.name = "RuntimeError";
                r.nameId = methodNameId("RuntimeError");
                r.proto = makeIdentityMethod("runtime.Error.RuntimeError");
                r.proto->numResults = 0;
                r.proto->code[0] = Instr::make(Op::RET, 0, 0);
                t->methods.push_back(r);
            }
            std::sort(t->methods.begin(), t->methods.end(),
                      [](const RMethod& a, const RMethod& b) { return a.nameId < b.nameId; });
        }
    }
    if (program.stringType) stringType_ = program.stringType;
    for (size_t i = loadedProtos_; i < program.protos.size(); i++) {
        Proto* p = program.protos[i].get();
        p->kvalues.clear();
        for (const Constant& c : p->consts) {
            switch (c.kind) {
            case Constant::Kind::Int: p->kvalues.push_back(Value::fromInt(c.i)); break;
            case Constant::Kind::Float: p->kvalues.push_back(Value::fromFloat(c.f)); break;
            case Constant::Kind::String:
                p->kvalues.push_back(c.s.empty() ? Value{} : Value::fromObj(heap_.newString(c.s)));
                break;
            }
        }
        p->staticFunc = heap_.newFunc(p, nullptr, 0);
        if (p->regIsRef.size() < p->numRegs) p->regIsRef.resize(p->numRegs, false);
    }
    loadedProtos_ = program.protos.size();
    for (size_t i = loadedNatives_; i < program.natives.size(); i++) {
        NativeRef& n = program.natives[i];
        if (const NativeDef* d = registry_.findNative(n.pkg, n.name)) {
            if (!n.fn) n.fn = d->fn;
            n.blocking = d->blocking;
        }
        n.staticFunc = heap_.newFunc(nullptr, n.fn, 0);
        n.staticFunc->nativeIndex = uint32_t(i);
    }
    loadedNatives_ = program.natives.size();
    for (size_t i = loadedTypes_; i < program.types.size(); i++) {
        RType* t = program.types[i].get();
        std::sort(t->methods.begin(), t->methods.end(),
                  [](const RMethod& a, const RMethod& b) { return a.nameId < b.nameId; });
    }
    loadedTypes_ = program.types.size();
    globals_.resize(program.globals.size());
}

RunResult VM::run() {
    Program& prog = *program_;
    auto exit = runtime_->runMain([this, &prog] {
        Thread th;
        th.vm = this;
        th.g = rt::getg();
        th.goid = th.g->goid;
        th.g->user = &th;
        th.frames.reserve(64);
        auto runProto = [&](Proto* p) {
            th.ensureStack(p->numRegs + 16);
            std::memset(static_cast<void*>(th.stack), 0, p->numRegs * sizeof(Value));
            th.frames.push_back(Frame{p, nullptr, p->code.data(), 0, FrameKind::Boundary, 0});
            execute(th);
        };
        runProto(prog.protos[prog.initProto].get());
        if (prog.mainProto >= 0) runProto(prog.protos[size_t(prog.mainProto)].get());
        flushStdout();
        th.g->user = nullptr;
    });
    flushStdout();
    RunResult r;
    switch (exit) {
    case rt::Runtime::Exit::MainReturned: r.exitStatus = 0; break;
    case rt::Runtime::Exit::Fatal: r.exitStatus = runtime_->fatalStatus(); break;
    case rt::Runtime::Exit::Deadlock: {
        std::string out = "fatal error: all goroutines are asleep - deadlock!\n\n";
        out += runtime_->allGoroutinesTrace();
        writeStderr(out);
        r.exitStatus = 2;
        break;
    }
    }
    return r;
}

// ---- GC -------------------------------------------------------------------------------------------

void VM::collectGarbage(Thread* self) { collector_->collect(*this, self); }

void VM::safepoint(Thread& th) {
    // While the runtime stops (main returned), a collection could not stop the world and would
    // touch a program the host is about to free: just yield, and the scheduler freezes us.
    if (heap_.gcPending() && !runtime_->stopping()) {
        th.g->preempt.store(0, std::memory_order_relaxed);
        if (heap_.limitCollectionDue()) collectForMemoryLimit(th);
        else collectGarbage(&th);
        return;
    }
    // A goroutine that runs for long without allocating much: the periodic cycle (Go's sysmon
    // forces one every 2 minutes) is checked at its preemption points.
    if (heap_.periodicCollectionDue() && !runtime_->stopping()) {
        th.g->preempt.store(0, std::memory_order_relaxed);
        heap_.clearCollectionRequest();
        collectGarbage(&th);
        return;
    }
    rt::preemptPark();
}

void VM::collectForMemoryLimit(Thread& th) {
    // Whole new cycles (a cleared request makes collect() wait out a running cycle and run its
    // own). The second one frees what other goroutines allocated and dropped during the first.
    for (int attempt = 0; attempt < 2; attempt++) {
        heap_.clearCollectionRequest();
        collectGarbage(&th);
        if (heap_.limitCollectionDone()) return;
    }
    outOfMemory();
}

void VM::outOfMemory() {
    Thread* th = currentThread();
    if (!th) throw std::bad_alloc();
    fatalError(*th, "runtime: out of memory");
}

// ---- output ----------------------------------------------------------------------------------------

static void writeAll(int fd, std::string_view s) {
    while (!s.empty()) {
        ssize_t n = ::write(fd, s.data(), s.size());
        if (n <= 0) return;
        s.remove_prefix(size_t(n));
    }
}

void VM::writeStdout(std::string_view s) {
    std::lock_guard<std::mutex> lock(outMu_);
    if (opts_.stdoutSink) {
        opts_.stdoutSink(s);
        return;
    }
    outBuf_.append(s);
    // Buffered like a bufio.Writer of 64 KiB: one write(2) per many Printlns.
    if (outBuf_.size() >= 65536) {
        writeAll(1, outBuf_);
        outBuf_.clear();
    }
}

void VM::flushStdout() {
    std::lock_guard<std::mutex> lock(outMu_);
    if (!outBuf_.empty()) {
        writeAll(1, outBuf_);
        outBuf_.clear();
    }
}

void VM::writeStderr(std::string_view s) {
    flushStdout(); // keep the order of a program's stdout and stderr lines on a terminal
    if (opts_.stderrSink) {
        opts_.stderrSink(s);
        return;
    }
    writeAll(2, s);
}

void VM::exitProgram(Thread& th, int status) {
    flushStdout();
    runtime_->fatal(status);
    // fatal never returns on a goroutine.
    std::abort();
}

// ---- errors ----------------------------------------------------------------------------------------

Value VM::newError(std::string_view msg) {
    return Value::fromObj(heap_.newIface(errorStringType_, newString(msg)));
}

Value VM::runtimeErrorValue(std::string_view msg) { return runtimeErrorValue(msg, true); }

Value VM::runtimeErrorValue(std::string_view msg, bool prefixed) {
    std::string full = prefixed ? "runtime error: " + std::string(msg) : std::string(msg);
    return Value::fromObj(heap_.newIface(runtimeErrorType_, newString(full)));
}

const Proto* VM::findMethod(const RType* t, std::string_view name, std::string_view signature) const {
    if (!program_) return nullptr;
    const auto& names = program_->methodNames;
    for (size_t i = 0; i < names.size(); i++) {
        if (names[i] != name) continue;
        const RMethod* m = t->findMethodEntry(uint32_t(i));
        if (!m || (m->sig && m->sig->str != signature)) return nullptr;
        return m->proto;
    }
    return nullptr;
}

bool VM::implements(const RType* concrete, const RType* iface) const {
    for (const RIMethod& m : iface->imethods)
        if (!hasMethod(concrete, m)) return false;
    return true;
}

std::string VM::assertionMessage(const RType* have, const RType* want, const RType* staticType) const {
    std::string src = staticType ? staticType->str : "interface {}";
    if (want->kind == Kind::Interface) {
        if (!have) return "interface conversion: interface is nil, not " + want->str;
        for (const RIMethod& m : want->imethods)
            if (!hasMethod(have, m))
                return "interface conversion: " + have->str + " is not " + want->str + ": missing method " + m.name;
        return "interface conversion: " + have->str + " is not " + want->str;
    }
    if (!have) return "interface conversion: " + src + " is nil, not " + want->str;
    if (have->str == want->str)
        return "interface conversion: " + src + " is " + have->str + ", not " + want->str +
               " (types from different scopes)";
    return "interface conversion: " + src + " is " + have->str + ", not " + want->str;
}

// Go's builtin print: no fmt, fixed formats (floats as +1.500000e+000).
std::string VM::builtinPrintString(Value v) const {
    auto* iv = static_cast<IfaceObj*>(v.p);
    if (!iv) return "(0x0,0x0)";
    Value x = iv->value;
    char buf[64];
    switch (iv->type->kind) {
    case Kind::Bool: return x.u ? "true" : "false";
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
        return std::to_string(x.i);
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
        return std::to_string(x.u);
    case Kind::Float32: case Kind::Float64: {
        double d = x.f;
        if (std::isnan(d)) return "NaN";
        if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
        std::snprintf(buf, sizeof buf, "%+.6e", d);
        // C prints a 2-digit exponent; Go's print uses 3 digits.
        std::string s = buf;
        size_t e = s.find('e');
        if (e != std::string::npos && s.size() - e == 4) s.insert(s.begin() + long(e) + 2, '0');
        return s;
    }
    case Kind::String: return std::string(strView(x));
    default:
        std::snprintf(buf, sizeof buf, "0x%" PRIxPTR, reinterpret_cast<uintptr_t>(x.p));
        return buf;
    }
}

// ---- channels --------------------------------------------------------------------------------------

Obj* VM::newChan(const RType* chanType, int64_t size) {
    auto* c = static_cast<ChanObj*>(heap_.alloc(ObjKind::Chan, sizeof(ChanObj)));
    c->type = chanType;
    try {
        new (&c->ch) rt::Chan(size, chanType->elem && chanType->elem->isRef());
    } catch (std::bad_alloc&) {
        // The buffer did not fit in memory (the zero-filled Chan is still safe to destroy).
        heap_.outOfMemory();
    }
    return c;
}

rt::Chan* VM::chanOf(Value v) { return v.p ? &static_cast<ChanObj*>(v.p)->ch : nullptr; }

} // namespace gol::vm
