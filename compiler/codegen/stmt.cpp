// Statements: declarations, assignments, control flow, loops, switch, select.
#include "compiler/codegen/funcgen.hpp"

#include <algorithm>
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
static bool isBlank(ast::Expr* e) {
    auto* id = ast::as<ast::Ident>(unparen(e));
    return id && id->name == "_";
}
static types::Var* varOf(ast::Expr* e) {
    auto* id = ast::as<ast::Ident>(unparen(e));
    return id && id->obj ? id->obj->as<types::Var>() : nullptr;
}

void FuncGen::block(const std::vector<ast::Stmt*>& list) {
    int save = top_;
    for (auto* s : list) stmt(s);
    top_ = save;
}

// ---------------------------------------------------------------------------------------------
// Variable homes

// A new variable gets its home register before its initializer is evaluated, so temporaries of
// the initializer can be released afterwards. Script top-level variables are globals (-1).
static int kNoHome = -1;

void FuncGen::stmt(ast::Stmt* s) {
    if (s == nullptr) return;
    setLine(s->pos.line);
    int save = top_;
    bool keep = false; // declarations keep their registers until the end of the block
    switch (s->kind) {
    case ast::Kind::EmptyStmt:
    case ast::Kind::BadStmt: break;
    case ast::Kind::ExprStmt: {
        auto* x = unparen(ast::cast<ast::ExprStmt>(s)->x);
        auto* c = ast::as<ast::CallExpr>(x);
        if (!c) {
            expr(x);
            break;
        }
        // A builtin's operands (copy, delete, print) are ordered like a call's arguments.
        CallHoist calls(*this);
        if (c->callKind == uint8_t(types::CallKind::Builtin)) calls.operands({}, c->args);
        call(c);
        break;
    }
    case ast::Kind::DeclStmt: {
        auto* g = ast::cast<ast::DeclStmt>(s)->decl;
        if (g && g->tok == Tok::Var)
            for (auto* sp : g->specs) varDecl(ast::cast<ast::ValueSpec>(sp));
        keep = true;
        break;
    }
    case ast::Kind::LabeledStmt: {
        auto* l = ast::cast<ast::LabeledStmt>(s);
        auto it = gotoLabels_.find(l);
        int lab;
        if (it == gotoLabels_.end()) {
            lab = newLabel();
            gotoLabels_[l] = lab;
        } else lab = it->second;
        bind(lab);
        ast::Stmt* inner = l->stmt;
        switch (inner->kind) {
        case ast::Kind::ForStmt: forStmt(ast::cast<ast::ForStmt>(inner), l); break;
        case ast::Kind::RangeStmt: rangeStmt(ast::cast<ast::RangeStmt>(inner), l); break;
        case ast::Kind::SwitchStmt: switchStmt(ast::cast<ast::SwitchStmt>(inner), l); break;
        case ast::Kind::TypeSwitchStmt: typeSwitchStmt(ast::cast<ast::TypeSwitchStmt>(inner), l); break;
        case ast::Kind::SelectStmt: selectStmt(ast::cast<ast::SelectStmt>(inner), l); break;
        default:
            stmt(inner);
            keep = true;
            break;
        }
        break;
    }
    case ast::Kind::SendStmt: {
        auto* ss = ast::cast<ast::SendStmt>(s);
        CallHoist calls(*this); // `chs[i] <- f()` reads chs and i after f (gc)
        calls.operands(ss->chan, ss->value);
        int ch = expr(ss->chan);
        types::Type* elem = U(ss->chan->type)->as<types::Chan>()->elem;
        int v = valueTo(ss->value, elem);
        emitABC(Op::SEND, ch, v);
        break;
    }
    case ast::Kind::IncDecStmt: incDec(ast::cast<ast::IncDecStmt>(s)); break;
    case ast::Kind::AssignStmt: {
        auto* a = ast::cast<ast::AssignStmt>(s);
        if (a->tok == Tok::Define) {
            define(a);
            keep = true;
        } else if (a->tok == Tok::Assign) assign(a);
        else opAssign(a);
        break;
    }
    case ast::Kind::GoStmt: deferredCall(ast::cast<ast::GoStmt>(s)->call, Op::GO); break;
    case ast::Kind::DeferStmt: deferredCall(ast::cast<ast::DeferStmt>(s)->call, Op::DEFER); break;
    case ast::Kind::ReturnStmt: returnStmt(ast::cast<ast::ReturnStmt>(s)); break;
    case ast::Kind::BranchStmt: branch(ast::cast<ast::BranchStmt>(s)); break;
    case ast::Kind::BlockStmt: block(ast::cast<ast::BlockStmt>(s)->list); break;
    case ast::Kind::IfStmt: ifStmt(ast::cast<ast::IfStmt>(s)); break;
    case ast::Kind::SwitchStmt: switchStmt(ast::cast<ast::SwitchStmt>(s), nullptr); break;
    case ast::Kind::TypeSwitchStmt: typeSwitchStmt(ast::cast<ast::TypeSwitchStmt>(s), nullptr); break;
    case ast::Kind::SelectStmt: selectStmt(ast::cast<ast::SelectStmt>(s), nullptr); break;
    case ast::Kind::ForStmt: forStmt(ast::cast<ast::ForStmt>(s), nullptr); break;
    case ast::Kind::RangeStmt: rangeStmt(ast::cast<ast::RangeStmt>(s), nullptr); break;
    default: throw std::runtime_error(std::string("internal error: unexpected statement ") + ast::kindName(s->kind));
    }
    if (!keep) top_ = save;
}

// Home register for a new variable (its cell when it needs one); kNoHome for globals.
static int allocHomeImpl(FuncGen& g, ProgramBuilder& pb, types::Var* v, bool cell) {
    if (pb.global(v)) return kNoHome;
    return cell ? g.alloc(RegClass::Ref) : g.allocFor(v->type);
}

// ---------------------------------------------------------------------------------------------
// Declarations and assignments

// Whether x, the one value of several targets, is a comma-ok form rather than a call's results.
static bool isCommaOk(ast::Expr* x) {
    return x->mode == uint8_t(types::Mode::CommaOK) || ast::isa<ast::TypeAssertExpr>(x) ||
           ast::isa<ast::IndexExpr>(x) || (ast::isa<ast::UnaryExpr>(x) && ast::cast<ast::UnaryExpr>(x)->op == Tok::Arrow);
}


