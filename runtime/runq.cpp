// runq.cpp — the per-P lock-free run queue (Go's runqput/runqget/runqgrab/runqsteal).
//
// Invariants:
//  * runqhead and runqtail are free-running uint32 counters; tail - head is the length and is
//    always in [0, kRunqSize]. Slot i lives at runq[i % kRunqSize].
//  * Only the owner M (the M holding the P) writes runqtail and the slots in [tail, head+256).
//    Anyone (the owner or a stealer) consumes from the head with a CAS on runqhead.
//  * runnext is an extra single slot with priority over the ring; it is set only by the
//    owner and taken by the owner or a stealer with a CAS.
// Memory orderings: each slot is a relaxed atomic, because a stealer may read a slot that the
// owner is overwriting at the same moment (its CAS on head then fails and the value is
// discarded); all ordering comes from head and tail:
//  * the owner's release store of tail publishes the slot writes (and the G's fields) to the
//    acquire loads of tail by stealers;
//  * a consumer's release CAS of head tells the owner, through its acquire load of head, that
//    the slots below the new head are no longer read and may be reused.
// No lock. Global queue and free lists are in sched.cpp/proc.cpp.
#include "runtime/proc.hpp"

namespace gol::rt {

bool runqempty(P* pp) {
    // A G can move from runnext to the ring while we look (runqput with next=true kicks the
    // old runnext into the ring): read head, tail, runnext, then re-check tail, as Go does, so
    // a racing put cannot make a non-empty queue look empty.
    for (;;) {
        uint32_t head = pp->runqhead.load(std::memory_order_seq_cst);
        uint32_t tail = pp->runqtail.load(std::memory_order_seq_cst);
        G* next = pp->runnext.load(std::memory_order_seq_cst);
        if (tail == pp->runqtail.load(std::memory_order_seq_cst)) return head == tail && next == nullptr;
    }
}

uint32_t runqlen(P* pp) {
    uint32_t head = pp->runqhead.load(std::memory_order_acquire);
    uint32_t tail = pp->runqtail.load(std::memory_order_acquire);
    return tail - head <= kRunqSize ? tail - head : 0; // racy snapshot for traces
}

// Slow path of runqput: the ring is full, so move half of it plus gp to the global queue
// (Go's runqputslow). Returns false if a stealer moved the head meanwhile (retry the put).
static bool runqputslow(Sched& s, P* pp, G* gp, uint32_t head, uint32_t tail) {
    constexpr uint32_t n = kRunqSize / 2;
    G* batch[n + 1];
    if (tail - head != kRunqSize) return false; // not full any more
    for (uint32_t i = 0; i < n; i++)
        batch[i] = pp->runq[(head + i) % kRunqSize].load(std::memory_order_relaxed);
    // Release: our slot reads above happen before the owner (us, later) reuses the slots;
    // pairs with the acquire load of head in runqput. Failure: a stealer got there first.
    if (!pp->runqhead.compare_exchange_strong(head, head + n, std::memory_order_release,
                                              std::memory_order_relaxed))
        return false;
    batch[n] = gp;
    for (uint32_t i = 0; i < n; i++)
        batch[i]->schedlink = batch[i + 1];
    std::lock_guard<RankedMutex> g(s.lock);
    globrunqputbatch(s, batch[0], batch[n], n + 1);
    return true;
}

void runqput(Sched& s, P* pp, G* gp, bool next) {
    if (next) {
        // acq_rel: release publishes gp's fields to whoever takes runnext (owner or stealer,
        // both CAS with acquire); acquire makes the G we kick out fully visible to us.
        G* old = pp->runnext.exchange(gp, std::memory_order_acq_rel);
        if (old == nullptr) return;
        gp = old; // the old runnext goes to the tail of the ring
    }
    for (;;) {
        // Acquire pairs with consumers' release CAS of head: the slots they took are free.
        uint32_t head = pp->runqhead.load(std::memory_order_acquire);
        // Relaxed: only this M (the owner) ever writes tail.
        uint32_t tail = pp->runqtail.load(std::memory_order_relaxed);
        if (tail - head < kRunqSize) {
            pp->runq[tail % kRunqSize].store(gp, std::memory_order_relaxed);
            // Release: publishes the slot (and gp) to stealers' acquire load of tail.
            pp->runqtail.store(tail + 1, std::memory_order_release);
            return;
        }
        if (runqputslow(s, pp, gp, head, tail)) return;
    }
}

G* runqget(P* pp, bool* inheritTime) {
    // runnext first: a G readied by the running G inherits the rest of the time slice.
    G* next = pp->runnext.load(std::memory_order_relaxed);
    // Acquire on success pairs with the acq_rel exchange in runqput: gp's fields are visible.
    while (next != nullptr && !pp->runnext.compare_exchange_weak(next, nullptr, std::memory_order_acquire,
                                                                 std::memory_order_relaxed)) {
    }
    if (next != nullptr) {
        *inheritTime = true;
        return next;
    }
    *inheritTime = false;
    for (;;) {
        // Acquire: synchronises with other consumers' release CAS (Go's LoadAcq).
        uint32_t head = pp->runqhead.load(std::memory_order_acquire);
        // Relaxed: we are the owner and the only writer of tail.
        uint32_t tail = pp->runqtail.load(std::memory_order_relaxed);
        if (tail == head) return nullptr;
        G* gp = pp->runq[head % kRunqSize].load(std::memory_order_relaxed);
        // Release: commits the consume; the slot read above happens before any reuse.
        if (pp->runqhead.compare_exchange_weak(head, head + 1, std::memory_order_release,
                                               std::memory_order_relaxed))
            return gp;
    }
}

// Takes half of pp's Gs into batch[batchHead ...] (a ring of kRunqSize slots, the thief's
// own queue). Returns how many (Go's runqgrab).
static uint32_t runqgrab(P* pp, std::atomic<G*>* batch, uint32_t batchHead, bool stealRunNextG) {
    for (;;) {
        // Acquire on head: pairs with other consumers' release CAS.
        uint32_t head = pp->runqhead.load(std::memory_order_acquire);
        // Acquire on tail: pairs with the owner's release store; the slots below are written.
        uint32_t tail = pp->runqtail.load(std::memory_order_acquire);
        uint32_t n = tail - head;
        n = n - n / 2;
        if (n == 0) {
            if (stealRunNextG) {
                G* next = pp->runnext.load(std::memory_order_relaxed);
                if (next != nullptr) {
                    // The owner is probably about to run it (it was readied by its running G);
                    // yielding once gives it that chance instead of bouncing the G across Ms.
                    if (pp->status.load() == PStatus::Running) std::this_thread::yield();
                    if (!pp->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acquire,
                                                             std::memory_order_relaxed))
                        continue;
                    batch[batchHead % kRunqSize].store(next, std::memory_order_relaxed);
                    return 1;
                }
            }
            return 0;
        }
        if (n > kRunqSize / 2) continue; // head and tail read at different times: inconsistent
        for (uint32_t i = 0; i < n; i++) {
            G* g = pp->runq[(head + i) % kRunqSize].load(std::memory_order_relaxed);
            batch[(batchHead + i) % kRunqSize].store(g, std::memory_order_relaxed);
        }
        // Release: our slot reads happen before the victim's owner reuses them.
        if (pp->runqhead.compare_exchange_strong(head, head + n, std::memory_order_release,
                                                 std::memory_order_relaxed))
            return n;
    }
}

