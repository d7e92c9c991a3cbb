// fmt's scanning (Go's fmt/scan.go): Sscan/Sscanln/Sscanf over a string, Scan/Scanln/Scanf
// over standard input and Fscan/Fscanln/Fscanf over an io.Reader, storing through the pointer
// operands by their runtime types.
//
// Standard input is read one byte at a time with read(2), like Go's fmt on an os.File (which is
// not an io.RuneScanner): nothing is buffered between calls, so fmt.Scan mixes with os.Stdin reads
// as in Go (and, as in Go, may consume one rune past what it returns).
#pragma once

#include "vm/native.hpp"

#include <vector>

namespace gol::stdlib::fmt {

// Registers the natives sscan, sscanf, fscan, fscanf, scan and scanf of package fmt.
void addScanNatives(std::vector<vm::NativeDef>& natives);

} // namespace gol::stdlib::fmt
