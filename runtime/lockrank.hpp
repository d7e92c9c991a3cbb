// lockrank.hpp — runtime mutexes that carry a rank from lockrank.def.
//
// In debug and TSan builds (GOL_LOCKRANK) every acquisition by an M checks that each lock the
// M already holds has a lower rank (or is an "hchan" lock when taking another one: select
// locks its channels in address order), and aborts with both names otherwise. Locks taken on
// a host thread (no M) are not checked. A G never switches while holding a lock except in
// gopark, whose unlockf releases it on the same M's g0, so per-M bookkeeping is exact.
#pragma once

#include <cstdint>
#include <mutex>

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

// std::mutex plus a rank. BasicLockable, so std::lock_guard / std::unique_lock work.
class RankedMutex {
public:
    explicit RankedMutex(LockRank r) : rank_(r) {}
    void lock() {
        lockRankAcquire(rank_);
        mu_.lock();
    }
    bool try_lock() {
        if (!mu_.try_lock()) return false;
        lockRankAcquire(rank_);
        return true;
    }
    void unlock() {
        lockRankRelease(rank_);
        mu_.unlock();
    }
    std::mutex& raw() { return mu_; }

private:
    std::mutex mu_;
    LockRank rank_;
};

} // namespace gol::rt
