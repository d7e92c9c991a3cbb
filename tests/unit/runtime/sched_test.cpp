// Scheduler basics: runMain, spawn, park/ready, gosched, deadlock detection.
#include <doctest/doctest.h>

#include <atomic>
#include <vector>

#include "runtime/runtime.hpp"

using namespace gol::rt;

TEST_CASE("runMain runs main as goroutine 1 and returns MainReturned") {
    RuntimeOptions o;
    o.gomaxprocs = 2;
    Runtime rt(o);
    int64_t goid = 0;
    bool ran = false;
    auto ex = rt.runMain([&] {
        ran = true;
        goid = getg()->goid;
        CHECK(getRuntime() == &rt);
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(ran);
    CHECK(goid == 1);
    CHECK(getg() == nullptr);
}