void FuncGen::varDecl(ast::ValueSpec* spec) {
    std::vector<types::Var*> vars;
    std::vector<int> homes;
    for (auto* id : spec->names) {
        types::Var* v = id->obj ? id->obj->as<types::Var>() : nullptr;
        vars.push_back(v);
        homes.push_back(v && id->name != "_" ? allocHomeImpl(*this, pb_, v, needsCell(v)) : kNoHome);
    }
    int mark = top_;
    std::vector<int> vals(vars.size(), -1);
    std::vector<bool> fresh(vars.size(), true);
    if (spec->values.size() == 1 && vars.size() > 1) {
        std::vector<int> regs;
        std::vector<types::Type*> ts;
        std::vector<bool> fr;
        multiValue(spec->values[0], regs, ts, fr);
        for (size_t i = 0; i < vars.size(); i++) {
            if (!vars[i] || spec->names[i]->name == "_") continue;
            vals[i] = convertReg(regs[i], ts[i], vars[i]->type, -1);
            if (!fr[i] && isBoxed(vars[i]->type)) {
                int c = alloc(RegClass::Ref);
                emitABC(Op::CLONE, c, vals[i]);
                vals[i] = c;
            }
        }
    } else
    for (size_t i = 0; i < vars.size(); i++) {
        types::Var* v = vars[i];
        if (!v) continue;
        if (i < spec->values.size()) {
            if (spec->names[i]->name == "_") {
                expr(spec->values[i]);
                continue;
            }
            bool direct = homes[i] >= 0 && !needsCell(v);
            vals[i] = valueTo(spec->values[i], v->type, direct ? homes[i] : -1);
        } else if (spec->names[i]->name != "_") {
            bool direct = homes[i] >= 0 && !needsCell(v);
            vals[i] = zeroValue(v->type, direct ? homes[i] : -1);
        }
    }
    for (size_t i = 0; i < vars.size(); i++) {
        types::Var* v = vars[i];
        if (!v || spec->names[i]->name == "_") continue;
        if (homes[i] == kNoHome) {
            // Script top-level variable: a global.
            const GlobalLoc* g = pb_.global(v);
            if (g->cell) {
                int c = alloc(RegClass::Ref);
                emitABC(Op::NEWCELL, c, vals[i], classOf(v->type) == RegClass::Ref ? 1 : 0);
                emitABx(Op::SETGLOBAL, c, g->index);
            } else emitABx(Op::SETGLOBAL, vals[i], g->index);
        } else if (needsCell(v)) {
            emitABC(Op::NEWCELL, homes[i], vals[i], classOf(v->type) == RegClass::Ref ? 1 : 0);
            locals_[v] = {VarLoc::Cell, uint32_t(homes[i])};
        } else {
            moveTo(vals[i], homes[i]);
            locals_[v] = {VarLoc::Reg, uint32_t(homes[i])};
        }
    }
    top_ = mark;
}

void FuncGen::define(ast::AssignStmt* s) {
    // New variables get homes first.
    std::vector<types::Var*> vars;
    std::vector<int> homes;
    std::vector<bool> isNew;
    for (auto* l : s->lhs) {
        auto* id = ast::as<ast::Ident>(l);
        types::Var* v = id && id->obj ? id->obj->as<types::Var>() : nullptr;
        bool nw = id && id->isNewDef && id->name != "_" && v;
        vars.push_back(v);
        isNew.push_back(nw);
        homes.push_back(nw ? allocHomeImpl(*this, pb_, v, needsCell(v)) : kNoHome);
    }
    int mark = top_;
    CallHoist calls(*this);
    if (s->rhs.size() == s->lhs.size()) calls.operands({}, s->rhs, true); // not `a, b := f()` or comma-ok
    std::vector<int> vals(vars.size(), -1);
    std::vector<bool> fresh(vars.size(), false);
    std::vector<types::Type*> vtypes(vars.size(), nullptr);
    if (s->rhs.size() == 1 && s->lhs.size() > 1) {
        std::vector<int> regs;
        std::vector<types::Type*> ts;
        std::vector<bool> fr;
        multiValue(s->rhs[0], regs, ts, fr);
        for (size_t i = 0; i < vars.size(); i++) {
            if (!vars[i] || isBlank(s->lhs[i])) continue;
            vals[i] = convertReg(regs[i], ts[i], vars[i]->type, -1);
            fresh[i] = fr[i];
            vtypes[i] = ts[i];
        }
    } else {
        bool parallel = s->lhs.size() > 1;
        for (size_t i = 0; i < vars.size(); i++) {
            if (isBlank(s->lhs[i])) {
                expr(s->rhs[i]);
                continue;
            }
            types::Var* v = vars[i];
            bool direct = !parallel && isNew[i] && homes[i] >= 0 && !needsCell(v);
            if (!isNew[i] || parallel) {
                int t = allocFor(v->type);
                vals[i] = valueTo(s->rhs[i], v->type, t);
            } else vals[i] = valueTo(s->rhs[i], v->type, direct ? homes[i] : -1);
            fresh[i] = true;
        }
    }
    for (size_t i = 0; i < vars.size(); i++) {
        types::Var* v = vars[i];
        if (!v || isBlank(s->lhs[i]) || vals[i] < 0) continue;
        int val = vals[i];
        if (!fresh[i] && isBoxed(v->type)) {
            int c = alloc(RegClass::Ref);
            emitABC(Op::CLONE, c, val);
            val = c;
        }
        if (!isNew[i]) {
            storeVar(v, val, true);
        } else if (homes[i] == kNoHome) {
            const GlobalLoc* g = pb_.global(v);
            if (g->cell) {
                int c = alloc(RegClass::Ref);
                emitABC(Op::NEWCELL, c, val, classOf(v->type) == RegClass::Ref ? 1 : 0);
                emitABx(Op::SETGLOBAL, c, g->index);
            } else emitABx(Op::SETGLOBAL, val, g->index);
        } else if (needsCell(v)) {
            emitABC(Op::NEWCELL, homes[i], val, classOf(v->type) == RegClass::Ref ? 1 : 0);
            locals_[v] = {VarLoc::Cell, uint32_t(homes[i])};
        } else {
            moveTo(val, homes[i]);
            locals_[v] = {VarLoc::Reg, uint32_t(homes[i])};
        }
    }
    top_ = mark;
}


