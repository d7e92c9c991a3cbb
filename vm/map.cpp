#include "vm/map.hpp"

#include "vm/values.hpp"

namespace gol::vm {

namespace {

const RType* keyType(MapObj* m) { return m->type->key; }

// Finds the index slot for `key` (with hash h): the slot holding its entry, or the empty slot
// where it would go.
size_t probe(MapObj* m, Value key, uint64_t h, bool* found) {
    size_t mask = m->index.size() - 1;
    size_t i = h & mask;
    const RType* kt = keyType(m);
    for (;;) {
        int32_t e = m->index[i];
        if (e < 0) {
            *found = false;
            return i;
        }
        const MapEntry& en = m->entries[size_t(e)];
        if (en.live && en.hash == h && valuesEqual(en.key, key, kt)) {
            *found = true;
            return i;
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
    m->index.assign(size, -1);
    size_t mask = size - 1;
    for (size_t e = 0; e < m->entries.size(); e++) {
        size_t i = m->entries[e].hash & mask;
        while (m->index[i] >= 0) i = (i + 1) & mask;
        m->index[i] = int32_t(e);
    }
}

} // namespace

Value* mapFind(MapObj* m, Value key) {
    if (!m || m->count == 0) {
        // Go still hashes the key (an unhashable interface key panics even on an empty map).
        if (m) hashValue(key, keyType(m));
        return nullptr;
    }
    uint64_t h = hashValue(key, keyType(m));
    bool found;
    size_t i = probe(m, key, h, &found);
    return found ? &m->entries[size_t(m->index[i])].value : nullptr;
}

Value* mapInsert(MapObj* m, Value key) {
    uint64_t h = hashValue(key, keyType(m));
    if (m->index.empty()) rebuild(m, 4);
    bool found;
    size_t i = probe(m, key, h, &found);
    if (found) return &m->entries[size_t(m->index[i])].value;
    // Entries (live or tombstones) fill at most half the index.
    if ((m->entries.size() + 1) * 2 > m->index.size()) {
        rebuild(m, size_t(m->count) + 1);
        i = probe(m, key, h, &found);
    }
    m->index[i] = int32_t(m->entries.size());
    m->entries.push_back(MapEntry{h, key, Value{}, true});
    m->count++;
    return &m->entries.back().value;
}

void mapDelete(MapObj* m, Value key) {
    if (!m || m->count == 0) {
        if (m) hashValue(key, keyType(m));
        return;
    }
    uint64_t h = hashValue(key, keyType(m));
    bool found;
    size_t i = probe(m, key, h, &found);
    if (!found) return;
    MapEntry& en = m->entries[size_t(m->index[i])];
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
