// The top of a G's stack (fiber.cpp, createG): the G, then the embedder's local memory, then the
// fiber's frames, all in the stack's top page when the frames are small.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

#include "runtime/runtime.hpp"

using namespace gol::rt;

namespace {

// Uses about `depth` KiB of native stack below the caller, so the frames reach well past the
// local memory's bottom if they were placed over it.
__attribute__((noinline)) int useStack(int depth) {
    volatile char buf[1024];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = char(i);
    return depth > 0 ? useStack(depth - 1) + buf[depth % 1024] : buf[7];
}

} // namespace

TEST_CASE("a G and its local memory sit at the top of its stack, apart from the fiber's frames") {
    constexpr size_t kLocal = 700; // not a multiple of 16: rounded up
    constexpr int kGoroutines = 64;
    RuntimeOptions o;
    o.gomaxprocs = 2;
    o.gLocalBytes = kLocal;
    Runtime rt(o);
    std::atomic<int> layoutOK{0}, patternOK{0};
    auto ex = rt.runMain([&] {
        Chan gate(0, false);
        Chan done(kGoroutines, false);
        for (int i = 0; i < kGoroutines; i++) {
            getRuntime()->spawn([&, i] {
                G* g = getg();
                auto* local = static_cast<unsigned char*>(g->local);
                auto* top = static_cast<char*>(g->stackBottom) + g->stackSize;
                char frame = 0;
                bool ok = local && g->localSize >= kLocal && reinterpret_cast<uintptr_t>(local) % 16 == 0 &&
                          local + g->localSize <= reinterpret_cast<unsigned char*>(g) &&
                          reinterpret_cast<char*>(g + 1) <= top && &frame < reinterpret_cast<char*>(local) &&
                          top - reinterpret_cast<char*>(local) <= 2048; // G + local + boost's record
                if (ok) layoutOK++;
                std::memset(local, 0xA0 + i % 16, g->localSize);
                uint64_t v;
                bool recvOK;
                useStack(4);
                gate.recv(&v, &recvOK, true); // parked with frames below local
                useStack(8);
                bool intact = true;
                for (size_t j = 0; j < g->localSize; j++)
                    intact = intact && local[j] == 0xA0 + i % 16;
                if (intact) patternOK++;
                done.send(1, true);
            });
        }
        for (int i = 0; i < kGoroutines; i++)
            gate.send(0, true);
        for (int i = 0; i < kGoroutines; i++) {
            uint64_t v;
            bool ok;
            done.recv(&v, &ok, true);
        }
    });
    CHECK(ex == Runtime::Exit::MainReturned);
    CHECK(layoutOK.load() == kGoroutines);
    CHECK(patternOK.load() == kGoroutines);
}

TEST_CASE("without gLocalBytes a G still gets the bytes its record's alignment leaves") {
    Runtime rt(RuntimeOptions{});
    std::atomic<bool> ok{false};
    rt.runMain([&] {
        G* g = getg();
        auto* top = static_cast<char*>(g->stackBottom) + g->stackSize;
        ok = g->local && g->localSize < 256 && reinterpret_cast<char*>(g + 1) <= top;
    });
    CHECK(ok.load());
}