LValue FuncGen::lvalue(ast::Expr* e, bool stable) {
    e = unparen(e);
    LValue lv;
    lv.type = e->type;
    auto keep = [&](int r) {
        // Only a register that a store of the same statement rewrites needs a copy: nothing else
        // writes a live register while the statement's right-hand sides are evaluated.
        if (!stable || std::find(assignedRegs_.begin(), assignedRegs_.end(), r) == assignedRegs_.end()) return r;
        int t = alloc(cls_[r]);
        emitABC(Op::MOVE, t, r);
        return t;
    };
    if (isBlank(e)) return lv;
    if (auto* v = varOf(e)) {
        VarLoc l = lookupVar(v);
        lv.type = v->type;
        if (isBoxed(v->type)) {
            lv.kind = LValue::Box;
            lv.base = loadVar(v, -1);
            return lv;
        }
        lv.slot = l.index;
        switch (l.kind) {
        case VarLoc::Reg: lv.kind = LValue::Local; lv.base = int(l.index); break;
        case VarLoc::Cell: lv.kind = LValue::Cell; lv.base = int(l.index); break;
        case VarLoc::Global: lv.kind = LValue::Global; break;
        case VarLoc::GlobalCell: lv.kind = LValue::GlobalCell; break;
        case VarLoc::Up: lv.kind = LValue::Up; break;
        case VarLoc::UpCell: lv.kind = LValue::UpCell; break;
        }
        return lv;
    }
    if (auto* s = ast::as<ast::SelectorExpr>(e)) {
        if (s->pkgObj) {
            auto* v = s->pkgObj->as<types::Var>();
            const GlobalLoc* g = pb_.global(v);
            lv.type = v->type;
            if (isBoxed(v->type)) {
                lv.kind = LValue::Box;
                lv.base = loadVar(v, -1);
            } else {
                lv.kind = g->cell ? LValue::GlobalCell : LValue::Global;
                lv.slot = g->index;
            }
            return lv;
        }
        auto* sel = s->selection;
        int base = expr(s->x);
        types::Type* t = s->x->type;
        base = walkPath(base, t, sel->index, sel->index.size() - 1);
        if (isBoxed(s->type)) {
            lv.kind = LValue::Box;
            lv.base = alloc(RegClass::Ref);
            emitABC(Op::GETF, lv.base, base, sel->index.back());
            return lv;
        }
        lv.kind = LValue::Field;
        lv.base = keep(base);
        lv.index = sel->index.back();
        return lv;
    }
    if (auto* ix = ast::as<ast::IndexExpr>(e)) {
        types::Type* xt = U(ix->x->type);
        CallHoist calls(*this);
        calls.operands(ix->x, ix->index);
        int b = expr(ix->x);
        if (auto* m = xt->as<types::Map>()) {
            lv.kind = LValue::Map;
            lv.base = keep(b);
            lv.index = keep(exprTo(ix->index, m->key));
            return lv;
        }
        int i = expr(ix->index);
        bool isSlice = xt->as<types::Slice>() != nullptr;
        if (isBoxed(ix->type)) {
            lv.kind = LValue::Box;
            lv.base = alloc(RegClass::Ref);
            emitABC(isSlice ? Op::GETSL : Op::GETARR, lv.base, b, i);
            return lv;
        }
        lv.kind = isSlice ? LValue::Slice : LValue::Array;
        lv.byteElem = isByteElem(ix->type);
        lv.base = keep(b);
        lv.index = keep(i);
        return lv;
    }
    if (auto* st = ast::as<ast::StarExpr>(e)) {
        int p = expr(st->x);
        if (isBoxed(e->type)) {
            lv.kind = LValue::Box;
            lv.base = keep(p);
            return lv;
        }
        lv.kind = LValue::Ptr;
        lv.byteElem = isByteElem(e->type);
        lv.base = keep(p);
        return lv;
    }
    throw std::runtime_error("internal error: not assignable");
}

int FuncGen::loadLValue(const LValue& lv, int dst) {
    int r = dst >= 0 ? dst : allocFor(lv.type);
    switch (lv.kind) {
    case LValue::Blank: break;
    case LValue::Local:
    case LValue::Box: moveTo(lv.base, r); break;
    case LValue::Cell: emitABC(Op::LOADP, r, lv.base); break;
    case LValue::Ptr: emitABC(lv.byteElem ? Op::LOADPB : Op::LOADP, r, lv.base); break;
    case LValue::Global: emitABx(Op::GETGLOBAL, r, lv.slot); break;
    case LValue::GlobalCell: {
        int c = alloc(RegClass::Ref);
        emitABx(Op::GETGLOBAL, c, lv.slot);
        emitABC(Op::LOADP, r, c);
        break;
    }
    case LValue::Up: emitABC(Op::GETUP, r, lv.slot); break;
    case LValue::UpCell: {
        int c = alloc(RegClass::Ref);
        emitABC(Op::GETUP, c, lv.slot);
        emitABC(Op::LOADP, r, c);
        break;
    }
    case LValue::Field: emitABC(Op::GETF, r, lv.base, lv.index); break;
    case LValue::Slice: emitABC(lv.byteElem ? Op::GETSLB : Op::GETSL, r, lv.base, lv.index); break;
    case LValue::Array: emitABC(lv.byteElem ? Op::GETARRB : Op::GETARR, r, lv.base, lv.index); break;
    case LValue::Map:
        emitABC(Op::MAPGET, r, lv.base, lv.index);
        emitExtra(pb_.rtype(lv.type));
        break;
    }
    return r;
}

void FuncGen::storeLValue(const LValue& lv, int src, bool fresh) {
    switch (lv.kind) {
    case LValue::Blank: break;
    case LValue::Local: moveTo(src, lv.base); break;
    case LValue::Box: emitABC(Op::COPYINTO, lv.base, src); break;
    case LValue::Cell: emitABC(Op::STOREP, lv.base, src); break;
    case LValue::Ptr: emitABC(lv.byteElem ? Op::STOREPB : Op::STOREP, lv.base, src); break;
    case LValue::Global: emitABx(Op::SETGLOBAL, src, lv.slot); break;
    case LValue::GlobalCell: {
        int c = alloc(RegClass::Ref);
        emitABx(Op::GETGLOBAL, c, lv.slot);
        emitABC(Op::STOREP, c, src);
        break;
    }
    case LValue::Up: emitABC(Op::SETUP, src, lv.slot); break;
    case LValue::UpCell: {
        int c = alloc(RegClass::Ref);
        emitABC(Op::GETUP, c, lv.slot);
        emitABC(Op::STOREP, c, src);
        break;
    }
    case LValue::Field: emitABC(Op::SETF, lv.base, lv.index, src); break;
    case LValue::Slice: emitABC(lv.byteElem ? Op::SETSLB : Op::SETSL, lv.base, lv.index, src); break;
    case LValue::Array: emitABC(lv.byteElem ? Op::SETARRB : Op::SETARR, lv.base, lv.index, src); break;
    case LValue::Map:
        if (isBoxed(lv.type) && !fresh) {
            int c = alloc(RegClass::Ref);
            emitABC(Op::CLONE, c, src);
            src = c;
        }
        emitABC(Op::MAPSET, lv.base, lv.index, src);
        break;
    }
}

// Whether e reads no variable of `targets` except `own`, and cannot panic (so no target can be
// observed half-assigned after a recover): constants, variables and the non-trapping operators.
static bool readsOnlyOwn(ast::Expr* e, const types::Var* own, const std::vector<types::Var*>& targets) {
    e = unparen(e);
    if (e->constant && e->mode == uint8_t(types::Mode::Constant)) return true;
    if (auto* id = ast::as<ast::Ident>(e)) {
        types::Var* v = varOf(id);
        return v && (v == own || std::find(targets.begin(), targets.end(), v) == targets.end());
    }
    if (auto* u = ast::as<ast::UnaryExpr>(e))
        return (u->op == Tok::Sub || u->op == Tok::Add || u->op == Tok::Xor || u->op == Tok::Not) &&
               readsOnlyOwn(u->x, own, targets);
    if (auto* b = ast::as<ast::BinaryExpr>(e)) {
        switch (b->op) {
        case Tok::Add: case Tok::Sub: case Tok::Mul: case Tok::And: case Tok::Or: case Tok::Xor:
        case Tok::AndNot: case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr:
        case Tok::Geq: case Tok::LAnd: case Tok::LOr:
            return readsOnlyOwn(b->x, own, targets) && readsOnlyOwn(b->y, own, targets);
        default: return false;
        }
    }
    return false;
}

