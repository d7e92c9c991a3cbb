#include "vm/slice.hpp"

#include "vm/values.hpp"

#include <cstring>

namespace gol::vm {

namespace {

// Go's malloc size classes up to 32 KiB (runtime/sizeclasses.go): append rounds the new
// capacity up to the next class, which is why cap() grows 1, 2, 4, 8 for ints but 8, 16, 32 for
// bytes. Larger allocations round up to whole 8 KiB pages.
constexpr int64_t kSizeClasses[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,   576,
    640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,  3072,
    3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

int64_t roundUpSize(int64_t size) {
    if (size <= 32768) {
        for (int64_t c : kSizeClasses)
            if (c >= size) return c;
    }
    constexpr int64_t kPage = 8192;
    return (size + kPage - 1) / kPage * kPage;
}

// The largest length Go's makeslice accepts for this element size before "len out of range";
// we also refuse what cannot be allocated at all.
constexpr int64_t kMaxAlloc = int64_t(1) << 47;

} // namespace

int64_t goSizeOf(const RType* t) {
    switch (t->kind) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return 1;
    case Kind::Int16: case Kind::Uint16: return 2;
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: return 4;
    case Kind::String: case Kind::Interface: return 16;
    case Kind::Slice: return 24;
    case Kind::Array: return t->len * goSizeOf(t->elem);
    case Kind::Struct: {
        int64_t size = 0, maxAlign = 1;
        for (const auto& f : t->fields) {
            int64_t fs = goSizeOf(f.type);
            int64_t align = fs >= 8 ? 8 : (fs >= 4 ? 4 : (fs >= 2 ? 2 : 1));
            if (f.type->kind == Kind::Array || f.type->kind == Kind::Struct) align = 8;
            size = (size + align - 1) / align * align + fs;
            if (align > maxAlign) maxAlign = align;
        }
        return (size + maxAlign - 1) / maxAlign * maxAlign;
    }
    default: return 8;
    }
}

int64_t growCapacity(int64_t oldCap, int64_t newLen, int64_t elemGoSize) {
    int64_t newCap = oldCap;
    int64_t doubleCap = newCap + newCap;
    if (newLen > doubleCap) {
        newCap = newLen;
    } else {
        // Below 256 elements double; above, grow by ~1.25x plus a constant that smooths the
        // transition (Go 1.18+'s formula).
        constexpr int64_t kThreshold = 256;
        if (oldCap < kThreshold) {
            newCap = doubleCap;
        } else {
            while (0 < newCap && newCap < newLen) newCap += (newCap + 3 * kThreshold) / 4;
            if (newCap <= 0) newCap = newLen;
        }
    }
    if (elemGoSize <= 0) return newCap;
    if (newCap > kMaxAlloc / elemGoSize) return newCap;
    return roundUpSize(newCap * elemGoSize) / elemGoSize;
}

static ArrayObj* newBacking(Heap& heap, const RType* sliceType, int64_t cap) {
    const RType* e = sliceType->elem;
    bool bytes = e->kind == Kind::Uint8;
    return heap.newArray(cap, bytes ? 1 : 8, e->isRef(), e);
}

SliceObj* makeSlice(Heap& heap, const RType* sliceType, int64_t len, int64_t cap) {
    int64_t es = sliceType->elem->kind == Kind::Uint8 ? 1 : 8;
    if (len < 0 || len > kMaxAlloc / es) throw RuntimeError{"makeslice: len out of range"};
    if (cap < len || cap > kMaxAlloc / es) throw RuntimeError{"makeslice: cap out of range"};
    ArrayObj* a = newBacking(heap, sliceType, cap);
    return heap.newSlice(a, 0, len, cap);
}

SliceObj* appendGrow(Heap& heap, const RType* sliceType, SliceObj* s, int64_t n) {
    int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
    int64_t newLen = len + n;
    if (newLen <= cap) return heap.newSlice(s->array, s->off, newLen, cap);
    int64_t newCap = growCapacity(cap, newLen, goSizeOf(sliceType->elem));
    ArrayObj* a = newBacking(heap, sliceType, newCap);
    if (s && len > 0) {
        ArrayObj* old = s->array;
        if (a->elemType && a->elemType->isBoxed()) {
            // Element values are copied, not shared: copy into the new array's own boxes.
            for (int64_t i = 0; i < len; i++) copyIntoFresh(a->slots()[i].p, old->slots()[s->off + i].p);
        } else {
            std::memcpy(a->data, old->data + size_t(s->off) * old->elemSize, size_t(len) * old->elemSize);
        }
    }
    return heap.newSlice(a, 0, newLen, newCap);
}

} // namespace gol::vm
