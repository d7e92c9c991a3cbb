// Type expressions: names, pointers, arrays, slices, maps, channels, functions,
// structs and interfaces (Go's typexpr.go, struct.go, interface.go, signature.go).
#include "compiler/types/checker.hpp"

#include <algorithm>

namespace gol::types {

using namespace ast;

// Evaluates e as a type; reports "x is not a type". Never returns nullptr.
Type* Checker::typExpr(Expr* e, Named* def) {
    Type* t = definedType(e, def);
    return t;
}

Type* Checker::definedType(Expr* e, Named* def) {
    auto finish = [&](Type* t) {
        e->type = t;
        e->mode = static_cast<uint8_t>(Mode::TypeExpr);
        return t;
    };
    switch (e->kind) {
    case ast::Kind::BadExpr: return finish(ctx.invalid());
    case ast::Kind::Ident:
    case ast::Kind::SelectorExpr: {
        Operand x;
        if (auto* id = as<Ident>(e))
            ident(x, id, def, true);
        else
            selector(x, cast<SelectorExpr>(e), true);
        switch (x.mode) {
        case Mode::TypeExpr: return finish(x.type);
        case Mode::Invalid: return finish(ctx.invalid());
        case Mode::NoValue: error(e, exprString(e) + " used as type"); return finish(ctx.invalid());
        default: error(e, exprString(e) + " is not a type"); return finish(ctx.invalid());
        }
    }
    case ast::Kind::ParenExpr: return finish(definedType(cast<ParenExpr>(e)->x, def));
    case ast::Kind::ArrayType: {
        auto* a = cast<ArrayType>(e);
        if (a->len == nullptr) return finish(ctx.slice(typExpr(a->elem)));
        if (isa<Ellipsis>(a->len)) {
            error(a->len, "invalid use of [...] array (outside a composite literal)");
            typExpr(a->elem);
            return finish(ctx.invalid());
        }
        int64_t n = arrayLength(a->len);
        Type* elem = typExpr(a->elem);
        if (n < 0) return finish(ctx.invalid());
        return finish(ctx.array(elem, n));
    }
    case ast::Kind::Ellipsis: error(e, "invalid use of ..."); return finish(ctx.invalid());
    case ast::Kind::StructType: return finish(structType(cast<StructType>(e)));
    case ast::Kind::StarExpr: return finish(ctx.pointer(typExpr(cast<StarExpr>(e)->x)));
    case ast::Kind::FuncType: {
        Scope* saved = scope;
        openScope(); // parameter names of a func type are not visible anywhere
        Signature* sig = funcType(cast<FuncType>(e), nullptr, nullptr, nullptr, nullptr, nullptr);
        scope = saved;
        return finish(sig);
    }
    case ast::Kind::InterfaceType: return finish(interfaceType(cast<InterfaceType>(e), def));
    case ast::Kind::MapType: {
        auto* m = cast<MapType>(e);
        Type* k = typExpr(m->key);
        Type* v = typExpr(m->value);
        Expr* keyExpr = m->key;
        // The key type may be a type whose underlying type is not known yet
        // (type T map[T]int is invalid, but type T struct{ m map[U]int } with U
        // declared later is fine): check comparability once everything is declared.
        auto check = [this, k, keyExpr]() {
            if (!isInvalid(under(k)) && !comparable(k)) error(keyExpr, "invalid map key type " + ts(k));
        };
        if (k->is<Named>() && isInvalid(under(k)))
            delayed.push_back(check);
        else
            check();
        return finish(ctx.map(k, v));
    }
    case ast::Kind::ChanType: {
        auto* c = cast<ChanType>(e);
        ChanDir d = c->dir == ast::ChanDir::Send   ? ChanDir::Send
                    : c->dir == ast::ChanDir::Recv ? ChanDir::Recv
                                                   : ChanDir::Both;
        return finish(ctx.chan(d, typExpr(c->value)));
    }
    default: error(e, exprString(e) + " is not a type"); return finish(ctx.invalid());
    }
}

int64_t Checker::arrayLength(Expr* e) {
    Operand x;
    expr(x, e);
    if (x.invalid()) return -1;
    if (x.mode != Mode::Constant) {
        if (auto* id = as<Ident>(unparen(e)); id != nullptr && x.mode != Mode::Invalid)
            error(e, "invalid array length " + id->name);
        else
            error(e, "array length " + opString(x) + " must be constant");
        return -1;
    }
    if (isUntyped(x.type) || isInteger(x.type)) {
        Constant v = toInt(x.val);
        if (v.kind == Constant::Kind::Int) {
            int64_t n = 0;
            if (v.toInt64(&n) && n >= 0) return n;
            error(e, "invalid array length " + exprString(e));
            return -1;
        }
    }
    if (isInteger(x.type) || isUntyped(x.type))
        error(e, "array length " + opString(x) + " must be integer");
    else
        error(e, "array length " + opString(x) + " must be integer");
    return -1;
}

// Declares the parameters in s (when not null) and returns the signature.
Signature* Checker::funcType(FuncType* ft, FieldList* recv, Scope* s, std::vector<Var*>* params,
                             std::vector<Var*>* results, Var** recvVar) {
    auto collect = [&](FieldList* list, bool isResult, std::vector<Var*>* out, bool* variadic) {
        std::vector<Type*> types;
        if (list == nullptr) return types;
        for (size_t fi = 0; fi < list->list.size(); fi++) {
            ast::Field* f = list->list[fi];
            Expr* te = f->type;
            bool dots = false;
            if (auto* el = as<Ellipsis>(te)) {
                if (isResult || fi + 1 != list->list.size() || f->names.size() > 1) {
                    error(te, "can only use ... with final parameter in list");
                } else {
                    dots = true;
                }
                te = el->elt;
            }
            Type* t = typExpr(te);
            if (dots) {
                t = ctx.slice(t);
                te->type = t;
                *variadic = true;
            }
            auto add = [&](Ident* id, Pos pos) {
                std::string name = id != nullptr ? id->name : "";
                auto* v = ctx.make<Var>(name, t, pkg, pos);
                v->isParam = !isResult;
                v->isResult = isResult;
                v->used = true;
                if (id != nullptr && s != nullptr)
                    declare(s, id, v);
                else if (id != nullptr)
                    id->obj = v;
                if (out != nullptr) out->push_back(v);
                types.push_back(t);
            };
            if (f->names.empty()) add(nullptr, f->pos);
            for (Ident* id : f->names)
                add(id, id->pos);
        }
        return types;
    };
    if (recv != nullptr && recvVar != nullptr) {
        bool dummy = false;
        std::vector<Var*> rv;
        collect(recv, false, &rv, &dummy);
        *recvVar = rv.empty() ? nullptr : rv[0];
    }
    bool variadic = false;
    std::vector<Type*> p = collect(ft->params, false, params, &variadic);
    bool dummy = false;
    std::vector<Type*> r = collect(ft->results, true, results, &dummy);
    Signature* sig = ctx.signature(ctx.tuple(p), ctx.tuple(r), variadic);
    ft->type = sig;
    ft->mode = static_cast<uint8_t>(Mode::TypeExpr);
    return sig;
}

Type* Checker::structType(StructType* st) {
    std::vector<FieldSpec> fields;
    std::unordered_map<std::string, Pos> seen;
    auto add = [&](const std::string& name, Type* t, bool embedded, const std::string& tag, Pos pos,
                   Ident* id) {
        if (name != "_") {
            auto [it, ok] = seen.emplace(name, pos);
            if (!ok) {
                error(pos, name + " redeclared\n\t" + formatPos(fileName, it->second) +
                               ": other declaration of " + name);
                return;
            }
        }
        fields.push_back(FieldSpec{name, t, embedded, tag, pos, pkg});
        (void)id;
    };
    for (ast::Field* f : st->fields) {
        Type* t = typExpr(f->type);
        std::string tag = f->tag != nullptr ? f->tag->value : "";
        if (f->names.empty()) {
            // Embedded field: T, *T, pkg.T or *pkg.T.
            Expr* te = unparen(f->type);
            bool ptr = false;
            if (auto* star = as<StarExpr>(te)) {
                te = unparen(star->x);
                ptr = true;
            }
            std::string name;
            if (auto* id = as<Ident>(te))
                name = id->name;
            else if (auto* sel = as<SelectorExpr>(te))
                name = sel->sel->name;
            else {
                error(f->type, "embedded field type must be a type name");
                continue;
            }
            Type* base = ptr ? t->as<Pointer>() ? t->as<Pointer>()->elem : t : t;
            if (!isInvalid(t)) {
                Type* u = under(base);
                if (ptr && isInterface(base)) {
                    error(f->type, "embedded field type cannot be a pointer to an interface");
                } else if (u != nullptr && u->kind == Kind::Pointer) {
                    error(f->type, "embedded field type cannot be a pointer");
                }
            }
            add(name, t, true, tag, f->type->pos, nullptr);
            continue;
        }
        for (Ident* id : f->names)
            add(id->name, t, false, tag, id->pos, id);
    }
    Struct* s = ctx.structType(fields);
    // Field idents resolve to the (interned) struct's field objects.
    size_t k = 0;
    for (ast::Field* f : st->fields) {
        for (Ident* id : f->names) {
            for (; k < s->fields.size(); k++)
                if (s->fields[k]->name == id->name) {
                    id->obj = s->fields[k];
                    break;
                }
        }
    }
    return s;
}

Type* Checker::interfaceType(InterfaceType* it, Named* def) {
    std::vector<Func*> methods;
    std::unordered_map<std::string, Pos> seen;
    for (ast::Field* m : it->methods) {
        if (m->names.empty()) continue;
        Ident* id = m->names[0];
        auto* ft = as<FuncType>(m->type);
        if (ft == nullptr) continue;
        Scope* saved = scope;
        openScope();
        Signature* sig = funcType(ft, nullptr, nullptr, nullptr, nullptr, nullptr);
        scope = saved;
        if (id->name == "_") {
            error(id, "methods must have a unique non-blank name");
            continue;
        }
        auto* f = ctx.make<Func>(id->name, sig, pkg, id->pos);
        id->obj = f;
        auto [pos, ok] = seen.emplace(id->name, id->pos);
        if (!ok) {
            error(id, "duplicate method " + id->name + "\n\t" + formatPos(fileName, pos->second) +
                          ": other declaration of method " + id->name);
            continue;
        }
        methods.push_back(f);
    }
    for (Expr* em : it->embeddeds) {
        Type* t = typExpr(em);
        if (isInvalid(t)) continue;
        if (t->is<Named>() && isInvalid(under(t))) {
            // Embedding an interface whose declaration is in progress: a cycle.
            error(em, "invalid recursive type " + ts(t));
            continue;
        }
        auto* ei = under(t)->as<Interface>();
        if (ei == nullptr) {
            error(em, "cannot use " + ts(t) + " in interface (not an interface)");
            continue;
        }
        for (Func* f : ei->methods) {
            auto [pos, ok] = seen.emplace(f->name, em->pos);
            if (!ok) {
                // Identical duplicates through embedding are allowed (Go 1.14).
                bool same = false;
                for (Func* g : methods)
                    if (g->name == f->name && identical(g->type, f->type)) same = true;
                if (!same) error(em, "duplicate method " + f->name);
                continue;
            }
            methods.push_back(f);
        }
    }
    (void)def;
    return ctx.interfaceType(methods);
}

// Reports invalid recursive types: a named type containing itself without
// indirection (type T struct{ x T }, type A [2]A).
void Checker::validType(Named* n) {
    std::vector<Named*> path;
    std::function<bool(Type*)> visit = [&](Type* t) -> bool {
        switch (t->kind) {
        case Kind::Array: return visit(t->as<Array>()->elem);
        case Kind::Struct:
            for (Var* f : t->as<Struct>()->fields)
                if (!visit(f->type)) return false;
            return true;
        case Kind::Named: {
            auto* nn = t->as<Named>();
            for (size_t i = 0; i < path.size(); i++) {
                if (path[i] == nn) {
                    if (nn == n) {
                        std::string msg = "invalid recursive type " + nn->obj->name;
                        std::string cyc;
                        for (size_t j = i; j < path.size(); j++)
                            cyc += "\n\t" + formatPos(fileName, path[j]->obj->pos) + ": " +
                                   path[j]->obj->name + " refers to";
                        msg += cyc + "\n\t" + formatPos(fileName, nn->obj->pos) + ": " + nn->obj->name;
                        if (path.size() - i > 1)
                            error(nn->obj->pos, msg);
                        else
                            error(nn->obj->pos,
                                  "invalid recursive type: " + nn->obj->name + " refers to itself");
                    }
                    return false;
                }
            }
            if (nn->obj->pkg != pkg || nn->underlying == nullptr) return true;
            path.push_back(nn);
            bool ok = visit(nn->underlying);
            path.pop_back();
            return ok;
        }
        default: return true;
        }
    };
    if (!visit(n)) n->underlying = ctx.invalid();
}

} // namespace gol::types
