// gc's evaluation order of calls against other operands: see CallHoist in funcgen.hpp.
#include "compiler/codegen/funcgen.hpp"

namespace gol::codegen {

using syntax::Tok;

namespace {

bool isCallKind(const ast::CallExpr* c, types::CallKind k) {
    return c->callKind == uint8_t(k);
}

// Whether evaluating e runs a call or a receive (what gc orders first). Function literals are
// not entered (their bodies run later), composite literals are evaluated in place.
bool hasCall(ast::Expr* e) {
    if (e == nullptr || (e->constant && e->mode == uint8_t(types::Mode::Constant))) return false;
    switch (e->kind) {
    case ast::Kind::ParenExpr: return hasCall(ast::cast<ast::ParenExpr>(e)->x);
    case ast::Kind::CallExpr: {
        auto* c = ast::cast<ast::CallExpr>(e);
        if (!isCallKind(c, types::CallKind::Conversion) && !isCallKind(c, types::CallKind::Builtin))
            return true;
        for (auto* a : c->args)
            if (hasCall(a)) return true;
        return false;
    }
    case ast::Kind::UnaryExpr: {
        auto* u = ast::cast<ast::UnaryExpr>(e);
        return u->op == Tok::Arrow || hasCall(u->x);
    }
    case ast::Kind::BinaryExpr: {
        auto* b = ast::cast<ast::BinaryExpr>(e);
        return hasCall(b->x) || hasCall(b->y);
    }
    case ast::Kind::SelectorExpr: return hasCall(ast::cast<ast::SelectorExpr>(e)->x);
    case ast::Kind::IndexExpr: {
        auto* i = ast::cast<ast::IndexExpr>(e);
        return hasCall(i->x) || hasCall(i->index);
    }
    case ast::Kind::SliceExpr: {
        auto* s = ast::cast<ast::SliceExpr>(e);
        return hasCall(s->x) || hasCall(s->low) || hasCall(s->high) || hasCall(s->max);
    }
    case ast::Kind::StarExpr: return hasCall(ast::cast<ast::StarExpr>(e)->x);
    case ast::Kind::TypeAssertExpr: return hasCall(ast::cast<ast::TypeAssertExpr>(e)->x);
    case ast::Kind::KeyValueExpr: {
        auto* kv = ast::cast<ast::KeyValueExpr>(e);
        return hasCall(kv->key) || hasCall(kv->value);
    }
    default: return false;
    }
}

} // namespace

// Whether evaluating e reads memory a call could change, outside the calls themselves (whose
// arguments are read when the call is made, as in gc): anything but constants, register
// locals, function literals and calls.
bool FuncGen::readsMemory(ast::Expr* e) {
    if (e == nullptr || (e->constant && e->mode == uint8_t(types::Mode::Constant))) return false;
    switch (e->kind) {
    case ast::Kind::ParenExpr: return readsMemory(ast::cast<ast::ParenExpr>(e)->x);
    case ast::Kind::BasicLit:
    case ast::Kind::FuncLit: return false;
    case ast::Kind::Ident: {
        auto* id = ast::cast<ast::Ident>(e);
        if (!id->obj || id->obj->kind != types::ObjKind::Var) return false;
        auto* v = id->obj->as<types::Var>();
        if (v->isField) return false; // a field name as a struct literal's key
        return lookupVar(v).kind != VarLoc::Reg;
    }
    case ast::Kind::CallExpr: {
        auto* c = ast::cast<ast::CallExpr>(e);
        if (!isCallKind(c, types::CallKind::Conversion) && !isCallKind(c, types::CallKind::Builtin))
            return false;
        for (auto* a : c->args)
            if (readsMemory(a)) return true;
        return false;
    }
    case ast::Kind::UnaryExpr: {
        auto* u = ast::cast<ast::UnaryExpr>(e);
        return u->op != Tok::Arrow && readsMemory(u->x);
    }
    case ast::Kind::BinaryExpr: {
        auto* b = ast::cast<ast::BinaryExpr>(e);
        return readsMemory(b->x) || readsMemory(b->y);
    }
    case ast::Kind::SelectorExpr: {
        auto* sel = ast::cast<ast::SelectorExpr>(e);
        return !sel->pkgObj || sel->pkgObj->kind == types::ObjKind::Var; // pkg.F is no read
    }
    case ast::Kind::KeyValueExpr: {
        auto* kv = ast::cast<ast::KeyValueExpr>(e);
        return readsMemory(kv->key) || readsMemory(kv->value);
    }
    default: return true; // fields, elements, dereferences, composite literals: conservatively
    }
}

CallHoist::~CallHoist() {
    for (const ast::Expr* e : added_)
        g_.hoisted_.erase(e);
}

void CallHoist::operands(ast::Expr* left, ast::Expr* right) {
    if (!hasCall(right) || !g_.readsMemory(left)) return;
    hoist(left);
    hoist(right);
}

void CallHoist::operands(const std::vector<ast::Expr*>& targets, const std::vector<ast::Expr*>& values) {
    bool calls = false, reads = false;
    for (auto* v : values) {
        calls = calls || hasCall(v);
        reads = reads || g_.readsMemory(v);
    }
    for (auto* t : targets) {
        calls = calls || hasCall(t);
        reads = reads || g_.readsMemory(t);
    }
    if (!calls || !reads) return;
    for (auto* t : targets)
        hoist(t);
    if (values.size() == 1 && targets.size() > 1) {
        // One value for several targets: a call's results or a comma-ok form (v, ok = <-ch,
        // m[k], x.(T)). The value itself is made by the assignment; only what runs inside it
        // is hoisted.
        inside(values[0]);
        return;
    }
    for (auto* v : values)
        hoist(v);
}

void CallHoist::inside(ast::Expr* e) {
    while (auto* p = ast::as<ast::ParenExpr>(e))
        e = p->x;
    if (auto* c = ast::as<ast::CallExpr>(e)) {
        for (auto* a : c->args)
            hoist(a);
        return;
    }
    if (auto* u = ast::as<ast::UnaryExpr>(e); u && u->op == Tok::Arrow) {
        hoist(u->x);
        return;
    }
    hoist(e);
}

void CallHoist::evaluate(ast::Expr* e) {
    if (g_.hoisted_.count(e)) return;
    int r = g_.expr(e, -1);
    g_.hoisted_[e] = r;
    added_.push_back(e);
}

// Evaluates the calls under e, in the order expr() would reach them.
void CallHoist::hoist(ast::Expr* e) {
    if (e == nullptr || (e->constant && e->mode == uint8_t(types::Mode::Constant))) return;
    switch (e->kind) {
    case ast::Kind::ParenExpr: hoist(ast::cast<ast::ParenExpr>(e)->x); return;
    case ast::Kind::CallExpr: {
        auto* c = ast::cast<ast::CallExpr>(e);
        if (isCallKind(c, types::CallKind::Conversion) || isCallKind(c, types::CallKind::Builtin)) {
            for (auto* a : c->args)
                hoist(a);
            return;
        }
        if (e->type && !e->type->as<types::Tuple>()) evaluate(e);
        return;
    }
    case ast::Kind::UnaryExpr: {
        auto* u = ast::cast<ast::UnaryExpr>(e);
        if (u->op == Tok::Arrow)
            evaluate(e);
        else
            hoist(u->x);
        return;
    }
    case ast::Kind::BinaryExpr: {
        auto* b = ast::cast<ast::BinaryExpr>(e);
        // The right operand of && and || runs only on demand: the whole operation is one unit.
        if (b->op == Tok::LAnd || b->op == Tok::LOr) {
            if (hasCall(b)) evaluate(e);
            return;
        }
        hoist(b->x);
        hoist(b->y);
        return;
    }
    case ast::Kind::SelectorExpr: hoist(ast::cast<ast::SelectorExpr>(e)->x); return;
    case ast::Kind::IndexExpr: {
        auto* i = ast::cast<ast::IndexExpr>(e);
        hoist(i->x);
        hoist(i->index);
        return;
    }
    case ast::Kind::SliceExpr: {
        auto* s = ast::cast<ast::SliceExpr>(e);
        hoist(s->x);
        hoist(s->low);
        hoist(s->high);
        hoist(s->max);
        return;
    }
    case ast::Kind::StarExpr: hoist(ast::cast<ast::StarExpr>(e)->x); return;
    case ast::Kind::TypeAssertExpr: hoist(ast::cast<ast::TypeAssertExpr>(e)->x); return;
    case ast::Kind::KeyValueExpr: {
        auto* kv = ast::cast<ast::KeyValueExpr>(e);
        hoist(kv->key);
        hoist(kv->value);
        return;
    }
    default: return;
    }
}

} // namespace gol::codegen
