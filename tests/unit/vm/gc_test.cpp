// The collector's triggers and records that golden programs cannot reach: the periodic cycle
// (Go's forcegcperiod, 2 minutes) with its period shortened, and the pause records.
#include "vm/gc.hpp"
#include "vm/heap.hpp"
#include "vm/vm.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace gol::vm;

namespace {

// main.main: a counted loop of `iterations` that allocates nothing, so only the periodic rule
// can start a cycle (the heap stays far below its 4 MiB first goal). The backward branch is a
// safepoint: sysmon preempts the goroutine every 10 ms, and there the VM looks at the clock.
std::unique_ptr<Program> spinProgram(int32_t iterations) {
    auto prog = std::make_unique<Program>();
    auto it = std::make_unique<RType>();
    it->kind = Kind::Int;
    it->str = "int";
    prog->intType = it.get();
    prog->types.push_back(std::move(it));
    auto p = std::make_unique<Proto>();
    p->name = "main.main";
    p->file = "spin.gol";
    p->numRegs = 2;
    p->regIsRef.assign(2, false);
    p->index = 0;
    auto emit = [&](Instr i) {
        p->code.push_back(i);
        p->lines.push_back(1);
    };
    emit(Instr::makeBx(Op::LOADI, 0, 0));
    emit(Instr::makeBx(Op::LOADI, 1, uint32_t(iterations)));
    emit(Instr::make(Op::ADDI, 0, 0, 1));           // loop: r0++
    emit(Instr::make(Op::JLT, uint16_t(-2), 0, 1)); // if r0 < r1 goto loop
    emit(Instr::make(Op::RET, 0, 0));
    prog->protos.push_back(std::move(p));
    prog->initProto = 0;
    return prog;
}

// Runs the spin program with the given forced-GC period; returns the cycles it ran.
uint64_t cyclesWhileSpinning(int64_t periodNs, int32_t iterations) {
    auto prog = spinProgram(iterations); // outlives the VM
    VMOptions opts;
    opts.gomaxprocs = 1;
    opts.stderrSink = [](std::string_view) {};
    VM vm(opts);
    vm.heap().setForcedGCPeriod(periodNs);
    vm.load(*prog);
    CHECK(vm.run().exitStatus == 0);
    return vm.collector().cycleRecords().numGC;
}

} // namespace

TEST_CASE("gc: a goroutine that runs without allocating gets the periodic cycle") {
    // ~100 ms of looping at least, preempted every 10 ms: with a 1 ms period each preemption
    // point is past the period, so cycles run; with Go's 2 minutes none does.
    constexpr int32_t kIterations = 100'000'000;
    uint64_t forced = cyclesWhileSpinning(1'000'000, kIterations);
    CHECK(forced >= 1);
    uint64_t normal = cyclesWhileSpinning(int64_t(120) * 1'000'000'000, kIterations);
    CHECK(normal == 0);
}

TEST_CASE("gc: the heap asks for the periodic cycle once per period") {
    Heap h;
    h.setForcedGCPeriod(20'000'000);        // 20 ms
    CHECK_FALSE(h.periodicCollectionDue()); // the first look starts the clock
    CHECK_FALSE(h.periodicCollectionDue());
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(h.periodicCollectionDue());
    CHECK_FALSE(h.periodicCollectionDue()); // one winner per period
}

TEST_CASE("gc: allocation looks at the periodic clock whenever it takes a new span") {
    Heap h;
    h.setForcedGCPeriod(1'000'000);              // 1 ms
    h.alloc(ObjKind::String, sizeof(StringObj)); // the first allocation starts the clock
    CHECK_FALSE(h.gcPending());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    // A 32-byte string's span holds 2048: the clock is looked at within that many.
    for (int i = 0; i < (1 << 14) && !h.gcPending(); i++)
        h.alloc(ObjKind::String, sizeof(StringObj));
    CHECK(h.gcPending());
    CHECK(h.stats().heapAlloc < (4u << 20)); // below the growth goal: the clock asked for it
}
