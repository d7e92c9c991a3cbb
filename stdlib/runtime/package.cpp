// Package runtime (the Go package): scheduler controls over rt::Runtime, the GC over the VM's
// collector, MemStats from the heap's counters. Goexit runs the goroutine's deferred calls and
// then ends it (NativeCall::goexit).
#include "runtime/runtime.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"
#include "vm/heap.hpp"
#include "vm/thread.hpp"

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

type MemStats struct {
	Alloc        uint64
	TotalAlloc   uint64
	Sys          uint64
	Mallocs      uint64
	Frees        uint64
	HeapAlloc    uint64
	HeapSys      uint64
	HeapObjects  uint64
	NumGC        uint32
	PauseTotalNs uint64
}

func readMemStats() (alloc, total, mallocs, frees, numGC uint64)

func ReadMemStats(m *MemStats) {
	alloc, total, mallocs, frees, numGC := readMemStats()
	m.Alloc = alloc
	m.HeapAlloc = alloc
	m.TotalAlloc = total
	m.Sys = alloc
	m.HeapSys = alloc
	m.Mallocs = mallocs
	m.Frees = frees
	m.HeapObjects = mallocs - frees
	m.NumGC = uint32(numGC)
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

void nGC(NativeCall& c) {
    c.vm.collectGarbage(&c.thread);
}

void nVersion(NativeCall& c) {
    c.result(0, c.str("go1.22-gol"));
}

// runtime.Goexit: the interpreter runs the deferred calls of every frame (recover returns nil for
// it) and then ends the goroutine (vm/interp.cpp, dispatch_panic).
void nGoexit(NativeCall& c) { c.goexit(); }

void nReadMemStats(NativeCall& c) {
    vm::HeapStats s = c.vm.heap().stats();
    c.result(0, Value::fromUint(s.heapAlloc));
    c.result(1, Value::fromUint(s.totalAlloc));
    c.result(2, Value::fromUint(s.mallocs));
    c.result(3, Value::fromUint(s.frees));
    c.result(4, Value::fromUint(s.numGC));
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
