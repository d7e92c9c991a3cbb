// Runtime type descriptors.
//
// The compiler turns every checker type that the running program can observe into one RType,
// interned per Program (so identical types are the same RType pointer and a type assertion or a
// type switch compares pointers). They serve: interface values (the dynamic type), `%v`/`%T`
// printing, equality and hashing of structs, arrays and interfaces, map keys, zero boxes for struct
// and array values, and the GC's field maps. RTypes are immutable once the program runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gol::vm {

struct Proto;
struct FuncObj;

enum class Kind : uint8_t {
    Invalid,
    Bool,
    Int, Int8, Int16, Int32, Int64,
    Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
    Float32, Float64,
    String,
    Array, Slice, Struct, Pointer, Func, Interface, Map, Chan,
    UntypedNil, // the type of a nil stored in `any`-free contexts (never boxed); kept for completeness
};

enum class ChanDir : uint8_t { Both, Send, Recv };

struct RType;

struct RField {
    std::string name;
    const RType* type = nullptr;
    bool embedded = false;
    bool exported = false;
};

// One entry of a type's method set: how to call method `name` on a value of this type.
struct RMethod {
    std::string name;
    uint32_t nameId = 0;    // interned method name (Program::methodNames), what CALLI looks up
    Proto* proto = nullptr; // the compiled method (or a wrapper that adjusts the receiver)
    // The method's signature (a Func RType, receiver excluded), compared with an interface
    // method's `sig` when asserting to an interface: Go matches methods by name and identical
    // signature. Null for methods the VM makes itself, which are then matched by name only.
    const RType* sig = nullptr;
};

// Interface method: name + signature string, for assertion to interface types and messages.
struct RIMethod {
    std::string name;
    uint32_t nameId = 0;
    const RType* sig = nullptr; // a Func RType
};

struct RType {
    Kind kind = Kind::Invalid;
    uint32_t id = 0;           // index in Program::types
    std::string str;           // Go's spelling, as printed by %T: "main.Point", "[]int", "map[string]int"
    std::string pkgPath;       // "main" for types declared in the program, "" for predeclared/composite
    bool named = false;        // a defined (named) type
    bool comparable = true;    // == allowed (false for slices, maps, funcs and structs/arrays holding them)
    const RType* elem = nullptr;  // Array, Slice, Pointer, Map (value), Chan
    const RType* key = nullptr;   // Map
    const RType* underlyingNamed = nullptr; // for a named type: an unnamed RType of its underlying type
    int64_t len = 0;              // Array
    ChanDir dir = ChanDir::Both;  // Chan
    std::vector<RField> fields;   // Struct
    std::vector<const RType*> params, results; // Func
    bool variadic = false;                      // Func
    std::vector<RIMethod> imethods; // Interface, sorted by name
    std::vector<RMethod> methods;   // method set of this type, sorted by nameId (for binary search)
    // Filled by the VM at load time: a direct-mapped table for CALLI (nameId -> proto).
    std::vector<std::pair<uint32_t, Proto*>> methodIndex;

    bool isRef() const; // does a slot of this type hold a heap reference?
    bool isBoxed() const { return kind == Kind::Struct || kind == Kind::Array; }
    bool isByteElem() const { return elem && (elem->kind == Kind::Uint8); }
    const Proto* findMethod(uint32_t nameId) const;
    const RMethod* findMethodEntry(uint32_t nameId) const;
};

inline bool isRefKind(Kind k) {
    switch (k) {
    case Kind::String: case Kind::Array: case Kind::Slice: case Kind::Struct: case Kind::Pointer:
    case Kind::Func: case Kind::Interface: case Kind::Map: case Kind::Chan:
        return true;
    default:
        return false;
    }
}
inline bool RType::isRef() const { return isRefKind(kind); }

inline bool isIntegerKind(Kind k) { return k >= Kind::Int && k <= Kind::Uintptr; }
inline bool isUnsignedKind(Kind k) { return k >= Kind::Uint && k <= Kind::Uintptr; }
inline bool isFloatKind(Kind k) { return k == Kind::Float32 || k == Kind::Float64; }

} // namespace gol::vm
