// The abstract syntax tree: the contract between the parser, the type checker
// and the bytecode generator.
//
// Conventions:
//  - Nodes are plain structs allocated in an ast::Arena (owned by ast::File) and
//    freed all together with it; never delete a node.
//  - Every node has `kind` and `pos`. `pos` is the node's START position (the
//    leftmost character, what go/types and Go 1.19's types2 report errors at).
//    Nodes whose Go syntax-tree position differs carry it as an extra field
//    (BinaryExpr::opPos, CallExpr::lparen, AssignStmt::tokPos, ...).
//  - Optional children are nullptr when absent; lists are std::vector.
//  - After a syntax error the parser may leave Bad* nodes in place; consumers
//    never see a tree with errors unless they ignore the Diagnostics.
//  - Fields in the "checker" sections are filled by gol::types and read by the
//    code generator; the parser leaves them zero.
//  - Test node kinds with isa<T>(n), get them with as<T>(n) (nullptr when n is
//    not a T, or n is null) or cast<T>(n) (asserts).
#pragma once

#include "compiler/syntax/source.hpp"
#include "compiler/syntax/token.hpp"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace gol::types {
struct Type;
struct Object;
struct Constant;
struct Selection;
} // namespace gol::types

namespace gol::ast {

using syntax::Tok;

// X-macro list of every concrete node kind, grouped by category. The category
// ranges (FirstExpr..LastExpr, ...) rely on this order.
#define GOL_AST_EXPR_NODES(X)                                                                                \
    X(BadExpr)                                                                                               \
    X(Ident)                                                                                                 \
    X(BasicLit)                                                                                              \
    X(CompositeLit)                                                                                          \
    X(FuncLit)                                                                                               \
    X(ParenExpr)                                                                                             \
    X(SelectorExpr)                                                                                          \
    X(IndexExpr)                                                                                             \
    X(SliceExpr)                                                                                             \
    X(TypeAssertExpr)                                                                                        \
    X(CallExpr)                                                                                              \
    X(StarExpr)                                                                                              \
    X(UnaryExpr)                                                                                             \
    X(BinaryExpr)                                                                                            \
    X(KeyValueExpr)                                                                                          \
    X(ArrayType)                                                                                             \
    X(StructType)                                                                                            \
    X(FuncType)                                                                                              \
    X(InterfaceType)                                                                                         \
    X(MapType)                                                                                               \
    X(ChanType)                                                                                              \
    X(Ellipsis)

#define GOL_AST_STMT_NODES(X)                                                                                \
    X(BadStmt)                                                                                               \
    X(DeclStmt)                                                                                              \
    X(EmptyStmt)                                                                                             \
    X(LabeledStmt)                                                                                           \
    X(ExprStmt)                                                                                              \
    X(SendStmt)                                                                                              \
    X(IncDecStmt)                                                                                            \
    X(AssignStmt)                                                                                            \
    X(GoStmt)                                                                                                \
    X(DeferStmt)                                                                                             \
    X(ReturnStmt)                                                                                            \
    X(BranchStmt)                                                                                            \
    X(BlockStmt)                                                                                             \
    X(IfStmt)                                                                                                \
    X(CaseClause)                                                                                            \
    X(SwitchStmt)                                                                                            \
    X(TypeSwitchStmt)                                                                                        \
    X(CommClause)                                                                                            \
    X(SelectStmt)                                                                                            \
    X(ForStmt)                                                                                               \
    X(RangeStmt)

#define GOL_AST_SPEC_NODES(X)                                                                                \
    X(ImportSpec)                                                                                            \
    X(ValueSpec)                                                                                             \
    X(TypeSpec)

#define GOL_AST_DECL_NODES(X)                                                                                \
    X(BadDecl)                                                                                               \
    X(GenDecl)                                                                                               \
    X(FuncDecl)

#define GOL_AST_OTHER_NODES(X)                                                                               \
    X(Field)                                                                                                 \
    X(FieldList)

#define GOL_AST_ALL_NODES(X)                                                                                 \
    GOL_AST_EXPR_NODES(X)                                                                                    \
    GOL_AST_STMT_NODES(X) GOL_AST_SPEC_NODES(X) GOL_AST_DECL_NODES(X) GOL_AST_OTHER_NODES(X)

enum class Kind : uint8_t {
#define GOL_AST_KIND(name) name,
    GOL_AST_ALL_NODES(GOL_AST_KIND)
#undef GOL_AST_KIND
        Count,
    FirstExpr = BadExpr,
    LastExpr = Ellipsis,
    FirstStmt = BadStmt,
    LastStmt = RangeStmt,
    FirstSpec = ImportSpec,
    LastSpec = TypeSpec,
    FirstDecl = BadDecl,
    LastDecl = FuncDecl,
};

// "Ident", "CallExpr", ...
const char* kindName(Kind k);

struct Node {
    Kind kind;
    Pos pos; // start position, see the file comment

