// Statements (Go's types2 stmt.go and return.go) and branch checks (labels,
// break/continue/goto/fallthrough: cmd/compile's syntax/branches.go, whose
// wording `go build` prints).
#include "compiler/types/checker.hpp"

#include <algorithm>

namespace gol::types {

using namespace ast;
using syntax::Tok;

namespace {

std::vector<Stmt*> trimTrailingEmpty(const std::vector<Stmt*>& list) {
    size_t n = list.size();
    while (n > 0 && isa<EmptyStmt>(list[n - 1]))
        n--;
    return std::vector<Stmt*>(list.begin(), list.begin() + static_cast<long>(n));
}

// ---------------------------------------------------------------------------
// Branch checks, a port of cmd/compile/internal/syntax/branches.go.

struct LabelInfo {
    struct Block* parent;
    LabeledStmt* lstmt;
    bool used = false;
};

struct Block {
    Block* parent;
    Pos start;
    LabeledStmt* lstmt;
};

struct Targets {
    Stmt* breaks = nullptr;    // ForStmt, RangeStmt, SwitchStmt, TypeSwitchStmt, SelectStmt
    Stmt* continues = nullptr; // ForStmt or RangeStmt
    int caseIndex = -1;
    size_t numCases = 0;
};

class Branches {
  public:
    Branches(Checker& c) : c_(c) {}

    void check(BlockStmt* body) {
        std::vector<BranchStmt*> fwd = blockBranches(nullptr, Targets{}, nullptr, body->pos, body->list);
        for (BranchStmt* g : fwd) {
            const std::string& name = g->label->name;
            auto it = labels_.find(name);
            if (it != labels_.end()) {
                it->second.used = true;
                c_.error(g->label, "goto " + name + " jumps into block starting at " +
                                       formatPos(c_.fileName, it->second.parent->start));
            } else {
                c_.error(g->label, "label " + name + " not defined");
            }
        }
        std::vector<LabelInfo*> unused;
        for (auto& [name, l] : labels_)
            if (!l.used) unused.push_back(&l);
        std::sort(unused.begin(), unused.end(),
                  [](LabelInfo* a, LabelInfo* b) { return a->lstmt->label->pos < b->lstmt->label->pos; });
        for (LabelInfo* l : unused)
            c_.error(l->lstmt->label, "label " + l->lstmt->label->name + " defined and not used");
    }

  private:
    Checker& c_;
    std::map<std::string, LabelInfo> labels_;
    std::vector<std::unique_ptr<Block>> blocks_;

    LabelInfo* declare(Block* b, LabeledStmt* s) {
        const std::string& name = s->label->name;
        auto it = labels_.find(name);
        if (it != labels_.end()) {
            c_.error(s->label, "label " + name + " already defined at " +
                                   formatPos(c_.fileName, it->second.lstmt->label->pos));
            return &it->second;
        }
        auto& l = labels_[name];
        l.parent = b;
        l.lstmt = s;
        return &l;
    }

    LabeledStmt* gotoTarget(Block* b, const std::string& name) {
        auto it = labels_.find(name);
        if (it == labels_.end()) return nullptr;
        it->second.used = true;
        for (; b != nullptr; b = b->parent)
            if (it->second.parent == b) return it->second.lstmt;
        return nullptr;
    }

    // nullptr: not declared; `invalid`: declared but not enclosing.
    LabeledStmt* enclosingTarget(Block* b, const std::string& name, bool* declared) {
        auto it = labels_.find(name);
        *declared = it != labels_.end();
        if (!*declared) return nullptr;
        it->second.used = true;
        for (; b != nullptr; b = b->parent)
            if (it->second.lstmt == b->lstmt) return it->second.lstmt;
        return nullptr;
    }

