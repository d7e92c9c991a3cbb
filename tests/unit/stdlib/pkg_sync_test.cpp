// The natives of sync and sync/atomic called directly on hand-built boxes and cells (test_stdlib
// links no compiler; the golden programs in tests/programs/goroutines run the packages end to
// end on the scheduler, and Go's misuse panics, which need a loaded program): the uncontended
// Mutex/RWMutex/WaitGroup paths and
// atomic arithmetic on sized integers (wrap-around and re-extension in the 8-byte slot).
#include <doctest/doctest.h>

#include "stdlib/stdlib.hpp"
#include "stdlib/sync/packages.hpp"
#include "vm/thread.hpp"
#include "vm/values.hpp"
#include "vm/vm.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace gol;
using vm::Value;

namespace {

struct World {
    vm::VM machine;
    vm::Thread th;
    vm::PackageDef sync = stdlib::makeSyncPackage();
    vm::PackageDef atomic = stdlib::makeAtomicPackage();
    std::unique_ptr<vm::RType> intT = std::make_unique<vm::RType>();
    std::unique_ptr<vm::RType> boxT = std::make_unique<vm::RType>();

    World() {
        th.vm = &machine;
        REQUIRE(th.ensureStack(64));
        intT->kind = vm::Kind::Int64;
        intT->str = "int64";
        boxT->kind = vm::Kind::Struct;
        boxT->str = "state";
        for (int i = 0; i < 4; i++)
            boxT->fields.push_back(vm::RField{"s" + std::to_string(i), intT.get()});
    }

    vm::BoxObj* box() { return machine.heap().newBox(boxT.get()); }
    vm::PtrObj* cell(int64_t v) { return machine.heap().newCell(Value::fromInt(v), false); }

    // Calls native `name` of `pkg` with args; returns result slot i after the call.
    Value call(const vm::PackageDef& pkg, const std::string& name, std::initializer_list<Value> args,
               int result = 0) {
        const vm::NativeDef* nd = nullptr;
        for (const auto& n : pkg.natives)
            if (n.name == name) nd = &n;
        REQUIRE_MESSAGE(nd, name);
        uint32_t i = 0;
        for (Value v : args)
            th.stack[i++] = v;
        vm::NativeCall c{machine, th, 0, i, nullptr};
        nd->fn(c);
        return th.stack[result];
    }
    Value obj(vm::Obj* o) { return Value::fromObj(o); }
};

} // namespace

TEST_CASE("sync.Mutex and RWMutex natives on a zeroed box") {
    World w;
    vm::BoxObj* m = w.box();
    w.call(w.sync, "Mutex.Lock", {w.obj(m)});
    CHECK_FALSE(w.call(w.sync, "Mutex.TryLock", {w.obj(m)}).asBool());
    w.call(w.sync, "Mutex.Unlock", {w.obj(m)});
    CHECK(w.call(w.sync, "Mutex.TryLock", {w.obj(m)}).asBool());
    w.call(w.sync, "Mutex.Unlock", {w.obj(m)});
    CHECK(m->fields[0].i == 0); // unlocked again: the zero value

    vm::BoxObj* rw = w.box();
    w.call(w.sync, "RWMutex.RLock", {w.obj(rw)});
    CHECK(w.call(w.sync, "RWMutex.TryRLock", {w.obj(rw)}).asBool());
    CHECK_FALSE(w.call(w.sync, "RWMutex.TryLock", {w.obj(rw)}).asBool());
    w.call(w.sync, "RWMutex.RUnlock", {w.obj(rw)});
    w.call(w.sync, "RWMutex.RUnlock", {w.obj(rw)});
    CHECK(w.call(w.sync, "RWMutex.TryLock", {w.obj(rw)}).asBool());
    CHECK_FALSE(w.call(w.sync, "RWMutex.TryRLock", {w.obj(rw)}).asBool());
    w.call(w.sync, "RWMutex.Unlock", {w.obj(rw)});
}

