// Helpers shared by the runtime unit tests.
#pragma once

#include "runtime/runtime.hpp"

namespace gol::rt::test {

inline RuntimeOptions procs(int n) {
    RuntimeOptions o;
    o.gomaxprocs = n;
    return o;
}

// What the interpreter does at a safepoint (function entry, backward branch).
inline void safepoint() {
    G* gp = getg();
    if (gp->preempt.load(std::memory_order_relaxed)) preemptPark();
}

} // namespace gol::rt::test
