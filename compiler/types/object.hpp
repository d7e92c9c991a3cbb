// Objects (named language entities), scopes, packages and selections.
//
// Every Ident the checker resolves points at an Object (ast::Ident::obj). All
// objects are allocated by a types::Context and live as long as it does.
#pragma once

#include "compiler/syntax/source.hpp"
#include "compiler/types/constant.hpp"
#include "compiler/types/type.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace gol::ast {
struct Node;
struct FuncDecl;
} // namespace gol::ast

namespace gol::types {

struct Scope;

enum class ObjKind : uint8_t { Var, Const, TypeName, Func, PkgName, Builtin, Label, Nil };

struct Object {
    const ObjKind kind;
    std::string name;
    Type* type = nullptr;    // Invalid type when the declaration is erroneous; nullptr for PkgName/Label
    Package* pkg = nullptr;  // nullptr for predeclared (universe) objects and labels
    Pos pos;                 // declaring identifier; invalid for predeclared objects
    Scope* parent = nullptr; // scope the object is declared in (nullptr for fields and methods)

    Object(ObjKind k, std::string n, Type* t, Package* p, Pos ps)
        : kind(k), name(std::move(n)), type(t), pkg(p), pos(ps) {}
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object() = default;

    template <class T> T* as() { return T::classof(kind) ? static_cast<T*>(this) : nullptr; }
    template <class T> const T* as() const {
        return T::classof(kind) ? static_cast<const T*>(this) : nullptr;
    }
    bool exported() const; // first letter is upper case (Unicode Lu)
};

// A variable: local, package-level, parameter, named result, or struct field.
//
// Flags for the code generator (complete once check() returns):
//  - captured: referenced from a FuncLit other than the function declaring it.
//  - addressTaken: &x, or x used as the addressable receiver of a pointer
//    method (x.M() => (&x).M()), or x.f / x[i] of an array/struct var that
//    is itself address-taken through &x.f / &x[i] (the address points into x).
//  - reassigned: assigned anywhere other than its own declaration: `x = `,
//    `x op= `, `x++`, a range or select-case assignment with `=`, and, for a
//    named result, any `return` with values (it assigns the results).
// DESIGN §2: a captured var that is reassigned or addressTaken lives in a heap
// cell; a captured var that is neither is copied into the closure.
struct Var : Object {
    bool isParam = false;  // parameter or receiver
    bool isResult = false; // named (or anonymous) result
    bool isField = false;
    bool embedded = false; // embedded struct field
    bool isPackageLevel = false;
    bool captured = false;
    bool addressTaken = false;
    bool reassigned = false;
    bool used = false; // for "declared and not used"
    // The FuncDecl or FuncLit that declares the variable; nullptr for
    // package-level variables, script-level variables and fields.
    const ast::Node* owner = nullptr;
    // Free for the code generator (register / slot / global index); -1 initially.
    int declIndex = -1;

