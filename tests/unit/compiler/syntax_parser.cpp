// Parser: every expression, statement and declaration form, compared as AST dumps.
#include "compiler/syntax/parser.hpp"
#include "compiler/syntax/printer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace gol;

namespace {

struct Parsed {
    std::unique_ptr<ast::File> file;
    std::string errors;
};

Parsed parse(const std::string& src) {
    Diagnostics diags;
    auto f = syntax::parseFile("t.go", src, diags);
    return {std::move(f), diags.format()};
}

// Dump of the statements of `func f() { <body> }`; "" plus errors on failure.
std::string stmts(const std::string& body) {
    Parsed p = parse("package p\nfunc f() {\n" + body + "\n}\n");
    if (!p.errors.empty()) return "ERRORS: " + p.errors;
    auto* fd = ast::cast<ast::FuncDecl>(p.file->decls.at(0));
    std::string out;
    for (ast::Stmt* s : fd->body->list) {
        if (!out.empty()) out += ' ';
        out += ast::dump(s);
    }
    return out;
}

// Dump of expression x, parsed as `_ = x` inside a function.
std::string expr(const std::string& x) {
    Parsed p = parse("package p\nfunc f() {\n_ = " + x + "\n}\n");
    if (!p.errors.empty()) return "ERRORS: " + p.errors;
    auto* fd = ast::cast<ast::FuncDecl>(p.file->decls.at(0));
    return ast::dump(ast::cast<ast::AssignStmt>(fd->body->list.at(0))->rhs.at(0));
}

// Dump of the file's declarations.
std::string decls(const std::string& src) {
    Parsed p = parse("package p\n" + src);
    if (!p.errors.empty()) return "ERRORS: " + p.errors;
    std::string out;
    for (ast::Decl* d : p.file->decls) {
        if (!out.empty()) out += ' ';
        out += ast::dump(d);
    }
    return out;
}

} // namespace

TEST_CASE("parser: operator precedence and associativity") {
    CHECK(expr("a + b * c") == "(BinaryExpr + (Ident a) (BinaryExpr * (Ident b) (Ident c)))");
    CHECK(expr("a * b + c") == "(BinaryExpr + (BinaryExpr * (Ident a) (Ident b)) (Ident c))");
    CHECK(expr("a - b - c") == "(BinaryExpr - (BinaryExpr - (Ident a) (Ident b)) (Ident c))");
    CHECK(expr("a || b && c") == "(BinaryExpr || (Ident a) (BinaryExpr && (Ident b) (Ident c)))");
    CHECK(expr("a == b || c < d") ==
          "(BinaryExpr || (BinaryExpr == (Ident a) (Ident b)) (BinaryExpr < (Ident c) (Ident d)))");
    CHECK(expr("a << 1 | b &^ c") ==
          "(BinaryExpr | (BinaryExpr << (Ident a) (BasicLit INT 1)) (BinaryExpr &^ (Ident b) (Ident c)))");
    CHECK(expr("-a * ^b") == "(BinaryExpr * (UnaryExpr - (Ident a)) (UnaryExpr ^ (Ident b)))");
    CHECK(expr("!a && *p") == "(BinaryExpr && (UnaryExpr ! (Ident a)) (StarExpr (Ident p)))");
    CHECK(expr("&x.y") == "(UnaryExpr & (SelectorExpr (Ident x) (Ident y)))");
    CHECK(expr("<-ch + 1") == "(BinaryExpr + (UnaryExpr <- (Ident ch)) (BasicLit INT 1))");
    CHECK(expr("(a + b) * c") == "(BinaryExpr * (ParenExpr (BinaryExpr + (Ident a) (Ident b))) (Ident c))");
    CHECK(expr("a % b / c") == "(BinaryExpr / (BinaryExpr % (Ident a) (Ident b)) (Ident c))");
    CHECK(expr("a >= b != true") == "(BinaryExpr != (BinaryExpr >= (Ident a) (Ident b)) (Ident true))");
}

