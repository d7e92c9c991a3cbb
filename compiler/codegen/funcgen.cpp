// FuncGen core: registers, labels, variables, function prologue/epilogue, the init function.
#include "compiler/codegen/funcgen.hpp"

#include <algorithm>
#include <stdexcept>

namespace gol::codegen {

using vm::Op;
using types::Kind;

RegClass classOf(const types::Type* t) {
    const types::Type* u = types::under(t);
    if (u == nullptr) return RegClass::Scalar;
    switch (u->kind) {
    case Kind::String:
    case Kind::UntypedString:
    case Kind::UntypedNil:
    case Kind::Array:
    case Kind::Slice:
    case Kind::Struct:
    case Kind::Pointer:
    case Kind::Signature:
    case Kind::Interface:
    case Kind::Map:
    case Kind::Chan: return RegClass::Ref;
    default: return RegClass::Scalar;
    }
}

bool isBoxed(const types::Type* t) {
    const types::Type* u = types::under(t);
    return u != nullptr && (u->kind == Kind::Struct || u->kind == Kind::Array);
}

bool isByteElem(const types::Type* elem) {
    const types::Type* u = types::under(elem);
    return u != nullptr && u->kind == Kind::Uint8;
}

FuncGen::FuncGen(ProgramBuilder& pb, FuncGen* parent, uint32_t protoIndex, const std::string& pkgPath)
    : pb_(pb), parent_(parent), proto_(pb.proto(protoIndex)), pkgPath_(pkgPath) {
    line_ = proto_->line;
}

// ---------------------------------------------------------------------------------------------
// Emission, registers, labels

int FuncGen::emit(vm::Instr ins) {
    proto_->code.push_back(ins);
    proto_->lines.push_back(line_);
    return pc() - 1;
}

int FuncGen::alloc(RegClass c) {
    if (c == RegClass::None) c = RegClass::Scalar;
    int r = top_;
    while (r < int(cls_.size()) && cls_[r] != RegClass::None && cls_[r] != c)
        r++;
    if (r >= int(cls_.size())) cls_.resize(r + 1, RegClass::None);
    cls_[r] = c;
    top_ = r + 1;
    return r;
}

int FuncGen::allocWindow(const std::vector<RegClass>& classes) {
    int base = top_;
    for (;; base++) {
        bool ok = true;
        for (size_t i = 0; i < classes.size() && ok; i++) {
            size_t r = base + i;
            if (r < cls_.size() && cls_[r] != RegClass::None && classes[i] != RegClass::None &&
                cls_[r] != classes[i])
                ok = false;
        }
        if (ok) break;
    }
    if (base + classes.size() > cls_.size()) cls_.resize(base + classes.size(), RegClass::None);
    for (size_t i = 0; i < classes.size(); i++) {
        if (cls_[base + i] == RegClass::None)
            cls_[base + i] = classes[i] == RegClass::None ? RegClass::Scalar : classes[i];
    }
    top_ = base + int(classes.size());
    return base;
}

void FuncGen::markParams(const std::vector<RegClass>& classes) {
    cls_.assign(classes.begin(), classes.end());
    for (auto& c : cls_)
        if (c == RegClass::None) c = RegClass::Scalar;
    top_ = int(classes.size());
    proto_->numParams = uint16_t(classes.size());
}

int FuncGen::newLabel() {
    labels_.push_back({});
    return int(labels_.size()) - 1;
}

static void patchJump(vm::Instr& ins, int offset) {
    switch (vm::opInfo(ins.op).format) {
    case vm::OpFormat::sABC:
    case vm::OpFormat::sABI: ins.a = uint16_t(int16_t(offset)); break;
    case vm::OpFormat::ABsC: ins.c = uint16_t(int16_t(offset)); break;
    default: {
        uint32_t bx = uint32_t(int32_t(offset));
        ins.b = uint16_t(bx & 0xffff);
        ins.c = uint16_t(bx >> 16);
    }
    }
}

static bool shortJump(vm::Op op) {
    auto f = vm::opInfo(op).format;
    return f == vm::OpFormat::sABC || f == vm::OpFormat::sABI || f == vm::OpFormat::ABsC;
}

void FuncGen::bind(int label) {
    Label& l = labels_[label];
    l.pc = pc();
    for (int at : l.patches) {
        int off = l.pc - (at + 1);
        if (shortJump(proto_->code[at].op) && (off > 32767 || off < -32768))
            throw std::runtime_error("function too large");
        patchJump(proto_->code[at], off);
    }
    l.patches.clear();
}

void FuncGen::jump(int label) { jumpIf(Op::JMP, 0, 0, 0, label); }

void FuncGen::jumpIf(Op op, int a, int b, int c, int label) {
    int at;
    if (op == Op::JMP) at = emitABC(op);
    else if (op == Op::JT || op == Op::JF) at = emitABC(op, a);
    else at = emitABC(op, 0, b, c); // sABC: offset in a
    (void)a;
    Label& l = labels_[label];
    if (l.pc >= 0) {
        int off = l.pc - (at + 1);
        if (shortJump(op) && (off > 32767 || off < -32768)) throw std::runtime_error("function too large");
        patchJump(proto_->code[at], off);
    } else {
        l.patches.push_back(at);
    }
}

int FuncGen::moveTo(int src, int dst) {
    if (dst < 0 || dst == src) return src;
    emitABC(Op::MOVE, dst, src);
    return dst;
}

void FuncGen::finish() {
    if (cls_.size() > 65535) throw std::runtime_error("function too large");
    proto_->numRegs = uint16_t(std::max({cls_.size(), size_t(proto_->numParams), size_t(proto_->numResults), size_t(1)}));
    proto_->regIsRef.assign(proto_->numRegs, false);
    for (size_t i = 0; i < cls_.size(); i++)
        proto_->regIsRef[i] = cls_[i] == RegClass::Ref;
}

// ---------------------------------------------------------------------------------------------
// Variables

bool FuncGen::needsCell(const types::Var* v) const {
    if (isBoxed(v->type)) return false;
    return v->addressTaken || (v->captured && v->reassigned);
}

void FuncGen::declareLocal(types::Var* v, int reg) {
    if (needsCell(v)) {
        int cell = alloc(RegClass::Ref);
        emitABC(Op::NEWCELL, cell, reg, classOf(v->type) == RegClass::Ref ? 1 : 0);
        locals_[v] = {VarLoc::Cell, uint32_t(cell)};
    } else {
        locals_[v] = {VarLoc::Reg, uint32_t(reg)};
    }
}

int FuncGen::upvalueFor(types::Var* v) {
    for (size_t i = 0; i < upvalVars_.size(); i++)
        if (upvalVars_[i] == v) return int(i);
    VarLoc p = parent_->lookupVar(v);
    vm::UpvalDesc d;
    d.name = v->name;
    bool cell = false;
    switch (p.kind) {
    case VarLoc::Reg: d.fromParentRegister = true; break;
    case VarLoc::Cell: d.fromParentRegister = true; cell = true; break;
    case VarLoc::Up: d.fromParentRegister = false; break;
    case VarLoc::UpCell: d.fromParentRegister = false; cell = true; break;
    default: throw std::runtime_error("internal error: capture of a global " + v->name);
    }
    d.index = uint16_t(p.index);
    d.isRef = cell || classOf(v->type) == RegClass::Ref;
    proto_->upvals.push_back(d);
    upvalVars_.push_back(v);
    int idx = int(upvalVars_.size()) - 1;
    locals_[v] = {cell ? VarLoc::UpCell : VarLoc::Up, uint32_t(idx)};
    return idx;
}

VarLoc FuncGen::lookupVar(types::Var* v) {
    auto it = locals_.find(v);
    if (it != locals_.end()) return it->second;
    if (const GlobalLoc* g = pb_.global(v)) return {g->cell ? VarLoc::GlobalCell : VarLoc::Global, g->index};
    if (parent_ != nullptr) {
        upvalueFor(v);
        return locals_[v];
    }
    throw std::runtime_error("internal error: unknown variable " + v->name);
}

int FuncGen::loadVar(types::Var* v, int dst) {
    VarLoc l = lookupVar(v);
    auto target = [&]() { return dst >= 0 ? dst : allocFor(v->type); };
    switch (l.kind) {
    case VarLoc::Reg: return moveTo(int(l.index), dst);
    case VarLoc::Cell: {
        int r = target();
        emitABC(Op::LOADP, r, l.index);
        return r;
    }
    case VarLoc::Global: {
        int r = target();
        emitABx(Op::GETGLOBAL, r, l.index);
        return r;
    }
    case VarLoc::GlobalCell: {
        int c = alloc(RegClass::Ref);
        emitABx(Op::GETGLOBAL, c, l.index);
        int r = target();
        emitABC(Op::LOADP, r, c);
        return r;
    }
    case VarLoc::Up: {
        int r = target();
        emitABC(Op::GETUP, r, l.index);
        return r;
    }
    case VarLoc::UpCell: {
        int c = alloc(RegClass::Ref);
        emitABC(Op::GETUP, c, l.index);
        int r = target();
        emitABC(Op::LOADP, r, c);
        return r;
    }
    }
    return -1;
}

// Assignment to an existing variable (boxed: copy into its box).
void FuncGen::storeVar(types::Var* v, int src, bool fresh) {
    VarLoc l = lookupVar(v);
    if (isBoxed(v->type)) {
        int box = loadVar(v, -1);
        emitABC(Op::COPYINTO, box, src);
        return;
    }
    (void)fresh;
    switch (l.kind) {
    case VarLoc::Reg: moveTo(src, int(l.index)); break;
    case VarLoc::Cell: emitABC(Op::STOREP, l.index, src); break;
    case VarLoc::Global: emitABx(Op::SETGLOBAL, src, l.index); break;
    case VarLoc::GlobalCell: {
        int c = alloc(RegClass::Ref);
        emitABx(Op::GETGLOBAL, c, l.index);
        emitABC(Op::STOREP, c, src);
        break;
    }
    case VarLoc::Up: emitABC(Op::SETUP, src, l.index); break;
    case VarLoc::UpCell: {
        int c = alloc(RegClass::Ref);
        emitABC(Op::GETUP, c, l.index);
        emitABC(Op::STOREP, c, src);
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions

static bool containsDefer(ast::Node* n);

namespace {
// A tiny generic AST walker over statements and expressions (not into FuncLits when asked).
template <class F> void walk(ast::Node* n, F& f, bool intoFuncLits);

template <class F> void walkList(const std::vector<ast::Expr*>& l, F& f, bool d) {
    for (auto* e : l) walk(e, f, d);
}
template <class F> void walkStmts(const std::vector<ast::Stmt*>& l, F& f, bool d) {
    for (auto* s : l) walk(s, f, d);
}

template <class F> void walk(ast::Node* n, F& f, bool d) {
    using namespace ast;
    using Kind = ast::Kind;
    if (n == nullptr) return;
    if (!f(n)) return;
    switch (n->kind) {
    case Kind::CompositeLit: walkList(cast<CompositeLit>(n)->elts, f, d); break;
    case Kind::FuncLit:
        if (d) walk(cast<FuncLit>(n)->body, f, d);
        break;
    case Kind::ParenExpr: walk(cast<ParenExpr>(n)->x, f, d); break;
    case Kind::SelectorExpr: walk(cast<SelectorExpr>(n)->x, f, d); break;
    case Kind::IndexExpr:
        walk(cast<IndexExpr>(n)->x, f, d);
        walk(cast<IndexExpr>(n)->index, f, d);
        break;
    case Kind::SliceExpr: {
        auto* s = cast<SliceExpr>(n);
        walk(s->x, f, d);
        walk(s->low, f, d);
        walk(s->high, f, d);
        walk(s->max, f, d);
        break;
    }
    case Kind::TypeAssertExpr: walk(cast<TypeAssertExpr>(n)->x, f, d); break;
    case Kind::CallExpr:
        walk(cast<CallExpr>(n)->fun, f, d);
        walkList(cast<CallExpr>(n)->args, f, d);
        break;
    case Kind::StarExpr: walk(cast<StarExpr>(n)->x, f, d); break;
    case Kind::UnaryExpr: walk(cast<UnaryExpr>(n)->x, f, d); break;
    case Kind::BinaryExpr:
        walk(cast<BinaryExpr>(n)->x, f, d);
        walk(cast<BinaryExpr>(n)->y, f, d);
        break;
    case Kind::KeyValueExpr:
        walk(cast<KeyValueExpr>(n)->key, f, d);
        walk(cast<KeyValueExpr>(n)->value, f, d);
        break;
    case Kind::DeclStmt: {
        auto* g = cast<DeclStmt>(n)->decl;
        if (g)
            for (auto* sp : g->specs)
                if (auto* vs = as<ValueSpec>(sp)) walkList(vs->values, f, d);
        break;
    }
    case Kind::LabeledStmt: walk(cast<LabeledStmt>(n)->stmt, f, d); break;
    case Kind::ExprStmt: walk(cast<ExprStmt>(n)->x, f, d); break;
    case Kind::SendStmt:
        walk(cast<SendStmt>(n)->chan, f, d);
        walk(cast<SendStmt>(n)->value, f, d);
        break;
    case Kind::IncDecStmt: walk(cast<IncDecStmt>(n)->x, f, d); break;
    case Kind::AssignStmt:
        walkList(cast<AssignStmt>(n)->lhs, f, d);
        walkList(cast<AssignStmt>(n)->rhs, f, d);
        break;
    case Kind::GoStmt: walk(cast<GoStmt>(n)->call, f, d); break;
    case Kind::DeferStmt: walk(cast<DeferStmt>(n)->call, f, d); break;
    case Kind::ReturnStmt: walkList(cast<ReturnStmt>(n)->results, f, d); break;
    case Kind::BlockStmt: walkStmts(cast<BlockStmt>(n)->list, f, d); break;
    case Kind::IfStmt: {
        auto* s = cast<IfStmt>(n);
        walk(s->init, f, d);
        walk(s->cond, f, d);
        walk(s->body, f, d);
        walk(s->els, f, d);
        break;
    }
    case Kind::CaseClause:
        walkList(cast<CaseClause>(n)->list, f, d);
        walkStmts(cast<CaseClause>(n)->body, f, d);
        break;
    case Kind::SwitchStmt: {
        auto* s = cast<SwitchStmt>(n);
        walk(s->init, f, d);
        walk(s->tag, f, d);
        for (auto* c : s->clauses) walk(c, f, d);
        break;
    }
    case Kind::TypeSwitchStmt: {
        auto* s = cast<TypeSwitchStmt>(n);
        walk(s->init, f, d);
        walk(s->assign, f, d);
        for (auto* c : s->clauses) walk(c, f, d);
        break;
    }
    case Kind::CommClause:
        walk(cast<CommClause>(n)->comm, f, d);
        walkStmts(cast<CommClause>(n)->body, f, d);
        break;
    case Kind::SelectStmt:
        for (auto* c : cast<SelectStmt>(n)->clauses) walk(c, f, d);
        break;
    case Kind::ForStmt: {
        auto* s = cast<ForStmt>(n);
        walk(s->init, f, d);
        walk(s->cond, f, d);
        walk(s->post, f, d);
        walk(s->body, f, d);
        break;
    }
    case Kind::RangeStmt: {
        auto* s = cast<RangeStmt>(n);
        walk(s->key, f, d);
        walk(s->value, f, d);
        walk(s->x, f, d);
        walk(s->body, f, d);
        break;
    }
    default: break;
    }
}
} // namespace

static bool containsDefer(ast::Node* n) {
    bool found = false;
    auto f = [&](ast::Node* x) {
        if (x->kind == ast::Kind::DeferStmt) found = true;
        return !found;
    };
    walk(n, f, false);
    return found;
}

// The root variable of an lvalue path that modifies a value in place (x.f = , x[i] = , x.f++ ...).
static types::Var* rootVar(ast::Expr* e) {
    for (;;) {
        if (auto* p = ast::as<ast::ParenExpr>(e)) e = p->x;
        else if (auto* s = ast::as<ast::SelectorExpr>(e)) {
            if (s->x->type && types::isPointer(s->x->type)) return nullptr;
            e = s->x;
        } else if (auto* ix = ast::as<ast::IndexExpr>(e)) {
            if (!ix->x->type || types::under(ix->x->type)->kind != Kind::Array) return nullptr;
            e = ix->x;
        } else break;
    }
    if (auto* id = ast::as<ast::Ident>(e))
        if (id->obj) return id->obj->as<types::Var>();
    return nullptr;
}

void FuncGen::scanMutations(ast::Node* body) {
    auto mark = [&](ast::Expr* e) {
        if (types::Var* v = rootVar(e)) mutated_.insert(v);
    };
    auto f = [&](ast::Node* n) {
        switch (n->kind) {
        case ast::Kind::AssignStmt:
            for (auto* l : ast::cast<ast::AssignStmt>(n)->lhs) mark(l);
            break;
        case ast::Kind::IncDecStmt: mark(ast::cast<ast::IncDecStmt>(n)->x); break;
        case ast::Kind::RangeStmt:
            mark(ast::cast<ast::RangeStmt>(n)->key);
            mark(ast::cast<ast::RangeStmt>(n)->value);
            break;
        case ast::Kind::UnaryExpr:
            if (ast::cast<ast::UnaryExpr>(n)->op == syntax::Tok::And) mark(ast::cast<ast::UnaryExpr>(n)->x);
            break;
        case ast::Kind::CallExpr: {
            // x.M() with a pointer method takes x's address implicitly.
            auto* c = ast::cast<ast::CallExpr>(n);
            if (auto* s = ast::as<ast::SelectorExpr>(c->fun))
                if (s->selection && s->selection->kind == types::SelectionKind::MethodVal)
                    if (auto* m = s->selection->obj->as<types::Func>())
                        if (m->ptrRecv) mark(s->x);
            break;
        }
        default: break;
        }
        return true;
    };
    walk(body, f, true);
}

void FuncGen::genFuncDecl(const types::Func* fn, ast::FuncDecl* decl) {
    auto* sig = fn->signature();
    genFuncBody(sig, decl->recv, decl->sig, decl->body, decl);
}

void FuncGen::genFuncBody(types::Signature* sig, ast::FieldList* recv, ast::FuncType* ftype, ast::BlockStmt* body,
                          const ast::Node* owner) {
    (void)owner;
    setLine(ftype ? ftype->pos.line : proto_->line);
    // Parameters: receiver first, then each declared parameter (an unnamed one still takes a slot).
    std::vector<types::Var*> params;
    std::vector<RegClass> classes;
    if (recv) {
        for (auto* f : recv->list) {
            types::Var* v = nullptr;
            if (!f->names.empty() && f->names[0]->obj) v = f->names[0]->obj->as<types::Var>();
            params.push_back(v);
            classes.push_back(classOf(f->type ? f->type->type : nullptr));
        }
    }
    size_t pi = 0;
    for (auto* f : ftype->params->list) {
        size_t n = f->names.empty() ? 1 : f->names.size();
        for (size_t k = 0; k < n; k++, pi++) {
            types::Var* v = nullptr;
            if (!f->names.empty() && f->names[k]->obj) v = f->names[k]->obj->as<types::Var>();
            params.push_back(v);
            classes.push_back(classOf(pi < sig->params->size() ? sig->params->at(pi) : nullptr));
        }
    }
    markParams(classes);
    results_ = sig->results;
    proto_->numResults = uint16_t(results_->size());
    hasDefer_ = body && containsDefer(body);
    proto_->hasDefer = hasDefer_;
    if (body) scanMutations(body);

    for (size_t i = 0; i < params.size(); i++) {
        types::Var* v = params[i];
        if (v == nullptr || v->name == "_") continue;
        if (isBoxed(v->type) && (mutated_.count(v) || v->captured || v->addressTaken || v->reassigned))
            emitABC(Op::CLONE, int(i), int(i));
        declareLocal(v, int(i));
    }
    // Results: named results are ordinary variables starting at zero.
    if (ftype->results) {
        size_t ri = 0;
        for (auto* f : ftype->results->list) {
            size_t n = f->names.empty() ? 1 : f->names.size();
            for (size_t k = 0; k < n; k++, ri++) {
                types::Var* v = nullptr;
                if (!f->names.empty() && f->names[k]->obj) v = f->names[k]->obj->as<types::Var>();
                resultVars_.push_back(v);
            }
        }
    }
    resultVars_.resize(results_->size(), nullptr);
    for (size_t i = 0; i < resultVars_.size(); i++) {
        types::Var* v = resultVars_[i];
        bool named = v != nullptr;
        if (named || hasDefer_) {
            int r = alloc(classOf(results_->at(i)));
            zeroValue(results_->at(i), r);
            if (named && v->name != "_") declareLocal(v, r);
            else resultVars_[i] = nullptr;
            resultRegs_.push_back(r);
        }
    }
    if (hasDefer_) epilogue_ = newLabel();

    if (body) {
        block(body->list);
        setLine(body->rbrace.line);
    }
    if (reachableEnd()) emitReturn();
    if (hasDefer_) {
        bind(epilogue_);
        proto_->epiloguePc = uint32_t(pc());
        emitABC(Op::RUNDEFERS);
        std::vector<RegClass> rc;
        for (size_t i = 0; i < results_->size(); i++) rc.push_back(classOf(results_->at(i)));
        int base = allocWindow(rc);
        for (size_t i = 0; i < results_->size(); i++) {
            if (resultVars_[i]) loadVar(resultVars_[i], base + int(i));
            else moveTo(resultRegs_[i], base + int(i));
        }
        emitABC(Op::RET, base, int(results_->size()));
    }
}

// Whether control can reach the current end of the code (the last instruction does not end
// control flow, or a jump targets this point).
bool FuncGen::reachableEnd() const {
    if (proto_->code.empty()) return true;
    Op last = proto_->code.back().op;
    if (last != Op::RET && last != Op::JMP && last != Op::PANIC) return true;
    for (const Label& l : labels_)
        if (l.pc == pc() || !l.patches.empty()) return true;
    return false;
}

void FuncGen::emitReturn() {
    if (hasDefer_) {
        jump(epilogue_);
        return;
    }
    if (results_ == nullptr || results_->size() == 0) {
        emitABC(Op::RET, 0, 0);
        return;
    }
    if (resultRegs_.empty()) { // unreachable end of a function with results
        emitABC(Op::RET, 0, 0);
        return;
    }
    int save = top_;
    std::vector<RegClass> rc;
    for (size_t i = 0; i < results_->size(); i++) rc.push_back(classOf(results_->at(i)));
    int base = allocWindow(rc);
    for (size_t i = 0; i < results_->size(); i++) {
        if (resultVars_[i]) loadVar(resultVars_[i], base + int(i));
        else moveTo(resultRegs_[i], base + int(i));
    }
    emitABC(Op::RET, base, int(results_->size()));
    top_ = save;
}

void FuncGen::genInit(std::vector<PackageUnit*>& units) {
    isInit_ = true;
    results_ = pb_.ctx().tuple({});
    for (PackageUnit* u : units) {
        if (u->file && u->file->isScript()) {
            hasDefer_ = hasDefer_ || [&] {
                for (auto* s : u->file->scriptStmts)
                    if (containsDefer(s)) return true;
                return false;
            }();
        }
    }
    proto_->hasDefer = hasDefer_;
    if (hasDefer_) epilogue_ = newLabel();
    for (PackageUnit* u : units) {
        int save = top_;
        // Boxes and cells of package variables exist before any initializer runs.
        for (types::Var* v : u->info.globals) {
            const GlobalLoc* g = pb_.global(v);
            if (!g) continue;
            setLine(v->pos.line);
            if (isBoxed(v->type)) {
                int r = zeroValue(v->type, -1);
                if (g->cell) {
                    int c = alloc(RegClass::Ref);
                    emitABC(Op::NEWCELL, c, r, 1);
                    r = c;
                }
                emitABx(Op::SETGLOBAL, r, g->index);
            } else if (g->cell) {
                int z = zeroValue(v->type, -1);
                int c = alloc(RegClass::Ref);
                emitABC(Op::NEWCELL, c, z, classOf(v->type) == RegClass::Ref ? 1 : 0);
                emitABx(Op::SETGLOBAL, c, g->index);
            }
            top_ = save;
        }
        for (auto& init : u->info.initOrder) {
            if (!init.lhs.empty() && pb_.isScriptVar(init.lhs[0])) continue;
            setLine(init.rhs->pos.line);
            if (init.lhs.size() == 1) {
                int r = valueTo(init.rhs, init.lhs[0]->type);
                if (init.lhs[0]->name != "_") {
                    const GlobalLoc* g = pb_.global(init.lhs[0]);
                    if (g && !g->cell) emitABx(Op::SETGLOBAL, r, g->index);
                    else storeVar(init.lhs[0], r, true);
                }
            } else {
                std::vector<int> regs;
                if (auto* c = ast::as<ast::CallExpr>(init.rhs)) regs = call(c);
                for (size_t i = 0; i < init.lhs.size() && i < regs.size(); i++)
                    if (init.lhs[i]->name != "_") storeVar(init.lhs[i], regs[i], true);
            }
            top_ = save;
        }
        for (types::Func* f : u->info.funcs) {
            if (f->name != "init" || f->recv != nullptr) continue;
            const FuncRef* ref = pb_.funcRef(f);
            if (!ref || ref->native) continue;
            int base = allocWindow({});
            emitABC(Op::CALL, base, ref->index, 0);
            top_ = save;
        }
        if (u->file && u->file->isScript()) {
            scriptTop_ = true;
            for (auto* s : u->file->scriptStmts) stmt(s);
            scriptTop_ = false;
        }
    }
    emitReturn();
    if (hasDefer_) {
        bind(epilogue_);
        proto_->epiloguePc = uint32_t(pc());
        emitABC(Op::RUNDEFERS);
        emitABC(Op::RET, 0, 0);
    }
}

} // namespace gol::codegen
