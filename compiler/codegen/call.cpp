// Calls (static, function values, natives, interface methods), builtins, method values,
// composite literals, function literals, go and defer.
#include "compiler/codegen/funcgen.hpp"

#include <stdexcept>

namespace gol::codegen {

using syntax::Tok;
using types::Kind;
using vm::Op;

static types::Type* U(types::Type* t) { return types::under(t); }
static ast::Expr* unparen(ast::Expr* e) {
    while (auto* p = ast::as<ast::ParenExpr>(e)) e = p->x;
    return e;
}

std::vector<RegClass> FuncGen::windowFor(const std::vector<types::Type*>& args, types::Tuple* results, int extra) {
    size_t nres = results ? results->size() : 0;
    std::vector<RegClass> w(std::max(args.size() + extra, nres), RegClass::None);
    for (int i = 0; i < extra; i++) w[i] = RegClass::Ref;
    for (size_t i = 0; i < args.size(); i++) w[i + extra] = classOf(args[i]);
    for (size_t i = 0; i < nres; i++)
        if (w[i] == RegClass::None) w[i] = classOf(results->at(i));
    return w;
}

std::vector<int> FuncGen::callResults(int base, const std::vector<RegClass>& window, types::Tuple* results) {
    std::vector<int> regs;
    size_t n = results ? results->size() : 0;
    for (size_t i = 0; i < n; i++) {
        RegClass want = classOf(results->at(i));
        if (window[i] == want) {
            regs.push_back(base + int(i));
        } else {
            // The slot's class is the argument's: move the result out and clear the slot.
            int r = alloc(want);
            emitABC(Op::MOVE, r, base + int(i));
            emitABC(Op::LOADZ, base + int(i));
            regs.push_back(r);
        }
    }
    return regs;
}

// Evaluates the call's arguments into R[base+first..] as parameters of sig (variadic packing,
// f(g()) spreading, assignability conversions).
void FuncGen::argsInto(ast::CallExpr* e, types::Signature* sig, int base, size_t first) {
    auto* params = sig->params;
    size_t np = params->size();
    auto& args = e->args;
    if (args.size() == 1 && !e->hasEllipsis) {
        if (auto* t = args[0]->type ? args[0]->type->as<types::Tuple>() : nullptr) {
            auto regs = call(ast::cast<ast::CallExpr>(unparen(args[0])));
            size_t fixed = sig->variadic ? np - 1 : np;
            for (size_t i = 0; i < fixed; i++) convertReg(regs[i], t->at(i), params->at(i), base + int(first + i));
            if (sig->variadic) {
                auto* st = params->at(np - 1)->as<types::Slice>();
                types::Type* elem = st ? st->elem : U(params->at(np - 1))->as<types::Slice>()->elem;
                int s = base + int(first + np - 1);
                size_t extra = regs.size() - fixed;
                if (extra == 0) emitABC(Op::LOADZ, s);
                else {
                    int n = alloc(RegClass::Scalar);
                    emitABx(Op::LOADI, n, uint32_t(extra));
                    emitABC(Op::MAKESLICE, s, n, n);
                    emitExtra(pb_.rtype(params->at(np - 1)));
                    for (size_t k = 0; k < extra; k++) {
                        int v = convertReg(regs[fixed + k], t->at(fixed + k), elem, -1);
                        emitABx(Op::LOADI, n, uint32_t(k));
                        emitABC(isByteElem(elem) ? Op::SETSLB : Op::SETSL, s, n, v);
                    }
                }
            }
            return;
        }
    }
    size_t fixed = sig->variadic ? np - 1 : np;
    for (size_t i = 0; i < fixed && i < args.size(); i++) exprTo(args[i], params->at(i), base + int(first + i));
    if (!sig->variadic) return;
    int s = base + int(first + np - 1);
    types::Type* sliceT = params->at(np - 1);
    if (e->hasEllipsis) {
        expr(args.back(), s);
        return;
    }
    size_t extra = args.size() > fixed ? args.size() - fixed : 0;
    if (extra == 0) {
        emitABC(Op::LOADZ, s);
        return;
    }
    types::Type* elem = U(sliceT)->as<types::Slice>()->elem;
    int save = top_;
    int n = alloc(RegClass::Scalar);
    emitABx(Op::LOADI, n, uint32_t(extra));
    emitABC(Op::MAKESLICE, s, n, n);
    emitExtra(pb_.rtype(sliceT));
    for (size_t k = 0; k < extra; k++) {
        int v = valueTo(args[fixed + k], elem);
        emitABx(Op::LOADI, n, uint32_t(k));
        emitABC(isByteElem(elem) ? Op::SETSLB : Op::SETSL, s, n, v);
        top_ = n + 1;
    }
    top_ = save;
}

static std::vector<types::Type*> paramTypes(types::Signature* sig) { return sig->params->types; }

std::vector<int> FuncGen::call(ast::CallExpr* e, int dstFirst) {
    auto kind = types::CallKind(e->callKind);
    uint32_t savedLine = line_;
    setLine(e->lparen.line ? e->lparen.line : e->pos.line);
    std::vector<int> res;
    auto finish = [&](std::vector<int> regs) {
        if (dstFirst >= 0 && !regs.empty()) {
            moveTo(regs[0], dstFirst);
            regs[0] = dstFirst;
        }
        line_ = savedLine;
        return regs;
    };
    if (kind == types::CallKind::Conversion) return finish({conversion(e, -1)});
    if (kind == types::CallKind::Builtin) {
        ast::Expr* f = unparen(e->fun);
        auto* id = ast::as<ast::Ident>(f);
        auto* b = id && id->obj ? id->obj->as<types::Builtin>() : nullptr;
        if (!b) throw std::runtime_error("internal error: builtin call without builtin");
        return finish(builtin(e, b->id, -1));
    }
    ast::Expr* fun = unparen(e->fun);
    types::Signature* sig = U(fun->type) ? U(fun->type)->as<types::Signature>() : nullptr;
    if (!sig) throw std::runtime_error("internal error: call of non-function");
    auto* sel = ast::as<ast::SelectorExpr>(fun);
    // The callee (or receiver) and the arguments are read after the arguments' calls (gc).
    CallHoist calls(*this);
    std::vector<types::Type*> argTypes; // what each argument is converted to
    size_t np = sig->params->size(), fixed = sig->variadic ? np - 1 : np;
    for (size_t i = 0; i < e->args.size(); i++) {
        if (i < fixed || e->hasEllipsis)
            argTypes.push_back(sig->params->at(std::min(i, np - 1)));
        else
            argTypes.push_back(U(sig->params->at(np - 1))->as<types::Slice>()->elem);
    }
    calls.operands(std::vector<ast::Expr*>{sel && !sel->pkgObj ? sel->x : fun}, e->args, false, &argTypes);

    // Static function.
    const types::Func* target = nullptr;
    if (kind == types::CallKind::Func) {
        if (auto* id = ast::as<ast::Ident>(fun)) target = id->obj ? id->obj->as<types::Func>() : nullptr;
        else if (sel && sel->pkgObj) target = sel->pkgObj->as<types::Func>();
    }
    if (target) {
        const FuncRef* ref = pb_.funcRef(target);
        auto w = windowFor(paramTypes(sig), sig->results, 0);
        int base = allocWindow(w);
        argsInto(e, sig, base, 0);
        emitABC(ref->native ? Op::CALLN : Op::CALL, base, ref->index, int(sig->params->size()));
        return finish(callResults(base, w, sig->results));
    }
    // Concrete method call.
    if (kind == types::CallKind::Method && sel && sel->selection) {
        auto* m = sel->selection->obj->as<types::Func>();
        if (m && m->iface == nullptr) {
            const FuncRef* ref = pb_.funcRef(m);
            if (!ref) throw std::runtime_error("internal error: undeclared method " + m->fullName());
            std::vector<types::Type*> args = paramTypes(sig);
            args.insert(args.begin(), m->recv ? m->recv->type : nullptr);
            auto w = windowFor(args, sig->results, 0);
            int base = allocWindow(w);
            receiver(sel, m, base);
            argsInto(e, sig, base, 1);
            emitABC(ref->native ? Op::CALLN : Op::CALL, base, ref->index, int(args.size()));
            return finish(callResults(base, w, sig->results));
        }
    }
    // Interface method call (also an interface reached through embedded fields).
    if ((kind == types::CallKind::Interface || kind == types::CallKind::Method) && sel && sel->selection) {
        auto w = windowFor(paramTypes(sig), sig->results, 1);
        int base = allocWindow(w);
        int save = top_;
        int x = expr(sel->x);
        types::Type* t = sel->x->type;
        auto& path = sel->selection->index;
        x = walkPath(x, t, path, path.size() - 1);
        moveTo(x, base);
        top_ = save;
        argsInto(e, sig, base, 1);
        emitABC(Op::CALLI, base, int(pb_.methodNameId(sel->sel->name)), int(sig->params->size()));
        return finish(callResults(base, w, sig->results));
    }
    // Function value.
    int fn = expr(fun);
    if (fn < top_ - 1 || fn >= top_) {
        // keep it below the window
    }
    auto w = windowFor(paramTypes(sig), sig->results, 0);
    int base = allocWindow(w);
    argsInto(e, sig, base, 0);
    emitABC(Op::CALLV, base, fn, int(sig->params->size()));
    return finish(callResults(base, w, sig->results));
}

void FuncGen::receiver(ast::SelectorExpr* sel, const types::Func* m, int dst) {
    int save = top_;
    auto& path = sel->selection->index;
    size_t steps = path.size() - 1;
    types::Type* t = sel->x->type;
    bool wantPtr = m->ptrRecv;
    if (steps == 0) {
        bool isPtr = types::isPointer(t);
        if (wantPtr && !isPtr) addressOf(sel->x, dst);
        else if (!wantPtr && isPtr) {
            int p = expr(sel->x);
            types::Type* elem = U(t)->as<types::Pointer>()->elem;
            if (isBoxed(elem)) {
                emitABC(Op::NILCHECK, p);
                moveTo(p, dst);
            } else emitABC(Op::LOADP, dst, p);
        } else expr(sel->x, dst);
        top_ = save;
        return;
    }
    int x = expr(sel->x);
    x = walkPath(x, t, path, steps - 1);
    // Last step: the embedded field holding the receiver.
    types::Type* u = U(t);
    if (auto* p = u->as<types::Pointer>()) u = U(p->elem);
    types::Var* f = u->as<types::Struct>()->fields[path[steps - 1]];
    types::Type* ft = f->type;
    bool fieldIsPtr = types::isPointer(ft);
    if (wantPtr && !fieldIsPtr && !isBoxed(ft)) {
        emitABC(Op::REFF, dst, x, path[steps - 1]);
    } else if (!wantPtr && fieldIsPtr) {
        int r = alloc(RegClass::Ref);
        emitABC(Op::GETF, r, x, path[steps - 1]);
        types::Type* elem = U(ft)->as<types::Pointer>()->elem;
        if (isBoxed(elem)) {
            emitABC(Op::NILCHECK, r);
            moveTo(r, dst);
        } else emitABC(Op::LOADP, dst, r);
    } else {
        emitABC(Op::GETF, dst, x, path[steps - 1]);
    }
    top_ = save;
}

// ---------------------------------------------------------------------------------------------
// Builtins

std::vector<int> FuncGen::builtin(ast::CallExpr* e, types::BuiltinId id, int dst) {
    using B = types::BuiltinId;
    auto& args = e->args;
    int save = top_;
    auto result = [&](types::Type* t) { return dst >= 0 ? dst : allocFor(t); };
    switch (id) {
    case B::Len:
    case B::Cap: {
        types::Type* xt = U(args[0]->type);
        if (auto* p = xt->as<types::Pointer>()) xt = U(p->elem);
        int r = result(e->type);
        int mark = top_;
        if (auto* a = xt->as<types::Array>()) {
            emitABx(Op::LOADI, r, uint32_t(int32_t(a->len)));
            return {r};
        }
        int x = expr(args[0]);
        Op op;
        if (types::isString(xt)) op = Op::LENS;
        else if (xt->as<types::Map>()) op = Op::LENMAP;
        else if (xt->as<types::Chan>()) op = id == B::Len ? Op::LENCH : Op::CAPCH;
        else op = id == B::Len ? Op::LENSL : Op::CAPSL;
        emitABC(op, r, x);
        top_ = std::max(mark, save);
        return {r};
    }
    case B::Append: {
        types::Type* st = e->type;
        types::Type* elem = U(st)->as<types::Slice>()->elem;
        int r = result(st);
        int mark = top_;
        int acc = alloc(RegClass::Ref);
        expr(args[0], acc);
        if (e->hasEllipsis) {
            int y = expr(args[1]);
            if (types::isString(args[1]->type)) emitABC(Op::APPENDSTR, acc, acc, y);
            else {
                emitABC(Op::APPENDSL, acc, acc, y);
                emitExtra(pb_.rtype(st));
            }
        } else if (args.size() == 2) {
            int inner = top_;
            int v = valueTo(args[1], elem);
            emitABC(Op::APPEND, acc, acc, v);
            emitExtra(pb_.rtype(st));
            top_ = inner;
        } else if (args.size() > 2) {
            // Evaluate every element first (Go's order), grow once for all of them (Go's growth rule
            // sees the final length), then fill.
            int n = int(args.size()) - 1;
            int inner = top_;
            std::vector<int> vs;
            for (int i = 0; i < n; i++) vs.push_back(valueTo(args[size_t(i) + 1], elem));
            emitABC(Op::APPENDN, acc, acc, n);
            emitExtra(pb_.rtype(st));
            for (int i = 0; i < n; i++) emitABC(Op::SETTAIL, acc, vs[size_t(i)], n - i);
            top_ = inner;
        }
        moveTo(acc, r);
        top_ = std::max(mark, save);
        return {r};
    }
    case B::Copy: {
        int r = result(e->type);
        int mark = top_;
        int a = expr(args[0]);
        int b = expr(args[1]);
        emitABC(types::isString(args[1]->type) ? Op::COPYSTR : Op::COPY, r, a, b);
        top_ = std::max(mark, save);
        return {r};
    }
    case B::Delete: {
        int m = expr(args[0]);
        int k = exprTo(args[1], U(args[0]->type)->as<types::Map>()->key);
        emitABC(Op::MAPDEL, m, k);
        top_ = save;
        return {};
    }
    case B::Clear: {
        int x = expr(args[0]);
        emitABC(U(args[0]->type)->as<types::Map>() ? Op::CLEARMAP : Op::CLEARSL, x);
        top_ = save;
        return {};
    }
    case B::Close: {
        int x = expr(args[0]);
        emitABC(Op::CLOSE, x);
        top_ = save;
        return {};
    }
    case B::Make: {
        types::Type* t = args[0]->type;
        types::Type* u = U(t);
        int r = result(t);
        int mark = top_;
        if (u->as<types::Slice>()) {
            int w = allocWindow({RegClass::Scalar, RegClass::Scalar});
            expr(args[1], w);
            if (args.size() > 2) expr(args[2], w + 1);
            else emitABC(Op::MOVE, w + 1, w);
            emitABC(Op::MAKESLICE, r, w, w + 1);
            emitExtra(pb_.rtype(t));
        } else if (u->as<types::Map>()) {
            if (args.size() > 1) expr(args[1]); // evaluated for side effects; the hint is unused
            emitABx(Op::MAKEMAP, r, pb_.rtype(t));
        } else {
            int n = alloc(RegClass::Scalar);
            if (args.size() > 1) expr(args[1], n);
            else emitABx(Op::LOADI, n, 0);
            emitABC(Op::MAKECHAN, r, n, int(pb_.rtype(t)));
        }
        top_ = std::max(mark, save);
        return {r};
    }
    case B::New: {
        types::Type* elem = U(e->type)->as<types::Pointer>()->elem;
        int r = result(e->type);
        if (isBoxed(elem)) return {zeroValue(elem, r)};
        int mark = top_;
        int z = zeroValue(elem, -1);
        emitABC(Op::NEWCELL, r, z, classOf(elem) == RegClass::Ref ? 1 : 0);
        top_ = std::max(mark, save);
        return {r};
    }
    case B::Panic: {
        int v = exprTo(args[0], pb_.ctx().emptyInterface());
        emitABC(Op::PANIC, v);
        top_ = save;
        return {};
    }
    case B::Print:
    case B::Println: {
        int base = allocWindow(std::vector<RegClass>(args.size(), RegClass::Ref));
        for (size_t i = 0; i < args.size(); i++) exprTo(args[i], pb_.ctx().emptyInterface(), base + int(i));
        emitABC(Op::PRINT, base, int(args.size()), id == B::Println ? 1 : 0);
        top_ = save;
        return {};
    }
    case B::Recover: {
        int r = result(e->type);
        emitABC(Op::RECOVER, r);
        return {r};
    }
    case B::Min:
    case B::Max: {
        types::Type* t = e->type;
        int r = result(t);
        int mark = top_;
        int acc = allocFor(t);
        exprTo(args[0], t, acc);
        bool flt = types::isFloat(t);
        bool str = types::isString(t);
        bool uns = types::isUnsigned(t);
        for (size_t i = 1; i < args.size(); i++) {
            int inner = top_;
            int y = exprTo(args[i], t);
            int skip = newLabel();
            int c = alloc(RegClass::Scalar);
            // min: take y when y < acc; max: when acc < y.
            int l = id == B::Min ? y : acc, rr = id == B::Min ? acc : y;
            emitABC(str ? Op::LTS : flt ? Op::LTF : uns ? Op::LTU : Op::LT, c, l, rr);
            if (flt) { // a NaN operand wins
                int nan = alloc(RegClass::Scalar);
                emitABC(Op::NEF, nan, y, y);
                emitABC(Op::OR, c, c, nan);
            }
            jumpIf(Op::JF, c, 0, 0, skip);
            emitABC(Op::MOVE, acc, y);
            bind(skip);
            top_ = inner;
        }
        moveTo(acc, r);
        top_ = std::max(mark, save);
        return {r};
    }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Method values and method expressions

int FuncGen::methodValue(ast::SelectorExpr* e, int dst) {
    auto* m = e->selection->obj->as<types::Func>();
    int save = top_;
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    int mark = top_;
    auto* sig = m->signature();
    // The receiver is evaluated now and captured by a closure over a thunk whose upvalue 0 is
    // this frame's register `recv` (the thunk is cached per method and register).
    int recv;
    uint32_t thunk;
    if (m->iface != nullptr) {
        recv = alloc(RegClass::Ref);
        int x = expr(e->x);
        types::Type* t = e->x->type;
        x = walkPath(x, t, e->selection->index, e->selection->index.size() - 1);
        moveTo(x, recv);
        thunk = pb_.boundThunk(nullptr, m->name, sig, recv, proto_->file);
    } else {
        recv = alloc(classOf(m->recv ? m->recv->type : nullptr));
        receiver(e, m, recv);
        if (!m->ptrRecv && isBoxed(m->recv->type)) emitABC(Op::CLONE, recv, recv);
        thunk = pb_.boundThunk(m, m->name, sig, recv, proto_->file);
    }
    emitABx(Op::CLOSURE, r, thunk);
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::methodExprValue(ast::SelectorExpr* e, int dst) {
    auto* m = e->selection->obj->as<types::Func>();
    types::Type* recvT = e->selection->recv;
    uint32_t p = pb_.methodProto(recvT, m->name);
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    emitABx(Op::LOADFUNC, r, p);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Composite literals and function literals

int FuncGen::compositeLit(ast::CompositeLit* e, types::Type* t, int dst) {
    types::Type* u = U(t);
    if (auto* p = u->as<types::Pointer>()) { // elided &T in []*T{{...}}
        t = p->elem;
        u = U(t);
    }
    int save = top_;
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    int mark = top_;
    CallHoist calls(*this);
    if (!u->as<types::Map>()) { // a map literal orders each entry on its own (mapEntry below)
        std::vector<ast::Expr*> vals;
        std::vector<types::Type*> types;
        CallHoist::elements(e, vals, types);
        calls.operands({}, vals, false, &types);
    }
    auto value = [&](ast::Expr* v, types::Type* vt) {
        if (auto* cl = ast::as<ast::CompositeLit>(unparen(v)); cl && !cl->litType) {
            types::Type* et = cl->type ? cl->type : vt;
            return compositeLit(cl, et, -1);
        }
        return valueTo(v, vt);
    };
    if (auto* st = u->as<types::Struct>()) {
        emitABx(Op::NEWBOX, r, pb_.rtype(t));
        for (size_t i = 0; i < e->elts.size(); i++) {
            int inner = top_;
            ast::Expr* v = e->elts[i];
            int idx = int(i);
            if (auto* kv = ast::as<ast::KeyValueExpr>(v)) {
                idx = st->fieldIndex(ast::cast<ast::Ident>(kv->key)->name);
                v = kv->value;
            }
            int x = value(v, st->fields[idx]->type);
            emitABC(Op::SETF, r, idx, x);
            top_ = inner;
        }
    } else if (auto* at = u->as<types::Array>()) {
        emitABx(Op::NEWARRAY, r, pb_.rtype(t));
        int ir = alloc(RegClass::Scalar);
        int64_t next = 0;
        for (ast::Expr* v : e->elts) {
            int inner = top_;
            if (auto* kv = ast::as<ast::KeyValueExpr>(v)) {
                next = kv->key->constant ? kv->key->constant->int64() : next;
                v = kv->value;
            }
            int x = value(v, at->elem);
            emitABx(Op::LOADI, ir, uint32_t(int32_t(next)));
            emitABC(isByteElem(at->elem) ? Op::SETARRB : Op::SETARR, r, ir, x);
            next++;
            top_ = inner;
        }
    } else if (auto* sl = u->as<types::Slice>()) {
        int64_t n = 0, next = 0;
        for (ast::Expr* v : e->elts) {
            if (auto* kv = ast::as<ast::KeyValueExpr>(v)) next = kv->key->constant ? kv->key->constant->int64() : next;
            next++;
            n = std::max(n, next);
        }
        int ir = alloc(RegClass::Scalar);
        emitABx(Op::LOADI, ir, uint32_t(int32_t(n)));
        emitABC(Op::MAKESLICE, r, ir, ir);
        emitExtra(pb_.rtype(t));
        next = 0;
        for (ast::Expr* v : e->elts) {
            int inner = top_;
            if (auto* kv = ast::as<ast::KeyValueExpr>(v)) {
                next = kv->key->constant ? kv->key->constant->int64() : next;
                v = kv->value;
            }
            int x = value(v, sl->elem);
            emitABx(Op::LOADI, ir, uint32_t(int32_t(next)));
            emitABC(isByteElem(sl->elem) ? Op::SETSLB : Op::SETSL, r, ir, x);
            next++;
            top_ = inner;
        }
    } else if (auto* mt = u->as<types::Map>()) {
        emitABx(Op::MAKEMAP, r, pb_.rtype(t));
        for (ast::Expr* v : e->elts) {
            int inner = top_;
            auto* kv = ast::cast<ast::KeyValueExpr>(v);
            CallHoist entry(*this);
            entry.mapEntry(mt, kv->key, kv->value);
            int k = value(kv->key, mt->key);
            int x = value(kv->value, mt->elem);
            emitABC(Op::MAPSET, r, k, x);
            top_ = inner;
        }
    } else {
        throw std::runtime_error("internal error: bad composite literal type");
    }
    top_ = std::max(mark, save);
    return r;
}

int FuncGen::funcLit(ast::FuncLit* e, int dst) {
    bool inClosure = parent_ != nullptr && proto_->name.find(".func") != std::string::npos;
    uint32_t k = pb_.nextClosureIndex(proto_->name);
    std::string name = inClosure ? proto_->name + "." + std::to_string(k) : proto_->name + ".func" + std::to_string(k);
    uint32_t idx = pb_.newProto(name, proto_->file, e->pos.line);
    FuncGen child(pb_, this, idx, pkgPath_);
    child.genFuncBody(U(e->type)->as<types::Signature>(), nullptr, e->sig, e->body, e);
    child.finish();
    int r = dst >= 0 ? dst : alloc(RegClass::Ref);
    emitABx(pb_.proto(idx)->upvals.empty() ? Op::LOADFUNC : Op::CLOSURE, r, idx);
    return r;
}

// ---------------------------------------------------------------------------------------------
// go and defer

void FuncGen::deferredCall(ast::Expr* callE, Op op) {
    auto* e = ast::as<ast::CallExpr>(unparen(callE));
    if (!e) return;
    int save = top_;
    setLine(e->pos.line);
    auto kind = types::CallKind(e->callKind);
    ast::Expr* fun = unparen(e->fun);
    auto* sel = ast::as<ast::SelectorExpr>(fun);
    int fn = alloc(RegClass::Ref);

    if (kind == types::CallKind::Builtin) {
        auto* b = ast::cast<ast::Ident>(fun)->obj->as<types::Builtin>();
        // Arguments are evaluated now; a small synthesized function applies the builtin later.
        std::vector<types::Type*> ats;
        for (auto* a : e->args) {
            types::Type* t = a->type;
            if (b->id == types::BuiltinId::Print || b->id == types::BuiltinId::Println ||
                b->id == types::BuiltinId::Panic)
                t = pb_.ctx().emptyInterface();
            ats.push_back(t);
        }
        uint32_t thunk = pb_.builtinThunk(b->id, ats, proto_->file, line_);
        emitABx(Op::LOADFUNC, fn, thunk);
        std::vector<RegClass> w;
        for (auto* t : ats) w.push_back(classOf(t));
        int base = allocWindow(w);
        for (size_t i = 0; i < e->args.size(); i++) valueTo(e->args[i], ats[i], base + int(i));
        emitABC(op, base, fn, int(ats.size()));
        top_ = save;
        return;
    }
    types::Signature* sig = U(fun->type)->as<types::Signature>();
    std::vector<types::Type*> args = sig->params->types;
    int extra = 0;
    const types::Func* target = nullptr;
    if (kind == types::CallKind::Func) {
        if (auto* id = ast::as<ast::Ident>(fun)) target = id->obj->as<types::Func>();
        else if (sel && sel->pkgObj) target = sel->pkgObj->as<types::Func>();
    }
    const types::Func* method = nullptr;
    if (kind == types::CallKind::Method && sel && sel->selection) {
        method = sel->selection->obj->as<types::Func>();
        if (method && method->iface) method = nullptr;
    }
    bool iface = !method && sel && sel->selection && sel->selection->kind == types::SelectionKind::MethodVal &&
                 (kind == types::CallKind::Interface || kind == types::CallKind::Method);
    if (target) funcValue(target, fn);
    else if (method) {
        funcValue(method, fn);
        args.insert(args.begin(), method->recv->type);
    } else if (iface) {
        emitABx(Op::LOADFUNC, fn, pb_.ifaceThunk(sel->sel->name, sig));
        extra = 1;
    } else expr(fun, fn);
    std::vector<RegClass> w;
    for (int i = 0; i < extra; i++) w.push_back(RegClass::Ref);
    for (auto* t : args) w.push_back(classOf(t));
    int base = allocWindow(w);
    if (method) {
        receiver(sel, method, base);
        if (!method->ptrRecv && isBoxed(method->recv->type)) emitABC(Op::CLONE, base, base);
    } else if (iface) {
        int inner = top_;
        int x = expr(sel->x);
        types::Type* t = sel->x->type;
        x = walkPath(x, t, sel->selection->index, sel->selection->index.size() - 1);
        moveTo(x, base);
        top_ = inner;
    }
    size_t first = (method || iface) ? 1 : 0;
    // Boxed arguments are copied now: the call runs later (or concurrently).
    argsInto(e, sig, base, first);
    for (size_t i = 0; i < sig->params->size(); i++)
        if (isBoxed(sig->params->at(i))) emitABC(Op::CLONE, base + int(first + i), base + int(first + i));
    emitABC(op, base, fn, int(w.size()));
    top_ = save;
}

} // namespace gol::codegen