    explicit Node(Kind k, Pos p = {}) : kind(k), pos(p) {}
    static bool classof(Kind) { return true; }
};

template <class T> bool isa(const Node* n) {
    return n != nullptr && T::classof(n->kind);
}
template <class T> T* as(Node* n) {
    return isa<T>(n) ? static_cast<T*>(n) : nullptr;
}
template <class T> const T* as(const Node* n) {
    return isa<T>(n) ? static_cast<const T*>(n) : nullptr;
}
template <class T> T* cast(Node* n) {
    assert(isa<T>(n));
    return static_cast<T*>(n);
}
template <class T> const T* cast(const Node* n) {
    assert(isa<T>(n));
    return static_cast<const T*>(n);
}

#define GOL_AST_CONCRETE(name)                                                                               \
    static constexpr Kind kKind = Kind::name;                                                                \
    static bool classof(Kind k) {                                                                            \
        return k == Kind::name;                                                                              \
    }

// ---------------------------------------------------------------------------
// Expressions (including type expressions)

struct Expr : Node {
    // --- checker ---
    types::Type* type = nullptr;               // type of the expression (or the type it denotes)
    const types::Constant* constant = nullptr; // value, when the expression is a constant
    uint8_t mode = 0;                          // checker-defined operand mode (novalue, value, variable,
                                               // type, builtin, constant, commaok, mapindex, ...)

    using Node::Node;
    static bool classof(Kind k) { return k >= Kind::FirstExpr && k <= Kind::LastExpr; }
};

// A placeholder for an expression that failed to parse.
struct BadExpr : Expr {
    GOL_AST_CONCRETE(BadExpr)
    BadExpr(Pos p) : Expr(Kind::BadExpr, p) {}
};

struct Ident : Expr {
    GOL_AST_CONCRETE(Ident)
    std::string name; // "_" for the blank identifier
    // --- checker ---
    types::Object* obj = nullptr; // the object it denotes (or declares)
    bool isNewDef = false;        // declared here by `:=` / range `:=` (false: reuses an existing var)

    Ident(Pos p, std::string n) : Expr(Kind::Ident, p), name(std::move(n)) {}
};

// INT, FLOAT, IMAG, CHAR or STRING literal.
struct BasicLit : Expr {
    GOL_AST_CONCRETE(BasicLit)
    Tok litKind;       // Tok::Int, Float, Imag, Char or String
    std::string raw;   // the literal exactly as written, quotes included
    std::string value; // STRING: decoded bytes (escapes applied, raw strings without \r)
    uint32_t rune = 0; // CHAR: decoded code point (may be a lone surrogate / invalid; the lexer reports)
    bool bad = false;  // the lexer reported an error for this literal; don't report again

    BasicLit(Pos p, Tok k, std::string r) : Expr(Kind::BasicLit, p), litKind(k), raw(std::move(r)) {}
};

// T{elts} or {elts} (elided type inside another composite literal: type == nullptr).
// Keyed elements are KeyValueExprs.
struct CompositeLit : Expr {
    GOL_AST_CONCRETE(CompositeLit)
    Expr* litType = nullptr; // nullptr when elided
    std::vector<Expr*> elts;
    Pos lbrace, rbrace;

