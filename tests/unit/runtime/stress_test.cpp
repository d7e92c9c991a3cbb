// Stress: 10 000 goroutines move 1 000 000 messages over a random graph of buffered and
// unbuffered channels, with plain operations and selects, at GOMAXPROCS 1, 2 and 8. Every
// message must be received exactly once. Sanitizer and debug builds run a tenth of it.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include "helpers.hpp"

using namespace gol::rt;
using namespace gol::rt::test;

namespace {

#if defined(GOL_TSAN) || defined(GOL_ASAN) || !defined(NDEBUG)
constexpr int kScale = 10;
#else
constexpr int kScale = 1;
#endif

// Graph: producers send into "A" or "B" channels; relays receive from A and forward to B;
// sinks receive from A and B (plain receive or select over three channels) and count. Relays
// only ever block on B, which sinks always drain, so the graph cannot deadlock.
struct Graph {
    static constexpr int kChans = 256; // 0..127: A, 128..255: B
    // 10 000 goroutines (a tenth under sanitizers: TSan keeps about 1 MiB of trace per fiber).
    static constexpr int kProducers = 4000 / kScale;
    static constexpr int kRelays = 1000 / kScale;
    static constexpr int kSinks = 5000 / kScale;
    int messages;
    std::vector<std::unique_ptr<Chan>> chans;
    std::vector<std::atomic<uint8_t>> seen;
    std::atomic<int64_t> received{0};
    std::atomic<int64_t> relayed{0};
    Chan done{1, false};

    explicit Graph(int msgs) : messages(msgs), seen(msgs) {
        for (int i = 0; i < kChans; i++) {
            // A third unbuffered, the rest with 1..4 slots.
            int64_t cap = i % 3 == 0 ? 0 : 1 + i % 4;
            chans.push_back(std::make_unique<Chan>(cap, false));
        }
    }
    Chan* a(uint32_t r) { return chans[r % (kChans / 2)].get(); }
    Chan* b(uint32_t r) { return chans[kChans / 2 + r % (kChans / 2)].get(); }
    Chan* any(uint32_t r) { return chans[r % kChans].get(); }

    void deliver(uint64_t v) {
        int id = static_cast<int>(v & 0xffffffff);
        seen[id]++;
        if (received.fetch_add(1) + 1 == messages) done.send(1, false);
    }

    void producer(int idx, int first, int count) {
        std::mt19937 rng(idx);
        for (int k = 0; k < count; k++) {
            uint64_t v = static_cast<uint64_t>(first + k);
            if (rng() % 2) {
                any(rng())->send(v, true);
            } else {
                SelectCase sc[2] = {{any(rng()), true, v, nullptr}, {any(rng()), true, v, nullptr}};
                selectgo(sc, 2, false, nullptr);
            }
            if (k % 64 == 0) safepoint();
        }
    }

    void relay(int idx) {
        std::mt19937 rng(1'000'000 + idx);
        Chan* in = a(rng());
        for (;;) {
            uint64_t v;
            bool ok;
            in->recv(&v, &ok, true);
            relayed++;
            b(rng())->send(v | (1ull << 32), true);
        }
    }

    void sink(int idx) {
        std::mt19937 rng(2'000'000 + idx);
        if (idx < kChans || idx % 2) {
            // The first kChans sinks each own one channel, so every channel has a reader and
            // a blocked sender always gets unblocked eventually.
            Chan* in = idx < kChans ? chans[idx].get() : any(rng());
            for (;;) {
                uint64_t v;
                bool ok;
                in->recv(&v, &ok, true);
                deliver(v);
            }
        }
        uint64_t v;
        bool ok;
        SelectCase sc[3] = {{any(rng()), false, 0, &v}, {any(rng()), false, 0, &v}, {b(rng()), false, 0, &v}};
        for (;;) {
            selectgo(sc, 3, false, &ok);
            deliver(v);
        }
    }
};

} // namespace

TEST_CASE("stress: every message over a random channel graph arrives exactly once") {
    const int messages = 1'000'000 / kScale;
    for (int p : {1, 2, 8}) {
        if (const char* only = getenv("GOL_STRESS_PROCS"))
            if (atoi(only) != p) continue;
        CAPTURE(p);
        int64_t t0 = nanotime();
        auto g = std::make_unique<Graph>(messages);
        Runtime rt(procs(p));
        auto ex = rt.runMain([&] {
            Runtime* r = getRuntime();
            for (int i = 0; i < Graph::kSinks; i++)
                r->spawn([&, i] { g->sink(i); });
            for (int i = 0; i < Graph::kRelays; i++)
                r->spawn([&, i] { g->relay(i); });
            int per = messages / Graph::kProducers;
            for (int i = 0; i < Graph::kProducers; i++) {
                int first = i * per;
                int count = i == Graph::kProducers - 1 ? messages - first : per;
                r->spawn([&, i, first, count] { g->producer(i, first, count); });
            }
            CHECK(r->numGoroutine() <= 1 + Graph::kSinks + Graph::kRelays + Graph::kProducers);
            uint64_t v;
            bool ok;
            g->done.recv(&v, &ok, true);
        });
        REQUIRE(ex == Runtime::Exit::MainReturned);
        CHECK(g->received.load() == messages);
        int bad = 0;
        for (int i = 0; i < messages; i++)
            bad += g->seen[i].load() != 1;
        CHECK(bad == 0);
        CHECK(g->relayed.load() > 0);
        if (getenv("GOL_STRESS_VERBOSE"))
            fprintf(stderr, "stress GOMAXPROCS=%d: %.2fs\n", p, (nanotime() - t0) / 1e9);
        // ~Runtime now unwinds the 6 000 goroutines still blocked on channels; then the
        // channels (with no waiter left) are destroyed.
    }
}