TEST_CASE("parser: primary expressions") {
    CHECK(expr("f(a, b...)") == "(CallExpr (Ident f) [(Ident a) (Ident b)] ...)");
    CHECK(expr("f(a, b,)") == "(CallExpr (Ident f) [(Ident a) (Ident b)])");
    CHECK(expr("x.y.z()") == "(CallExpr (SelectorExpr (SelectorExpr (Ident x) (Ident y)) (Ident z)) [])");
    CHECK(expr("a[i]") == "(IndexExpr (Ident a) (Ident i))");
    CHECK(expr("a[:]") == "(SliceExpr (Ident a) _ _)");
    CHECK(expr("a[1:]") == "(SliceExpr (Ident a) (BasicLit INT 1) _)");
    CHECK(expr("a[:2]") == "(SliceExpr (Ident a) _ (BasicLit INT 2))");
    CHECK(expr("a[1:2:3]") == "(SliceExpr (Ident a) (BasicLit INT 1) (BasicLit INT 2) (BasicLit INT 3))");
    CHECK(expr("a[:2:3]") == "(SliceExpr (Ident a) _ (BasicLit INT 2) (BasicLit INT 3))");
    CHECK(expr("x.(T)") == "(TypeAssertExpr (Ident x) (Ident T))");
    CHECK(expr("x.(*p.T)") == "(TypeAssertExpr (Ident x) (StarExpr (SelectorExpr (Ident p) (Ident T))))");
    CHECK(expr("[]int(x)") == "(CallExpr (ArrayType _ (Ident int)) [(Ident x)])");
    CHECK(expr("(*T)(p)") == "(CallExpr (ParenExpr (StarExpr (Ident T))) [(Ident p)])");
    CHECK(expr("func(x int) int { return x }(1)") ==
          "(CallExpr (FuncLit (FuncType (FieldList [(Field [(Ident x)] (Ident int))]) (FieldList [(Field [] "
          "(Ident int))])) (BlockStmt [(ReturnStmt [(Ident x)])])) [(BasicLit INT 1)])");
    CHECK(expr("T.M") == "(SelectorExpr (Ident T) (Ident M))");
    CHECK(expr("(*T).M") == "(SelectorExpr (ParenExpr (StarExpr (Ident T))) (Ident M))");
}

TEST_CASE("parser: literals") {
    CHECK(expr("42") == "(BasicLit INT 42)");
    CHECK(expr("0x_FF") == "(BasicLit INT 0x_FF)");
    CHECK(expr("1.5e3") == "(BasicLit FLOAT 1.5e3)");
    CHECK(expr("2i") == "(BasicLit IMAG 2i)");
    CHECK(expr("'\\n'") == "(BasicLit CHAR '\\n' 10)");
    CHECK(expr("\"a\\tb\"") == "(BasicLit STRING \"a\\tb\" \"a\\x09b\")");
    CHECK(expr("`raw\\n`") == "(BasicLit STRING `raw\\n` \"raw\\\\n\")");
}

TEST_CASE("parser: composite literals") {
    CHECK(expr("T{}") == "(CompositeLit (Ident T) [])");
    CHECK(expr("p.T{1, 2}") ==
          "(CompositeLit (SelectorExpr (Ident p) (Ident T)) [(BasicLit INT 1) (BasicLit INT 2)])");
    CHECK(expr("[]int{1, 2,}") ==
          "(CompositeLit (ArrayType _ (Ident int)) [(BasicLit INT 1) (BasicLit INT 2)])");
    CHECK(expr("[...]string{2: \"a\"}") ==
          "(CompositeLit (ArrayType (Ellipsis _) (Ident string)) [(KeyValueExpr (BasicLit INT 2) (BasicLit "
          "STRING \"a\" \"a\"))])");
    CHECK(expr("map[string]P{\"a\": {1, 2}}") ==
          "(CompositeLit (MapType (Ident string) (Ident P)) [(KeyValueExpr (BasicLit STRING \"a\" \"a\") "
          "(CompositeLit _ [(BasicLit INT 1) (BasicLit INT 2)]))])");
    CHECK(expr("[][]int{{1}, {}}") ==
          "(CompositeLit (ArrayType _ (ArrayType _ (Ident int))) [(CompositeLit _ [(BasicLit INT 1)]) "
          "(CompositeLit _ [])])");
    CHECK(expr("struct{ x int }{1}") ==
          "(CompositeLit (StructType [(Field [(Ident x)] (Ident int))]) [(BasicLit INT 1)])");
    CHECK(expr("&T{X: 1}") ==
          "(UnaryExpr & (CompositeLit (Ident T) [(KeyValueExpr (Ident X) (BasicLit INT 1))]))");
    CHECK(expr("[]*T{{}}") == "(CompositeLit (ArrayType _ (StarExpr (Ident T))) [(CompositeLit _ [])])");
}

