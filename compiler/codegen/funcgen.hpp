// FuncGen: generates the bytecode of one function (a FuncDecl, a FuncLit, the init function or a
// synthesized wrapper).
//
// Registers. A frame's registers are allocated as a stack (`top_` is the first free one), but each
// register has one class for the whole function, scalar or reference (Proto::regIsRef is the GC's
// map of the frame): allocating a register of class C takes the lowest free register that is
// unassigned or already of class C. A call window (arguments at R[a..], results back at R[a..]) is
// allocated the same way position by position; where an argument and a result of the same position
// differ in class, the result is moved out and the slot re-zeroed right after the call, before any
// safepoint can observe it.
//
// Expressions write their destination register only with their last instruction; anything that
// needs several steps (composite literals, && and ||) builds in a temporary first. This keeps
// `x = f(x)`-style assignments straight into the variable's register correct.
#pragma once

#include "compiler/codegen/program_builder.hpp"

#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gol::codegen {

enum class RegClass : uint8_t { None, Scalar, Ref };

RegClass classOf(const types::Type* t);
bool isBoxed(const types::Type* t);
bool isByteElem(const types::Type* elem); // element packs one byte per element (uint8)

// Where a variable lives, from the point of view of one function.
struct VarLoc {
    enum Kind : uint8_t { Reg, Cell, Global, GlobalCell, Up, UpCell } kind = Reg;
    uint32_t index = 0;
};

struct Label {
    int pc = -1;
    std::vector<int> patches;
};

// An assignable location with its operands already evaluated.
struct LValue {
    enum Kind : uint8_t { Blank, Local, Cell, Global, GlobalCell, Up, UpCell, Field, Slice, Array, Map, Ptr, Box };
    Kind kind = Blank;
    types::Type* type = nullptr; // type of the location
    int base = -1;               // register: container, cell, pointer or box
    int index = -1;              // register: index/key; or field number for Field
    uint32_t slot = 0;           // global/upvalue index
    bool byteElem = false;
};

class FuncGen;

// gc's evaluation order (eval_order.cpp). Go's spec leaves open when an operand that is not a
// call is read relative to the calls of the same expression; gc makes every call (and receive)
// first, left to right, and reads the other operands afterwards: in `x + f()` with a global x
// that f changes, x is read after f has run. gol follows gc so that programs print what
// `go run` prints. A CallHoist, made where an expression's operands are about to be evaluated,
// evaluates the calls of both operands into registers when a memory read on the left would
// otherwise come first (a plain register local cannot be changed by a call, so the order is
// unobservable then and nothing is hoisted). Besides calls, it evaluates in place what gc's order
// pass copies into a temporary (walk/order.go): len, cap, append, slice expressions... (units),
// values converted to interfaces or used as map keys through their address (gc_layout.hpp), and
// map literals. The registers are above the expression's mark,
// released with its other temporaries; the node table entries go with the CallHoist.
class CallHoist {
  public:
    explicit CallHoist(FuncGen& g) : g_(g) {}
    ~CallHoist();
    CallHoist(const CallHoist&) = delete;
    CallHoist& operator=(const CallHoist&) = delete;
    void operands(ast::Expr* left, ast::Expr* right);
    // An assignment: the targets' operands, then the values (gc orders a call on the right of
    // `a[i] = f()` before the reads of a and i). With one value for several targets, the caller
    // makes that value before it reads the targets (FuncGen::assign). `assignment` for = and :=
    // (whose targets, if any, are given): a builtin or slice expression assigned to a name is
    // not one unit then (see isOrderedUnit), its operands are the statement's.
    // valueTypes: what each value is converted to (a call's parameter types), when known.
    void operands(const std::vector<ast::Expr*>& targets, const std::vector<ast::Expr*>& values,
                  bool assignment = false, const std::vector<types::Type*>* valueTypes = nullptr);
    // The elements of a slice, array or struct literal and the types they are converted to.
    static void elements(ast::CompositeLit* e, std::vector<ast::Expr*>& vals,
                         std::vector<types::Type*>& types);
    // One entry of a map literal, which gc orders as the statement m[key] = value.
    void mapEntry(types::Map* m, ast::Expr* key, ast::Expr* value);

  private:
    void hoist(ast::Expr* e);
    void unit(ast::Expr* e);
    void value(ast::Expr* v, types::Type* to, bool toName);
    void literal(ast::CompositeLit* e);
    void mapKey(types::Map* m, ast::Expr* key);
    void evaluate(ast::Expr* e);
    FuncGen& g_;
    std::vector<const ast::Expr*> added_;
};

