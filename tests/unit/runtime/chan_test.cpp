// Channels and select: hand-off, buffering, close, errors, nil channels, fairness, default.
#include <doctest/doctest.h>

#include <atomic>
#include <vector>

#include "helpers.hpp"

using namespace gol::rt;
using namespace gol::rt::test;

TEST_CASE("unbuffered ping-pong delivers every value in order") {
    for (int p : {1, 2}) {
        Runtime rt(procs(p));
        uint64_t sum = 0;
        auto ex = rt.runMain([&] {
            Chan ping(0, false), pong(0, false);
            getRuntime()->spawn([&] {
                uint64_t v;
                bool ok;
                for (;;) {
                    ping.recv(&v, &ok, true);
                    if (!ok) return;
                    pong.send(v + 1, true);
                }
            });
            for (uint64_t i = 0; i < 10000; i++) {
                ping.send(i, true);
                uint64_t r;
                bool ok;
                pong.recv(&r, &ok, true);
                REQUIRE(r == i + 1);
                sum += r;
            }
            CHECK(closechan(&ping) == ChanError::None);
        });
        CHECK(ex == Runtime::Exit::MainReturned);
        CHECK(sum == 10000ull * 10001 / 2);
    }
}

TEST_CASE("buffered channel: FIFO, len/cap, blocking when full") {
    Runtime rt(procs(2));
    rt.runMain([&] {
        Chan c(3, false);
        CHECK(c.cap() == 3);
        for (uint64_t i = 1; i <= 3; i++)
            CHECK(c.send(i, true) == SendResult::Sent);
        CHECK(c.len() == 3);
        CHECK(c.send(99, false) == SendResult::WouldBlock);
        // A blocked sender's value goes to the tail when a slot frees up.
        getRuntime()->spawn([&] { c.send(4, true); });
        gosched();
        std::vector<uint64_t> got;
        for (int i = 0; i < 4; i++) {
            uint64_t v;
            bool ok;
            c.recv(&v, &ok, true);
            got.push_back(v);
        }
        CHECK(got == std::vector<uint64_t>{1, 2, 3, 4});
        uint64_t v;
        bool ok;
        CHECK(c.recv(&v, &ok, false) == RecvResult::WouldBlock);
    });
}

TEST_CASE("close: drains the buffer, then zero values with ok=false; errors as results") {
    Runtime rt(procs(2));
    rt.runMain([&] {
        Chan c(2, false);
        c.send(7, true);
        CHECK(closechan(&c) == ChanError::None);
        CHECK(closechan(&c) == ChanError::CloseOfClosed);
        CHECK(closechan(nullptr) == ChanError::CloseOfNil);
        CHECK(c.send(1, true) == SendResult::Closed);
        CHECK(std::string(chanErrorString(ChanError::SendOnClosed)) == "send on closed channel");
        CHECK(std::string(chanErrorString(ChanError::CloseOfClosed)) == "close of closed channel");
        CHECK(std::string(chanErrorString(ChanError::CloseOfNil)) == "close of nil channel");
        uint64_t v = 5;
        bool ok = false;
        c.recv(&v, &ok, true);
        CHECK((v == 7 && ok));
        c.recv(&v, &ok, true);
        CHECK((v == 0 && !ok));
    });
}

TEST_CASE("close wakes every blocked receiver and sender") {
    Runtime rt(procs(2));
    std::atomic<int> recvWoken{0}, sendPanicked{0};
    rt.runMain([&] {
        Chan c(0, false);
        WaitGroup wg;
        for (int i = 0; i < 5; i++) {
            wg.add(2);
            getRuntime()->spawn([&] {
                uint64_t v;
                bool ok = true;
                c.recv(&v, &ok, true);
                if (!ok && v == 0) recvWoken++;
                wg.done();
            });
        }
        Chan d(0, false);
        for (int i = 0; i < 5; i++)
            getRuntime()->spawn([&] {
                if (d.send(1, true) == SendResult::Closed) sendPanicked++;
                wg.done();
            });
        sleepFor(2'000'000);
        c.close();
        d.close();
        wg.wait();
    });
    CHECK(recvWoken.load() == 5);
    CHECK(sendPanicked.load() == 5);
}

TEST_CASE("nil channel: blocks forever (deadlock), never with block=false") {
    Runtime rt(procs(2));
    auto ex = rt.runMain([&] {
        uint64_t v;
        bool ok;
        CHECK(chanrecv(nullptr, &v, &ok, false) == RecvResult::WouldBlock);
        CHECK(chansend(nullptr, 1, false) == SendResult::WouldBlock);
        chanrecv(nullptr, &v, &ok, true);
    });
    CHECK(ex == Runtime::Exit::Deadlock);
    CHECK(rt.allGoroutinesTrace().find("goroutine 1 [chan receive (nil chan)]:") != std::string::npos);
}

