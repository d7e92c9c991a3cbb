// Parser: files, declarations and statements. See parser_impl.hpp.
#include "compiler/syntax/parser.hpp"

#include "compiler/syntax/parser_impl.hpp"
#include "compiler/syntax/printer.hpp"

#include <algorithm>
#include <cstdint>

namespace gol::syntax {

using namespace ast;

namespace {

// Recursion limits of the parser: far beyond any real program (one level of
// source nesting costs one or two units), small enough that the parser, and the
// checker and code generator walking the tree after it, never overflow the
// native stack. The depth limit makes the error deterministic; the stack budget
// is the backstop for builds with big frames (-O0, sanitizers): the parser
// may run on any thread with at least twice this much stack left.
constexpr int kMaxDepth = 500;
constexpr uintptr_t kMaxStackBytes = 256 * 1024;

uintptr_t frameAddress() {
    return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

} // namespace

Parser::Parser(ast::File& file, Diagnostics& diags)
    : file_(file), diags_(diags), lex_(file.source.text, [this](Pos p, std::string msg) { errorAt(p, msg); }),
      stackBase_(frameAddress()) {}

// ----------------------------------------------------------------------------
// Errors

bool Parser::got(Tok t) {
    if (tok() == t) {
        next();
        return true;
    }
    return false;
}

void Parser::want(Tok t) {
    if (!got(t)) {
        syntaxError("expecting " + tokstring(t));
        advance();
    }
}

// Like got(Tok::Assign) but also accepts ":=" (and reports an error) for better recovery.
bool Parser::gotAssign() {
    switch (tok()) {
    case Tok::Define: syntaxError("expecting ="); [[fallthrough]];
    case Tok::Assign: next(); return true;
    default: return false;
    }
}

void Parser::errorAt(Pos p, const std::string& msg) {
    anyError_ = true;
    diags_.error(file_.source.name, p, msg);
}

void Parser::syntaxErrorAt(Pos p, std::string msg) {
    if (tok() == Tok::End && anyError_) return; // avoid meaningless follow-up errors
    if (msg.empty()) {
        // nothing to do
    } else if (msg.rfind("in ", 0) == 0 || msg.rfind("at ", 0) == 0 || msg.rfind("after ", 0) == 0) {
        msg = " " + msg;
    } else if (msg.rfind("expecting ", 0) == 0) {
        msg = ", " + msg;
    } else {
        // plain error - we don't care about the current token
        errorAt(p, "syntax error: " + msg);
        return;
    }
    std::string t;
    Tok k = tok();
    if (k == Tok::Ident || k == Tok::Semicolon)
        t = std::string(lex_.lit);
    else if (isLiteral(k))
        t = "literal " + std::string(lex_.lit);
    else
        t = tokstring(k);
    errorAt(p, "syntax error: unexpected " + t + msg);
}

std::string Parser::tokstring(Tok t) {
    switch (t) {
    case Tok::Comma: return "comma";
    case Tok::Semicolon: return "semicolon or newline";
    default: return std::string(tokString(t));
    }
}

// Consumes tokens until one of the followlist (or, inside functions, a token
// starting a statement) is found; with an empty list, consumes exactly one
// token to ensure progress. Never skips EOF.
void Parser::advance(std::initializer_list<Tok> followlist) {
    auto inFollow = [&](Tok t) {
        if (t == Tok::End) return true;
        if (followlist.size() == 0) return false;
        if (fnest_ > 0) {
            switch (t) {
            case Tok::Break:
            case Tok::Const:
            case Tok::Continue:
            case Tok::Defer:
            case Tok::Fallthrough:
            case Tok::For:
            case Tok::Go:
            case Tok::Goto:
            case Tok::If:
            case Tok::Return:
            case Tok::Select:
            case Tok::Switch:
            case Tok::Type:
            case Tok::Var: return true;
            default: break;
            }
        }
        return std::find(followlist.begin(), followlist.end(), t) != followlist.end();
    };
    while (!inFollow(tok())) {
        next();
        if (followlist.size() == 0) break;
    }
}

bool Parser::enter() {
    uintptr_t here = frameAddress();
    uintptr_t used = stackBase_ > here ? stackBase_ - here : here - stackBase_; // either growth direction
    if (depth_ >= kMaxDepth || used > kMaxStackBytes) {
        if (!depthReported_) {
            depthReported_ = true;
            error("exceeded max nesting depth");
        }
        // Give up on the rest of the file: every caller unwinds at EOF.
        while (tok() != Tok::End)
            next();
        return false;
    }
    depth_++;
    return true;
}

// ----------------------------------------------------------------------------
// Files

void Parser::parseFile() {
    next();
    if (tok() == Tok::Package) {
        file_.packagePos = pos();
        next();
        file_.pkgName = name();
        want(Tok::Semicolon);
        if (anyError_) return; // don't bother continuing if the package clause has errors
    }

    // { ImportDecl ";" }
    while (tok() == Tok::Import) {
        GenDecl* d = genDecl(Tok::Import);
        file_.decls.push_back(d);
        want(Tok::Semicolon);
    }

    if (file_.isScript()) {
        fnest_ = 1; // top-level statements behave like a function body for recovery
        while (tok() != Tok::End)
            scriptItem();
        fnest_ = 0;
    } else {
        while (tok() != Tok::End) {
            switch (tok()) {
            case Tok::Const:
            case Tok::Type:
            case Tok::Var: file_.decls.push_back(genDecl(tok())); break;
            case Tok::Func: {
                Pos fpos = pos();
                next();
                if (FuncDecl* d = funcDeclOrNil(fpos)) file_.decls.push_back(d);
                break;
            }
            default: {
                FuncDecl* last = file_.decls.empty() ? nullptr : as<FuncDecl>(file_.decls.back());
                if (tok() == Tok::LBrace && last && last->body == nullptr)
                    syntaxError("unexpected semicolon or newline before {"); // { of func decl on next line
                else
                    syntaxError("non-declaration statement outside function body");
                advance({Tok::Const, Tok::Type, Tok::Var, Tok::Func});
                continue;
            }
            }
            if (tok() != Tok::End && !got(Tok::Semicolon)) {
                syntaxError("after top level declaration");
                advance({Tok::Const, Tok::Type, Tok::Var, Tok::Func});
            }
        }
    }

    // Errors Go's type checker reports: like cmd/compile, only when the file
    // has no syntax errors.
    if (anyError_) return;
    // x.(type) is only legal as the guard of a type switch.
    for (TypeAssertExpr* g : guards_)
        if (std::find(legalGuards_.begin(), legalGuards_.end(), g) == legalGuards_.end())
            lateErrors_.push_back({g->pos, "invalid AST: use of .(type) outside type switch"});
    std::stable_sort(lateErrors_.begin(), lateErrors_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [p, msg] : lateErrors_)
        errorAt(p, msg);
}

// One top-level item of a script: a declaration or a statement.
void Parser::scriptItem() {
    switch (tok()) {
    case Tok::Import:
    case Tok::Type: file_.decls.push_back(genDecl(tok())); break;
    case Tok::Func: {
        // A function or method declaration, or a statement starting with a function literal
        // (func(){ ... }()). Only `func (params) name(` is a method; `func name` a function.
        Pos fpos = pos();
        next();
        if (tok() == Tok::Ident) {
            if (FuncDecl* d = funcDeclOrNil(fpos)) file_.decls.push_back(d);
            break;
        }
        if (tok() != Tok::LParen) {
            syntaxError("expecting name or (");
            advance({Tok::LBrace, Tok::Semicolon});
            break;
        }
        Pos lparen = pos();
        next();
        FieldList* first = paramList(nullptr, Tok::RParen);
        first->pos = first->opening = lparen;
        FuncType* ft = nullptr;
        if (tok() == Tok::Ident) {
            Ident* n = name();
            if (tok() == Tok::LParen) {
                // method declaration
                FuncDecl* d = make<FuncDecl>(fpos);
                if (first->numFields() == 0)
                    errorAt(lparen, "method has no receiver");
                else if (first->numFields() > 1)
                    errorAt(lparen, "method has multiple receivers");
                d->recv = first;
                d->name = n;
                d->sig = funcType("");
                if (tok() == Tok::LBrace) d->body = funcBody();
                file_.decls.push_back(d);
                break;
            }
            // func(params) T ...: a function literal with result type T
            ft = make<FuncType>(fpos);
            ft->params = first;
            FieldList* res = make<FieldList>(n->pos);
            Field* f = make<Field>(n->pos);
            f->type = qualifiedName(n);
            res->list.push_back(f);
            ft->results = res;
        } else {
            ft = make<FuncType>(fpos);
            ft->params = first;
            ft->results = funcResult();
        }
        ft->variadic = !first->list.empty() && isa<Ellipsis>(first->list.back()->type);
        Expr* x = ft;
        if (tok() == Tok::LBrace) {
            FuncLit* lit = make<FuncLit>(fpos);
            lit->sig = ft;
            xnest_++;
            lit->body = funcBody();
            xnest_--;
            x = lit;
        }
        x = binaryExpr(pexpr(x, false), 0);
        ExprList lhs{x};
        while (got(Tok::Comma))
            lhs.push_back(expr());
        file_.scriptStmts.push_back(simpleStmt(std::move(lhs), Tok::Illegal));
        break;
    }
    default: {
        if (tok() == Tok::Package) {
            syntaxError("package statement must be first");
            next();
            advance({Tok::Semicolon});
            got(Tok::Semicolon);
            return;
        }
        Stmt* s = stmtOrNil();
        if (s == nullptr) {
            syntaxError("at end of statement");
            advance({Tok::Semicolon});
            got(Tok::Semicolon);
            return;
        }
        file_.scriptStmts.push_back(s);
        if (tok() != Tok::End && !got(Tok::Semicolon)) {
            syntaxError("at end of statement");
            advance({Tok::Semicolon});
            got(Tok::Semicolon);
        }
        return;
    }
    }
    if (tok() != Tok::End && !got(Tok::Semicolon)) {
        syntaxError("after top level declaration");
        advance({Tok::Semicolon});
        got(Tok::Semicolon);
    }
}

// ----------------------------------------------------------------------------
// Declarations

// appendGroup(f) = f | "(" { f ";" } ")" .
template <class F> void Parser::appendGroup(GenDecl* d, F f) {
    if (tok() == Tok::LParen) {
        d->lparen = pos();
        next();
        d->rparen = list("grouped declaration", Tok::Semicolon, Tok::RParen, [&] {
            if (Spec* s = f()) d->specs.push_back(s);
            return false;
        });
    } else if (Spec* s = f()) {
        d->specs.push_back(s);
    }
}

// GenDecl for keyword (current token).
GenDecl* Parser::genDecl(Tok keyword) {
    GenDecl* d = make<GenDecl>(pos(), keyword);
    next();
    switch (keyword) {
    case Tok::Import: appendGroup(d, [&] { return importSpec(); }); break;
    case Tok::Const: {
        uint32_t iota = 0;
        appendGroup(d, [&] { return constSpec(iota++); });
        break;
    }
    case Tok::Type: appendGroup(d, [&] { return typeSpec(); }); break;
    default: {
        uint32_t index = 0;
        appendGroup(d, [&] { return varSpec(index++); });
        break;
    }
    }
    return d;
}

// ImportSpec = [ "." | PackageName ] ImportPath .
Spec* Parser::importSpec() {
    ImportSpec* s = make<ImportSpec>(pos());
    if (tok() == Tok::Ident) {
        s->name = name();
    } else if (tok() == Tok::Period) {
        s->name = make<Ident>(pos(), ".");
        next();
    }
    s->path = oliteral();
    if (s->path == nullptr) {
        syntaxError("missing import path");
        advance({Tok::Semicolon, Tok::RParen});
        return nullptr;
    }
    if (!s->path->bad && s->path->litKind != Tok::String) {
        syntaxError("import path must be a string");
        s->path->bad = true;
    }
    file_.imports.push_back(s);
    return s;
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
Spec* Parser::constSpec(uint32_t iota) {
    ValueSpec* s = make<ValueSpec>(pos());
    s->iota = iota;
    s->names = nameList(name());
    if (tok() != Tok::End && tok() != Tok::Semicolon && tok() != Tok::RParen) {
        s->type = typeOrNil();
        if (gotAssign()) s->values = exprList();
    }
    return s;
}

// TypeSpec = identifier [ "=" ] Type .
Spec* Parser::typeSpec() {
    TypeSpec* s = make<TypeSpec>(pos());
    s->name = name();
    if (tok() == Tok::LBrack) {
        // array or slice type (type parameter lists are not supported)
        Pos lbrack = pos();
        next();
        if (got(Tok::RBrack)) {
            ArrayType* t = make<ArrayType>(lbrack);
            t->elem = type_();
            s->type = t;
        } else {
            s->type = arrayType(lbrack, nullptr);
        }
    } else {
        s->alias = gotAssign();
        s->type = typeOrNil();
    }
    if (s->type == nullptr) {
        s->type = badExpr();
        syntaxError("in type declaration");
        advance({Tok::Semicolon, Tok::RParen});
    }
    return s;
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
Spec* Parser::varSpec(uint32_t index) {
    ValueSpec* s = make<ValueSpec>(pos());
    s->iota = index;
    s->names = nameList(name());
    if (gotAssign()) {
        s->values = exprList();
    } else {
        s->type = type_();
        if (gotAssign()) s->values = exprList();
    }
    return s;
}

// FunctionDecl = "func" FunctionName Signature [ FunctionBody ] .
// MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
// "func" has been consumed; funcPos is its position.
FuncDecl* Parser::funcDeclOrNil(Pos funcPos) {
    FuncDecl* f = make<FuncDecl>(funcPos);
    if (tok() == Tok::LParen) {
        Pos lparen = pos();
        next();
        FieldList* rcvr = paramList(nullptr, Tok::RParen);
        rcvr->pos = rcvr->opening = lparen;
        size_t n = rcvr->numFields();
        if (n == 0)
            error("method has no receiver");
        else if (n > 1)
            error("method has multiple receivers");
        f->recv = rcvr;
    }
    if (tok() != Tok::Ident) {
        syntaxError("expecting name or (");
        advance({Tok::LBrace, Tok::Semicolon});
        return nullptr;
    }
    f->name = name();
    f->sig = funcType(f->recv ? "method" : "");
    if (tok() == Tok::LBrace) f->body = funcBody();
    return f;
}

BlockStmt* Parser::funcBody() {
    fnest_++;
    BlockStmt* body = blockStmt("");
    fnest_--;
    return body;
}

// ----------------------------------------------------------------------------
// Statements

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
// lhs may be empty (then it is parsed here); keyword is For, Switch, If or Illegal.
Stmt* Parser::simpleStmt(ExprList lhs, Tok keyword) {
    if (keyword == Tok::For && tok() == Tok::Range) {
        // range expr
        return newRangeStmt({}, Tok::Illegal, Pos{}, pos());
    }
    if (lhs.empty()) lhs = exprList();

    if (lhs.size() == 1 && tok() != Tok::Assign && tok() != Tok::Define) {
        Expr* x = lhs[0];
        Pos p = pos();
        if (isAssignOp(tok())) {
            // lhs op= rhs
            AssignStmt* s = make<AssignStmt>(x->pos);
            s->tok = tok();
            s->tokPos = p;
            next();
            s->lhs = {x};
            s->rhs = {expr()};
            return s;
        }
        if (tok() == Tok::Inc || tok() == Tok::Dec) {
            IncDecStmt* s = make<IncDecStmt>(x->pos);
            s->tok = tok();
            s->tokPos = p;
            next();
            s->x = x;
            return s;
        }
        if (tok() == Tok::Arrow) {
            SendStmt* s = make<SendStmt>(x->pos);
            s->arrow = p;
            next();
            s->chan = x;
            s->value = expr();
            return s;
        }
        ExprStmt* s = make<ExprStmt>(x->pos);
        s->x = x;
        return s;
    }

    // expr_list
    if (tok() == Tok::Assign || tok() == Tok::Define) {
        Pos p = pos();
        Tok op = tok();
        next();
        if (keyword == Tok::For && tok() == Tok::Range) {
            Pos start = lhs[0]->pos;
            return newRangeStmt(std::move(lhs), op, p, start);
        }
        AssignStmt* s = make<AssignStmt>(lhs[0]->pos);
        s->tok = op;
        s->tokPos = p;
        s->lhs = std::move(lhs);
        s->rhs = exprList();
        return s;
    }

    syntaxError("expecting := or = or comma");
    advance({Tok::Semicolon, Tok::RBrace});
    // make the best of what we have
    ExprStmt* s = make<ExprStmt>(lhs[0]->pos);
    s->x = lhs[0];
    return s;
}

// Current token is `range`. def is Define, Assign or Illegal (no lhs).
Stmt* Parser::newRangeStmt(ExprList lhs, Tok def, Pos tokPos, Pos start) {
    RangeStmt* r = make<RangeStmt>(start);
    next(); // consume range
    r->tok = def;
    r->tokPos = tokPos;
    if (lhs.size() > 0) r->key = lhs[0];
    if (lhs.size() > 1) r->value = lhs[1];
    if (lhs.size() > 2)
        lateErrors_.push_back({lhs[2]->pos, "range clause permits at most two iteration variables"});
    r->x = expr();
    return r;
}

Stmt* Parser::labeledStmtOrNil(Ident* label) {
    LabeledStmt* s = make<LabeledStmt>(label->pos);
    Pos colon = pos();
    s->label = label;
    want(Tok::Colon);
    if (tok() == Tok::RBrace) {
        // A label before '}' labels an implicit empty statement.
        EmptyStmt* e = make<EmptyStmt>(pos());
        e->implicit = true;
        s->stmt = e;
        return s;
    }
    s->stmt = stmtOrNil();
    if (s->stmt != nullptr) return s;
    // report error at line of ':' token
    syntaxErrorAt(colon, "missing statement after label");
    return nullptr;
}

// context must be non-empty unless the current token is '{'.
BlockStmt* Parser::blockStmt(const char* context) {
    BlockStmt* s = make<BlockStmt>(pos());
    // people coming from C may forget that braces are mandatory in Go
    if (!got(Tok::LBrace)) {
        syntaxError(std::string("expecting { after ") + context);
        advance({Tok::Ident, Tok::RBrace});
        s->rbrace = pos();
        if (got(Tok::RBrace)) return s;
    }
    s->list = stmtList();
    s->rbrace = pos();
    want(Tok::RBrace);
    return s;
}

Stmt* Parser::declStmt() {
    DeclStmt* s = make<DeclStmt>(pos());
    s->decl = genDecl(tok());
    return s;
}

Stmt* Parser::forStmt() {
    Pos p = pos();
    Header h = header(Tok::For);
    if (RangeStmt* r = as<RangeStmt>(h.init)) {
        r->pos = p;
        r->body = blockStmt("for clause");
        return r;
    }
    ForStmt* s = make<ForStmt>(p);
    s->init = h.init;
    s->cond = h.cond;
    s->post = h.post;
    s->body = blockStmt("for clause");
    return s;
}

// The header of an if, for or switch statement (the current token is the keyword).
Parser::Header Parser::header(Tok keyword) {
    Header h;
    want(keyword);
    if (tok() == Tok::LBrace) {
        if (keyword == Tok::If) {
            syntaxError("missing condition in if statement");
            h.cond = badExpr();
        }
        return h;
    }

    int outer = xnest_;
    xnest_ = -1; // a '{' now ends the header: T{} needs parentheses here

    if (tok() != Tok::Semicolon) {
        // accept potential varDecl but complain
        if (got(Tok::Var))
            syntaxError("var declaration not allowed in " + tokstring(keyword) + " initializer");
        h.init = simpleStmt({}, keyword);
        // If we have a range clause, we are done (can only happen for keyword == For).
        if (isa<RangeStmt>(h.init)) {
            xnest_ = outer;
            return h;
        }
    }

    Stmt* condStmt = nullptr;
    Pos semiPos;
    std::string semiLit;
    if (tok() != Tok::LBrace) {
        if (tok() == Tok::Semicolon) {
            semiPos = pos();
            semiLit = std::string(lex_.lit);
            next();
        } else {
            // asking for a '{' rather than a ';' here leads to a better error message
            want(Tok::LBrace);
            if (tok() != Tok::LBrace) advance({Tok::LBrace, Tok::RBrace}); // for better synchronization
        }
        if (keyword == Tok::For) {
            if (tok() != Tok::Semicolon) {
                if (tok() == Tok::LBrace) {
                    syntaxError("expecting for loop condition");
                    goto done;
                }
                condStmt = simpleStmt({}, Tok::Illegal);
            }
            want(Tok::Semicolon);
            if (tok() != Tok::LBrace) {
                h.post = simpleStmt({}, Tok::Illegal);
                if (AssignStmt* a = as<AssignStmt>(h.post); a && a->tok == Tok::Define)
                    syntaxErrorAt(a->tokPos, "cannot declare in post statement of for loop");
            }
        } else if (tok() != Tok::LBrace) {
            condStmt = simpleStmt({}, keyword);
        }
    } else {
        condStmt = h.init;
        h.init = nullptr;
    }

done:
    // unpack condStmt
    if (condStmt == nullptr) {
        if (keyword == Tok::If && semiPos.valid()) {
            if (semiLit != "semicolon")
                syntaxErrorAt(semiPos, "unexpected " + semiLit + ", expecting { after if clause");
            else
                syntaxErrorAt(semiPos, "missing condition in if statement");
            h.cond = make<BadExpr>(semiPos);
        }
    } else if (keyword == Tok::Switch && isTypeSwitchGuard(condStmt)) {
        h.condStmt = condStmt;
    } else if (ExprStmt* es = as<ExprStmt>(condStmt)) {
        h.cond = es->x;
    } else {
        // A common syntax error is to write '=' instead of '==', which turns an
        // expression into an assignment; say so explicitly.
        std::string str;
        AssignStmt* a = as<AssignStmt>(condStmt);
        if (a && a->tok == Tok::Assign)
            str = "assignment (" + ast::exprListString(a->lhs) + ") = (" + ast::exprListString(a->rhs) + ")";
        else
            str = ast::nodeString(condStmt);
        syntaxErrorAt(ast::syntaxPos(condStmt), "cannot use " + str + " as value");
    }
    xnest_ = outer;
    return h;
}

// `x := y.(type)` (one name) or the expression statement `y.(type)`.
bool Parser::isTypeSwitchGuard(Stmt* s) const {
    if (ExprStmt* es = as<ExprStmt>(s)) {
        TypeAssertExpr* g = as<TypeAssertExpr>(es->x);
        return g && g->assertType == nullptr;
    }
    AssignStmt* a = as<AssignStmt>(s);
    if (!a || a->tok != Tok::Define || a->lhs.size() != 1 || a->rhs.size() != 1 || !isa<Ident>(a->lhs[0]))
        return false;
    TypeAssertExpr* g = as<TypeAssertExpr>(a->rhs[0]);
    return g && g->assertType == nullptr;
}

Stmt* Parser::ifStmt() {
    IfStmt* s = make<IfStmt>(pos());
    Header h = header(Tok::If);
    s->init = h.init;
    s->cond = h.cond;
    s->body = blockStmt("if clause");
    if (got(Tok::Else)) {
        switch (tok()) {
        case Tok::If:
            if (enter()) {
                s->els = ifStmt();
                leave();
            }
            break;
        case Tok::LBrace: s->els = blockStmt(""); break;
        default:
            syntaxError("else must be followed by if or statement block");
            advance({Tok::Ident, Tok::RBrace});
        }
    }
    return s;
}

Stmt* Parser::switchStmt() {
    Pos p = pos();
    Header h = header(Tok::Switch);
    Pos lbrace = pos();
    if (!got(Tok::LBrace)) {
        syntaxError("missing { after switch clause");
        advance({Tok::Case, Tok::Default, Tok::RBrace});
    }
    std::vector<CaseClause*> clauses;
    while (tok() != Tok::End && tok() != Tok::RBrace)
        clauses.push_back(caseClause());
    Pos rbrace = pos();
    want(Tok::RBrace);

    if (h.condStmt != nullptr) {
        TypeSwitchStmt* s = make<TypeSwitchStmt>(p);
        s->init = h.init;
        s->assign = h.condStmt;
        if (AssignStmt* a = as<AssignStmt>(h.condStmt)) {
            s->lhs = cast<Ident>(a->lhs[0]);
            s->guard = cast<TypeAssertExpr>(a->rhs[0]);
        } else {
            s->guard = cast<TypeAssertExpr>(cast<ExprStmt>(h.condStmt)->x);
        }
        legalGuards_.push_back(s->guard);
        s->clauses = std::move(clauses);
        s->lbrace = lbrace;
        s->rbrace = rbrace;
        return s;
    }
    SwitchStmt* s = make<SwitchStmt>(p);
    s->init = h.init;
    s->tag = h.cond;
    s->clauses = std::move(clauses);
    s->lbrace = lbrace;
    s->rbrace = rbrace;
    return s;
}

Stmt* Parser::selectStmt() {
    SelectStmt* s = make<SelectStmt>(pos());
    want(Tok::Select);
    s->lbrace = pos();
    if (!got(Tok::LBrace)) {
        syntaxError("missing { after select clause");
        advance({Tok::Case, Tok::Default, Tok::RBrace});
    }
    while (tok() != Tok::End && tok() != Tok::RBrace)
        s->clauses.push_back(commClause());
    s->rbrace = pos();
    want(Tok::RBrace);
    return s;
}

CaseClause* Parser::caseClause() {
    CaseClause* c = make<CaseClause>(pos());
    switch (tok()) {
    case Tok::Case:
        next();
        c->list = exprList();
        break;
    case Tok::Default:
        next();
        c->isDefault = true;
        break;
    default:
        syntaxError("expecting case or default or }");
        advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
    }
    c->colon = pos();
    want(Tok::Colon);
    c->body = stmtList();
    return c;
}

CommClause* Parser::commClause() {
    CommClause* c = make<CommClause>(pos());
    switch (tok()) {
    case Tok::Case:
        next();
        // The syntax restricts the possible simple statements here to
        // lhs <- x (send), <-x, lhs = <-x and lhs := <-x; all of these (and more)
        // are recognized by simpleStmt and invalid ones flagged by the checker.
        c->comm = simpleStmt({}, Tok::Illegal);
        break;
    case Tok::Default: next(); break;
    default:
        syntaxError("expecting case or default or }");
        advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
    }
    c->colon = pos();
    want(Tok::Colon);
    c->body = stmtList();
    return c;
}

// callStmt parses `go f(x)` and `defer f(x)`.
Stmt* Parser::callStmt() {
    Pos p = pos();
    Tok kw = tok();
    next();
    Expr* x = pexpr(nullptr, tok() == Tok::LParen); // keep parens so we can report the error below
    Expr* t = x;
    while (ParenExpr* pe = as<ParenExpr>(t))
        t = pe->x;
    if (t != x) {
        errorAt(ast::syntaxPos(x),
                "expression in " + std::string(tokString(kw)) + " must not be parenthesized");
        x = t;
    }
    // A non-call is the type checker's error ("expression in go must be function
    // call"), as in Go: a syntax error here would hide every type error of the file.
    if (kw == Tok::Go) {
        GoStmt* s = make<GoStmt>(p);
        s->call = x;
        return s;
    }
    DeferStmt* s = make<DeferStmt>(p);
    s->call = x;
    return s;
}

// stmtOrNil parses a statement if one is present, or else returns nullptr.
Stmt* Parser::stmtOrNil() {
    if (!enter()) return nullptr;
    struct Leave {
        Parser* p;
        ~Leave() { p->leave(); }
    } guard{this};

    // Most statements (assignments) start with an identifier.
    if (tok() == Tok::Ident) {
        ExprList lhs = exprList();
        if (lhs.size() == 1 && tok() == Tok::Colon)
            if (Ident* label = as<Ident>(lhs[0])) return labeledStmtOrNil(label);
        return simpleStmt(std::move(lhs), Tok::Illegal);
    }

    switch (tok()) {
    case Tok::Var:
    case Tok::Const:
    case Tok::Type: return declStmt();
    case Tok::LBrace: return blockStmt("");
    case Tok::Add:
    case Tok::Sub:
    case Tok::Mul:
    case Tok::And:
    case Tok::Xor:
    case Tok::Not: return simpleStmt({}, Tok::Illegal); // unary operators
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String:
    case Tok::Func:
    case Tok::LParen: // operands
    case Tok::LBrack:
    case Tok::Struct:
    case Tok::Map:
    case Tok::Chan:
    case Tok::Interface:                                  // composite types
    case Tok::Arrow: return simpleStmt({}, Tok::Illegal); // receive operator
    case Tok::For: return forStmt();
    case Tok::Switch: return switchStmt();
    case Tok::Select: return selectStmt();
    case Tok::If: return ifStmt();
    case Tok::Fallthrough: {
        BranchStmt* s = make<BranchStmt>(pos(), Tok::Fallthrough);
        next();
        return s;
    }
    case Tok::Break:
    case Tok::Continue: {
        BranchStmt* s = make<BranchStmt>(pos(), tok());
        next();
        if (tok() == Tok::Ident) s->label = name();
        return s;
    }
    case Tok::Go:
    case Tok::Defer: return callStmt();
    case Tok::Goto: {
        BranchStmt* s = make<BranchStmt>(pos(), Tok::Goto);
        next();
        s->label = name();
        return s;
    }
    case Tok::Return: {
        ReturnStmt* s = make<ReturnStmt>(pos());
        next();
        if (tok() != Tok::Semicolon && tok() != Tok::RBrace) s->results = exprList();
        return s;
    }
    case Tok::Semicolon: {
        EmptyStmt* s = make<EmptyStmt>(pos());
        s->implicit = lex_.lit != "semicolon";
        return s;
    }
    default: return nullptr;
    }
}

// StatementList = { Statement ";" } .
std::vector<Stmt*> Parser::stmtList() {
    std::vector<Stmt*> l;
    while (tok() != Tok::End && tok() != Tok::RBrace && tok() != Tok::Case && tok() != Tok::Default) {
        Stmt* s = stmtOrNil();
        if (s == nullptr) break;
        l.push_back(s);
        // ";" is optional before "}"
        if (!got(Tok::Semicolon) && tok() != Tok::RBrace) {
            syntaxError("at end of statement");
            advance({Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default});
            got(Tok::Semicolon); // avoid spurious empty statement
        }
    }
    return l;
}

// ----------------------------------------------------------------------------
// Entry point

std::unique_ptr<ast::File> parseFile(std::string fileName, std::string text, Diagnostics& diags) {
    auto f = std::make_unique<ast::File>();
    f->source.name = std::move(fileName);
    f->source.text = std::move(text);
    Parser p(*f, diags);
    p.parseFile();
    return f;
}

bool inputIncomplete(const std::string& text) {
    Diagnostics diags;
    auto f = parseFile("input", text, diags);
    if (!diags.hasErrors()) return false;
    // Only the first error counts: later ones may be follow-ups of a real mistake.
    const std::string& msg = diags.all().front().msg;
    if (msg.find("unexpected EOF") != std::string::npos || msg == "comment not terminated") return true;
    if (msg == "string not terminated") {
        // Raw strings may span lines; an interpreted string cut at a newline is an error.
        Pos p = diags.all().front().pos;
        size_t off = 0;
        for (uint32_t line = 1; line < p.line && off < text.size(); line++)
            off = text.find('\n', off) + 1;
        off += p.col - 1;
        return off < text.size() && text[off] == '`';
    }
    return false;
}

} // namespace gol::syntax