// x, y = ex, ey where every target is a register variable of a scalar or reference (not boxed)
// type and each right-hand side reads no target but its own (readsOnlyOwn).
bool FuncGen::independentTargets(ast::AssignStmt* s) {
    if (s->lhs.size() < 2 || s->lhs.size() != s->rhs.size()) return false;
    std::vector<types::Var*> targets;
    for (auto* l : s->lhs) {
        types::Var* v = varOf(l);
        if (!v || isBoxed(v->type) || types::isInterface(v->type) || lookupVar(v).kind != VarLoc::Reg) return false;
        targets.push_back(v);
    }
    for (size_t i = 0; i < s->rhs.size(); i++) {
        if (!types::identical(s->rhs[i]->type, targets[i]->type) && !types::isUntyped(s->rhs[i]->type)) return false;
        if (!readsOnlyOwn(s->rhs[i], targets[i], targets)) return false;
    }
    return true;
}

void FuncGen::assign(ast::AssignStmt* s) {
    CallHoist calls(*this);
    std::vector<types::Type*> targetTypes; // what each value is converted to
    for (auto* l : s->lhs)
        targetTypes.push_back(isBlank(l) ? nullptr : l->type);
    calls.operands(s->lhs, s->rhs, true, &targetTypes);
    if (s->lhs.size() == 1 && s->rhs.size() == 1) {
        LValue lv = lvalue(s->lhs[0], false);
        if (lv.kind == LValue::Blank) {
            expr(s->rhs[0]);
            return;
        }
        if (lv.kind == LValue::Local) {
            exprTo(s->rhs[0], lv.type, lv.base);
            return;
        }
        bool fresh = isFresh(s->rhs[0]);
        int v = exprTo(s->rhs[0], lv.type);
        storeLValue(lv, v, fresh);
        return;
    }
    if (independentTargets(s)) {
        // x, y = x+1, y-1: each right-hand side reads no other target, so each goes straight into
        // its variable's register, in order, with nothing left to copy.
        for (size_t i = 0; i < s->lhs.size(); i++) {
            types::Var* v = varOf(s->lhs[i]);
            exprTo(s->rhs[i], v->type, int(lookupVar(v).index));
        }
        return;
    }
    // One value for several targets (a call's results, a comma-ok form) is made before the
    // targets' operands are read, as gc does; the calls among the targets ran before it
    // (CallHoist::operands).
    std::vector<int> vals;
    std::vector<types::Type*> ts;
    std::vector<bool> fr;
    if (s->rhs.size() == 1) multiValue(s->rhs[0], vals, ts, fr);
    std::vector<LValue> lvs;
    assignedRegs_.clear();
    for (auto* l : s->lhs)
        if (types::Var* v = varOf(l); v && !isBoxed(v->type)) {
            VarLoc loc = lookupVar(v);
            if (loc.kind == VarLoc::Reg) assignedRegs_.push_back(int(loc.index));
        }
    for (auto* l : s->lhs) lvs.push_back(lvalue(l, true));
    assignedRegs_.clear();
    if (s->rhs.size() == 1) {
        for (size_t i = 0; i < lvs.size(); i++) {
            if (lvs[i].kind == LValue::Blank) continue;
            int v = convertReg(vals[i], ts[i], lvs[i].type, -1);
            storeLValue(lvs[i], v, fr[i]);
        }
        return;
    }
    for (size_t i = 0; i < s->rhs.size(); i++) {
        types::Type* t = lvs[i].kind == LValue::Blank ? s->rhs[i]->type : lvs[i].type;
        int r = allocFor(t);
        valueTo(s->rhs[i], t, r);
        vals.push_back(r);
    }
    for (size_t i = 0; i < lvs.size(); i++) storeLValue(lvs[i], vals[i], true);
}

static Tok baseOp(Tok t) {
    switch (t) {
    case Tok::AddAssign: return Tok::Add;
    case Tok::SubAssign: return Tok::Sub;
    case Tok::MulAssign: return Tok::Mul;
    case Tok::QuoAssign: return Tok::Quo;
    case Tok::RemAssign: return Tok::Rem;
    case Tok::AndAssign: return Tok::And;
    case Tok::OrAssign: return Tok::Or;
    case Tok::XorAssign: return Tok::Xor;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    case Tok::AndNotAssign: return Tok::AndNot;
    default: return Tok::Illegal;
    }
}

void FuncGen::opAssign(ast::AssignStmt* s) {
    // x op= y is x = x op y with x's operands evaluated once: rewrite into a synthetic
    // BinaryExpr over a register-backed placeholder is awkward, so emit the op directly.
    CallHoist calls(*this);
    calls.operands(s->lhs, s->rhs);
    LValue lv = lvalue(s->lhs[0], false);
    // A register variable is its own operand: y cannot change it (a variable that a closure could
    // assign lives in a cell), and every op reads its operands before writing R[a].
    int cur = lv.kind == LValue::Local ? lv.base : loadLValue(lv, -1);
    types::Type* t = lv.type;
    Tok op = baseOp(s->tok);
    int r = lv.kind == LValue::Local ? lv.base : allocFor(t);
    ast::Expr* y = s->rhs[0];
    bool flt = types::isFloat(t);
    bool uns = types::isUnsigned(t);
    if (types::isString(t)) {
        int yv = expr(y);
        emitABC(Op::CONCAT, r, cur, yv);
    } else if (op == Tok::Shl || op == Tok::Shr) {
        if (y->constant) {
            uint64_t n = y->constant->uint64();
            if (n >= 64) {
                if (op == Tok::Shr && !uns) emitABC(Op::SHRI, r, cur, 63);
                else emitABC(Op::LOADZ, r);
            } else emitABC(op == Tok::Shl ? Op::SHLI : (uns ? Op::SHRUI : Op::SHRI), r, cur, int(n));
        } else {
            int yv = expr(y);
            if (!types::isUnsigned(y->type)) emitABC(Op::CHKSHIFT, yv);
            emitABC(op == Tok::Shl ? Op::SHL : (uns ? Op::SHRU : Op::SHR), r, cur, yv);
        }
        narrow(r, t);
    } else {
        Op o;
        switch (op) {
        case Tok::Add: o = flt ? Op::ADDF : Op::ADD; break;
        case Tok::Sub: o = flt ? Op::SUBF : Op::SUB; break;
        case Tok::Mul: o = flt ? Op::MULF : Op::MUL; break;
        case Tok::Quo: o = flt ? Op::DIVF : (uns ? Op::DIVU : Op::DIV); break;
        case Tok::Rem: o = uns ? Op::MODU : Op::MOD; break;
        case Tok::And: o = Op::AND; break;
        case Tok::Or: o = Op::OR; break;
        case Tok::Xor: o = Op::XOR; break;
        default: o = Op::ANDNOT; break;
        }
        if (arithConst(o, t, r, cur, y, false)) {
            narrow(r, t);
            storeLValue(lv, r, true);
            return;
        }
        int yv = exprTo(y, t);
        emitABC(o, r, cur, yv);
        narrow(r, t);
    }
    storeLValue(lv, r, true);
}

