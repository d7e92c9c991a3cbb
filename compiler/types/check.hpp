// The type checker's entry points and the annotations it leaves in the AST.
//
// After check() returns true, every ast::Expr reachable from the file has:
//   type      the expression's type (for type expressions: the type denoted;
//             for a comma-ok use `v, ok := m[k]` still the value's type T)
//   constant  the value when mode == Constant (already converted to `type`)
//   mode      a types::Mode
// Idents have `obj`; SelectorExprs have `selection` (fields/methods) or
// `pkgObj` (qualified identifiers pkg.Name, x->obj then is the PkgName);
// CallExprs have `callKind` (a types::CallKind); FuncLits have `captures`;
// type-switch CaseClauses have `implicitObj`; BranchStmts have `target`.
// Untyped constant expressions get the type they are finally converted to
// (`var x float64 = 1` gives the literal type float64, and its constant is then
// a Float), as go/types records. Expressions that stay untyped where Go leaves
// them untyped: constants that are never materialized (`const c = 1`; use
// `constant`), and comparison results used directly as conditions (untyped
// bool: treat as bool).
// A composite literal whose type is elided inside a []*T / map[K]*T literal
// (`[]*Point{{1, 2}}`) has litType == nullptr and type *T: it means &T{...}.
// A CallExpr of kind Interface may reach the interface through embedded struct
// fields (struct{ io.Reader }): walk Selection::index first.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/syntax/ast.hpp"
#include "compiler/types/context.hpp"

#include <string>
#include <vector>

namespace gol::types {

// ast::Expr::mode
enum class Mode : uint8_t {
    Invalid,  // erroneous expression
    NoValue,  // a call of a function without results
    Builtin,  // a builtin function name (only as a callee)
    TypeExpr, // the expression denotes a type
    Constant, // a compile-time constant (Expr::constant is set)
    Variable, // an addressable value (local/global var, *p, s[i] of a slice, addressable x.f / a[i])
    MapIndex, // m[k] (assignable, not addressable)
    Value,    // any other value
    CommaOK,  // m[k], x.(T) or <-ch used as `v, ok` (two results: type and bool)
};

// ast::CallExpr::callKind
enum class CallKind : uint8_t {
    Invalid,
    Conversion, // T(x): fun denotes a type
    Builtin,    // len(x) etc.: fun is an Ident (maybe parenthesized) whose obj is a Builtin
    Func,       // a declared function: fun is an Ident or a qualified pkg.F; obj/pkgObj is the Func
    Method,     // x.m(...) with a concrete method: fun is a SelectorExpr with a MethodVal selection
    Interface,  // x.m(...) on an interface value: dynamic dispatch by method index
    Value,      // any other callee: a func-typed value (closure, variable, method expression, ...)
};

// One package-level variable initialization, in Go's dependency order.
struct Initializer {
    std::vector<Var*> lhs; // one var, or several for `var a, b = f()`
    ast::Expr* rhs;
};

struct Info {
    Package* pkg = nullptr;
    // Package-level var initializers in execution order (Go's initialization
    // order: by dependencies, else declaration order). Vars without an
    // initializer are not listed (they are zero).
    std::vector<Initializer> initOrder;
    // Every package-level variable in declaration order.
    std::vector<Var*> globals;
    // Every function and method declared with a FuncDecl, in source order
    // (init functions included; there may be several named "init").
    std::vector<Func*> funcs;
    // Every defined (Named) type, including function-local ones, in declaration order.
    std::vector<Named*> namedTypes;
    // Script mode: the top-level statements as one block (the script's "main
    // body"). Variables declared directly at top level are package-level
    // globals (Var::isPackageLevel); variables of nested blocks are locals
    // whose Var::owner is this node.
    ast::BlockStmt* scriptBody = nullptr;
};

// Provides the declarations of imported packages. Packages must be built in the
// same Context (types are compared by pointer); an implementation usually
// caches one Package per (Context, path) and may build it with checkPackage()
// from Go declarations without bodies.
class Importer {
  public:
    virtual ~Importer() = default;
    // The package, or nullptr when there is no such package.
    virtual Package* import(Context& ctx, const std::string& path) = 0;
    // Script mode: the import path of a standard package usable without an
    // import by its name ("rand" -> "math/rand"), or "" when there is none.
    // The default knows gol's standard packages (DESIGN §6).
    virtual std::string scriptPackage(const std::string& name);
};

struct Config {
    // Package path of the checked package ("main" for programs).
    std::string path = "main";
    // REPL: check a script file into an existing package, whose scope keeps the
    // declarations of earlier inputs (pass Info::pkg of the previous check).
    Package* continuePkg = nullptr;
    // Standard packages from the registry: a function without a body is a native.
    bool allowBodyless = false;
};

// Checks one file (a package clause file or a script). Errors go to `diags`
// with Go's wording; returns !diags.hasErrors() for this check. Never throws.
bool check(ast::File& file, Importer& importer, Context& ctx, Diagnostics& diags, Info* info = nullptr,
           const Config& config = Config{});

// Checks a package made of several files (same package clause).
bool checkFiles(const std::vector<ast::File*>& files, Importer& importer, Context& ctx, Diagnostics& diags,
                Info* info = nullptr, const Config& config = Config{});

// For importers: builds a package from Go source holding declarations (types,
// consts, vars, functions and methods without bodies for natives, or with
// bodies written in gol). Returns nullptr and reports to `diags` on errors.
Package* checkPackageSource(Context& ctx, Importer& importer, const std::string& path,
                            const std::string& fileName, const std::string& source, Diagnostics& diags,
                            Info* info = nullptr);

} // namespace gol::types
