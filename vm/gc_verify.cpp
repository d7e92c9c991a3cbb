// GOLDEBUG=gcverify=1: after each sweep, with the world stopped, trace everything reachable from
// the roots again and fail loudly if any of it was freed. The sweep poisons freed objects
// (0xDE bytes, mark kFreed) and keeps them one more cycle instead of returning their slots
// (vm/gc_sweep.cpp), so such an object is recognisable here, by the next cycle's marker and
// barrier (kFreed), and by a goroutine that still uses it (it reads 0xdededede... pointers and
// crashes at once).
#include "vm/gc.hpp"

#include "vm/gc_roots.hpp"
#include "vm/gc_scan.hpp"
#include "vm/heap.hpp"

#include <unordered_set>

namespace gol::vm {

void Collector::verifyAfterSweep(VM& vm, Thread* self) {
    std::unordered_set<Obj*> seen;
    std::vector<Obj*> stack;
    const char* where = "a root";
    auto visit = [&](Obj* o) {
        if (!o) return;
        if (o->gcMark.load(std::memory_order_relaxed) == gcmark::kFreed) wb_.freedReached(o, where);
        if (seen.insert(o).second) stack.push_back(o);
    };
    forEachProgramRoot(vm, visit);
    forEachMutableRoot(vm, self, visit);
    while (!stack.empty()) {
        Obj* o = stack.back();
        stack.pop_back();
        where = "referenced by a live object";
        forEachRef(o, visit);
        if (o->kind == ObjKind::Chan) forEachBufferedRef(o, visit);
    }
}

} // namespace gol::vm
