// The per-P run queue alone: put/get order, runnext, overflow to the global queue, steal half.
#include <doctest/doctest.h>

#include <set>
#include <thread>
#include <vector>

#include "runtime/proc.hpp"

using namespace gol::rt;

namespace {
struct Fixture {
    Sched s{64 * 1024};
    P p1, p2;
    std::vector<G> gs{1000};
    Fixture() {
        s.gomaxprocs.store(2);
        p1.id = 0;
        p2.id = 1;
        for (size_t i = 0; i < gs.size(); i++)
            gs[i].goid = static_cast<int64_t>(i);
    }
    int globalLen() { return s.runqsize.load(); }
};
} // namespace

TEST_CASE("runq: FIFO order, runnext first") {
    Fixture f;
    bool inherit;
    CHECK(runqempty(&f.p1));
    for (int i = 0; i < 10; i++)
        runqput(f.s, &f.p1, &f.gs[i], false);
    runqput(f.s, &f.p1, &f.gs[100], true);
    CHECK(!runqempty(&f.p1));
    G* g = runqget(&f.p1, &inherit);
    CHECK(g == &f.gs[100]);
    CHECK(inherit);
    for (int i = 0; i < 10; i++) {
        g = runqget(&f.p1, &inherit);
        REQUIRE(g == &f.gs[i]);
        CHECK(!inherit);
    }
    CHECK(runqget(&f.p1, &inherit) == nullptr);
    CHECK(runqempty(&f.p1));
}

TEST_CASE("runq: a new runnext kicks the old one to the tail") {
    Fixture f;
    bool inherit;
    runqput(f.s, &f.p1, &f.gs[0], false);
    runqput(f.s, &f.p1, &f.gs[1], true);
    runqput(f.s, &f.p1, &f.gs[2], true);
    CHECK(runqget(&f.p1, &inherit) == &f.gs[2]);
    CHECK(runqget(&f.p1, &inherit) == &f.gs[0]);
    CHECK(runqget(&f.p1, &inherit) == &f.gs[1]);
}

TEST_CASE("runq: overflow moves half (128) plus the new G to the global queue") {
    Fixture f;
    for (int i = 0; i < 256; i++)
        runqput(f.s, &f.p1, &f.gs[i], false);
    CHECK(runqlen(&f.p1) == 256);
    CHECK(f.globalLen() == 0);
    runqput(f.s, &f.p1, &f.gs[256], false);
    CHECK(runqlen(&f.p1) == 128);
    CHECK(f.globalLen() == 129);
    // The global queue holds the oldest half in order, then the newcomer.
    std::lock_guard<RankedMutex> g(f.s.lock);
    G* x = f.s.runqhead;
    for (int i = 0; i < 128; i++, x = x->schedlink)
        REQUIRE(x == &f.gs[i]);
    CHECK(x == &f.gs[256]);
    // globrunqget takes size/gomaxprocs+1 but at most half a local queue.
    bool inherit;
    while (runqget(&f.p1, &inherit)) {
    }
    G* first = globrunqget(f.s, &f.p1, 0);
    CHECK(first == &f.gs[0]);
    CHECK(runqlen(&f.p1) == 64); // min(129/2+1, 128) = 65: one returned, 64 queued
}

TEST_CASE("runq: steal takes half of the victim, runnext only when asked") {
    Fixture f;
    for (int i = 0; i < 10; i++)
        runqput(f.s, &f.p2, &f.gs[i], false);
    G* g = runqsteal(&f.p1, &f.p2, false);
    REQUIRE(g != nullptr);
    CHECK(runqlen(&f.p1) == 4); // 5 stolen: one returned, 4 queued
    CHECK(runqlen(&f.p2) == 5);
    Fixture h;
    runqput(h.s, &h.p2, &h.gs[7], true);
    CHECK(runqsteal(&h.p1, &h.p2, false) == nullptr);
    CHECK(runqsteal(&h.p1, &h.p2, true) == &h.gs[7]);
}

TEST_CASE("runq: concurrent owner and thieves lose and duplicate nothing") {
    Fixture f;
    constexpr int kN = 200000;
    std::vector<G> many(kN);
    std::vector<std::atomic<int>> seen(kN);
    std::atomic<bool> done{false};
    auto idx = [&](G* g) { return static_cast<size_t>(g - many.data()); };
    std::vector<std::thread> thieves;
    std::vector<P> thiefPs(2);
    for (int t = 0; t < 2; t++) {
        thieves.emplace_back([&, t] {
            P* mine = &thiefPs[t];
            bool inherit;
            while (!done.load() || !runqempty(&f.p1)) {
                if (G* g = runqsteal(mine, &f.p1, true)) {
                    seen[idx(g)]++;
                    while (G* h = runqget(mine, &inherit))
                        seen[idx(h)]++;
                }
            }
        });
    }
    bool inherit;
    for (int i = 0; i < kN; i++) {
        runqput(f.s, &f.p1, &many[i], i % 7 == 0);
        if (i % 3 == 0)
            if (G* g = runqget(&f.p1, &inherit)) seen[idx(g)]++;
    }
    while (G* g = runqget(&f.p1, &inherit))
        seen[idx(g)]++;
    done.store(true);
    for (auto& t : thieves)
        t.join();
    {
        std::lock_guard<RankedMutex> g(f.s.lock);
        for (G* x = f.s.runqhead; x; x = x->schedlink)
            seen[idx(x)]++;
    }
    int bad = 0;
    for (int i = 0; i < kN; i++)
        bad += seen[i].load() != 1;
    CHECK(bad == 0);
}