    CompositeLit(Pos p) : Expr(Kind::CompositeLit, p) {}
};

struct FuncType;
struct BlockStmt;

struct FuncLit : Expr {
    GOL_AST_CONCRETE(FuncLit)
    FuncType* sig = nullptr;
    BlockStmt* body = nullptr;
    // --- checker ---
    std::vector<types::Object*> captures; // free variables, in first-use order

    FuncLit(Pos p) : Expr(Kind::FuncLit, p) {}
};

struct ParenExpr : Expr {
    GOL_AST_CONCRETE(ParenExpr)
    Expr* x = nullptr;
    Pos rparen;

    ParenExpr(Pos p) : Expr(Kind::ParenExpr, p) {}
};

// x.sel, or pkg.Name (a qualified identifier).
struct SelectorExpr : Expr {
    GOL_AST_CONCRETE(SelectorExpr)
    Expr* x = nullptr;
    Ident* sel = nullptr;
    Pos dot; // position of '.'
    // --- checker ---
    types::Selection* selection = nullptr; // field/method selection incl. embedding path
    types::Object* pkgObj = nullptr;       // for pkg.Name: the object Name in package pkg

    SelectorExpr(Pos p) : Expr(Kind::SelectorExpr, p) {}
};

// x[index]
struct IndexExpr : Expr {
    GOL_AST_CONCRETE(IndexExpr)
    Expr* x = nullptr;
    Expr* index = nullptr;
    Pos lbrack, rbrack;

    IndexExpr(Pos p) : Expr(Kind::IndexExpr, p) {}
};

// x[low:high] or x[low:high:max]
struct SliceExpr : Expr {
    GOL_AST_CONCRETE(SliceExpr)
    Expr* x = nullptr;
    Expr* low = nullptr;
    Expr* high = nullptr;
    Expr* max = nullptr;
    bool slice3 = false; // 3-index form
    Pos lbrack, rbrack;

    SliceExpr(Pos p) : Expr(Kind::SliceExpr, p) {}
};

// x.(T), or x.(type) in a type switch header (assertType == nullptr).
struct TypeAssertExpr : Expr {
    GOL_AST_CONCRETE(TypeAssertExpr)
    Expr* x = nullptr;
    Expr* assertType = nullptr; // nullptr for .(type)
    Pos dot, lparen, rparen;

    TypeAssertExpr(Pos p) : Expr(Kind::TypeAssertExpr, p) {}
};

// fun(args), fun(args...)
struct CallExpr : Expr {
    GOL_AST_CONCRETE(CallExpr)
    Expr* fun = nullptr;
    std::vector<Expr*> args;
    bool hasEllipsis = false; // f(xs...)
    Pos lparen, ellipsis, rparen;
    // --- checker ---
    uint8_t callKind = 0; // checker-defined: regular, conversion, builtin, method, ...

    CallExpr(Pos p) : Expr(Kind::CallExpr, p) {}
};

// *x: pointer indirection, or the pointer type *T.
struct StarExpr : Expr {
    GOL_AST_CONCRETE(StarExpr)
    Expr* x = nullptr;

    StarExpr(Pos p) : Expr(Kind::StarExpr, p) {}
};

// op x with op in + - ! ^ & <- (pos == operator position).
struct UnaryExpr : Expr {
    GOL_AST_CONCRETE(UnaryExpr)
    Tok op;
    Expr* x = nullptr;

    UnaryExpr(Pos p, Tok o) : Expr(Kind::UnaryExpr, p), op(o) {}
};

// x op y
struct BinaryExpr : Expr {
    GOL_AST_CONCRETE(BinaryExpr)
    Tok op;
    Expr* x = nullptr;
    Expr* y = nullptr;
    Pos opPos;

    BinaryExpr(Pos p, Tok o) : Expr(Kind::BinaryExpr, p), op(o) {}
};

// key: value, in composite literals only.
struct KeyValueExpr : Expr {
    GOL_AST_CONCRETE(KeyValueExpr)
    Expr* key = nullptr;
    Expr* value = nullptr;
    Pos colon;

    KeyValueExpr(Pos p) : Expr(Kind::KeyValueExpr, p) {}
};

// [len]elem; len == nullptr for a slice type, an Ellipsis (elt == nullptr) for [...]T.
struct ArrayType : Expr {
    GOL_AST_CONCRETE(ArrayType)
    Expr* len = nullptr;
    Expr* elem = nullptr;

