// Heap object layouts.
//
// Every heap object starts with an `Obj` header. Objects are self-describing for the precise GC:
// the header's kind plus (for boxes, maps, interfaces, channels) an RType say which of the
// object's slots hold references. Objects are allocated only through `Heap` (heap.hpp), which owns
// their memory; a C++ member that owns memory (a map's table) is released by the sweeper via
// `destroyObject`.
//
// Representation choices (docs/architecture.md explains why):
// - string: immutable bytes; a substring shares its parent's bytes (O(1) slicing). null == "".
// - slice: an immutable header {array, offset, len, cap}; append/reslice make a new header.
// - struct and array values: a Box / ArrayObj that the variable owns uniquely; assignment copies
//   into it, so `&x` of a struct variable is just its box.
// - pointer to a non-boxed type: a PtrObj naming the slot (and keeping its owner alive). A cell
//   (a captured-and-reassigned or address-taken variable, or `new(int)`) is a PtrObj whose slot is
//   its own inline value.
// - interface: null (nil) or an IfaceObj {dynamic type, value}.
#pragma once

#include "vm/rtype.hpp"
#include "vm/value.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gol::vm {

enum class ObjKind : uint8_t {
    String,
    Array, // array value [N]T or a slice's backing array
    Slice,
    Box,   // struct value
    Ptr,   // pointer to a non-boxed slot, or a cell
    Iface, // non-nil interface value
    Func,  // closure, bound method, or native function
    Map,
    MapIter,
    Chan,
    Host, // opaque host data (embedding API, natives' state)
};

// The values of Obj::gcMark.
namespace gcmark {
inline constexpr uint8_t kWhite = 0;       // not reached (yet) this cycle
inline constexpr uint8_t kGrey = 1;        // reached: queued or scanned (all kinds but maps/iterators)
inline constexpr uint8_t kBlack = 2;       // a map or map iterator whose contents were shaded
inline constexpr uint8_t kScanning = 3;    // a map or map iterator being shaded right now (a lock)
inline constexpr uint8_t kFreed = 0xDD;    // GOLDEBUG=gcverify=1: swept and quarantined
inline constexpr uint8_t kFreeSlot = 0xEE; // a span slot that holds no object (vm/spans.hpp)
} // namespace gcmark

// 8 bytes: the heap finds objects by span and size class (vm/spans.hpp), so no list link and
// no size; the remaining 48 bits name the object's RType where its kind has one (a struct box),
// which saves a word per struct value (a binary-trees node is 24 bytes, not 32).
struct Obj {
    ObjKind kind;
    std::atomic<uint8_t> gcMark{0}; // the GC's color bits (gcmark above)
    uint16_t typeLow = 0;           // bits 0..15 of the RType*
    uint32_t typeHigh = 0;          // bits 16..47 (user-space pointers fit in 48 bits on the
                                    // x86-64 and AArch64 Linux we build for: checked when set)

    const RType* headerType() const {
        return reinterpret_cast<const RType*>((uintptr_t(typeHigh) << 16) | typeLow);
    }
    void setHeaderType(const RType* t) {
        auto v = reinterpret_cast<uintptr_t>(t);
        if (v >> 48) badHeaderType(); // never returns
        typeLow = uint16_t(v);
        typeHigh = uint32_t(v >> 16);
    }
    [[noreturn]] static void badHeaderType();
};
static_assert(sizeof(Obj) == 8);

struct StringObj : Obj {
    int64_t len;
    const uint8_t* data; // points into `bytes` or into the owner's bytes
    Obj* owner;          // null when the bytes are inline; else the StringObj that owns them
    uint8_t bytes[];     // inline storage (only when owner == null); NUL-terminated for convenience
};

struct ArrayObj : Obj {
    int64_t len;
    uint8_t elemSize;      // 8, or 1 for byte ([]uint8) arrays
    bool elemIsRef;        // elements are references (traced by the GC)
    const RType* elemType; // for cloning boxes and printing; may be null for byte arrays
    alignas(8) uint8_t data[];
    Value* slots() { return reinterpret_cast<Value*>(data); }
};

struct SliceObj : Obj {
    ArrayObj* array;
    int64_t off, len, cap;
};

struct BoxObj : Obj {
    // A Struct RType (fields[i].type says which slots are refs), kept in the header.
    const RType* type() const { return headerType(); }
    void setType(const RType* t) { setHeaderType(t); }
    Value fields[];
};

struct PtrObj : Obj {
    uint8_t* slot;     // address of the pointee slot (8 bytes, or 1 for *byte into a byte array)
    Obj* owner;        // object that contains the slot; null when the slot is `inlineValue`
    bool slotIsRef;    // pointee is a reference (only meaningful for the inline value)
    Value inlineValue; // the cell's own storage
};

struct IfaceObj : Obj {
    const RType* type; // dynamic type, never null
    Value value;
};

struct NativeCall;
using NativeFn = void (*)(NativeCall& call);

// Opaque host data (ObjKind::Host): C++ state a native or an embedder hands to the GC. It holds
// no references the collector traces; `finalize(payload)` releases the state when the sweeper
// frees the object or the heap is destroyed (Heap::destroy). A script holds it in a
// pointer-typed field it never dereferences (e.g. regexp.Regexp's handle).
using HostFinalizer = void (*)(void* payload);
struct HostObj : Obj {
    void* payload;
    HostFinalizer finalize; // may be null
};

struct FuncObj : Obj {
    Proto* proto;         // script function, or null for a native
    NativeFn native;      // native entry (proto == null)
    uint32_t nativeIndex; // index in the program's native table (for traces and disasm)
    uint32_t nup;
    Value up[]; // captured values (by copy) or cells (PtrObj*) per proto->upvals
};

} // namespace gol::vm
