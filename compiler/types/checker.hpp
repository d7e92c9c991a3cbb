// The checker's internal state, shared by decl/expr/call/stmt/typexpr/lookup/
// assign.cpp (the split of Go's types2). Not part of the public interface.
#pragma once

#include "compiler/types/check.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace gol::types {

// An evaluated expression (Go's operand).
struct Operand {
    Mode mode = Mode::Invalid;
    ast::Expr* expr = nullptr;
    Type* type = nullptr;
    Constant val;
    BuiltinId id{};

    bool invalid() const { return mode == Mode::Invalid; }
    bool isNil() const { return mode == Mode::Value && type != nullptr && type->kind == Kind::UntypedNil; }
};

// Source text of an expression in go/types' short form ("x + 1", "T{…}").
std::string exprString(const ast::Expr* e);

// Why a value is not assignable / a type does not implement an interface.
struct Cause {
    std::string text;
};

class Checker {
  public:
    Checker(Context& ctx, Importer& imp, Diagnostics& diags, Info* info, const Config& cfg);

    void checkFiles(const std::vector<ast::File*>& files);

    // ---- shared state ----
    Context& ctx;
    Importer& importer;
    Diagnostics& diags;
    Info* info;
    Config cfg;
    Info localInfo;
    Package* pkg = nullptr;
    std::string fileName;
    Scope* fileScope = nullptr;
    bool script = false;
    size_t errorsAtStart = 0;

    // Package-level declarations, resolved on demand (Go's objDecl).
    struct DeclInfo {
        Scope* file = nullptr;
        ast::Expr* typeExpr = nullptr; // var/const type, type decl type
        ast::Expr* init = nullptr;     // var/const initializer (nullptr: zero / multi-assign)
        std::vector<Var*> lhs;         // var a, b = f(): all lhs share this DeclInfo
        ast::ValueSpec* spec = nullptr;
        ast::TypeSpec* tspec = nullptr;
        ast::FuncDecl* fdecl = nullptr;
        uint32_t iota = 0;
        std::set<Object*> deps; // package-level vars/funcs used by the initializer or body
    };
    std::unordered_map<Object*, DeclInfo*> decls;
    enum class Color : uint8_t { White, Grey, Black };
    std::unordered_map<Object*, Color> colors;
    std::vector<Object*> objPath;    // the objects being resolved (cycle detection)
    std::vector<Object*> pkgObjects; // in source order
    std::vector<std::pair<Func*, ast::FuncDecl*>> methodDecls;
    std::unordered_map<Named*, std::vector<Func*>> pendingMethods;
    DeclInfo* curDecl = nullptr; // the package-level declaration whose initializer/body is checked
    std::vector<PkgName*> importOrder;
    std::unordered_map<std::string, std::vector<Func*>> methodsByBase; // methods not yet attached
    std::vector<Func*> allFuncs;    // every FuncDecl's object, source order
    std::vector<Func*> methodFuncs; // methods attached to their type
    std::vector<Var*> localInfoGlobals;
    std::vector<Named*> localInfoNamed;
    struct FuncInfo {
        Scope* scope;
        std::vector<Var*> results;
        Var* recv;
    };
    std::unordered_map<Func*, FuncInfo> funcInfos;
    bool allowBodyless = false; // package stubs: functions without body are natives
    ast::BlockStmt* scriptBody = nullptr;

    // ---- function context ----
    struct FuncCtx {
        Signature* sig = nullptr;
        const ast::Node* node = nullptr; // FuncDecl or FuncLit (nullptr: script / package level)
        ast::FuncLit* lit = nullptr;
        FuncCtx* outer = nullptr;
        std::vector<Var*> results; // result vars (named or not)
        bool namedResults = false;
        bool hasReturnValues = false;
    };
    FuncCtx* fn = nullptr;
    const Constant* iotaVal = nullptr; // inside a const declaration
    Scope* scope = nullptr;            // current scope

    // ---- errors ----
    void error(Pos pos, std::string msg);
    void error(const ast::Node* at, std::string msg);
    std::string opString(const Operand& x);
    std::string ts(const Type* t) { return typeString(t, pkg); }

