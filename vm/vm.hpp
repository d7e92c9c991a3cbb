// The VM: one loaded program, its heap, its globals and its GMP runtime.
//
// Nothing here is global: two VMs in one process share nothing (DESIGN §3). A VM is driven from
// one host thread at a time; its goroutines run on the runtime's Ms.
#pragma once

#include "vm/gc.hpp"
#include "vm/heap.hpp"
#include "vm/native.hpp"
#include "vm/program.hpp"
#include "vm/thread.hpp"
#include "vm/values.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gol::rt {
class Runtime;
class Chan;
} // namespace gol::rt

namespace gol::vm {

struct VMOptions {
    int gomaxprocs = 0;                    // 0: GOMAXPROCS env or the number of CPUs
    uint64_t maxStackBytes = 1000000000;   // Go's default goroutine stack limit
    uint64_t memoryLimit = UINT64_MAX;
    int schedtraceMs = 0;
    int gcPercent = 100;                   // GOGC; < 0 is GOGC=off
    bool gctrace = false;                  // GOLDEBUG=gctrace=1
    bool gcStress = false;                 // GOLDEBUG=gcstress=1: collect at every safepoint after an allocation
    std::vector<std::string> args;         // os.Args
    // Output sinks; default: the process's stdout / stderr.
    std::function<void(std::string_view)> stdoutSink;
    std::function<void(std::string_view)> stderrSink;
};

// How a run ended.
struct RunResult {
    int exitStatus = 0; // 0 normal, 2 unrecovered panic / fatal error, n for os.Exit(n)
};

class VM {
public:
    explicit VM(VMOptions opts = {});
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    PackageRegistry& registry() { return registry_; }
    Heap& heap() { return heap_; }
    rt::Runtime& runtime() { return *runtime_; }
    const VMOptions& options() const { return opts_; }
    Program& program() { return *program_; }

    // Makes the program runnable: constants become values, function values are created, method
    // tables indexed, globals allocated. Call again after the program grew (REPL).
    void load(Program& program);
    // Runs initProto then mainProto on a main goroutine until main returns, a fatal error, or
    // os.Exit. Output is flushed before it returns.
    RunResult run();

    // ---- services for natives and the interpreter -------------------------------------------
    void writeStdout(std::string_view s);
    void writeStderr(std::string_view s);
    void flushStdout();
    // Ends the program with an exit status (os.Exit) from a goroutine; does not return.
    [[noreturn]] void exitProgram(Thread& th, int status);

    Value newString(std::string_view s) { return Value::fromObj(heap_.newString(s)); }
    // An error value whose Error() is msg (dynamic type *errors.errorString, as errors.New's).
    Value newError(std::string_view msg);
    // The interface value of a runtime error panic ("runtime error: " + msg).
    Value runtimeErrorValue(std::string_view msg);

    // Calls a function value from C++ on the current goroutine (natives calling back).
    void callFunction(Thread& th, FuncObj* fn, const Value* args, uint32_t numArgs, Value* results,
                      uint32_t numResults);
    // Calls the method `name` of the interface value v (e.g. "Error", "String"); false if v's
    // dynamic type has no such method.
    // Natives look methods up by name and by the signature they expect, spelled as Go's
    // reflect prints it ("func() string"): Go's fmt and panic printing only call a String or
    // Error method that satisfies Stringer or error, not any method of that name.
    bool callMethod(Thread& th, Value iface, std::string_view name, std::string_view signature, Value* result);
    const Proto* findMethod(const RType* t, std::string_view name, std::string_view signature) const;

    // The interpreter: runs th from its top frame until that frame's Boundary frame returns.
    void execute(Thread& th);

    // Goroutine traces for panics, deadlocks, SIGQUIT.
    void appendTraceback(Thread& th, std::string& out, bool running);
    Value* globals() { return globals_.data(); }
    Thread* currentThread();