void FuncGen::incDec(ast::IncDecStmt* s) {
    LValue lv = lvalue(s->x, false);
    int cur = lv.kind == LValue::Local ? lv.base : loadLValue(lv, -1);
    types::Type* t = lv.type;
    int r = lv.kind == LValue::Local ? lv.base : allocFor(t);
    if (types::isFloat(t)) {
        int one = constant(types::Constant::makeFloat(1), t, -1);
        emitABC(s->tok == Tok::Inc ? Op::ADDF : Op::SUBF, r, cur, one);
    } else {
        emitABC(Op::ADDI, r, cur, uint16_t(int16_t(s->tok == Tok::Inc ? 1 : -1)));
    }
    narrow(r, t);
    storeLValue(lv, r, true);
}

// ---------------------------------------------------------------------------------------------
// return, branches, if

void FuncGen::returnStmt(ast::ReturnStmt* s) {
    size_t n = results_ ? results_->size() : 0;
    if (s->results.empty() || n == 0) {
        emitReturn();
        return;
    }
    std::vector<int> vals;
    std::vector<types::Type*> ts;
    CallHoist calls(*this);
    calls.operands({}, s->results, false, &results_->types);
    if (s->results.size() == 1 && n > 1) {
        auto* c = ast::cast<ast::CallExpr>(unparen(s->results[0]));
        vals = call(c);
        auto* tup = c->type->as<types::Tuple>();
        for (size_t i = 0; i < n; i++) vals[i] = convertReg(vals[i], tup->at(i), results_->at(i), -1);
    } else if (!resultRegs_.empty()) {
        for (size_t i = 0; i < n; i++) {
            int r = allocFor(results_->at(i));
            valueTo(s->results[i], results_->at(i), r);
            vals.push_back(r);
        }
    } else {
        // Fast path: straight into the return window.
        std::vector<RegClass> rc;
        for (size_t i = 0; i < n; i++) rc.push_back(classOf(results_->at(i)));
        int base = allocWindow(rc);
        for (size_t i = 0; i < n; i++) valueTo(s->results[i], results_->at(i), base + int(i));
        emitABC(Op::RET, base, int(n));
        return;
    }
    if (resultRegs_.empty()) {
        std::vector<RegClass> rc;
        for (size_t i = 0; i < n; i++) rc.push_back(classOf(results_->at(i)));
        int base = allocWindow(rc);
        for (size_t i = 0; i < n; i++) moveTo(vals[i], base + int(i));
        emitABC(Op::RET, base, int(n));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (resultVars_[i]) {
            // Assign the named result (a fresh copy: replace the register rather than copy into it,
            // unless it lives in a cell).
            VarLoc l = lookupVar(resultVars_[i]);
            if (l.kind == VarLoc::Reg) moveTo(vals[i], int(l.index));
            else storeVar(resultVars_[i], vals[i], true);
        } else moveTo(vals[i], resultRegs_[i]);
    }
    emitReturn();
}

void FuncGen::branch(ast::BranchStmt* s) {
    switch (s->tok) {
    case Tok::Goto: {
        auto* target = ast::as<ast::LabeledStmt>(s->target);
        if (!target) throw std::runtime_error("internal error: goto without target");
        auto it = gotoLabels_.find(target);
        int lab;
        if (it == gotoLabels_.end()) {
            lab = newLabel();
            gotoLabels_[target] = lab;
        } else lab = it->second;
        jump(lab);
        return;
    }
    case Tok::Fallthrough: {
        // The innermost switch context keeps the next clause's label in loopContinue (see switchStmt).
        for (auto it = loops_.rbegin(); it != loops_.rend(); ++it)
            if (ast::isa<ast::SwitchStmt>(it->stmt)) {
                jump(it->loopContinue);
                return;
            }
        return;
    }
    default: break;
    }
    bool isBreak = s->tok == Tok::Break;
    for (auto it = loops_.rbegin(); it != loops_.rend(); ++it) {
        bool loop = ast::isa<ast::ForStmt>(it->stmt) || ast::isa<ast::RangeStmt>(it->stmt);
        bool match;
        if (s->label) {
            match = s->target == it->stmt || s->target == it->label ||
                    (it->label && ast::cast<ast::LabeledStmt>(it->label)->label->name == s->label->name);
        } else if (s->target) {
            match = s->target == it->stmt;
        } else {
            match = isBreak || loop;
        }
        if (!match) continue;
        if (isBreak) jump(it->breakLabel);
        else jump(it->loopContinue);
        return;
    }
    throw std::runtime_error("internal error: branch target not found");
}

void FuncGen::ifStmt(ast::IfStmt* s) {
    int save = top_;
    if (s->init) stmt(s->init);
    int lelse = newLabel(), end = newLabel();
    condJump(s->cond, false, lelse);
    block(s->body->list);
    if (s->els) {
        jump(end);
        bind(lelse);
        stmt(s->els);
    } else bind(lelse);
    bind(end);
    top_ = save;
}

// ---------------------------------------------------------------------------------------------
// Loops

static std::vector<types::Var*> initVars(ast::Stmt* init) {
    std::vector<types::Var*> out;
    if (auto* a = ast::as<ast::AssignStmt>(init); a && a->tok == Tok::Define)
        for (auto* l : a->lhs)
            if (auto* id = ast::as<ast::Ident>(l); id && id->isNewDef && id->obj)
                if (auto* v = id->obj->as<types::Var>()) out.push_back(v);
    return out;
}

void FuncGen::forStmt(ast::ForStmt* s, ast::Stmt* label) {
    int save = top_;
    bool wasTop = scriptTop_;
    scriptTop_ = false;
    if (s->init) stmt(s->init);
    int ltop = newLabel(), lcont = newLabel(), lbreak = newLabel();
    // Rotated: the condition is tested once before the first iteration and then at the bottom,
    // so an iteration takes one branch, into which a counter's step can fuse (fuseLoopStep).
    if (s->cond) condJump(s->cond, false, lbreak);
    bind(ltop);
    loops_.push_back({s, label, lbreak, lcont});
    block(s->body->list);
    loops_.pop_back();
    bind(lcont);
    // Go 1.22: each iteration has its own loop variables; one living in a cell gets a fresh cell
    // (holding the current value) before the post statement.
    for (types::Var* v : initVars(s->init)) {
        auto it = locals_.find(v);
        if (it == locals_.end() || it->second.kind != VarLoc::Cell) continue;
        int t = allocFor(v->type);
        emitABC(Op::LOADP, t, it->second.index);
        emitABC(Op::NEWCELL, it->second.index, t, classOf(v->type) == RegClass::Ref ? 1 : 0);
        top_ = t;
    }
    int postPc = pc();
    if (s->post) stmt(s->post);
    if (s->cond) {
        condJump(s->cond, true, ltop);
        if (s->post && labels_[lcont].pc == postPc) fuseLoopStep(postPc);
    } else jump(ltop);
    bind(lbreak);
    scriptTop_ = wasTop;
    top_ = save;
}

