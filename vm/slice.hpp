// Slices and their backing arrays: Go's append growth rule, make, conversions with strings.
#pragma once

#include "vm/heap.hpp"

namespace gol::vm {

// Go's growslice: the new capacity for appending to a slice of capacity oldCap until it holds
// newLen elements of Go size elemGoSize (so that cap() prints what Go prints).
int64_t growCapacity(int64_t oldCap, int64_t newLen, int64_t elemGoSize);

// make([]T, len, cap) for slice type t. Throws RuntimeError for Go's makeslice errors.
SliceObj* makeSlice(Heap& heap, const RType* sliceType, int64_t len, int64_t cap);
// append(s, n elements) → a slice with room for them (elements len..len+n-1 to be written by the
// caller); reuses s's array when its capacity allows.
SliceObj* appendGrow(Heap& heap, const RType* sliceType, SliceObj* s, int64_t n);

// The Go size in bytes of a value of type t (for the growth rule's size classes).
int64_t goSizeOf(const RType* t);

} // namespace gol::vm
