// sync_waitgroup.cpp — Go's sync.WaitGroup and sync.Once.
//
// WaitGroup state_: counter in the high 32 bits, number of waiters in the low 32 bits, one
// 64-bit word so Add and Wait agree atomically (seq_cst, like Go). When the counter drops to 0
// with waiters, Add resets the word to 0 and releases the semaphore once per waiter; a Wait
// that then sees a non-zero word was overtaken by a reuse of the group (Go's panic).
#include "runtime/sync.hpp"

namespace gol::rt {

SyncError WaitGroup::add(int64_t delta) {
    uint64_t state =
        state_.fetch_add(static_cast<uint64_t>(delta) << 32) + (static_cast<uint64_t>(delta) << 32);
    int32_t v = static_cast<int32_t>(state >> 32);
    uint32_t w = static_cast<uint32_t>(state);
    if (v < 0) return SyncError::NegativeWaitGroupCounter;
    if (w != 0 && delta > 0 && v == static_cast<int32_t>(delta)) return SyncError::WaitGroupMisuse;
    if (v > 0 || w == 0) return SyncError::None;
    // Counter is 0 and there are waiters: nobody may touch the group until they are released.
    if (state_.load() != state) return SyncError::WaitGroupMisuse;
    state_.store(0);
    for (; w != 0; w--)
        semrelease(&sema_, false);
    return SyncError::None;
}

SyncError WaitGroup::wait() {
    for (;;) {
        uint64_t state = state_.load();
        if ((state >> 32) == 0) return SyncError::None;
        if (state_.compare_exchange_strong(state, state + 1)) {
            semacquire(&sema_, false, WaitReason::SyncWaitGroupWait);
            if (state_.load() != 0) return SyncError::WaitGroupReused;
            return SyncError::None;
        }
    }
}

bool Once::enter() {
    if (done_.load(std::memory_order_acquire)) return false; // fast path: pairs with leave()
    m_.lock();
    if (done_.load(std::memory_order_relaxed)) { // under m_: leave() stored it before unlocking
        (void)m_.unlock();
        return false;
    }
    return true;
}

void Once::leave() {
    // Release: f's effects are visible to every later enter() that sees done.
    done_.store(1, std::memory_order_release);
    (void)m_.unlock();
}

} // namespace gol::rt