class FuncGen {
  public:
    FuncGen(ProgramBuilder& pb, FuncGen* parent, uint32_t protoIndex, const std::string& pkgPath);

    // Whole-function entry points.
    void genFuncDecl(const types::Func* fn, ast::FuncDecl* decl);
    void genFuncBody(types::Signature* sig, ast::FieldList* recv, ast::FuncType* ftype, ast::BlockStmt* body,
                     const ast::Node* owner);
    // Init function: per package variable initializers, init() calls, script statements.
    void genInit(std::vector<PackageUnit*>& units);
    void finish(); // fills numRegs, regIsRef; checks limits

    vm::Proto* proto() { return proto_; }

    // --- code emission (public for wrapper generators) ---
    int emit(vm::Instr ins);
    int emitABC(vm::Op op, int a = 0, int b = 0, int c = 0) { return emit(vm::Instr::make(op, uint16_t(a), uint16_t(b), uint16_t(c))); }
    int emitABx(vm::Op op, int a, uint32_t bx) { return emit(vm::Instr::makeBx(op, uint16_t(a), bx)); }
    void emitExtra(uint32_t bx, int a = 0) { emitABx(vm::Op::EXTRA, a, bx); }
    int alloc(RegClass c);
    int allocFor(const types::Type* t) { return alloc(classOf(t)); }
    int allocWindow(const std::vector<RegClass>& classes);
    void setTop(int t) { top_ = t; }
    int top() const { return top_; }
    void setLine(uint32_t l) { if (l) line_ = l; }
    void markParams(const std::vector<RegClass>& classes);

  private:
    friend class ProgramBuilder;
    friend class CallHoist;
    // --- labels and jumps ---
    int newLabel();
    void bind(int label);
    void jump(int label);                                   // JMP
    void jumpIf(vm::Op op, int a, int b, int c, int label); // JT/JF (a), or sABC compare jumps (b, c)
    int pc() const { return int(proto_->code.size()); }

    // --- variables ---
    VarLoc lookupVar(types::Var* v);
    int upvalueFor(types::Var* v); // index of v among this closure's upvalues (adding it)
    void declareLocal(types::Var* v, int reg); // v's value is in reg; makes a cell when needed
    bool needsCell(const types::Var* v) const;
    int loadVar(types::Var* v, int dst);
    void storeVar(types::Var* v, int src, bool fresh);

    // --- expressions ---
    int expr(ast::Expr* e, int dst = -1);
    int exprTo(ast::Expr* e, types::Type* to, int dst = -1);  // with assignability conversion
    int valueTo(ast::Expr* e, types::Type* to, int dst = -1); // a copy fit for a new location
    int convertReg(int r, types::Type* from, types::Type* to, int dst);
    int constant(const types::Constant& c, types::Type* t, int dst);
    int zeroValue(types::Type* t, int dst);
    int ident(ast::Ident* id, int dst);
    int binary(ast::BinaryExpr* e, int dst);
    int compare(vm::Op op, int x, int y, bool swap, int dst);
    // r := x op c (or c op x when constLeft) through an immediate or constant-operand opcode when
    // the constant c fits one; false (nothing emitted) otherwise.
    bool arithConst(vm::Op op, types::Type* t, int r, int x, ast::Expr* c, bool constLeft);
    int compareExpr(syntax::Tok op, ast::Expr* x, ast::Expr* y, int dst);
    int unary(ast::UnaryExpr* e, int dst);
    int selector(ast::SelectorExpr* e, int dst);
    int walkPath(int reg, types::Type*& t, const std::vector<int>& path, size_t n);
    int index(ast::IndexExpr* e, int dst);
    int sliceExpr(ast::SliceExpr* e, int dst);
    int compositeLit(ast::CompositeLit* e, types::Type* t, int dst);
    int funcLit(ast::FuncLit* e, int dst);
    int typeAssert(ast::TypeAssertExpr* e, int dst);
    int conversion(ast::CallExpr* e, int dst);
    int addressOf(ast::Expr* x, int dst);
    int narrow(int r, const types::Type* t);
    int moveTo(int src, int dst);
    bool isFresh(ast::Expr* e);
    void condJump(ast::Expr* e, bool jumpIf, int label);
    int logical(ast::BinaryExpr* e, int dst);

