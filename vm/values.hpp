// Operations on values that depend on their runtime type: deep copies of struct and array values,
// equality, hashing, and the C++ exceptions natives and helpers use to raise Go panics.
#pragma once

#include "vm/gc_barrier.hpp"
#include "vm/heap.hpp"
#include "vm/object.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace gol::vm {

// Thrown (by helpers and natives) to raise `panic(runtime error: msg)`; the interpreter catches it
// at the instruction or native call that raised it.
struct RuntimeError {
    std::string msg; // without the "runtime error: " prefix
};
// Thrown to raise `panic(value)` with an interface value.
struct GoPanic {
    Value value;
};
// Thrown when a panic unwinds to the Boundary frame of a nested execute(): the native that called
// back into script code is unwound, and the interpreter below it continues the panic
// (Thread::panics.back()).
struct PanicUnwind {};
// Thrown by runtime.Goexit's native: run every deferred call of the goroutine, then end it.
struct GoexitRequest {};

inline std::string_view strView(Value s) {
    auto* o = static_cast<StringObj*>(s.p);
    return o ? std::string_view(reinterpret_cast<const char*>(o->data), size_t(o->len)) : std::string_view();
}
inline int64_t strLen(Value s) { return s.p ? static_cast<StringObj*>(s.p)->len : 0; }

// A new box/array holding a deep copy of the struct or array value v (nested boxes copied too).
Value cloneValue(Heap& heap, Value v);
// Copies the struct or array value src into the existing box dst, deeply (nested boxes are
// copied into, so pointers to them stay valid). Overwritten references go through the write
// barrier.
void copyInto(Obj* dst, Obj* src, WriteBarrier& wb);
// The same into a box or array just allocated and not yet stored anywhere (it holds no
// reference the collector could lose, and no marker can reach it yet): no barrier.
void copyIntoFresh(Obj* dst, Obj* src);

// Go's == for two values of type t. Throws RuntimeError("comparing uncomparable type T") when an
// interface holds an uncomparable dynamic type.
bool valuesEqual(Value a, Value b, const RType* t);
// A hash consistent with valuesEqual. Throws RuntimeError("hash of unhashable type T").
uint64_t hashValue(Value v, const RType* t);

uint64_t hashBytes(const void* data, size_t n, uint64_t seed = 0);

} // namespace gol::vm
