// The gol command: run a program, disassemble it, or start the REPL.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return gol::cli::main(argc, argv); }
