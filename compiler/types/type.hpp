// The type representation of the checker, shared with the code generator.
//
// Canonical types. Every type is created by a types::Context, which interns
// composite types: asking twice for []int, map[string]int or func(int) string
// yields the same pointer. Go's identity rules are structural except for named
// types, and interning makes them pointer equality - with one twist: the
// predeclared aliases byte and rune are distinct Basic objects (so that error
// messages can say "byte" where the source said byte, as Go does), which makes
// []byte and []uint8 two pointers. Every type therefore carries `canon`, its
// representative with byte/rune replaced by uint8/int32; identical(a, b) is
// `a->canon == b->canon`. The code generator and the VM key runtime type
// descriptors by `canon` (and %T prints typeString(t->canon), "[]uint8", as Go's
// reflection does).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gol::types {

struct Object;
struct Var;
struct Func;
struct TypeName;
struct Package;
class Context;

enum class Kind : uint8_t {
    Invalid, // the type of an ill-typed expression; suppresses follow-on errors

    // Basic types (struct Basic); byte and rune share Uint8 / Int32.
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,

    // Composite types.
    Array,
    Slice,
    Struct,
    Pointer,
    Signature,
    Interface,
    Map,
    Chan,
    Named,
    Tuple,
};

struct Type {
    const Kind kind;
    // The canonical representative (see the file comment); never null.
    Type* canon = this;

    explicit Type(Kind k) : kind(k) {}
    Type(const Type&) = delete;
    Type& operator=(const Type&) = delete;
    virtual ~Type() = default;

    template <class T> T* as() { return T::classof(kind) ? static_cast<T*>(this) : nullptr; }
    template <class T> const T* as() const {
        return T::classof(kind) ? static_cast<const T*>(this) : nullptr;
    }
    template <class T> bool is() const { return T::classof(kind); }
};

// Properties of basic types (Go's BasicInfo).
enum BasicInfo : uint16_t {
    IsBoolean = 1 << 0,
    IsInteger = 1 << 1,
    IsUnsigned = 1 << 2,
    IsFloat = 1 << 3,
    IsString = 1 << 4,
    IsUntyped = 1 << 5,
    IsOrdered = IsInteger | IsFloat | IsString,
    IsNumeric = IsInteger | IsFloat,
    IsConstType = IsBoolean | IsNumeric | IsString,
};

// Predeclared basic types, Invalid and the untyped kinds. `size` is in bytes
// (int and uint are 64-bit, as on every platform gol targets).
struct Basic : Type {
    const char* name;
    uint16_t info;
    uint8_t size;

    Basic(Kind k, const char* n, uint16_t i, uint8_t s) : Type(k), name(n), info(i), size(s) {}
    static bool classof(Kind k) { return k <= Kind::UntypedNil; }
};

struct Array : Type {
    Type* elem;
    int64_t len;
    Array(Type* e, int64_t n) : Type(Kind::Array), elem(e), len(n) {}
    static bool classof(Kind k) { return k == Kind::Array; }
};

struct Slice : Type {
    Type* elem;
    explicit Slice(Type* e) : Type(Kind::Slice), elem(e) {}
    static bool classof(Kind k) { return k == Kind::Slice; }
};

// Fields are Var objects (isField set). A field's index in `fields` is its
// offset: the VM lays a struct out as one slot per field, in order. Embedded
// fields are named after their type (T for T, *T and pkg.T).
struct Struct : Type {
    std::vector<Var*> fields;
    std::vector<std::string> tags; // same length as fields; "" when absent
    Struct() : Type(Kind::Struct) {}
    static bool classof(Kind k) { return k == Kind::Struct; }
    // Index of the field declared (not promoted) with this name, or -1.
    int fieldIndex(const std::string& name) const;
};

struct Pointer : Type {
    Type* elem;
    explicit Pointer(Type* e) : Type(Kind::Pointer), elem(e) {}
    static bool classof(Kind k) { return k == Kind::Pointer; }
};

// An ordered list of types: the parameters or results of a signature, and the
// type of a multi-valued call f() with f returning (T1, T2).
struct Tuple : Type {
    std::vector<Type*> types;
    Tuple() : Type(Kind::Tuple) {}
    static bool classof(Kind k) { return k == Kind::Tuple; }
    size_t size() const { return types.size(); }
    Type* at(size_t i) const { return types[i]; }
};

// A function type. Parameter names are not part of the type (they live in the
// function's AST: FuncType params' Ident::obj), nor is the receiver: a method
// M of T has the signature of its non-receiver parameters, and the method
// expression T.M has func(T, params...). If `variadic`, the last parameter's
// type is a Slice ([]T for ...T).
struct Signature : Type {
    Tuple* params;
    Tuple* results;
    bool variadic;
    Signature(Tuple* p, Tuple* r, bool v) : Type(Kind::Signature), params(p), results(r), variadic(v) {}
    static bool classof(Kind k) { return k == Kind::Signature; }
};

