// Expressions: constants, variables, operators, selectors, indexing, literals, conversions.
#include "compiler/codegen/funcgen.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace gol::codegen {

using syntax::Tok;
using types::Kind;
using vm::Op;

static types::Type* U(types::Type* t) { return types::under(t); }
static Kind K(types::Type* t) {
    auto* u = U(t);
    return u ? u->kind : Kind::Invalid;
}
static bool isUnsignedT(types::Type* t) { return types::isUnsigned(t); }
static bool isFloatT(types::Type* t) { return types::isFloat(t) || K(t) == Kind::UntypedFloat; }
static ast::Expr* unparen(ast::Expr* e) {
    while (auto* p = ast::as<ast::ParenExpr>(e)) e = p->x;
    return e;
}
static bool isNilExpr(ast::Expr* e) {
    e = unparen(e);
    if (e->type && e->type->kind == Kind::UntypedNil) return true;
    if (auto* id = ast::as<ast::Ident>(e)) return id->obj && id->obj->kind == types::ObjKind::Nil;
    return false;
}

// Concrete type of a value expression (untyped constants get their default type).
static types::Type* concrete(types::Context& ctx, types::Type* t) {
    if (t && types::isUntyped(t) && t->kind != Kind::UntypedNil) return types::defaultType(ctx, t);
    return t;
}

int FuncGen::narrow(int r, const types::Type* t) {
    const types::Type* u = types::under(t);
    if (!u) return r;
    switch (u->kind) {
    case Kind::Int8: emitABC(Op::SEXT8, r, r); break;
    case Kind::Int16: emitABC(Op::SEXT16, r, r); break;
    case Kind::Int32: emitABC(Op::SEXT32, r, r); break;
    case Kind::Uint8: emitABC(Op::ZEXT8, r, r); break;
    case Kind::Uint16: emitABC(Op::ZEXT16, r, r); break;
    case Kind::Uint32: emitABC(Op::ZEXT32, r, r); break;
    case Kind::Float32: emitABC(Op::F32, r, r); break;
    default: break;
    }
    return r;
}

static uint32_t addConst(vm::Proto* p, const vm::Constant& c) {
    for (size_t i = 0; i < p->consts.size(); i++) {
        const auto& k = p->consts[i];
        if (k.kind != c.kind) continue;
        if (c.kind == vm::Constant::Kind::Int && k.i == c.i) return uint32_t(i);
        if (c.kind == vm::Constant::Kind::Float && std::memcmp(&k.f, &c.f, sizeof c.f) == 0) return uint32_t(i);
        if (c.kind == vm::Constant::Kind::String && k.s == c.s) return uint32_t(i);
    }
    p->consts.push_back(c);
    return uint32_t(p->consts.size() - 1);
}

int FuncGen::constant(const types::Constant& c, types::Type* t, int dst) {
    t = concrete(pb_.ctx(), t);
    if (types::isInterface(t)) {
        // A constant converted to an interface: box its default type.
        types::Type* dt = nullptr;
        switch (c.kind) {
        case types::Constant::Kind::Bool: dt = pb_.ctx().basic(Kind::Bool); break;
        case types::Constant::Kind::String: dt = pb_.ctx().basic(Kind::String); break;
        case types::Constant::Kind::Int: dt = pb_.ctx().basic(Kind::Int); break;
        default: dt = pb_.ctx().basic(Kind::Float64); break;
        }
        int v = constant(c, dt, -1);
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        emitABC(Op::TOIFACE, r, v, int(pb_.rtype(dt)));
        return r;
    }
    int r = dst >= 0 ? dst : allocFor(t);
    switch (c.kind) {
    case types::Constant::Kind::Bool: emitABC(c.b ? Op::LOADTRUE : Op::LOADZ, r); break;
    case types::Constant::Kind::String:
        if (c.s.empty()) emitABC(Op::LOADZ, r);
        else {
            vm::Constant k;
            k.kind = vm::Constant::Kind::String;
            k.s = c.s;
            emitABx(Op::LOADK, r, addConst(proto_, k));
        }
        break;
    case types::Constant::Kind::Int:
    case types::Constant::Kind::Float:
        if (isFloatT(t)) {
            vm::Constant k;
            k.kind = vm::Constant::Kind::Float;
            k.f = c.float64();
            if (K(t) == Kind::Float32) k.f = double(float(k.f));
            // Go's constants have no negative zero: the constant -0.0 is 0.
            if (k.f == 0) k.f = 0;
            if (k.f == 0) emitABC(Op::LOADZ, r);
            else emitABx(Op::LOADK, r, addConst(proto_, k));
        } else if (K(t) == Kind::String) {
            // string(rune constant) folded by the checker normally; keep a safe path.
            vm::Constant k;
            k.kind = vm::Constant::Kind::String;
            k.s = c.s;
            emitABx(Op::LOADK, r, addConst(proto_, k));
        } else {
            int64_t v = isUnsignedT(t) ? int64_t(c.uint64()) : c.int64();
            if (v >= INT32_MIN && v <= INT32_MAX) emitABx(Op::LOADI, r, uint32_t(int32_t(v)));
            else {
                vm::Constant k;
                k.kind = vm::Constant::Kind::Int;
                k.i = v;
                emitABx(Op::LOADK, r, addConst(proto_, k));
            }
        }
        break;
    default: emitABC(Op::LOADZ, r); break;
    }
    return r;
}

