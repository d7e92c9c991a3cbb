// lockrank.cpp — the lock-rank checker (debug and TSan builds); see lockrank.def.
#include "runtime/lockrank.hpp"

#include <cstdio>
#include <cstdlib>

#include "runtime/proc.hpp"

namespace gol::rt {

const char* lockRankName(LockRank r) {
    switch (r) {
#define LOCK_RANK(name, rank, why)                                                                                   \
    case LockRank::name: return #name;
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
            fprintf(stderr, "fatal error: lock ordering problem: acquiring %s while holding %s\n", lockRankName(r),
                    lockRankName(h));
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
            for (int j = i; j + 1 < m->nheld; j++) m->held[j] = m->held[j + 1];
            m->nheld--;
            return;
        }
    }
}
#endif

} // namespace gol::rt