    // VM-internal runtime types.
    const RType* runtimeErrorType() const { return runtimeErrorType_; }
    const RType* errorStringType() const { return errorStringType_; }
    uint32_t methodNameId(std::string_view name); // interned (adds when missing)

    // The interface value of a runtime error panic: "runtime error: " + msg when prefixed (most
    // runtime errors), msg alone for Go's "plain" ones (nil map assignment, channel misuse,
    // interface conversion).
    Value runtimeErrorValue(std::string_view msg, bool prefixed);

    // Natives: calls fn with arguments at th.stack[argBase..]; a Go panic raised inside is left
    // in th.pendingPanicKind for the interpreter.
    void callNative(Thread& th, NativeFn fn, const NativeRef* ref, uint32_t argBase, uint32_t numArgs);

    bool implements(const RType* concrete, const RType* iface) const;
    std::string assertionMessage(const RType* have, const RType* want, const RType* staticType) const;
    std::string builtinPrintString(Value iface) const;
    Obj* newChan(const RType* chanType, int64_t size);
    static rt::Chan* chanOf(Value v);

    // Report an unrecovered panic and end the program (status 2).
    [[noreturn]] void fatalPanic(Thread& th);
    [[noreturn]] void fatalError(Thread& th, std::string_view msg); // "fatal error: msg" + traces
    [[noreturn]] void stackOverflow(Thread& th);

    // The GC: collect now (on a goroutine at a safepoint, or from the host with nothing running).
    void collectGarbage(Thread* self);
    // A safepoint saw g->preempt: collect if a collection is due, else yield to the scheduler.
    void safepoint(Thread& th);
    // The collection the memory limit asked for: whole cycles, then "fatal error: runtime: out
    // of memory" if the heap still does not fit (vm/heap.hpp has the rule).
    void collectForMemoryLimit(Thread& th);
    // An allocation cannot be satisfied: Go's fatal error on a goroutine (does not return);
    // std::bad_alloc for the host.
    [[noreturn]] void outOfMemory();
    const std::vector<Proto*>& internalProtos() const { return internalProtoList_; }
    template <class F> void forEachPendingThread(F&& f) {
        std::lock_guard<std::mutex> lock(pendingMu_);
        for (Thread* t : pending_) f(*t);
    }
    Collector& collector() { return *collector_; }

    // Goroutines.
    void spawn(Thread& parent, FuncObj* fn, const Value* args, uint32_t numArgs, uint64_t argIsRef);
    void runGoroutine(Thread* th); // body of a goroutine's G

private:
    friend struct Interp;
    void makeInternalTypes();
    Proto* makeIdentityMethod(const std::string& name);
    RType* internalType(Kind kind, std::string str);
    std::string panicValueString(Thread& th, Value v);

    VMOptions opts_;
    PackageRegistry registry_;
    Heap heap_;
    std::unique_ptr<rt::Runtime> runtime_;
    Program* program_ = nullptr;
    std::vector<Value> globals_;
    size_t loadedProtos_ = 0, loadedTypes_ = 0, loadedNatives_ = 0;

    std::vector<std::unique_ptr<RType>> internalTypes_;
    std::vector<std::unique_ptr<Proto>> internalProtos_;
    std::vector<Proto*> internalProtoList_;
    std::unique_ptr<Collector> collector_;
    // Goroutines spawned but not started yet: their Thread holds the function and arguments.
    std::mutex pendingMu_;
    std::vector<Thread*> pending_;
    const RType* runtimeErrorType_ = nullptr;
    const RType* errorStringType_ = nullptr;
    const RType* stringType_ = nullptr;
    const RType* anyType_ = nullptr;
    const RType* byteType_ = nullptr;
    const RType* runeType_ = nullptr;
    const RType* byteSliceType_ = nullptr;
    std::vector<std::string> internalMethodNames_;

    std::mutex outMu_;
    std::string outBuf_;
    int exitStatus_ = 0;
    bool fatalReported_ = false;
    std::mutex fatalMu_;
};

} // namespace gol::vm
