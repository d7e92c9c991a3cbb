// The recursive-descent parser, shared by parser.cpp (files, declarations,
// statements) and parser_expr.cpp (expressions and types).
//
// A port of Go 1.19's cmd/compile/internal/syntax/parser.go (BSD license, The
// Go Authors): same productions, same error recovery, same messages, so that
// syntax errors match `go build` word for word. Differences: no generics (type
// parameter syntax is rejected), script mode (DESIGN §1), a nesting limit, and
// the tree is gol's AST rather than syntax.Node.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/syntax/ast.hpp"
#include "compiler/syntax/lexer.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace gol::syntax {

class Parser {
  public:
    Parser(ast::File& file, Diagnostics& diags);
    void parseFile();

  private:
    using Expr = ast::Expr;
    using Stmt = ast::Stmt;
    using ExprList = std::vector<ast::Expr*>;

    // --- tokens and errors ---
    void next() { lex_.next(); }
    Tok tok() const { return lex_.tok; }
    Pos pos() const { return lex_.pos; }
    bool got(Tok t);
    void want(Tok t);
    bool gotAssign();
    void errorAt(Pos p, const std::string& msg);
    void error(const std::string& msg) { errorAt(pos(), msg); }
    void syntaxErrorAt(Pos p, std::string msg);
    void syntaxError(const std::string& msg) { syntaxErrorAt(pos(), msg); }
    void advance(std::initializer_list<Tok> followlist = {});
    static std::string tokstring(Tok t);
    // Guards recursion; false (after reporting once) when too deep.
    bool enter();
    void leave() { depth_--; }

    template <class T, class... A> T* make(A&&... a) { return file_.arena.make<T>(std::forward<A>(a)...); }
    ast::BadExpr* badExpr() { return make<ast::BadExpr>(pos()); }

    // --- file and declarations (parser.cpp) ---
    void scriptItem();
    template <class F> void appendGroup(ast::GenDecl* d, F f);
    ast::GenDecl* genDecl(Tok keyword);
    ast::Spec* importSpec();
    ast::Spec* constSpec(uint32_t iota);
    ast::Spec* typeSpec();
    ast::Spec* varSpec(uint32_t index);
    ast::FuncDecl* funcDeclOrNil(Pos funcPos);
    ast::BlockStmt* funcBody();
    template <class F> Pos list(const char* context, Tok sep, Tok close, F f);

    // --- statements (parser.cpp) ---
    Stmt* simpleStmt(ExprList lhs, Tok keyword);
    Stmt* newRangeStmt(ExprList lhs, Tok def, Pos tokPos, Pos start);
    Stmt* labeledStmtOrNil(ast::Ident* label);
    ast::BlockStmt* blockStmt(const char* context);
    Stmt* declStmt();
    Stmt* forStmt();
    struct Header {
        Stmt* init = nullptr;
        Expr* cond = nullptr;
        Stmt* post = nullptr;
        Stmt* condStmt = nullptr; // switch: the raw statement (type switch guard)
    };
    Header header(Tok keyword);
    Stmt* ifStmt();
    Stmt* switchStmt();
    Stmt* selectStmt();
    ast::CaseClause* caseClause();
    ast::CommClause* commClause();
    Stmt* stmtOrNil();
    std::vector<Stmt*> stmtList();
    Stmt* callStmt();

    // --- expressions (parser_expr.cpp) ---
    Expr* expr();
    Expr* binaryExpr(Expr* x, int prec);
    Expr* unaryExpr();
    Expr* operand(bool keepParens);
    Expr* funcLitOrType(Pos funcPos);
    Expr* pexpr(Expr* x, bool keepParens);
    Expr* bareComplitExpr();
    ast::CompositeLit* complitExpr();
    Expr* type_();
    Expr* typeOrNil();
    ast::FuncType* funcType(const char* context);
    Expr* arrayType(Pos lbrack, Expr* len);
    Expr* chanElem();
    ast::StructType* structType();
    void fieldDecl(ast::StructType* st);
    ast::InterfaceType* interfaceType();
    ast::FieldList* funcResult();
    ast::BasicLit* oliteral();
    ast::Field* paramDeclOrNil(ast::Ident* name, Tok follow);
    ast::FieldList* paramList(ast::Ident* name, Tok close);
    void argList(ast::CallExpr* call);
    ast::Ident* name();
    std::vector<ast::Ident*> nameList(ast::Ident* first);
    Expr* qualifiedName(ast::Ident* name);
    ExprList exprList();
    bool isTypeSwitchGuard(Stmt* s) const;

    ast::File& file_;
    Diagnostics& diags_;
    Lexer lex_;
    int fnest_ = 0;       // function nesting level (for error handling)
    int xnest_ = 0;       // expression nesting level (for complit ambiguity resolution)
    int depth_ = 0;       // recursion depth, bounded by kMaxDepth
    uintptr_t stackBase_; // native stack address when parsing started
    bool depthReported_ = false;
    bool anyError_ = false;
    // Every x.(type) parsed, and those that are type switch guards; the
    // others are reported at the end of the file.
    std::vector<ast::TypeAssertExpr*> guards_, legalGuards_;
    // Errors that Go's type checker (not its parser) reports; see parseFile.
    std::vector<std::pair<Pos, std::string>> lateErrors_;
};

// list = [ f { sep f } [sep] ] close .  Returns the position of the closing token.
template <class F> Pos Parser::list(const char* context, Tok sep, Tok close, F f) {
    bool done = false;
    while (tok() != Tok::End && tok() != close && !done) {
        done = f();
        // sep is optional before close
        if (!got(sep) && tok() != close) {
            syntaxError(std::string("in ") + context + "; possibly missing " + tokstring(sep) + " or " +
                        tokstring(close));
            advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
            if (tok() != close) return pos();
        }
    }
    Pos p = pos();
    want(close);
    return p;
}

} // namespace gol::syntax
