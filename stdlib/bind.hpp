// Small helpers shared by the standard packages' natives: reading and building VM values
// (strings, []byte, []string, []int, errors) and turning a C++ engine's stdlib::Panic into the
// Go panic the script sees.
//
// Natives follow the binding layer's convention (vm/native.hpp): arguments in slots in Go's
// signature order, results written from slot 0. A native that calls back into script code must
// not keep an arg() reference across the callback (the VM stack may move).
#pragma once

#include "stdlib/panic.hpp"
#include "vm/native.hpp"
#include "vm/object.hpp"
#include "vm/values.hpp"
#include "vm/vm.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gol::stdlib {

using vm::NativeCall;
using vm::Value;

// Arguments.
inline std::string_view argStr(NativeCall& c, uint32_t i) { return vm::strView(c.arg(i)); }
inline int64_t argInt(NativeCall& c, uint32_t i) { return c.arg(i).i; }
inline uint64_t argUint(NativeCall& c, uint32_t i) { return c.arg(i).u; }
inline double argFloat(NativeCall& c, uint32_t i) { return c.arg(i).f; }
inline bool argBool(NativeCall& c, uint32_t i) { return c.arg(i).asBool(); }

// The bytes of a []byte value (a view into its backing array; nil and empty give "").
std::string_view bytesOf(Value slice);
// A slice's elements as slots (for non-byte slices); n receives the length.
Value* sliceSlots(Value slice, int64_t* n);

// New values.
Value newBytes(NativeCall& c, std::string_view b);                   // []byte (non-nil, even when empty)
Value newStringSlice(NativeCall& c, const std::vector<std::string_view>& v);
Value newStringSlice(NativeCall& c, const std::vector<std::string>& v);
Value newIntSlice(NativeCall& c, const std::vector<int64_t>& v);
// A substring of string argument `s` when `part` lies inside it (O(1), shares bytes), else a copy.
Value substrOf(NativeCall& c, Value s, std::string_view part);

// Go's syscall.Errno text for errno e: the C library's message with a lower-case first letter
// ("no such file or directory"), or "errno N" for a number without one.
std::string errnoText(int e);

// Runs f, converting a C++ engine's stdlib::Panic into the Go panic `panic("msg")`.
template <class F> void guard(NativeCall& c, F&& f) {
    try {
        f();
    } catch (const Panic& p) {
        c.panicString(p.what());
    }
}

} // namespace gol::stdlib
