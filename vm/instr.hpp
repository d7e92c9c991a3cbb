// Instruction encoding, generated views of the opcode table (vm/opcodes.def).
#pragma once

#include <cstdint>

namespace gol::vm {

enum class Op : uint8_t {
#define OP(name, fmt, flags, doc) name,
#include "vm/opcodes.def"
#undef OP
};

constexpr int kNumOps = 0
#define OP(name, fmt, flags, doc) +1
#include "vm/opcodes.def"
#undef OP
    ;
static_assert(kNumOps <= 256, "opcodes fit in a byte");

// Operand formats, as named in opcodes.def.
enum class OpFormat : uint8_t { none, A, AB, ABC, ABx, AsBx, sBx, sABC, ABsC, sABI, ABCX };

// Flags, as named in opcodes.def.
namespace opflag {
enum : uint8_t { P = 1, K = 2, S = 4, H = 8, C = 16 };
}

struct OpInfo {
    const char* name;
    OpFormat format;
    uint8_t flags;
    const char* doc;
};

extern const OpInfo kOpInfo[kNumOps];

inline const OpInfo& opInfo(Op op) { return kOpInfo[static_cast<int>(op)]; }

// One 8-byte instruction: op, a spare byte, three 16-bit operands.
// bx/sbx combine b (low half) and c (high half) into 32 bits.
struct Instr {
    Op op;
    uint8_t x = 0; // per-op extra byte (the int8 step of FORLT/FORLTI)
    uint16_t a = 0, b = 0, c = 0;

    uint32_t bx() const { return uint32_t(b) | (uint32_t(c) << 16); }
    int32_t sbx() const { return int32_t(bx()); }
    int16_t sa() const { return int16_t(a); }
    int16_t sc() const { return int16_t(c); }
    int8_t sx() const { return int8_t(x); }

    static Instr make(Op op, uint16_t a = 0, uint16_t b = 0, uint16_t c = 0) {
        Instr i;
        i.op = op; i.a = a; i.b = b; i.c = c;
        return i;
    }
    static Instr makeBx(Op op, uint16_t a, uint32_t bx) {
        return make(op, a, uint16_t(bx & 0xffff), uint16_t(bx >> 16));
    }
};
static_assert(sizeof(Instr) == 8, "instructions are 8 bytes");

} // namespace gol::vm