// The complete method set, embedded interfaces flattened, sorted by name
// (Go's order, which method tables and typeString use). Methods are Func
// objects with a Signature type and no receiver. Empty interface = any.
struct Interface : Type {
    std::vector<Func*> methods;
    bool isAny = false; // the predeclared alias `any` (prints "any" in messages; canon is interface{})
    Interface() : Type(Kind::Interface) {}
    static bool classof(Kind k) { return k == Kind::Interface; }
    bool empty() const { return methods.empty(); }
    // Index in `methods` or -1.
    int methodIndex(const std::string& name) const;
};

struct Map : Type {
    Type* key;
    Type* elem;
    Map(Type* k, Type* e) : Type(Kind::Map), key(k), elem(e) {}
    static bool classof(Kind k) { return k == Kind::Map; }
};

enum class ChanDir : uint8_t { Both, Send, Recv }; // chan T, chan<- T, <-chan T

struct Chan : Type {
    Type* elem;
    ChanDir dir;
    Chan(ChanDir d, Type* e) : Type(Kind::Chan), elem(e), dir(d) {}
    static bool classof(Kind k) { return k == Kind::Chan; }
};

// A defined type (`type T U`, and the predeclared `error`). Its identity is the
// pointer. `underlying` is never a Named; it is the Invalid type while the
// declaration is being resolved and after an invalid recursive definition.
// `methods` are the methods declared with receiver T or *T, in source order
// (Func::ptrRecv tells which).
struct Named : Type {
    TypeName* obj;
    Type* underlying = nullptr;
    std::vector<Func*> methods;
    explicit Named(TypeName* o) : Type(Kind::Named), obj(o) {}
    static bool classof(Kind k) { return k == Kind::Named; }
    // Index in `methods` or -1.
    int methodIndex(const std::string& name) const;
};

// ---------------------------------------------------------------------------
// Predicates (Go's predicates.go). All accept nullptr as Invalid.

// The underlying type: t itself unless t is Named.
Type* under(Type* t);
const Type* under(const Type* t);

bool identical(const Type* a, const Type* b);

bool isInvalid(const Type* t);
bool isBasicInfo(const Type* t, uint16_t info); // under(t) is Basic with any bit of info
inline bool isBoolean(const Type* t) {
    return isBasicInfo(t, IsBoolean);
}
inline bool isInteger(const Type* t) {
    return isBasicInfo(t, IsInteger);
}
inline bool isUnsigned(const Type* t) {
    return isBasicInfo(t, IsUnsigned);
}
inline bool isFloat(const Type* t) {
    return isBasicInfo(t, IsFloat);
}
inline bool isNumeric(const Type* t) {
    return isBasicInfo(t, IsNumeric);
}
inline bool isString(const Type* t) {
    return isBasicInfo(t, IsString);
}
inline bool isOrdered(const Type* t) {
    return isBasicInfo(t, IsOrdered);
}
inline bool isConstType(const Type* t) {
    return isBasicInfo(t, IsConstType);
}
bool isUntyped(const Type* t); // an untyped basic kind (incl. untyped nil)
bool isTyped(const Type* t);
bool isInterface(const Type* t); // under(t) is an Interface
bool isPointer(const Type* t);
// Go's comparable (==, map keys): not slice, map, func; structs/arrays of comparables.
bool comparable(const Type* t);
// Whether the zero value is nil (pointer, slice, map, chan, func, interface, untyped nil).
bool hasNil(const Type* t);
// The default type of an untyped constant kind (untyped int -> int, ...); t otherwise.
Type* defaultType(Context& ctx, Type* t);

// ---------------------------------------------------------------------------
// Type strings.
//
// typeString: the spelling of cmd/compile's error messages (go/types): "int",
// "[]byte", "map[string]int", "func(int, ...string) (int, error)",
// "struct{X int; y string}", "interface{String() string}", "interface{}", "any",
// "chan<- int", "untyped int". Named types are qualified by their package name
// ("time.Duration") unless `relativeTo` is their package (messages about package
// main say "Point"); predeclared ones ("error") never are.
std::string typeString(const Type* t, const Package* relativeTo = nullptr);
// reflectString: the spelling of %T and of runtime panics (Go's reflect):
// "main.Point", "*main.Point", "[]uint8" (byte/rune canonicalized), "interface {}",
// "struct { X int }", "interface { String() string }", "func(int) string".
std::string reflectString(const Type* t);
// A signature without the leading "func" ("(x int) string"), for method lists.
std::string signatureString(const Signature* sig, const Package* relativeTo = nullptr);

} // namespace gol::types
