// Assignability, assignments, variable initialization and := (Go's
// assignments.go and operand.assignableTo).
#include "compiler/types/checker.hpp"

namespace gol::types {

using namespace ast;

namespace {
bool hasName(const Type* t) {
    return t->is<Basic>() || t->is<Named>();
}

std::string measure(size_t n, const char* unit) {
    std::string s = std::to_string(n) + " " + unit;
    if (n != 1) s += "s";
    return s;
}
} // namespace

bool Checker::assignableTo(Operand& x0, Type* T, std::string* cause) {
    if (x0.invalid() || T == nullptr || isInvalid(T)) return true;
    Type* V = x0.type;
    if (V == nullptr || isInvalid(V)) return true;
    if (identical(V, T)) return true;
    Type* Vu = under(V);
    Type* Tu = under(T);
    if (isInvalid(Vu) || isInvalid(Tu)) return true;
    if (isUntyped(Vu)) {
        Operand x = x0; // probing must not change the operand
        Type* nt = nullptr;
        int code = 0;
        return implicitTypeAndValue(x, T, nt, code);
    }
    if (identical(Vu, Tu) && (!hasName(V) || !hasName(T))) return true;
    if (Tu->is<Interface>()) {
        if (implements(V, T, cause)) return true;
        return false;
    }
    if (Tu->is<Pointer>() && isInterface(Tu->as<Pointer>()->elem)) {
        if (cause != nullptr)
            *cause = ts(V) + " does not implement " + ts(T) + " (type " + ts(T) +
                     " is pointer to interface, not interface)";
        return false;
    }
    if (Vu->is<Interface>()) {
        if (implements(T, V, nullptr)) {
            if (cause != nullptr) *cause = "need type assertion";
            return false;
        }
    }
    if (auto* vc = Vu->as<Chan>(); vc != nullptr && vc->dir == ChanDir::Both) {
        if (auto* tc = Tu->as<Chan>(); tc != nullptr && identical(vc->elem, tc->elem))
            return !hasName(V) || !hasName(T);
    }
    return false;
}

void Checker::assignment(Operand& x, Type* T, const std::string& context) {
    singleValue(x);
    switch (x.mode) {
    case Mode::Invalid: return;
    case Mode::Constant:
    case Mode::Variable:
    case Mode::MapIndex:
    case Mode::Value:
    case Mode::CommaOK: break;
    default:
        error(x.expr, "cannot assign " + opString(x) + " to " + ts(T) + " in " + context);
        x.mode = Mode::Invalid;
        return;
    }
    if (isUntyped(x.type)) {
        Type* target = T;
        if (x.isNil()) {
            if (T == nullptr) {
                error(x.expr, "use of untyped nil in " + context);
                x.mode = Mode::Invalid;
                return;
            }
        } else if (T == nullptr || isInterface(T)) {
            target = defaultType(ctx, x.type);
        }
        Type* nt = nullptr;
        int code = 0;
        if (!implicitTypeAndValue(x, target, nt, code)) {
            std::string msg = "cannot use " + opString(x) + " as " + ts(target) + " value in " + context;
            if (code == 2)
                msg += " (truncated)";
            else if (code == 3)
                msg += " (overflows)";
            error(x.expr, msg);
            x.mode = Mode::Invalid;
            return;
        }
        if (x.mode == Mode::Constant && x.expr != nullptr) x.expr->constant = ctx.constant(x.val);
        if (nt != x.type) {
            x.type = nt;
            updateExprType(x.expr, nt, false);
        }
    }
    if (T == nullptr) return;
    std::string cause;
    if (!assignableTo(x, T, &cause)) {
        std::string msg = "cannot use " + opString(x) + " as " + ts(T) + " value in " + context;
        if (!cause.empty()) msg += ": " + cause;
        error(x.expr, msg);
        x.mode = Mode::Invalid;
    }
}

void Checker::initVar(Var* lhs, Operand& x, const std::string& context) {
    if (x.invalid() || isInvalid(x.type) || (lhs->type != nullptr && isInvalid(lhs->type))) {
        if (lhs->type == nullptr) lhs->type = ctx.invalid();
        x.mode = Mode::Invalid;
        return;
    }
    if (lhs->type == nullptr) {
        Type* t = x.type;
        if (isUntyped(t)) {
            if (t->kind == Kind::UntypedNil) {
                error(x.expr, "use of untyped nil in " + context);
                lhs->type = ctx.invalid();
                x.mode = Mode::Invalid;
                return;
            }
            t = defaultType(ctx, t);
        }
        lhs->type = t;
    }
    assignment(x, lhs->type, context);
}

void Checker::assignError(const std::vector<Expr*>& rhs, size_t l, size_t r, Pos at) {
    (void)at;
    std::string vars = measure(l, "variable");
    std::string vals = measure(r, "value");
    Expr* rhs0 = rhs[0];
    if (rhs.size() == 1) {
        if (auto* call = as<CallExpr>(unparen(rhs0))) {
            error(rhs0,
                  "assignment mismatch: " + vars + " but " + exprString(call->fun) + " returns " + vals);
            return;
        }
    }
    error(rhs0, "assignment mismatch: " + vars + " but " + vals);
}

namespace {
std::string summary(Checker& c, const std::vector<Type*>& list) {
    std::string r = "(";
    for (size_t i = 0; i < list.size(); i++) {
        if (i > 0) r += ", ";
        Type* t = list[i];
        if (t == nullptr || isInvalid(t))
            r += "unknown type";
        else if (isUntyped(t)) {
            if (isNumeric(t))
                r += "number";
            else {
                std::string n = t->as<Basic>()->name;
                r += n.substr(n.rfind(' ') + 1);
            }
        } else
            r += c.ts(t);
    }
    return r + ")";
}
} // namespace

void Checker::returnError(Pos at, const std::vector<Expr*>& rhs, const std::vector<Operand>& xs) {
    size_t l = fn->results.size(), r = xs.size();
    std::string q = "not enough";
    if (r > l) {
        at = xs[l].expr != nullptr ? xs[l].expr->pos : at;
        q = "too many";
    } else if (r > 0) {
        at = xs[r - 1].expr != nullptr ? xs[r - 1].expr->pos : at;
    }
    (void)rhs;
    std::vector<Type*> have, want;
    for (const Operand& x : xs)
        have.push_back(x.isNil() ? ctx.basic(Kind::UntypedNil) : x.type);
    for (Var* v : fn->results)
        want.push_back(v->type);
    error(at, q + " return values\n\thave " + summary(*this, have) + "\n\twant " + summary(*this, want));
}

// Go's initVars: lhs = rhs for declarations (var, :=) and returns (returnPos valid).
void Checker::initVars(const std::vector<Var*>& lhs, const std::vector<Expr*>& rhs, Pos returnPos) {
    bool isReturn = returnPos.valid();
    std::string context = isReturn ? "return statement" : "assignment";
    size_t l = lhs.size(), r = rhs.size();
    bool isCall = r == 1 && isa<CallExpr>(unparen(rhs[0]));
    if (l == r && !isCall) {
        for (size_t i = 0; i < l; i++) {
            Operand x;
            exprWithHint(x, rhs[i], lhs[i]->type);
            initVar(lhs[i], x, context);
        }
        return;
    }
    if (r != 1) {
        std::vector<Operand> xs;
        bool ok = true;
        for (Expr* e : rhs) {
            Operand x;
            expr(x, e);
            if (x.invalid()) ok = false;
            xs.push_back(x);
        }
        if (isReturn)
            returnError(returnPos, rhs, xs);
        else if (ok)
            assignError(rhs, l, r, rhs[0]->pos);
        for (Var* v : lhs)
            if (v->type == nullptr) v->type = ctx.invalid();
        return;
    }
    std::vector<Operand> xs;
    multiExpr(xs, rhs[0]);
    bool commaOk = false;
    if (l == 2 && !isReturn && xs.size() == 1 && !xs[0].invalid()) {
        Expr* e = unparen(rhs[0]);
        bool isMapIndex = xs[0].mode == Mode::MapIndex;
        bool isAssert = isa<TypeAssertExpr>(e);
        bool isRecv = isa<UnaryExpr>(e) && cast<UnaryExpr>(e)->op == syntax::Tok::Arrow;
        if (isMapIndex || isAssert || isRecv) {
            commaOk = true;
            Operand ok;
            ok.mode = Mode::Value;
            ok.expr = rhs[0];
            ok.type = ctx.basic(Kind::UntypedBool);
            xs.push_back(ok);
        }
    }
    if (l == xs.size()) {
        for (size_t i = 0; i < l; i++) {
            if (commaOk && i == 1) {
                Operand ok = xs[1];
                ok.expr = nullptr; // don't retype the expression itself
                initVar(lhs[i], ok, context);
                continue;
            }
            initVar(lhs[i], xs[i], context);
        }
        if (commaOk) {
            rhs[0]->mode = static_cast<uint8_t>(Mode::CommaOK);
            unparen(rhs[0])->mode = static_cast<uint8_t>(Mode::CommaOK);
        }
        return;
    }
    if (!xs[0].invalid()) {
        if (isReturn)
            returnError(returnPos, rhs, xs);
        else
            assignError(rhs, l, xs.size(), rhs[0]->pos);
    }
    for (Var* v : lhs)
        if (v->type == nullptr) v->type = ctx.invalid();
}

void Checker::markReassigned(Expr* lhs) {
    if (auto* id = as<Ident>(unparen(lhs)))
        if (id->obj != nullptr)
            if (auto* v = id->obj->as<Var>()) v->reassigned = true;
}

// The type of an assignment target; nullptr for _. Assigning is not a use.
Type* Checker::lhsVar(Expr* lhs) {
    auto* id = as<Ident>(unparen(lhs));
    if (id != nullptr && id->name == "_") {
        id->obj = nullptr;
        return nullptr;
    }
    Var* v = nullptr;
    bool wasUsed = false;
    if (id != nullptr) {
        if (Object* obj = lookup(id->name))
            if (auto* w = obj->as<Var>(); w != nullptr && w->pkg == pkg) {
                v = w;
                wasUsed = v->used;
            }
    }
    Operand x;
    expr(x, lhs);
    if (v != nullptr) v->used = wasUsed;
    if (x.invalid()) return ctx.invalid();
    switch (x.mode) {
    case Mode::Variable:
    case Mode::MapIndex: break;
    default:
        if (auto* sel = as<SelectorExpr>(unparen(x.expr))) {
            Expr* base = unparen(sel->x);
            if (base->mode == static_cast<uint8_t>(Mode::MapIndex)) {
                error(x.expr, "cannot assign to struct field " + exprString(x.expr) + " in map");
                return ctx.invalid();
            }
        }
        error(x.expr,
              "cannot assign to " + exprString(x.expr) + " (neither addressable nor a map index expression)");
        return ctx.invalid();
    }
    markReassigned(lhs);
    return x.type;
}

// lhs = x (x evaluated already) or lhs = rhsExpr.
Type* Checker::assignVar(Expr* lhs, Operand* x, Expr* rhsExpr) {
    Type* T = lhsVar(lhs);
    if (T != nullptr && isInvalid(T)) {
        if (x != nullptr)
            x->mode = Mode::Invalid;
        else if (rhsExpr != nullptr)
            useExprs({rhsExpr});
        return T;
    }
    Operand tmp;
    if (x == nullptr) {
        exprWithHint(tmp, rhsExpr, T);
        x = &tmp;
    }
    assignment(*x, T, T == nullptr ? "assignment to _ identifier" : "assignment");
    return T;
}

void Checker::assignVars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs) {
    size_t l = lhs.size(), r = rhs.size();
    bool isCall = r == 1 && isa<CallExpr>(unparen(rhs[0]));
    if (l == r && !isCall) {
        for (size_t i = 0; i < l; i++)
            assignVar(lhs[i], nullptr, rhs[i]);
        return;
    }
    if (r != 1) {
        bool ok = true;
        for (Expr* e : lhs)
            if (Type* t = lhsVar(e); t != nullptr && isInvalid(t)) ok = false;
        std::vector<Operand> xs;
        for (Expr* e : rhs) {
            Operand x;
            expr(x, e);
            if (x.invalid()) ok = false;
        }
        if (ok) assignError(rhs, l, r, rhs[0]->pos);
        return;
    }
    std::vector<Operand> xs;
    multiExpr(xs, rhs[0]);
    bool commaOk = false;
    if (l == 2 && xs.size() == 1 && !xs[0].invalid()) {
        Expr* e = unparen(rhs[0]);
        if (xs[0].mode == Mode::MapIndex || isa<TypeAssertExpr>(e) ||
            (isa<UnaryExpr>(e) && cast<UnaryExpr>(e)->op == syntax::Tok::Arrow)) {
            commaOk = true;
            Operand ok;
            ok.mode = Mode::Value;
            ok.type = ctx.basic(Kind::UntypedBool);
            xs.push_back(ok);
        }
    }
    if (l == xs.size()) {
        for (size_t i = 0; i < l; i++)
            assignVar(lhs[i], &xs[i], nullptr);
        if (commaOk) {
            rhs[0]->mode = static_cast<uint8_t>(Mode::CommaOK);
            unparen(rhs[0])->mode = static_cast<uint8_t>(Mode::CommaOK);
        }
        return;
    }
    for (Expr* e : lhs)
        lhsVar(e);
    if (!xs[0].invalid()) assignError(rhs, l, xs.size(), rhs[0]->pos);
}

