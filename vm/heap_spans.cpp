// The span allocator behind Heap::alloc (vm/spans.hpp has the structures and who may touch
// what): per-P caches, the central lists of partly free spans, the pool of free spans and the
// arenas they come from, large objects, and the collector's two phase changes.
#include "vm/heap.hpp"

#include "runtime/runtime.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace gol::vm {

namespace {

// The sweep generation of a span in the pool: odd, so never "heap's - 2" (always even), and the
// sweeper never claims a free span.
constexpr uint32_t kFreeSpanGen = 1;

} // namespace

// ---- the allocation paths ---------------------------------------------------------------------

SpanCache* Heap::procCache() {
    const rt::Runtime* r = runtime_.load(std::memory_order_relaxed);
    if (!r) return nullptr;
    int id = r->currentProcId();
    if (id < 0 || size_t(id) >= procCaches_.size()) return nullptr;
    // Only the M that holds P `id` gets here with this id, so only it creates the cache. release:
    // the collector, which reads the array with the world stopped, sees it constructed.
    SpanCache* c = procCaches_[size_t(id)].load(std::memory_order_acquire);
    if (!c) {
        c = new SpanCache;
        procCaches_[size_t(id)].store(c, std::memory_order_release);
    }
    return c;
}

void Heap::initHeader(Obj* o, ObjKind kind) {
    // relaxed: allocMark_ changes only while the world is stopped (and under sharedMu_ and
    // largeMu_, which the off-P and large paths hold here), so this is the current phase's.
    uint8_t mark = allocMark_.load(std::memory_order_relaxed);
    // A map allocated black counts as already shaded (its barrier state, gc_barrier.hpp).
    if (mark != gcmark::kWhite && (kind == ObjKind::Map || kind == ObjKind::MapIter)) mark = gcmark::kBlack;
    o->kind = kind;
    o->gcMark.store(mark, std::memory_order_relaxed);
    o->typeLow = 0;
    o->typeHigh = 0;
}

Obj* Heap::allocSmall(SpanCache& c, unsigned cls, ObjKind kind) {
    Span* s = c.span[cls];
    if (!s || s->nfree == 0) {
        s = refill(c, cls);
        if (!s) return nullptr;
    }
    Obj* o;
    if (s->freeList) {
        o = s->freeList;
        s->freeList = Span::link(o);
        std::memset(static_cast<void*>(o), 0, s->elemSize); // a swept slot holds its old bytes
    } else {
        o = s->slot(s->bump++); // never handed out: still zero
    }
    s->nfree--;
    initHeader(o, kind);
    c.note(s->elemSize);
    return o;
}

Span* Heap::refill(SpanCache& c, unsigned cls) {
    if (Span* old = c.span[cls]) {
        std::lock_guard<std::mutex> g(central_[cls].mu);
        old->state = Span::State::Full;
        c.span[cls] = nullptr;
    }
    flushStats(c);
    uint64_t now = heapAlloc_.load(std::memory_order_relaxed) + kClassSize[cls];
    if (!checkGrowth(now, kClassSize[cls])) return nullptr;
    Span* s = takeSpan(cls);
    c.span[cls] = s;
    return s;
}

bool Heap::checkGrowth(uint64_t now, size_t bytes) {
    if (now > limitGoal_.load(std::memory_order_relaxed) && !admitOverLimitGoal(now, bytes)) return false;
    if (now > trigger_.load(std::memory_order_relaxed) && gcPercent_ >= 0 &&
        !gcPending_.load(std::memory_order_relaxed))
        requestCollection();
    // The periodic cycle's clock, looked at once per span (at most 4096 allocations apart);
    // busy goroutines also look at it at their preemption safepoints (VM::safepoint).
    if (periodicCollectionDue()) requestCollection();
    return true;
}

void Heap::flushStats(SpanCache& c) {
    uint64_t bytes = c.bytes.load(std::memory_order_relaxed);
    uint64_t count = c.count.load(std::memory_order_relaxed);
    if (count == 0) return;
    c.bytes.store(0, std::memory_order_relaxed);
    c.count.store(0, std::memory_order_relaxed);
    // relaxed: statistics and triggers; no other memory is published through them.
    heapAlloc_.fetch_add(bytes, std::memory_order_relaxed);
    totalAlloc_.fetch_add(bytes, std::memory_order_relaxed);
    mallocs_.fetch_add(count, std::memory_order_relaxed);
}

