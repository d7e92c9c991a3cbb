// stack.hpp — the goroutine stack allocator (Go's stackalloc, simplified).
//
// Each goroutine's native stack is mmap'd, with a PROT_NONE guard page below it so an
// overflow faults instead of corrupting a neighbour. Gs are reused with their stacks (the
// free-G lists of proc.cpp), so a stack is allocated once per G ever created and released
// only when the Runtime is destroyed.
//
// Guard pages cost a kernel VMA each (a guarded stack is two VMAs), and Linux caps a process
// at vm.max_map_count (65530 by default). So the first kGuardedStacks stacks are guarded;
// later ones are carved from 64-stack slabs (one VMA per slab) without guards. That keeps a
// program with a million parked goroutines possible; the interpreter keeps its frames on
// the heap VM stack, so native stack use is bounded and shallow anyway.
//
// Thread safety: allocate/deallocate may be called from any M (a new G is created on the
// spawning M); `mu` (a leaf lock) protects the slab cursor and the free list.
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

#include <boost/context/stack_context.hpp>

namespace gol::rt {

class StackPool {
  public:
    // 8192 guarded stacks = 16384 VMAs: a quarter of the default vm.max_map_count, leaving
    // the rest to malloc, the VM heap and shared libraries.
    static constexpr size_t kGuardedStacks = 8192;
    static constexpr size_t kSlabStacks = 64;

    explicit StackPool(size_t usable);
    ~StackPool();
    StackPool(const StackPool&) = delete;
    StackPool& operator=(const StackPool&) = delete;

    boost::context::stack_context allocate();
    void deallocate(boost::context::stack_context& sc);
    size_t stackSize() const { return size_; }
    size_t allocated() const;

  private:
    std::mutex mu_;
    size_t size_; // usable bytes, page multiple
    size_t page_;
    size_t nGuarded_ = 0;
    size_t nTotal_ = 0;
    std::vector<void*> free_;                    // released stacks (top addresses) for reuse
    std::vector<std::pair<void*, size_t>> maps_; // every mmap, unmapped by the destructor
    char* slabCur_ = nullptr;
    size_t slabLeft_ = 0;
};

// The allocator object boost::context stores inside each fiber (copyable, points at the pool).
// Fibers are created on a stack the runtime allocated itself (boost's `preallocated`: the G
// lives at the top of it, see createG in fiber.cpp), so boost only ever gives a stack back.
struct FiberStackAllocator {
    StackPool* pool;
    void deallocate(boost::context::stack_context& sc) { pool->deallocate(sc); }
};

} // namespace gol::rt