TEST_CASE("parser: composite literal ambiguity in statement headers") {
    // In a header, `T {` starts the block; parenthesized literals are fine.
    CHECK(stmts("if x == T {}") == "(IfStmt _ (BinaryExpr == (Ident x) (Ident T)) (BlockStmt []) _)");
    CHECK(stmts("if x == (T{}) {}") ==
          "(IfStmt _ (BinaryExpr == (Ident x) (ParenExpr (CompositeLit (Ident T) []))) (BlockStmt []) _)");
    CHECK(stmts("for _, v := range []int{1} {}") ==
          "(RangeStmt (Ident _) (Ident v) := (CompositeLit (ArrayType _ (Ident int)) [(BasicLit INT 1)]) "
          "(BlockStmt []))");
    CHECK(stmts("switch s := (S{}); s.x {}") ==
          "(SwitchStmt (AssignStmt := [(Ident s)] [(ParenExpr (CompositeLit (Ident S) []))]) (SelectorExpr "
          "(Ident s) (Ident x)) [])");
    // Inside parentheses or a call the ambiguity is gone.
    CHECK(stmts("if f(T{}) {}") ==
          "(IfStmt _ (CallExpr (Ident f) [(CompositeLit (Ident T) [])]) (BlockStmt []) _)");
    CHECK(stmts("if x := []int{1}; len(x) > 0 {}")
              .rfind("(IfStmt (AssignStmt := [(Ident x)] [(CompositeLit", 0) == 0);
}

TEST_CASE("parser: simple statements") {
    CHECK(stmts("x := 1") == "(AssignStmt := [(Ident x)] [(BasicLit INT 1)])");
    CHECK(stmts("a, b = b, a") == "(AssignStmt = [(Ident a) (Ident b)] [(Ident b) (Ident a)])");
    CHECK(stmts("x += 2") == "(AssignStmt += [(Ident x)] [(BasicLit INT 2)])");
    CHECK(stmts("x &^= 2") == "(AssignStmt &^= [(Ident x)] [(BasicLit INT 2)])");
    CHECK(stmts("x++") == "(IncDecStmt ++ (Ident x))");
    CHECK(stmts("a[i]--") == "(IncDecStmt -- (IndexExpr (Ident a) (Ident i)))");
    CHECK(stmts("ch <- v") == "(SendStmt (Ident ch) (Ident v))");
    CHECK(stmts("f()") == "(ExprStmt (CallExpr (Ident f) []))");
    CHECK(stmts("<-ch") == "(ExprStmt (UnaryExpr <- (Ident ch)))");
    CHECK(stmts("v, ok := m[k]") ==
          "(AssignStmt := [(Ident v) (Ident ok)] [(IndexExpr (Ident m) (Ident k))])");
    CHECK(stmts(";") == "(EmptyStmt)");
}

