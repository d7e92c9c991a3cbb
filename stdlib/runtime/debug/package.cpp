// Package runtime/debug: the collector's knobs at run time (SetGCPercent, SetMemoryLimit) and
// FreeOSMemory. As Go's, the setters stop the world: the heap reads its knobs on every
// allocation without synchronisation (vm/heap.hpp), and stopping the world orders the change
// before every goroutine's next allocation.
#include "runtime/runtime.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "vm/heap.hpp"

#include <algorithm>
#include <cstdint>
#include <malloc.h>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package debug

// SetGCPercent sets GOGC (a negative percentage turns the collector off) and returns the
// previous setting. The new goal takes effect from the next cycle.
func SetGCPercent(percent int) int

// SetMemoryLimit sets GOMEMLIMIT in bytes (math.MaxInt64: none) and returns the previous
// limit; a negative limit only reads it.
func SetMemoryLimit(limit int64) int64

// FreeOSMemory runs a collection and returns free memory to the operating system.
func FreeOSMemory()
)go";

constexpr int64_t kMaxInt64 = INT64_MAX;

template <class F> void withWorldStopped(NativeCall& c, F&& f) {
    rt::Runtime& r = c.vm.runtime();
    r.stopTheWorld();
    f();
    r.startTheWorld();
}

void nSetGCPercent(NativeCall& c) {
    int64_t p = argInt(c, 0);
    vm::Heap& heap = c.vm.heap();
    int prev = heap.gcPercent();
    int next = p < 0 ? -1 : int(std::min<int64_t>(p, INT32_MAX));
    withWorldStopped(c, [&] {
        heap.setGCPercent(next);
        // Off: a collection the heap's growth already asked for is void (one the memory limit
        // asked for stays).
        if (next < 0 && !heap.limitCollectionDue()) heap.clearCollectionRequest();
    });
    c.result(0, Value::fromInt(prev < 0 ? -1 : prev));
}

void nSetMemoryLimit(NativeCall& c) {
    int64_t limit = argInt(c, 0);
    vm::Heap& heap = c.vm.heap();
    uint64_t prev = heap.memoryLimit();
    if (limit >= 0) {
        uint64_t next = limit == kMaxInt64 ? UINT64_MAX : uint64_t(limit);
        withWorldStopped(c, [&] { heap.setMemoryLimit(next); });
    }
    c.result(0, Value::fromInt(prev >= uint64_t(kMaxInt64) ? kMaxInt64 : int64_t(prev)));
}

void nFreeOSMemory(NativeCall& c) {
    c.vm.heap().countForcedGC();
    c.vm.heap().clearCollectionRequest();
    c.vm.collectGarbage(&c.thread);
    ::malloc_trim(0);
}

} // namespace

vm::PackageDef makeRuntimeDebugPackage() {
    return {"runtime/debug",
            kSource,
            {
                {"SetGCPercent", nSetGCPercent},
                {"SetMemoryLimit", nSetMemoryLimit},
                {"FreeOSMemory", nFreeOSMemory},
            }};
}

} // namespace gol::stdlib
