// What gc (Go's compiler) does with a value of a type at run time, where that decides gc's order
// of evaluation (eval_order.cpp): a value handed to the runtime by address is first copied into a
// temporary where it stands among the calls, unless it already has an address gc can use.
#pragma once

#include "compiler/types/type.hpp"

namespace gol::codegen {

// Whether gc converts a value of type t (not an interface) to an interface through its address
// (walk/convert.go's dataWordFuncName): all but 2-, 4- and 8-byte pointer-free values, strings
// and slices, and structs or arrays of one such.
bool convertsByAddress(types::Type* t);

// How gc hands a key of map type m to its runtime (walk/order.go's mapKeyTemp, walk.go's mapfast):
// Direct: a string, integer or pointer on a mapaccess*_fast* path, read where the map is read;
// Copied: a 4- or 8-byte struct or array on a fast path, copied into an integer temporary where
// it stands; ByAddress: every other key (interfaces, floats, bools, larger structs...) and every
// key of a map whose elements are over 128 bytes, passed by address, so copied where it stands
// unless it is addressable in place.
enum class MapKey { Direct, Copied, ByAddress };
MapKey mapKeyPassing(types::Map* m);

} // namespace gol::codegen
