// The small-object allocator under vm::Heap: size classes, spans, and per-P span caches (the
// shape of Go's mcache / mcentral / mheap, in our own terms). docs/gc.md, "Allocation", has the
// measurements behind it.
//
// Memory comes from the OS in 4 MiB arenas of 64 KiB spans. A span holds objects of one size
// class; a free slot is an object whose gcMark is kFreeSlot and whose first word after the
// header links the span's free list. Objects above kMaxSmallObject bytes are "large": allocated
// one by one (heap_spans.cpp) and kept on a list.
//
// Who may touch a span (its free list, bump, nfree):
//  * Cached: only the cache that holds it (a P's, used by the M that runs that P; or the heap's
//    shared cache, under its mutex, for allocations made off a P: host threads, goroutines in
//    syscalls). Never swept while cached: mark termination takes every span out of the caches.
//  * Partial (on its class's central list, has free slots) and Full (on no list): whoever claims
//    it for sweeping (sweepGen CAS), or whoever takes it off the central list (under the list's
//    mutex) and then owns it.
//  * Free (in the heap's span pool): the pool, under its mutex.
// Sweep generations (Go's sweepgen): Heap::sweepGen_ goes up by 2 at every mark termination. A
// span with sweepGen == heap's - 2 must be swept before anyone allocates from it, == heap's - 1
// is being swept, == heap's is swept. Spans created during the sweep start swept; every span is
// swept (by the collector or by an allocator that took it) before the next mark termination.
#pragma once

#include "vm/object.hpp"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace gol::vm {

inline constexpr size_t kSpanBytes = size_t(64) << 10;
inline constexpr size_t kArenaSpans = 64; // 4 MiB arenas
inline constexpr size_t kMaxSmallObject = 8192;

// The size classes, smallest to largest: Go's classes from 16 bytes (a header and one word, our
// smallest object) to 8 KiB. Every class size is a multiple of 8, so every slot is 8-aligned.
inline constexpr std::array<uint16_t, 49> kClassSize = {
    16,   24,   32,   48,   64,   80,   96,   112,  128,  144,  160,  176,  192,  208,  224,  240,  256,
    288,  320,  352,  384,  416,  448,  480,  512,  576,  640,  704,  768,  896,  1024, 1152, 1280, 1408,
    1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 8192};
inline constexpr size_t kNumClasses = kClassSize.size();
static_assert(kClassSize.back() == kMaxSmallObject && kClassSize.front() >= sizeof(Obj) + sizeof(void*));

// The class of an object of `bytes` bytes (1 <= bytes <= kMaxSmallObject), via an 8-byte-step
// table computed at compile time from kClassSize.
inline constexpr auto kClassOfWords = [] {
    std::array<uint8_t, kMaxSmallObject / 8 + 1> t{};
    size_t c = 0;
    for (size_t w = 0; w < t.size(); w++) {
        while (kClassSize[c] < w * 8)
            c++;
        t[w] = uint8_t(c);
    }
    return t;
}();
inline unsigned sizeClassOf(size_t bytes) {
    return kClassOfWords[(bytes + 7) / 8];
}

struct Span {
    enum class State : uint8_t { Free, Cached, Partial, Full };

    uint8_t* base = nullptr;
    uint32_t elemSize = 0;
    uint16_t nelems = 0;
    uint16_t bump = 0;  // slots [bump, nelems) were never handed out (and are zero)
    uint16_t nfree = 0; // slots on freeList plus nelems - bump
    uint8_t sizeClass = 0;
    State state = State::Free;
    bool released = false; // a Free span whose pages went back to the OS (madvise)
    Obj* freeList = nullptr;
    std::atomic<uint32_t> sweepGen{0};
    Span* prev = nullptr; // the central partial list, or the pool
    Span* next = nullptr;

    Obj* slot(size_t i) const { return reinterpret_cast<Obj*>(base + i * elemSize); }
    // The free-list link of a free slot: the word after its header.
    static Obj*& link(Obj* o) {
        return *reinterpret_cast<Obj**>(reinterpret_cast<uint8_t*>(o) + sizeof(Obj));
    }
};

// Doubly linked span lists (central lists, the pool), under the list owner's mutex.
inline void spanListPush(Span*& head, Span* s) {
    s->prev = nullptr;
    s->next = head;
    if (head) head->prev = s;
    head = s;
}
inline void spanListRemove(Span*& head, Span* s) {
    if (s->prev)
        s->prev->next = s->next;
    else
        head = s->next;
    if (s->next) s->next->prev = s->prev;
    s->prev = s->next = nullptr;
}
inline Span* spanListPop(Span*& head) {
    Span* s = head;
    if (s) spanListRemove(head, s);
    return s;
}

struct Arena {
    uint8_t* base = nullptr; // kArenaSpans * kSpanBytes bytes
    std::array<Span, kArenaSpans> spans;
};

// A cache of one span per class. Owned by one P (or, for the shared cache, guarded by its
// mutex). The counters are the allocations not yet added to the heap's totals (added at every
// refill and at mark termination): written only by the owner, read by Heap::stats from any
// thread, hence relaxed atomics stored with plain load+store (no read-modify-write).
struct SpanCache {
    std::array<Span*, kNumClasses> span{};
    std::atomic<uint64_t> bytes{0}, count{0};

    void note(uint64_t n) {
        bytes.store(bytes.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
        count.store(count.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
};

// One list per class of spans with free slots that no cache holds.
struct CentralList {
    std::mutex mu; // lock order: Heap::sharedMu_ > CentralList::mu > Heap::poolMu_
    Span* head = nullptr;
};

} // namespace gol::vm
