// The interpreter loop.
//
// Rules for correctness, enforced by the macros below (after Luau's lvmexecute.cpp):
//  1. SAVEPC before anything that can panic, allocate, park or call out, so that a trace, a
//     recovered panic and the GC see the frame at the right instruction.
//  2. RELOAD after anything that can grow or move the VM stack (calls, natives that call back,
//     deferred calls): `base` is a cached pointer into Thread::stack.
//  3. SAFEPOINT at function entry and on every backward jump: one relaxed load of g->preempt.
//     The flag is set with a seq_cst store by sysmon or a stop-the-world; a relaxed poll is
//     enough because only promptness depends on it, and preemptPark synchronises through the
//     scheduler's locks before anything is exchanged.
//  4. Every store into a heap object's or a global's slot that may hold a reference goes through
//     STORE_REF(slot, v, isRef), the GC's write barrier (vm/gc_barrier.hpp): while a concurrent
//     cycle marks, the overwritten reference is shaded first (isRef is evaluated only then).
//     Bulk copies use WriteBarrier::copySlots/clearSlots, maps and map iterators beforeMutate,
//     and a value received from a channel is shaded.
//  5. A script call never recurses in C++: CALL pushes a Frame and continues the same loop. Only
//     natives calling back into scripts nest execute(), behind a Boundary frame.
#include "vm/vm.hpp"

#include "runtime/runtime.hpp"
#include "vm/chanobj.hpp"
#include "vm/map.hpp"
#include "vm/slice.hpp"
#include "vm/utf8.hpp"

#include <alloca.h>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>
#include <string>

