// Expressions: operands, literals, unary and binary operators, untyped
// conversion, comparisons, composite literals, index and slice expressions,
// selectors, type assertions and function literals (Go's expr.go, index.go,
// literals.go, selector part of call.go).
#include "compiler/types/checker.hpp"

#include <algorithm>
#include <cmath>

namespace gol::types {

using namespace ast;
using syntax::Tok;

namespace {

const char* const kInvalidOp = "invalid operation: ";
const char* const kInvalidArg = "invalid argument: ";

bool isComparison(Tok op) {
    return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
           op == Tok::Geq;
}

bool isShift(Tok op) {
    return op == Tok::Shl || op == Tok::Shr;
}

std::string opName(const Expr* e) {
    if (auto* b = as<BinaryExpr>(e)) {
        switch (b->op) {
        case Tok::Add: return "addition";
        case Tok::Sub: return "subtraction";
        case Tok::Xor: return "bitwise XOR";
        case Tok::Mul: return "multiplication";
        case Tok::Shl: return "shift";
        default: break;
        }
    }
    if (auto* u = as<UnaryExpr>(e)) {
        if (u->op == Tok::Xor) return "bitwise complement";
        if (u->op == Tok::Sub) return "negation";
    }
    return "";
}

} // namespace

// ---------------------------------------------------------------------------
// Recording

void Checker::record(Operand& x) {
    if (x.expr == nullptr) return;
    Expr* e = x.expr;
    e->mode = static_cast<uint8_t>(x.mode);
    switch (x.mode) {
    case Mode::Invalid: e->type = ctx.invalid(); break;
    case Mode::NoValue: e->type = ctx.tuple({}); break;
    default: e->type = x.type != nullptr ? x.type : ctx.invalid(); break;
    }
    e->constant = x.mode == Mode::Constant ? ctx.constant(x.val) : nullptr;
}

// Gives an untyped expression (and its untyped operands) its final type
// (Go's updateExprType). `final`: the type is the default type chosen because
// the value is materialized (comparison operands).
void Checker::updateExprType(Expr* e, Type* t, bool final) {
    if (e == nullptr || t == nullptr) return;
    Type* old = e->type;
    if (old == nullptr || !isUntyped(old)) return;
    switch (e->kind) {
    case ast::Kind::ParenExpr: updateExprType(cast<ParenExpr>(e)->x, t, final); break;
    case ast::Kind::UnaryExpr: {
        auto* u = cast<UnaryExpr>(e);
        if (e->constant == nullptr) updateExprType(u->x, t, final);
        break;
    }
    case ast::Kind::BinaryExpr: {
        auto* b = cast<BinaryExpr>(e);
        if (e->constant != nullptr) break; // operands of constants are never materialized
        if (isComparison(b->op)) break;    // result type is independent of operand types
        if (isShift(b->op)) {
            updateExprType(b->x, t, final);
            // A non-constant shift of an untyped constant: the constant takes the
            // type the shift is converted to, which must be an integer type.
            if (!isInteger(t) && !isInvalid(t)) {
                Operand lhs;
                lhs.mode = Mode::Value;
                lhs.expr = b->x;
                lhs.type = t;
                error(b->x, std::string(kInvalidOp) + "shifted operand " + exprString(b->x) + " (type " +
                                ts(t) + ") must be integer");
            }
        } else {
            updateExprType(b->x, t, final);
            updateExprType(b->y, t, final);
        }
        break;
    }
    default: break;
    }
    if (!final && isUntyped(t)) {
        e->type = t;
        return;
    }
    Type* nt = t;
    if (isInterface(t) || (t->kind == Kind::UntypedNil)) nt = defaultType(ctx, old);
    e->type = nt;
    if (e->constant != nullptr) {
        if (auto* b = under(nt)->as<Basic>()) {
            Constant r;
            if (types::representable(*e->constant, b, &r) == Representable::Yes)
                e->constant = ctx.constant(r);
        }
    }
}

// ---------------------------------------------------------------------------
// Untyped conversion

namespace {
Type* maxType(Type* x, Type* y) {
    if (isNumeric(x) && isNumeric(y)) return x->kind > y->kind ? x : y;
    return identical(x, y) ? x : nullptr;
}
} // namespace

// code: 0 ok, 1 invalid conversion, 2 truncated, 3 overflows
bool Checker::implicitTypeAndValue(Operand& x, Type* target, Type*& out, int& code) {
    code = 0;
    out = x.type;
    if (x.invalid() || isTyped(x.type) || isInvalid(target)) return true;
    if (isUntyped(target)) {
        Type* m = maxType(x.type, target);
        if (m == nullptr) {
            code = 1;
            return false;
        }
        out = m;
        return true;
    }
    if (x.isNil()) {
        if (hasNil(target)) {
            out = target;
            return true;
        }
        code = 1;
        return false;
    }
    Type* u = under(target);
    if (auto* b = u->as<Basic>()) {
        if (x.mode == Mode::Constant) {
            Constant r;
            switch (types::representable(x.val, b, &r)) {
            case Representable::Yes: x.val = r; break;
            case Representable::Truncated:
            case Representable::Overflows:
                // As Go, the types name the failure: float -> integer is "truncated"
                // (even for 1e100), everything else numeric "overflows".
                if (!isNumeric(x.type) || !isNumeric(b)) code = 1;
                else code = !isInteger(x.type) && isInteger(b) ? 2 : 3;
                return false;
            case Representable::No: code = 1; return false;
            }
            out = target;
            return true;
        }
        switch (x.type->kind) {
        case Kind::UntypedBool:
            if (!isBoolean(target)) code = 1;
            break;
        case Kind::UntypedInt:
        case Kind::UntypedRune:
        case Kind::UntypedFloat:
            if (!isNumeric(target)) code = 1;
            break;
        case Kind::UntypedString:
            if (!isString(target)) code = 1;
            break;
        default: code = 1;
        }
        if (code != 0) return false;
        out = target;
        return true;
    }
    if (auto* it = u->as<Interface>()) {
        if (!it->empty()) {
            code = 1;
            return false;
        }
        out = defaultType(ctx, x.type);
        return true;
    }
    code = 1;
    return false;
}

void Checker::convertUntyped(Operand& x, Type* target) {
    Type* nt = nullptr;
    int code = 0;
    if (!implicitTypeAndValue(x, target, nt, code)) {
        Type* t = under(target);
        std::string msg;
        if (code == 2)
            msg = opString(x) + " truncated to " + ts(t);
        else if (code == 3)
            msg = opString(x) + " overflows " + ts(t);
        else
            msg = "cannot convert " + opString(x) + " to type " + ts(t);
        error(x.expr, msg);
        x.mode = Mode::Invalid;
        return;
    }
    if (nt != x.type) {
        x.type = nt;
        if (x.expr != nullptr && x.mode == Mode::Constant) x.expr->constant = ctx.constant(x.val);
        updateExprType(x.expr, nt, false);
    }
}

void Checker::representable(Operand& x, Basic* t) {
    Constant r;
    Representable res = types::representable(x.val, t, &r);
    if (res == Representable::Yes) {
        x.val = r;
        return;
    }
    bool numeric = isNumeric(x.type) && isNumeric(t);
    std::string msg;
    if (numeric && !isInteger(x.type) && isInteger(t))
        msg = opString(x) + " truncated to " + ts(t);
    else if (numeric)
        msg = opString(x) + " overflows " + ts(t);
    else
        msg = "cannot convert " + opString(x) + " to type " + ts(t);
    error(x.expr, msg);
    x.mode = Mode::Invalid;
}

void Checker::overflow(Operand& x, Pos opPos) {
    if (x.val.isUnknown()) return;
    if (isTyped(x.type)) {
        if (auto* b = under(x.type)->as<Basic>()) representable(x, b);
        return;
    }
    // Untyped integers must not grow arbitrarily: gc's 512-bit limit.
    if (x.val.kind == Constant::Kind::Int && x.val.bitLen() > 512) {
        std::string op = opName(x.expr);
        error(opPos.valid() ? opPos : x.expr->pos, "constant " + (op.empty() ? "" : op + " ") + "overflow");
        x.val = Constant{};
    }
}

// ---------------------------------------------------------------------------

void Checker::singleValue(Operand& x) {
    if (x.mode == Mode::Value && x.type != nullptr) {
        if (auto* t = x.type->as<Tuple>()) {
            if (t->size() != 1) {
                error(x.expr, "multiple-value " + opString(x) + " in single-value context");
                x.mode = Mode::Invalid;
            }
        }
    }
}

void Checker::expr(Operand& x, Expr* e) {
    rawExpr(x, e, nullptr);
    switch (x.mode) {
    case Mode::NoValue:
        error(e, opString(x) + " used as value");
        x.mode = Mode::Invalid;
        break;
    case Mode::Builtin:
        error(e, opString(x) + " must be called");
        x.mode = Mode::Invalid;
        break;
    case Mode::TypeExpr:
        error(e, opString(x) + " is not an expression");
        x.mode = Mode::Invalid;
        break;
    default: break;
    }
    singleValue(x);
}

void Checker::exprWithHint(Operand& x, Expr* e, Type* hint) {
    rawExpr(x, e, hint);
    switch (x.mode) {
    case Mode::NoValue:
        error(e, opString(x) + " used as value");
        x.mode = Mode::Invalid;
        break;
    case Mode::Builtin:
        error(e, opString(x) + " must be called");
        x.mode = Mode::Invalid;
        break;
    case Mode::TypeExpr:
        error(e, opString(x) + " is not an expression");
        x.mode = Mode::Invalid;
        break;
    default: break;
    }
    singleValue(x);
}

void Checker::exprOrType(Operand& x, Expr* e) {
    rawExpr(x, e, nullptr);
    if (x.mode == Mode::NoValue) {
        error(e, opString(x) + " used as value or type");
        x.mode = Mode::Invalid;
    }
    singleValue(x);
}

// Evaluates e, which may have several values (f() returning a tuple) or be
// used in comma-ok form: the caller decides. xs gets one operand per value.
void Checker::multiExpr(std::vector<Operand>& xs, Expr* e) {
    Operand x;
    rawExpr(x, e, nullptr);
    if (x.mode == Mode::NoValue || x.mode == Mode::Builtin || x.mode == Mode::TypeExpr) {
        const char* what = x.mode == Mode::NoValue   ? " used as value"
                           : x.mode == Mode::Builtin ? " must be called"
                                                     : " is not an expression";
        error(e, opString(x) + what);
        x.mode = Mode::Invalid;
    }
    if (x.mode == Mode::Value && x.type != nullptr && x.type->is<Tuple>()) {
        for (Type* t : x.type->as<Tuple>()->types) {
            Operand v;
            v.mode = Mode::Value;
            v.expr = e;
            v.type = t;
            xs.push_back(v);
        }
        return;
    }
    xs.push_back(x);
}

void Checker::rawExpr(Operand& x, Expr* e, Type* hint, bool) {
    x = Operand{};
    exprInternal(x, e, hint);
    x.expr = e;
    record(x);
}

// ---------------------------------------------------------------------------

void Checker::ident(Operand& x, Ident* e, Named* def, bool wantType) {
    x.mode = Mode::Invalid;
    x.expr = e;
    x.type = ctx.invalid();
    if (e->name == "_") {
        error(e, "cannot use _ as value");
        return;
    }
    Object* obj = lookup(e->name);
    if (obj == nullptr) {
        error(e, "undefined: " + e->name);
        return;
    }
    e->obj = obj;
    (void)def;
    (void)wantType;
    if (obj->pkg == pkg && obj->parent == pkg->scope) {
        objDecl(obj);
        if (curDecl != nullptr && obj->kind != ObjKind::TypeName) curDecl->deps.insert(obj);
    }
    switch (obj->kind) {
    case ObjKind::PkgName:
        error(e, "use of package " + obj->name + " without selector");
        obj->as<PkgName>()->used = true;
        return;
    case ObjKind::Const: {
        auto* c = obj->as<Const>();
        if (isInvalid(c->type)) return;
        if (c->parent == ctx.universe() && c->name == "iota") {
            if (iotaVal == nullptr) {
                error(e, "cannot use iota outside constant declaration");
                return;
            }
            x.val = *iotaVal;
        } else {
            x.val = c->val;
        }
        x.mode = Mode::Constant;
        x.type = c->type;
        return;
    }
    case ObjKind::TypeName:
        x.mode = Mode::TypeExpr;
        x.type = obj->type != nullptr ? obj->type : ctx.invalid();
        return;
    case ObjKind::Var: {
        auto* v = obj->as<Var>();
        // A package-level var's use inside its own function bodies counts; a
        // local var is used when read (assignments go through lhsVar instead).
        v->used = true;
        markCaptured(v);
        if (v->type == nullptr || isInvalid(v->type)) return;
        x.mode = Mode::Variable;
        x.type = v->type;
        return;
    }
    case ObjKind::Func:
        x.mode = Mode::Value;
        x.type = obj->type != nullptr ? obj->type : ctx.invalid();
        if (isInvalid(x.type)) x.mode = Mode::Invalid;
        return;
    case ObjKind::Builtin:
        x.mode = Mode::Builtin;
        x.id = obj->as<Builtin>()->id;
        x.type = ctx.invalid();
        return;
    case ObjKind::Nil:
        x.mode = Mode::Value;
        x.type = ctx.basic(Kind::UntypedNil);
        return;
    case ObjKind::Label: return;
    }
}

void Checker::markCaptured(Var* v) {
    if (v->owner == nullptr || v->isPackageLevel || fn == nullptr) return;
    for (FuncCtx* f = fn; f != nullptr && f->node != v->owner; f = f->outer) {
        if (f->lit == nullptr) break;
        v->captured = true;
        auto& caps = f->lit->captures;
        if (std::find(caps.begin(), caps.end(), v) == caps.end()) caps.push_back(v);
    }
}

// &x, &x.f, &a[i] (a an array), and pointer-receiver calls make the root
// variable's address escape.
void Checker::markAddressTaken(Expr* e) {
    e = unparen(e);
    if (auto* id = as<Ident>(e)) {
        if (id->obj != nullptr)
            if (auto* v = id->obj->as<Var>()) v->addressTaken = true;
        return;
    }
    if (auto* s = as<SelectorExpr>(e)) {
        if (s->selection != nullptr && s->selection->kind == SelectionKind::FieldVal &&
            !s->selection->indirect)
            markAddressTaken(s->x);
        return;
    }
    if (auto* ix = as<IndexExpr>(e)) {
        if (ix->x->type != nullptr && under(ix->x->type)->is<Array>()) markAddressTaken(ix->x);
        return;
    }
}

// ---------------------------------------------------------------------------

void Checker::exprInternal(Operand& x, Expr* e, Type* hint) {
    x.mode = Mode::Invalid;
    x.type = ctx.invalid();
    x.expr = e;
    switch (e->kind) {
    case ast::Kind::BadExpr: return;
    case ast::Kind::Ident: ident(x, cast<Ident>(e), nullptr, false); return;
    case ast::Kind::Ellipsis: error(e, "invalid use of ..."); return;
    case ast::Kind::BasicLit: {
        auto* lit = cast<BasicLit>(e);
        if (lit->bad) return;
        switch (lit->litKind) {
        case Tok::Int:
        case Tok::Float: {
            // gc's cap: longer literals cannot be meaningful at 512 bits of precision.
            const size_t limit = 10000;
            if (lit->raw.size() > limit) {
                error(e, "excessively long constant: " + lit->raw.substr(0, 10) + "... (" +
                             std::to_string(lit->raw.size()) + " chars)");
                return;
            }
            x.val = Constant::fromLiteral(lit->litKind, lit->raw);
            if (x.val.isUnknown()) {
                error(e, "malformed constant: " + lit->raw);
                return;
            }
            x.type = ctx.basic(lit->litKind == Tok::Int ? Kind::UntypedInt : Kind::UntypedFloat);
            break;
        }
        case Tok::Imag: error(e, "complex numbers are not supported by gol"); return;
        case Tok::Char:
            x.val = Constant::makeInt(lit->rune);
            x.type = ctx.basic(Kind::UntypedRune);
            break;
        case Tok::String:
            x.val = Constant::makeString(lit->value);
            x.type = ctx.basic(Kind::UntypedString);
            break;
        default: return;
        }
        x.mode = Mode::Constant;
        return;
    }
    case ast::Kind::FuncLit: funcLit(x, cast<FuncLit>(e)); return;
    case ast::Kind::CompositeLit: compositeLit(x, cast<CompositeLit>(e), hint); return;
    case ast::Kind::ParenExpr: {
        Operand y;
        rawExpr(y, cast<ParenExpr>(e)->x, hint);
        x = y;
        x.expr = e;
        return;
    }
    case ast::Kind::SelectorExpr: selector(x, cast<SelectorExpr>(e), false); return;
    case ast::Kind::IndexExpr: indexExpr(x, cast<IndexExpr>(e)); return;
    case ast::Kind::SliceExpr: sliceExpr(x, cast<SliceExpr>(e)); return;
    case ast::Kind::TypeAssertExpr: {
        auto* ta = cast<TypeAssertExpr>(e);
        expr(x, ta->x);
        if (x.invalid()) return;
        if (ta->assertType == nullptr) {
            error(e, "use of .(type) outside type switch");
            x.mode = Mode::Invalid;
            return;
        }
        if (!isInterface(x.type)) {
            error(ta->x, std::string(kInvalidOp) + opString(x) + " is not an interface");
            x.mode = Mode::Invalid;
            return;
        }
        Type* T = typExpr(ta->assertType);
        if (isInvalid(T)) {
            x.mode = Mode::Invalid;
            return;
        }
        typeAssertion(e, x, T, false);
        x.mode = Mode::Value;
        x.type = T;
        return;
    }
    case ast::Kind::CallExpr: callExpr(x, cast<CallExpr>(e)); return;
    case ast::Kind::StarExpr: {
        auto* s = cast<StarExpr>(e);
        exprOrType(x, s->x);
        switch (x.mode) {
        case Mode::Invalid: return;
        case Mode::TypeExpr: x.type = ctx.pointer(x.type); return;
        default: break;
        }
        if (x.isNil()) {
            error(e, std::string(kInvalidOp) + "cannot indirect nil");
            x.mode = Mode::Invalid;
            return;
        }
        if (auto* p = under(x.type)->as<Pointer>()) {
            x.mode = Mode::Variable;
            x.type = p->elem;
            return;
        }
        error(e, std::string(kInvalidOp) + "cannot indirect " + opString(x));
        x.mode = Mode::Invalid;
        return;
    }
    case ast::Kind::UnaryExpr: unary(x, cast<UnaryExpr>(e)); return;
    case ast::Kind::BinaryExpr: {
        auto* b = cast<BinaryExpr>(e);
        binary(x, e, b->x, b->y, b->op, b->opPos);
        return;
    }
    case ast::Kind::KeyValueExpr: error(e, "unexpected key:value expression"); return;
    case ast::Kind::ArrayType:
    case ast::Kind::StructType:
    case ast::Kind::FuncType:
    case ast::Kind::InterfaceType:
    case ast::Kind::MapType:
    case ast::Kind::ChanType:
        x.type = typExpr(e);
        x.mode = Mode::TypeExpr;
        return;
    default: return;
    }
}

void Checker::unary(Operand& x, UnaryExpr* e) {
    expr(x, e->x);
    if (x.invalid()) return;
    switch (e->op) {
    case Tok::And: {
        if (!isa<CompositeLit>(unparen(e->x)) && x.mode != Mode::Variable) {
            error(e, std::string(kInvalidOp) + "cannot take address of " + opString(x));
            x.mode = Mode::Invalid;
            return;
        }
        markAddressTaken(e->x);
        x.mode = Mode::Value;
        x.type = ctx.pointer(x.type);
        return;
    }
    case Tok::Arrow: {
        auto* ch = under(x.type)->as<Chan>();
        if (ch == nullptr) {
            error(e, std::string(kInvalidOp) + "cannot receive from non-channel " + opString(x));
            x.mode = Mode::Invalid;
            return;
        }
        if (ch->dir == ChanDir::Send) {
            error(e, std::string(kInvalidOp) + "cannot receive from send-only channel " + opString(x));
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
        x.type = ch->elem;
        return;
    }
    default: break;
    }
    bool ok = false;
    switch (e->op) {
    case Tok::Add:
    case Tok::Sub: ok = isNumeric(x.type); break;
    case Tok::Xor: ok = isInteger(x.type); break;
    case Tok::Not: ok = isBoolean(x.type); break;
    default: ok = false;
    }
    if (!ok) {
        error(e, std::string(kInvalidOp) + "operator " + std::string(syntax::tokString(e->op)) +
                     " not defined on " + opString(x));
        x.mode = Mode::Invalid;
        return;
    }
    if (x.mode == Mode::Constant) {
        unsigned bits = isUnsigned(x.type) && isTyped(x.type) ? under(x.type)->as<Basic>()->size * 8u : 0u;
        ConstError err;
        Constant v = unaryOp(e->op, x.val, bits, err);
        if (err != ConstError::None) {
            error(e, "constant result is not representable");
            x.mode = Mode::Invalid;
            return;
        }
        x.val = v;
        x.expr = e;
        overflow(x, e->pos);
        return;
    }
    x.mode = Mode::Value;
}

void Checker::matchTypes(Operand& x, Operand& y) {
    auto mayConvert = [&](Operand& a, Operand& b) {
        if (isTyped(a.type) && isTyped(b.type)) return false;
        if (isNumeric(a.type) != isNumeric(b.type)) return false;
        if (isBoolean(a.type) != isBoolean(b.type)) return false;
        if (isString(a.type) != isString(b.type)) return false;
        if (a.isNil()) return hasNil(b.type);
        if (b.isNil()) return hasNil(a.type);
        if (isPointer(a.type) || isPointer(b.type)) return false;
        return true;
    };
    if (mayConvert(x, y)) {
        convertUntyped(x, y.type);
        if (x.invalid()) return;
        convertUntyped(y, x.type);
        if (y.invalid()) x.mode = Mode::Invalid;
    }
}

namespace {
const char* kindString(const Type* t) {
    switch (under(t)->kind) {
    case Kind::Array: return "array";
    case Kind::Slice: return "slice";
    case Kind::Struct: return "struct";
    case Kind::Pointer: return "pointer";
    case Kind::Signature: return "func";
    case Kind::Interface: return "interface";
    case Kind::Map: return "map";
    case Kind::Chan: return "chan";
    default: return nullptr;
    }
}
} // namespace

void Checker::comparison(Operand& x, Operand& y, Tok op, Expr* e, bool xNil, bool yNil) {
    if (isInvalid(x.type) || isInvalid(y.type)) {
        x.mode = Mode::Invalid;
        return;
    }
    Operand* errOp = &x;
    std::string cause;
    bool ok = assignableTo(x, y.type, nullptr) || assignableTo(y, x.type, nullptr);
    auto kstr = [&](Type* t) {
        const char* k = kindString(t);
        return k != nullptr ? std::string(k) : ts(t);
    };
    if (!ok) {
        errOp = &y;
        cause = "mismatched types " + ts(x.type) + " and " + ts(y.type);
    } else if (op == Tok::Eql || op == Tok::Neq) {
        xNil = xNil || x.isNil();
        yNil = yNil || y.isNil();
        if (xNil || yNil) {
            Type* t = xNil ? y.type : x.type;
            if (!hasNil(t) || (xNil && yNil)) {
                ok = false;
                errOp = &y;
            }
        } else if (!comparable(x.type)) {
            ok = false;
            errOp = &x;
            Type* u = under(x.type);
            if (u->is<Slice>() || u->is<Signature>() || u->is<Map>())
                cause = kstr(x.type) + " can only be compared to nil";
        } else if (!comparable(y.type)) {
            ok = false;
            errOp = &y;
            Type* u = under(y.type);
            if (u->is<Slice>() || u->is<Signature>() || u->is<Map>())
                cause = kstr(y.type) + " can only be compared to nil";
        }
    } else {
        if (!isOrdered(x.type)) {
            ok = false;
            errOp = &x;
        } else if (!isOrdered(y.type)) {
            ok = false;
            errOp = &y;
        }
    }
    if (!ok) {
        if (cause.empty())
            cause = "operator " + std::string(syntax::tokString(op)) + " not defined on " + kstr(errOp->type);
        if (e == nullptr) {
            // switch case: error at the case expression
            error(x.expr, "invalid case " + exprString(x.expr) + " in switch on " + exprString(y.expr) +
                              " (" + cause + ")");
        } else {
            error(errOp->expr, std::string(kInvalidOp) + exprString(x.expr) + " " +
                                   std::string(syntax::tokString(op)) + " " + exprString(y.expr) + " (" +
                                   cause + ")");
        }
        x.mode = Mode::Invalid;
        return;
    }
    if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
        x.val = Constant::makeBool(compareOp(op, x.val, y.val));
    } else {
        x.mode = Mode::Value;
        updateExprType(x.expr, defaultType(ctx, x.type), true);
        updateExprType(y.expr, defaultType(ctx, y.type), true);
    }
    x.type = ctx.basic(Kind::UntypedBool);
}

void Checker::shift(Operand& x, Operand& y, Expr* e, Tok op) {
    Constant xval;
    if (x.mode == Mode::Constant) xval = toInt(x.val);
    if (isInteger(x.type) || (isUntyped(x.type) && xval.kind == Constant::Kind::Int)) {
        // ok
    } else {
        error(x.expr, std::string(kInvalidOp) + "shifted operand " + opString(x) + " must be integer");
        x.mode = Mode::Invalid;
        return;
    }
    Constant yval;
    if (y.mode == Mode::Constant) {
        yval = toInt(y.val);
        if (yval.kind == Constant::Kind::Int && yval.sign() < 0) {
            error(y.expr, std::string(kInvalidOp) + "negative shift count " + opString(y));
            x.mode = Mode::Invalid;
            return;
        }
        if (isUntyped(y.type)) {
            representable(y, ctx.basic(Kind::Uint));
            if (y.invalid()) {
                x.mode = Mode::Invalid;
                return;
            }
        }
    } else {
        if (isInteger(y.type)) {
        } else if (isUntyped(y.type)) {
            convertUntyped(y, ctx.basic(Kind::Uint));
            if (y.invalid()) {
                x.mode = Mode::Invalid;
                return;
            }
        } else {
            error(y.expr, std::string(kInvalidOp) + "shift count " + opString(y) + " must be integer");
            x.mode = Mode::Invalid;
            return;
        }
    }
    if (x.mode == Mode::Constant) {
        if (y.mode == Mode::Constant) {
            if (x.val.isUnknown() || y.val.isUnknown()) {
                x.val = Constant{};
                if (!isInteger(x.type)) x.type = ctx.basic(Kind::UntypedInt);
                return;
            }
            const int64_t shiftBound = 1023 - 1 + 52; // gc's: the largest useful float exponent
            int64_t count = 0;
            if (!yval.toInt64(&count) || count > shiftBound) {
                error(y.expr, std::string(kInvalidOp) + "invalid shift count " + opString(y));
                x.mode = Mode::Invalid;
                return;
            }
            if (!isInteger(x.type)) x.type = ctx.basic(Kind::UntypedInt);
            ConstError err;
            Constant r = shiftOp(op, xval, static_cast<uint64_t>(count), err);
            x.val = r;
            x.expr = e;
            overflow(x, e->pos);
            return;
        }
        if (isUntyped(x.type)) {
            // Non-constant shift of an untyped constant: the constant's type is
            // decided by the context (updateExprType checks it is an integer).
            x.mode = Mode::Value;
            return;
        }
    }
    if (!isInteger(x.type)) {
        error(x.expr, std::string(kInvalidOp) + "shifted operand " + opString(x) + " must be integer");
        x.mode = Mode::Invalid;
        return;
    }
    x.mode = Mode::Value;
}

void Checker::binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Tok op, Pos opPos) {
    Operand y;
    expr(x, lhs);
    expr(y, rhs);
    if (x.invalid()) return;
    if (y.invalid()) {
        x.mode = Mode::Invalid;
        x.expr = y.expr;
        return;
    }
    if (isShift(op)) {
        shift(x, y, e, op);
        return;
    }
    bool xNil = x.isNil(), yNil = y.isNil();
    matchTypes(x, y);
    if (x.invalid()) return;
    if (isComparison(op)) {
        comparison(x, y, op, e, xNil, yNil);
        return;
    }
    if (!identical(x.type, y.type)) {
        // For x op= y (e == nullptr) Go prints the assignment operation.
        std::string what = e != nullptr ? exprString(e)
                                        : exprString(lhs) + " " + std::string(syntax::tokString(op)) + "= " +
                                              exprString(rhs);
        if (!isInvalid(x.type) && !isInvalid(y.type))
            error(x.expr, std::string(kInvalidOp) + what + " (mismatched types " + ts(x.type) + " and " +
                              ts(y.type) + ")");
        x.mode = Mode::Invalid;
        return;
    }
    bool ok;
    switch (op) {
    case Tok::Add: ok = isNumeric(x.type) || isString(x.type); break;
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo: ok = isNumeric(x.type); break;
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot: ok = isInteger(x.type); break;
    case Tok::LAnd:
    case Tok::LOr: ok = isBoolean(x.type); break;
    default: ok = false;
    }
    if (!ok) {
        error(x.expr, std::string(kInvalidOp) + "operator " + std::string(syntax::tokString(op)) +
                          " not defined on " + opString(x));
        x.mode = Mode::Invalid;
        return;
    }
    if (op == Tok::Quo || op == Tok::Rem) {
        if ((x.mode == Mode::Constant || isInteger(x.type)) && y.mode == Mode::Constant) {
            Constant z = y.val;
            if ((z.kind == Constant::Kind::Int || z.kind == Constant::Kind::Float) && z.sign() == 0) {
                error(y.expr, std::string(kInvalidOp) + "division by zero");
                x.mode = Mode::Invalid;
                return;
            }
        }
    }
    if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
        if (x.val.isUnknown() || y.val.isUnknown()) {
            x.val = Constant{};
            return;
        }
        ConstError err;
        Constant r = binaryOp(op, x.val, y.val, isInteger(x.type), err);
        if (err == ConstError::DivByZero) {
            error(y.expr, std::string(kInvalidOp) + "division by zero");
            x.mode = Mode::Invalid;
            return;
        }
        if (err == ConstError::Overflow) {
            error(opPos.valid() ? opPos : lhs->pos, "constant result is not representable");
            x.mode = Mode::Invalid;
            return;
        }
        x.val = r;
        if (e != nullptr) x.expr = e;
        overflow(x, opPos);
        return;
    }
    x.mode = Mode::Value;
}