TEST_CASE("parser: control flow statements") {
    CHECK(stmts("if x { } else if y { } else { }") ==
          "(IfStmt _ (Ident x) (BlockStmt []) (IfStmt _ (Ident y) (BlockStmt []) (BlockStmt [])))");
    CHECK(stmts("if v, ok := m[k]; ok {}") ==
          "(IfStmt (AssignStmt := [(Ident v) (Ident ok)] [(IndexExpr (Ident m) (Ident k))]) (Ident ok) "
          "(BlockStmt []) _)");
    CHECK(stmts("for {}") == "(ForStmt _ _ _ (BlockStmt []))");
    CHECK(stmts("for x < 3 {}") == "(ForStmt _ (BinaryExpr < (Ident x) (BasicLit INT 3)) _ (BlockStmt []))");
    CHECK(stmts("for i := 0; i < n; i++ {}") ==
          "(ForStmt (AssignStmt := [(Ident i)] [(BasicLit INT 0)]) (BinaryExpr < (Ident i) (Ident n)) "
          "(IncDecStmt ++ (Ident i)) (BlockStmt []))");
    CHECK(stmts("for ;; {}") == "(ForStmt _ _ _ (BlockStmt []))");
    CHECK(stmts("for range ch {}") == "(RangeStmt _ _ _ (Ident ch) (BlockStmt []))");
    CHECK(stmts("for i := range 10 {}") == "(RangeStmt (Ident i) _ := (BasicLit INT 10) (BlockStmt []))");
    CHECK(stmts("for k, v = range m {}") == "(RangeStmt (Ident k) (Ident v) = (Ident m) (BlockStmt []))");
    CHECK(stmts("switch {}") == "(SwitchStmt _ _ [])");
    CHECK(
        stmts("switch x := f(); x {\ncase 1, 2:\n\tg()\n\tfallthrough\ndefault:\n}") ==
        "(SwitchStmt (AssignStmt := [(Ident x)] [(CallExpr (Ident f) [])]) (Ident x) [(CaseClause "
        "[(BasicLit INT 1) (BasicLit INT 2)] [(ExprStmt (CallExpr (Ident g) [])) (BranchStmt fallthrough)]) "
        "(CaseClause default [])])");
    CHECK(stmts("switch v := x.(type) {\ncase int, nil:\ncase []T:\n}") ==
          "(TypeSwitchStmt _ (AssignStmt := [(Ident v)] [(TypeAssertExpr (Ident x) type)]) [(CaseClause "
          "[(Ident int) (Ident nil)] []) (CaseClause [(ArrayType _ (Ident T))] [])])");
    CHECK(
        stmts("switch y := 1; x.(type) {}") ==
        "(TypeSwitchStmt (AssignStmt := [(Ident y)] [(BasicLit INT 1)]) (ExprStmt (TypeAssertExpr (Ident x) "
        "type)) [])");
    CHECK(stmts("select {\ncase v := <-c:\ncase c <- 1:\ncase <-d:\ncase v, ok = <-c:\ndefault:\n}") ==
          "(SelectStmt [(CommClause (AssignStmt := [(Ident v)] [(UnaryExpr <- (Ident c))]) []) (CommClause "
          "(SendStmt (Ident c) (BasicLit INT 1)) []) (CommClause (ExprStmt (UnaryExpr <- (Ident d))) []) "
          "(CommClause (AssignStmt = [(Ident v) (Ident ok)] [(UnaryExpr <- (Ident c))]) []) (CommClause "
          "default "
          "[])])");
    CHECK(stmts("select {}") == "(SelectStmt [])");
}

