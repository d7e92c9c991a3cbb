// lockrank.hpp — runtime mutexes that carry a rank from lockrank.def.
//
// In debug and TSan builds (GOL_LOCKRANK) every acquisition by an M checks that each lock the
// M already holds has a lower rank (or is an "hchan" lock when taking another one: select
// locks its channels in address order), and aborts with both names otherwise. Locks taken on
// a host thread (no M) are not checked. A G never switches while holding a lock except in
// gopark, whose unlockf releases it on the same M's g0, so per-M bookkeeping is exact.
#pragma once

#include <atomic>
#include <cstdint>

#if !defined(NDEBUG) || defined(GOL_TSAN)
#define GOL_LOCKRANK 1
#endif

namespace gol::rt {

enum class LockRank : uint8_t {
#define LOCK_RANK(name, rank, why) name = rank,
#include "runtime/lockrank.def"
#undef LOCK_RANK
};
const char* lockRankName(LockRank r);

#ifdef GOL_LOCKRANK
void lockRankAcquire(LockRank r); // checks and records (current M only)
void lockRankRelease(LockRank r);
#else
inline void lockRankAcquire(LockRank) {}
inline void lockRankRelease(LockRank) {}
#endif

// The runtime's mutex: a futex word (0 free, 1 locked, 2 locked with sleepers; Drepper's
// "Futexes are tricky" mutex 2) plus a rank. Not std::mutex, because a G locks it and g0
// unlocks it after the switch (gopark's unlockf): legal for a futex, "wrong owner" for
// pthread mutexes under TSan. BasicLockable, so std::lock_guard / std::unique_lock work.
class RankedMutex {
  public:
    explicit RankedMutex(LockRank r) : rank_(r) {}
    RankedMutex(const RankedMutex&) = delete;
    RankedMutex& operator=(const RankedMutex&) = delete;
    void lock() {
        lockRankAcquire(rank_);
        uint32_t c = 0;
        // Acquire on success: pairs with the release exchange in unlock(), so the critical
        // section of the previous owner happens before ours.
        if (!state_.compare_exchange_strong(c, 1, std::memory_order_acquire, std::memory_order_relaxed))
            lockSlow(c);
    }
    bool try_lock() {
        uint32_t c = 0;
        if (!state_.compare_exchange_strong(c, 1, std::memory_order_acquire, std::memory_order_relaxed))
            return false;
        lockRankAcquire(rank_);
        return true;
    }
    void unlock() {
        lockRankRelease(rank_);
        // Release: publishes the critical section to the next acquirer.
        if (state_.exchange(0, std::memory_order_release) == 2) wake();
    }

  private:
    void lockSlow(uint32_t c);
    void wake();
    std::atomic<uint32_t> state_{0};
    LockRank rank_;
};

} // namespace gol::rt