    ArrayType(Pos p) : Expr(Kind::ArrayType, p) {}
};

// One field of a struct, one parameter group of a signature, one method or
// embedded interface of an interface (see InterfaceType), one receiver.
//   struct{ a, b int `tag` } -> Field{names=[a b], type=int, tag}
//   struct{ T; *p.U }        -> Field{names=[], type=T}      (embedded)
//   func(int, string)        -> two Fields without names
//   func(xs ...int)          -> Field{names=[xs], type=Ellipsis{int}}
struct Field : Node {
    GOL_AST_CONCRETE(Field)
    std::vector<Ident*> names; // empty: anonymous parameter / embedded field
    Expr* type = nullptr;
    BasicLit* tag = nullptr; // struct fields only; nullptr when absent

    Field(Pos p) : Node(Kind::Field, p) {}
    bool embedded() const { return names.empty(); }
};

// A parenthesized list of fields: parameters, results or a receiver.
struct FieldList : Node {
    GOL_AST_CONCRETE(FieldList)
    std::vector<Field*> list;
    Pos opening, closing; // '(' and ')'; opening is invalid for an unparenthesized single result

    FieldList(Pos p) : Node(Kind::FieldList, p) {}
    // Number of entities (a, b int counts 2; an unnamed field counts 1).
    size_t numFields() const {
        size_t n = 0;
        for (const Field* f : list)
            n += f->names.empty() ? 1 : f->names.size();
        return n;
    }
};

struct StructType : Expr {
    GOL_AST_CONCRETE(StructType)
    std::vector<Field*> fields;
    Pos lbrace, rbrace;

    StructType(Pos p) : Expr(Kind::StructType, p) {}
};

// func(params) results. pos is the `func` keyword, or the '(' when there is none
// (method signatures in interfaces, FuncDecl types).
struct FuncType : Expr {
    GOL_AST_CONCRETE(FuncType)
    FieldList* params = nullptr;  // never nullptr
    FieldList* results = nullptr; // nullptr when there are no results
    bool variadic = false;        // the last parameter's type is an Ellipsis

    FuncType(Pos p) : Expr(Kind::FuncType, p) {}
};

struct InterfaceType : Expr {
    GOL_AST_CONCRETE(InterfaceType)
    std::vector<Field*> methods;  // each: names=[name], type=FuncType
    std::vector<Expr*> embeddeds; // embedded interfaces (Ident, SelectorExpr, ...)
    Pos lbrace, rbrace;

    InterfaceType(Pos p) : Expr(Kind::InterfaceType, p) {}
};

struct MapType : Expr {
    GOL_AST_CONCRETE(MapType)
    Expr* key = nullptr;
    Expr* value = nullptr;

    MapType(Pos p) : Expr(Kind::MapType, p) {}
};

enum class ChanDir : uint8_t { Both, Send, Recv }; // chan T, chan<- T, <-chan T

struct ChanType : Expr {
    GOL_AST_CONCRETE(ChanType)
    ChanDir dir = ChanDir::Both;
    Expr* value = nullptr;
    Pos arrow; // position of "<-", invalid for ChanDir::Both

    ChanType(Pos p) : Expr(Kind::ChanType, p) {}
};

// ...elt in a variadic parameter list, or `...` as the length of [...]T (elt == nullptr).
struct Ellipsis : Expr {
    GOL_AST_CONCRETE(Ellipsis)
    Expr* elt = nullptr;

    Ellipsis(Pos p) : Expr(Kind::Ellipsis, p) {}
};

// ---------------------------------------------------------------------------
// Statements

struct Stmt : Node {
    using Node::Node;
    static bool classof(Kind k) { return k >= Kind::FirstStmt && k <= Kind::LastStmt; }
};

struct BadStmt : Stmt {
    GOL_AST_CONCRETE(BadStmt)
    BadStmt(Pos p) : Stmt(Kind::BadStmt, p) {}
};

struct GenDecl;

// A const, type or var declaration inside a function (or at script level).
struct DeclStmt : Stmt {
    GOL_AST_CONCRETE(DeclStmt)
    GenDecl* decl = nullptr;

