// The garbage collector's interface (the algorithm and its invariants: vm/gc.cpp).
#pragma once

#include <cstdint>

namespace gol::vm {

class VM;
struct Thread;

class Collector {
public:
    // One full collection: stops the world (when called on a goroutine), marks from every root,
    // sweeps, sets the next heap goal from GOGC, restarts the world.
    void collect(VM& vm, Thread* self);

    void setTrace(bool on) { gctrace_ = on; }
    uint64_t pauseTotalNs() const { return pauseTotalNs_; }

private:
    bool gctrace_ = false;
    uint64_t pauseTotalNs_ = 0;
};

} // namespace gol::vm
