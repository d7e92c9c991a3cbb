// The interactive REPL (`gol` with no arguments).
#pragma once

namespace gol::repl {

// Reads inputs from stdin until EOF; returns the process exit status.
int run();

} // namespace gol::repl