    Var(std::string n, Type* t, Package* p, Pos ps) : Object(ObjKind::Var, std::move(n), t, p, ps) {}
    static bool classof(ObjKind k) { return k == ObjKind::Var; }
};

struct Const : Object {
    Constant val;
    Const(std::string n, Type* t, Package* p, Pos ps, Constant v)
        : Object(ObjKind::Const, std::move(n), t, p, ps), val(std::move(v)) {}
    static bool classof(ObjKind k) { return k == ObjKind::Const; }
};

// A type name: `type T U` (type is a Named), an alias `type A = B` (type is
// B's type), or a predeclared type (int, error, byte, any, ...).
struct TypeName : Object {
    bool isAlias = false;
    TypeName(std::string n, Type* t, Package* p, Pos ps)
        : Object(ObjKind::TypeName, std::move(n), t, p, ps) {}
    static bool classof(ObjKind k) { return k == ObjKind::TypeName; }
};

// A function, a method (recv != nullptr) or an interface method (type is its
// Signature; for interface methods recv is nullptr and `iface` names the
// interface). Functions declared without a body (`decl->body == nullptr`) are
// implemented natively: the code generator binds them by package path and name
// ("strings.Repeat", "strings.Builder.WriteString").
struct Func : Object {
    Var* recv = nullptr;              // the receiver (its type is T or *T), for methods
    bool ptrRecv = false;             // receiver type is *T
    Type* recvBase = nullptr;         // T (the Named) for methods
    const Interface* iface = nullptr; // for interface methods
    ast::FuncDecl* decl = nullptr;    // nullptr for interface methods and methods of predeclared error
    Func(std::string n, Type* sig, Package* p, Pos ps) : Object(ObjKind::Func, std::move(n), sig, p, ps) {}
    static bool classof(ObjKind k) { return k == ObjKind::Func; }
    Signature* signature() const { return type ? type->as<Signature>() : nullptr; }
    // "main.T.M", "main.(*T).M", "main.f", "strings.Repeat": the name in runtime
    // traces, and the key of native bindings.
    std::string fullName() const;
};

// An imported package name in a file scope (`fmt` in fmt.Println).
struct PkgName : Object {
    Package* imported;
    bool used = false;
    PkgName(std::string n, Package* p, Pos ps, Package* imp)
        : Object(ObjKind::PkgName, std::move(n), nullptr, p, ps), imported(imp) {}
    static bool classof(ObjKind k) { return k == ObjKind::PkgName; }
};

enum class BuiltinId : uint8_t {
    Append,
    Cap,
    Clear,
    Close,
    Copy,
    Delete,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Recover,
};

struct Builtin : Object {
    BuiltinId id;
    Builtin(std::string n, BuiltinId i)
        : Object(ObjKind::Builtin, std::move(n), nullptr, nullptr, {}), id(i) {}
    static bool classof(ObjKind k) { return k == ObjKind::Builtin; }
};

struct Label : Object {
    bool used = false;
    Label(std::string n, Pos ps) : Object(ObjKind::Label, std::move(n), nullptr, nullptr, ps) {}
    static bool classof(ObjKind k) { return k == ObjKind::Label; }
};

// The predeclared `nil` (type: untyped nil).
struct Nil : Object {
    explicit Nil(Type* t) : Object(ObjKind::Nil, "nil", t, nullptr, {}) {}
    static bool classof(ObjKind k) { return k == ObjKind::Nil; }
};

// ---------------------------------------------------------------------------

// A lexical scope: universe > package > file > function > blocks.
struct Scope {
    Scope* parent;
    std::vector<Scope*> children;
    std::vector<Object*> elems; // insertion order
    std::unordered_map<std::string, Object*> map;
    bool isFunc = false; // the outermost scope of a function body (params live here)

    explicit Scope(Scope* p) : parent(p) {}
    // The object declared in this scope with this name, or nullptr.
    Object* lookup(const std::string& name) const;
    // Searches this scope and its parents.
    Object* lookupParent(const std::string& name) const;
    // Inserts obj unless the name is taken; returns the previous object then
    // (and does not insert), nullptr on success. "_" is never inserted.
    Object* insert(Object* obj);
};

struct Package {
    std::string path; // "fmt", "math/rand", "main"
    std::string name; // "fmt", "rand", "main"
    Scope* scope = nullptr;
    std::vector<Package*> imports;
    Package(std::string p, std::string n) : path(std::move(p)), name(std::move(n)) {}
};

// ---------------------------------------------------------------------------

enum class SelectionKind : uint8_t {
    FieldVal,   // x.f: a (possibly promoted) field
    MethodVal,  // x.m: a method value or the callee of a method call
    MethodExpr, // T.m / (*T).m: a method expression (func with the receiver first)
};

// x.sel resolved through embedding. `index` is the path: for FieldVal, the
// field indices from x's struct down to the field (one entry when not promoted);
// for MethodVal/MethodExpr, the embedded field indices followed by the method's
// index in its Named::methods (concrete) or Interface::methods (interface).
// Walking the path, each step through a pointer-typed embedded field is an
// implicit dereference; `indirect` says whether any pointer is dereferenced
// along the way (including x itself being a pointer).
// For a method call the receiver adjustment at the end of the path is:
//   obj->ptrRecv && the value at the end is not a pointer -> take its address
//   (the checker verified it is addressable, or reported an error);
//   !obj->ptrRecv && the value at the end is a pointer -> dereference it.
struct Selection {
    SelectionKind kind;
    Type* recv;  // type of x (for MethodExpr: the T of T.m)
    Object* obj; // Var (field) or Func (method)
    std::vector<int> index;
    bool indirect = false;
    Type* type = nullptr; // type of the selector expression
};

} // namespace gol::types