// When the code from `at` on is exactly `ADDI i i step` then `JLT i n` / `JLTI i #n` (the post
// statement i++ or i += step, then the condition i < n), makes it one FORLT / FORLTI. Only the
// continue label can name `at` (the caller checks it is bound there); nothing jumps to the JLT.
void FuncGen::fuseLoopStep(int at) {
    auto& code = proto_->code;
    if (pc() != at + 2) return;
    const vm::Instr step = code[size_t(at)], test = code[size_t(at) + 1];
    if (step.op != Op::ADDI || step.a != step.b || step.sc() < -128 || step.sc() > 127) return;
    if ((test.op != Op::JLT && test.op != Op::JLTI) || test.b != step.a) return;
    vm::Instr fused = test;
    fused.op = test.op == Op::JLT ? Op::FORLT : Op::FORLTI;
    fused.x = uint8_t(int8_t(step.sc()));
    fused.a = uint16_t(int16_t(test.sa() + 1)); // one instruction earlier, the same target
    code[size_t(at)] = fused;
    code.pop_back();
    proto_->lines.pop_back();
}

// Assigns or defines a range variable from a register.
void FuncGen::rangeAssign(ast::RangeStmt* s, ast::Expr* target, int valueReg, types::Type* t) {
    if (!target || isBlank(target)) return;
    if (s->tok == Tok::Define) {
        types::Var* v = varOf(target);
        if (!v) return;
        int val = valueReg;
        if (needsCell(v)) {
            int c = alloc(RegClass::Ref);
            emitABC(Op::NEWCELL, c, val, classOf(v->type) == RegClass::Ref ? 1 : 0);
            locals_[v] = {VarLoc::Cell, uint32_t(c)};
        } else {
            int home = allocFor(v->type);
            moveTo(val, home);
            locals_[v] = {VarLoc::Reg, uint32_t(home)};
        }
        return;
    }
    LValue lv = lvalue(target, false);
    int v = convertReg(valueReg, t, lv.type, -1);
    storeLValue(lv, v, true);
}

// Assigns or defines both range variables; value() emits the value's load (null: the key only).
// `k, v = range` is an assignment: v's index or pointer operands are evaluated before k is
// stored (`for i, a[i] = range` stores into a[old i]), as gc does.
void FuncGen::rangeAssign(ast::RangeStmt* s, int keyReg, types::Type* keyT, const std::function<int()>& value,
                          types::Type* valueT) {
    bool both = value && s->key && !isBlank(s->key) && s->value && !isBlank(s->value);
    if (s->tok == Tok::Define || !both) {
        rangeAssign(s, s->key, keyReg, keyT);
        if (value) rangeAssign(s, s->value, value(), valueT);
        return;
    }
    int v = value();
    assignedRegs_.clear();
    if (types::Var* kv = varOf(s->key); kv && !isBoxed(kv->type) && lookupVar(kv).kind == VarLoc::Reg)
        assignedRegs_.push_back(int(lookupVar(kv).index));
    LValue lk = lvalue(s->key, true), lv = lvalue(s->value, true);
    assignedRegs_.clear();
    storeLValue(lk, convertReg(keyReg, keyT, lk.type, -1), true);
    storeLValue(lv, convertReg(v, valueT, lv.type, -1), true);
}

void FuncGen::rangeStmt(ast::RangeStmt* s, ast::Stmt* label) {
    int save = top_;
    bool wasTop = scriptTop_;
    scriptTop_ = false;
    types::Type* xt = U(s->x->type);
    int lnext = newLabel(), lcont = newLabel(), lbreak = newLabel();
    types::Context& ctx = pb_.ctx();
    types::Type* intT = ctx.basic(Kind::Int);
    bool wantValue = s->value && !isBlank(s->value);
    auto body = [&](int contLabel) {
        loops_.push_back({s, label, lbreak, contLabel});
        block(s->body->list);
        loops_.pop_back();
    };

    if (auto* mt = xt->as<types::Map>()) {
        int m = expr(s->x);
        int it = alloc(RegClass::Ref);
        emitABC(Op::MAPITER, it, m);
        int w = allocWindow({classOf(mt->key), classOf(mt->elem)});
        bind(lnext);
        int at = emitABC(Op::MAPNEXT, w, it, 0);
        labels_[lbreak].patches.push_back(at);
        int inner = top_;
        auto value = [&] {
            int v = w + 1;
            if (isBoxed(mt->elem)) {
                v = alloc(RegClass::Ref);
                emitABC(Op::CLONE, v, w + 1);
            }
            return v;
        };
        rangeAssign(s, w, mt->key, wantValue ? value : std::function<int()>(), mt->elem);
        body(lcont);
        top_ = inner;
        bind(lcont);
        jump(lnext);
        bind(lbreak);
    } else if (auto* ct = xt->as<types::Chan>()) {
        int ch = alloc(RegClass::Ref);
        expr(s->x, ch);
        int w = allocWindow({classOf(ct->elem), RegClass::Scalar});
        bind(lnext);
        emitABC(Op::RECV2, w, ch);
        jumpIf(Op::JF, w + 1, 0, 0, lbreak);
        int inner = top_;
        rangeAssign(s, s->key, w, ct->elem);
        body(lcont);
        top_ = inner;
        bind(lcont);
        jump(lnext);
        bind(lbreak);
    } else if (types::isString(xt)) {
        int str = alloc(RegClass::Ref);
        expr(s->x, str);
        int idx = alloc(RegClass::Scalar);
        int n = alloc(RegClass::Scalar);
        emitABx(Op::LOADI, idx, 0);
        emitABC(Op::LENS, n, str);
        int w = allocWindow({RegClass::Scalar, RegClass::Scalar});
        int ltop = newLabel();
        jump(lnext);
        bind(ltop);
        emitABC(Op::NEXTRUNE, w, str, idx);
        int inner = top_;
        rangeAssign(s, idx, intT, wantValue ? [w] { return w; } : std::function<int()>(), ctx.runeType());
        body(lcont);
        top_ = inner;
        bind(lcont);
        emitABC(Op::ADD, idx, idx, w + 1);
        bind(lnext);
        jumpIf(Op::JLT, 0, idx, n, ltop);
        bind(lbreak);
    } else {
        // Integers, slices, arrays and pointers to arrays: an index loop.
        int coll = -1;
        int idx = alloc(RegClass::Scalar);
        int n = alloc(RegClass::Scalar);
        types::Type* elem = nullptr;
        bool isSlice = false;
        if (types::isInteger(xt) || xt->kind == Kind::UntypedInt || xt->kind == Kind::UntypedRune) {
            exprTo(s->x, intT, n);
        } else {
            types::Type* at = xt;
            if (auto* p = xt->as<types::Pointer>()) at = U(p->elem);
            coll = alloc(RegClass::Ref);
            if (auto* sl = at->as<types::Slice>()) {
                isSlice = true;
                elem = sl->elem;
                expr(s->x, coll);
                emitABC(Op::LENSL, n, coll);
            } else {
                auto* arr = at->as<types::Array>();
                elem = arr->elem;
                if (wantValue) {
                    // The range expression is evaluated once, as a copy of the array.
                    expr(s->x, coll);
                    if (!types::isPointer(s->x->type)) emitABC(Op::CLONE, coll, coll);
                }
                else if (s->x->type && !types::isPointer(s->x->type) && !ast::isa<ast::Ident>(unparen(s->x))) expr(s->x);
                emitABx(Op::LOADI, n, uint32_t(int32_t(arr->len)));
            }
        }
        emitABx(Op::LOADI, idx, 0);
        int ltop = newLabel();
        jumpIf(Op::JLE, 0, n, idx, lbreak); // rotated as in forStmt: no iteration when n <= 0
        bind(ltop);
        int inner = top_;
        types::Type* keyT = types::isInteger(xt) ? s->x->type : intT;
        auto value = [&] {
            int v = allocFor(elem);
            Op op = isSlice ? (isByteElem(elem) ? Op::GETSLB : Op::GETSL) : (isByteElem(elem) ? Op::GETARRB : Op::GETARR);
            emitABC(op, v, coll, idx);
            if (isBoxed(elem)) emitABC(Op::CLONE, v, v);
            return v;
        };
        rangeAssign(s, idx, keyT, wantValue && elem ? value : std::function<int()>(), elem);
        body(lcont);
        top_ = inner;
        bind(lcont);
        emitABC(Op::ADDI, idx, idx, 1);
        jumpIf(Op::JLT, 0, idx, n, ltop);
        fuseLoopStep(labels_[lcont].pc);
        bind(lbreak);
    }
    scriptTop_ = wasTop;
    top_ = save;
}