G* runqsteal(P* pp, P* p2, bool stealRunNextG) {
    // Relaxed: pp is ours; its queue is empty (we only steal when out of work), so the slots
    // from tail on are free.
    uint32_t tail = pp->runqtail.load(std::memory_order_relaxed);
    uint32_t n = runqgrab(p2, pp->runq, tail, stealRunNextG);
    if (n == 0) return nullptr;
    n--;
    G* gp = pp->runq[(tail + n) % kRunqSize].load(std::memory_order_relaxed);
    if (n == 0) return gp;
    // Release: publish the stolen slots to stealers of pp (acquire load of tail).
    pp->runqtail.store(tail + n, std::memory_order_release);
    return gp;
}

int32_t runqdrain(P* pp, G** headOut, G** tailOut) {
    G* head = nullptr;
    G* tail = nullptr;
    int32_t n = 0;
    auto push = [&](G* gp) {
        gp->schedlink = nullptr;
        if (tail)
            tail->schedlink = gp;
        else
            head = gp;
        tail = gp;
        n++;
    };
    if (G* next = pp->runnext.exchange(nullptr, std::memory_order_acq_rel)) push(next);
    bool inherit;
    while (G* gp = runqget(pp, &inherit))
        push(gp);
    *headOut = head;
    *tailOut = tail;
    return n;
}

} // namespace gol::rt
