// The VM's value slot.
//
// Every value of every gol type occupies exactly one 8-byte slot: registers, struct fields,
// array elements (except byte arrays, which pack one byte per element), map keys and values,
// channel buffers, upvalues. The compiler knows the static type of every slot, so a slot carries
// no tag: an int add is one opcode on two raw int64s.
//
// A slot is either a scalar (bool, integers, floats) or a reference (a pointer to a heap object,
// or null). Which one is decided by the static type (see `isRefKind` in rtype.hpp), and every
// place that holds slots records it for the precise GC: a function's register map, a struct
// type's field map, an array's element kind.
//
// Zero values: all-zero bits is the zero value of every type except struct and array values,
// which are references to a "box" that must always exist (a struct variable owns a unique box;
// assignment copies into it). So `null` means: "" for strings, nil for slices, maps, channels,
// funcs, pointers and interfaces.
#pragma once

#include <cstdint>
#include <cstring>

namespace gol::vm {

struct Obj;

union Value {
    int64_t i;
    uint64_t u;
    double f;
    Obj* p;

    Value() : u(0) {}
    static Value fromInt(int64_t v) { Value x; x.i = v; return x; }
    static Value fromUint(uint64_t v) { Value x; x.u = v; return x; }
    static Value fromFloat(double v) { Value x; x.f = v; return x; }
    static Value fromBool(bool v) { Value x; x.u = v ? 1 : 0; return x; }
    static Value fromObj(Obj* v) { Value x; x.p = v; return x; }
    bool asBool() const { return u != 0; }
};
static_assert(sizeof(Value) == 8, "a value slot is 8 bytes");

} // namespace gol::vm