// ---------------------------------------------------------------------------------------------
// switch, type switch, select

void FuncGen::switchStmt(ast::SwitchStmt* s, ast::Stmt* label) {
    int save = top_;
    if (s->init) stmt(s->init);
    int tag = -1;
    types::Type* tagT = nullptr;
    if (s->tag) {
        tagT = s->tag->type;
        if (tagT && types::isUntyped(tagT)) tagT = types::defaultType(pb_.ctx(), tagT);
        tag = allocFor(tagT);
        expr(s->tag, tag);
    }
    int lbreak = newLabel();
    std::vector<int> bodies;
    int ldefault = -1;
    for (auto* c : s->clauses) {
        bodies.push_back(newLabel());
        if (c->isDefault || c->list.empty()) ldefault = bodies.back();
    }
    for (size_t i = 0; i < s->clauses.size(); i++) {
        auto* c = s->clauses[i];
        for (auto* ce : c->list) {
            int inner = top_;
            setLine(ce->pos.line);
            if (tag < 0) {
                condJump(ce, true, bodies[i]);
            } else if (types::isInteger(tagT) || types::isBoolean(tagT) || types::isPointer(tagT) ||
                       (U(tagT) && U(tagT)->kind == Kind::Chan)) {
                int v = exprTo(ce, tagT);
                jumpIf(Op::JEQ, 0, tag, v, bodies[i]);
            } else {
                int v = exprTo(ce, tagT);
                int r = alloc(RegClass::Scalar);
                bool swap;
                (void)swap;
                Op op;
                if (types::isInterface(tagT)) op = Op::EQI;
                else if (types::isString(tagT)) op = Op::EQS;
                else if (types::isFloat(tagT)) op = Op::EQF;
                else if (isBoxed(tagT)) op = Op::EQV;
                else op = Op::EQ;
                emitABC(op, r, tag, v);
                jumpIf(Op::JT, r, 0, 0, bodies[i]);
            }
            top_ = inner;
        }
    }
    jump(ldefault >= 0 ? ldefault : lbreak);
    for (size_t i = 0; i < s->clauses.size(); i++) {
        bind(bodies[i]);
        int next = i + 1 < bodies.size() ? bodies[i + 1] : lbreak;
        loops_.push_back({s, label, lbreak, next});
        block(s->clauses[i]->body);
        loops_.pop_back();
        jump(lbreak);
    }
    bind(lbreak);
    top_ = save;
}

void FuncGen::typeSwitchStmt(ast::TypeSwitchStmt* s, ast::Stmt* label) {
    int save = top_;
    if (s->init) stmt(s->init);
    int x = alloc(RegClass::Ref);
    expr(s->guard->x, x);
    int lbreak = newLabel();
    std::vector<int> bodies;
    int ldefault = -1;
    for (auto* c : s->clauses) {
        bodies.push_back(newLabel());
        if (c->isDefault || c->list.empty()) ldefault = bodies.back();
    }
    for (size_t i = 0; i < s->clauses.size(); i++) {
        for (auto* te : s->clauses[i]->list) {
            int inner = top_;
            setLine(te->pos.line);
            auto* id = ast::as<ast::Ident>(unparen(te));
            if ((id && id->obj && id->obj->kind == types::ObjKind::Nil) ||
                (te->type && te->type->kind == Kind::UntypedNil)) {
                int z = alloc(RegClass::Ref);
                emitABC(Op::LOADZ, z);
                jumpIf(Op::JEQ, 0, x, z, bodies[i]);
            } else {
                int w = allocWindow({classOf(te->type), RegClass::Scalar});
                emitABC(Op::ASSERT2, w, x, int(pb_.rtype(te->type)));
                jumpIf(Op::JT, w + 1, 0, 0, bodies[i]);
            }
            top_ = inner;
        }
    }
    jump(ldefault >= 0 ? ldefault : lbreak);
    for (size_t i = 0; i < s->clauses.size(); i++) {
        auto* c = s->clauses[i];
        bind(bodies[i]);
        int inner = top_;
        if (auto* v = c->implicitObj ? c->implicitObj->as<types::Var>() : nullptr) {
            bool single = c->list.size() == 1 && !(c->list[0]->type && c->list[0]->type->kind == Kind::UntypedNil);
            if (auto* id = c->list.size() == 1 ? ast::as<ast::Ident>(unparen(c->list[0])) : nullptr)
                if (id->obj && id->obj->kind == types::ObjKind::Nil) single = false;
            int val;
            if (single && !types::isInterface(v->type)) {
                val = allocFor(v->type);
                emitABC(Op::ASSERT, val, x, int(pb_.rtype(v->type)));
                emitExtra(pb_.rtype(s->guard->x->type));
                emitExtra(pb_.rtype(s->guard->x->type));
                if (isBoxed(v->type)) emitABC(Op::CLONE, val, val);
            } else if (single) {
                val = alloc(RegClass::Ref);
                emitABC(Op::ASSERT, val, x, int(pb_.rtype(v->type)));
                emitExtra(pb_.rtype(s->guard->x->type));
                emitExtra(pb_.rtype(s->guard->x->type));
            } else {
                val = alloc(RegClass::Ref);
                emitABC(Op::MOVE, val, x);
            }
            declareLocal(v, val);
        }
        loops_.push_back({s, label, lbreak, -1});
        block(c->body);
        loops_.pop_back();
        top_ = inner;
        jump(lbreak);
    }
    bind(lbreak);
    top_ = save;
}