    DeclStmt(Pos p) : Stmt(Kind::DeclStmt, p) {}
};

// An empty statement; `implicit` when it stands for an omitted statement
// (e.g. the missing init in `if x {`, or a label before '}').
struct EmptyStmt : Stmt {
    GOL_AST_CONCRETE(EmptyStmt)
    bool implicit = false;

    EmptyStmt(Pos p) : Stmt(Kind::EmptyStmt, p) {}
};

struct LabeledStmt : Stmt {
    GOL_AST_CONCRETE(LabeledStmt)
    Ident* label = nullptr;
    Stmt* stmt = nullptr; // never nullptr (EmptyStmt when the label precedes '}')

    LabeledStmt(Pos p) : Stmt(Kind::LabeledStmt, p) {}
};

struct ExprStmt : Stmt {
    GOL_AST_CONCRETE(ExprStmt)
    Expr* x = nullptr;

    ExprStmt(Pos p) : Stmt(Kind::ExprStmt, p) {}
};

// ch <- value
struct SendStmt : Stmt {
    GOL_AST_CONCRETE(SendStmt)
    Expr* chan = nullptr;
    Expr* value = nullptr;
    Pos arrow;

    SendStmt(Pos p) : Stmt(Kind::SendStmt, p) {}
};

// x++ / x--
struct IncDecStmt : Stmt {
    GOL_AST_CONCRETE(IncDecStmt)
    Expr* x = nullptr;
    Tok tok = Tok::Inc; // Tok::Inc or Tok::Dec
    Pos tokPos;

    IncDecStmt(Pos p) : Stmt(Kind::IncDecStmt, p) {}
};

// lhs tok rhs with tok in = := += -= *= /= %= &= |= ^= <<= >>= &^=
struct AssignStmt : Stmt {
    GOL_AST_CONCRETE(AssignStmt)
    std::vector<Expr*> lhs;
    Tok tok = Tok::Assign;
    std::vector<Expr*> rhs;
    Pos tokPos;

    AssignStmt(Pos p) : Stmt(Kind::AssignStmt, p) {}
};

// go f(x). `call` is a CallExpr unless the checker reports
// "expression in go must be function call".
struct GoStmt : Stmt {
    GOL_AST_CONCRETE(GoStmt)
    Expr* call = nullptr;

    GoStmt(Pos p) : Stmt(Kind::GoStmt, p) {}
};

struct DeferStmt : Stmt {
    GOL_AST_CONCRETE(DeferStmt)
    Expr* call = nullptr; // as GoStmt::call

    DeferStmt(Pos p) : Stmt(Kind::DeferStmt, p) {}
};

struct ReturnStmt : Stmt {
    GOL_AST_CONCRETE(ReturnStmt)
    std::vector<Expr*> results;

    ReturnStmt(Pos p) : Stmt(Kind::ReturnStmt, p) {}
};

// break/continue/goto/fallthrough [label]
struct BranchStmt : Stmt {
    GOL_AST_CONCRETE(BranchStmt)
    Tok tok; // Tok::Break, Continue, Goto or Fallthrough
    Ident* label = nullptr;
    // --- checker ---
    Stmt* target = nullptr; // the statement broken out of / continued / jumped to (LabeledStmt for goto)

    BranchStmt(Pos p, Tok t) : Stmt(Kind::BranchStmt, p), tok(t) {}
};

struct BlockStmt : Stmt {
    GOL_AST_CONCRETE(BlockStmt)
    std::vector<Stmt*> list;
    Pos rbrace; // pos is the '{'

    BlockStmt(Pos p) : Stmt(Kind::BlockStmt, p) {}
};

// if init; cond { body } else els   (els: nullptr, IfStmt or BlockStmt)
struct IfStmt : Stmt {
    GOL_AST_CONCRETE(IfStmt)
    Stmt* init = nullptr;
    Expr* cond = nullptr;
    BlockStmt* body = nullptr;
    Stmt* els = nullptr;