TEST_CASE("select: default when nothing is ready; picks the ready case") {
    Runtime rt(procs(2));
    rt.runMain([&] {
        Chan a(1, false), b(1, false);
        uint64_t v = 0;
        bool ok;
        SelectCase cs[2] = {{&a, false, 0, &v}, {&b, false, 0, &v}};
        CHECK(selectgo(cs, 2, true, &ok) == -1);
        b.send(9, true);
        CHECK(selectgo(cs, 2, true, &ok) == 1);
        CHECK((v == 9 && ok));
        SelectCase sendCase[1] = {{&a, true, 5, nullptr}};
        CHECK(selectgo(sendCase, 1, true, &ok) == 0);
        CHECK(selectgo(sendCase, 1, true, &ok) == -1); // full now
        a.close();
        bool closed = false;
        CHECK(selectgo(sendCase, 1, false, &ok, &closed) == 0);
        CHECK(closed);
    });
}

TEST_CASE("select: random choice among ready cases is fair") {
    Runtime rt(procs(1));
    int hits[3] = {0, 0, 0};
    rt.runMain([&] {
        Chan cs[3] = {Chan(1, false), Chan(1, false), Chan(1, false)};
        uint64_t v;
        bool ok;
        SelectCase sc[3] = {{&cs[0], false, 0, &v}, {&cs[1], false, 0, &v}, {&cs[2], false, 0, &v}};
        for (int i = 0; i < 3000; i++) {
            for (auto& c : cs)
                if (c.len() == 0) c.send(1, true);
            hits[selectgo(sc, 3, false, &ok)]++;
        }
    });
    for (int h : hits)
        CHECK(h > 700); // expected 1000 each; 700 is far out in the tail
}

TEST_CASE("select: blocks on all cases, the first sender wins, others stay queued elsewhere") {
    Runtime rt(procs(2));
    rt.runMain([&] {
        Chan a(0, false), b(0, false), c(0, false);
        std::atomic<int> delivered{0};
        for (int round = 0; round < 200; round++) {
            getRuntime()->spawn([&] {
                if (b.send(round, true) == SendResult::Sent) delivered++;
            });
            uint64_t va = 0, vb = 0;
            bool ok;
            SelectCase sc[3] = {{&a, false, 0, &va}, {&b, false, 0, &vb}, {&c, true, 1, nullptr}};
            int i = selectgo(sc, 3, false, &ok);
            REQUIRE(i == 1);
            CHECK(vb == static_cast<uint64_t>(round));
            CHECK(ok);
        }
        CHECK(delivered.load() == 200);
        // The select's sudogs on a and c were removed: a plain receive/send must not see them.
        uint64_t v;
        bool ok;
        CHECK(a.recv(&v, &ok, false) == RecvResult::WouldBlock);
        CHECK(c.recv(&v, &ok, false) == RecvResult::WouldBlock);
    });
}

TEST_CASE("select {} and a select of nil channels block forever") {
    {
        Runtime rt(procs(1));
        auto ex = rt.runMain([] { selectgo(nullptr, 0, false, nullptr); });
        CHECK(ex == Runtime::Exit::Deadlock);
        CHECK(rt.allGoroutinesTrace().find("[select (no cases)]") != std::string::npos);
    }
    {
        Runtime rt(procs(1));
        auto ex = rt.runMain([] {
            uint64_t v;
            SelectCase sc[1] = {{nullptr, false, 0, &v}};
            selectgo(sc, 1, false, nullptr);
        });
        CHECK(ex == Runtime::Exit::Deadlock);
        CHECK(rt.allGoroutinesTrace().find("[select]") != std::string::npos);
    }
}

TEST_CASE("GC hooks see buffered values and values held by blocked senders") {
    Runtime rt(procs(1));
    rt.runMain([&] {
        Chan c(2, true);
        c.send(11, true);
        c.send(12, true);
        G* sender = getRuntime()->spawn([&] { c.send(13, true); });
        gosched();
        std::vector<uint64_t> seen;
        c.forEachBuffered([&](uint64_t& v) { seen.push_back(v); });
        sender->forEachSudogValue([&](uint64_t& v) { seen.push_back(v); });
        CHECK(seen == std::vector<uint64_t>{11, 12, 13});
        uint64_t v;
        bool ok;
        for (int i = 0; i < 3; i++)
            c.recv(&v, &ok, true);
    });
}