    // --- calls ---
    std::vector<int> call(ast::CallExpr* e, int dstFirst = -1);
    std::vector<int> callResults(int base, const std::vector<RegClass>& window, types::Tuple* results);
    std::vector<RegClass> windowFor(const std::vector<types::Type*>& args, types::Tuple* results, int extra);
    void argsInto(ast::CallExpr* e, types::Signature* sig, int base, size_t first);
    std::vector<int> builtin(ast::CallExpr* e, types::BuiltinId id, int dst);
    int methodValue(ast::SelectorExpr* e, int dst);
    int methodExprValue(ast::SelectorExpr* e, int dst);
    int funcValue(const types::Func* f, int dst);
    // Receiver for calling method `m` selected by `sel` on e->x: evaluated into dst.
    void receiver(ast::SelectorExpr* sel, const types::Func* m, int dst);
    // For go/defer: function value register and argument window.
    void deferredCall(ast::Expr* call, vm::Op op);

    // --- statements ---
    void stmt(ast::Stmt* s);
    void block(const std::vector<ast::Stmt*>& list);
    void assign(ast::AssignStmt* s);
    bool independentTargets(ast::AssignStmt* s);
    void define(ast::AssignStmt* s);
    void opAssign(ast::AssignStmt* s);
    void incDec(ast::IncDecStmt* s);
    void varDecl(ast::ValueSpec* spec);
    // `fresh` tells whether each value is exclusively owned (no copy needed to store it).
    void multiValue(ast::Expr* x, std::vector<int>& regs, std::vector<types::Type*>& ts, std::vector<bool>& fresh);
    void commaOk(ast::Expr* x, std::vector<int>& regs, std::vector<types::Type*>& ts, std::vector<bool>& fresh);
    LValue lvalue(ast::Expr* e, bool stable);
    int loadLValue(const LValue& lv, int dst);
    void storeLValue(const LValue& lv, int src, bool fresh);
    void returnStmt(ast::ReturnStmt* s);
    void emitReturn();
    bool reachableEnd() const;
    void ifStmt(ast::IfStmt* s);
    void forStmt(ast::ForStmt* s, ast::Stmt* label);
    void fuseLoopStep(int at);
    void rangeStmt(ast::RangeStmt* s, ast::Stmt* label);
    void switchStmt(ast::SwitchStmt* s, ast::Stmt* label);
    void typeSwitchStmt(ast::TypeSwitchStmt* s, ast::Stmt* label);
    void selectStmt(ast::SelectStmt* s, ast::Stmt* label);
    void branch(ast::BranchStmt* s);
    void rangeAssign(ast::RangeStmt* s, ast::Expr* target, int valueReg, types::Type* t);
    void rangeAssign(ast::RangeStmt* s, int keyReg, types::Type* keyT, const std::function<int()>& value,
                     types::Type* valueT);
    void scanMutations(ast::Node* body);

    struct LoopCtx {
        ast::Stmt* stmt;  // the loop / switch / select statement
        ast::Stmt* label; // its LabeledStmt, if any (BranchStmt::target may name either)
        int breakLabel = -1;
        int loopContinue = -1; // continue target for loops; the next clause (fallthrough) for switches
    };

    ProgramBuilder& pb_;
    FuncGen* parent_;
    vm::Proto* proto_;
    std::string pkgPath_;
    std::vector<RegClass> cls_;
    int top_ = 0;
    uint32_t line_ = 0;
    std::vector<Label> labels_;
    std::unordered_map<const types::Var*, VarLoc> locals_;
    std::vector<const types::Var*> upvalVars_;
    std::vector<LoopCtx> loops_;
    std::unordered_map<const ast::Stmt*, int> gotoLabels_;
    std::unordered_set<const types::Var*> mutated_; // boxed params the body may modify
    std::vector<int> assignedRegs_; // variable registers the assignment being compiled stores to
    // Calls evaluated ahead of the rest of their expression (CallHoist): expr() of one of these
    // nodes returns its register.
    std::unordered_map<const ast::Expr*, int> hoisted_;
    bool readsMemory(ast::Expr* e);
    // Results.
    types::Tuple* results_ = nullptr;
    std::vector<types::Var*> resultVars_; // named (or synthesized: nullptr) result variables
    std::vector<int> resultRegs_;         // registers of synthesized results when hasDefer
    bool hasDefer_ = false;
    int epilogue_ = -1;
    bool isInit_ = false;
    // Script top-level: declarations at this depth become globals.
    bool scriptTop_ = false;
};

} // namespace gol::codegen
