// stack.cpp — mmap'd goroutine stacks with guard pages; see stack.hpp.
#include "runtime/stack.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <new>

#if defined(GOL_ASAN)
#include <sanitizer/asan_interface.h>
#endif

namespace gol::rt {

StackPool::StackPool(size_t usable) {
    page_ = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    if (usable < 4 * page_) usable = 4 * page_;
    size_ = (usable + page_ - 1) / page_ * page_;
}

// A parked goroutine touches one page of its stack (fiber.cpp: the G, the VM's per-goroutine
// state and the bottom frames share it). Where transparent huge pages are "always" on, the
// kernel would back a slab's 2 MiB-aligned ranges with huge pages on first touch: 2 MiB
// resident for 32 goroutines instead of 128 KiB. Stacks opt out.
static void noHugePages(void* p, size_t len) {
#if defined(MADV_NOHUGEPAGE)
    madvise(p, len, MADV_NOHUGEPAGE); // advice only: a kernel without THP refuses it harmlessly
#else
    (void)p;
    (void)len;
#endif
}

// A fiber's last frames never return (its context jumps away), so ASan's shadow for a stack
// keeps their redzones poisoned; a stack handed out again, or memory mapped later at the same
// address, would inherit them. Clear the shadow whenever a stack changes hands.
static void unpoison(void* base, size_t len) {
#if defined(GOL_ASAN)
    __asan_unpoison_memory_region(base, len);
#else
    (void)base;
    (void)len;
#endif
}

StackPool::~StackPool() {
    for (auto& [addr, len] : maps_) {
        unpoison(addr, len);
        munmap(addr, len);
    }
}

size_t StackPool::allocated() const {
    return nTotal_;
}

boost::context::stack_context StackPool::allocate() {
    std::lock_guard<std::mutex> g(mu_);
    boost::context::stack_context sc;
    sc.size = size_;
    if (!free_.empty()) {
        sc.sp = free_.back();
        free_.pop_back();
        unpoison(static_cast<char*>(sc.sp) - size_, size_);
        return sc;
    }
    char* base;
    if (nGuarded_ < kGuardedStacks) {
        size_t len = size_ + page_;
        void* p =
            mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        // The guard page is the lowest page: stacks grow down into it.
        if (mprotect(p, page_, PROT_NONE) != 0) {
            munmap(p, len);
            throw std::bad_alloc();
        }
        noHugePages(p, len);
        maps_.emplace_back(p, len);
        nGuarded_++;
        base = static_cast<char*>(p) + page_;
    } else {
        if (slabLeft_ == 0) {
            size_t len = size_ * kSlabStacks;
            void* p = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                           -1, 0);
            if (p == MAP_FAILED) throw std::bad_alloc();
            noHugePages(p, len);
            maps_.emplace_back(p, len);
            slabCur_ = static_cast<char*>(p);
            slabLeft_ = kSlabStacks;
        }
        base = slabCur_;
        slabCur_ += size_;
        slabLeft_--;
    }
    nTotal_++;
    unpoison(base, size_);
    sc.sp = base + size_; // boost wants the top: stacks grow down
    return sc;
}

void StackPool::deallocate(boost::context::stack_context& sc) {
    // Keep the memory for the next G: mappings are released only by ~StackPool.
    std::lock_guard<std::mutex> g(mu_);
    free_.push_back(sc.sp);
}

} // namespace gol::rt
