#include "vm/instr.hpp"

namespace gol::vm {

using namespace opflag;

const OpInfo kOpInfo[kNumOps] = {
#define OP(name, fmt, flags, doc) {#name, OpFormat::fmt, uint8_t(flags), doc},
#include "vm/opcodes.def"
#undef OP
};

} // namespace gol::vm