// e's value when e is a constant expression (expr() emits it as a load), else null.
static const types::Constant* constValue(ast::Expr* e) {
    return e->constant && e->mode == uint8_t(types::Mode::Constant) ? e->constant : nullptr;
}

// The value of constant expression e as an int16 immediate of integer type t, when it fits.
static bool immediate(ast::Expr* e, types::Type* t, int16_t& out) {
    const types::Constant* c = constValue(e);
    if (!c || !types::isInteger(t)) return false;
    if (c->kind != types::Constant::Kind::Int && c->kind != types::Constant::Kind::Float) return false;
    if (isUnsignedT(t)) {
        if (c->uint64() > 32767) return false;
        out = int16_t(c->uint64());
        return true;
    }
    int64_t v = c->int64();
    if (v < -32768 || v > 32767) return false;
    out = int16_t(v);
    return true;
}

// The index of constant expression e among the function's constants as a float of type t (rounded
// as LOADK's would be), or -1 when it is no float constant or the index does not fit an operand.
static int floatConst(vm::Proto* p, ast::Expr* e, types::Type* t) {
    const types::Constant* c = constValue(e);
    if (!c || !types::isFloat(t)) return -1;
    if (c->kind != types::Constant::Kind::Int && c->kind != types::Constant::Kind::Float) return -1;
    vm::Constant k;
    k.kind = vm::Constant::Kind::Float;
    k.f = c->float64();
    if (K(t) == Kind::Float32) k.f = double(float(k.f));
    if (k.f == 0) k.f = 0; // Go's constants have no negative zero
    uint32_t i = addConst(p, k);
    return i <= 0xffff ? int(i) : -1;
}

bool FuncGen::arithConst(Op op, types::Type* t, int r, int x, ast::Expr* c, bool constLeft) {
    const types::Constant* cv = constValue(c);
    if (!cv) return false;
    int16_t imm;
    switch (op) {
    case Op::ADD:
    case Op::SUB: {
        if (constLeft && op == Op::SUB) return false;
        if (cv->kind != types::Constant::Kind::Int || !types::isInteger(t)) return false;
        int64_t v = isUnsignedT(t) ? int64_t(cv->uint64()) : cv->int64();
        if (op == Op::SUB) v = int64_t(0 - uint64_t(v));
        if (v < -32768 || v > 32767) return false;
        emitABC(Op::ADDI, r, x, uint16_t(int16_t(v)));
        return true;
    }
    case Op::MUL:
        if (!immediate(c, t, imm)) return false;
        emitABC(Op::MULI, r, x, uint16_t(imm));
        return true;
    case Op::MOD: // signed only (unsigned is MODU/DIVU); 0 cannot occur (a compile error), -1 could trap
    case Op::DIV:
        if (constLeft || !immediate(c, t, imm) || imm == 0 || imm == -1) return false;
        emitABC(op == Op::MOD ? Op::MODI : Op::DIVI, r, x, uint16_t(imm));
        return true;
    case Op::ADDF:
    case Op::SUBF:
    case Op::MULF:
    case Op::DIVF: {
        int kc = floatConst(proto_, c, t);
        if (kc < 0) return false;
        Op o = op == Op::ADDF ? Op::ADDFK : op == Op::MULF ? Op::MULFK : op == Op::SUBF ? (constLeft ? Op::RSUBFK : Op::SUBFK)
                                                                                         : (constLeft ? Op::RDIVFK : Op::DIVFK);
        emitABC(o, r, x, kc);
        return true;
    }
    default: return false;
    }
}

int FuncGen::zeroValue(types::Type* t, int dst) {
    int r = dst >= 0 ? dst : allocFor(t);
    if (isBoxed(t)) emitABx(K(t) == Kind::Struct ? Op::NEWBOX : Op::NEWARRAY, r, pb_.rtype(t));
    else emitABC(Op::LOADZ, r);
    return r;
}

bool FuncGen::isFresh(ast::Expr* e) {
    e = unparen(e);
    switch (e->kind) {
    case ast::Kind::CompositeLit: return true;
    case ast::Kind::CallExpr: {
        auto* c = ast::cast<ast::CallExpr>(e);
        if (c->callKind == uint8_t(types::CallKind::Conversion)) return c->args.empty() || isFresh(c->args[0]);
        return true;
    }
    default: return false;
    }
}