    std::vector<BranchStmt*> blockBranches(Block* parent, Targets ctxt, LabeledStmt* lstmt, Pos start,
                                           const std::vector<Stmt*>& body) {
        blocks_.push_back(std::make_unique<Block>(Block{parent, start, lstmt}));
        Block* b = blocks_.back().get();
        Pos varPos;
        std::string varName;
        std::vector<BranchStmt*> fwdGotos, badGotos;
        auto recordVarDecl = [&](Pos pos, const std::string& name) {
            varPos = pos;
            varName = name;
            badGotos = fwdGotos;
        };
        auto jumpsOverVarDecl = [&](BranchStmt* f) {
            return varPos.valid() && std::find(badGotos.begin(), badGotos.end(), f) != badGotos.end();
        };
        auto innerBlock = [&](Targets t, Pos st, const std::vector<Stmt*>& list, LabeledStmt* ls) {
            auto more = blockBranches(b, t, ls, st, list);
            fwdGotos.insert(fwdGotos.end(), more.begin(), more.end());
        };
        std::vector<Stmt*> list = trimTrailingEmpty(body);
        for (size_t idx = 0; idx < list.size(); idx++) {
            Stmt* stmt = list[idx];
            LabeledStmt* ls = nullptr;
            while (auto* l = as<LabeledStmt>(stmt)) {
                if (l->label->name != "_") {
                    LabelInfo* li = declare(b, l);
                    std::vector<BranchStmt*> keep;
                    for (BranchStmt* f : fwdGotos) {
                        if (f->label->name == l->label->name) {
                            f->target = l;
                            li->used = true;
                            if (jumpsOverVarDecl(f))
                                c_.error(f->label, "goto " + l->label->name + " jumps over declaration of " +
                                                       varName + " at " + formatPos(c_.fileName, varPos));
                        } else {
                            keep.push_back(f);
                        }
                    }
                    fwdGotos = keep;
                    ls = l;
                }
                stmt = l->stmt;
            }
            switch (stmt->kind) {
            case ast::Kind::DeclStmt: {
                auto* d = cast<DeclStmt>(stmt)->decl;
                if (d != nullptr && d->tok == Tok::Var && !d->specs.empty())
                    if (auto* vs = as<ValueSpec>(d->specs[0]); vs != nullptr && !vs->names.empty())
                        recordVarDecl(vs->pos, vs->names[0]->name);
                break;
            }
            case ast::Kind::BranchStmt: {
                auto* s = cast<BranchStmt>(stmt);
                if (s->label == nullptr) {
                    switch (s->tok) {
                    case Tok::Break:
                        if (ctxt.breaks != nullptr)
                            s->target = ctxt.breaks;
                        else
                            c_.error(s, "break is not in a loop, switch, or select");
                        break;
                    case Tok::Continue:
                        if (ctxt.continues != nullptr)
                            s->target = ctxt.continues;
                        else
                            c_.error(s, "continue is not in a loop");
                        break;
                    case Tok::Fallthrough: {
                        std::string msg = "fallthrough statement out of place";
                        bool ok = false;
                        if (ctxt.breaks != nullptr && isa<TypeSwitchStmt>(ctxt.breaks)) {
                            msg = "cannot fallthrough in type switch";
                        } else if (ctxt.breaks != nullptr && isa<SwitchStmt>(ctxt.breaks)) {
                            if (ctxt.caseIndex < 0 || idx + 1 < list.size()) {
                            } else if (static_cast<size_t>(ctxt.caseIndex) + 1 == ctxt.numCases) {
                                msg = "cannot fallthrough final case in switch";
                            } else {
                                ok = true;
                                s->target = ctxt.breaks;
                            }
                        }
                        if (!ok) c_.error(s, msg);
                        break;
                    }
                    default: break;
                    }
                    break;
                }
                const std::string& name = s->label->name;
                bool declared = false;
                switch (s->tok) {
                case Tok::Break: {
                    LabeledStmt* t = enclosingTarget(b, name, &declared);
                    if (t != nullptr) {
                        Stmt* ts = t->stmt;
                        if (isa<SwitchStmt>(ts) || isa<TypeSwitchStmt>(ts) || isa<SelectStmt>(ts) ||
                            isa<ForStmt>(ts) || isa<RangeStmt>(ts))
                            s->target = ts;
                        else
                            c_.error(s->label, "invalid break label " + name);
                    } else if (declared) {
                        c_.error(s->label, "invalid break label " + name);
                    } else {
                        c_.error(s->label, "break label not defined: " + name);
                    }
                    break;
                }
                case Tok::Continue: {
                    LabeledStmt* t = enclosingTarget(b, name, &declared);
                    if (t != nullptr) {
                        if (isa<ForStmt>(t->stmt) || isa<RangeStmt>(t->stmt))
                            s->target = t->stmt;
                        else
                            c_.error(s->label, "invalid continue label " + name);
                    } else if (declared) {
                        c_.error(s->label, "invalid continue label " + name);
                    } else {
                        c_.error(s->label, "continue label not defined: " + name);
                    }
                    break;
                }
                case Tok::Goto:
                    if (LabeledStmt* t = gotoTarget(b, name))
                        s->target = t;
                    else
                        fwdGotos.push_back(s);
                    break;
                default: break;
                }
                break;
            }
            case ast::Kind::AssignStmt: {
                auto* s = cast<AssignStmt>(stmt);
                if (s->tok == Tok::Define && !s->lhs.empty()) recordVarDecl(s->pos, exprString(s->lhs[0]));
                break;
            }
            case ast::Kind::BlockStmt: {
                Targets t{ctxt.breaks, ctxt.continues, -1, 0};
                innerBlock(t, stmt->pos, cast<BlockStmt>(stmt)->list, ls);
                break;
            }
            case ast::Kind::IfStmt: {
                Targets t{ctxt.breaks, ctxt.continues, -1, 0};
                auto* s = cast<IfStmt>(stmt);
                if (s->body != nullptr) innerBlock(t, s->body->pos, s->body->list, ls);
                if (s->els != nullptr) innerBlock(t, s->els->pos, {s->els}, ls);
                break;
            }
            case ast::Kind::ForStmt: {
                auto* s = cast<ForStmt>(stmt);
                Targets t{s, s, -1, 0};
                if (s->body != nullptr) innerBlock(t, s->body->pos, s->body->list, ls);
                break;
            }
            case ast::Kind::RangeStmt: {
                auto* s = cast<RangeStmt>(stmt);
                Targets t{s, s, -1, 0};
                if (s->body != nullptr) innerBlock(t, s->body->pos, s->body->list, ls);
                break;
            }
            case ast::Kind::SwitchStmt: {
                auto* s = cast<SwitchStmt>(stmt);
                Targets t{s, ctxt.continues, -1, s->clauses.size()};
                for (size_t i = 0; i < s->clauses.size(); i++) {
                    t.caseIndex = static_cast<int>(i);
                    innerBlock(t, s->clauses[i]->pos, s->clauses[i]->body, ls);
                }
                break;
            }
            case ast::Kind::TypeSwitchStmt: {
                auto* s = cast<TypeSwitchStmt>(stmt);
                Targets t{s, ctxt.continues, -1, s->clauses.size()};
                for (size_t i = 0; i < s->clauses.size(); i++) {
                    t.caseIndex = static_cast<int>(i);
                    innerBlock(t, s->clauses[i]->pos, s->clauses[i]->body, ls);
                }
                break;
            }
            case ast::Kind::SelectStmt: {
                auto* s = cast<SelectStmt>(stmt);
                Targets t{s, ctxt.continues, -1, 0};
                for (CommClause* cc : s->clauses)
                    innerBlock(t, cc->pos, cc->body, ls);
                break;
            }
            default: break;
            }
        }
        return fwdGotos;
    }
};

} // namespace

void Checker::labels(BlockStmt* body) {
    Branches br(*this);
    br.check(body);
}

// ---------------------------------------------------------------------------
// Terminating statements (spec "Terminating statements", Go's return.go).

bool Checker::isTerminatingList(const std::vector<Stmt*>& list, const std::string& label) {
    std::vector<Stmt*> l = trimTrailingEmpty(list);
    if (l.empty()) return false;
    return isTerminating(l.back(), label);
}

namespace {
// Whether a break statement in s (not nested in another breakable statement
// unless labeled) targets `target`.
bool breaksTo(Stmt* s, Stmt* target) {
    if (s == nullptr) return false;
    switch (s->kind) {
    case ast::Kind::BranchStmt: {
        auto* b = cast<BranchStmt>(s);
        return b->tok == Tok::Break && b->target == target;
    }
    case ast::Kind::BlockStmt:
        for (Stmt* x : cast<BlockStmt>(s)->list)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::LabeledStmt: return breaksTo(cast<LabeledStmt>(s)->stmt, target);
    case ast::Kind::IfStmt: {
        auto* i = cast<IfStmt>(s);
        return breaksTo(i->body, target) || breaksTo(i->els, target);
    }
    case ast::Kind::CaseClause:
        for (Stmt* x : cast<CaseClause>(s)->body)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::CommClause:
        for (Stmt* x : cast<CommClause>(s)->body)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::SwitchStmt:
        for (Stmt* x : cast<SwitchStmt>(s)->clauses)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::TypeSwitchStmt:
        for (Stmt* x : cast<TypeSwitchStmt>(s)->clauses)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::SelectStmt:
        for (Stmt* x : cast<SelectStmt>(s)->clauses)
            if (breaksTo(x, target)) return true;
        return false;
    case ast::Kind::ForStmt: return breaksTo(cast<ForStmt>(s)->body, target);
    case ast::Kind::RangeStmt: return breaksTo(cast<RangeStmt>(s)->body, target);
    default: return false;
    }
}
} // namespace

bool Checker::hasBreak(Stmt* s, const std::string&, bool) {
    return breaksTo(s, s);
}
bool Checker::hasBreakList(const std::vector<Stmt*>&, const std::string&, bool) {
    return false;
}

bool Checker::isTerminating(Stmt* s, const std::string& label) {
    switch (s->kind) {
    case ast::Kind::ReturnStmt: return true;
    case ast::Kind::BranchStmt: {
        auto* b = cast<BranchStmt>(s);
        return b->tok == Tok::Goto || b->tok == Tok::Fallthrough;
    }
    case ast::Kind::ExprStmt: {
        auto* call = as<CallExpr>(unparen(cast<ExprStmt>(s)->x));
        if (call == nullptr) return false;
        auto* id = as<Ident>(unparen(call->fun));
        return id != nullptr && id->obj != nullptr && id->obj->kind == ObjKind::Builtin &&
               id->obj->as<Builtin>()->id == BuiltinId::Panic;
    }
    case ast::Kind::BlockStmt: return isTerminatingList(cast<BlockStmt>(s)->list, "");
    case ast::Kind::LabeledStmt:
        return isTerminating(cast<LabeledStmt>(s)->stmt, cast<LabeledStmt>(s)->label->name);
    case ast::Kind::IfStmt: {
        auto* i = cast<IfStmt>(s);
        return i->els != nullptr && i->body != nullptr && isTerminating(i->body, "") &&
               isTerminating(i->els, "");
    }
    case ast::Kind::SwitchStmt:
    case ast::Kind::TypeSwitchStmt: {
        const auto& clauses = s->kind == ast::Kind::SwitchStmt ? cast<SwitchStmt>(s)->clauses
                                                               : cast<TypeSwitchStmt>(s)->clauses;
        bool hasDefault = false;
        for (CaseClause* cc : clauses) {
            if (cc->isDefault) hasDefault = true;
            if (!isTerminatingList(cc->body, "")) return false;
            for (Stmt* x : cc->body)
                if (breaksTo(x, s)) return false;
        }
        return hasDefault;
    }
    case ast::Kind::SelectStmt:
        for (CommClause* cc : cast<SelectStmt>(s)->clauses) {
            if (!isTerminatingList(cc->body, "")) return false;
            for (Stmt* x : cc->body)
                if (breaksTo(x, s)) return false;
        }
        return true;
    case ast::Kind::ForStmt: {
        auto* f = cast<ForStmt>(s);
        return f->cond == nullptr && !breaksTo(f->body, s);
    }
    default: return false;
    }
}

// ---------------------------------------------------------------------------

void Checker::stmtList(unsigned ctxt, const std::vector<Stmt*>& list) {
    for (Stmt* s : list)
        stmt(ctxt, s);
}

namespace {
bool isStatementBuiltin(BuiltinId id) {
    switch (id) {
    case BuiltinId::Clear:
    case BuiltinId::Close:
    case BuiltinId::Copy:
    case BuiltinId::Delete:
    case BuiltinId::Panic:
    case BuiltinId::Print:
    case BuiltinId::Println:
    case BuiltinId::Recover: return true;
    default: return false;
    }
}

// Go's exprKind "statement": calls (except conversions and value builtins) and receives.
bool isStatementExpr(Expr* e) {
    e = unparen(e);
    if (auto* c = as<CallExpr>(e)) {
        auto k = static_cast<CallKind>(c->callKind);
        if (k == CallKind::Conversion) return false;
        if (k == CallKind::Builtin) {
            auto* id = as<Ident>(unparen(c->fun));
            if (id != nullptr && id->obj != nullptr && id->obj->kind == ObjKind::Builtin)
                return isStatementBuiltin(id->obj->as<Builtin>()->id);
            return false;
        }
        return true;
    }
    if (auto* u = as<UnaryExpr>(e)) return u->op == Tok::Arrow;
    return false;
}
} // namespace

void Checker::suspendedCall(const char* keyword, Expr* call) {
    auto* c = as<CallExpr>(unparen(call));
    if (c == nullptr || !isa<CallExpr>(call)) {
        error(call, std::string("expression in ") + keyword + " must be function call");
        useExprs({call});
        return;
    }
    Operand x;
    rawExpr(x, call, nullptr);
    if (x.invalid()) return;
    auto k = static_cast<CallKind>(c->callKind);
    if (k == CallKind::Conversion) {
        error(call, std::string(keyword) + " requires function call, not conversion " + opString(x));
        return;
    }
    if (!isStatementExpr(call)) error(call, std::string(keyword) + " discards result of " + opString(x));
}

void Checker::stmt(unsigned ctxt, Stmt* s) {
    unsigned inner = ctxt & ~(FallthroughOk | FinalSwitchCase | InTypeSwitch);
    switch (s->kind) {
    case ast::Kind::BadStmt:
    case ast::Kind::EmptyStmt: return;
    case ast::Kind::DeclStmt: declStmt(cast<DeclStmt>(s)->decl); return;
    case ast::Kind::LabeledStmt: stmt(ctxt, cast<LabeledStmt>(s)->stmt); return;
    case ast::Kind::ExprStmt: {
        auto* es = cast<ExprStmt>(s);
        Operand x;
        rawExpr(x, es->x, nullptr);
        std::string msg;
        switch (x.mode) {
        case Mode::Invalid: return;
        case Mode::Builtin: msg = "must be called"; break;
        case Mode::TypeExpr: msg = "is not an expression"; break;
        default:
            if (isStatementExpr(es->x)) return;
            msg = "is not used";
        }
        error(es->x, opString(x) + " " + msg);
        return;
    }
    case ast::Kind::SendStmt: {
        auto* ss = cast<SendStmt>(s);
        Operand ch, val;
        expr(ch, ss->chan);
        expr(val, ss->value);
        if (ch.invalid() || val.invalid()) return;
        auto* c = under(ch.type)->as<Chan>();
        if (c == nullptr) {
            error(s, "invalid operation: cannot send to non-channel " + opString(ch));
            return;
        }
        if (c->dir == ChanDir::Recv) {
            error(s, "invalid operation: cannot send to receive-only channel " + opString(ch));
            return;
        }
        assignment(val, c->elem, "send");
        return;
    }
    case ast::Kind::IncDecStmt: {
        auto* is = cast<IncDecStmt>(s);
        Operand x;
        expr(x, is->x);
        if (x.invalid()) return;
        if (!isNumeric(x.type)) {
            std::string op = is->tok == Tok::Inc ? "++" : "--";
            error(is->x,
                  "invalid operation: " + exprString(is->x) + op + " (non-numeric type " + ts(x.type) + ")");
            return;
        }
        x.mode = Mode::Value;
        assignVar(is->x, &x, nullptr);
        return;
    }
    case ast::Kind::AssignStmt: {
        auto* as_ = cast<AssignStmt>(s);
        if (as_->tok == Tok::Assign) {
            assignVars(as_->lhs, as_->rhs);
            return;
        }
        if (as_->tok == Tok::Define) {
            shortVarDecl(as_);
            return;
        }
        if (as_->lhs.size() != 1 || as_->rhs.size() != 1) {
            error(s, "assignment operation " + std::string(syntax::tokString(as_->tok)) +
                         " requires single-valued expressions");
            return;
        }
        Operand x;
        binary(x, nullptr, as_->lhs[0], as_->rhs[0], syntax::assignOpBase(as_->tok), as_->tokPos);
        if (x.mode == Mode::Constant) x.mode = Mode::Value;
        assignVar(as_->lhs[0], &x, nullptr);
        return;
    }
    case ast::Kind::GoStmt: suspendedCall("go", cast<GoStmt>(s)->call); return;
    case ast::Kind::DeferStmt: suspendedCall("defer", cast<DeferStmt>(s)->call); return;
    case ast::Kind::ReturnStmt: returnStmt(cast<ReturnStmt>(s)); return;
    case ast::Kind::BranchStmt: return; // checked by labels()
    case ast::Kind::BlockStmt:
        openScope();
        stmtList(inner, cast<BlockStmt>(s)->list);
        closeScope();
        return;
    case ast::Kind::IfStmt: {
        auto* is = cast<IfStmt>(s);
        openScope();
        simpleStmt(is->init);
        Operand x;
        if (is->cond != nullptr) {
            expr(x, is->cond);
            if (!x.invalid() && !isBoolean(x.type)) error(is->cond, "non-boolean condition in if statement");
        }
        if (is->body != nullptr) stmt(inner, is->body);
        if (is->els != nullptr) stmt(inner, is->els);
        closeScope();
        return;
    }
    case ast::Kind::SwitchStmt:
        openScope();
        simpleStmt(cast<SwitchStmt>(s)->init);
        switchStmt(inner | BreakOk, cast<SwitchStmt>(s));
        closeScope();
        return;
    case ast::Kind::TypeSwitchStmt:
        openScope();
        simpleStmt(cast<TypeSwitchStmt>(s)->init);
        typeSwitchStmt(inner | BreakOk | InTypeSwitch, cast<TypeSwitchStmt>(s));
        closeScope();
        return;
    case ast::Kind::SelectStmt: selectStmt(inner | BreakOk, cast<SelectStmt>(s)); return;
    case ast::Kind::ForStmt: forStmt(inner | BreakOk | ContinueOk, cast<ForStmt>(s)); return;
    case ast::Kind::RangeStmt: rangeStmt(inner | BreakOk | ContinueOk, cast<RangeStmt>(s)); return;
    default: error(s, "invalid statement"); return;
    }
}

void Checker::returnStmt(ReturnStmt* s) {
    if (fn == nullptr || fn->sig == nullptr) {
        // script top level: `return` ends the script (no values allowed)
        if (!s->results.empty()) {
            std::vector<Operand> xs;
            for (Expr* e : s->results) {
                Operand x;
                expr(x, e);
                xs.push_back(x);
            }
            FuncCtx dummy;
            FuncCtx* saved = fn;
            fn = &dummy;
            returnError(s->pos, s->results, xs);
            fn = saved;
        }
        return;
    }
    if (s->results.empty() && !fn->results.empty() && fn->namedResults) {
        for (Var* v : fn->results) {
            Object* alt = lookup(v->name);
            if (alt != nullptr && alt != v) {
                error(s, "result parameter " + v->name + " not in scope at return\n\t" +
                             formatPos(fileName, alt->pos) + ": inner declaration of var " + v->name + " " +
                             ts(alt->type));
            }
        }
        return;
    }
    if (s->results.empty() && fn->results.empty()) return;
    if (!s->results.empty() && fn->namedResults)
        for (Var* v : fn->results)
            v->reassigned = true;
    fn->hasReturnValues = true;
    initVars(fn->results, s->results, s->pos);
}

void Checker::switchStmt(unsigned inner, SwitchStmt* s) {
    Operand x;
    if (s->tag != nullptr) {
        expr(x, s->tag);
        assignment(x, nullptr, "switch expression");
        if (!x.invalid() && !comparable(x.type) && !hasNil(x.type)) {
            error(s->tag, "cannot switch on " + opString(x) + " (" + ts(x.type) + " is not comparable)");
            x.mode = Mode::Invalid;
        }
    } else {
        x.mode = Mode::Constant;
        x.type = ctx.basic(Kind::Bool);
        x.val = Constant::makeBool(true);
        x.expr = nullptr;
    }
    // multiple defaults
    CaseClause* first = nullptr;
    for (CaseClause* c : s->clauses) {
        if (!c->isDefault) continue;
        if (first != nullptr)
            error(c, "multiple defaults (first at " + formatPos(fileName, first->pos) + ")");
        else
            first = c;
    }
    struct Seen {
        Constant val;
        Type* type;
        Pos pos;
    };
    std::vector<Seen> seen;
    for (size_t i = 0; i < s->clauses.size(); i++) {
        CaseClause* clause = s->clauses[i];
        unsigned in = inner | (i + 1 < s->clauses.size() ? FallthroughOk : FinalSwitchCase);
        for (Expr* e : clause->list) {
            Operand v;
            expr(v, e);
            if (x.invalid() || v.invalid()) continue;
            convertUntyped(v, x.type);
            if (v.invalid()) continue;
            Operand res = v;
            Operand xx = x;
            if (xx.expr == nullptr) {
                // switch without tag: compare against "true"
                static Ident* trueIdent = nullptr;
                (void)trueIdent;
            }
            if (xx.expr != nullptr) {
                comparison(res, xx, Tok::Eql, nullptr);
            } else {
                // tagless switch: the case must be a boolean
                if (!isBoolean(v.type)) {
                    error(v.expr, "invalid case " + exprString(v.expr) + " in switch (mismatched types " +
                                      ts(v.type) + " and bool)");
                    continue;
                }
                res.mode = v.mode;
            }
            if (res.invalid()) continue;
            if (v.mode != Mode::Constant) continue;
            Constant::Kind k = v.val.kind;
            if (k != Constant::Kind::Int && k != Constant::Kind::Float && k != Constant::Kind::String)
                continue;
            bool dup = false;
            for (const Seen& sv : seen) {
                if (sv.val.kind == v.val.kind && compareOp(Tok::Eql, sv.val, v.val) &&
                    identical(sv.type, v.type)) {
                    error(v.expr, "duplicate case " + opString(v) + " in expression switch\n\t" +
                                      formatPos(fileName, sv.pos) + ": previous case");
                    dup = true;
                    break;
                }
            }
            if (!dup) seen.push_back({v.val, v.type, v.expr->pos});
        }
        openScope();
        stmtList(in, clause->body);
        closeScope();
    }
}

void Checker::typeSwitchStmt(unsigned inner, TypeSwitchStmt* s) {
    Ident* lhs = s->lhs;
    if (lhs != nullptr && lhs->name == "_") {
        error(lhs, "no new variable on left side of :=");
        lhs = nullptr;
    }
    Operand x;
    bool valid = false;
    TypeAssertExpr* guard = s->guard;
    if (guard != nullptr) {
        expr(x, guard->x);
        if (!x.invalid()) {
            if (isInterface(x.type))
                valid = true;
            else
                error(guard->x, opString(x) + " is not an interface");
        }
        guard->type = x.type;
        guard->mode = static_cast<uint8_t>(x.invalid() ? Mode::Invalid : Mode::Value);
    }
    CaseClause* first = nullptr;
    for (CaseClause* c : s->clauses) {
        if (!c->isDefault) continue;
        if (first != nullptr)
            error(c, "multiple defaults (first at " + formatPos(fileName, first->pos) + ")");
        else
            first = c;
    }
    std::vector<Var*> lhsVars;
    std::vector<std::pair<Type*, Expr*>> seen; // nullptr type = nil case
    for (CaseClause* clause : s->clauses) {
        Type* T = nullptr;
        bool sawNil = false;
        for (Expr* e : clause->list) {
            Type* t = nullptr;
            auto* id = as<Ident>(unparen(e));
            Object* o = id != nullptr ? lookup(id->name) : nullptr;
            if (o != nullptr && o->kind == ObjKind::Nil) {
                Operand d;
                expr(d, e);
                sawNil = true;
                t = nullptr;
            } else {
                t = typExpr(e);
                if (isInvalid(t)) continue;
            }
            bool dup = false;
            for (auto& [st, se] : seen) {
                if ((t == nullptr && st == nullptr) || (t != nullptr && st != nullptr && identical(t, st))) {
                    error(e, "duplicate case " + (t == nullptr ? std::string("nil") : ts(t)) +
                                 " in type switch\n\t" + formatPos(fileName, se->pos) + ": previous case");
                    dup = true;
                    break;
                }
            }
            if (dup) continue;
            seen.emplace_back(t, e);
            if (valid && t != nullptr) typeAssertion(e, x, t, true);
            T = t;
        }
        if (clause->list.size() != 1 || T == nullptr || sawNil) T = valid ? x.type : ctx.invalid();
        openScope();
        if (lhs != nullptr) {
            auto* v = ctx.make<Var>(lhs->name, T, pkg, lhs->pos);
            v->owner = fn != nullptr ? fn->node : nullptr;
            scope->insert(v);
            clause->implicitObj = v;
            lhsVars.push_back(v);
        }
        stmtList(inner, clause->body);
        closeScope();
    }
    if (lhs != nullptr) {
        bool used = false;
        for (Var* v : lhsVars) {
            used = used || v->used;
            v->used = true;
        }
        // The guard's x names no single object; point it at the first clause's.
        if (!lhsVars.empty()) lhs->obj = lhsVars[0];
        if (!used) error(lhs, lhs->name + " declared and not used");
    }
}

void Checker::selectStmt(unsigned inner, SelectStmt* s) {
    CommClause* first = nullptr;
    for (CommClause* c : s->clauses) {
        if (c->comm != nullptr) continue;
        if (first != nullptr)
            error(c, "multiple defaults (first at " + formatPos(fileName, first->pos) + ")");
        else
            first = c;
    }
    for (CommClause* clause : s->clauses) {
        bool valid = false;
        Expr* rhs = nullptr;
        if (clause->comm == nullptr || isa<SendStmt>(clause->comm))
            valid = true;
        else if (auto* a = as<AssignStmt>(clause->comm)) {
            if (a->rhs.size() == 1) rhs = a->rhs[0];
        } else if (auto* es = as<ExprStmt>(clause->comm)) {
            rhs = es->x;
        }
        if (rhs != nullptr) {
            if (auto* u = as<UnaryExpr>(unparen(rhs)); u != nullptr && u->op == Tok::Arrow) valid = true;
        }
        if (!valid) {
            error(clause->comm, "select case must be send or receive (possibly with assignment)");
            continue;
        }
        openScope();
        if (clause->comm != nullptr) stmt(inner, clause->comm);
        stmtList(inner, clause->body);
        closeScope();
    }
}

void Checker::forStmt(unsigned inner, ForStmt* s) {
    openScope();
    simpleStmt(s->init);
    if (s->cond != nullptr) {
        Operand x;
        expr(x, s->cond);
        if (!x.invalid() && !isBoolean(x.type)) error(s->cond, "non-boolean condition in for statement");
    }
    simpleStmt(s->post);
    if (s->body != nullptr) stmt(inner, s->body);
    closeScope();
}

void Checker::rangeStmt(unsigned inner, RangeStmt* s) {
    Operand x;
    expr(x, s->x);
    Type* key = nullptr;
    Type* val = nullptr;
    bool ok = false;
    if (!x.invalid()) {
        Type* u = under(x.type);
        if (auto* p = u->as<Pointer>())
            if (auto* a = under(p->elem)->as<Array>()) u = a;
        std::string cause;
        if (isString(u)) {
            key = ctx.basic(Kind::Int);
            val = ctx.runeType();
            ok = true;
        } else if (isInteger(u)) {
            key = x.type;
            ok = true;
        } else if (auto* a = u->as<Array>()) {
            key = ctx.basic(Kind::Int);
            val = a->elem;
            ok = true;
        } else if (auto* sl = u->as<Slice>()) {
            key = ctx.basic(Kind::Int);
            val = sl->elem;
            ok = true;
        } else if (auto* m = u->as<Map>()) {
            key = m->key;
            val = m->elem;
            ok = true;
        } else if (auto* c = u->as<Chan>()) {
            if (c->dir == ChanDir::Send)
                cause = "receive from send-only channel";
            else {
                key = c->elem;
                ok = true;
            }
        } else if (u->is<Signature>()) {
            cause = "requires go1.23 or later";
        }
        if (!ok && !cause.empty())
            error(s->x, "cannot range over " + opString(x) + ": " + cause);
        else if (!ok)
            error(s->x, "cannot range over " + opString(x));
        else if (val == nullptr && s->value != nullptr)
            error(s->value, "range over " + opString(x) + " permits only one iteration variable");
        if (!ok) key = val = nullptr;
    }
    openScope();
    Expr* lhs[2] = {s->key, s->value};
    Type* rhs[2] = {key, val};
    bool rangeOverInt = !x.invalid() && isInteger(x.type);
    if (s->tok == Tok::Define) {
        std::vector<Var*> vars;
        for (int i = 0; i < 2; i++) {
            if (lhs[i] == nullptr) continue;
            Var* obj;
            if (auto* id = as<Ident>(lhs[i])) {
                obj = ctx.make<Var>(id->name, nullptr, pkg, id->pos);
                obj->owner = fn != nullptr ? fn->node : nullptr;
                id->obj = obj;
                id->isNewDef = true;
                if (id->name != "_") vars.push_back(obj);
            } else {
                error(lhs[i], "cannot declare " + exprString(lhs[i]));
                obj = ctx.make<Var>("_", nullptr, pkg, lhs[i]->pos);
            }
            Type* typ = rhs[i];
            if (typ == nullptr || isInvalid(typ)) {
                obj->type = ctx.invalid();
                obj->used = true;
                lhs[i]->type = obj->type;
                continue;
            }
            if (rangeOverInt) {
                Operand xc = x;
                initVar(obj, xc, "range clause");
                if (!xc.invalid() && isUntyped(s->x->type)) updateExprType(s->x, obj->type, true);
            } else {
                Operand y;
                y.mode = Mode::Value;
                y.expr = lhs[i];
                y.type = typ;
                initVar(obj, y, "assignment");
            }
            lhs[i]->type = obj->type;
            lhs[i]->mode = static_cast<uint8_t>(Mode::Variable);
        }
        if (!vars.empty()) {
            for (Var* v : vars)
                scope->insert(v);
        } else {
            error(s, "no new variables on left side of :=");
        }
    } else if (s->key != nullptr) {
        for (int i = 0; i < 2; i++) {
            if (lhs[i] == nullptr) continue;
            Type* typ = rhs[i];
            if (typ == nullptr || isInvalid(typ)) continue;
            if (rangeOverInt) {
                Operand xc = x;
                assignVar(lhs[i], &xc, nullptr);
                if (!xc.invalid() && !isInteger(xc.type))
                    error(lhs[i], "cannot use iteration variable of type " + ts(xc.type));
            } else {
                Operand y;
                y.mode = Mode::Value;
                y.expr = lhs[i];
                y.type = typ;
                assignVar(lhs[i], &y, nullptr);
            }
        }
    } else if (rangeOverInt) {
        Operand xc = x;
        assignment(xc, nullptr, "range clause");
    }
    if (s->body != nullptr) stmt(inner, s->body);
    closeScope();
}

} // namespace gol::types