TEST_CASE("sync.WaitGroup: Add/Done/Wait at zero") {
    World w;
    vm::BoxObj* wg = w.box();
    w.call(w.sync, "WaitGroup.Add", {w.obj(wg), Value::fromInt(2)});
    w.call(w.sync, "WaitGroup.Done", {w.obj(wg)});
    w.call(w.sync, "WaitGroup.Done", {w.obj(wg)});
    w.call(w.sync, "WaitGroup.Wait", {w.obj(wg)}); // counter zero: returns without parking
}

TEST_CASE("sync.Once enter/leave") {
    World w;
    vm::BoxObj* o = w.box();
    CHECK(w.call(w.sync, "Once.enter", {w.obj(o)}).asBool());
    w.call(w.sync, "Once.leave", {w.obj(o)});
    CHECK_FALSE(w.call(w.sync, "Once.enter", {w.obj(o)}).asBool());
}

TEST_CASE("sync/atomic: 32-bit operations wrap and stay sign- or zero-extended in the slot") {
    World w;
    vm::PtrObj* x = w.cell(2147483647);
    CHECK(w.call(w.atomic, "AddInt32", {w.obj(x), Value::fromInt(1)}).i == -2147483648LL);
    CHECK(reinterpret_cast<int64_t*>(x->slot)[0] == -2147483648LL);
    CHECK(
        w.call(w.atomic, "CompareAndSwapInt32", {w.obj(x), Value::fromInt(-2147483648LL), Value::fromInt(5)})
            .asBool());
    CHECK(w.call(w.atomic, "LoadInt32", {w.obj(x)}).i == 5);
    CHECK_FALSE(
        w.call(w.atomic, "CompareAndSwapInt32", {w.obj(x), Value::fromInt(4), Value::fromInt(6)}).asBool());

    vm::PtrObj* u = w.cell(0);
    CHECK(w.call(w.atomic, "AddUint32", {w.obj(u), Value::fromUint(0xffffffffu)}).u == 0xffffffffu);
    CHECK(w.call(w.atomic, "AddUint32", {w.obj(u), Value::fromUint(1)}).u == 0);

    vm::PtrObj* n = w.cell(INT64_MAX);
    CHECK(w.call(w.atomic, "AddInt64", {w.obj(n), Value::fromInt(1)}).i == INT64_MIN);
    CHECK(w.call(w.atomic, "SwapInt64", {w.obj(n), Value::fromInt(7)}).i == INT64_MIN);
    w.call(w.atomic, "StoreInt64", {w.obj(n), Value::fromInt(9)});
    CHECK(w.call(w.atomic, "LoadInt64", {w.obj(n)}).i == 9);

    vm::BoxObj* b = w.box(); // atomic.Int32's field 0
    CHECK(w.call(w.atomic, "Int32.Add", {w.obj(b), Value::fromInt(-3)}).i == -3);
    CHECK(w.call(w.atomic, "Int32.Swap", {w.obj(b), Value::fromInt(4)}).i == -3);
    CHECK(w.call(w.atomic, "Int32.Load", {w.obj(b)}).i == 4);
}

TEST_CASE("sync/atomic: concurrent increments from host threads are not lost") {
    World w;
    vm::PtrObj* n = w.cell(0);
    std::atomic_ref<int64_t> slot(*reinterpret_cast<int64_t*>(n->slot));
    // The natives' AddInt64 is a fetch_add on this same atomic_ref; check that several threads
    // using the slot the same way lose nothing (the native itself needs a Thread per caller).
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&] {
            vm::Thread th;
            th.vm = &w.machine;
            REQUIRE(th.ensureStack(8));
            const vm::NativeDef* add = nullptr;
            for (const auto& d : w.atomic.natives)
                if (d.name == "AddInt64") add = &d;
            for (int j = 0; j < 10000; j++) {
                th.stack[0] = Value::fromObj(n);
                th.stack[1] = Value::fromInt(1);
                vm::NativeCall c{w.machine, th, 0, 2, nullptr};
                add->fn(c);
            }
        });
    for (auto& t : ts)
        t.join();
    CHECK(slot.load() == 40000);
}
