// Per-goroutine VM state: the VM stack of frames and registers, pending defers, active panics.
//
// A Thread belongs to exactly one goroutine (rt::G::user points to it) and is only touched by
// the M running that goroutine — or by the GC while the world is stopped, which reads `stack`,
// `frames`, `defers` and `panics` as roots. So no field needs synchronisation.
//
// The VM stack is a growable array of slots separate from the goroutine's small native (fiber)
// stack: script calls push a Frame here and never recurse in C++ (DESIGN §3). Frames refer to
// the stack by index, so growing it (which moves it) needs no fix-up except reloading cached
// pointers in the interpreter.
#pragma once

#include "vm/object.hpp"
#include "vm/program.hpp"
#include "vm/value.hpp"

#include <cstdint>
#include <vector>

namespace gol::rt {
struct G;
}

namespace gol::vm {

class VM;

enum class FrameKind : uint8_t {
    Normal,
    DeferCall,      // a deferred call run by RUNDEFERS: on return, re-execute the RUNDEFERS
    PanicDeferCall, // a deferred call run while panicking: on return, continue the panic
    Boundary,       // entered from C++ (a native calling back, or a goroutine's first call):
                    // on return, leave the interpreter loop
};

struct Frame {
    Proto* proto;
    FuncObj* closure;    // the running closure (its upvalues), or null
    const Instr* pc;     // next instruction (saved when the frame is not on top)
    uint32_t base;       // R[0] is stack[base]
    FrameKind kind;
    uint32_t deferMark;  // defers.size() when the frame was entered: its defers are above it
};

struct DeferRec {
    FuncObj* fn;
    uint32_t argStart;   // in Thread::deferArgs
    uint16_t numArgs;
    uint64_t argIsRef;   // bit i: argument i is a reference (for the GC); at most 64 arguments
    uint32_t frameIndex; // the frame that deferred it
};

struct PanicRec {
    Value value;          // the interface value passed to panic
    bool recovered = false;
    bool aborted = false; // a newer panic started while this one ran deferred calls
    bool goexit = false;  // runtime.Goexit (not a real panic)
    uint32_t deferFrame = 0; // frame index of the frame whose defer is running (for recover's rule)
};

struct Thread {
    VM* vm = nullptr;
    rt::G* g = nullptr;
    int64_t goid = 0;

    Value* stack = nullptr;  // registers of all frames
    size_t stackSize = 0;    // slots allocated
    std::vector<Frame> frames;
    std::vector<DeferRec> defers;
    std::vector<Value> deferArgs;
    std::vector<PanicRec> panics; // innermost last
    int nativeDepth = 0;     // natives calling back into scripts, nested
    uint32_t nativeTop = 0;  // first free slot above the frame that called the running native:
                             // where a callback's frame goes
    // Set by GO until the goroutine starts: the function and arguments (at stack[0..]).
    FuncObj* startFn = nullptr;
    uint32_t startNumArgs = 0;
    uint64_t startArgIsRef = 0;
    // A panic raised inside a native, for the interpreter to start once the native returned:
    // 1 runtime error (pendingError), 2 panic(value) (pendingPanicValue), 3 a panic that already
    // unwound out of a script callback (continue dispatching th.panics.back()), 4 runtime.Goexit.
    int pendingPanicKind = 0;
    std::string pendingError;
    Value pendingPanicValue;
    std::string createdBy;
    // Values a native holds only in C++ locals across a callback into script code (where a GC
    // may run): NativeCall::root pushes here; callNative drops them when the native returns.
    std::vector<Value> tempRoots;   // "main.main\n\tfile.gol:12 +0x0" of the go statement

    Thread() = default;
    ~Thread();
    Thread(const Thread&) = delete;
    Thread& operator=(const Thread&) = delete;

    // Makes sure stack[0..slots) exists (zero-filled beyond the old size). Returns false when
    // the goroutine stack limit would be exceeded.
    bool ensureStack(size_t slots);
    size_t stackBytes() const { return stackSize * sizeof(Value) + frames.capacity() * sizeof(Frame); }
};

} // namespace gol::vm
