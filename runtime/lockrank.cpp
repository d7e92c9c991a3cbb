// lockrank.cpp — the lock-rank checker (debug and TSan builds); see lockrank.def.
#include "runtime/lockrank.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "runtime/proc.hpp"

namespace gol::rt {

static void futexWait(std::atomic<uint32_t>* addr, uint32_t val) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAIT_PRIVATE, val, nullptr, nullptr, 0);
}
static void futexWake(std::atomic<uint32_t>* addr) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

void RankedMutex::lockSlow(uint32_t c) {
    // Spin briefly (critical sections are a few dozen instructions), then sleep on the futex.
    // 100 rounds of pause: about the cost of one futex round trip.
    for (int i = 0; i < 100; i++) {
        if (c == 0 &&
            state_.compare_exchange_strong(c, 1, std::memory_order_acquire, std::memory_order_relaxed))
            return;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
        c = state_.load(std::memory_order_relaxed);
    }
    // Mark "locked with sleepers" (2) so the owner's unlock wakes us. Acquire: as in lock().
    if (c != 2) c = state_.exchange(2, std::memory_order_acquire);
    while (c != 0) {
        futexWait(&state_, 2);
        c = state_.exchange(2, std::memory_order_acquire);
    }
}

void RankedMutex::wake() {
    futexWake(&state_);
}

const char* lockRankName(LockRank r) {
    switch (r) {
#define LOCK_RANK(name, rank, why)                                                                           \
    case LockRank::name:                                                                                     \
        return #name;
#include "runtime/lockrank.def"
#undef LOCK_RANK
    }
    return "?";
}

#ifdef GOL_LOCKRANK
void lockRankAcquire(LockRank r) {
    M* m = currentM();
    if (!m) return; // host thread: not tracked
    for (int i = 0; i < m->nheld; i++) {
        LockRank h = m->held[i];
        bool ok = h < r || (h == LockRank::Hchan && r == LockRank::Hchan);
        if (!ok) {
            fprintf(stderr, "fatal error: lock ordering problem: acquiring %s while holding %s\n",
                    lockRankName(r), lockRankName(h));
            abort();
        }
    }
    if (m->nheld == static_cast<int>(sizeof(m->held) / sizeof(m->held[0]))) {
        // select over many channels holds one lock per case: stop tracking beyond capacity.
        return;
    }
    m->held[m->nheld++] = r;
}

void lockRankRelease(LockRank r) {
    M* m = currentM();
    if (!m) return;
    for (int i = m->nheld - 1; i >= 0; i--) {
        if (m->held[i] == r) {
            for (int j = i; j + 1 < m->nheld; j++)
                m->held[j] = m->held[j + 1];
            m->nheld--;
            return;
        }
    }
}
#endif

} // namespace gol::rt