int FuncGen::expr(ast::Expr* e, int dst) {
    if (e->constant && e->mode == uint8_t(types::Mode::Constant)) return constant(*e->constant, e->type, dst);
    if (!hoisted_.empty())
        if (auto it = hoisted_.find(e); it != hoisted_.end()) return moveTo(it->second, dst);
    switch (e->kind) {
    case ast::Kind::ParenExpr: return expr(ast::cast<ast::ParenExpr>(e)->x, dst);
    case ast::Kind::Ident: return ident(ast::cast<ast::Ident>(e), dst);
    case ast::Kind::BasicLit: {
        auto* b = ast::cast<ast::BasicLit>(e);
        types::Constant c;
        if (b->litKind == Tok::String) c = types::Constant::makeString(b->value);
        else if (b->litKind == Tok::Char) c = types::Constant::makeInt(b->rune);
        else c = types::Constant::fromLiteral(b->litKind, b->raw);
        return constant(c, e->type, dst);
    }
    case ast::Kind::CompositeLit: {
        int save = top_;
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        int mark = top_;
        int tmp = compositeLit(ast::cast<ast::CompositeLit>(e), e->type, -1);
        moveTo(tmp, r);
        top_ = std::max(mark, save);
        return r;
    }
    case ast::Kind::FuncLit: return funcLit(ast::cast<ast::FuncLit>(e), dst);
    case ast::Kind::SelectorExpr: return selector(ast::cast<ast::SelectorExpr>(e), dst);
    case ast::Kind::IndexExpr: return index(ast::cast<ast::IndexExpr>(e), dst);
    case ast::Kind::SliceExpr: return sliceExpr(ast::cast<ast::SliceExpr>(e), dst);
    case ast::Kind::TypeAssertExpr: return typeAssert(ast::cast<ast::TypeAssertExpr>(e), dst);
    case ast::Kind::CallExpr: {
        auto* c = ast::cast<ast::CallExpr>(e);
        if (c->callKind == uint8_t(types::CallKind::Conversion)) return conversion(c, dst);
        auto regs = call(c, dst);
        if (regs.empty()) return -1;
        return regs[0];
    }
    case ast::Kind::StarExpr: {
        auto* s = ast::cast<ast::StarExpr>(e);
        int p = expr(s->x);
        types::Type* elem = U(s->x->type)->as<types::Pointer>()->elem;
        if (isBoxed(elem)) {
            emitABC(Op::NILCHECK, p);
            return moveTo(p, dst);
        }
        int r = dst >= 0 ? dst : allocFor(elem);
        emitABC(isByteElem(elem) ? Op::LOADPB : Op::LOADP, r, p);
        return r;
    }
    case ast::Kind::UnaryExpr: return unary(ast::cast<ast::UnaryExpr>(e), dst);
    case ast::Kind::BinaryExpr: return binary(ast::cast<ast::BinaryExpr>(e), dst);
    default: throw std::runtime_error(std::string("internal error: unexpected expression ") + ast::kindName(e->kind));
    }
}

int FuncGen::exprTo(ast::Expr* e, types::Type* to, int dst) {
    if (to == nullptr) return expr(e, dst);
    if (isNilExpr(e)) {
        int r = dst >= 0 ? dst : allocFor(to);
        emitABC(Op::LOADZ, r);
        return r;
    }
    types::Type* from = concrete(pb_.ctx(), e->type);
    if (types::isInterface(to) && from && !types::isInterface(from)) {
        int save = top_;
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        int mark = top_;
        int v = expr(e);
        if (isBoxed(from) && !isFresh(e)) {
            int c = alloc(RegClass::Ref);
            emitABC(Op::CLONE, c, v);
            v = c;
        }
        emitABC(Op::TOIFACE, r, v, int(pb_.rtype(from)));
        top_ = std::max(mark, save);
        return r;
    }
    return expr(e, dst);
}

int FuncGen::valueTo(ast::Expr* e, types::Type* to, int dst) {
    types::Type* from = e->type;
    if (to && types::isInterface(to)) return exprTo(e, to, dst);
    if (isBoxed(from) && !isFresh(e)) {
        int save = top_;
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        int mark = top_;
        int v = expr(e);
        emitABC(Op::CLONE, r, v);
        top_ = std::max(mark, save);
        return r;
    }
    return exprTo(e, to, dst);
}

int FuncGen::convertReg(int r, types::Type* from, types::Type* to, int dst) {
    if (to && types::isInterface(to) && from && from->kind != Kind::UntypedNil && !types::isInterface(from)) {
        from = concrete(pb_.ctx(), from);
        int d = dst >= 0 ? dst : alloc(RegClass::Ref);
        emitABC(Op::TOIFACE, d, r, int(pb_.rtype(from)));
        return d;
    }
    if (from && from->kind == Kind::UntypedNil) {
        int d = dst >= 0 ? dst : allocFor(to);
        emitABC(Op::LOADZ, d);
        return d;
    }
    return moveTo(r, dst);
}

int FuncGen::ident(ast::Ident* id, int dst) {
    types::Object* o = id->obj;
    if (o == nullptr) throw std::runtime_error("internal error: unresolved identifier " + id->name);
    switch (o->kind) {
    case types::ObjKind::Var: return loadVar(o->as<types::Var>(), dst);
    case types::ObjKind::Const: return constant(o->as<types::Const>()->val, id->type ? id->type : o->type, dst);
    case types::ObjKind::Nil: {
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        emitABC(Op::LOADZ, r);
        return r;
    }
    case types::ObjKind::Func: return funcValue(o->as<types::Func>(), dst);
    default: throw std::runtime_error("internal error: identifier " + id->name + " is not a value");
    }
}