// ---------------------------------------------------------------------------

void Checker::funcLit(Operand& x, FuncLit* e) {
    Scope* saved = scope;
    Scope* sigScope = openScope();
    sigScope->isFunc = true;
    FuncCtx probe;
    probe.node = e;
    // Parameters belong to the literal (for capture analysis).
    std::vector<Var*> params, results;
    Signature* sig = funcType(e->sig, nullptr, sigScope, &params, &results, nullptr);
    for (Var* v : params)
        v->owner = e;
    for (Var* v : results)
        v->owner = e;
    scope = saved;
    if (e->body != nullptr) funcBody(e, e, sig, e->sig, nullptr, nullptr, e->body, sigScope);
    x.mode = Mode::Value;
    x.type = sig;
}

// ---------------------------------------------------------------------------
// Composite literals

void Checker::compositeLit(Operand& x, CompositeLit* e, Type* hint) {
    Type* typ = nullptr;
    Type* base = nullptr;
    if (e->litType != nullptr) {
        auto* at = as<ArrayType>(e->litType);
        if (at != nullptr && at->len != nullptr && isa<Ellipsis>(at->len) &&
            cast<Ellipsis>(at->len)->elt == nullptr) {
            // [...]T{...}: the length is the number of elements.
            Type* elem = typExpr(at->elem);
            typ = ctx.array(elem, 0); // placeholder; fixed below
            base = typ;
            int64_t n = 0;
            {
                // Count like indexedElts does.
                std::vector<Operand> dummy;
                (void)dummy;
            }
            // indexedElts computes the length.
            std::unordered_map<int64_t, bool> visited;
            int64_t index = 0, max = 0;
            for (Expr* el : e->elts) {
                Expr* val = el;
                if (auto* kv = as<KeyValueExpr>(el)) {
                    int64_t i;
                    if (this->index(kv->key, -1, &i)) {
                        if (i >= 0)
                            index = i;
                        else
                            error(el, "index " + exprString(kv->key) + " must be integer constant");
                    }
                    val = kv->value;
                }
                if (visited[index])
                    error(el, "duplicate index " + std::to_string(index) + " in array or slice literal");
                visited[index] = true;
                index++;
                max = std::max(max, index);
                Operand v;
                exprWithHint(v, val, elem);
                assignment(v, elem, "array or slice literal");
            }
            n = max;
            typ = ctx.array(elem, n);
            at->type = typ;
            at->mode = static_cast<uint8_t>(Mode::TypeExpr);
            x.mode = Mode::Value;
            x.type = typ;
            return;
        }
        typ = typExpr(e->litType);
        base = typ;
    } else if (hint != nullptr) {
        typ = hint;
        base = typ;
        if (auto* p = under(base)->as<Pointer>()) base = p->elem;
    } else {
        error(e, "invalid composite literal type: missing type");
        x.mode = Mode::Invalid;
        useExprs(e->elts);
        return;
    }
    Type* u = under(base);
    if (isInvalid(u)) {
        useExprs(e->elts);
        x.mode = Mode::Invalid;
        return;
    }
    switch (u->kind) {
    case Kind::Struct: {
        auto* s = u->as<Struct>();
        if (e->elts.empty()) break;
        if (isa<KeyValueExpr>(e->elts[0])) {
            std::vector<bool> visited(s->fields.size());
            for (Expr* el : e->elts) {
                auto* kv = as<KeyValueExpr>(el);
                if (kv == nullptr) {
                    error(el, "mixture of field:value and value elements in struct literal");
                    continue;
                }
                auto* key = as<Ident>(kv->key);
                if (key == nullptr) {
                    error(kv->key, "invalid field name " + exprString(kv->key) + " in struct literal");
                    Operand v;
                    expr(v, kv->value);
                    continue;
                }
                int i = s->fieldIndex(key->name);
                if (i < 0) {
                    LookupResult r = lookupFieldOrMethod(base, false, pkg, key->name);
                    if (r.obj != nullptr && r.obj->as<Var>() != nullptr)
                        error(kv, "cannot use promoted field " + key->name + " in struct literal of type " +
                                      ts(base));
                    else
                        error(kv->key,
                              "unknown field " + key->name + " in struct literal of type " + ts(base));
                    Operand v;
                    expr(v, kv->value);
                    continue;
                }
                Var* fld = s->fields[i];
                key->obj = fld;
                key->type = fld->type;
                key->mode = static_cast<uint8_t>(Mode::Variable);
                Operand v;
                exprWithHint(v, kv->value, fld->type);
                assignment(v, fld->type, "struct literal");
                if (visited[i]) {
                    error(kv, "duplicate field name " + key->name + " in struct literal");
                    continue;
                }
                visited[i] = true;
            }
        } else {
            size_t i = 0;
            for (Expr* el : e->elts) {
                if (auto* kv = as<KeyValueExpr>(el)) {
                    error(kv, "mixture of field:value and value elements in struct literal");
                    continue;
                }
                Operand v;
                exprWithHint(v, el, i < s->fields.size() ? s->fields[i]->type : nullptr);
                if (i >= s->fields.size()) {
                    error(v.expr, "too many values in struct literal of type " + ts(base));
                    break;
                }
                Var* fld = s->fields[i];
                if (!fld->exported() && fld->pkg != pkg) {
                    error(v.expr, "implicit assignment to unexported field " + fld->name +
                                      " in struct literal of type " + ts(base));
                }
                assignment(v, fld->type, "struct literal");
                i++;
            }
            if (i < s->fields.size() && i == e->elts.size())
                error(e->rbrace.valid() ? e->rbrace : e->pos,
                      "too few values in struct literal of type " + ts(base));
        }
        break;
    }
    case Kind::Array:
    case Kind::Slice: {
        Type* elem = u->is<Array>() ? u->as<Array>()->elem : u->as<Slice>()->elem;
        int64_t length = u->is<Array>() ? u->as<Array>()->len : -1;
        std::unordered_map<int64_t, bool> visited;
        int64_t index = 0;
        for (Expr* el : e->elts) {
            bool validIndex = false;
            Expr* val = el;
            if (auto* kv = as<KeyValueExpr>(el)) {
                int64_t i;
                if (this->index(kv->key, length, &i)) {
                    if (i >= 0) {
                        index = i;
                        validIndex = true;
                    } else {
                        error(el, "index " + exprString(kv->key) + " must be integer constant");
                    }
                }
                val = kv->value;
            } else if (length >= 0 && index >= length) {
                error(el, "index " + std::to_string(index) +
                              " is out of bounds (>= " + std::to_string(length) + ")");
            } else {
                validIndex = true;
            }
            if (validIndex) {
                if (visited[index])
                    error(el, "duplicate index " + std::to_string(index) + " in array or slice literal");
                visited[index] = true;
            }
            index++;
            Operand v;
            exprWithHint(v, val, elem);
            assignment(v, elem, "array or slice literal");
        }
        break;
    }
    case Kind::Map: {
        auto* m = u->as<Map>();
        std::vector<Constant> seenKeys;
        for (Expr* el : e->elts) {
            auto* kv = as<KeyValueExpr>(el);
            if (kv == nullptr) {
                error(el, "missing key in map literal");
                Operand v;
                expr(v, el);
                continue;
            }
            Operand k;
            exprWithHint(k, kv->key, m->key);
            assignment(k, m->key, "map literal");
            if (k.mode == Mode::Constant && !isInterface(m->key)) {
                bool dup = false;
                for (const Constant& c : seenKeys)
                    if (c.kind == k.val.kind && compareOp(Tok::Eql, c, k.val)) dup = true;
                if (dup)
                    error(kv->key, "duplicate key " + exprString(kv->key) + " in map literal");
                else
                    seenKeys.push_back(k.val);
            }
            Operand v;
            exprWithHint(v, kv->value, m->elem);
            assignment(v, m->elem, "map literal");
        }
        break;
    }
    default:
        error(e, "invalid composite literal type " + ts(typ));
        useExprs(e->elts);
        x.mode = Mode::Invalid;
        return;
    }
    x.mode = Mode::Value;
    x.type = typ;
}