void Checker::shortVarDecl(AssignStmt* s) {
    std::vector<Var*> lhsVars(s->lhs.size(), nullptr);
    std::vector<std::pair<Var*, Ident*>> newVars;
    std::set<std::string> seen;
    bool hasErr = false;
    for (size_t i = 0; i < s->lhs.size(); i++) {
        Expr* lhs = s->lhs[i];
        auto* id = as<Ident>(lhs);
        if (id == nullptr) {
            useExprs({lhs});
            error(lhs, "non-name " + exprString(lhs) + " on left side of :=");
            hasErr = true;
            continue;
        }
        const std::string& name = id->name;
        if (name != "_") {
            if (seen.count(name)) {
                error(lhs, name + " repeated on left side of :=");
                hasErr = true;
                continue;
            }
            seen.insert(name);
        }
        if (Object* alt = scope->lookup(name)) {
            id->obj = alt;
            if (auto* v = alt->as<Var>()) {
                lhsVars[i] = v;
                v->reassigned = true;
            } else {
                error(lhs, "cannot assign to " + exprString(lhs));
                hasErr = true;
            }
            continue;
        }
        auto* v = ctx.make<Var>(name, nullptr, pkg, id->pos);
        v->owner = fn != nullptr ? fn->node : nullptr;
        lhsVars[i] = v;
        id->obj = v;
        id->isNewDef = true;
        if (name != "_") newVars.emplace_back(v, id);
    }
    for (size_t i = 0; i < lhsVars.size(); i++)
        if (lhsVars[i] == nullptr) lhsVars[i] = ctx.make<Var>("_", nullptr, pkg, s->lhs[i]->pos);
    initVars(lhsVars, s->rhs, Pos{});
    for (size_t i = 0; i < s->lhs.size(); i++) {
        s->lhs[i]->type = lhsVars[i]->type;
        s->lhs[i]->mode = static_cast<uint8_t>(Mode::Variable);
    }
    if (newVars.empty() && !hasErr) {
        error(s->tokPos.valid() ? s->tokPos : s->pos, "no new variables on left side of :=");
        return;
    }
    bool packageLevel = scope == pkg->scope;
    for (auto& [v, id] : newVars) {
        if (packageLevel) {
            v->isPackageLevel = true;
            v->owner = nullptr;
            v->used = true;
            info->globals.push_back(v);
        }
        declare(scope, nullptr, v);
        id->obj = v;
    }
}

} // namespace gol::types
