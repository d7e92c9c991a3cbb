// Package-level and local declarations: collection, order-independent
// resolution with cycle detection, const/var/type/func declarations, methods,
// function bodies and the initialization order of package variables (Go's
// resolver.go, decl.go, initorder.go).
#include "compiler/types/checker.hpp"

#include <algorithm>

namespace gol::types {

using namespace ast;
using syntax::Tok;

namespace {
// The receiver's base type name: T for T, *T, (T), (*T).
Ident* recvBaseName(FieldList* recv) {
    if (recv == nullptr || recv->list.empty()) return nullptr;
    Expr* t = unparen(recv->list[0]->type);
    if (auto* s = as<StarExpr>(t)) t = unparen(s->x);
    return as<Ident>(t);
}
} // namespace

// ---------------------------------------------------------------------------
// Collection

void Checker::collectObjects(const std::vector<File*>& files) {
    for (File* f : files) {
        fileName = f->source.name;
        if (script) {
            fileScope = pkg->scope;
        } else {
            fileScope = ctx.make<Scope>(pkg->scope);
            pkg->scope->children.push_back(fileScope);
        }
        // imports
        for (ImportSpec* spec : f->imports) {
            if (spec->path == nullptr) continue;
            const std::string& path = spec->path->value;
            Package* imp = importer.import(ctx, path);
            if (imp == nullptr) {
                error(spec->path, "package " + path + " is not in std");
                continue;
            }
            std::string name = imp->name;
            Pos pos = spec->path->pos;
            if (spec->name != nullptr) {
                name = spec->name->name;
                pos = spec->name->pos;
            }
            if (name == "_") continue;
            if (name == ".") {
                for (Object* o : imp->scope->elems)
                    if (o->exported()) fileScope->insert(o);
                continue;
            }
            auto* pn = ctx.make<PkgName>(name, pkg, pos, imp);
            if (spec->name != nullptr) spec->name->obj = pn;
            if (Object* prev = fileScope->insert(pn)) {
                if (prev->kind == ObjKind::PkgName) {
                    error(pos, name + " redeclared in this block\n\t" + formatPos(fileName, prev->pos) +
                                   ": other declaration of " + name);
                }
            }
            pkg->imports.push_back(imp);
            importOrder.push_back(pn);
        }
        for (Decl* d : f->decls) {
            if (auto* gd = as<GenDecl>(d)) {
                if (gd->tok == Tok::Const) {
                    Expr* lastType = nullptr;
                    std::vector<Expr*> lastValues;
                    ValueSpec* lastSpec = nullptr;
                    for (Spec* sp : gd->specs) {
                        auto* vs = as<ValueSpec>(sp);
                        if (vs == nullptr) continue;
                        bool inherited = false;
                        if (vs->type != nullptr || !vs->values.empty() || lastSpec == nullptr) {
                            lastType = vs->type;
                            lastValues = vs->values;
                            lastSpec = vs;
                        } else {
                            inherited = true;
                        }
                        for (size_t i = 0; i < vs->names.size(); i++) {
                            Ident* id = vs->names[i];
                            auto* c = ctx.make<Const>(id->name, nullptr, pkg, id->pos, Constant{});
                            auto* di = ctx.make<DeclInfo>();
                            di->file = fileScope;
                            di->typeExpr = lastType;
                            di->init = i < lastValues.size() ? lastValues[i] : nullptr;
                            di->iota = vs->iota;
                            di->spec = vs;
                            decls[c] = di;
                            id->obj = c;
                            pkgObjects.push_back(c);
                            declare(pkg->scope, id, c);
                        }
                        // arity
                        size_t l = vs->names.size(), r = lastValues.size();
                        if (l < r) {
                            if (inherited)
                                error(vs->pos,
                                      "extra init expr at " + formatPos(fileName, lastValues[l]->pos));
                            else
                                error(lastValues[l], "extra init expr");
                        } else if (l > r) {
                            error(vs->names[r], "missing init expr for " + vs->names[r]->name);
                        }
                    }
                } else if (gd->tok == Tok::Var) {
                    for (Spec* sp : gd->specs) {
                        auto* vs = as<ValueSpec>(sp);
                        if (vs == nullptr) continue;
                        std::vector<Var*> lhs;
                        for (Ident* id : vs->names) {
                            auto* v = ctx.make<Var>(id->name, nullptr, pkg, id->pos);
                            v->isPackageLevel = true;
                            v->used = true;
                            lhs.push_back(v);
                            id->obj = v;
                        }
                        DeclInfo* shared = nullptr;
                        if (vs->values.size() == 1 && lhs.size() > 1) {
                            shared = ctx.make<DeclInfo>();
                            shared->file = fileScope;
                            shared->typeExpr = vs->type;
                            shared->init = vs->values[0];
                            shared->lhs = lhs;
                            shared->spec = vs;
                        }
                        for (size_t i = 0; i < lhs.size(); i++) {
                            DeclInfo* di = shared;
                            if (di == nullptr) {
                                di = ctx.make<DeclInfo>();
                                di->file = fileScope;
                                di->typeExpr = vs->type;
                                di->init = i < vs->values.size() ? vs->values[i] : nullptr;
                                di->spec = vs;
                            }
                            decls[lhs[i]] = di;
                            pkgObjects.push_back(lhs[i]);
                            declare(pkg->scope, vs->names[i], lhs[i]);
                            localInfoGlobals.push_back(lhs[i]);
                        }
                        size_t l = vs->names.size(), r = vs->values.size();
                        if (vs->type == nullptr || r > 0) {
                            if (l < r)
                                error(vs->values[l], "extra init expr");
                            else if (l > r && r != 1)
                                error(vs->names[r], "missing init expr for " + vs->names[r]->name);
                        }
                    }
                } else if (gd->tok == Tok::Type) {
                    for (Spec* sp : gd->specs) {
                        auto* ts_ = as<TypeSpec>(sp);
                        if (ts_ == nullptr || ts_->name == nullptr) continue;
                        auto* tn = ctx.make<TypeName>(ts_->name->name, nullptr, pkg, ts_->name->pos);
                        auto* di = ctx.make<DeclInfo>();
                        di->file = fileScope;
                        di->tspec = ts_;
                        decls[tn] = di;
                        ts_->name->obj = tn;
                        pkgObjects.push_back(tn);
                        declare(pkg->scope, ts_->name, tn);
                    }
                }
                continue;
            }
            auto* fd = as<FuncDecl>(d);
            if (fd == nullptr || fd->name == nullptr) continue;
            const std::string& name = fd->name->name;
            auto* fobj = ctx.make<Func>(name, nullptr, pkg, fd->name->pos);
            fobj->decl = fd;
            fd->name->obj = fobj;
            auto* di = ctx.make<DeclInfo>();
            di->file = fileScope;
            di->fdecl = fd;
            decls[fobj] = di;
            if (fd->recv == nullptr) {
                if (name == "init" || (name == "main" && !script && pkg->name == "main") ||
                    (name == "main" && script)) {
                    bool bad = !fd->sig->params->list.empty() ||
                               (fd->sig->results != nullptr && !fd->sig->results->list.empty());
                    if (bad) error(fd->name, "func " + name + " must have no arguments and no return values");
                }
                if (name == "init") {
                    // init functions are not declared (cannot be referenced)
                    fobj->parent = pkg->scope;
                    if (fd->body == nullptr) error(fd->name, "missing function body");
                } else {
                    declare(pkg->scope, fd->name, fobj);
                }
                pkgObjects.push_back(fobj);
            } else {
                methodDecls.emplace_back(fobj, fd);
                fobj->parent = pkg->scope;
                Ident* base = recvBaseName(fd->recv);
                if (base != nullptr)
                    methodsByBase[base->name].push_back(fobj);
                else
                    pkgObjects.push_back(fobj); // reported by funcDecl
            }
            allFuncs.push_back(fobj);
        }
    }
}

// ---------------------------------------------------------------------------
// Resolution

// Reports a cycle through objPath starting at obj (Go's cycleError).
bool Checker::cycleError(Object* obj) {
    auto it = std::find(objPath.begin(), objPath.end(), obj);
    std::vector<Object*> cycle(it, objPath.end());
    if (cycle.empty()) cycle.push_back(obj);
    // Start at the object declared first in the source.
    size_t first = 0;
    for (size_t i = 1; i < cycle.size(); i++)
        if (cycle[i]->pos < cycle[first]->pos) first = i;
    Object* o = cycle[first];
    bool isType = o->kind == ObjKind::TypeName;
    if (cycle.size() == 1) {
        if (isType)
            error(o->pos, "invalid recursive type: " + o->name + " refers to itself");
        else
            error(o->pos, "invalid cycle in declaration: " + o->name + " refers to itself");
        return false;
    }
    std::string msg =
        isType ? "invalid recursive type " + o->name : "invalid cycle in declaration of " + o->name;
    size_t i = first;
    for (size_t k = 0; k < cycle.size(); k++) {
        msg += "\n\t" + formatPos(fileName, cycle[i]->pos) + ": " + cycle[i]->name + " refers to";
        i = (i + 1) % cycle.size();
    }
    msg += "\n\t" + formatPos(fileName, cycle[i]->pos) + ": " + cycle[i]->name;
    error(o->pos, msg);
    return false;
}

void Checker::objDecl(Object* obj) {
    auto dit = decls.find(obj);
    if (dit == decls.end()) return; // not a package-level declaration we manage
    Color& color = colors[obj];
    if (color == Color::Black) return;
    if (color == Color::Grey) {
        // A cycle. Through a type definition it is fine (the Named exists);
        // for constants and variables whose type is still unknown it is not.
        // Cycles through constants and variables are reported by initOrder
        // (Go's "initialization cycle"); here they only get an invalid type.
        if ((obj->kind == ObjKind::Const || obj->kind == ObjKind::Var) && obj->type == nullptr)
            obj->type = ctx.invalid();
        return;
    }
    color = Color::Grey;
    objPath.push_back(obj);
    DeclInfo* di = dit->second;
    // Declarations are resolved in their file's scope, outside any function.
    Scope* savedScope = scope;
    FuncCtx* savedFn = fn;
    DeclInfo* savedDecl = curDecl;
    const Constant* savedIota = iotaVal;
    std::string savedFile = fileName;
    scope = di->file;
    fn = nullptr;
    curDecl = di;
    iotaVal = nullptr;
    switch (obj->kind) {
    case ObjKind::Const: constDecl(obj->as<Const>(), di->typeExpr, di->init, di->iota); break;
    case ObjKind::Var: varDecl(obj->as<Var>(), di->lhs, di->typeExpr, di->init); break;
    case ObjKind::TypeName: typeDecl(obj->as<TypeName>(), di->tspec); break;
    case ObjKind::Func: funcDecl(obj->as<Func>(), di->fdecl); break;
    default: break;
    }
    scope = savedScope;
    fn = savedFn;
    curDecl = savedDecl;
    iotaVal = savedIota;
    fileName = savedFile;
    objPath.pop_back();
    colors[obj] = Color::Black;
}

void Checker::constDecl(Const* obj, Expr* typ, Expr* init, uint32_t iota) {
    Constant iv = Constant::makeInt(iota);
    const Constant* savedIota = iotaVal;
    iotaVal = &iv;
    Type* t = nullptr;
    if (typ != nullptr) {
        t = typExpr(typ);
        if (!isInvalid(t) && !isConstType(t)) {
            if (!isInvalid(under(t))) error(typ, "invalid constant type " + ts(t));
            obj->type = ctx.invalid();
            iotaVal = savedIota;
            return;
        }
    }
    Operand x;
    if (init != nullptr) {
        // An inherited initializer (const ( A = iota; B )) is re-checked with B's iota;
        // its AST annotations then describe the last use.
        expr(x, init);
    }
    iotaVal = savedIota;
    if (init == nullptr || x.invalid()) {
        obj->type = ctx.invalid();
        return;
    }
    if (x.mode != Mode::Constant) {
        error(x.expr, opString(x) + " is not constant");
        obj->type = ctx.invalid();
        return;
    }
    if (!isConstType(x.type)) {
        error(x.expr, "invalid constant type " + ts(x.type));
        obj->type = ctx.invalid();
        return;
    }
    if (t != nullptr && !isInvalid(t)) {
        assignment(x, t, "constant declaration");
        if (x.invalid()) {
            obj->type = ctx.invalid();
            return;
        }
    }
    obj->type = x.type;
    obj->val = x.val;
}

void Checker::varDecl(Var* obj, std::vector<Var*> lhs, Expr* typ, Expr* init) {
    if (typ != nullptr) {
        Type* t = typExpr(typ);
        if (lhs.empty())
            obj->type = t;
        else
            for (Var* v : lhs)
                v->type = t;
    }
    if (init == nullptr) {
        if (typ == nullptr) obj->type = ctx.invalid();
        return;
    }
    if (lhs.size() <= 1) {
        Operand x;
        exprWithHint(x, init, obj->type);
        initVar(obj, x, "variable declaration");
        return;
    }
    // var a, b = f(): all lhs are resolved together.
    for (Var* v : lhs)
        if (v != obj) colors[v] = Color::Grey;
    initVars(lhs, {init}, Pos{});
    for (Var* v : lhs)
        colors[v] = Color::Black;
}

void Checker::typeDecl(TypeName* obj, TypeSpec* spec) {
    if (spec->alias) {
        obj->isAlias = true;
        obj->type = ctx.invalid();
        Type* t = typExpr(spec->type);
        obj->type = t;
        return;
    }
    Named* named = ctx.newNamed(obj);
    obj->type = named;
    localInfoNamed.push_back(named);
    Type* rhs = definedType(spec->type, named);
    if (auto* n = rhs->as<Named>()) {
        if (n->underlying == nullptr || (isInvalid(n->underlying) && colors[n->obj] == Color::Grey)) {
            cycleError(n->obj);
            named->underlying = ctx.invalid();
        } else {
            named->underlying = n->underlying;
        }
    } else {
        named->underlying = rhs;
    }
    collectMethods(obj);
}

void Checker::collectMethods(TypeName* obj) {
    auto it = methodsByBase.find(obj->name);
    if (it == methodsByBase.end() || obj->parent != pkg->scope) return;
    auto* named = obj->type->as<Named>();
    if (named == nullptr) return;
    std::vector<Func*> list = it->second;
    methodsByBase.erase(it);
    for (Func* m : list) {
        m->recvBase = named;
        // Duplicate method / field-and-method name.
        bool dup = false;
        for (Func* prev : named->methods) {
            if (m->name != "_" && prev->name == m->name) {
                error(m->pos, "method " + obj->name + "." + m->name + " already declared at " +
                                  formatPos(fileName, prev->pos));
                dup = true;
            }
        }
        if (auto* s = under(named)->as<Struct>(); s != nullptr && !dup && m->name != "_") {
            if (int i = s->fieldIndex(m->name); i >= 0) {
                error(m->pos, "field and method with the same name " + m->name + "\n\t" +
                                  formatPos(fileName, s->fields[i]->pos) + ": other declaration of " +
                                  m->name);
                dup = true;
            }
        }
        if (!dup && m->name != "_") named->methods.push_back(m);
        methodFuncs.push_back(m);
    }
    // Signatures afterwards: they may mention the type itself.
    for (Func* m : list)
        objDecl(m);
}

void Checker::funcDecl(Func* obj, FuncDecl* d) {
    Scope* sigScope = ctx.make<Scope>(scope);
    sigScope->isFunc = true;
    Scope* saved = scope;
    scope = sigScope;
    std::vector<Var*> params, results;
    Var* recv = nullptr;
    Signature* sig = funcType(d->sig, d->recv, sigScope, &params, &results, &recv);
    scope = saved;
    obj->type = sig;
    for (Var* v : params)
        v->owner = d;
    for (Var* v : results)
        v->owner = d;
    if (d->recv != nullptr) {
        if (recv != nullptr) {
            recv->owner = d;
            obj->recv = recv;
            Type* rt = recv->type;
            bool ptr = false;
            if (auto* p = rt->as<Pointer>()) {
                rt = p->elem;
                ptr = true;
            }
            obj->ptrRecv = ptr;
            auto* n = rt->as<Named>();
            if (!isInvalid(rt)) {
                if (n == nullptr || n->obj->pkg != pkg) {
                    if (n != nullptr || rt->is<Basic>())
                        error(d->recv->list[0]->type,
                              "cannot define new methods on non-local type " + ts(rt));
                    else
                        error(d->recv->list[0]->type, "invalid receiver type " + ts(recv->type));
                } else if (isPointer(n) || isInterface(n)) {
                    const char* what = isPointer(n) ? "pointer" : "interface";
                    error(d->recv->list[0]->type,
                          "invalid receiver type " + ts(recv->type) + " (" + what + " or interface type)");
                    (void)what;
                } else {
                    obj->recvBase = n;
                }
            }
        }
    }
    if (d->body == nullptr && !allowBodyless) error(d->name, "missing function body");
    FuncInfo fi{sigScope, results, recv};
    funcInfos[obj] = fi;
}

// Function and method bodies are checked after all package-level declarations.
void Checker::checkFuncBodies() {
    for (Func* f : allFuncs) {
        FuncDecl* d = f->decl;
        if (d == nullptr || d->body == nullptr) continue;
        objDecl(f);
        auto it = funcInfos.find(f);
        if (it == funcInfos.end() || f->type == nullptr) continue;
        DeclInfo* savedDecl = curDecl;
        curDecl = decls.count(f) ? decls[f] : nullptr;
        funcBody(d, nullptr, f->signature(), d->sig, d->recv, it->second.recv, d->body, it->second.scope);
        curDecl = savedDecl;
    }
}

void Checker::funcBody(const Node* node, FuncLit* lit, Signature* sig, FuncType* ftype, FieldList* recv,
                       Var* recvVar, BlockStmt* body, Scope* sigScope) {
    (void)recv;
    (void)recvVar;
    FuncCtx f;
    f.sig = sig;
    f.node = node;
    f.lit = lit;
    f.outer = fn;
    if (ftype->results != nullptr) {
        for (ast::Field* fl : ftype->results->list) {
            if (fl->names.empty()) {
                // unnamed result: a fresh Var (names are irrelevant)
                auto* v = ctx.make<Var>("", fl->type->type != nullptr ? fl->type->type : ctx.invalid(), pkg,
                                        fl->pos);
                v->isResult = true;
                v->used = true;
                v->owner = node;
                f.results.push_back(v);
            } else {
                for (Ident* id : fl->names) {
                    auto* v = id->obj != nullptr ? id->obj->as<Var>() : nullptr;
                    if (v == nullptr) continue;
                    f.results.push_back(v);
                    f.namedResults = true;
                }
            }
        }
    }
    Scope* savedScope = scope;
    FuncCtx* savedFn = fn;
    const Constant* savedIota = iotaVal;
    iotaVal = nullptr;
    fn = &f;
    scope = sigScope;
    labels(body);
    stmtList(0, body->list);
    if (sig->results->size() > 0 && !isTerminating(body, "")) error(body->rbrace, "missing return");
    usage(sigScope);
    scope = savedScope;
    fn = savedFn;
    iotaVal = savedIota;
}

// ---------------------------------------------------------------------------
// Local declarations (inside functions and at script level)

void Checker::declStmt(GenDecl* d) {
    if (d == nullptr) return;
    bool packageLevel = scope == pkg->scope;
    switch (d->tok) {
    case Tok::Const: {
        Expr* lastType = nullptr;
        std::vector<Expr*> lastValues;
        bool have = false;
        for (Spec* sp : d->specs) {
            auto* vs = as<ValueSpec>(sp);
            if (vs == nullptr) continue;
            bool inherited = false;
            if (vs->type != nullptr || !vs->values.empty() || !have) {
                lastType = vs->type;
                lastValues = vs->values;
                have = true;
            } else {
                inherited = true;
            }
            std::vector<Const*> consts;
            for (size_t i = 0; i < vs->names.size(); i++) {
                Ident* id = vs->names[i];
                auto* c = ctx.make<Const>(id->name, nullptr, pkg, id->pos, Constant{});
                id->obj = c;
                constDecl(c, lastType, i < lastValues.size() ? lastValues[i] : nullptr, vs->iota);
                consts.push_back(c);
            }
            size_t l = vs->names.size(), r = lastValues.size();
            if (l < r) {
                if (inherited)
                    error(vs->pos, "extra init expr at " + formatPos(fileName, lastValues[l]->pos));
                else
                    error(lastValues[l], "extra init expr");
            } else if (l > r) {
                error(vs->names[r], "missing init expr for " + vs->names[r]->name);
            }
            for (size_t i = 0; i < consts.size(); i++)
                declare(scope, vs->names[i], consts[i]);
        }
        return;
    }
    case Tok::Var: {
        for (Spec* sp : d->specs) {
            auto* vs = as<ValueSpec>(sp);
            if (vs == nullptr) continue;
            std::vector<Var*> lhs;
            for (Ident* id : vs->names) {
                auto* v = ctx.make<Var>(id->name, nullptr, pkg, id->pos);
                if (packageLevel) {
                    v->isPackageLevel = true;
                    v->used = true;
                    info->globals.push_back(v);
                } else {
                    v->owner = fn != nullptr ? fn->node : nullptr;
                }
                id->obj = v;
                id->isNewDef = true;
                lhs.push_back(v);
            }
            Type* t = nullptr;
            if (vs->type != nullptr) {
                t = typExpr(vs->type);
                for (Var* v : lhs)
                    v->type = t;
            }
            if (vs->values.empty()) {
                if (t == nullptr)
                    for (Var* v : lhs)
                        v->type = ctx.invalid();
            } else if (vs->values.size() == lhs.size()) {
                for (size_t i = 0; i < lhs.size(); i++) {
                    Operand x;
                    exprWithHint(x, vs->values[i], lhs[i]->type);
                    initVar(lhs[i], x, "variable declaration");
                }
            } else if (vs->values.size() == 1) {
                initVars(lhs, vs->values, Pos{});
            } else {
                useExprs(vs->values);
                for (Var* v : lhs)
                    if (v->type == nullptr) v->type = ctx.invalid();
            }
            size_t l = vs->names.size(), r = vs->values.size();
            if (vs->type == nullptr || r > 0) {
                if (l < r)
                    error(vs->values[l], "extra init expr");
                else if (l > r && r != 1)
                    error(vs->names[r], "missing init expr for " + vs->names[r]->name);
            }
            for (size_t i = 0; i < lhs.size(); i++) {
                vs->names[i]->type = lhs[i]->type;
                declare(scope, vs->names[i], lhs[i]);
            }
        }
        return;
    }
    case Tok::Type: {
        for (Spec* sp : d->specs) {
            auto* tsp = as<TypeSpec>(sp);
            if (tsp == nullptr || tsp->name == nullptr) continue;
            auto* tn = ctx.make<TypeName>(tsp->name->name, nullptr, pkg, tsp->name->pos);
            if (tsp->alias) {
                tn->isAlias = true;
                tn->type = typExpr(tsp->type);
                declare(scope, tsp->name, tn);
                continue;
            }
            Named* named = ctx.newNamed(tn);
            tn->type = named;
            localInfoNamed.push_back(named);
            // Declared before its underlying type is resolved: local types may be recursive.
            declare(scope, tsp->name, tn);
            Type* rhs = definedType(tsp->type, named);
            if (auto* n = rhs->as<Named>()) {
                if (n == named) {
                    error(tsp->name, "invalid recursive type: " + tn->name + " refers to itself");
                    named->underlying = ctx.invalid();
                } else {
                    named->underlying = n->underlying;
                }
            } else {
                named->underlying = rhs;
            }
            validType(named);
        }
        return;
    }
    default: return;
    }
}

// ---------------------------------------------------------------------------
// Initialization order (spec "Package initialization", Go's initorder.go)

void Checker::initOrder() {
    // Report cycles through constants and variables (Go's reportCycle): a path
    // of dependencies (through functions) from an object back to itself.
    std::set<Object*> reported;
    std::function<bool(Object*, Object*, std::set<Object*>&, std::vector<Object*>&)> findPath =
        [&](Object* from, Object* to, std::set<Object*>& seen, std::vector<Object*>& path) -> bool {
        if (!seen.insert(from).second) return false;
        auto it = decls.find(from);
        if (it == decls.end()) return false;
        std::vector<Object*> deps(it->second->deps.begin(), it->second->deps.end());
        std::sort(deps.begin(), deps.end(), [](Object* a, Object* b) { return a->pos < b->pos; });
        for (Object* d : deps) {
            if (d == to) {
                path.push_back(d);
                return true;
            }
            if (findPath(d, to, seen, path)) {
                path.push_back(d);
                return true;
            }
        }
        return false;
    };
    for (Object* o : pkgObjects) {
        if (o->kind != ObjKind::Var && o->kind != ObjKind::Const) continue;
        if (reported.count(o)) continue;
        std::set<Object*> seen;
        std::vector<Object*> path; // reversed: to ... first dependency
        if (!findPath(o, o, seen, path)) continue;
        // path holds [o, ..., d1] where d1 is o's first dependency on the cycle.
        std::vector<Object*> cycle{o};
        for (size_t i = path.size(); i-- > 0;)
            if (path[i] != o) cycle.push_back(path[i]);
        for (Object* c : cycle)
            reported.insert(c);
        if (cycle.size() == 1) {
            error(o->pos, "initialization cycle: " + o->name + " refers to itself");
            continue;
        }
        std::string msg = "initialization cycle for " + o->name;
        for (size_t i = 0; i < cycle.size(); i++) {
            Object* next = cycle[(i + 1) % cycle.size()];
            msg += "\n\t" + formatPos(fileName, cycle[i]->pos) + ": " + cycle[i]->name + " refers to " +
                   next->name;
        }
        error(o->pos, msg);
    }

    // The order: repeatedly the earliest declared variable whose variable
    // dependencies (through functions) are all initialized.
    std::vector<Var*> vars;
    for (Object* o : pkgObjects)
        if (auto* v = o->as<Var>()) vars.push_back(v);
    std::unordered_map<Object*, std::set<Var*>> varDeps;
    for (Var* v : vars) {
        std::set<Var*> out;
        std::set<Object*> seen;
        std::vector<Object*> stack(decls[v]->deps.begin(), decls[v]->deps.end());
        while (!stack.empty()) {
            Object* o = stack.back();
            stack.pop_back();
            if (!seen.insert(o).second) continue;
            if (auto* w = o->as<Var>()) {
                if (w != v && !(decls[w] == decls[v])) out.insert(w);
                continue;
            }
            auto it = decls.find(o);
            if (it != decls.end())
                for (Object* d : it->second->deps)
                    stack.push_back(d);
        }
        varDeps[v] = out;
    }
    std::set<DeclInfo*> emitted;
    std::set<Var*> done;
    std::vector<Var*> remaining = vars;
    auto emit = [&](Var* v) {
        DeclInfo* di = decls[v];
        if (di->init != nullptr && !emitted.count(di)) {
            emitted.insert(di);
            info->initOrder.push_back({di->lhs.empty() ? std::vector<Var*>{v} : di->lhs, di->init});
        }
    };
    while (!remaining.empty()) {
        Var* pick = nullptr;
        for (Var* v : remaining) {
            bool ready = true;
            for (Var* d : varDeps[v])
                if (!done.count(d)) {
                    ready = false;
                    break;
                }
            if (ready) {
                pick = v;
                break;
            }
        }
        if (pick == nullptr) pick = remaining.front(); // a cycle (reported above)
        done.insert(pick);
        remaining.erase(std::find(remaining.begin(), remaining.end(), pick));
        emit(pick);
    }
}

} // namespace gol::types
