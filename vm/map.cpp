#include "vm/map.hpp"

#include "vm/values.hpp"

namespace gol::vm {

namespace {

const RType* keyType(MapObj* m) { return m->type->key; }

// Keys that are equal exactly when their bits are (integers, bools, channels, ...): hashed and
// compared inline rather than through the generic hashValue/valuesEqual.
bool rawBitsKey(const RType* t) {
    switch (t->kind) {
    case Kind::String:
    case Kind::Float32:
    case Kind::Float64:
    case Kind::Struct:
    case Kind::Array:
    case Kind::Interface:
    case Kind::Pointer: return false;
    default: return true;
    }
}

// hashValue's mixer spreads every key bit over both halves: the low bits pick the slot, the high
// half is the tag.
uint64_t keyHash(MapObj* m, Value key) { return hashValue(key, keyType(m)); }

uint64_t slotOf(uint64_t h, size_t pos) { return (h >> 32 << 32) | uint64_t(uint32_t(pos + 1)); }
size_t entryOf(uint64_t slot) { return size_t(uint32_t(slot)) - 1; }

// Finds the index slot for `key` (with hash h): the slot holding its entry, or the empty slot
// where it would go.
size_t probe(MapObj* m, Value key, uint64_t h, bool* found) {
    size_t mask = m->index.size() - 1;
    size_t i = h & mask;
    const RType* kt = keyType(m);
    bool raw = rawBitsKey(kt);
    uint64_t tag = h >> 32;
    const uint64_t* index = m->index.data();
    for (;;) {
        uint64_t slot = index[i];
        if (slot == 0) {
            *found = false;
            return i;
        }
        if ((slot >> 32) == tag) {
            const MapEntry& en = m->entries[entryOf(slot)];
            if (en.live && (raw ? en.key.u == key.u : en.hash == h && valuesEqual(en.key, key, kt))) {
                *found = true;
                return i;
            }
        }
        i = (i + 1) & mask;
    }
}

// Rebuilds the index at a size that keeps the load factor under 1/2, dropping tombstones.
void rebuild(MapObj* m, size_t minEntries) {
    if (static_cast<int64_t>(m->entries.size()) != m->count) {
        size_t w = 0;
        for (size_t r = 0; r < m->entries.size(); r++)
            if (m->entries[r].live) m->entries[w++] = m->entries[r];
        m->entries.resize(w);
        m->compactions++;
    }
    size_t size = 8;
    while (size < minEntries * 2) size *= 2;
    m->index.assign(size, 0);
    size_t mask = size - 1;
    for (size_t e = 0; e < m->entries.size(); e++) {
        size_t i = m->entries[e].hash & mask;
        while (m->index[i] != 0) i = (i + 1) & mask;
        m->index[i] = slotOf(m->entries[e].hash, e);
    }
}

} // namespace

Value* mapFind(MapObj* m, Value key) {
    if (!m || m->count == 0) {
        // Go still hashes the key (an unhashable interface key panics even on an empty map).
        if (m) keyHash(m, key);
        return nullptr;
    }
    uint64_t h = keyHash(m, key);
    bool found;
    size_t i = probe(m, key, h, &found);
    return found ? &m->entries[entryOf(m->index[i])].value : nullptr;
}

Value* mapInsert(MapObj* m, Value key) {
    uint64_t h = keyHash(m, key);
    if (m->index.empty()) rebuild(m, 4);
    bool found;
    size_t i = probe(m, key, h, &found);
    if (found) return &m->entries[entryOf(m->index[i])].value;
    // Entries (live or tombstones) fill at most half the index.
    if ((m->entries.size() + 1) * 2 > m->index.size()) {
        rebuild(m, size_t(m->count) + 1);
        i = probe(m, key, h, &found);
    }
    m->index[i] = slotOf(h, m->entries.size());
    m->entries.push_back(MapEntry{h, key, Value{}, true});
    m->count++;
    return &m->entries.back().value;
}

void mapDelete(MapObj* m, Value key) {
    if (!m || m->count == 0) {
        if (m) keyHash(m, key);
        return;
    }
    uint64_t h = keyHash(m, key);
    bool found;
    size_t i = probe(m, key, h, &found);
    if (!found) return;
    MapEntry& en = m->entries[entryOf(m->index[i])];
    en.live = false;
    en.value = Value{};
    m->count--;
    // The index slot keeps pointing at the tombstone so later probes continue past it.
}

void mapClear(MapObj* m) {
    if (!m) return;
    m->entries.clear();
    m->index.clear();
    m->count = 0;
    m->compactions++;
}

bool mapIterNext(MapIterObj* it, Value* key, Value* value) {
    MapObj* m = it->map;
    if (!m) return false;
    if (it->compactions != m->compactions) {
        // Entries moved: continue after the last produced key if it is still there; otherwise
        // from where its successor now is at most (positions only shrink in a compaction).
        it->compactions = m->compactions;
        int64_t resume = it->pos < int64_t(m->entries.size()) ? it->pos : int64_t(m->entries.size());
        if (it->lastKeyValid) {
            for (size_t e = 0; e < m->entries.size(); e++) {
                if (m->entries[e].live && valuesEqual(m->entries[e].key, it->lastKey, m->type->key)) {
                    resume = int64_t(e) + 1;
                    break;
                }
            }
        }
        it->pos = resume;
    }
    while (it->pos < int64_t(m->entries.size())) {
        MapEntry& en = m->entries[size_t(it->pos++)];
        if (!en.live) continue;
        *key = en.key;
        *value = en.value;
        it->lastKey = en.key;
        it->lastKeyValid = true;
        return true;
    }
    return false;
}

} // namespace gol::vm
