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

// Whether a key of map type m is passed to gc's runtime by address (no mapaccess*_fast* variant:
// walk/order.go's mapKeyTemp): keys other than strings and 4- or 8-byte memory-comparable values,
// and every key of a map whose elements are over 128 bytes.
bool mapKeyByAddress(types::Map* m);

} // namespace gol::codegen
