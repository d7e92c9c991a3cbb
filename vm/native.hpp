// The binding layer: how native (C++) functions are called from scripts, and how packages are
// declared. The standard library and embedders use exactly this layer.
//
// A package is Go source plus natives. Its source declares types, constants, variables and
// functions; a function declared without a body (`func Repeat(s string, count int) string`) is
// implemented by the native registered under the same name ("Repeat", or "Builder.WriteString"
// for a method). Functions with bodies are ordinary gol code. The compiler checks and compiles a
// package's source like any other package, so natives get their Go signatures, argument checking
// and error messages from the one type checker.
//
// Native calling convention: arguments arrive in slots as the Go signature lays them out (a
// method's receiver first; a variadic tail as one slice slot; every value one 8-byte slot, see
// value.hpp); the native writes its results over args[0..numResults-1].
#pragma once

#include "vm/object.hpp"
#include "vm/value.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gol::vm {

class VM;
struct Thread;
struct NativeRef;

struct NativeCall {
    VM& vm;
    Thread& thread;
    uint32_t argBase;     // the arguments are thread.stack[argBase ..]; results are written there
    uint32_t numArgs;
    const NativeRef* ref; // which native (name, for traces); null for VM-internal calls

    // Argument and result slots. A callback into script code (call) may move the VM stack, so
    // never keep an arg()/argv() pointer across it.
    Value& arg(uint32_t i);
    Value* argv();
    void result(uint32_t i, Value v) { arg(i) = v; }

    // Heap helpers.
    Value str(std::string_view s);               // new string value
    static std::string_view view(Value s);        // bytes of a string value (null == "")
    Value error(std::string_view msg);            // an error value like errors.New(msg)

    // Raise a Go panic from a native. These do not return: they unwind the native with a C++
    // exception that the interpreter catches at the call site and turns into a Go panic.
    [[noreturn]] void panicRuntimeError(std::string msg); // "runtime error: " + msg, a runtime.Error
    [[noreturn]] void panicValue(Value iface);            // panic(v) with an interface value
    [[noreturn]] void panicString(std::string msg);       // panic("msg") as a string value
    [[noreturn]] void goexit();                           // runtime.Goexit: defers run, then the goroutine ends

    // Keeps v alive until this native returns. Needed only for a value held in a C++ local (not in
    // an argument slot) across call()/callMethod, where a collection may run.
    void root(Value v);

    // Call a script function value from a native (reentrant; bounded depth).
    void call(FuncObj* fn, const Value* args, uint32_t numArgs, Value* results, uint32_t numResults);
};

struct NativeDef {
    std::string name; // "Repeat" or "Builder.WriteString"
    NativeFn fn;
    bool blocking = false; // may block the thread (I/O): runs under entersyscall/exitsyscall
};

struct PackageDef {
    std::string path;   // import path: "strings", "math/rand"
    std::string source; // Go source of the package (declarations, bodiless natives, gol code)
    std::vector<NativeDef> natives;
};

// The packages a VM may import. Owned by the VM (per VM: two VMs share nothing); the stdlib
// registers into it with gol::stdlib::registerAll(registry), embedders with VM::bind.
class PackageRegistry {
public:
    void add(PackageDef def);
    PackageDef* find(std::string_view path);
    const PackageDef* find(std::string_view path) const;
    const NativeDef* findNative(std::string_view path, std::string_view name) const;
    const std::vector<PackageDef>& packages() const { return packages_; }

private:
    std::vector<PackageDef> packages_;
};

} // namespace gol::vm