TEST_CASE("parser: branch, labels, go, defer, return, blocks, declarations") {
    CHECK(
        stmts("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t}") ==
        "(LabeledStmt (Ident L) (ForStmt _ _ _ (BlockStmt [(BranchStmt break (Ident L)) (BranchStmt continue "
        "(Ident L))])))");
    CHECK(stmts("goto L\nL:") == "(BranchStmt goto (Ident L)) (LabeledStmt (Ident L) (EmptyStmt implicit))");
    CHECK(stmts("break\ncontinue") == "(BranchStmt break) (BranchStmt continue)");
    CHECK(stmts("go f(x)") == "(GoStmt (CallExpr (Ident f) [(Ident x)]))");
    CHECK(stmts("defer func() { recover() }()") ==
          "(DeferStmt (CallExpr (FuncLit (FuncType (FieldList []) _) (BlockStmt [(ExprStmt (CallExpr (Ident "
          "recover) []))])) []))");
    CHECK(stmts("return") == "(ReturnStmt [])");
    CHECK(stmts("return 1, nil") == "(ReturnStmt [(BasicLit INT 1) (Ident nil)])");
    CHECK(stmts("{ x := 1; _ = x }") == "(BlockStmt [(AssignStmt := [(Ident x)] [(BasicLit INT 1)]) "
                                        "(AssignStmt = [(Ident _)] [(Ident x)])])");
    CHECK(stmts("var x, y int = 1, 2") ==
          "(DeclStmt (GenDecl var [(ValueSpec iota=0 [(Ident x) (Ident y)] (Ident int) [(BasicLit INT 1) "
          "(BasicLit INT 2)])]))");
    CHECK(stmts("const c = 1") ==
          "(DeclStmt (GenDecl const [(ValueSpec iota=0 [(Ident c)] _ [(BasicLit INT 1)])]))");
    CHECK(stmts("type T struct{}") == "(DeclStmt (GenDecl type [(TypeSpec (Ident T) (StructType []))]))");
}

TEST_CASE("parser: declarations") {
    CHECK(decls("import \"fmt\"\nimport (\n\tm \"math\"\n\t. \"strings\"\n\t_ \"os\"\n)\n") ==
          "(GenDecl import [(ImportSpec _ (BasicLit STRING \"fmt\" \"fmt\"))]) (GenDecl import [(ImportSpec "
          "(Ident m) (BasicLit STRING \"math\" \"math\")) (ImportSpec (Ident .) (BasicLit STRING \"strings\" "
          "\"strings\")) (ImportSpec (Ident _) (BasicLit STRING \"os\" \"os\"))])");
    CHECK(decls("const (\n\tA = iota * 2\n\tB\n\tC, D = 1, 2\n)\n") ==
          "(GenDecl const [(ValueSpec iota=0 [(Ident A)] _ [(BinaryExpr * (Ident iota) (BasicLit INT 2))]) "
          "(ValueSpec iota=1 [(Ident B)] _ []) (ValueSpec iota=2 [(Ident C) (Ident D)] _ [(BasicLit INT 1) "
          "(BasicLit INT 2)])])");
    CHECK(decls("const X int = 1\n") ==
          "(GenDecl const [(ValueSpec iota=0 [(Ident X)] (Ident int) [(BasicLit INT 1)])])");
    CHECK(decls("var (\n\tx int\n\ty = 2\n)\n") == "(GenDecl var [(ValueSpec iota=0 [(Ident x)] (Ident int) "
                                                   "[]) (ValueSpec iota=1 [(Ident y)] _ [(BasicLit "
                                                   "INT 2)])])");
    CHECK(decls("type A = int\ntype B [4]byte\ntype C []B\n") ==
          "(GenDecl type [(TypeSpec (Ident A) = (Ident int))]) (GenDecl type [(TypeSpec (Ident B) (ArrayType "
          "(BasicLit INT 4) (Ident byte)))]) (GenDecl type [(TypeSpec (Ident C) (ArrayType _ (Ident B)))])");
    CHECK(
        decls("type S struct {\n\ta, b int `t`\n\t*E\n\tp.F\n\tG\n}\n") ==
        "(GenDecl type [(TypeSpec (Ident S) (StructType [(Field [(Ident a) (Ident b)] (Ident int) (BasicLit "
        "STRING `t` \"t\")) (Field [] (StarExpr (Ident E))) (Field [] (SelectorExpr (Ident p) (Ident F))) "
        "(Field [] (Ident G))]))])");
    CHECK(decls("type I interface {\n\tM(int) (string, error)\n\tfmt.Stringer\n\tJ\n}\n") ==
          "(GenDecl type [(TypeSpec (Ident I) (InterfaceType [(Field [(Ident M)] (FuncType (FieldList "
          "[(Field [] "
          "(Ident int))]) (FieldList [(Field [] (Ident string)) (Field [] (Ident error))])))] [(SelectorExpr "
          "(Ident fmt) (Ident Stringer)) (Ident J)]))])");
    CHECK(
        decls("type F func(a, b int, c ...string) error\n") ==
        "(GenDecl type [(TypeSpec (Ident F) (FuncType (FieldList [(Field [(Ident a) (Ident b)] (Ident int)) "
        "(Field [(Ident c)] (Ellipsis (Ident string)))]) (FieldList [(Field [] (Ident error))]) "
        "variadic))])");
    CHECK(decls("type C struct { a chan int; b <-chan int; c chan<- int; d chan (<-chan int) }\n") ==
          "(GenDecl type [(TypeSpec (Ident C) (StructType [(Field [(Ident a)] (ChanType both (Ident int))) "
          "(Field "
          "[(Ident b)] (ChanType recv (Ident int))) (Field [(Ident c)] (ChanType send (Ident int))) (Field "
          "[(Ident d)] (ChanType both (ParenExpr (ChanType recv (Ident int)))))]))])");
    CHECK(decls("type M map[string][]*int\n") == "(GenDecl type [(TypeSpec (Ident M) (MapType (Ident string) "
                                                 "(ArrayType _ (StarExpr (Ident int)))))])");
    CHECK(decls("func f()\n") == "(FuncDecl _ (Ident f) (FuncType (FieldList []) _) _)");
    CHECK(decls("func (t *T) M() {}\n") == "(FuncDecl (FieldList [(Field [(Ident t)] (StarExpr (Ident T)))]) "
                                           "(Ident M) (FuncType (FieldList []) _) "
                                           "(BlockStmt []))");
    CHECK(
        decls("func (T) M(int, string) (x int) { return }\n") ==
        "(FuncDecl (FieldList [(Field [] (Ident T))]) (Ident M) (FuncType (FieldList [(Field [] (Ident int)) "
        "(Field [] (Ident string))]) (FieldList [(Field [(Ident x)] (Ident int))])) (BlockStmt [(ReturnStmt "
        "[])]))");
}

