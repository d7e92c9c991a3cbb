// Go maps: a hash table keyed by slot values, hashed and compared according to the key's RType.
//
// Layout: entries in insertion order (a dense vector, deleted entries become tombstones) plus an
// open-addressing index of entry positions. Iteration walks the entry vector, so deleting during
// a range is safe and entries added during a range may or may not be produced, as Go allows.
// Go randomises iteration order; gol's is insertion order, which Go programs cannot rely on
// either way (docs/language.md).
//
// A map is not safe for concurrent writes (as in Go); the VM detects some of the races Go detects.
#pragma once

#include "vm/object.hpp"

#include <cstdint>
#include <vector>

namespace gol::vm {

class VM;

struct MapEntry {
    uint64_t hash;
    Value key;
    Value value;
    bool live;
};

struct MapObj : Obj {
    const RType* type; // the map type (key, elem)
    std::vector<MapEntry> entries;
    // Open-addressing index, size a power of two: 0 empty, else (tag << 32) | (position + 1), where
    // tag is the high half of the entry's hash. A probe compares tags before it touches an entry,
    // so a miss rarely reads the (cache-cold) entry vector.
    std::vector<uint64_t> index;
    int64_t count = 0;
    uint64_t compactions = 0; // bumped when entries move (iterators re-find their place)
};

struct MapIterObj : Obj {
    MapObj* map;
    int64_t pos = 0;               // next entry position to look at
    uint64_t compactions = 0;      // map->compactions when pos was valid
    Value lastKey;                 // last produced key (to re-find the position after a compaction)
    bool lastKeyValid = false;
};

// All of these may throw a runtime-error panic for unhashable interface keys.
Value* mapFind(MapObj* m, Value key);            // null when absent
Value* mapInsert(MapObj* m, Value key);          // slot for key (new: zero-filled)
void mapDelete(MapObj* m, Value key);
void mapClear(MapObj* m);
bool mapIterNext(MapIterObj* it, Value* key, Value* value);

} // namespace gol::vm