    IfStmt(Pos p) : Stmt(Kind::IfStmt, p) {}
};

// case list: body   /   default: body (list empty)
// In a type switch the list holds types, and the literal `nil` as an Ident.
struct CaseClause : Stmt {
    GOL_AST_CONCRETE(CaseClause)
    std::vector<Expr*> list; // empty for default
    bool isDefault = false;
    std::vector<Stmt*> body;
    Pos colon;
    // --- checker ---
    types::Object* implicitObj = nullptr; // type switch `x := y.(type)`: this clause's x

    CaseClause(Pos p) : Stmt(Kind::CaseClause, p) {}
};

// switch init; tag { clauses }   (tag nullptr: switch true)
struct SwitchStmt : Stmt {
    GOL_AST_CONCRETE(SwitchStmt)
    Stmt* init = nullptr;
    Expr* tag = nullptr;
    std::vector<CaseClause*> clauses;
    Pos lbrace, rbrace;

    SwitchStmt(Pos p) : Stmt(Kind::SwitchStmt, p) {}
};

// switch init; x := y.(type) { clauses }  or  switch init; y.(type) { clauses }
struct TypeSwitchStmt : Stmt {
    GOL_AST_CONCRETE(TypeSwitchStmt)
    Stmt* init = nullptr;
    Stmt* assign = nullptr;          // AssignStmt{[x] := [TypeAssertExpr]} or ExprStmt{TypeAssertExpr}
    Ident* lhs = nullptr;            // x in `x := y.(type)`, else nullptr (shortcut into assign)
    TypeAssertExpr* guard = nullptr; // y.(type) (shortcut into assign)
    std::vector<CaseClause*> clauses;
    Pos lbrace, rbrace;

    TypeSwitchStmt(Pos p) : Stmt(Kind::TypeSwitchStmt, p) {}
};

// case comm: body  /  default: body (comm == nullptr).
// comm is a SendStmt, an ExprStmt (<-ch), or an AssignStmt (x[, ok] = / := <-ch).
struct CommClause : Stmt {
    GOL_AST_CONCRETE(CommClause)
    Stmt* comm = nullptr;
    std::vector<Stmt*> body;
    Pos colon;

    CommClause(Pos p) : Stmt(Kind::CommClause, p) {}
};

struct SelectStmt : Stmt {
    GOL_AST_CONCRETE(SelectStmt)
    std::vector<CommClause*> clauses;
    Pos lbrace, rbrace;

    SelectStmt(Pos p) : Stmt(Kind::SelectStmt, p) {}
};

// for init; cond; post { body }   (any of init/cond/post may be nullptr)
struct ForStmt : Stmt {
    GOL_AST_CONCRETE(ForStmt)
    Stmt* init = nullptr;
    Expr* cond = nullptr;
    Stmt* post = nullptr;
    BlockStmt* body = nullptr;

    ForStmt(Pos p) : Stmt(Kind::ForStmt, p) {}
};

// for key, value := range x { body }; tok is Tok::Define, Tok::Assign, or
// Tok::Illegal for `for range x` (key and value nullptr).
struct RangeStmt : Stmt {
    GOL_AST_CONCRETE(RangeStmt)
    Expr* key = nullptr;
    Expr* value = nullptr;
    Tok tok = Tok::Illegal;
    Pos tokPos;
    Expr* x = nullptr;
    BlockStmt* body = nullptr;

    RangeStmt(Pos p) : Stmt(Kind::RangeStmt, p) {}
};

// ---------------------------------------------------------------------------
// Declarations

struct Spec : Node {
    using Node::Node;
    static bool classof(Kind k) { return k >= Kind::FirstSpec && k <= Kind::LastSpec; }
};

// import name "path"   (name: nullptr, an Ident, "_" or ".")
struct ImportSpec : Spec {
    GOL_AST_CONCRETE(ImportSpec)
    Ident* name = nullptr;
    BasicLit* path = nullptr; // a STRING literal; path->value is the decoded path