void FuncGen::selectStmt(ast::SelectStmt* s, ast::Stmt* label) {
    int save = top_;
    int lbreak = newLabel();
    // Cases with a communication, in order; default separately.
    std::vector<ast::CommClause*> cases;
    ast::CommClause* def = nullptr;
    for (auto* c : s->clauses) {
        if (c->comm) cases.push_back(c);
        else def = c;
    }
    if (cases.size() > 32) throw std::runtime_error("select with more than 32 cases");
    struct CaseInfo {
        bool send = false;
        ast::Expr* ch = nullptr;
        ast::Expr* value = nullptr;   // send value
        ast::AssignStmt* assign = nullptr;
        types::Type* elem = nullptr;
    };
    std::vector<CaseInfo> infos;
    std::vector<RegClass> w;
    uint32_t mask = 0;
    for (size_t i = 0; i < cases.size(); i++) {
        CaseInfo ci;
        ast::Stmt* comm = cases[i]->comm;
        if (auto* ss = ast::as<ast::SendStmt>(comm)) {
            ci.send = true;
            ci.ch = ss->chan;
            ci.value = ss->value;
            mask |= 1u << i;
        } else {
            ast::Expr* rx = nullptr;
            if (auto* es = ast::as<ast::ExprStmt>(comm)) rx = es->x;
            else if (auto* as = ast::as<ast::AssignStmt>(comm)) {
                ci.assign = as;
                rx = as->rhs[0];
            }
            ci.ch = ast::cast<ast::UnaryExpr>(unparen(rx))->x;
        }
        ci.elem = U(ci.ch->type)->as<types::Chan>()->elem;
        w.push_back(RegClass::Ref);
        w.push_back(classOf(ci.elem));
        infos.push_back(ci);
    }
    int res = allocWindow({RegClass::Scalar, RegClass::Scalar});
    int base = allocWindow(w);
    for (size_t i = 0; i < infos.size(); i++) {
        int inner = top_;
        expr(infos[i].ch, base + int(2 * i));
        if (infos[i].send) valueTo(infos[i].value, infos[i].elem, base + int(2 * i + 1));
        top_ = inner;
    }
    emitABC(Op::SELECT, res, base, int(cases.size()));
    emitExtra(mask, def ? 1 : 0);
    std::vector<int> bodies;
    for (size_t i = 0; i < cases.size(); i++) bodies.push_back(newLabel());
    int ldef = def ? newLabel() : lbreak;
    int t = alloc(RegClass::Scalar);
    for (size_t i = 0; i < cases.size(); i++) {
        emitABx(Op::LOADI, t, uint32_t(i));
        jumpIf(Op::JEQ, 0, res, t, bodies[i]);
    }
    jump(ldef);
    auto clauseBody = [&](ast::CommClause* c) {
        loops_.push_back({s, label, lbreak, -1});
        block(c->body);
        loops_.pop_back();
        jump(lbreak);
    };
    for (size_t i = 0; i < cases.size(); i++) {
        bind(bodies[i]);
        int inner = top_;
        if (auto* as = infos[i].assign) {
            int vreg = base + int(2 * i + 1);
            std::vector<int> vals = {vreg, res + 1};
            std::vector<types::Type*> ts = {infos[i].elem, pb_.ctx().basic(Kind::Bool)};
            for (size_t k = 0; k < as->lhs.size() && k < 2; k++) {
                ast::Expr* l = as->lhs[k];
                if (isBlank(l)) continue;
                if (as->tok == Tok::Define) {
                    types::Var* v = varOf(l);
                    int home = allocFor(v->type);
                    moveTo(vals[k], home);
                    declareLocal(v, home);
                } else {
                    LValue lv = lvalue(l, false);
                    storeLValue(lv, convertReg(vals[k], ts[k], lv.type, -1), true);
                }
            }
        }
        clauseBody(cases[i]);
        top_ = inner;
    }
    if (def) {
        bind(ldef);
        clauseBody(def);
    }
    bind(lbreak);
    top_ = save;
}

// ---------------------------------------------------------------------------------------------

} // namespace gol::codegen

namespace gol::codegen {

// The values of a multi-valued right-hand side: a call's results or a comma-ok form.
void FuncGen::multiValue(ast::Expr* x, std::vector<int>& regs, std::vector<types::Type*>& ts,
                         std::vector<bool>& fresh) {
    x = unparen(x);
    auto* c = ast::as<ast::CallExpr>(x);
    if (!c || isCommaOk(x)) {
        commaOk(x, regs, ts, fresh);
        return;
    }
    regs = call(c);
    auto* tup = c->type->as<types::Tuple>();
    for (size_t i = 0; i < regs.size(); i++) {
        ts.push_back(tup ? tup->at(i) : nullptr);
        fresh.push_back(true);
    }
}

// Comma-ok forms: v, ok := m[k] / x.(T) / <-ch, into a window [value, ok].
void FuncGen::commaOk(ast::Expr* x, std::vector<int>& regs, std::vector<types::Type*>& ts, std::vector<bool>& fresh) {
    x = unparen(x);
    types::Type* boolT = pb_.ctx().basic(Kind::Bool);
    if (auto* ix = ast::as<ast::IndexExpr>(x)) {
        auto* m = U(ix->x->type)->as<types::Map>();
        int w = allocWindow({classOf(m->elem), RegClass::Scalar});
        int mr = expr(ix->x);
        int k = exprTo(ix->index, m->key);
        emitABC(Op::MAPGET2, w, mr, k);
        emitExtra(pb_.rtype(m->elem));
        regs = {w, w + 1};
        ts = {m->elem, boolT};
        fresh = {false, true};
        return;
    }
    if (auto* ta = ast::as<ast::TypeAssertExpr>(x)) {
        types::Type* t = ta->type;
        int w = allocWindow({classOf(t), RegClass::Scalar});
        int v = expr(ta->x);
        emitABC(Op::ASSERT2, w, v, int(pb_.rtype(t)));
        regs = {w, w + 1};
        ts = {t, boolT};
        fresh = {false, true};
        return;
    }
    if (auto* u = ast::as<ast::UnaryExpr>(x); u && u->op == Tok::Arrow) {
        types::Type* elem = U(u->x->type)->as<types::Chan>()->elem;
        int w = allocWindow({classOf(elem), RegClass::Scalar});
        int ch = expr(u->x);
        emitABC(Op::RECV2, w, ch);
        regs = {w, w + 1};
        ts = {elem, boolT};
        fresh = {true, true};
        return;
    }
    throw std::runtime_error("internal error: not a comma-ok expression");
}

} // namespace gol::codegen