void Checker::useExprs(const std::vector<Expr*>& es) {
    for (Expr* e : es) {
        if (e == nullptr) continue; // an omitted slice index
        if (auto* kv = as<KeyValueExpr>(e)) {
            Operand v;
            rawExpr(v, kv->value, nullptr);
            continue;
        }
        Operand v;
        rawExpr(v, e, nullptr);
    }
}

// ---------------------------------------------------------------------------
// Index and slice expressions

bool Checker::isValidIndex(Operand& x, const char* what, bool allowNegative) {
    if (x.invalid()) return false;
    convertUntyped(x, ctx.basic(Kind::Int));
    if (x.invalid()) return false;
    if (!isInteger(x.type)) {
        error(x.expr, std::string(kInvalidArg) + what + " " + opString(x) + " must be integer");
        return false;
    }
    if (x.mode == Mode::Constant) {
        if (!allowNegative && x.val.kind == Constant::Kind::Int && x.val.sign() < 0) {
            error(x.expr, std::string(kInvalidArg) + what + " " + opString(x) + " must not be negative");
            return false;
        }
        if (types::representable(x.val, ctx.basic(Kind::Int), nullptr) != Representable::Yes) {
            error(x.expr, std::string(kInvalidArg) + what + " " + opString(x) + " overflows int");
            return false;
        }
    }
    return true;
}

