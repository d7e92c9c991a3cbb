// The bytecode listing behind `gol disasm FILE`, generated from the opcode table.
#pragma once

#include "vm/program.hpp"

#include <string>

namespace gol::vm {

// One function: header (name, params, results, registers, upvalues, constants), then one line per
// instruction: pc, source line, opcode name and operands per its OpFormat, with constants, types,
// functions and natives resolved and jump targets as absolute pcs.
std::string disassemble(const Program& prog, const Proto& proto);
// Every function of the program, in F[] order.
std::string disassemble(const Program& prog);

} // namespace gol::vm