    // ---- scopes ----
    Scope* openScope();
    void closeScope();
    void declare(Scope* s, ast::Ident* id, Object* obj);
    Object* lookup(const std::string& name);
    void recordUse(ast::Ident* id, Object* obj);
    void usage(Scope* s);

    // ---- decl.cpp ----
    void collectObjects(const std::vector<ast::File*>& files);
    void packageObjects();
    void objDecl(Object* obj);
    void constDecl(Const* obj, ast::Expr* typ, ast::Expr* init, uint32_t iota);
    void varDecl(Var* obj, std::vector<Var*> lhs, ast::Expr* typ, ast::Expr* init);
    void typeDecl(TypeName* obj, ast::TypeSpec* spec);
    void funcDecl(Func* obj, ast::FuncDecl* d);
    void collectMethods(TypeName* obj);
    void declStmt(ast::GenDecl* d);
    void funcBody(const ast::Node* node, ast::FuncLit* lit, Signature* sig, ast::FuncType* ftype,
                  ast::FieldList* recv, Var* recvVar, ast::BlockStmt* body, Scope* sigScope);
    void initOrder();
    bool cycleError(Object* obj);
    void checkFuncBodies();
    std::vector<std::function<void()>> delayed;

    // ---- typexpr.cpp ----
    Type* typExpr(ast::Expr* e, Named* def = nullptr);
    Type* definedType(ast::Expr* e, Named* def);
    Signature* funcType(ast::FuncType* ft, ast::FieldList* recv, Scope* s, std::vector<Var*>* params,
                        std::vector<Var*>* results, Var** recvVar);
    Type* structType(ast::StructType* st);
    Type* interfaceType(ast::InterfaceType* it, Named* def);
    int64_t arrayLength(ast::Expr* e);
    void validType(Named* n);

    // ---- expr.cpp ----
    void rawExpr(Operand& x, ast::Expr* e, Type* hint, bool allowGeneric = false);
    void exprInternal(Operand& x, ast::Expr* e, Type* hint);
    void expr(Operand& x, ast::Expr* e);                    // single value
    void multiExpr(std::vector<Operand>& xs, ast::Expr* e); // f() with several results, or comma-ok
    void exprWithHint(Operand& x, ast::Expr* e, Type* hint);
    void exprOrType(Operand& x, ast::Expr* e);
    void ident(Operand& x, ast::Ident* e, Named* def, bool wantType);
    void record(Operand& x);
    void updateExprType(ast::Expr* e, Type* t, bool final);
    void convertUntyped(Operand& x, Type* target);
    bool implicitTypeAndValue(Operand& x, Type* target, Type*& out, int& code);
    void unary(Operand& x, ast::UnaryExpr* e);
    void binary(Operand& x, ast::Expr* e, ast::Expr* lhs, ast::Expr* rhs, syntax::Tok op, Pos opPos);
    void shift(Operand& x, Operand& y, ast::Expr* e, syntax::Tok op);
    // xNil/yNil: the operand was the untyped nil before matchTypes gave it the other side's type.
    void comparison(Operand& x, Operand& y, syntax::Tok op, ast::Expr* e, bool xNil = false,
                    bool yNil = false);
    void matchTypes(Operand& x, Operand& y);
    void overflow(Operand& x, Pos opPos);
    void representable(Operand& x, Basic* t);
    void compositeLit(Operand& x, ast::CompositeLit* e, Type* hint);
    void indexExpr(Operand& x, ast::IndexExpr* e);
    void sliceExpr(Operand& x, ast::SliceExpr* e);
    bool index(ast::Expr* e, int64_t max, int64_t* value);
    bool isValidIndex(Operand& x, const char* what, bool allowNegative);
    void selector(Operand& x, ast::SelectorExpr* e, bool wantType);
    void typeAssertion(ast::Expr* e, Operand& x, Type* T, bool typeSwitch);
    void funcLit(Operand& x, ast::FuncLit* e);
    void singleValue(Operand& x);
    void markCaptured(Var* v);
    void markAddressTaken(ast::Expr* e);
    void useExprs(const std::vector<ast::Expr*>& es);