// Checks an index; *value is the constant value or -1.
bool Checker::index(Expr* e, int64_t max, int64_t* value) {
    *value = -1;
    Operand x;
    expr(x, e);
    if (!isValidIndex(x, "index", false)) return false;
    if (x.mode != Mode::Constant) return true;
    if (x.val.isUnknown()) return false;
    int64_t v = x.val.int64();
    if (max >= 0 && v >= max) {
        error(x.expr, std::string(kInvalidArg) + "index " + x.val.toString() +
                          " out of bounds [0:" + std::to_string(max) + "]");
        return false;
    }
    *value = v;
    return true;
}

void Checker::indexExpr(Operand& x, IndexExpr* e) {
    exprOrType(x, e->x);
    if (x.invalid()) {
        Operand i;
        rawExpr(i, e->index, nullptr);
        return;
    }
    if (x.mode == Mode::TypeExpr) {
        error(e->x, ts(x.type) + " is not a generic type");
        x.mode = Mode::Invalid;
        return;
    }
    if (x.mode == Mode::Value && x.type->is<Signature>()) {
        error(e->x, std::string(kInvalidOp) + "cannot index " + opString(x));
        x.mode = Mode::Invalid;
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type* u = under(x.type);
    switch (u->kind) {
    case Kind::String:
    case Kind::UntypedString:
        valid = true;
        if (x.mode == Mode::Constant) length = static_cast<int64_t>(x.val.s.size());
        x.mode = Mode::Value;
        x.type = ctx.byteType();
        break;
    case Kind::Array:
        valid = true;
        length = u->as<Array>()->len;
        if (x.mode != Mode::Variable) x.mode = Mode::Value;
        x.type = u->as<Array>()->elem;
        break;
    case Kind::Pointer:
        if (auto* a = under(u->as<Pointer>()->elem)->as<Array>()) {
            valid = true;
            length = a->len;
            x.mode = Mode::Variable;
            x.type = a->elem;
        }
        break;
    case Kind::Slice:
        valid = true;
        x.mode = Mode::Variable;
        x.type = u->as<Slice>()->elem;
        break;
    case Kind::Map: {
        auto* m = u->as<Map>();
        Operand k;
        exprWithHint(k, e->index, m->key);
        assignment(k, m->key, "map index");
        x.mode = Mode::MapIndex;
        x.type = m->elem;
        return;
    }
    default: break;
    }
    if (!valid) {
        error(e, std::string(kInvalidOp) + "cannot index " + opString(x));
        Operand i;
        rawExpr(i, e->index, nullptr);
        x.mode = Mode::Invalid;
        return;
    }
    int64_t v;
    if (!index(e->index, length, &v)) {
        // keep x's type for follow-on checks
    }
}

void Checker::sliceExpr(Operand& x, SliceExpr* e) {
    expr(x, e->x);
    if (x.invalid()) {
        useExprs({e->low, e->high, e->max});
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type* u = under(x.type);
    switch (u->kind) {
    case Kind::String:
    case Kind::UntypedString:
        if (e->slice3) {
            error(e, std::string(kInvalidOp) + "3-index slice of string");
            x.mode = Mode::Invalid;
            return;
        }
        valid = true;
        if (x.mode == Mode::Constant) length = static_cast<int64_t>(x.val.s.size());
        if (isUntyped(x.type)) x.type = ctx.basic(Kind::String);
        break;
    case Kind::Array:
        valid = true;
        length = u->as<Array>()->len;
        if (x.mode != Mode::Variable) {
            error(e, std::string(kInvalidOp) + opString(x) + " (slice of unaddressable value)");
            x.mode = Mode::Invalid;
            return;
        }
        markAddressTaken(e->x);
        x.type = ctx.slice(u->as<Array>()->elem);
        break;
    case Kind::Pointer:
        if (auto* a = under(u->as<Pointer>()->elem)->as<Array>()) {
            valid = true;
            length = a->len;
            x.type = ctx.slice(a->elem);
        }
        break;
    case Kind::Slice: valid = true; break;
    default: break;
    }
    if (!valid) {
        error(e, std::string(kInvalidOp) + "cannot slice " + opString(x));
        x.mode = Mode::Invalid;
        return;
    }
    x.mode = Mode::Value;
    Expr* idx[3] = {e->low, e->high, e->max};
    int64_t vals[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++) {
        if (idx[i] == nullptr) continue;
        int64_t v = -1;
        // Indices may equal the length for slicing.
        index(idx[i], length >= 0 ? length + 1 : -1, &v);
        vals[i] = v;
    }
    // Constant indices must be non-decreasing.
    for (int i = 0; i < 3; i++) {
        if (vals[i] < 0) continue;
        for (int j = i + 1; j < 3; j++) {
            if (vals[j] >= 0 && vals[j] < vals[i]) {
                error(idx[j],
                      "invalid slice indices: " + std::to_string(vals[j]) + " < " + std::to_string(vals[i]));
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Selectors

void Checker::selector(Operand& x, SelectorExpr* e, bool wantType) {
    const std::string& sel = e->sel->name;
    x.mode = Mode::Invalid;
    x.type = ctx.invalid();
    x.expr = e;
    // Qualified identifier pkg.Name?
    if (auto* id = as<Ident>(e->x)) {
        Object* obj = lookup(id->name);
        if (obj == nullptr && script) {
            std::string path = importer.scriptPackage(id->name);
            if (!path.empty()) {
                if (Package* p = importer.import(ctx, path)) {
                    auto* pn = ctx.make<PkgName>(id->name, pkg, Pos{}, p);
                    pn->used = true;
                    fileScope->insert(pn);
                    obj = pn;
                }
            }
        }
        if (obj != nullptr && obj->kind == ObjKind::PkgName) {
            auto* pn = obj->as<PkgName>();
            pn->used = true;
            id->obj = pn;
            id->mode = static_cast<uint8_t>(Mode::Invalid);
            Object* m = pn->imported->scope->lookup(sel);
            if (m == nullptr || !m->exported()) {
                if (m != nullptr)
                    error(e->sel, "name " + sel + " not exported by package " + pn->imported->name);
                else
                    error(e->sel, "undefined: " + id->name + "." + sel);
                return;
            }
            e->pkgObj = m;
            e->sel->obj = m;
            switch (m->kind) {
            case ObjKind::Const:
                x.mode = Mode::Constant;
                x.type = m->type;
                x.val = m->as<Const>()->val;
                break;
            case ObjKind::TypeName:
                x.mode = Mode::TypeExpr;
                x.type = m->type;
                break;
            case ObjKind::Var:
                x.mode = Mode::Variable;
                x.type = m->type;
                break;
            case ObjKind::Func:
                x.mode = Mode::Value;
                x.type = m->type;
                break;
            default: break;
            }
            return;
        }
    }
    (void)wantType;
    exprOrType(x, e->x);
    if (x.invalid()) return;
    if (x.mode == Mode::Builtin) {
        error(e->x, opString(x) + " must be called");
        x.mode = Mode::Invalid;
        return;
    }
    bool addressable = x.mode == Mode::Variable;
    LookupResult r = lookupFieldOrMethod(x.type, addressable, pkg, sel);
    if (r.obj == nullptr) {
        // No error for types already reported as invalid (T or *T).
        Type* base = under(x.type);
        if (auto* p = base->as<Pointer>()) base = under(p->elem);
        if (isInvalid(under(x.type)) || isInvalid(base)) {
            x.mode = Mode::Invalid;
            return;
        }
        std::string why;
        if (r.ambiguous) {
            why = "ambiguous selector " + exprString(e);
            error(e->sel, why);
        } else if (r.indirect) {
            if (x.mode == Mode::TypeExpr)
                error(e->sel, "invalid method expression " + exprString(e) + " (needs pointer receiver (*" +
                                  ts(x.type) + ")." + sel + ")");
            else
                error(e->sel, "cannot call pointer method " + sel + " on " + ts(x.type));
        } else {
            std::string what = x.mode == Mode::TypeExpr ? "method" : "field or method";
            // Go 1.22: point out a different capitalization.
            std::string alt;
            for (int pass = 0; pass < 2 && alt.empty(); pass++) {
                std::string cand = sel;
                if (cand.empty()) break;
                cand[0] = pass == 0 ? static_cast<char>(std::toupper(static_cast<unsigned char>(cand[0])))
                                    : static_cast<char>(std::tolower(static_cast<unsigned char>(cand[0])));
                if (cand == sel) continue;
                LookupResult r2 = lookupFieldOrMethod(x.type, true, pkg, cand);
                if (r2.obj != nullptr) alt = (r2.obj->kind == ObjKind::Var ? "field " : "method ") + cand;
            }
            Type* shown = x.type;
            std::string msg = exprString(e) + " undefined (type " + ts(shown) + " has no " + what + " " + sel;
            if (!alt.empty()) msg += ", but does have " + alt;
            msg += ")";
            if (isInterface(x.type) == false && isPointer(x.type) &&
                isInterface(under(x.type)->as<Pointer>()->elem))
                msg = exprString(e) + " undefined (type " + ts(shown) +
                      " is pointer to interface, not interface)";
            error(e->sel, msg);
        }
        x.mode = Mode::Invalid;
        return;
    }
    auto* selection = ctx.make<Selection>();
    selection->recv = x.type;
    selection->obj = r.obj;
    selection->index = r.index;
    selection->indirect = r.indirect;
    e->sel->obj = r.obj;
    e->selection = selection;

    if (x.mode == Mode::TypeExpr) {
        // Method expression T.m / (*T).m.
        auto* m = r.obj->as<Func>();
        if (m == nullptr) {
            error(e->sel, exprString(e) + " undefined (type " + ts(x.type) + " has no method " + sel + ")");
            x.mode = Mode::Invalid;
            return;
        }
        selection->kind = SelectionKind::MethodExpr;
        Signature* sig = m->signature();
        std::vector<Type*> params{x.type};
        for (Type* t : sig->params->types)
            params.push_back(t);
        x.mode = Mode::Value;
        x.type = ctx.signature(ctx.tuple(params), sig->results, sig->variadic);
        selection->type = x.type;
        return;
    }
    if (auto* f = r.obj->as<Var>()) {
        selection->kind = SelectionKind::FieldVal;
        if (x.mode == Mode::Variable || r.indirect)
            x.mode = Mode::Variable;
        else
            x.mode = Mode::Value;
        x.type = f->type;
    } else {
        auto* m = r.obj->as<Func>();
        selection->kind = SelectionKind::MethodVal;
        if (m->ptrRecv && !r.indirect && !isPointer(x.type)) markAddressTaken(e->x);
        x.mode = Mode::Value;
        x.type = m->type;
    }
    selection->type = x.type;
}

// ---------------------------------------------------------------------------

void Checker::typeAssertion(Expr* e, Operand& x, Type* T, bool typeSwitch) {
    if (isInterface(T)) return; // checked dynamically
    bool wrongType = false, ptrRecv = false;
    Func* have = nullptr;
    Func* m = missingMethod(T, under(x.type)->as<Interface>(), true, &wrongType, &have, &ptrRecv);
    if (m == nullptr) return;
    std::string cause = missingMethodCause(T, x.type, m, wrongType, have, ptrRecv);
    if (typeSwitch) {
        error(e, "impossible type switch case: " + exprString(e) + "\n\t" + opString(x) +
                     " cannot have dynamic type " + ts(T) + " " + cause);
        return;
    }
    error(e, "impossible type assertion: " + exprString(e) + "\n\t" + ts(T) + " does not implement " +
                 ts(x.type) + " " + cause);
}

} // namespace gol::types