namespace gol::vm {

namespace {

std::string fmtIndex(int64_t i, int64_t len) {
    return "index out of range [" + std::to_string(i) + "] with length " + std::to_string(len);
}

// Frames above `keep` are being dropped (a recovered panic, or one unwinding out of a callback):
// clear their windows, as their RETs would have, so the kept frames' register maps stay true.
void clearAbove(Thread& th, size_t keep) {
    if (keep + 1 >= th.frames.size()) return;
    size_t from = th.frames[keep + 1].base, to = from;
    for (size_t i = keep + 1; i < th.frames.size(); i++)
        to = std::max<size_t>(to, th.frames[i].base + th.frames[i].proto->numRegs);
    to = std::min(to, th.stackSize);
    if (to > from) std::memset(static_cast<void*>(th.stack + from), 0, (to - from) * sizeof(Value));
}

// Go's bounds rule for x[lo:hi] and x[lo:hi:max] against `limit` (the capacity of a slice, the
// length of an array or a string): every bound within limit and lo <= hi <= max.
bool sliceInRange(int64_t lo, int64_t hi, int64_t max, int64_t limit) {
    return uint64_t(max) <= uint64_t(limit) && uint64_t(hi) <= uint64_t(max) && uint64_t(lo) <= uint64_t(hi);
}

// Go's message for the first bound that sliceInRange rejected. `limitWord` is "capacity" or
// "length"; `three` for the three-index form.
std::string sliceBoundsMessage(int64_t lo, int64_t hi, int64_t max, int64_t limit, bool three,
                               const char* limitWord) {
    auto n = [](int64_t v) { return std::to_string(v); };
    std::string m = "slice bounds out of range ";
    if (three) {
        if (uint64_t(max) > uint64_t(limit)) return m + "[::" + n(max) + "] with " + limitWord + " " + n(limit);
        if (uint64_t(hi) > uint64_t(max)) return m + "[:" + n(hi) + ":" + n(max) + "]";
    } else if (uint64_t(hi) > uint64_t(limit)) {
        return m + "[:" + n(hi) + "] with " + limitWord + " " + n(limit);
    }
    return m + "[" + n(lo) + ":" + n(hi) + "]";
}

int64_t f2i(double d) {
    // amd64 semantics of CVTTSD2SQ: NaN and out-of-range give the "integer indefinite" value.
    if (!(d > -9223372036854775809.0 && d < 9223372036854775808.0)) return INT64_MIN;
    return int64_t(d);
}

uint64_t f2u(double d) {
    if (!(d > -1.0 && d < 18446744073709551616.0)) {
        if (d <= -1.0 && d > -9223372036854775809.0) return uint64_t(int64_t(d));
        return 0x8000000000000000ull;
    }
    return uint64_t(d);
}

// Interface value boxing of an error message for a runtime panic happens in VM::runtimeErrorValue.

// SELECT, kept out of execute(): its case arrays would otherwise be part of execute()'s frame,
// which sits on the native stack of every goroutine for its whole life. A parked goroutine's
// memory is one page of that stack (docs/runtime.md, "Stacks and memory"), so the arrays are
// sized to the select at hand, here, instead. Writes the chosen case (-1: default) and the
// receive's ok to R(a), R(a+1) and the received value to its case's register; returns the
// chosen case or one of the two errors below. `extra` is the EXTRA word (send mask, default).
constexpr int kSelectTooManyCases = -2;
constexpr int kSelectSendOnClosed = -3;

__attribute__((noinline)) int execSelect(Thread& th, Instr ins, Instr extra, Heap& heap, WriteBarrier& wb) {
    uint32_t sendMask = extra.bx();
    bool hasDefault = extra.a != 0;
    int n = ins.c;
    if (n > 64) return kSelectTooManyCases;
    if (n == 0 && !hasDefault) {
        rt::gopark(nullptr, nullptr, rt::WaitReason::SelectNoCases);
        return -1; // never resumed
    }
    Value* base = th.stack + th.frames.back().base;
    // At most 64 cases (checked above): a bounded alloca.
    auto* cases = static_cast<rt::SelectCase*>(alloca(size_t(n) * sizeof(rt::SelectCase)));
    auto* recvBuf = static_cast<uint64_t*>(alloca(size_t(n) * sizeof(uint64_t)));
    for (int i = 0; i < n; i++) {
        new (&cases[i]) rt::SelectCase{};
        cases[i].c = VM::chanOf(base[ins.b + 2 * i]);
        cases[i].isSend = (sendMask >> i) & 1;
        cases[i].sendValue = base[ins.b + 2 * i + 1].u;
        recvBuf[i] = 0;
        cases[i].recvInto = &recvBuf[i];
    }
    bool recvOK = false, sendClosed = false;
    int chosen = rt::selectgo(cases, n, hasDefault, &recvOK, &sendClosed);
    base = th.stack + th.frames.back().base;
    if (sendClosed) return kSelectSendOnClosed;
    if (chosen >= 0 && !cases[chosen].isSend) {
        if (wb.on() && cases[chosen].c->elemIsPointer()) wb.shade(reinterpret_cast<Obj*>(recvBuf[chosen]));
        base[ins.b + 2 * chosen + 1].u = recvBuf[chosen];
        const RType* et = static_cast<ChanObj*>(base[ins.b + 2 * chosen].p)->type->elem;
        if (!recvOK && et->isBoxed()) base[ins.b + 2 * chosen + 1] = heap.zeroValue(et);
    }
    base[ins.a].i = chosen;
    base[ins.a + 1].u = recvOK;
    return chosen;
}

} // namespace

#if defined(__GNUC__)
#define GOL_COMPUTED_GOTO 1
#endif

void VM::execute(Thread& th) {
    Frame* frame;
    Value* base;
    const Instr* pc;
    const Value* k;
    Instr ins;
    std::string errMsg;
    Value panicVal;
    Program& prog = *program_;
    Heap& heap = heap_;
    rt::G* g = th.g;
    WriteBarrier& wb = collector_->barrier();

#define LOAD_FRAME()                                                                             \
    do {                                                                                         \
        frame = &th.frames.back();                                                               \
        base = th.stack + frame->base;                                                           \
        pc = frame->pc;                                                                          \
        k = frame->proto->kvalues.data();                                                        \
    } while (0)
#define SAVEPC() (frame->pc = pc)
#define RELOAD() (frame = &th.frames.back(), base = th.stack + frame->base)
#define R(x) base[x]
#define STORE_REF(slot, v, isRef)                                                                \
    do {                                                                                         \
        if (wb.on()) wb.store((slot), (v), (isRef));                                             \
        else (slot) = (v);                                                                       \
    } while (0)
#define RT_ERROR(msg)                                                                            \
    do {                                                                                         \
        SAVEPC();                                                                                \
        errMsg = (msg);                                                                          \
        goto runtime_error;                                                                      \
    } while (0)
#define RT_ERROR_PLAIN(msg)                                                                      \
    do {                                                                                         \
        SAVEPC();                                                                                \
        errMsg = (msg);                                                                          \
        goto plain_runtime_error;                                                                \
    } while (0)
#define NILDEREF() RT_ERROR("invalid memory address or nil pointer dereference")
#define SAFEPOINT()                                                                              \
    do {                                                                                         \
        if (g && g->preempt.load(std::memory_order_relaxed)) {                                   \
            SAVEPC();                                                                            \
            safepoint(th);                                                                       \
        }                                                                                        \
    } while (0)
// Pushes a frame for proto P (closure CL) whose R[0] is stack[NB], with NARGS argument slots
// already in place, and makes it current.
#define PUSH_FRAME(P, CL, NB, NARGS, KIND)                                                       \
    do {                                                                                         \
        Proto* p_ = (P);                                                                         \
        size_t nb_ = (NB);                                                                       \
        size_t need_ = nb_ + p_->numRegs + 1;                                                    \
        if ((need_ > th.stackSize && !th.ensureStack(need_)) ||                                  \
            th.frames.size() * sizeof(Frame) > opts_.maxStackBytes / 4)                          \
            goto stack_overflow;                                                                 \
        Value* nbp_ = th.stack + nb_;                                                            \
        for (uint32_t i_ = (NARGS); i_ < p_->numRegs; i_++) nbp_[i_].u = 0;                     \
        th.frames.push_back(Frame{p_, (CL), p_->code.data(), uint32_t(nb_), (KIND),              \
                                  uint32_t(th.defers.size())});                                  \
        LOAD_FRAME();                                                                            \
        SAFEPOINT();                                                                             \
    } while (0)

#if GOL_COMPUTED_GOTO
    static const void* const kLabels[] = {
#define OP(name, fmt, flags, doc) &&L_##name,
#include "vm/opcodes.def"
#undef OP
    };
#define DISPATCH()                                                                               \
    do {                                                                                         \
        ins = *pc++;                                                                             \
        goto* kLabels[int(ins.op)];                                                              \
    } while (0)
#define CASE(name) L_##name:
#else
#error "gol's interpreter needs computed goto (GCC or Clang)"
#endif

    LOAD_FRAME();
    DISPATCH();

    // ---- loads, moves, globals, upvalues ------------------------------------------------------
    CASE(NOP) DISPATCH();
    CASE(EXTRA) DISPATCH();
    CASE(MOVE) R(ins.a) = R(ins.b); DISPATCH();
    CASE(LOADK) R(ins.a) = k[ins.bx()]; DISPATCH();
    CASE(LOADI) R(ins.a).i = ins.sbx(); DISPATCH();
    CASE(LOADZ) R(ins.a).u = 0; DISPATCH();
    CASE(LOADTRUE) R(ins.a).u = 1; DISPATCH();
    CASE(GETGLOBAL) R(ins.a) = globals_[ins.bx()]; DISPATCH();
    CASE(SETGLOBAL) STORE_REF(globals_[ins.bx()], R(ins.a), prog.globals[ins.bx()].isRef); DISPATCH();
    CASE(GETUP) R(ins.a) = frame->closure->up[ins.b]; DISPATCH();
    CASE(SETUP) STORE_REF(frame->closure->up[ins.b], R(ins.a), frame->closure->proto->upvals[ins.b].isRef); DISPATCH();
    CASE(LOADFUNC) R(ins.a) = Value::fromObj(prog.protos[ins.bx()]->staticFunc); DISPATCH();
    CASE(LOADNATIVE) R(ins.a) = Value::fromObj(prog.natives[ins.bx()].staticFunc); DISPATCH();
    CASE(CLOSURE) {
        SAVEPC();
        Proto* p = prog.protos[ins.bx()].get();
        FuncObj* f = heap.newFunc(p, nullptr, uint32_t(p->upvals.size()));
        for (size_t i = 0; i < p->upvals.size(); i++) {
            const UpvalDesc& u = p->upvals[i];
            f->up[i] = u.fromParentRegister ? R(u.index) : frame->closure->up[u.index];
        }
        R(ins.a) = Value::fromObj(f);
        DISPATCH();
    }

    // ---- integer arithmetic ---------------------------------------------------------------------
    CASE(ADD) R(ins.a).u = R(ins.b).u + R(ins.c).u; DISPATCH();
    CASE(SUB) R(ins.a).u = R(ins.b).u - R(ins.c).u; DISPATCH();
    CASE(MUL) R(ins.a).u = R(ins.b).u * R(ins.c).u; DISPATCH();
    CASE(DIV) {
        int64_t d = R(ins.c).i;
        if (d == 0) RT_ERROR("integer divide by zero");
        int64_t n = R(ins.b).i;
        R(ins.a).i = (d == -1) ? int64_t(0 - uint64_t(n)) : n / d; // MinInt64 / -1 wraps, as in Go
        DISPATCH();
    }
    CASE(MOD) {
        int64_t d = R(ins.c).i;
        if (d == 0) RT_ERROR("integer divide by zero");
        R(ins.a).i = (d == -1) ? 0 : R(ins.b).i % d;
        DISPATCH();
    }
    CASE(DIVU) {
        uint64_t d = R(ins.c).u;
        if (d == 0) RT_ERROR("integer divide by zero");
        R(ins.a).u = R(ins.b).u / d;
        DISPATCH();
    }
    CASE(MODU) {
        uint64_t d = R(ins.c).u;
        if (d == 0) RT_ERROR("integer divide by zero");
        R(ins.a).u = R(ins.b).u % d;
        DISPATCH();
    }
    CASE(AND) R(ins.a).u = R(ins.b).u & R(ins.c).u; DISPATCH();
    CASE(OR) R(ins.a).u = R(ins.b).u | R(ins.c).u; DISPATCH();
    CASE(XOR) R(ins.a).u = R(ins.b).u ^ R(ins.c).u; DISPATCH();
    CASE(ANDNOT) R(ins.a).u = R(ins.b).u & ~R(ins.c).u; DISPATCH();
    CASE(SHL) {
        uint64_t n = R(ins.c).u;
        R(ins.a).u = n >= 64 ? 0 : R(ins.b).u << n;
        DISPATCH();
    }
    CASE(SHR) {
        uint64_t n = R(ins.c).u;
        R(ins.a).i = R(ins.b).i >> (n >= 64 ? 63 : n);
        DISPATCH();
    }
    CASE(SHRU) {
        uint64_t n = R(ins.c).u;
        R(ins.a).u = n >= 64 ? 0 : R(ins.b).u >> n;
        DISPATCH();
    }
    CASE(CHKSHIFT) {
        if (R(ins.a).i < 0) RT_ERROR("negative shift amount");
        DISPATCH();
    }
    CASE(ADDI) R(ins.a).u = R(ins.b).u + uint64_t(int64_t(ins.sc())); DISPATCH();
    CASE(SHLI) R(ins.a).u = R(ins.b).u << (ins.c & 63); DISPATCH();
    CASE(SHRI) R(ins.a).i = R(ins.b).i >> (ins.c & 63); DISPATCH();
    CASE(SHRUI) R(ins.a).u = R(ins.b).u >> (ins.c & 63); DISPATCH();
    CASE(NEG) R(ins.a).u = 0 - R(ins.b).u; DISPATCH();
    CASE(BNOT) R(ins.a).u = ~R(ins.b).u; DISPATCH();
    CASE(SEXT8) R(ins.a).i = int8_t(R(ins.b).u); DISPATCH();
    CASE(SEXT16) R(ins.a).i = int16_t(R(ins.b).u); DISPATCH();
    CASE(SEXT32) R(ins.a).i = int32_t(R(ins.b).u); DISPATCH();
    CASE(ZEXT8) R(ins.a).u = uint8_t(R(ins.b).u); DISPATCH();
    CASE(ZEXT16) R(ins.a).u = uint16_t(R(ins.b).u); DISPATCH();
    CASE(ZEXT32) R(ins.a).u = uint32_t(R(ins.b).u); DISPATCH();
    CASE(MULI) R(ins.a).u = R(ins.b).u * uint64_t(int64_t(ins.sc())); DISPATCH();
    CASE(MODI) R(ins.a).i = R(ins.b).i % int64_t(ins.sc()); DISPATCH(); // sc is neither 0 nor -1
    CASE(DIVI) R(ins.a).i = R(ins.b).i / int64_t(ins.sc()); DISPATCH(); // sc is neither 0 nor -1

    // ---- floating point -------------------------------------------------------------------------
    CASE(ADDF) R(ins.a).f = R(ins.b).f + R(ins.c).f; DISPATCH();
    CASE(SUBF) R(ins.a).f = R(ins.b).f - R(ins.c).f; DISPATCH();
    CASE(MULF) R(ins.a).f = R(ins.b).f * R(ins.c).f; DISPATCH();
    CASE(DIVF) R(ins.a).f = R(ins.b).f / R(ins.c).f; DISPATCH();
    CASE(NEGF) R(ins.a).f = -R(ins.b).f; DISPATCH();
    CASE(F32) R(ins.a).f = double(float(R(ins.b).f)); DISPATCH();
    CASE(I2F) R(ins.a).f = double(R(ins.b).i); DISPATCH();
    CASE(U2F) R(ins.a).f = double(R(ins.b).u); DISPATCH();
    CASE(F2I) R(ins.a).i = f2i(R(ins.b).f); DISPATCH();
    CASE(F2U) R(ins.a).u = f2u(R(ins.b).f); DISPATCH();
    CASE(ADDFK) R(ins.a).f = R(ins.b).f + k[ins.c].f; DISPATCH();
    CASE(SUBFK) R(ins.a).f = R(ins.b).f - k[ins.c].f; DISPATCH();
    CASE(MULFK) R(ins.a).f = R(ins.b).f * k[ins.c].f; DISPATCH();
    CASE(DIVFK) R(ins.a).f = R(ins.b).f / k[ins.c].f; DISPATCH();
    CASE(RSUBFK) R(ins.a).f = k[ins.c].f - R(ins.b).f; DISPATCH();
    CASE(RDIVFK) R(ins.a).f = k[ins.c].f / R(ins.b).f; DISPATCH();

    // ---- comparisons ----------------------------------------------------------------------------
    CASE(EQ) R(ins.a).u = R(ins.b).u == R(ins.c).u; DISPATCH();
    CASE(NE) R(ins.a).u = R(ins.b).u != R(ins.c).u; DISPATCH();
    CASE(LT) R(ins.a).u = R(ins.b).i < R(ins.c).i; DISPATCH();
    CASE(LE) R(ins.a).u = R(ins.b).i <= R(ins.c).i; DISPATCH();
    CASE(LTU) R(ins.a).u = R(ins.b).u < R(ins.c).u; DISPATCH();
    CASE(LEU) R(ins.a).u = R(ins.b).u <= R(ins.c).u; DISPATCH();
    CASE(EQF) R(ins.a).u = R(ins.b).f == R(ins.c).f; DISPATCH();
    CASE(NEF) R(ins.a).u = R(ins.b).f != R(ins.c).f; DISPATCH();
    CASE(LTF) R(ins.a).u = R(ins.b).f < R(ins.c).f; DISPATCH();
    CASE(LEF) R(ins.a).u = R(ins.b).f <= R(ins.c).f; DISPATCH();
    CASE(EQS) R(ins.a).u = strView(R(ins.b)) == strView(R(ins.c)); DISPATCH();
    CASE(NES) R(ins.a).u = strView(R(ins.b)) != strView(R(ins.c)); DISPATCH();
    CASE(LTS) R(ins.a).u = strView(R(ins.b)) < strView(R(ins.c)); DISPATCH();
    CASE(LES) R(ins.a).u = strView(R(ins.b)) <= strView(R(ins.c)); DISPATCH();
    CASE(EQI)
    CASE(NEI) {
        SAVEPC();
        bool eq;
        try {
            eq = valuesEqual(R(ins.b), R(ins.c), anyType_);
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        R(ins.a).u = (ins.op == Op::EQI) ? eq : !eq;
        DISPATCH();
    }
    CASE(EQV)
    CASE(NEV) {
        SAVEPC();
        Obj* x = R(ins.b).p;
        Obj* y = R(ins.c).p;
        bool eq;
        try {
            const RType* t = x->kind == ObjKind::Box ? static_cast<BoxObj*>(x)->type() : nullptr;
            if (t) {
                eq = valuesEqual(R(ins.b), R(ins.c), t);
            } else {
                auto* ax = static_cast<ArrayObj*>(x);
                auto* ay = static_cast<ArrayObj*>(y);
                eq = true;
                if (ax->elemSize == 1) {
                    eq = std::memcmp(ax->data, ay->data, size_t(ax->len)) == 0;
                } else {
                    for (int64_t i = 0; i < ax->len && eq; i++)
                        eq = valuesEqual(ax->slots()[i], ay->slots()[i], ax->elemType);
                }
            }
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        R(ins.a).u = (ins.op == Op::EQV) ? eq : !eq;
        DISPATCH();
    }
    CASE(NOT) R(ins.a).u = !R(ins.b).u; DISPATCH();

    // ---- control flow ---------------------------------------------------------------------------
#define JUMP(off)                                                                                \
    do {                                                                                         \
        int32_t off_ = (off);                                                                    \
        pc += off_;                                                                              \
        if (off_ < 0) SAFEPOINT();                                                               \
    } while (0)
    CASE(JMP) JUMP(ins.sbx()); DISPATCH();
    CASE(JT) if (R(ins.a).u) JUMP(ins.sbx()); DISPATCH();
    CASE(JF) if (!R(ins.a).u) JUMP(ins.sbx()); DISPATCH();
    CASE(JLT) if (R(ins.b).i < R(ins.c).i) JUMP(ins.sa()); DISPATCH();
    CASE(JLE) if (R(ins.b).i <= R(ins.c).i) JUMP(ins.sa()); DISPATCH();
    CASE(JEQ) if (R(ins.b).u == R(ins.c).u) JUMP(ins.sa()); DISPATCH();
    CASE(JNE) if (R(ins.b).u != R(ins.c).u) JUMP(ins.sa()); DISPATCH();
    CASE(JLTF) if (R(ins.b).f < R(ins.c).f) JUMP(ins.sa()); DISPATCH();
    CASE(JLEF) if (R(ins.b).f <= R(ins.c).f) JUMP(ins.sa()); DISPATCH();
    CASE(JEQI) if (R(ins.b).i == ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JNEI) if (R(ins.b).i != ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JLTI) if (R(ins.b).i < ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JLEI) if (R(ins.b).i <= ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JGTI) if (R(ins.b).i > ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JGEI) if (R(ins.b).i >= ins.sc()) JUMP(ins.sa()); DISPATCH();
    CASE(JLTFK) if (R(ins.b).f < k[ins.c].f) JUMP(ins.sa()); DISPATCH();
    CASE(JLEFK) if (R(ins.b).f <= k[ins.c].f) JUMP(ins.sa()); DISPATCH();
    CASE(JGTFK) if (R(ins.b).f > k[ins.c].f) JUMP(ins.sa()); DISPATCH();
    CASE(JGEFK) if (R(ins.b).f >= k[ins.c].f) JUMP(ins.sa()); DISPATCH();
    // The step wraps as ADDI does; the loop's branch is backward, so JUMP polls the safepoint.
    CASE(FORLT) {
        int64_t i = int64_t(R(ins.b).u + uint64_t(int64_t(ins.sx())));
        R(ins.b).i = i;
        if (i < R(ins.c).i) JUMP(ins.sa());
        DISPATCH();
    }
    CASE(FORLTI) {
        int64_t i = int64_t(R(ins.b).u + uint64_t(int64_t(ins.sx())));
        R(ins.b).i = i;
        if (i < ins.sc()) JUMP(ins.sa());
        DISPATCH();
    }

    // ---- calls ----------------------------------------------------------------------------------
    CASE(CALL) {
        SAVEPC();
        Proto* callee = prog.protos[ins.b].get();
        PUSH_FRAME(callee, nullptr, frame->base + ins.a, ins.c, FrameKind::Normal);
        DISPATCH();
    }
    CASE(CALLV) {
        SAVEPC();
        auto* f = static_cast<FuncObj*>(R(ins.b).p);
        if (!f) NILDEREF();
        if (f->proto) {
            PUSH_FRAME(f->proto, f, frame->base + ins.a, ins.c, FrameKind::Normal);
            DISPATCH();
        }
        callNative(th, f->native, f->nativeIndex < prog.natives.size() ? &prog.natives[f->nativeIndex] : nullptr,
                   frame->base + ins.a, ins.c);
        goto after_native;
    }
    CASE(CALLN) {
        SAVEPC();
        const NativeRef& nr = prog.natives[ins.b];
        callNative(th, nr.fn, &nr, frame->base + ins.a, ins.c);
        goto after_native;
    }
    CASE(CALLI) {
        SAVEPC();
        auto* iv = static_cast<IfaceObj*>(R(ins.a).p);
        if (!iv) NILDEREF();
        Proto* m = const_cast<Proto*>(iv->type->findMethod(ins.b));
        if (!m) RT_ERROR("method " + prog.methodNames[ins.b] + " not found for " + iv->type->str);
        R(ins.a) = iv->value;
        PUSH_FRAME(m, nullptr, frame->base + ins.a, uint32_t(ins.c) + 1, FrameKind::Normal);
        DISPATCH();
    }
    CASE(RET) {
        if (ins.a != 0 && ins.b != 0) std::memmove(base, base + ins.a, size_t(ins.b) * sizeof(Value));
        // The callee's window overlaps its caller's registers above the call's base. Clearing it
        // keeps the caller's register map true for the GC: a caller register that holds
        // references must not be left holding this function's integers.
        if (frame->proto->numRegs > ins.b)
            std::memset(static_cast<void*>(base + ins.b), 0, (frame->proto->numRegs - ins.b) * sizeof(Value));
        FrameKind kind = frame->kind;
        th.frames.pop_back();
        switch (kind) {
        case FrameKind::Boundary:
            return;
        case FrameKind::PanicDeferCall:
            goto panic_defer_returned;
        default:
            LOAD_FRAME();
            DISPATCH();
        }
    }
    CASE(DEFER) {
        SAVEPC();
        auto* f = static_cast<FuncObj*>(R(ins.b).p);
        DeferRec d{f, uint32_t(th.deferArgs.size()), ins.c, 0, uint32_t(th.frames.size() - 1)};
        const auto& refs = frame->proto->regIsRef;
        for (uint32_t i = 0; i < ins.c; i++) {
            th.deferArgs.push_back(R(ins.a + i));
            if (ins.a + i < refs.size() && refs[ins.a + i] && i < 64) d.argIsRef |= uint64_t(1) << i;
        }
        th.defers.push_back(d);
        DISPATCH();
    }
    CASE(RUNDEFERS) {
        if (th.defers.size() <= frame->deferMark) DISPATCH();
        SAVEPC();
        frame->pc = pc - 1; // come back to this RUNDEFERS after the deferred call
        DeferRec d = th.defers.back();
        th.defers.pop_back();
        uint32_t nb = frame->base + frame->proto->numRegs;
        if (!th.ensureStack(nb + d.numArgs + 1)) goto stack_overflow;
        RELOAD();
        if (d.numArgs) // deferArgs.data() may be null, which memcpy must not see even for 0 bytes
            std::memcpy(th.stack + nb, th.deferArgs.data() + d.argStart, d.numArgs * sizeof(Value));
        th.deferArgs.resize(d.argStart);
        if (!d.fn) NILDEREF();
        if (d.fn->proto) {
            PUSH_FRAME(d.fn->proto, d.fn, nb, d.numArgs, FrameKind::DeferCall);
            DISPATCH();
        }
        callNative(th, d.fn->native, nullptr, nb, d.numArgs);
        goto after_native;
    }
    CASE(PANIC) {
        SAVEPC();
        panicVal = R(ins.a);
        // Go 1.21+: panic(nil) panics with a *runtime.PanicNilError.
        if (!panicVal.p) panicVal = runtimeErrorValue("panic called with nil argument", false);
        goto start_panic;
    }
    CASE(RECOVER) {
        R(ins.a).u = 0;
        if (!th.panics.empty() && frame->kind == FrameKind::PanicDeferCall) {
            PanicRec& p = th.panics.back();
            if (!p.recovered && !p.goexit) {
                p.recovered = true;
                R(ins.a) = p.value;
            }
        }
        DISPATCH();
    }
    CASE(GO) {
        SAVEPC();
        auto* f = static_cast<FuncObj*>(R(ins.b).p);
        if (!f) {
            RT_ERROR("invalid memory address or nil pointer dereference");
        }
        uint64_t refs = 0;
        const auto& rm = frame->proto->regIsRef;
        for (uint32_t i = 0; i < ins.c && i < 64; i++)
            if (ins.a + i < rm.size() && rm[ins.a + i]) refs |= uint64_t(1) << i;
        spawn(th, f, base + ins.a, ins.c, refs);
        RELOAD();
        DISPATCH();
    }

    // ---- strings --------------------------------------------------------------------------------
    CASE(CONCAT) {
        SAVEPC();
        auto x = strView(R(ins.b)), y = strView(R(ins.c));
        if (x.empty()) {
            R(ins.a) = R(ins.c);
        } else if (y.empty()) {
            R(ins.a) = R(ins.b);
        } else {
            StringObj* s = heap.newStringUninit(int64_t(x.size() + y.size()));
            std::memcpy(s->bytes, x.data(), x.size());
            std::memcpy(s->bytes + x.size(), y.data(), y.size());
            R(ins.a) = Value::fromObj(s);
        }
        DISPATCH();
    }
    CASE(LENS) R(ins.a).i = strLen(R(ins.b)); DISPATCH();
    CASE(INDEXS) {
        auto* s = static_cast<StringObj*>(R(ins.b).p);
        int64_t i = R(ins.c).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        R(ins.a).u = s->data[i];
        DISPATCH();
    }
    CASE(SLICES) {
        auto* s = static_cast<StringObj*>(R(ins.b).p);
        int64_t lo = R(ins.c).i, hi = R(ins.c + 1).i, n = s ? s->len : 0;
        if (!sliceInRange(lo, hi, n, n)) RT_ERROR(sliceBoundsMessage(lo, hi, n, n, false, "length"));
        SAVEPC();
        if (lo == hi) R(ins.a).p = nullptr;
        else if (lo == 0 && hi == n) R(ins.a) = R(ins.b);
        else R(ins.a) = Value::fromObj(heap.newSubstring(s, lo, hi));
        DISPATCH();
    }
    CASE(STRFROMRUNE) {
        SAVEPC();
        uint8_t buf[4];
        int n = utf8::encode(R(ins.b).i, buf);
        R(ins.a) = Value::fromObj(heap.newString(std::string_view(reinterpret_cast<char*>(buf), size_t(n))));
        DISPATCH();
    }
    CASE(STRFROMBYTES) {
        SAVEPC();
        auto* sl = static_cast<SliceObj*>(R(ins.b).p);
        if (!sl || sl->len == 0) {
            R(ins.a).p = nullptr;
        } else {
            R(ins.a) = Value::fromObj(heap.newString(std::string_view(
                reinterpret_cast<const char*>(sl->array->data + sl->off), size_t(sl->len))));
        }
        DISPATCH();
    }
    CASE(BYTESFROMSTR) {
        SAVEPC();
        auto sv = strView(R(ins.b));
        ArrayObj* a = heap.newArray(int64_t(sv.size()), 1, false, byteType_);
        if (!sv.empty()) std::memcpy(a->data, sv.data(), sv.size());
        R(ins.a) = Value::fromObj(heap.newSlice(a, 0, int64_t(sv.size()), int64_t(sv.size())));
        DISPATCH();
    }
    CASE(RUNESFROMSTR) {
        SAVEPC();
        auto sv = strView(R(ins.b));
        const auto* p = reinterpret_cast<const uint8_t*>(sv.data());
        int64_t n = int64_t(sv.size()), count = 0;
        for (int64_t i = 0; i < n; count++) {
            int w;
            utf8::decode(p + i, n - i, &w);
            i += w;
        }
        ArrayObj* a = heap.newArray(count, 8, false, runeType_);
        int64_t j = 0;
        for (int64_t i = 0; i < n; j++) {
            int w;
            a->slots()[j].i = utf8::decode(p + i, n - i, &w);
            i += w;
        }
        R(ins.a) = Value::fromObj(heap.newSlice(a, 0, count, count));
        DISPATCH();
    }
    CASE(STRFROMRUNES) {
        SAVEPC();
        auto* sl = static_cast<SliceObj*>(R(ins.b).p);
        std::string out;
        if (sl)
            for (int64_t i = 0; i < sl->len; i++) utf8::append(out, sl->array->slots()[sl->off + i].i);
        R(ins.a) = out.empty() ? Value{} : Value::fromObj(heap.newString(out));
        DISPATCH();
    }
    CASE(NEXTRUNE) {
        auto* s = static_cast<StringObj*>(R(ins.b).p);
        int64_t i = R(ins.c).i;
        int w;
        R(ins.a).i = utf8::decode(s->data + i, s->len - i, &w);
        R(ins.a + 1).i = w;
        DISPATCH();
    }

    // ---- arrays and slices ----------------------------------------------------------------------
    CASE(NEWARRAY) {
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newArrayValue(prog.types[ins.bx()].get()));
        DISPATCH();
    }
    CASE(MAKESLICE) {
        SAVEPC();
        const RType* t = prog.types[pc->bx()].get();
        pc++;
        try {
            R(ins.a) = Value::fromObj(makeSlice(heap, t, R(ins.b).i, R(ins.c).i));
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        DISPATCH();
    }
    CASE(LENSL) { auto* s = static_cast<SliceObj*>(R(ins.b).p); R(ins.a).i = s ? s->len : 0; DISPATCH(); }
    CASE(CAPSL) { auto* s = static_cast<SliceObj*>(R(ins.b).p); R(ins.a).i = s ? s->cap : 0; DISPATCH(); }
    CASE(GETSL) {
        auto* s = static_cast<SliceObj*>(R(ins.b).p);
        int64_t i = R(ins.c).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        R(ins.a) = s->array->slots()[s->off + i];
        DISPATCH();
    }
    CASE(SETSL) {
        auto* s = static_cast<SliceObj*>(R(ins.a).p);
        int64_t i = R(ins.b).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        STORE_REF(s->array->slots()[s->off + i], R(ins.c), s->array->elemIsRef);
        DISPATCH();
    }
    CASE(GETSLB) {
        auto* s = static_cast<SliceObj*>(R(ins.b).p);
        int64_t i = R(ins.c).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        R(ins.a).u = s->array->data[s->off + i];
        DISPATCH();
    }
    CASE(SETSLB) {
        auto* s = static_cast<SliceObj*>(R(ins.a).p);
        int64_t i = R(ins.b).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        s->array->data[s->off + i] = uint8_t(R(ins.c).u);
        DISPATCH();
    }
    CASE(GETARR) {
        auto* a = static_cast<ArrayObj*>(R(ins.b).p);
        if (!a) NILDEREF();
        int64_t i = R(ins.c).i;
        if (uint64_t(i) >= uint64_t(a->len)) RT_ERROR(fmtIndex(i, a->len));
        R(ins.a) = a->slots()[i];
        DISPATCH();
    }
    CASE(SETARR) {
        auto* a = static_cast<ArrayObj*>(R(ins.a).p);
        if (!a) NILDEREF();
        int64_t i = R(ins.b).i;
        if (uint64_t(i) >= uint64_t(a->len)) RT_ERROR(fmtIndex(i, a->len));
        STORE_REF(a->slots()[i], R(ins.c), a->elemIsRef);
        DISPATCH();
    }
    CASE(GETARRB) {
        auto* a = static_cast<ArrayObj*>(R(ins.b).p);
        if (!a) NILDEREF();
        int64_t i = R(ins.c).i;
        if (uint64_t(i) >= uint64_t(a->len)) RT_ERROR(fmtIndex(i, a->len));
        R(ins.a).u = a->data[i];
        DISPATCH();
    }
    CASE(SETARRB) {
        auto* a = static_cast<ArrayObj*>(R(ins.a).p);
        if (!a) NILDEREF();
        int64_t i = R(ins.b).i;
        if (uint64_t(i) >= uint64_t(a->len)) RT_ERROR(fmtIndex(i, a->len));
        a->data[i] = uint8_t(R(ins.c).u);
        DISPATCH();
    }
    CASE(SLICESL)
    CASE(SLICESL3) {
        auto* s = static_cast<SliceObj*>(R(ins.b).p);
        bool three = ins.op == Op::SLICESL3;
        int64_t cap = s ? s->cap : 0;
        int64_t lo = R(ins.c).i, hi = R(ins.c + 1).i, max = three ? R(ins.c + 2).i : cap;
        if (!sliceInRange(lo, hi, max, cap)) RT_ERROR(sliceBoundsMessage(lo, hi, max, cap, three, "capacity"));
        SAVEPC();
        if (!s) {
            R(ins.a).p = nullptr; // nil[0:0] is nil
        } else {
            R(ins.a) = Value::fromObj(heap.newSlice(s->array, s->off + lo, hi - lo, max - lo));
        }
        DISPATCH();
    }
    CASE(SLICEARR)
    CASE(SLICEARR3) {
        auto* a = static_cast<ArrayObj*>(R(ins.b).p);
        pc++; // the EXTRA word (slice type) is not needed: the array knows its elements
        if (!a) NILDEREF();
        bool three = ins.op == Op::SLICEARR3;
        int64_t len = a->len;
        int64_t lo = R(ins.c).i, hi = R(ins.c + 1).i, max = three ? R(ins.c + 2).i : len;
        if (!sliceInRange(lo, hi, max, len)) RT_ERROR(sliceBoundsMessage(lo, hi, max, len, three, "length"));
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newSlice(a, lo, hi - lo, max - lo));
        DISPATCH();
    }
    CASE(APPEND) {
        SAVEPC();
        const RType* t = prog.types[pc->bx()].get();
        pc++;
        Value v = R(ins.c);
        SliceObj* s = appendGrow(heap, t, static_cast<SliceObj*>(R(ins.b).p), 1);
        int64_t at = s->off + s->len - 1;
        if (s->array->elemSize == 1) s->array->data[at] = uint8_t(v.u);
        else STORE_REF(s->array->slots()[at], v, s->array->elemIsRef);
        R(ins.a) = Value::fromObj(s);
        DISPATCH();
    }
    CASE(APPENDN) {
        SAVEPC();
        const RType* t = prog.types[pc->bx()].get();
        pc++;
        R(ins.a) = Value::fromObj(appendGrow(heap, t, static_cast<SliceObj*>(R(ins.b).p), ins.c));
        DISPATCH();
    }
    CASE(SETTAIL) {
        auto* s = static_cast<SliceObj*>(R(ins.a).p);
        int64_t at = s->off + s->len - ins.c;
        if (s->array->elemSize == 1) s->array->data[at] = uint8_t(R(ins.b).u);
        else STORE_REF(s->array->slots()[at], R(ins.b), s->array->elemIsRef);
        DISPATCH();
    }
    CASE(APPENDSL) {
        SAVEPC();
        const RType* t = prog.types[pc->bx()].get();
        pc++;
        auto* src = static_cast<SliceObj*>(R(ins.c).p);
        auto* dst = static_cast<SliceObj*>(R(ins.b).p);
        int64_t n = src ? src->len : 0;
        if (n == 0) {
            R(ins.a) = R(ins.b);
            DISPATCH();
        }
        SliceObj* s = appendGrow(heap, t, dst, n);
        ArrayObj* sa = src->array;
        ArrayObj* da = s->array;
        int64_t at = s->off + s->len - n;
        if (da->elemType && da->elemType->isBoxed()) {
            for (int64_t i = 0; i < n; i++)
                STORE_REF(da->slots()[at + i], cloneValue(heap, sa->slots()[src->off + i]), true);
        } else if (wb.on() && da->elemIsRef) {
            wb.copySlots(da->slots() + at, sa->slots() + src->off, n);
        } else {
            std::memmove(da->data + size_t(at) * da->elemSize, sa->data + size_t(src->off) * sa->elemSize,
                         size_t(n) * da->elemSize);
        }
        R(ins.a) = Value::fromObj(s);
        DISPATCH();
    }
    CASE(APPENDSTR) {
        SAVEPC();
        auto sv = strView(R(ins.c));
        if (sv.empty()) {
            R(ins.a) = R(ins.b);
            DISPATCH();
        }
        SliceObj* s = appendGrow(heap, byteSliceType_, static_cast<SliceObj*>(R(ins.b).p), int64_t(sv.size()));
        std::memcpy(s->array->data + s->off + s->len - int64_t(sv.size()), sv.data(), sv.size());
        R(ins.a) = Value::fromObj(s);
        DISPATCH();
    }
    CASE(COPY) {
        auto* d = static_cast<SliceObj*>(R(ins.b).p);
        auto* s = static_cast<SliceObj*>(R(ins.c).p);
        int64_t n = (d && s) ? std::min(d->len, s->len) : 0;
        if (n > 0) {
            ArrayObj* da = d->array;
            ArrayObj* sa = s->array;
            if (da->elemType && da->elemType->isBoxed()) {
                // Overlap-safe order for copies within one array.
                if (da == sa && d->off > s->off) {
                    for (int64_t i = n - 1; i >= 0; i--)
                        copyInto(da->slots()[d->off + i].p, sa->slots()[s->off + i].p, wb);
                } else {
                    for (int64_t i = 0; i < n; i++) copyInto(da->slots()[d->off + i].p, sa->slots()[s->off + i].p, wb);
                }
            } else if (wb.on() && da->elemIsRef) {
                wb.copySlots(da->slots() + d->off, sa->slots() + s->off, n);
            } else {
                std::memmove(da->data + size_t(d->off) * da->elemSize, sa->data + size_t(s->off) * sa->elemSize,
                             size_t(n) * da->elemSize);
            }
        }
        R(ins.a).i = n;
        DISPATCH();
    }
    CASE(COPYSTR) {
        auto* d = static_cast<SliceObj*>(R(ins.b).p);
        auto sv = strView(R(ins.c));
        int64_t n = d ? std::min<int64_t>(d->len, int64_t(sv.size())) : 0;
        if (n > 0) std::memmove(d->array->data + d->off, sv.data(), size_t(n));
        R(ins.a).i = n;
        DISPATCH();
    }
    CASE(SL2ARR) {
        const RType* at = prog.types[ins.c].get();
        auto* s = static_cast<SliceObj*>(R(ins.b).p);
        int64_t len = s ? s->len : 0;
        if (len < at->len)
            RT_ERROR("cannot convert slice with length " + std::to_string(len) + " to pointer to array with length " +
                     std::to_string(at->len));
        if (!s) {
            R(ins.a).p = nullptr; // (*[0]T)(nil) is nil
            DISPATCH();
        }
        if (s->off == 0 && s->array->len == at->len) {
            R(ins.a) = Value::fromObj(s->array); // the same memory, as in Go
            DISPATCH();
        }
        // gol cannot alias part of an array as an array value (docs/language.md): copy.
        SAVEPC();
        ArrayObj* a = heap.newArrayValue(at);
        ArrayObj* src = s->array;
        if (a->elemType && a->elemType->isBoxed()) {
            for (int64_t i = 0; i < at->len; i++) copyIntoFresh(a->slots()[i].p, src->slots()[s->off + i].p);
        } else {
            std::memcpy(a->data, src->data + size_t(s->off) * src->elemSize, size_t(at->len) * a->elemSize);
        }
        R(ins.a) = Value::fromObj(a);
        DISPATCH();
    }
    CASE(CLEARSL) {
        auto* s = static_cast<SliceObj*>(R(ins.a).p);
        if (s) {
            ArrayObj* a = s->array;
            if (a->elemType && a->elemType->isBoxed()) {
                SAVEPC();
                for (int64_t i = 0; i < s->len; i++) STORE_REF(a->slots()[s->off + i], heap.zeroValue(a->elemType), true);
            } else if (wb.on() && a->elemIsRef) {
                wb.clearSlots(a->slots() + s->off, s->len);
            } else {
                std::memset(a->data + size_t(s->off) * a->elemSize, 0, size_t(s->len) * a->elemSize);
            }
        }
        DISPATCH();
    }

    // ---- structs, boxes and pointers ------------------------------------------------------------
    CASE(NEWBOX) {
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newBox(prog.types[ins.bx()].get()));
        DISPATCH();
    }
    CASE(GETF) {
        auto* b = static_cast<BoxObj*>(R(ins.b).p);
        if (!b) NILDEREF();
        R(ins.a) = b->fields[ins.c];
        DISPATCH();
    }
    CASE(SETF) {
        auto* b = static_cast<BoxObj*>(R(ins.a).p);
        if (!b) NILDEREF();
        STORE_REF(b->fields[ins.b], R(ins.c), b->type()->fields[ins.b].type->isRef());
        DISPATCH();
    }
    CASE(CLONE) {
        if (!R(ins.b).p) NILDEREF();
        SAVEPC();
        R(ins.a) = cloneValue(heap, R(ins.b));
        DISPATCH();
    }
    CASE(COPYINTO) {
        if (!R(ins.a).p || !R(ins.b).p) NILDEREF();
        copyInto(R(ins.a).p, R(ins.b).p, wb);
        DISPATCH();
    }
    CASE(NILCHECK) {
        if (!R(ins.a).p) NILDEREF();
        DISPATCH();
    }
    CASE(NEWCELL) {
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newCell(R(ins.b), ins.c != 0));
        DISPATCH();
    }
    CASE(LOADP) {
        auto* p = static_cast<PtrObj*>(R(ins.b).p);
        if (!p) NILDEREF();
        std::memcpy(&R(ins.a), p->slot, sizeof(Value));
        DISPATCH();
    }
    CASE(STOREP) {
        auto* p = static_cast<PtrObj*>(R(ins.a).p);
        if (!p) NILDEREF();
        if (wb.on()) storeThroughPtr(wb, p, R(ins.b));
        else std::memcpy(p->slot, &R(ins.b), sizeof(Value));
        DISPATCH();
    }
    CASE(LOADPB) {
        auto* p = static_cast<PtrObj*>(R(ins.b).p);
        if (!p) NILDEREF();
        R(ins.a).u = *p->slot;
        DISPATCH();
    }
    CASE(STOREPB) {
        auto* p = static_cast<PtrObj*>(R(ins.a).p);
        if (!p) NILDEREF();
        *p->slot = uint8_t(R(ins.b).u);
        DISPATCH();
    }
    CASE(REFSL) {
        auto* s = static_cast<SliceObj*>(R(ins.b).p);
        int64_t i = R(ins.c).i, n = s ? s->len : 0;
        if (uint64_t(i) >= uint64_t(n)) RT_ERROR(fmtIndex(i, n));
        SAVEPC();
        ArrayObj* a = s->array;
        R(ins.a) = Value::fromObj(heap.newRef(a, a->data + size_t(s->off + i) * a->elemSize));
        DISPATCH();
    }
    CASE(REFARR) {
        auto* a = static_cast<ArrayObj*>(R(ins.b).p);
        if (!a) NILDEREF();
        int64_t i = R(ins.c).i;
        if (uint64_t(i) >= uint64_t(a->len)) RT_ERROR(fmtIndex(i, a->len));
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newRef(a, a->data + size_t(i) * a->elemSize));
        DISPATCH();
    }
    CASE(REFF) {
        auto* b = static_cast<BoxObj*>(R(ins.b).p);
        if (!b) NILDEREF();
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newRef(b, reinterpret_cast<uint8_t*>(&b->fields[ins.c])));
        DISPATCH();
    }

    // ---- maps -----------------------------------------------------------------------------------
    CASE(MAKEMAP) {
        SAVEPC();
        auto* m = static_cast<MapObj*>(heap.alloc(ObjKind::Map, sizeof(MapObj)));
        new (&m->entries) std::vector<MapEntry>();
        new (&m->index) decltype(m->index)();
        m->type = prog.types[ins.bx()].get();
        m->count = 0;
        m->compactions = 0;
        R(ins.a) = Value::fromObj(m);
        DISPATCH();
    }
    CASE(MAPGET)
    CASE(MAPGET2) {
        SAVEPC();
        const RType* et = prog.types[pc->bx()].get();
        pc++;
        Value* v;
        try {
            v = mapFind(static_cast<MapObj*>(R(ins.b).p), R(ins.c));
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        bool ok = v != nullptr;
        R(ins.a) = ok ? *v : heap.zeroValue(et);
        if (ins.op == Op::MAPGET2) R(ins.a + 1).u = ok;
        DISPATCH();
    }
    CASE(MAPSET) {
        auto* m = static_cast<MapObj*>(R(ins.a).p);
        if (!m) RT_ERROR_PLAIN("assignment to entry in nil map");
        SAVEPC();
        try {
            if (wb.on()) wb.beforeMutate(m); // shades the old contents: the store needs no barrier
            Value* slot = mapInsert(m, R(ins.b));
            STORE_REF(*slot, R(ins.c), false);
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        DISPATCH();
    }
    CASE(MAPDEL) {
        SAVEPC();
        try {
            if (wb.on() && R(ins.a).p) wb.beforeMutate(R(ins.a).p);
            mapDelete(static_cast<MapObj*>(R(ins.a).p), R(ins.b));
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        DISPATCH();
    }
    CASE(LENMAP) { auto* m = static_cast<MapObj*>(R(ins.b).p); R(ins.a).i = m ? m->count : 0; DISPATCH(); }
    CASE(CLEARMAP) {
        if (wb.on() && R(ins.a).p) wb.beforeMutate(R(ins.a).p);
        mapClear(static_cast<MapObj*>(R(ins.a).p));
        DISPATCH();
    }
    CASE(MAPITER) {
        SAVEPC();
        auto* it = static_cast<MapIterObj*>(heap.alloc(ObjKind::MapIter, sizeof(MapIterObj)));
        it->map = static_cast<MapObj*>(R(ins.b).p);
        it->compactions = it->map ? it->map->compactions : 0;
        R(ins.a) = Value::fromObj(it);
        DISPATCH();
    }
    CASE(MAPNEXT) {
        auto* it = static_cast<MapIterObj*>(R(ins.b).p);
        bool more;
        if (wb.on()) wb.beforeMutate(it); // it->lastKey changes
        try {
            more = mapIterNext(it, &R(ins.a), &R(ins.a + 1));
        } catch (RuntimeError& e) {
            RT_ERROR(e.msg);
        }
        if (!more) JUMP(ins.sc());
        DISPATCH();
    }

    // ---- interfaces -----------------------------------------------------------------------------
    CASE(TOIFACE) {
        SAVEPC();
        R(ins.a) = Value::fromObj(heap.newIface(prog.types[ins.c].get(), R(ins.b)));
        DISPATCH();
    }
    CASE(ASSERT)
    CASE(ASSERT2) {
        const RType* target = prog.types[ins.c].get();
        auto* iv = static_cast<IfaceObj*>(R(ins.b).p);
        bool ok = iv && (target->kind == Kind::Interface ? implements(iv->type, target) : iv->type == target);
        if (ins.op == Op::ASSERT2) {
            if (ok) {
                R(ins.a) = target->kind == Kind::Interface ? R(ins.b) : iv->value;
            } else {
                SAVEPC();
                R(ins.a) = target->kind == Kind::Interface ? Value{} : heap.zeroValue(target);
            }
            R(ins.a + 1).u = ok;
            DISPATCH();
        }
        const RType* staticType = prog.types[pc->bx()].get();
        pc++;
        if (!ok) RT_ERROR_PLAIN(assertionMessage(iv ? iv->type : nullptr, target, staticType));
        R(ins.a) = target->kind == Kind::Interface ? R(ins.b) : iv->value;
        DISPATCH();
    }

    // ---- channels and select --------------------------------------------------------------------
    CASE(MAKECHAN) {
        SAVEPC();
        int64_t size = R(ins.b).i;
        if (size < 0 || size > (int64_t(1) << 40)) RT_ERROR_PLAIN("makechan: size out of range");
        R(ins.a) = Value::fromObj(newChan(prog.types[ins.c].get(), size));
        DISPATCH();
    }
    CASE(SEND) {
        SAVEPC();
        rt::Chan* c = chanOf(R(ins.a));
        if (!c) {
            rt::gopark(nullptr, nullptr, rt::WaitReason::ChanSendNilChan);
            DISPATCH(); // never resumed
        }
        if (rt::chansend(c, R(ins.b).u, true) == rt::SendResult::Closed) RT_ERROR_PLAIN("send on closed channel");
        RELOAD();
        DISPATCH();
    }
    CASE(RECV)
    CASE(RECV2) {
        SAVEPC();
        rt::Chan* c = chanOf(R(ins.b));
        if (!c) {
            rt::gopark(nullptr, nullptr, rt::WaitReason::ChanReceiveNilChan);
            DISPATCH();
        }
        uint64_t v = 0;
        bool ok = false;
        rt::chanrecv(c, &v, &ok, true);
        RELOAD();
        // The value may have left a buffer the marker has not scanned yet (gc.cpp).
        if (wb.on() && c->elemIsPointer()) wb.shade(reinterpret_cast<Obj*>(v));
        R(ins.a).u = v;
        if (!ok) {
            // A closed channel yields the zero value: for struct and array elements, a zero box.
            const RType* et = static_cast<ChanObj*>(R(ins.b).p)->type->elem;
            if (et->isBoxed()) R(ins.a) = heap.zeroValue(et);
        }
        if (ins.op == Op::RECV2) R(ins.a + 1).u = ok;
        DISPATCH();
    }
    CASE(CLOSE) {
        SAVEPC();
        switch (rt::closechan(chanOf(R(ins.a)))) {
        case rt::ChanError::CloseOfNil: RT_ERROR_PLAIN("close of nil channel");
        case rt::ChanError::CloseOfClosed: RT_ERROR_PLAIN("close of closed channel");
        default: break;
        }
        DISPATCH();
    }
    CASE(LENCH) { rt::Chan* c = chanOf(R(ins.b)); R(ins.a).i = c ? c->len() : 0; DISPATCH(); }
    CASE(CAPCH) { rt::Chan* c = chanOf(R(ins.b)); R(ins.a).i = c ? c->cap() : 0; DISPATCH(); }
    CASE(SELECT) {
        SAVEPC();
        int r = execSelect(th, ins, *pc, heap, wb);
        pc++;
        RELOAD();
        if (r == kSelectTooManyCases) RT_ERROR("select with more than 64 cases");
        if (r == kSelectSendOnClosed) RT_ERROR_PLAIN("send on closed channel");
        DISPATCH();
    }

    // ---- builtins -------------------------------------------------------------------------------
    CASE(PRINT) {
        SAVEPC();
        std::string out;
        for (uint32_t i = 0; i < ins.b; i++) {
            if (i > 0 && ins.c) out += ' ';
            out += builtinPrintString(R(ins.a + i));
        }
        if (ins.c) out += '\n';
        writeStderr(out);
        DISPATCH();
    }

    // ---- natives: common tail -------------------------------------------------------------------
after_native:
    // callNative may have run script code (callbacks) or parked: the stack may have moved, and a
    // panic raised inside it is pending in th.pendingPanic.
    if (th.pendingPanicKind != 0) {
        int kind = th.pendingPanicKind;
        th.pendingPanicKind = 0;
        LOAD_FRAME();
        if (kind == 1) {
            errMsg = std::move(th.pendingError);
            goto runtime_error;
        }
        if (kind == 2) {
            panicVal = th.pendingPanicValue;
            goto start_panic;
        }
        if (kind == 4) {
            PanicRec exit{};
            exit.goexit = true;
            th.panics.push_back(exit);
            goto dispatch_panic;
        }
        goto dispatch_panic; // kind 3: a panic unwound out of a callback
    }
    LOAD_FRAME();
    DISPATCH();

    // ---- panics ---------------------------------------------------------------------------------
plain_runtime_error:
    panicVal = runtimeErrorValue(errMsg, /*prefixed=*/false);
    goto start_panic;

runtime_error:
    panicVal = runtimeErrorValue(errMsg);
    // fallthrough

start_panic:
    for (auto& p : th.panics)
        if (!p.recovered) p.aborted = true;
    th.panics.push_back(PanicRec{panicVal});
    // fallthrough

dispatch_panic : {
    // Run the innermost pending deferred call on top of the panicking frames (they stay on the
    // stack for the trace); when none is left in this execute()'s segment, leave it.
    size_t boundary = th.frames.size() - 1;
    while (th.frames[boundary].kind != FrameKind::Boundary) boundary--;
    PanicRec& p = th.panics.back();
    if (!th.defers.empty() && th.defers.back().frameIndex >= boundary) {
        DeferRec d = th.defers.back();
        th.defers.pop_back();
        p.deferFrame = d.frameIndex;
        Frame& top = th.frames.back();
        uint32_t nb = top.base + top.proto->numRegs;
        if (!th.ensureStack(nb + d.numArgs + 1)) goto stack_overflow;
        if (d.numArgs) // deferArgs.data() may be null, which memcpy must not see even for 0 bytes
            std::memcpy(th.stack + nb, th.deferArgs.data() + d.argStart, d.numArgs * sizeof(Value));
        th.deferArgs.resize(d.argStart);
        if (!d.fn) {
            errMsg = "invalid memory address or nil pointer dereference";
            goto runtime_error;
        }
        if (d.fn->proto) {
            PUSH_FRAME(d.fn->proto, d.fn, nb, d.numArgs, FrameKind::PanicDeferCall);
            DISPATCH();
        }
        callNative(th, d.fn->native, nullptr, nb, d.numArgs);
        if (th.pendingPanicKind != 0) goto after_native;
        goto dispatch_panic;
    }
    if (boundary == 0) {
        if (p.goexit) {
            // runtime.Goexit: every deferred call ran; the goroutine ends here.
            th.panics.clear();
            th.frames.clear();
            rt::goexitNow();
        }
        fatalPanic(th); // unrecovered: report and end the program
    }
    clearAbove(th, boundary - 1);
    th.frames.resize(boundary);
    th.pendingPanicKind = 3;
    throw PanicUnwind{};
}

panic_defer_returned : {
    PanicRec& p = th.panics.back();
    if (!p.recovered) goto dispatch_panic;
    // Recovered: the frame that deferred the call returns normally through its epilogue.
    uint32_t target = p.deferFrame;
    th.panics.pop_back();
    while (!th.panics.empty() && th.panics.back().aborted) th.panics.pop_back();
    clearAbove(th, target);
    th.frames.resize(target + 1);
    Frame& f = th.frames.back();
    f.pc = f.proto->code.data() + f.proto->epiloguePc;
    LOAD_FRAME();
    DISPATCH();
}

stack_overflow:
    stackOverflow(th);
}

} // namespace gol::vm
