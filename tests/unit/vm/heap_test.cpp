// The span allocator under vm::Heap (vm/spans.hpp): size classes, what an allocation hands out,
// and allocation from several threads at once. Sweeping and reuse are exercised by the golden
// programs under gcstress/gcverify (a slot freed while reachable is found there).
#include "vm/heap.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

using namespace gol::vm;

TEST_CASE("heap: every small size gets the smallest class that fits") {
    for (size_t i = 1; i < kNumClasses; i++) {
        CHECK(kClassSize[i] > kClassSize[i - 1]);
        CHECK(kClassSize[i] % 8 == 0);
    }
    for (size_t bytes = 1; bytes <= kMaxSmallObject; bytes++) {
        unsigned c = sizeClassOf(bytes);
        REQUIRE(c < kNumClasses);
        CHECK(kClassSize[c] >= bytes);
        if (c > 0) CHECK(kClassSize[c - 1] < bytes);
    }
}

namespace {

struct Block {
    uint8_t* p;
    size_t n;
};

// Allocates objects of many sizes (small and large), checks each is zeroed and 8-aligned, fills
// it with a pattern, and checks at the end that no two overlap and every pattern is intact.
std::vector<Block> allocateMany(Heap& h, int count, uint8_t tag) {
    std::vector<Block> out;
    for (int i = 0; i < count; i++) {
        size_t n = 16 + size_t(i * 37 % 9000); // 16 .. 9015: every class and some large objects
        auto* p = reinterpret_cast<uint8_t*>(h.alloc(ObjKind::String, n));
        CHECK(reinterpret_cast<uintptr_t>(p) % 8 == 0);
        bool zero = std::all_of(p + sizeof(Obj), p + n, [](uint8_t b) { return b == 0; });
        CHECK(zero);
        CHECK(reinterpret_cast<Obj*>(p)->kind == ObjKind::String);
        std::memset(p + sizeof(Obj), tag, n - sizeof(Obj));
        out.push_back({p, n});
    }
    return out;
}

void checkDisjointAndIntact(std::vector<Block> blocks, uint8_t tag) {
    std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.p < b.p; });
    for (size_t i = 0; i + 1 < blocks.size(); i++)
        CHECK(blocks[i].p + blocks[i].n <= blocks[i + 1].p);
    for (const Block& b : blocks) {
        bool intact = std::all_of(b.p + sizeof(Obj), b.p + b.n, [tag](uint8_t x) { return x == tag; });
        CHECK(intact);
    }
}

} // namespace

TEST_CASE("heap: objects are zeroed, aligned, disjoint, and counted by their class size") {
    Heap h;
    auto blocks = allocateMany(h, 5000, 0xA5);
    checkDisjointAndIntact(blocks, 0xA5);
    HeapStats s = h.stats();
    CHECK(s.mallocs == 5000);
    uint64_t expect = 0;
    for (const Block& b : blocks)
        expect += b.n <= kMaxSmallObject ? kClassSize[sizeClassOf(b.n)] : b.n;
    CHECK(s.heapAlloc == expect);
    CHECK(s.totalAlloc == expect);
    CHECK(s.spanSys >= kArenaSpans * kSpanBytes);
}

TEST_CASE("heap: several threads allocating at once get disjoint objects") {
    // Host threads hold no P: they share the heap's locked cache (goroutines on Ps each have
    // their own, exercised by every golden program at GOMAXPROCS > 1).
    Heap h;
    constexpr int kThreads = 4, kEach = 3000;
    std::vector<std::vector<Block>> per(kThreads);
    std::vector<std::thread> ts;
    for (int t = 0; t < kThreads; t++)
        ts.emplace_back([&, t] { per[size_t(t)] = allocateMany(h, kEach, uint8_t(t + 1)); });
    for (auto& t : ts)
        t.join();
    std::vector<Block> all;
    for (int t = 0; t < kThreads; t++) {
        checkDisjointAndIntact(per[size_t(t)], uint8_t(t + 1));
        all.insert(all.end(), per[size_t(t)].begin(), per[size_t(t)].end());
    }
    std::sort(all.begin(), all.end(), [](const Block& a, const Block& b) { return a.p < b.p; });
    for (size_t i = 0; i + 1 < all.size(); i++)
        CHECK(all[i].p + all[i].n <= all[i + 1].p);
    CHECK(h.stats().mallocs == uint64_t(kThreads * kEach));
}