TEST_CASE("parser: receive-only channel types in expressions") {
    CHECK(expr("make(<-chan int)") == "(CallExpr (Ident make) [(ChanType recv (Ident int))])");
    CHECK(expr("(<-chan int)(c)") == "(CallExpr (ParenExpr (ChanType recv (Ident int))) [(Ident c)])");
    CHECK(expr("<-chan int(c)") == "(UnaryExpr <- (CallExpr (ChanType both (Ident int)) [(Ident c)]))");
}

TEST_CASE("parser: positions") {
    Parsed p = parse("package p\nfunc f() {\n\tx := a +\n\t\tb.c(1)\n}\n");
    REQUIRE(p.errors.empty());
    auto* fd = ast::cast<ast::FuncDecl>(p.file->decls.at(0));
    CHECK(fd->pos == Pos{2, 1});
    CHECK(fd->name->pos == Pos{2, 6});
    auto* as = ast::cast<ast::AssignStmt>(fd->body->list.at(0));
    CHECK(as->pos == Pos{3, 2});
    CHECK(as->tokPos == Pos{3, 4});
    auto* bin = ast::cast<ast::BinaryExpr>(as->rhs.at(0));
    CHECK(bin->pos == Pos{3, 7});
    CHECK(bin->opPos == Pos{3, 9});
    auto* call = ast::cast<ast::CallExpr>(bin->y);
    CHECK(call->pos == Pos{4, 3});
    CHECK(call->lparen == Pos{4, 6});
    CHECK(ast::syntaxPos(call) == Pos{4, 6});
    CHECK(ast::cast<ast::SelectorExpr>(call->fun)->dot == Pos{4, 4});
    CHECK(fd->body->rbrace == Pos{5, 1});
}

