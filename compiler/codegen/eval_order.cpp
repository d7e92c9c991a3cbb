// gc's evaluation order of calls against other operands: see CallHoist in funcgen.hpp.
#include "compiler/codegen/funcgen.hpp"
#include "compiler/codegen/gc_layout.hpp"
#include "compiler/types/checker.hpp"

namespace gol::codegen {

using syntax::Tok;
using types::unparen;

namespace {

bool isCallKind(const ast::CallExpr* c, types::CallKind k) {
    return c->callKind == uint8_t(k);
}

// A call that runs code: not a conversion, not a builtin (whose operands are the statement's).
bool runsCall(const ast::CallExpr* c) {
    return !isCallKind(c, types::CallKind::Conversion) && !isCallKind(c, types::CallKind::Builtin);
}

// Nothing to evaluate: an absent operand or a constant.
bool inert(const ast::Expr* e) {
    return e == nullptr || (e->constant && e->mode == uint8_t(types::Mode::Constant));
}

types::Map* mapLiteral(ast::Expr* e);

// Calls f on each operand evaluated as part of e, left to right: not the function of a call (the
// walks below stop at calls that run code), not a function literal's body (it runs later), not
// a composite literal's elements (evaluated in place).
template <class F> void forEachOperand(ast::Expr* e, F&& f) {
    auto visit = [&](ast::Expr* x) {
        if (x != nullptr) f(x);
    };
    switch (e->kind) {
    case ast::Kind::ParenExpr: visit(ast::cast<ast::ParenExpr>(e)->x); return;
    case ast::Kind::CallExpr:
        for (auto* a : ast::cast<ast::CallExpr>(e)->args)
            visit(a);
        return;
    case ast::Kind::UnaryExpr: visit(ast::cast<ast::UnaryExpr>(e)->x); return;
    case ast::Kind::BinaryExpr: {
        auto* b = ast::cast<ast::BinaryExpr>(e);
        visit(b->x);
        visit(b->y);
        return;
    }
    case ast::Kind::SelectorExpr: visit(ast::cast<ast::SelectorExpr>(e)->x); return;
    case ast::Kind::IndexExpr: {
        auto* i = ast::cast<ast::IndexExpr>(e);
        visit(i->x);
        visit(i->index);
        return;
    }
    case ast::Kind::SliceExpr: {
        auto* s = ast::cast<ast::SliceExpr>(e);
        visit(s->x);
        visit(s->low);
        visit(s->high);
        visit(s->max);
        return;
    }
    case ast::Kind::StarExpr: visit(ast::cast<ast::StarExpr>(e)->x); return;
    case ast::Kind::TypeAssertExpr: visit(ast::cast<ast::TypeAssertExpr>(e)->x); return;
    case ast::Kind::KeyValueExpr: {
        auto* kv = ast::cast<ast::KeyValueExpr>(e);
        visit(kv->key);
        visit(kv->value);
        return;
    }
    case ast::Kind::CompositeLit:
        // A slice, array or struct literal's elements join the expression's order (gc builds it
        // after the calls); a map literal is one unit, see CallHoist::hoist.
        if (!mapLiteral(e))
            for (auto* x : ast::cast<ast::CompositeLit>(e)->elts)
                visit(x);
        return;
    default: return;
    }
}

template <class P> bool anyOperand(ast::Expr* e, P&& pred) {
    bool found = false;
    forEachOperand(e, [&](ast::Expr* x) { found = found || pred(x); });
    return found;
}

// Whether e is a builtin call, conversion or slice expression that gc evaluates into a temporary
// where it stands among the calls (walk/order.go's copyExpr of OLEN, OAPPEND, OSLICE, ...): in
// `fmt.Println(len(s), f())` the length is taken before f runs, unlike a plain read of s.
bool isOrderedUnit(ast::Expr* e) {
    if (ast::isa<ast::SliceExpr>(e)) return true;
    auto* c = ast::as<ast::CallExpr>(e);
    if (c == nullptr) return false;
    if (isCallKind(c, types::CallKind::Conversion)) // []byte(s), []rune(s)
        return c->args.size() == 1 && types::under(c->type)->as<types::Slice>() &&
               types::isString(c->args[0]->type);
    if (!isCallKind(c, types::CallKind::Builtin)) return false;
    auto* id = ast::as<ast::Ident>(unparen(c->fun));
    auto* b = id && id->obj ? id->obj->as<types::Builtin>() : nullptr;
    if (b == nullptr) return false;
    switch (b->id) {
    case types::BuiltinId::Append:
    case types::BuiltinId::Cap:
    case types::BuiltinId::Copy:
    case types::BuiltinId::Len:
    case types::BuiltinId::Make:
    case types::BuiltinId::New:
    case types::BuiltinId::Recover: return true;
    default: return false;
    }
}

// A target that gc's order pass sees as a name (ONAME): a value assigned to it is not put in a
// temporary first, so its operands join the statement's (`s = append(s, f())` reads s after f).
bool isName(ast::Expr* e) {
    e = unparen(e);
    if (ast::isa<ast::Ident>(e)) return true;
    auto* sel = ast::as<ast::SelectorExpr>(e);
    return sel && sel->pkgObj;
}

bool addressable(ast::Expr* e) {
    e = unparen(e);
    switch (e->kind) {
    case ast::Kind::Ident: {
        auto* id = ast::cast<ast::Ident>(e);
        return id->obj && id->obj->kind == types::ObjKind::Var;
    }
    case ast::Kind::StarExpr: return true;
    case ast::Kind::IndexExpr: {
        auto* ix = ast::cast<ast::IndexExpr>(e);
        types::Type* xt = types::under(ix->x->type);
        if (xt->as<types::Slice>() || xt->as<types::Pointer>()) return true;
        return xt->as<types::Array>() && addressable(ix->x);
    }
    case ast::Kind::SelectorExpr: {
        auto* sel = ast::cast<ast::SelectorExpr>(e);
        if (sel->pkgObj) return sel->pkgObj->kind == types::ObjKind::Var;
        if (!sel->selection || sel->selection->kind != types::SelectionKind::FieldVal) return false;
        return sel->selection->indirect || addressable(sel->x);
    }
    default: return false;
    }
}

// gc's isaddrokay: addressable and not a local variable (which gc copies before taking its address).
bool addressOkay(ast::Expr* e) {
    ast::Expr* x = unparen(e);
    if (auto* id = ast::as<ast::Ident>(x))
        return id->obj && id->obj->kind == types::ObjKind::Var && id->obj->as<types::Var>()->isPackageLevel;
    return addressable(x);
}

types::Map* mapLiteral(ast::Expr* e) {
    if (!ast::isa<ast::CompositeLit>(e) || !e->type) return nullptr;
    types::Type* t = types::under(e->type);
    if (auto* p = t->as<types::Pointer>()) t = types::under(p->elem);
    return t->as<types::Map>();
}

// Whether gc evaluates e, converted to an interface, where it stands among the calls: a value
// converted through its address is first copied into a temporary unless it is addressable and
// not a local variable (walk/order.go's addrTemp and isaddrokay). So `fmt.Println(g == 1, f())`
// compares before f runs, while `fmt.Println(g, f())` reads g after it.
bool boxedInPlace(ast::Expr* e, types::Type* target) {
    if (inert(e) || !target || !types::isInterface(target) || !e->type || e->type->as<types::Tuple>() ||
        types::isInterface(e->type) || !convertsByAddress(e->type))
        return false;
    return !addressOkay(e);
}

// Whether evaluating e runs a call or a receive (what gc orders first).
bool hasCall(ast::Expr* e) {
    if (inert(e)) return false;
    if (auto* c = ast::as<ast::CallExpr>(e); c && runsCall(c)) return true;
    if (auto* u = ast::as<ast::UnaryExpr>(e); u && u->op == Tok::Arrow) return true;
    return anyOperand(e, hasCall);
}

} // namespace

// Whether evaluating e reads memory a call could change, outside the calls themselves (whose
// arguments are read when the call is made, as in gc): anything but constants, register
// locals, function literals and calls.
bool FuncGen::readsMemory(ast::Expr* e) {
    if (inert(e)) return false;
    switch (e->kind) {
    case ast::Kind::BasicLit:
    case ast::Kind::FuncLit: return false;
    case ast::Kind::Ident: {
        auto* id = ast::cast<ast::Ident>(e);
        if (!id->obj || id->obj->kind != types::ObjKind::Var) return false;
        auto* v = id->obj->as<types::Var>();
        if (v->isField) return false; // a field name as a struct literal's key
        return lookupVar(v).kind != VarLoc::Reg;
    }
    case ast::Kind::CallExpr:
        if (runsCall(ast::cast<ast::CallExpr>(e))) return false;
        break;
    case ast::Kind::UnaryExpr:
        if (ast::cast<ast::UnaryExpr>(e)->op == Tok::Arrow) return false;
        break;
    case ast::Kind::SelectorExpr: {
        auto* sel = ast::cast<ast::SelectorExpr>(e);
        return !sel->pkgObj || sel->pkgObj->kind == types::ObjKind::Var; // pkg.F is no read
    }
    case ast::Kind::CompositeLit:
        if (mapLiteral(e)) return true; // conservatively
        break;                          // what its elements read
    case ast::Kind::ParenExpr:
    case ast::Kind::BinaryExpr:
    case ast::Kind::KeyValueExpr: break;
    default: return true; // fields, elements, dereferences: conservatively
    }
    return anyOperand(e, [this](ast::Expr* x) { return readsMemory(x); });
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

void CallHoist::operands(const std::vector<ast::Expr*>& targets, const std::vector<ast::Expr*>& values,
                         bool assignment, const std::vector<types::Type*>* valueTypes) {
    if (values.size() == 1 && targets.size() > 1) {
        // One value for several targets: a call's results or a comma-ok form (v, ok = <-ch, m[k],
        // x.(T)). The assignment makes the value before it reads the targets' operands (gc's
        // as2func/as2ok), so only the calls among the targets have to run ahead of it.
        for (auto* t : targets)
            hoist(t);
        return;
    }
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
    for (size_t i = 0; i < values.size(); i++) {
        // := has no targets here: every value goes to a name.
        bool toName = assignment && (targets.empty() || (i < targets.size() && isName(targets[i])));
        value(values[i], valueTypes && i < valueTypes->size() ? (*valueTypes)[i] : nullptr, toName);
    }
}

void CallHoist::mapEntry(types::Map* m, ast::Expr* key, ast::Expr* val) {
    if ((!hasCall(key) && !hasCall(val)) || (!g_.readsMemory(key) && !g_.readsMemory(val))) return;
    mapKey(m, key);
    value(val, m->elem, false);
}

// One value, converted to type `to` (null: unknown), assigned to a name or not.
void CallHoist::value(ast::Expr* v, types::Type* to, bool toName) {
    if (toName && isOrderedUnit(unparen(v)))
        forEachOperand(unparen(v), [this](ast::Expr* x) { hoist(x); });
    else if (boxedInPlace(v, to))
        unit(v);
    else
        hoist(v);
}

// A key of map m, which gc copies where it stands when it passes it by address and it is not
// addressable in place (a converted key never is).
void CallHoist::mapKey(types::Map* m, ast::Expr* key) {
    bool converted = types::isInterface(m->key) && key->type && !types::isInterface(key->type);
    MapKey passing = mapKeyPassing(m);
    if (!inert(key) &&
        (passing == MapKey::Copied || (passing == MapKey::ByAddress && (converted || !addressOkay(key)))))
        unit(key);
    else
        value(key, m->key, false);
}

void CallHoist::elements(ast::CompositeLit* e, std::vector<ast::Expr*>& vals,
                         std::vector<types::Type*>& types) {
    types::Type* u = types::under(e->type);
    if (auto* p = u->as<types::Pointer>()) u = types::under(p->elem); // elided &T in []*T{{...}}
    auto* st = u->as<types::Struct>();
    for (size_t i = 0; i < e->elts.size(); i++) {
        ast::Expr* v = e->elts[i];
        size_t field = i;
        if (auto* kv = ast::as<ast::KeyValueExpr>(v)) { // the key is a constant or a field name
            if (st) field = size_t(st->fieldIndex(ast::cast<ast::Ident>(kv->key)->name));
            v = kv->value;
        }
        vals.push_back(v);
        if (st)
            types.push_back(st->fields[field]->type);
        else if (auto* at = u->as<types::Array>())
            types.push_back(at->elem);
        else
            types.push_back(u->as<types::Slice>()->elem);
    }
}

void CallHoist::evaluate(ast::Expr* e) {
    if (g_.hoisted_.count(e)) return;
    int r = g_.expr(e, -1);
    auto* u = ast::as<ast::UnaryExpr>(unparen(e));
    if (isBoxed(e->type) && !g_.isFresh(e) && !(u && u->op == Tok::Arrow)) {
        // A struct or array read ahead is a copy: the variable's box may change before its use.
        int c = g_.alloc(RegClass::Ref);
        g_.emitABC(vm::Op::CLONE, c, r);
        r = c;
    }
    g_.hoisted_[e] = r;
    added_.push_back(e);
}

// Evaluates e where it stands: its own calls first, then it reads its other operands (gc's
// ordering of a node's operands, then copyExpr of the node). && and || stay one unit.
void CallHoist::unit(ast::Expr* e) {
    auto* b = ast::as<ast::BinaryExpr>(unparen(e));
    if (auto* cl = ast::as<ast::CompositeLit>(unparen(e)); cl && !mapLiteral(cl))
        literal(cl);
    else if (!b || (b->op != Tok::LAnd && b->op != Tok::LOr))
        forEachOperand(e, [this](ast::Expr* x) { hoist(x); });
    evaluate(e);
}

// A slice, array or struct literal: its elements, converted to the element types, in order.
void CallHoist::literal(ast::CompositeLit* e) {
    std::vector<ast::Expr*> vals;
    std::vector<types::Type*> types;
    elements(e, vals, types);
    for (size_t i = 0; i < vals.size(); i++)
        value(vals[i], types[i], false);
}

// Evaluates the calls under e, in the order expr() would reach them.
void CallHoist::hoist(ast::Expr* e) {
    if (inert(e)) return;
    if (auto* c = ast::as<ast::CallExpr>(e); c && runsCall(c)) {
        if (e->type && !e->type->as<types::Tuple>()) evaluate(e);
        return;
    }
    if (auto* u = ast::as<ast::UnaryExpr>(e); u && u->op == Tok::Arrow) {
        evaluate(e);
        return;
    }
    if (isOrderedUnit(e)) {
        unit(e);
        return;
    }
    if (auto* cl = ast::as<ast::CompositeLit>(e)) {
        if (mapLiteral(e))
            evaluate(e); // built entry by entry where it stands (CallHoist::mapEntry)
        else
            literal(cl);
        return;
    }
    if (auto* ix = ast::as<ast::IndexExpr>(e)) {
        if (auto* m = types::under(ix->x->type)->as<types::Map>()) {
            hoist(ix->x);
            mapKey(m, ix->index);
            return;
        }
    }
    // The right operand of && and || runs only on demand: the whole operation is one unit.
    if (auto* b = ast::as<ast::BinaryExpr>(e); b && (b->op == Tok::LAnd || b->op == Tok::LOr)) {
        if (hasCall(b)) evaluate(e);
        return;
    }
    forEachOperand(e, [this](ast::Expr* x) { hoist(x); });
}

} // namespace gol::codegen
