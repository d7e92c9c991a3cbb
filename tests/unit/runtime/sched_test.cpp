// Scheduler basics: runMain, spawn, park/ready, gosched, deadlock detection.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
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

#include "helpers.hpp"
using namespace gol::rt::test;

TEST_CASE("spawn many goroutines; all run; numGoroutine counts live ones") {
    for (int procs : {1, 2, 4}) {
        Runtime rt(test::procs(procs));
        std::atomic<int> count{0};
        auto ex = rt.runMain([&] {
            Chan done(0, false);
            for (int i = 0; i < 1000; i++)
                getRuntime()->spawn([&] {
                    count++;
                    done.send(1, true);
                });
            for (int i = 0; i < 1000; i++) {
                uint64_t v;
                bool ok;
                done.recv(&v, &ok, true);
            }
            CHECK(getRuntime()->numGoroutine() <= 1001);
        });
        CHECK(ex == Runtime::Exit::MainReturned);
        CHECK(count.load() == 1000);
    }
}

namespace {
struct ParkSlot {
    std::atomic<G*> g{nullptr};
};
bool publishParked(G* gp, void* arg) {
    static_cast<ParkSlot*>(arg)->g.store(gp);
    return true;
}
bool cancelPark(G*, void*) {
    return false;
}
} // namespace

TEST_CASE("gopark / goready hand a G between goroutines") {
    Runtime rt(procs(2));
    std::vector<int> order;
    auto ex = rt.runMain([&] {
        ParkSlot slot;
        getRuntime()->spawn([&] {
            // Wait until main is parked, then ready it.
            while (!slot.g.load())
                gosched();
            order.push_back(2);
            goready(slot.g.load());
        });
        order.push_back(1);
        gopark(publishParked, &slot, WaitReason::ChanReceive);
        order.push_back(3);
        // unlockf returning false resumes immediately.
        gopark(cancelPark, nullptr, WaitReason::Sleep);
        order.push_back(4);
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(order == std::vector<int>{1, 2, 3, 4});
}

TEST_CASE("a G parked forever is a deadlock, with its wait reason in the trace") {
    RuntimeOptions o = procs(2);
    o.traceback = [](G* gp, std::string& out) { out += "main.f()\n\tx.gol:1 +0x0\n"; };
    Runtime rt(o);
    auto ex = rt.runMain([&] {
        getRuntime()->spawn([] { gopark(nullptr, nullptr, WaitReason::SyncMutexLock); });
        gopark(nullptr, nullptr, WaitReason::ChanReceive);
    });
    CHECK(ex == Runtime::Exit::Deadlock);
    std::string tr = rt.allGoroutinesTrace();
    CHECK(tr.find("goroutine 1 [chan receive]:\nmain.f()\n\tx.gol:1 +0x0\n") != std::string::npos);
    CHECK(tr.find("goroutine 2 [sync.Mutex.Lock]:\n") != std::string::npos);
    CHECK(tr.find("\n\ngoroutine ") != std::string::npos); // blocks separated by a blank line
}

TEST_CASE("host refs suppress deadlock detection until released") {
    Runtime rt(procs(1));
    rt.acquireHostRef();
    std::atomic<G*> parked{nullptr};
    std::thread host([&] {
        while (!parked.load())
            std::this_thread::yield();
        // Let the runtime go fully idle: it must not report a deadlock while we hold the ref.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        goready(parked.load());
        rt.releaseHostRef();
    });
    auto ex = rt.runMain([&] { gopark(publishParked, &parked, WaitReason::ChanReceive); });
    host.join();
    CHECK(ex == Runtime::Exit::MainReturned);
}

TEST_CASE("gosched lets other goroutines run on one P") {
    Runtime rt(procs(1));
    std::vector<int> trace;
    rt.runMain([&] {
        WaitGroup wg;
        wg.add(2);
        for (int id = 0; id < 2; id++)
            getRuntime()->spawn([&, id] {
                for (int i = 0; i < 3; i++) {
                    trace.push_back(id);
                    gosched();
                }
                wg.done();
            });
        wg.wait();
    });
    REQUIRE(trace.size() == 6);
    // Interleaved, never three in a row from one goroutine.
    int run = 1;
    for (size_t i = 1; i < trace.size(); i++) {
        run = trace[i] == trace[i - 1] ? run + 1 : 1;
        CHECK(run < 3);
    }
}

TEST_CASE("goexitNow ends the goroutine; other goroutines go on") {
    Runtime rt(procs(2));
    std::atomic<int> after{0};
    auto ex = rt.runMain([&] {
        Chan c(0, false);
        getRuntime()->spawn([&] {
            c.send(1, true);
            goexitNow();
            after++; // never reached
        });
        uint64_t v;
        bool ok;
        c.recv(&v, &ok, true);
        // The exited G is reused by the next spawn: it must start cleanly.
        getRuntime()->spawn([&] { c.send(2, true); });
        c.recv(&v, &ok, true);
        CHECK(v == 2);
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(after.load() == 0);
}

TEST_CASE("runMain again resumes goroutines abandoned by the previous one") {
    Runtime rt(procs(2));
    Chan c(0, false);
    rt.runMain([&] { getRuntime()->spawn([&] { c.send(42, true); }); });
    uint64_t v = 0;
    bool ok = false;
    auto ex = rt.runMain([&] { c.recv(&v, &ok, true); });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(v == 42);
    CHECK(ok);
}

TEST_CASE("fatal from a goroutine ends runMain with Exit::Fatal") {
    Runtime rt(procs(2));
    auto ex = rt.runMain([&] {
        getRuntime()->spawn([] { getRuntime()->fatal(2); });
        gopark(nullptr, nullptr, WaitReason::Select);
    });
    CHECK(ex == Runtime::Exit::Fatal);
    CHECK(rt.fatalStatus() == 2);
}

TEST_CASE("setGomaxprocs from a goroutine resizes the Ps and keeps running") {
    Runtime rt(procs(2));
    std::atomic<int> count{0};
    auto ex = rt.runMain([&] {
        CHECK(getRuntime()->gomaxprocs() == 2);
        WaitGroup wg;
        for (int i = 0; i < 100; i++) {
            wg.add(1);
            getRuntime()->spawn([&] {
                gosched();
                count++;
                wg.done();
            });
        }
        CHECK(getRuntime()->setGomaxprocs(4) == 2);
        CHECK(getRuntime()->gomaxprocs() == 4);
        CHECK(getRuntime()->setGomaxprocs(1) == 4);
        wg.wait();
        CHECK(getRuntime()->gomaxprocs() == 1);
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(count.load() == 100);
}

TEST_CASE("destroying a Runtime unwinds parked goroutines' native stacks") {
    int destroyed = 0;
    struct Guard {
        int* n;
        ~Guard() { (*n)++; }
    };
    {
        Runtime rt(procs(2));
        rt.runMain([&] {
            for (int i = 0; i < 5; i++)
                getRuntime()->spawn([&] {
                    Guard g{&destroyed};
                    gopark(nullptr, nullptr, WaitReason::ChanReceive);
                });
            gosched();
            sleepFor(1'000'000);
        });
    }
    CHECK(destroyed == 5);
}

TEST_CASE("two runtimes in one process share nothing") {
    Runtime a(procs(1)), b(procs(2));
    std::atomic<int> n{0};
    std::thread t([&] { b.runMain([&] { n += getRuntime() == &b; }); });
    a.runMain([&] { n += getRuntime() == &a; });
    t.join();
    CHECK(n.load() == 2);
    CHECK(a.gomaxprocs() == 1);
    CHECK(b.gomaxprocs() == 2);
}