    // ---- call.cpp ----
    void callExpr(Operand& x, ast::CallExpr* e);
    void conversion(Operand& x, Type* T, ast::CallExpr* call);
    bool convertibleTo(Operand& x, Type* T, std::string* cause);
    void arguments(ast::CallExpr* call, Signature* sig, std::vector<Operand>& args, bool ddd,
                   const std::string& fname);
    void builtin(Operand& x, ast::CallExpr* call, BuiltinId id);
    void genericExprList(const std::vector<ast::Expr*>& es, std::vector<Operand>& out);

    // ---- lookup.cpp ----
    struct LookupResult {
        Object* obj = nullptr;
        std::vector<int> index;
        bool indirect = false;
        bool ambiguous = false;
    };
    LookupResult lookupFieldOrMethod(Type* T, bool addressable, Package* p, const std::string& name);
    // The first method of iface that T lacks (nullptr if none); wrongType set when
    // the method exists with a different signature or pointer receiver.
    Func* missingMethod(Type* T, Interface* iface, bool staticCheck, bool* wrongType, Func** have,
                        bool* ptrRecv);
    bool implements(Type* V, Type* T, std::string* cause);
    std::string missingMethodCause(Type* V, Type* T, Func* m, bool wrongType, Func* have, bool ptrRecv);
    Func* lookupMethod(Type* T, const std::string& name, bool* ptrRecv); // Named's own or promoted
    bool hasMethod(Type* T, const std::string& name);

    // ---- assign.cpp ----
    bool assignableTo(Operand& x, Type* T, std::string* cause);
    void assignment(Operand& x, Type* T, const std::string& context);
    void initVar(Var* lhs, Operand& x, const std::string& context);
    void initVars(const std::vector<Var*>& lhs, const std::vector<ast::Expr*>& rhs, Pos returnPos);
    Type* assignVar(ast::Expr* lhs, Operand* x, ast::Expr* rhsExpr);
    void assignVars(const std::vector<ast::Expr*>& lhs, const std::vector<ast::Expr*>& rhs);
    void shortVarDecl(ast::AssignStmt* s);
    void assignError(const std::vector<ast::Expr*>& rhs, size_t l, size_t r, Pos at);
    void returnError(Pos at, const std::vector<ast::Expr*>& rhs, const std::vector<Operand>& xs);
    Type* lhsVar(ast::Expr* lhs);
    void markReassigned(ast::Expr* lhs);

    // ---- stmt.cpp ----
    enum StmtCtx : unsigned {
        BreakOk = 1,
        ContinueOk = 2,
        FallthroughOk = 4,
        FinalSwitchCase = 8,
        InTypeSwitch = 16,
    };
    void stmtList(unsigned ctxt, const std::vector<ast::Stmt*>& list);
    void stmt(unsigned ctxt, ast::Stmt* s);
    void simpleStmt(ast::Stmt* s) {
        if (s != nullptr) stmt(0, s);
    }
    void switchStmt(unsigned ctxt, ast::SwitchStmt* s);
    void typeSwitchStmt(unsigned ctxt, ast::TypeSwitchStmt* s);
    void selectStmt(unsigned ctxt, ast::SelectStmt* s);
    void forStmt(unsigned ctxt, ast::ForStmt* s);
    void rangeStmt(unsigned ctxt, ast::RangeStmt* s);
    void returnStmt(ast::ReturnStmt* s);
    void suspendedCall(const char* keyword, ast::Expr* call);
    void labels(ast::BlockStmt* body);
    bool isTerminating(ast::Stmt* s, const std::string& label);
    bool isTerminatingList(const std::vector<ast::Stmt*>& list, const std::string& label);
    bool hasBreak(ast::Stmt* s, const std::string& label, bool implicit);
    bool hasBreakList(const std::vector<ast::Stmt*>& list, const std::string& label, bool implicit);
    std::vector<ast::Stmt*> breakTargets; // enclosing for/switch/select for unlabeled break
    std::vector<ast::Stmt*> continueTargets;
};

// Is the expression (after parentheses) the blank identifier?
inline bool isBlank(const ast::Expr* e) {
    auto* id = ast::as<ast::Ident>(e);
    return id != nullptr && id->name == "_";
}

ast::Expr* unparen(ast::Expr* e);

} // namespace gol::types