TEST_CASE("parser: script mode") {
    Parsed p = parse("import \"fmt\"\nx := 1\nvar y = x\nfunc main() { fmt.Println(y) }\ntype T int\n"
                     "func (T) M() {}\nfmt.Println(x)\nfunc() { x++ }()\nfor i := range 3 { _ = i }\n");
    REQUIRE(p.errors.empty());
    CHECK(p.file->isScript());
    CHECK(p.file->imports.size() == 1);
    std::string d;
    for (ast::Decl* decl : p.file->decls)
        d += std::string(ast::kindName(decl->kind)) + " ";
    CHECK(d == "GenDecl FuncDecl GenDecl FuncDecl ");
    REQUIRE(p.file->scriptStmts.size() == 5);
    CHECK(ast::dump(p.file->scriptStmts[0]) == "(AssignStmt := [(Ident x)] [(BasicLit INT 1)])");
    CHECK(ast::dump(p.file->scriptStmts[1]) ==
          "(DeclStmt (GenDecl var [(ValueSpec iota=0 [(Ident y)] _ [(Ident x)])]))");
    CHECK(ast::dump(p.file->scriptStmts[3]) == "(ExprStmt (CallExpr (FuncLit (FuncType (FieldList []) _) "
                                               "(BlockStmt [(IncDecStmt ++ (Ident x))])) []))");
    CHECK(ast::isa<ast::RangeStmt>(p.file->scriptStmts[4]));

    // A file with a package clause rejects statements at top level.
    CHECK(parse("package main\nx := 1\n").errors ==
          "t.go:2:1: syntax error: non-declaration statement outside function body\n");
    // A func literal with a named result type at script level is not a method.
    Parsed q = parse("func(a int) int { return a }(1)\n");
    CHECK(q.errors == "");
    CHECK(q.file->decls.empty());
    CHECK(q.file->scriptStmts.size() == 1);
    // Script-mode errors are reported too.
    CHECK(parse("x := \ny := 2\n").errors == "t.go:2:3: syntax error: unexpected := at end of statement\n");
    CHECK(parse("x := 1\n)\ny := 2\n").errors ==
          "t.go:2:1: syntax error: unexpected ) at end of statement\n");
    CHECK(parse("x := 1\npackage main\n").errors ==
          "t.go:2:1: syntax error: package statement must be first\n");
}

TEST_CASE("parser: nodeString prints Go's short form") {
    Parsed p = parse("package p\nvar _ = f(a, b...) + []int{1}[0] * x.(T) - func() {}()\n");
    REQUIRE(p.errors.empty());
    auto* vs = ast::cast<ast::ValueSpec>(ast::cast<ast::GenDecl>(p.file->decls[0])->specs[0]);
    CHECK(ast::nodeString(vs->values[0]) == "f(a, b...) + []int{…}[0] * x.(T) - func() {}()");
}

TEST_CASE("parser: REPL input completeness") {
    CHECK_FALSE(syntax::inputIncomplete("x := 1"));
    CHECK_FALSE(syntax::inputIncomplete("println(1)\n"));
    CHECK_FALSE(syntax::inputIncomplete(""));
    CHECK(syntax::inputIncomplete("func f() {"));
    CHECK(syntax::inputIncomplete("for i := 0; i < 3; i++ {\n\tprintln(i)\n"));
    CHECK(syntax::inputIncomplete("x := []int{\n1,\n"));
    CHECK(syntax::inputIncomplete("f(1,\n"));
    CHECK(syntax::inputIncomplete("s := `abc\n"));
    CHECK(syntax::inputIncomplete("/* comment\n"));
    CHECK(syntax::inputIncomplete("type T struct {\n"));
    CHECK(syntax::inputIncomplete("if x {\n} else {\n"));
    CHECK_FALSE(syntax::inputIncomplete("s := \"abc\n"));       // newline in string: an error
    CHECK_FALSE(syntax::inputIncomplete("x := )\nfunc f() {")); // error before the end
    CHECK_FALSE(syntax::inputIncomplete("}"));
}