Span* Heap::takeSpan(unsigned cls) {
    CentralList& cl = central_[cls];
    for (;;) {
        Span* s;
        {
            std::lock_guard<std::mutex> g(cl.mu);
            s = spanListPop(cl.head);
            if (s) s->state = Span::State::Cached;
        }
        if (!s) break;
        ensureSwept(s);
        if (s->nfree > 0) return s;
        std::lock_guard<std::mutex> g(cl.mu); // cannot happen (sweeping only frees); be safe
        s->state = Span::State::Full;
    }
    return spanFromPool(cls);
}

Span* Heap::spanFromPool(unsigned cls) {
    Span* s = nullptr;
    bool dirty = false;
    {
        std::lock_guard<std::mutex> g(poolMu_);
        if ((s = spanListPop(poolHot_))) {
            poolHotCount_--;
            dirty = true;
        } else if ((s = spanListPop(poolCold_))) {
            poolColdCount_--;
        } else {
            // A new arena: its spans go to the cold pool (mmap's pages are zero until touched).
            void* mem = ::mmap(nullptr, kArenaSpans * kSpanBytes, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (mem == MAP_FAILED) return nullptr;
            auto* a = new Arena;
            a->base = static_cast<uint8_t*>(mem);
            for (size_t i = kArenaSpans; i-- > 0;) {
                Span& sp = a->spans[i];
                sp.base = a->base + i * kSpanBytes;
                sp.sweepGen.store(kFreeSpanGen, std::memory_order_relaxed);
                spanListPush(poolCold_, &sp);
            }
            arenas_.push_back(a);
            spanSys_.fetch_add(kArenaSpans * kSpanBytes, std::memory_order_relaxed);
            spanIdle_.fetch_add(kArenaSpans * kSpanBytes, std::memory_order_relaxed);
            s = spanListPop(poolCold_);
            poolColdCount_ += kArenaSpans - 1;
        }
        spanIdle_.fetch_sub(kSpanBytes, std::memory_order_relaxed);
    }
    if (dirty) std::memset(s->base, 0, kSpanBytes); // bump allocation relies on zero slots
    s->elemSize = kClassSize[cls];
    s->nelems = uint16_t(kSpanBytes / s->elemSize);
    s->bump = 0;
    s->nfree = s->nelems;
    s->sizeClass = uint8_t(cls);
    s->state = Span::State::Cached;
    s->released = false;
    s->freeList = nullptr;
    // A new span is swept for the current generation. release: a sweeper that reads the
    // generation (and skips the span) is ordered after the initialisation above.
    s->sweepGen.store(sweepGen_.load(std::memory_order_relaxed), std::memory_order_release);
    return s;
}

void Heap::poolPut(Span* s) {
    s->state = Span::State::Free;
    s->sweepGen.store(kFreeSpanGen, std::memory_order_relaxed);
    spanListPush(poolHot_, s);
    poolHotCount_++;
    spanIdle_.fetch_add(kSpanBytes, std::memory_order_relaxed);
}

void Heap::releaseIdleSpans() {
    // Keep the spans backed by memory (in use, or free but not given back) within the heap goal
    // plus 10% and 4 MiB — what the heap grows into again before its next cycle — and give half
    // of the free spans beyond that back to the OS per cycle (a gradual return, as Go's
    // scavenger paces its own: a heap that shrinks for one cycle and grows again does not pay a
    // page fault per page every cycle).
    uint64_t goal = nextGC_.load(std::memory_order_relaxed);
    uint64_t target = goal + goal / 10 + (4u << 20);
    Span* release = nullptr;
    {
        std::lock_guard<std::mutex> g(poolMu_);
        uint64_t resident = spanSys_.load(std::memory_order_relaxed) - poolColdCount_ * kSpanBytes;
        size_t excess = resident > target ? size_t((resident - target + kSpanBytes - 1) / kSpanBytes) : 0;
        for (size_t n = (excess + 1) / 2; n > 0 && poolHot_; n--) {
            Span* s = spanListPop(poolHot_);
            poolHotCount_--;
            spanListPush(release, s);
        }
    }
    if (!release) return;
    for (Span* s = release; s; s = s->next)
        ::madvise(s->base, kSpanBytes, MADV_DONTNEED); // zero on the next touch
    std::lock_guard<std::mutex> g(poolMu_);
    while (Span* s = spanListPop(release)) {
        s->released = true;
        spanListPush(poolCold_, s);
        poolColdCount_++;
    }
}

void Heap::flushCache(SpanCache& c) {
    flushStats(c);
    for (unsigned cls = 0; cls < kNumClasses; cls++) {
        Span* s = c.span[cls];
        if (!s) continue;
        c.span[cls] = nullptr;
        std::lock_guard<std::mutex> g(central_[cls].mu);
        if (s->nfree > 0) {
            s->state = Span::State::Partial;
            spanListPush(central_[cls].head, s);
        } else {
            s->state = Span::State::Full;
        }
    }
}

Obj* Heap::allocLarge(ObjKind kind, size_t bytes) {
    uint64_t now = heapAlloc_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (!checkGrowth(now, bytes)) {
        heapAlloc_.fetch_sub(bytes, std::memory_order_relaxed);
        return nullptr;
    }
    void* mem =
        bytes > SIZE_MAX - sizeof(LargePrefix) ? nullptr : std::calloc(1, sizeof(LargePrefix) + bytes);
    if (!mem) {
        heapAlloc_.fetch_sub(bytes, std::memory_order_relaxed);
        return nullptr;
    }
    totalAlloc_.fetch_add(bytes, std::memory_order_relaxed);
    mallocs_.fetch_add(1, std::memory_order_relaxed);
    auto* lp = static_cast<LargePrefix*>(mem);
    lp->bytes = bytes;
    Obj* o = reinterpret_cast<Obj*>(lp + 1);
    std::lock_guard<std::mutex> g(largeMu_);
    initHeader(o, kind);
    lp->next = large_;
    large_ = lp;
    return o;
}

// ---- the collector's phase changes (world stopped) --------------------------------------------

void Heap::startMarking() {
    std::lock_guard<std::mutex> g1(sharedMu_);
    std::lock_guard<std::mutex> g2(largeMu_);
    allocMark_.store(gcmark::kGrey, std::memory_order_relaxed);
}

void Heap::finishMarking(bool verify) {
    std::lock_guard<std::mutex> g1(sharedMu_);
    flushCache(sharedCache_);
    for (auto& slot : procCaches_)
        if (SpanCache* c = slot.load(std::memory_order_acquire)) flushCache(*c);
    {
        std::lock_guard<std::mutex> g2(largeMu_);
        largeSweeping_ = large_;
        large_ = nullptr;
        allocMark_.store(gcmark::kWhite, std::memory_order_relaxed);
    }
    largeKept_ = nullptr;
    largeKeptTail_ = &largeKept_;
    sweepVerify_ = verify;
    sweptLive_.store(0, std::memory_order_relaxed);
    sweepGen_.fetch_add(2, std::memory_order_relaxed);
}

// ---- construction and destruction -------------------------------------------------------------

Heap::Heap() = default;

Heap::~Heap() {
    // No goroutine runs any more: free every object that still holds a slot (live, garbage not
    // yet swept, or quarantined by gcverify) and give the arenas back.
    for (Arena* a : arenas_) {
        for (Span& s : a->spans) {
            if (s.state == Span::State::Free) continue;
            for (size_t i = 0; i < s.bump; i++) {
                Obj* o = s.slot(i);
                if (o->gcMark.load(std::memory_order_relaxed) != gcmark::kFreeSlot) destroyMembers(o);
            }
        }
        ::munmap(a->base, kArenaSpans * kSpanBytes);
        delete a;
    }
    for (auto& slot : procCaches_)
        delete slot.load(std::memory_order_relaxed);
    for (LargePrefix* list : {large_, largeSweeping_, largeKept_}) {
        while (LargePrefix* lp = list) {
            list = lp->next;
            destroyMembers(reinterpret_cast<Obj*>(lp + 1));
            std::free(lp);
        }
    }
}

} // namespace gol::vm
