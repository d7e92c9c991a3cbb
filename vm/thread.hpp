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
//
// A goroutine's Thread is built in its G's local memory, at the top of the G's native stack
// page (rt::G::local, RuntimeOptions::gLocalBytes = kGoroutineLocalBytes), together with its
// first VM stack slots and frames: a parked goroutine then costs that one page and nothing
// else (docs/runtime.md, "Stacks and memory"). Those first buffers are "inline": growing past
// them moves to malloc'd memory, and a finished goroutine's Thread goes back to them.
#pragma once

#include "vm/object.hpp"
#include "vm/program.hpp"
#include "vm/value.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
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

// The frames of a Thread: a vector of trivially copyable Frames whose first buffer may be
// memory the Thread does not own (see the top of the file).
class FrameStack {
  public:
    FrameStack() = default;
    ~FrameStack() {
        if (data_ != inline_) std::free(data_);
    }
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;

    // Gives an empty FrameStack a first buffer it does not own.
    void setInline(Frame* buf, uint32_t cap) {
        inline_ = data_ = buf;
        inlineCap_ = cap_ = cap;
    }
    // Back to the inline buffer (freeing a grown one); only when empty.
    void dropGrown() {
        if (data_ == inline_) return;
        std::free(data_);
        data_ = inline_;
        cap_ = inlineCap_;
    }
    bool grown() const { return data_ != inline_; }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    size_t capacity() const { return cap_; }
    Frame& operator[](size_t i) { return data_[i]; }
    const Frame& operator[](size_t i) const { return data_[i]; }
    Frame& back() { return data_[size_ - 1]; }
    const Frame& back() const { return data_[size_ - 1]; }
    void push_back(const Frame& f) {
        if (size_ == cap_) grow(size_ + 1);
        data_[size_++] = f;
    }
    void pop_back() { size_--; }
    void clear() { size_ = 0; }
    void resize(size_t n) { size_ = uint32_t(n); } // n <= size(): frames are only dropped
    void reserve(size_t n) {
        if (n > cap_) grow(n);
    }

  private:
    void grow(size_t need) {
        size_t n = cap_ ? size_t(cap_) * 2 : 8;
        while (n < need)
            n *= 2;
        auto* d = static_cast<Frame*>(std::malloc(n * sizeof(Frame)));
        if (!d) throw std::bad_alloc();
        if (size_) std::memcpy(static_cast<void*>(d), data_, size_ * sizeof(Frame));
        if (data_ != inline_) std::free(data_);
        data_ = d;
        cap_ = uint32_t(n);
    }

    Frame* data_ = nullptr;
    Frame* inline_ = nullptr;
    uint32_t size_ = 0;
    uint32_t cap_ = 0;
    uint32_t inlineCap_ = 0;
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
    Value* inlineStack = nullptr; // not owned (see the top of the file); `stack` starts here
    size_t inlineStackSize = 0;
    FrameStack frames;
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
    // The `go` statement that started this goroutine ("created by" in traces): its function and
    // line, turned into text only when a trace is printed.
    const Proto* createdByProto = nullptr;
    uint32_t createdByLine = 0;
    // Values a native holds only in C++ locals across a callback into script code (where a GC
    // may run): NativeCall::root pushes here; callNative drops them when the native returns.
    std::vector<Value> tempRoots;

    Thread() = default;
    ~Thread();
    Thread(const Thread&) = delete;
    Thread& operator=(const Thread&) = delete;

    // Makes sure stack[0..slots) exists (zero-filled beyond the old size). Returns false when
    // the goroutine stack limit would be exceeded.
    bool ensureStack(size_t slots);
    // Gives a new Thread inline buffers (see the top of the file): `slots` Values at `stackBuf`
    // and `nframes` Frames at `frameBuf`, neither owned.
    void setInlineBuffers(Value* stackBuf, size_t slots, Frame* frameBuf, uint32_t nframes);
    // Back to the inline buffers, freeing grown ones (a finished goroutine's Thread).
    void dropGrownBuffers();
    size_t stackBytes() const { return stackSize * sizeof(Value) + frames.capacity() * sizeof(Frame); }
};

// A goroutine's Thread in its G's local memory (RuntimeOptions::gLocalBytes): the Thread, then
// its first frames, then its first VM stack slots (at least kGoroutineInlineSlots: most
// goroutine bodies are small; ensureStack doubles from there).
constexpr uint32_t kGoroutineInlineFrames = 4;
constexpr size_t kGoroutineInlineSlots = 32;
constexpr size_t kGoroutineLocalBytes =
    sizeof(Thread) + kGoroutineInlineFrames * sizeof(Frame) + kGoroutineInlineSlots * sizeof(Value);

} // namespace gol::vm
