// Timers and sleep: ordering, stop/reset, periodic timers, callbacks from the scheduler.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "helpers.hpp"

using namespace gol::rt;
using namespace gol::rt::test;

TEST_CASE("sleepers never wake early, all wake, and sleeping never blocks an M") {
    for (int p : {1, 2}) {
        Runtime rt(procs(p));
        std::atomic<int> early{0}, woke{0};
        auto ex = rt.runMain([&] {
            WaitGroup wg;
            for (int i = 5; i >= 1; i--) {
                wg.add(1);
                getRuntime()->spawn([&, i] {
                    int64_t d = i * 3'000'000LL;
                    int64_t t0 = nanotime();
                    sleepFor(d);
                    if (nanotime() - t0 < d) early++;
                    woke++;
                    wg.done();
                });
            }
            wg.wait();
        });
        CHECK(ex == Runtime::Exit::MainReturned);
        CHECK(early.load() == 0);
        CHECK(woke.load() == 5);
    }
}

namespace {
struct OrderLog {
    std::mutex mu;
    std::vector<int> order;
    Chan* done;
    int want;
};
struct OrderTimer {
    Timer t;
    OrderLog* log;
    int id;
};
void logFire(void* arg, int64_t) {
    auto* ot = static_cast<OrderTimer*>(arg);
    std::lock_guard<std::mutex> g(ot->log->mu);
    ot->log->order.push_back(ot->id);
    if (static_cast<int>(ot->log->order.size()) == ot->log->want) ot->log->done->send(1, false);
}
} // namespace

TEST_CASE("timers of one P fire in deadline order, whatever the order they were added in") {
    Runtime rt(procs(1));
    OrderLog log;
    Chan done(1, false);
    log.done = &done;
    log.want = 6;
    OrderTimer ts[6];
    rt.runMain([&] {
        int64_t base = nanotime() + 2'000'000;
        int ids[6] = {4, 1, 6, 2, 5, 3}; // added out of order
        for (int k = 0; k < 6; k++) {
            OrderTimer& ot = ts[k];
            ot.log = &log;
            ot.id = ids[k];
            addTimer(&ot.t, base + ids[k] * 1000, 0, logFire, &ot); // 1 µs apart: all due together
        }
        uint64_t v;
        bool ok;
        done.recv(&v, &ok, true);
    });
    CHECK(log.order == std::vector<int>{1, 2, 3, 4, 5, 6});
}

TEST_CASE("a sleeping main goroutine is not a deadlock") {
    Runtime rt(procs(1));
    int64_t t0 = nanotime();
    auto ex = rt.runMain([] { sleepFor(5'000'000); });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(nanotime() - t0 >= 5'000'000);
}

namespace {
struct Fired {
    std::atomic<int> n{0};
    std::atomic<int64_t> lastSeq{-1};
    Chan* ch = nullptr;
};
void onFire(void* arg, int64_t seq) {
    auto* f = static_cast<Fired*>(arg);
    f->n++;
    f->lastSeq = seq;
    if (f->ch) f->ch->send(static_cast<uint64_t>(seq), false); // non-blocking, like time.After
}
} // namespace

TEST_CASE("addTimer / stopTimer / resetTimer") {
    Runtime rt(procs(2));
    rt.runMain([&] {
        Fired f;
        Chan ch(1, false);
        f.ch = &ch;
        Timer t;
        addTimer(&t, nanotime() + 1'000'000'000, 0, onFire, &f);
        CHECK(t.pending());
        CHECK(stopTimer(&t));
        CHECK(!stopTimer(&t));
        CHECK(!t.pending());
        // Reset a stopped timer to fire soon: its channel receives once.
        CHECK(!resetTimer(&t, nanotime() + 2'000'000, 0));
        uint64_t v;
        bool ok;
        ch.recv(&v, &ok, true);
        CHECK(f.n.load() == 1);
        CHECK(v == 1);         // seq bumped by the reset
        CHECK(!stopTimer(&t)); // already fired
    });
}

TEST_CASE("periodic timer ticks until stopped") {
    Runtime rt(procs(1));
    rt.runMain([&] {
        Fired f;
        Chan ch(1, false);
        f.ch = &ch;
        Timer t;
        addTimer(&t, nanotime() + 1'000'000, 1'000'000, onFire, &f);
        uint64_t v;
        bool ok;
        for (int i = 0; i < 5; i++)
            ch.recv(&v, &ok, true);
        CHECK(stopTimer(&t));
        int n = f.n.load();
        sleepFor(5'000'000);
        CHECK(f.n.load() == n); // no tick after Stop
    });
}

TEST_CASE("a timer callback may spawn; a pending timer keeps deadlock detection away") {
    Runtime rt(procs(2));
    std::atomic<bool> spawned{false};
    Timer t;
    Chan done(0, false);
    auto ex = rt.runMain([&] {
        addTimer(
            &t, nanotime() + 3'000'000, 0,
            [](void* arg, int64_t) {
                getRuntime()->spawn([arg] { static_cast<Chan*>(arg)->send(1, true); });
            },
            &done);
        uint64_t v;
        bool ok;
        done.recv(&v, &ok, true); // parked with only a timer pending: not a deadlock
        spawned = true;
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(spawned.load());
}

TEST_CASE("a timer added from a host thread wakes an idle runtime") {
    Runtime rt(procs(2));
    Timer t;
    Chan ch(1, false);
    auto ex = rt.runMain([&] {
        std::thread host([&] {
            getRuntime(); // nullptr here: a host thread
            rt.addTimer(
                &t, nanotime() + 2'000'000, 0,
                [](void* arg, int64_t) { static_cast<Chan*>(arg)->send(7, false); }, &ch);
        });
        host.join();
        uint64_t v = 0;
        bool ok;
        ch.recv(&v, &ok, true);
        CHECK(v == 7);
    });
    CHECK(ex == Runtime::Exit::MainReturned);
}
