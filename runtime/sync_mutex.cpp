// sync_mutex.cpp — Go's sync.Mutex (sync/mutex.go), in our words.
//
// state_ bits: locked (1), woken (2: a woken waiter is on its way, don't wake another),
// starving (4); the rest (>> 3) counts waiters. sema_ is the semaphore waiters sleep on.
// Normal mode: a woken waiter competes with arriving Gs (which usually win: they are
// already running), keeping throughput high. A waiter that fails to get the lock for more
// than 1 ms switches the mutex to starvation mode: unlock hands ownership straight to the
// oldest waiter and newcomers queue at the tail. Back to normal when the waiter that got the
// lock is the last one or waited less than 1 ms.
// All state_ accesses are seq_cst read-modify-writes or loads, like Go's atomics.
// No lock: the only blocking is semacquire (which parks the G, never the thread).
#include <thread>

#include "runtime/proc.hpp"
#include "runtime/sync.hpp"

namespace gol::rt {

constexpr int32_t kMutexLocked = 1;
constexpr int32_t kMutexWoken = 2;
constexpr int32_t kMutexStarving = 4;
constexpr int32_t kMutexWaiterShift = 3;
// 1 ms (Go's starvationThresholdNs): longer than a typical critical section plus a context
// switch, so only a waiter that really keeps losing the race triggers the fair mode.
constexpr int64_t kStarvationThresholdNs = 1'000'000;
// Active spinning before parking: 4 rounds of 30 pauses (Go's active_spin/active_spin_cnt)
// cover a short critical section on another CPU without paying for a park.
constexpr int kActiveSpin = 4;
constexpr int kActiveSpinCnt = 30;

static bool canSpin(int iter) {
    // Spin only if it can help: more than one P, another P busy (could release the lock),
    // and no other G waiting on our P that we would be delaying.
    if (iter >= kActiveSpin) return false;
    M* m = currentM();
    if (!m || !m->p) return false;
    Sched& s = *m->s;
    if (s.gomaxprocs.load() <= 1 || s.gomaxprocs.load() <= s.npidle.load() + s.nmspinning.load() + 1)
        return false;
    return runqempty(m->p);
}

static void doSpin() {
    for (int i = 0; i < kActiveSpinCnt; i++) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#else
        std::this_thread::yield();
#endif
    }
}

void Mutex::lock() {
    int32_t zero = 0;
    if (state_.compare_exchange_strong(zero, kMutexLocked)) return; // fast path
    lockSlow();
}

bool Mutex::tryLock() {
    int32_t old = state_.load();
    if (old & (kMutexLocked | kMutexStarving)) return false;
    return state_.compare_exchange_strong(old, old | kMutexLocked);
}

void Mutex::lockSlow() {
    int64_t waitStart = 0;
    bool starving = false;
    bool awoke = false;
    int iter = 0;
    int32_t old = state_.load();
    for (;;) {
        // Spin while locked in normal mode, telling unlock not to wake anyone (we are awake).
        if ((old & (kMutexLocked | kMutexStarving)) == kMutexLocked && canSpin(iter)) {
            if (!awoke && (old & kMutexWoken) == 0 && (old >> kMutexWaiterShift) != 0 &&
                state_.compare_exchange_strong(old, old | kMutexWoken))
                awoke = true;
            doSpin();
            iter++;
            old = state_.load();
            continue;
        }
        int32_t nw = old;
        if ((old & kMutexStarving) == 0) nw |= kMutexLocked; // don't grab a starving mutex
        if (old & (kMutexLocked | kMutexStarving)) nw += 1 << kMutexWaiterShift;
        if (starving && (old & kMutexLocked)) nw |= kMutexStarving;
        if (awoke) nw &= ~kMutexWoken;
        if (state_.compare_exchange_strong(old, nw)) {
            if ((old & (kMutexLocked | kMutexStarving)) == 0) return; // got it
            bool queueLifo = waitStart != 0; // waited before: back to the front of the queue
            if (waitStart == 0) waitStart = nanotime();
            semacquire(&sema_, queueLifo, WaitReason::SyncMutexLock);
            starving = starving || nanotime() - waitStart > kStarvationThresholdNs;
            old = state_.load();
            if (old & kMutexStarving) {
                // Ownership was handed to us; fix the state: locked, one waiter fewer, and
                // leave starvation mode if we are the last waiter or did not wait long.
                int32_t delta = kMutexLocked - (1 << kMutexWaiterShift);
                if (!starving || (old >> kMutexWaiterShift) == 1) delta -= kMutexStarving;
                state_.fetch_add(delta);
                return;
            }
            awoke = true;
            iter = 0;
        }
        // CAS failure reloaded `old`.
    }
}

SyncError Mutex::unlock() {
    int32_t nw = state_.fetch_add(-kMutexLocked) - kMutexLocked;
    if (nw != 0) return unlockSlow(nw);
    return SyncError::None;
}

SyncError Mutex::unlockSlow(int32_t nw) {
    if (((nw + kMutexLocked) & kMutexLocked) == 0) return SyncError::UnlockOfUnlockedMutex;
    if ((nw & kMutexStarving) == 0) {
        int32_t old = nw;
        for (;;) {
            // Nobody to wake, or someone already woken / got the lock / it is starving.
            if ((old >> kMutexWaiterShift) == 0 || (old & (kMutexLocked | kMutexWoken | kMutexStarving)) != 0)
                return SyncError::None;
            int32_t want = (old - (1 << kMutexWaiterShift)) | kMutexWoken;
            if (state_.compare_exchange_strong(old, want)) {
                semrelease(&sema_, false);
                return SyncError::None;
            }
        }
    }
    // Starving: hand the lock to the first waiter and let it run right away.
    semrelease(&sema_, true);
    return SyncError::None;
}

const char* syncErrorString(SyncError e) {
    switch (e) {
    case SyncError::None: return "";
    case SyncError::UnlockOfUnlockedMutex: return "sync: unlock of unlocked mutex";
    case SyncError::RUnlockOfUnlockedRWMutex: return "sync: RUnlock of unlocked RWMutex";
    case SyncError::UnlockOfUnlockedRWMutex: return "sync: Unlock of unlocked RWMutex";
    case SyncError::NegativeWaitGroupCounter: return "sync: negative WaitGroup counter";
    case SyncError::WaitGroupMisuse: return "sync: WaitGroup misuse: Add called concurrently with Wait";
    case SyncError::WaitGroupReused: return "sync: WaitGroup is reused before previous Wait has returned";
    }
    return "";
}

bool syncErrorIsFatal(SyncError e) {
    return e == SyncError::UnlockOfUnlockedMutex || e == SyncError::RUnlockOfUnlockedRWMutex ||
           e == SyncError::UnlockOfUnlockedRWMutex;
}

} // namespace gol::rt
