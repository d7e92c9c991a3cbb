// sync_rwmutex.cpp — Go's sync.RWMutex (sync/rwmutex.go), in our words.
//
// readerCount_ counts active readers; a writer subtracts kMaxReaders from it, which makes it
// negative and so tells arriving readers to wait on readerSem_. readerWait_ counts the readers
// that were active when the writer arrived; the last of them to leave wakes the writer on
// writerSem_. w_ serialises writers. Every atomic is seq_cst, like Go's.
#include "runtime/sync.hpp"

namespace gol::rt {

// 1 << 30 (Go's rwmutexMaxReaders): more concurrent readers than can exist, small enough
// that readerCount - kMaxReaders never overflows int32.
constexpr int32_t kMaxReaders = 1 << 30;

void RWMutex::rlock() {
    if (readerCount_.fetch_add(1) + 1 < 0) semacquire(&readerSem_, false, WaitReason::SyncRWMutexRLock);
}

bool RWMutex::tryRLock() {
    for (;;) {
        int32_t c = readerCount_.load();
        if (c < 0) return false;
        if (readerCount_.compare_exchange_strong(c, c + 1)) return true;
    }
}

SyncError RWMutex::runlock() {
    int32_t r = readerCount_.fetch_add(-1) - 1;
    if (r < 0) {
        if (r + 1 == 0 || r + 1 == -kMaxReaders) return SyncError::RUnlockOfUnlockedRWMutex;
        // A writer is pending: the last departing reader wakes it.
        if (readerWait_.fetch_add(-1) - 1 == 0) semrelease(&writerSem_, false);
    }
    return SyncError::None;
}

void RWMutex::lock() {
    w_.lock();
    int32_t r = readerCount_.fetch_add(-kMaxReaders); // announce the writer
    if (r != 0 && readerWait_.fetch_add(r) + r != 0)
        semacquire(&writerSem_, false, WaitReason::SyncRWMutexLock);
}

bool RWMutex::tryLock() {
    if (!w_.tryLock()) return false;
    int32_t zero = 0;
    if (!readerCount_.compare_exchange_strong(zero, -kMaxReaders)) {
        (void)w_.unlock();
        return false;
    }
    return true;
}

SyncError RWMutex::unlock() {
    int32_t r = readerCount_.fetch_add(kMaxReaders) + kMaxReaders;
    if (r >= kMaxReaders) return SyncError::UnlockOfUnlockedRWMutex;
    for (int32_t i = 0; i < r; i++)
        semrelease(&readerSem_, false); // readers that queued meanwhile
    return w_.unlock();
}

} // namespace gol::rt
