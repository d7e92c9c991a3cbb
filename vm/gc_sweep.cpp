// Sweeping: after mark termination every span that existed then, and every large object, is
// swept once — by the collector's goroutine walking the arenas while the program runs, or by an
// allocator that takes an unswept span off a central list first (Go's sweepgen protocol;
// vm/spans.hpp states who may touch a span when).
//
// A slot is white (unreached: freed), marked (kept, its mark cleared for the next cycle),
// kFreeSlot (already free) or kFreed (gcverify: poisoned by the last sweep and kept one cycle, so
// that a reachable object freed by mistake is found by the verifier, the marker or the barrier;
// now it is really freed). Objects allocated since mark start were allocated marked and survive.
#include "vm/heap.hpp"

#include <cstdlib>
#include <cstring>
#include <thread>

namespace gol::vm {

namespace {

// gcverify's poison: a mutator still using a freed object reads 0xdede... pointers and crashes
// at once. Maps, channels and host objects keep their C++ members (destroyed when the slot is
// really freed).
void poison(Obj* o, uint64_t bytes) {
    if (!Heap::destroyReadsBody(o->kind))
        std::memset(reinterpret_cast<uint8_t*>(o) + sizeof(Obj), 0xDE, bytes - sizeof(Obj));
    o->gcMark.store(gcmark::kFreed, std::memory_order_relaxed);
}

} // namespace

void Heap::beginSweep(SweepCursor& cur) {
    std::lock_guard<std::mutex> g(poolMu_);
    cur.arenas = arenas_; // spans of later arenas were created swept
    cur.arena = cur.span = 0;
}

bool Heap::trySweep(Span* s) {
    uint32_t sg = sweepGen_.load(std::memory_order_relaxed);
    uint32_t unswept = sg - 2;
    // acquire: the span's slots as its last owner (a cache flushed at termination, or the last
    // sweep) left them.
    if (!s->sweepGen.compare_exchange_strong(unswept, sg - 1, std::memory_order_acquire,
                                             std::memory_order_relaxed))
        return false;
    sweepSpan(s);
    return true;
}

void Heap::ensureSwept(Span* s) {
    uint32_t sg = sweepGen_.load(std::memory_order_relaxed);
    if (trySweep(s)) {
        // release: pairs with the acquire below in whoever waits, and with the next claim.
        s->sweepGen.store(sg, std::memory_order_release);
        return;
    }
    // The collector is sweeping it right now (one span: microseconds).
    while (s->sweepGen.load(std::memory_order_acquire) != sg)
        std::this_thread::yield();
}

void Heap::sweepSpan(Span* s) {
    uint64_t freedBytes = 0, freedObjs = 0, live = 0;
    auto makeFree = [s](Obj* o) {
        o->gcMark.store(gcmark::kFreeSlot, std::memory_order_relaxed);
        Span::link(o) = s->freeList;
        s->freeList = o;
        s->nfree++;
    };
    for (size_t i = 0; i < s->bump; i++) {
        Obj* o = s->slot(i);
        uint8_t m = o->gcMark.load(std::memory_order_relaxed);
        if (m == gcmark::kFreeSlot) continue;
        if (m == gcmark::kFreed) {
            destroyMembers(o);
            makeFree(o);
        } else if (m == gcmark::kWhite) {
            freedBytes += s->elemSize;
            freedObjs++;
            if (sweepVerify_) {
                poison(o, s->elemSize);
            } else {
                destroyMembers(o);
                makeFree(o);
            }
        } else {
            o->gcMark.store(gcmark::kWhite, std::memory_order_relaxed);
            live += s->elemSize;
        }
    }
    // relaxed: statistics; the cycle's end reads them after every span was swept (its own
    // sweeps, and allocators' sweeps published by their sweepGen stores it waited for).
    if (freedBytes) heapAlloc_.fetch_sub(freedBytes, std::memory_order_relaxed);
    if (freedObjs) frees_.fetch_add(freedObjs, std::memory_order_relaxed);
    sweptLive_.fetch_add(live, std::memory_order_relaxed);
}

void Heap::placeAfterSweep(Span* s) {
    uint32_t sg = sweepGen_.load(std::memory_order_relaxed);
    CentralList& cl = central_[s->sizeClass];
    bool empty = false;
    {
        std::lock_guard<std::mutex> g(cl.mu);
        // A Cached span was taken off the list by an allocator, which waits for this sweep and
        // keeps the span whatever it holds.
        if (s->state != Span::State::Cached) {
            if (s->nfree == s->nelems) {
                if (s->state == Span::State::Partial) spanListRemove(cl.head, s);
                empty = true;
            } else if (s->state == Span::State::Full && s->nfree > 0) {
                s->state = Span::State::Partial;
                spanListPush(cl.head, s);
            }
        }
        // release: the waiting allocator sees the swept slots.
        s->sweepGen.store(sg, std::memory_order_release);
    }
    if (empty) {
        // Unlisted and not cached: nobody else can reach it until it is in the pool.
        std::lock_guard<std::mutex> g(poolMu_);
        poolPut(s);
    }
}

void Heap::sweepLargeBatch(size_t max) {
    uint64_t freedBytes = 0, freedObjs = 0, live = 0;
    for (; largeSweeping_ && max > 0; max--) {
        LargePrefix* lp = largeSweeping_;
        largeSweeping_ = lp->next;
        Obj* o = reinterpret_cast<Obj*>(lp + 1);
        uint8_t m = o->gcMark.load(std::memory_order_relaxed);
        bool keep = true;
        if (m == gcmark::kFreed) {
            keep = false;
        } else if (m == gcmark::kWhite) {
            freedBytes += lp->bytes;
            freedObjs++;
            if (sweepVerify_)
                poison(o, lp->bytes);
            else
                keep = false;
        } else {
            o->gcMark.store(gcmark::kWhite, std::memory_order_relaxed);
            live += lp->bytes;
        }
        if (keep) {
            lp->next = nullptr;
            *largeKeptTail_ = lp;
            largeKeptTail_ = &lp->next;
        } else {
            destroyMembers(o);
            std::free(lp);
        }
    }
    if (!largeSweeping_ && largeKept_) {
        std::lock_guard<std::mutex> g(largeMu_);
        *largeKeptTail_ = large_;
        large_ = largeKept_;
        largeKept_ = nullptr;
        largeKeptTail_ = &largeKept_;
    }
    if (freedBytes) heapAlloc_.fetch_sub(freedBytes, std::memory_order_relaxed);
    if (freedObjs) frees_.fetch_add(freedObjs, std::memory_order_relaxed);
    sweptLive_.fetch_add(live, std::memory_order_relaxed);
}

bool Heap::sweepSome(SweepCursor& cur, size_t maxSpans) {
    while (maxSpans > 0 && cur.arena < cur.arenas.size()) {
        Span* s = &cur.arenas[cur.arena]->spans[cur.span];
        if (++cur.span == kArenaSpans) {
            cur.span = 0;
            cur.arena++;
        }
        if (trySweep(s)) {
            placeAfterSweep(s);
            maxSpans--;
        } else {
            // An allocator is sweeping it. Wait: the cycle must not end (and the next one start
            // marking) while a sweep of this generation is still clearing marks — an allocator
            // off a P (a goroutine in a blocking native) is not stopped by the next cycle's
            // stop-the-world.
            uint32_t sg = sweepGen_.load(std::memory_order_relaxed);
            while (s->sweepGen.load(std::memory_order_acquire) == sg - 1)
                std::this_thread::yield();
        }
    }
    if (cur.arena < cur.arenas.size()) return false;
    sweepLargeBatch(maxSpans * 64 + 64);
    return largeSweeping_ == nullptr;
}

} // namespace gol::vm