    ImportSpec(Pos p) : Spec(Kind::ImportSpec, p) {}
};

// names type = values, in a const or var declaration. For a const spec with
// neither type nor values (`const ( A = iota; B; C )`) both stay empty as
// written: the checker repeats the previous spec's type and values.
struct ValueSpec : Spec {
    GOL_AST_CONCRETE(ValueSpec)
    std::vector<Ident*> names;
    Expr* type = nullptr;
    std::vector<Expr*> values;
    uint32_t iota = 0; // index of this spec in its group (for consts: the value of iota)

    ValueSpec(Pos p) : Spec(Kind::ValueSpec, p) {}
};

// type name T  /  type name = T (alias)
struct TypeSpec : Spec {
    GOL_AST_CONCRETE(TypeSpec)
    Ident* name = nullptr;
    bool alias = false; // `=` present
    Expr* type = nullptr;

    TypeSpec(Pos p) : Spec(Kind::TypeSpec, p) {}
};

struct Decl : Node {
    using Node::Node;
    static bool classof(Kind k) { return k >= Kind::FirstDecl && k <= Kind::LastDecl; }
};

struct BadDecl : Decl {
    GOL_AST_CONCRETE(BadDecl)
    BadDecl(Pos p) : Decl(Kind::BadDecl, p) {}
};

// import/const/type/var, single or grouped: `var x int` or `var ( ... )`.
struct GenDecl : Decl {
    GOL_AST_CONCRETE(GenDecl)
    Tok tok;                  // Tok::Import, Const, Type or Var
    std::vector<Spec*> specs; // ImportSpec, ValueSpec or TypeSpec according to tok
    Pos lparen, rparen;       // invalid when not grouped

    GenDecl(Pos p, Tok t) : Decl(Kind::GenDecl, p), tok(t) {}
    bool grouped() const { return lparen.valid(); }
};

// func (recv) name(params) results { body }   (body nullptr: declared without body)
struct FuncDecl : Decl {
    GOL_AST_CONCRETE(FuncDecl)
    FieldList* recv = nullptr; // nullptr for functions; one Field for methods
    Ident* name = nullptr;
    FuncType* sig = nullptr;
    BlockStmt* body = nullptr;

    FuncDecl(Pos p) : Decl(Kind::FuncDecl, p) {}
};

#undef GOL_AST_CONCRETE

// ---------------------------------------------------------------------------
// Arena

// Bump allocator for nodes. Destructors of non-trivial nodes (those holding
// vectors or strings) run when the arena dies, in reverse allocation order.
class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena();

    template <class T, class... Args> T* make(Args&&... args) {
        void* mem = allocate(sizeof(T), alignof(T));
        T* obj = new (mem) T(std::forward<Args>(args)...);
        if constexpr (!std::is_trivially_destructible_v<T>)
            dtors_.push_back({obj, [](void* p) { static_cast<T*>(p)->~T(); }});
        return obj;
    }

    size_t bytesAllocated() const { return used_; }

  private:
    void* allocate(size_t size, size_t align);

    struct Dtor {
        void* obj;
        void (*fn)(void*);
    };
    std::vector<std::unique_ptr<std::byte[]>> chunks_;
    std::byte* cur_ = nullptr;
    size_t left_ = 0;
    size_t used_ = 0;
    std::vector<Dtor> dtors_;
};

// ---------------------------------------------------------------------------
// File

// One parsed source file. Without a package clause (`pkgName == nullptr`) the
// file is a script (DESIGN §1): its top-level statements, including var/const
// declarations (as DeclStmts) and `x := ...`, are in scriptStmts in source order;
// imports, type declarations and functions are in decls in every mode.
struct File {
    SourceFile source;
    Arena arena;                      // owns every node below
    Ident* pkgName = nullptr;         // nullptr in script mode
    Pos packagePos;                   // the `package` keyword
    std::vector<ImportSpec*> imports; // every import spec, also reachable through decls
    std::vector<Decl*> decls;         // GenDecls and FuncDecls in source order
    std::vector<Stmt*> scriptStmts;   // script mode only

    bool isScript() const { return pkgName == nullptr; }
};

// S-expression dump for tests and `gol disasm -ast`, e.g.
// (BinaryExpr + (Ident x) (BasicLit INT 1)). Null children print as _.
std::string dump(const Node* n);
std::string dump(const File& f);

} // namespace gol::ast