int FuncGen::funcValue(const types::Func* f, int dst) {
    const FuncRef* ref = pb_.funcRef(f);
    if (!ref) throw std::runtime_error("internal error: undeclared function " + f->fullName());
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    emitABx(ref->native ? Op::LOADNATIVE : Op::LOADFUNC, r, ref->index);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Operators

static Op arithOp(Tok op, types::Type* t, bool& ok) {
    ok = true;
    bool f = isFloatT(t);
    bool u = isUnsignedT(t);
    switch (op) {
    case Tok::Add: return f ? Op::ADDF : Op::ADD;
    case Tok::Sub: return f ? Op::SUBF : Op::SUB;
    case Tok::Mul: return f ? Op::MULF : Op::MUL;
    case Tok::Quo: return f ? Op::DIVF : (u ? Op::DIVU : Op::DIV);
    case Tok::Rem: return u ? Op::MODU : Op::MOD;
    case Tok::And: return Op::AND;
    case Tok::Or: return Op::OR;
    case Tok::Xor: return Op::XOR;
    case Tok::AndNot: return Op::ANDNOT;
    default: ok = false; return Op::NOP;
    }
}

// r := x op y for arithmetic/shift op on type t; y may be a constant expression (yc).
static bool isShift(Tok op) { return op == Tok::Shl || op == Tok::Shr; }

int FuncGen::binary(ast::BinaryExpr* e, int dst) {
    switch (e->op) {
    case Tok::LAnd:
    case Tok::LOr: return logical(e, dst);
    case Tok::Eql:
    case Tok::Neq:
    case Tok::Lss:
    case Tok::Leq:
    case Tok::Gtr:
    case Tok::Geq: return compareExpr(e->op, e->x, e->y, dst);
    default: break;
    }
    types::Type* t = concrete(pb_.ctx(), e->type);
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(t);
    int mark = top_;
    CallHoist calls(*this);
    calls.operands(e->x, e->y);
    if (K(t) == Kind::String) {
        int x = expr(e->x);
        int y = expr(e->y);
        emitABC(Op::CONCAT, r, x, y);
        top_ = std::max(mark, save);
        return r;
    }
    auto done = [&] {
        narrow(r, t);
        top_ = std::max(mark, save);
        return r;
    };
    if (constValue(e->x) && !constValue(e->y) && !isShift(e->op)) {
        // c op y: y is evaluated first, which is unobservable since c has no effects.
        bool ok;
        Op op = arithOp(e->op, t, ok);
        if (ok && op != Op::SUB && op != Op::MOD && op != Op::DIV) {
            int y = expr(e->y);
            if (!arithConst(op, t, r, y, e->x, true)) emitABC(op, r, expr(e->x), y);
            return done();
        }
    }
    int x = expr(e->x);
    if (isShift(e->op)) {
        bool uns = isUnsignedT(t);
        if (e->y->constant) {
            uint64_t s = e->y->constant->uint64();
            if (e->op == Tok::Shl) {
                if (s >= 64) emitABC(Op::LOADZ, r);
                else emitABC(Op::SHLI, r, x, int(s));
            } else {
                if (s >= 64) {
                    if (uns) emitABC(Op::LOADZ, r);
                    else emitABC(Op::SHRI, r, x, 63);
                } else emitABC(uns ? Op::SHRUI : Op::SHRI, r, x, int(s));
            }
        } else {
            int y = expr(e->y);
            if (!isUnsignedT(e->y->type)) emitABC(Op::CHKSHIFT, y);
            emitABC(e->op == Tok::Shl ? Op::SHL : (uns ? Op::SHRU : Op::SHR), r, x, y);
        }
        return done();
    }
    bool ok;
    Op op = arithOp(e->op, t, ok);
    if (!ok) throw std::runtime_error("internal error: bad binary operator");
    if (!arithConst(op, t, r, x, e->y, false)) emitABC(op, r, x, expr(e->y));
    return done();
}

int FuncGen::logical(ast::BinaryExpr* e, int dst) {
    int save = top_;
    int r = alloc(RegClass::Scalar);
    int lf = newLabel(), end = newLabel();
    condJump(e, false, lf);
    emitABC(Op::LOADTRUE, r);
    jump(end);
    bind(lf);
    emitABC(Op::LOADZ, r);
    bind(end);
    if (dst >= 0) {
        moveTo(r, dst);
        top_ = save;
        return dst;
    }
    return r;
}

// Equality/ordering opcode for operand type t; `swap` when the operands must be exchanged (> and >=),
// `negate` when the result must be inverted (never needed: NE* exist).
static Op compareOp(Tok op, types::Type* t, bool& swap) {
    swap = op == Tok::Gtr || op == Tok::Geq;
    Tok o = op == Tok::Gtr ? Tok::Lss : op == Tok::Geq ? Tok::Leq : op;
    Kind k = K(t);
    bool eq = o == Tok::Eql;
    if (types::isInterface(t)) return eq ? Op::EQI : Op::NEI;
    if (k == Kind::Struct || k == Kind::Array) return eq ? Op::EQV : Op::NEV;
    if (types::isString(t)) {
        switch (o) {
        case Tok::Eql: return Op::EQS;
        case Tok::Neq: return Op::NES;
        case Tok::Lss: return Op::LTS;
        default: return Op::LES;
        }
    }
    if (isFloatT(t)) {
        switch (o) {
        case Tok::Eql: return Op::EQF;
        case Tok::Neq: return Op::NEF;
        case Tok::Lss: return Op::LTF;
        default: return Op::LEF;
        }
    }
    bool u = isUnsignedT(t);
    switch (o) {
    case Tok::Eql: return Op::EQ;
    case Tok::Neq: return Op::NE;
    case Tok::Lss: return u ? Op::LTU : Op::LT;
    default: return u ? Op::LEU : Op::LE;
    }
}

int FuncGen::compareExpr(Tok op, ast::Expr* x, ast::Expr* y, int dst) {
    int save = top_;
    int r = dst >= 0 ? dst : alloc(RegClass::Scalar);
    int mark = top_;
    CallHoist calls(*this);
    calls.operands(x, y);
    bool xnil = isNilExpr(x), ynil = isNilExpr(y);
    if (xnil || ynil) {
        int v = expr(xnil ? y : x);
        int z = alloc(RegClass::Ref);
        emitABC(Op::LOADZ, z);
        emitABC(op == Tok::Eql ? Op::EQ : Op::NE, r, v, z);
        top_ = std::max(mark, save);
        return r;
    }
    types::Type* tx = concrete(pb_.ctx(), x->type);
    types::Type* ty = concrete(pb_.ctx(), y->type);
    types::Type* t = tx;
    int a, b;
    if (types::isInterface(tx) != types::isInterface(ty)) {
        t = types::isInterface(tx) ? tx : ty;
        a = exprTo(x, t);
        b = exprTo(y, t);
    } else {
        a = expr(x);
        b = expr(y);
    }
    bool swap;
    Op o = compareOp(op, t, swap);
    if (swap) std::swap(a, b);
    emitABC(o, r, a, b);
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::compare(Op op, int x, int y, bool swap, int dst) {
    if (swap) std::swap(x, y);
    int r = dst >= 0 ? dst : alloc(RegClass::Scalar);
    emitABC(op, r, x, y);
    return r;
}

// The comparison that holds exactly when `o` does not (for totally ordered operands).
static Tok negateCmp(Tok o) {
    switch (o) {
    case Tok::Lss: return Tok::Geq;
    case Tok::Leq: return Tok::Gtr;
    case Tok::Gtr: return Tok::Leq;
    case Tok::Geq: return Tok::Lss;
    case Tok::Eql: return Tok::Neq;
    default: return Tok::Eql;
    }
}

// The comparison with its operands exchanged: x < y is y > x.
static Tok mirrorCmp(Tok o) {
    switch (o) {
    case Tok::Lss: return Tok::Gtr;
    case Tok::Leq: return Tok::Geq;
    case Tok::Gtr: return Tok::Lss;
    case Tok::Geq: return Tok::Leq;
    default: return o;
    }
}

void FuncGen::condJump(ast::Expr* e, bool onTrue, int label) {
    e = unparen(e);
    if (e->constant && e->constant->kind == types::Constant::Kind::Bool) {
        if (e->constant->b == onTrue) jump(label);
        return;
    }
    int save = top_;
    if (auto* u = ast::as<ast::UnaryExpr>(e); u && u->op == Tok::Not) {
        condJump(u->x, !onTrue, label);
        return;
    }
    if (auto* b = ast::as<ast::BinaryExpr>(e)) {
        if (b->op == Tok::LAnd) {
            if (onTrue) {
                int skip = newLabel();
                condJump(b->x, false, skip);
                condJump(b->y, true, label);
                bind(skip);
            } else {
                condJump(b->x, false, label);
                condJump(b->y, false, label);
            }
            return;
        }
        if (b->op == Tok::LOr) {
            if (onTrue) {
                condJump(b->x, true, label);
                condJump(b->y, true, label);
            } else {
                int skip = newLabel();
                condJump(b->x, true, skip);
                condJump(b->y, false, label);
                bind(skip);
            }
            return;
        }
        bool cmp = b->op == Tok::Lss || b->op == Tok::Leq || b->op == Tok::Gtr || b->op == Tok::Geq ||
                   b->op == Tok::Eql || b->op == Tok::Neq;
        if (cmp && !isNilExpr(b->x) && !isNilExpr(b->y)) {
            CallHoist calls(*this);
            calls.operands(b->x, b->y);
            types::Type* t = concrete(pb_.ctx(), b->x->type);
            Kind k = K(t);
            bool rawInt = types::isInteger(t) && !isUnsignedT(t);
            bool rawEq = (types::isInteger(t) || k == Kind::Bool || k == Kind::UntypedBool || k == Kind::Pointer ||
                          k == Kind::Chan) &&
                         (b->op == Tok::Eql || b->op == Tok::Neq) && K(concrete(pb_.ctx(), b->y->type)) == k;
            bool flt = isFloatT(t) && b->op != Tok::Eql && b->op != Tok::Neq;
            if (flt && !onTrue) {
                // With NaN the negation of < is not >=: branch over a jump to `label` instead.
                int skip = newLabel();
                condJump(e, true, skip);
                jump(label);
                bind(skip);
                return;
            }
            if (rawInt || rawEq || flt) {
                // A constant operand becomes an immediate (integers) or a K operand (floats); a
                // constant on the left mirrors the comparison. Floats only get here when onTrue:
                // with NaN, the negation of < is not >=.
                ast::Expr* vx = b->x;
                ast::Expr* cx = b->y;
                Tok co = b->op;
                if (constValue(vx) && !constValue(cx)) {
                    std::swap(vx, cx);
                    co = mirrorCmp(co);
                }
                if (constValue(cx) && !constValue(vx)) {
                    types::Type* vt = concrete(pb_.ctx(), vx->type);
                    if (!onTrue) co = negateCmp(co);
                    int16_t imm = 0;
                    int kc = flt ? floatConst(proto_, cx, vt) : -1;
                    if (kc >= 0 || (!flt && immediate(cx, vt, imm))) {
                        int x = expr(vx);
                        Op op;
                        switch (co) {
                        case Tok::Lss: op = flt ? Op::JLTFK : Op::JLTI; break;
                        case Tok::Leq: op = flt ? Op::JLEFK : Op::JLEI; break;
                        case Tok::Gtr: op = flt ? Op::JGTFK : Op::JGTI; break;
                        case Tok::Geq: op = flt ? Op::JGEFK : Op::JGEI; break;
                        case Tok::Eql: op = Op::JEQI; break;
                        default: op = Op::JNEI; break;
                        }
                        jumpIf(op, 0, x, flt ? kc : int(uint16_t(imm)), label);
                        top_ = save;
                        return;
                    }
                }
                int x = expr(b->x);
                int y = expr(b->y);
                Op op = Op::NOP;
                int l = x, r = y;
                Tok o = onTrue ? b->op : negateCmp(b->op);
                switch (o) {
                case Tok::Lss: op = flt ? Op::JLTF : Op::JLT; break;
                case Tok::Leq: op = flt ? Op::JLEF : Op::JLE; break;
                case Tok::Gtr: op = flt ? Op::JLTF : Op::JLT; std::swap(l, r); break;
                case Tok::Geq: op = flt ? Op::JLEF : Op::JLE; std::swap(l, r); break;
                case Tok::Eql: op = Op::JEQ; break;
                default: op = Op::JNE; break;
                }
                jumpIf(op, 0, l, r, label);
                top_ = save;
                return;
            }
        }
    }
    int r = expr(e);
    jumpIf(onTrue ? Op::JT : Op::JF, r, 0, 0, label);
    top_ = save;
}

int FuncGen::unary(ast::UnaryExpr* e, int dst) {
    types::Type* t = concrete(pb_.ctx(), e->type);
    switch (e->op) {
    case Tok::And: return addressOf(e->x, dst);
    case Tok::Add: return expr(e->x, dst);
    case Tok::Arrow: {
        int save = top_;
        int r = dst >= 0 ? dst : allocFor(t);
        int mark = top_;
        int ch = expr(e->x);
        emitABC(Op::RECV, r, ch);
        top_ = std::max(mark, save);
        return r;
    }
    default: break;
    }
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(t);
    int mark = top_;
    int x = expr(e->x);
    switch (e->op) {
    case Tok::Sub: emitABC(isFloatT(t) ? Op::NEGF : Op::NEG, r, x); break;
    case Tok::Not: emitABC(Op::NOT, r, x); break;
    case Tok::Xor: emitABC(Op::BNOT, r, x); break;
    default: throw std::runtime_error("internal error: bad unary operator");
    }
    if (e->op != Tok::Not) narrow(r, t);
    top_ = std::max(mark, save);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Selectors, indexing, slicing

// Follows the first n field indices of `path` from the value in `reg` of type t (auto-dereferencing
// pointers: a pointer to a struct is its box). Returns the register of the value reached; t is updated.
int FuncGen::walkPath(int reg, types::Type*& t, const std::vector<int>& path, size_t n) {
    for (size_t i = 0; i < n; i++) {
        types::Type* u = U(t);
        if (auto* p = u->as<types::Pointer>()) u = U(p->elem);
        auto* st = u->as<types::Struct>();
        if (!st) throw std::runtime_error("internal error: field path through a non-struct");
        types::Var* f = st->fields[path[i]];
        int r = allocFor(f->type);
        emitABC(Op::GETF, r, reg, path[i]);
        reg = r;
        t = f->type;
    }
    return reg;
}

int FuncGen::selector(ast::SelectorExpr* e, int dst) {
    if (e->pkgObj) {
        types::Object* o = e->pkgObj;
        if (auto* v = o->as<types::Var>()) return loadVar(v, dst);
        if (auto* f = o->as<types::Func>()) return funcValue(f, dst);
        if (auto* c = o->as<types::Const>()) return constant(c->val, e->type ? e->type : c->type, dst);
        throw std::runtime_error("internal error: qualified identifier is not a value");
    }
    types::Selection* s = e->selection;
    if (!s) throw std::runtime_error("internal error: unresolved selector " + e->sel->name);
    if (s->kind == types::SelectionKind::MethodVal) return methodValue(e, dst);
    if (s->kind == types::SelectionKind::MethodExpr) return methodExprValue(e, dst);
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(e->type);
    int mark = top_;
    int base = expr(e->x);
    types::Type* t = e->x->type;
    base = walkPath(base, t, s->index, s->index.size() - 1);
    types::Type* u = U(t);
    if (auto* p = u->as<types::Pointer>()) u = U(p->elem);
    emitABC(Op::GETF, r, base, s->index.back());
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::index(ast::IndexExpr* e, int dst) {
    types::Type* xt = U(e->x->type);
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(e->type);
    int mark = top_;
    CallHoist calls(*this);
    calls.operands(e->x, e->index);
    int x = expr(e->x);
    if (auto* m = xt->as<types::Map>()) {
        int k = exprTo(e->index, m->key);
        emitABC(Op::MAPGET, r, x, k);
        emitExtra(pb_.rtype(m->elem));
    } else if (types::isString(xt)) {
        int i = expr(e->index);
        emitABC(Op::INDEXS, r, x, i);
    } else if (auto* sl = xt->as<types::Slice>()) {
        int i = expr(e->index);
        emitABC(isByteElem(sl->elem) ? Op::GETSLB : Op::GETSL, r, x, i);
    } else {
        types::Type* at = xt;
        if (auto* p = xt->as<types::Pointer>()) at = U(p->elem);
        auto* arr = at->as<types::Array>();
        if (!arr) throw std::runtime_error("internal error: bad index expression");
        int i = expr(e->index);
        emitABC(isByteElem(arr->elem) ? Op::GETARRB : Op::GETARR, r, x, i);
    }
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::sliceExpr(ast::SliceExpr* e, int dst) {
    types::Type* xt = U(e->x->type);
    int save = top_;
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    int mark = top_;
    int x = expr(e->x);
    bool three = e->slice3;
    int w = allocWindow(std::vector<RegClass>(three ? 3 : 2, RegClass::Scalar));
    if (e->low) expr(e->low, w);
    else emitABx(Op::LOADI, w, 0);
    types::Type* at = xt;
    if (auto* p = xt->as<types::Pointer>()) at = U(p->elem);
    auto* arr = at->as<types::Array>();
    if (e->high) expr(e->high, w + 1);
    else if (types::isString(xt)) emitABC(Op::LENS, w + 1, x);
    else if (arr) emitABx(Op::LOADI, w + 1, uint32_t(int32_t(arr->len)));
    else emitABC(Op::LENSL, w + 1, x);
    if (three) expr(e->max, w + 2);
    if (types::isString(xt)) emitABC(Op::SLICES, r, x, w);
    else if (arr) {
        emitABC(three ? Op::SLICEARR3 : Op::SLICEARR, r, x, w);
        emitExtra(pb_.rtype(e->type));
    } else emitABC(three ? Op::SLICESL3 : Op::SLICESL, r, x, w);
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::typeAssert(ast::TypeAssertExpr* e, int dst) {
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(e->type);
    int mark = top_;
    int x = expr(e->x);
    emitABC(Op::ASSERT, r, x, int(pb_.rtype(e->type)));
    emitExtra(pb_.rtype(e->x->type));
    emitExtra(pb_.rtype(e->x->type)); // the operand's static type, named in the panic message
    top_ = std::max(mark, save);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Conversions

int FuncGen::conversion(ast::CallExpr* e, int dst) {
    types::Type* to = e->type;
    ast::Expr* arg = e->args[0];
    types::Type* from = concrete(pb_.ctx(), arg->type);
    if (types::isInterface(to)) return exprTo(arg, to, dst);
    types::Type* tu = U(to);
    types::Type* fu = U(from);
    int save = top_;
    int r = dst >= 0 ? dst : allocFor(to);
    int mark = top_;
    auto done = [&](int res) {
        top_ = std::max(mark, save);
        return res;
    };
    if (isNilExpr(arg)) {
        emitABC(Op::LOADZ, r);
        return done(r);
    }
    if (types::isString(tu)) {
        if (types::isInteger(fu)) {
            int x = expr(arg);
            emitABC(Op::STRFROMRUNE, r, x);
            return done(r);
        }
        if (auto* sl = fu->as<types::Slice>()) {
            int x = expr(arg);
            emitABC(isByteElem(sl->elem) ? Op::STRFROMBYTES : Op::STRFROMRUNES, r, x);
            return done(r);
        }
        return done(expr(arg, r));
    }
    if (auto* sl = tu->as<types::Slice>(); sl && types::isString(fu)) {
        int x = expr(arg);
        emitABC(isByteElem(sl->elem) ? Op::BYTESFROMSTR : Op::RUNESFROMSTR, r, x);
        return done(r);
    }
    if (types::isNumeric(tu) && types::isNumeric(fu)) {
        bool tf = types::isFloat(tu), ff = types::isFloat(fu);
        // Same representation (integer to integer, float to float): evaluate straight into r, then
        // narrow in place; only int<->float needs the value in another register first.
        int x = tf == ff ? expr(arg, r) : expr(arg);
        if (tf && ff) {
            if (K(tu) == Kind::Float32 && K(fu) != Kind::Float32) emitABC(Op::F32, r, x);
            else moveTo(x, r);
        } else if (tf) {
            Kind fk = K(fu);
            bool u64 = fk == Kind::Uint || fk == Kind::Uint64 || fk == Kind::Uintptr;
            emitABC(u64 ? Op::U2F : Op::I2F, r, x);
            if (K(tu) == Kind::Float32) emitABC(Op::F32, r, r);
        } else if (ff) {
            Kind tk = K(tu);
            bool u64 = tk == Kind::Uint || tk == Kind::Uint64 || tk == Kind::Uintptr;
            emitABC(u64 ? Op::F2U : Op::F2I, r, x);
            narrow(r, tu);
        } else {
            auto* tb = tu->as<types::Basic>();
            auto* fb = fu->as<types::Basic>();
            moveTo(x, r);
            // Narrowing, or a change of signedness at the same width, re-extends the bits.
            if (tb->size < 8 && (tb->size < fb->size || types::isUnsigned(tu) != types::isUnsigned(fu)))
                narrow(r, tu);
        }
        return done(r);
    }
    // Slice to array pointer (Go 1.17) and slice to array (Go 1.20).
    if (fu->as<types::Slice>()) {
        types::Type* arr = nullptr;
        if (auto* p = tu->as<types::Pointer>()) arr = p->elem;
        else if (U(tu)->as<types::Array>()) arr = to;
        if (arr && U(arr)->as<types::Array>()) {
            int x = expr(arg);
            emitABC(Op::SL2ARR, r, x, int(pb_.rtype(arr)));
            if (!tu->as<types::Pointer>()) emitABC(Op::CLONE, r, r); // a value: a copy of the elements
            return done(r);
        }
    }
    // Same representation (named <-> underlying, pointer/chan/func/slice/map identities).
    return done(expr(arg, r));
}

// ---------------------------------------------------------------------------------------------
// Addresses

int FuncGen::addressOf(ast::Expr* x, int dst) {
    x = unparen(x);
    if (auto* cl = ast::as<ast::CompositeLit>(x)) {
        if (isBoxed(cl->type)) return expr(cl, dst);
        int v = expr(cl);
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        emitABC(Op::NEWCELL, r, v, 1);
        return r;
    }
    if (auto* id = ast::as<ast::Ident>(x)) {
        auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
        if (!v) throw std::runtime_error("internal error: address of non-variable");
        if (isBoxed(v->type)) return loadVar(v, dst);
        VarLoc l = lookupVar(v);
        int r = dst >= 0 ? dst : alloc(RegClass::Ref);
        switch (l.kind) {
        case VarLoc::Cell: return moveTo(int(l.index), dst);
        case VarLoc::GlobalCell: emitABx(Op::GETGLOBAL, r, l.index); return r;
        case VarLoc::UpCell: emitABC(Op::GETUP, r, l.index); return r;
        default: {
            // Not marked address-taken by the checker: take a snapshot cell (best effort).
            int val = loadVar(v, -1);
            emitABC(Op::NEWCELL, r, val, classOf(v->type) == RegClass::Ref ? 1 : 0);
            return r;
        }
        }
    }
    if (auto* s = ast::as<ast::StarExpr>(x)) return expr(s->x, dst);
    int save = top_;
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    int mark = top_;
    if (auto* s = ast::as<ast::SelectorExpr>(x)) {
        if (s->pkgObj) {
            top_ = std::max(mark, save);
            auto* v = s->pkgObj->as<types::Var>();
            if (isBoxed(v->type)) return loadVar(v, r);
            const GlobalLoc* g = pb_.global(v);
            if (g && g->cell) emitABx(Op::GETGLOBAL, r, g->index);
            else {
                int val = loadVar(v, -1);
                emitABC(Op::NEWCELL, r, val, classOf(v->type) == RegClass::Ref ? 1 : 0);
            }
            return r;
        }
        auto* sel = s->selection;
        int base = expr(s->x);
        types::Type* t = s->x->type;
        base = walkPath(base, t, sel->index, sel->index.size() - 1);
        if (isBoxed(s->type)) emitABC(Op::GETF, r, base, sel->index.back());
        else emitABC(Op::REFF, r, base, sel->index.back());
    } else if (auto* ix = ast::as<ast::IndexExpr>(x)) {
        types::Type* xt = U(ix->x->type);
        int b = expr(ix->x);
        int i = expr(ix->index);
        bool boxed = isBoxed(ix->type);
        if (xt->as<types::Slice>()) emitABC(boxed ? Op::GETSL : Op::REFSL, r, b, i);
        else emitABC(boxed ? Op::GETARR : Op::REFARR, r, b, i);
    } else {
        throw std::runtime_error("internal error: cannot take address");
    }
    top_ = std::max(mark, save);
    return r;
}

} // namespace gol::codegen
