// The compiled program: what the compiler produces and the VM runs.
//
// A Program is plain data owned by the host (no heap objects inside): functions (Protos) with
// their code, constants, register maps and line tables; runtime types; the natives it calls; the
// layout of its globals. The VM turns constants into heap values when it loads the program.
// The REPL extends one Program input by input, so everything is appended, never renumbered.
#pragma once

#include "vm/instr.hpp"
#include "vm/object.hpp"
#include "vm/rtype.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gol::vm {

struct Constant {
    enum class Kind : uint8_t { Int, Float, String } kind = Kind::Int;
    int64_t i = 0;
    double f = 0;
    std::string s;
};

// How a closure's upvalue is filled by CLOSURE: from a register of the enclosing frame or from an
// upvalue of the enclosing closure. `isRef` says whether the slot holds a reference (for the GC);
// a captured variable that lives in a cell is a reference to that cell.
struct UpvalDesc {
    bool fromParentRegister = true;
    uint16_t index = 0;
    bool isRef = false;
    std::string name; // for debugging and disasm
};

struct Proto {
    std::string name;      // Go's spelling for traces: "main.fib", "main.(*T).Get", "main.main.func1"
    std::string file;      // source file as given on the command line
    uint32_t line = 0;     // line of the declaration
    uint32_t index = 0;    // position in Program::protos (F[index])

    uint16_t numParams = 0;   // argument slots (receiver first for methods; a variadic tail is one slice slot)
    uint16_t numResults = 0;  // result slots
    uint16_t numRegs = 0;     // frame size in slots, >= numParams and >= numResults
    std::vector<bool> regIsRef; // per register: holds a reference (the GC's map of this frame)

    std::vector<Instr> code;
    std::vector<uint32_t> lines;  // source line per instruction (same length as code)
    std::vector<Constant> consts;
    std::vector<UpvalDesc> upvals;

    bool hasDefer = false;     // contains DEFER: RET must run deferred calls first
    uint32_t epiloguePc = 0;   // where a recovered panic resumes this frame: RUNDEFERS; load results; RET

    // Filled by the VM at load time.
    std::vector<Value> kvalues;      // constants as values (strings become immortal StringObjs)
    FuncObj* staticFunc = nullptr;   // the function value for LOADFUNC
};

// A native function the program calls, resolved by name through the binding registry.
struct NativeRef {
    std::string pkg;    // import path, "fmt"
    std::string name;   // "Println", or "Builder.WriteString" for a method
    NativeFn fn = nullptr;
    bool blocking = false; // from NativeDef: runs under entersyscall/exitsyscall
    FuncObj* staticFunc = nullptr; // function value for LOADNATIVE, filled at load time
};

struct GlobalDesc {
    std::string name;
    bool isRef = false;
};

struct Program {
    std::vector<std::unique_ptr<Proto>> protos;
    std::vector<std::unique_ptr<RType>> types;
    std::vector<NativeRef> natives;
    std::vector<GlobalDesc> globals;
    std::vector<std::string> methodNames; // interned method names (nameId -> name)
    // Entry points: F[initProto] initializes every package in dependency order (package variables,
    // then init functions) and runs a script's top-level statements; then F[mainProto] (main.main)
    // runs when the program has one (-1 in script mode without func main).
    uint32_t initProto = 0;
    int32_t mainProto = -1;
    std::string mainFile;

    // Well-known runtime types the VM needs (boxing panic values, errors): filled by the compiler.
    const RType* stringType = nullptr;
    const RType* intType = nullptr;
    const RType* errorType = nullptr; // the `error` interface
};

} // namespace gol::vm
