// sema.cpp — semacquire/semrelease and the Cond notify list (Go's sema.go).
//
// Invariants:
//  * A G waiting in semacquire(addr) is on the list of bucket hash(addr) with w.addr == addr,
//    and root.nwait counts the waiters of the bucket (all addresses).
//  * Dekker pairing that prevents a lost wake-up: the waiter increments nwait *then* retries
//    the acquire; the releaser increments *addr *then* reads nwait. Both seq_cst, so at least
//    one of them sees the other.
// Locks: SemaRoot::lock (rank SemaRoot) protects its list; it is released by the parking G's
// unlockf on g0, and released before any goready. NotifyList::lock (a spin lock, rank
// NotifyList) likewise.
#include "runtime/sema.hpp"

#include <thread>

#include "runtime/proc.hpp"

namespace gol::rt {

// 251 buckets (Go's semTabSize): prime, so addresses that share low zero bits (aligned
// objects) still spread over all buckets.
constexpr size_t kSemTabSize = 251;

struct SemaWaiter {
    G* g;
    std::atomic<uint32_t>* addr;
    SemaWaiter* next;
    SemaWaiter* prev;
    bool ticket; // handed the count directly by a starving Mutex's unlock
};

struct SemaRoot {
    RankedMutex lock{LockRank::SemaRoot};
    SemaWaiter* head = nullptr;
    SemaWaiter* tail = nullptr;
    std::atomic<uint32_t> nwait{0};
};

void semtableInit(Sched& s) {
    s.semtable = new SemaRoot[kSemTabSize];
}
void semtableDestroy(Sched& s) {
    delete[] s.semtable;
    s.semtable = nullptr;
}

static SemaRoot* semroot(std::atomic<uint32_t>* addr) {
    Sched& s = getRuntime()->sched();
    return &s.semtable[(reinterpret_cast<uintptr_t>(addr) >> 3) % kSemTabSize];
}

static bool cansemacquire(std::atomic<uint32_t>* addr) {
    uint32_t v = addr->load();
    while (v != 0)
        if (addr->compare_exchange_weak(v, v - 1)) return true;
    return false;
}

static bool semparkcommit(G*, void* arg) {
    static_cast<SemaRoot*>(arg)->lock.unlock();
    return true;
}

void semacquire(std::atomic<uint32_t>* addr, bool lifo, WaitReason reason) {
    if (cansemacquire(addr)) return;
    SemaRoot* root = semroot(addr);
    G* gp = getg();
    SemaWaiter w{gp, addr, nullptr, nullptr, false};
    for (;;) {
        root->lock.lock();
        root->nwait.fetch_add(1); // before the re-check: see the Dekker note above
        if (cansemacquire(addr)) {
            root->nwait.fetch_sub(1);
            root->lock.unlock();
            return;
        }
        if (lifo && root->head) {
            w.next = root->head;
            w.prev = nullptr;
            root->head->prev = &w;
            root->head = &w;
        } else {
            w.next = nullptr;
            w.prev = root->tail;
            if (root->tail)
                root->tail->next = &w;
            else
                root->head = &w;
            root->tail = &w;
        }
        gopark(semparkcommit, root, reason);
        if (w.ticket || cansemacquire(addr)) return;
        // Woken but another G took the count first (normal mode): wait again, at the front.
        lifo = true;
        w.ticket = false;
    }
}

void semrelease(std::atomic<uint32_t>* addr, bool handoff) {
    SemaRoot* root = semroot(addr);
    addr->fetch_add(1);
    if (root->nwait.load() == 0) return; // no waiter: nothing to wake (Dekker pair)
    SemaWaiter* w = nullptr;
    {
        std::lock_guard<RankedMutex> g(root->lock);
        if (root->nwait.load() == 0) return;
        for (SemaWaiter* x = root->head; x; x = x->next) {
            if (x->addr == addr) {
                w = x;
                break;
            }
        }
        if (!w) return;
        if (w->prev)
            w->prev->next = w->next;
        else
            root->head = w->next;
        if (w->next)
            w->next->prev = w->prev;
        else
            root->tail = w->prev;
        w->next = w->prev = nullptr;
        root->nwait.fetch_sub(1);
    }
    G* gp = w->g;
    bool yield = false;
    if (handoff && cansemacquire(addr)) {
        w->ticket = true; // the waiter owns the count; it must not retry
        yield = true;
    }
    goready(gp); // after this, w (on the waiter's stack) may be gone
    if (yield && getg()) {
        // Starving Mutex: run the waiter now (it is in our runnext) instead of letting us
        // take the lock again.
        goyield();
    }
}

// ---- notify list (sync.Cond) ------------------------------------------------------------------

struct Waiter {
    G* g;
    uint32_t ticket;
    Waiter* next;
};

static void nlLock(NotifyList* l) {
    uint32_t zero = 0;
    while (!l->lock.compare_exchange_weak(zero, 1, std::memory_order_acquire)) {
        zero = 0;
        std::this_thread::yield();
    }
}
static void nlUnlock(NotifyList* l) {
    l->lock.store(0, std::memory_order_release);
}

// Ticket comparison that survives wrap-around (Go's less).
static bool ticketLess(uint32_t a, uint32_t b) {
    return static_cast<int32_t>(a - b) < 0;
}

uint32_t notifyListAdd(NotifyList* l) {
    return l->wait.fetch_add(1);
}

static bool nlparkcommit(G*, void* arg) {
    nlUnlock(static_cast<NotifyList*>(arg));
    return true;
}

void notifyListWait(NotifyList* l, uint32_t ticket) {
    nlLock(l);
    if (ticketLess(ticket, l->notify)) { // already notified
        nlUnlock(l);
        return;
    }
    Waiter w{getg(), ticket, nullptr};
    if (l->tail)
        l->tail->next = &w;
    else
        l->head = &w;
    l->tail = &w;
    gopark(nlparkcommit, l, WaitReason::SyncCondWait);
}

void notifyListNotifyAll(NotifyList* l) {
    if (l->wait.load() == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return; // nobody waits
    nlLock(l);
    Waiter* w = l->head;
    l->head = l->tail = nullptr;
    __atomic_store_n(&l->notify, l->wait.load(), __ATOMIC_SEQ_CST);
    nlUnlock(l);
    while (w) {
        Waiter* next = w->next;
        goready(w->g);
        w = next;
    }
}

void notifyListNotifyOne(NotifyList* l) {
    if (l->wait.load() == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return;
    nlLock(l);
    uint32_t t = l->notify;
    if (t == l->wait.load()) {
        nlUnlock(l);
        return;
    }
    __atomic_store_n(&l->notify, t + 1, __ATOMIC_SEQ_CST);
    // The waiter with ticket t may not have queued yet (it is between Add and Wait); then it
    // will see notify > t in notifyListWait and not sleep.
    Waiter* prev = nullptr;
    for (Waiter* w = l->head; w; prev = w, w = w->next) {
        if (w->ticket == t) {
            if (prev)
                prev->next = w->next;
            else
                l->head = w->next;
            if (l->tail == w) l->tail = prev;
            nlUnlock(l);
            goready(w->g);
            return;
        }
    }
    nlUnlock(l);
}

} // namespace gol::rt
