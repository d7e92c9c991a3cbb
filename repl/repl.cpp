#include "repl/repl.hpp"

#include <cstdio>

namespace gol::repl {

int run() {
    // The REPL needs incremental compilation (one input at a time, state kept): not built yet.
    std::fputs("gol: the interactive REPL is not available yet; run a program with: gol FILE.gol\n"
               "Run 'gol help' for usage.\n",
               stderr);
    return 2;
}

} // namespace gol::repl
