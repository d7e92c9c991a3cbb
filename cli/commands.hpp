// The gol command line: run, disasm, version, help, and the REPL.
#pragma once

namespace gol::cli {

int main(int argc, char** argv);

} // namespace gol::cli
