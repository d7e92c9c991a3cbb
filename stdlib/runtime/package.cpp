// Package runtime (the Go package): scheduler controls over rt::Runtime, the GC over the VM's
// collector, MemStats from the heap's counters. Goexit runs the goroutine's deferred calls and
// then ends it (NativeCall::goexit).
#include "runtime/runtime.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"
#include "vm/heap.hpp"
#include "vm/thread.hpp"

#include <algorithm>
#include <malloc.h>
#include <string_view>
#include <thread>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package runtime

const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "gol"

func Gosched()
func GOMAXPROCS(n int) int
func NumGoroutine() int
func NumCPU() int
func GC()
func Goexit()

// Error identifies a run time error: what runtime panics carry (the VM's runtime error values
// have both methods).
type Error interface {
	error
	RuntimeError()
}
func Version() string

// MemStats: the fields gol measures (docs/gc.md says what each means here). Sys, HeapSys and
// HeapIdle are the system allocator's: memory obtained from the OS for the whole process.
type MemStats struct {
	Alloc        uint64
	TotalAlloc   uint64
	Sys          uint64
	Lookups      uint64
	Mallocs      uint64
	Frees        uint64
	HeapAlloc    uint64
	HeapSys      uint64
	HeapIdle     uint64
	HeapInuse    uint64
	HeapObjects  uint64
	NextGC       uint64
	LastGC       uint64
	PauseTotalNs uint64
	PauseNs      [256]uint64
	PauseEnd     [256]uint64
	NumGC        uint32
	NumForcedGC  uint32
	EnableGC     bool
	DebugGC      bool
}

func readMemStats(m *MemStats)

func ReadMemStats(m *MemStats) {
	readMemStats(m)
}
)go";

void nGosched(NativeCall&) {
    rt::gosched();
}

void nGOMAXPROCS(NativeCall& c) {
    int64_t n = argInt(c, 0);
    int prev = rt::getRuntime()->setGomaxprocs(n > 0 ? int(n) : 0);
    c.result(0, Value::fromInt(prev));
}

void nNumGoroutine(NativeCall& c) {
    c.result(0, Value::fromInt(rt::getRuntime()->numGoroutine()));
}

void nNumCPU(NativeCall& c) {
    unsigned n = std::thread::hardware_concurrency();
    c.result(0, Value::fromInt(n ? n : 1));
}

// A whole new cycle, as Go's runtime.GC(): a cleared request makes the collector wait out a
// cycle already running and run its own.
void nGC(NativeCall& c) {
    c.vm.heap().countForcedGC();
    c.vm.heap().clearCollectionRequest();
    c.vm.collectGarbage(&c.thread);
}

void nVersion(NativeCall& c) {
    c.result(0, c.str("go1.22-gol"));
}

// runtime.Goexit: the interpreter runs the deferred calls of every frame (recover returns nil for
// it) and then ends the goroutine (vm/interp.cpp, dispatch_panic).
void nGoexit(NativeCall& c) { c.goexit(); }

// Fills *m field by field (by name, so the Go declaration above may change order). The fields
// are scalars or arrays of scalars (PauseNs, PauseEnd: boxed arrays the struct owns), so no
// write barrier is needed.
void nReadMemStats(NativeCall& c) {
    auto* m = static_cast<vm::BoxObj*>(c.arg(0).p);
    if (!m) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    vm::HeapStats s = c.vm.heap().stats();
    // NumGC, PauseTotalNs, LastGC and the rings as one snapshot (the collector counts a cycle
    // and records its pauses together).
    vm::CycleRecords cr = c.vm.collector().cycleRecords();
    // The heap's span arenas plus the system allocator's view of the rest of the process (large
    // objects, maps' tables, the VM's own data): what each obtained from the OS and how much of
    // that holds nothing.
    struct mallinfo2 mi = ::mallinfo2();
    uint64_t sys = std::max<uint64_t>(s.spanSys + mi.arena + mi.hblkhd, s.heapAlloc);
    uint64_t idle = s.spanIdle + mi.fordblks;
    const auto& fields = m->type()->fields;
    for (size_t i = 0; i < fields.size(); i++) {
        std::string_view f = fields[i].name;
        uint64_t v = 0;
        if (f == "Alloc" || f == "HeapAlloc" || f == "HeapInuse") v = s.heapAlloc;
        else if (f == "TotalAlloc") v = s.totalAlloc;
        else if (f == "Sys" || f == "HeapSys") v = sys;
        else if (f == "HeapIdle") v = idle;
        else if (f == "Mallocs") v = s.mallocs;
        else if (f == "Frees") v = s.frees;
        else if (f == "HeapObjects") v = s.mallocs - s.frees;
        else if (f == "NextGC") v = c.vm.heap().gcPercent() < 0 ? c.vm.heap().memoryLimit() : std::min(s.nextGC, c.vm.heap().memoryLimit());
        else if (f == "PauseTotalNs") v = cr.pauseTotalNs;
        else if (f == "LastGC") v = cr.lastGC;
        else if (f == "NumGC") v = uint32_t(cr.numGC);
        else if (f == "NumForcedGC") v = uint32_t(s.numForcedGC);
        else if (f == "EnableGC") v = 1; // as Go: true even with GOGC=off
        else if (f == "PauseNs" || f == "PauseEnd") {
            const auto& ring = f == "PauseNs" ? cr.pauseNs : cr.pauseEnd;
            auto* a = static_cast<vm::ArrayObj*>(m->fields[i].p);
            for (int64_t k = 0; k < a->len && size_t(k) < ring.size(); k++)
                a->slots()[k] = Value::fromUint(ring[size_t(k)]);
            continue;
        }
        m->fields[i] = Value::fromUint(v);
    }
}

} // namespace

vm::PackageDef makeRuntimePackage() {
    return {"runtime",
            kSource,
            {
                {"Gosched", nGosched},
                {"GOMAXPROCS", nGOMAXPROCS},
                {"NumGoroutine", nNumGoroutine},
                {"NumCPU", nNumCPU},
                {"GC", nGC},
                {"Goexit", nGoexit},
                {"Version", nVersion},
                {"readMemStats", nReadMemStats},
            }};
}

} // namespace gol::stdlib
