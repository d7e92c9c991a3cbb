// Accepted programs and the annotations the checker leaves for the code
// generator: expression types and modes, constants, call kinds, selections,
// captures, flags of variables, initialization order, script mode.
#include "tests/unit/compiler/types_test_util.hpp"

#include <doctest/doctest.h>

using namespace gol;
using namespace gol::types;
using gol::types::testing::Checked;
using gol::types::testing::errorsOf;

namespace {

ast::FuncDecl* funcNamed(ast::File& f, const std::string& name) {
    for (ast::Decl* d : f.decls)
        if (auto* fd = ast::as<ast::FuncDecl>(d); fd != nullptr && fd->name->name == name) return fd;
    return nullptr;
}

// The right-hand side of the i-th statement of func `fn` (an AssignStmt or a var DeclStmt).
ast::Expr* rhsOf(ast::File& f, const std::string& fn, size_t i) {
    ast::Stmt* s = funcNamed(f, fn)->body->list.at(i);
    if (auto* a = ast::as<ast::AssignStmt>(s)) return a->rhs.at(0);
    if (auto* d = ast::as<ast::DeclStmt>(s))
        return ast::cast<ast::ValueSpec>(d->decl->specs.at(0))->values.at(0);
    if (auto* e = ast::as<ast::ExprStmt>(s)) return e->x;
    return nullptr;
}

Var* varNamed(ast::File& f, const std::string& fn, size_t i) {
    ast::Stmt* s = funcNamed(f, fn)->body->list.at(i);
    if (auto* a = ast::as<ast::AssignStmt>(s)) return ast::cast<ast::Ident>(a->lhs.at(0))->obj->as<Var>();
    if (auto* d = ast::as<ast::DeclStmt>(s))
        return ast::cast<ast::ValueSpec>(d->decl->specs.at(0))->names.at(0)->obj->as<Var>();
    return nullptr;
}

std::string T(const ast::Expr* e) {
    return typeString(e->type);
}

} // namespace

TEST_CASE("types: a representative program is accepted") {
    Checked c(R"(package main

import (
	"errors"
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r *Rect) Name() string  { return "rect" }

type Point struct{ X, Y int }

type Named struct {
	Point
	*Rect
	label string
}

const (
	A = iota * 10
	B
	C
)

var total = compute()

func compute() int { return A + B + C }

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	q = a / b
	return
}

func variadic(prefix string, xs ...int) int { return len(prefix) + len(xs) }

func main() {
	var s Shape = &Rect{2, 3}
	fmt.Println(s.Area(), s.Name())
	m := map[string]int{"a": 1}
	if v, ok := m["a"]; ok {
		fmt.Println(v)
	}
	xs := []int{1, 2, 3}
	xs = append(xs, 4, 5)
	xs = append(xs, xs...)
	for i, x := range xs {
		fmt.Println(i, x)
	}
	for i := range 10 {
		_ = i
	}
	for range 3 {
	}
	q, err := divide(4, 2)
	fmt.Println(q, err, strings.Repeat("ab", 3), total, variadic("x", xs...), variadic("y"))
	var b strings.Builder
	b.WriteString("x")
	n := Named{Point: Point{1, 2}, Rect: &Rect{1, 1}}
	n.X = 5
	fmt.Println(n.Area(), n.Name(), n.label)
	var e interface{} = n.Point
	switch v := e.(type) {
	case Point:
		fmt.Println(v.X)
	case int, string:
		fmt.Println(v)
	case nil:
	}
	var f float64 = 1 << 3
	fmt.Printf("%v %d\n", f, len("abc"))
	fmt.Println(min(3, 1, 2), max(2.5, 1))
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
	clear(m)
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), cap(xs[1:2:3]), string(rune(65)), []byte("hi"))
	type local struct{ next *local }
	var l local
	_ = l.next
	goto end
end:
}
)");
    CHECK(c.errors() == "");
    CHECK(c.ok);
}

TEST_CASE("types: expression types, modes and constants") {
    Checked c(R"(package main

type Celsius float64

func main() {
	a := 1
	var b float64 = 2
	c := 'x'
	d := 1.5
	e := "s" + "t"
	f := Celsius(10) * 2
	g := a == 2
	h := []byte("x")
	i := 1 << 3
	j := uint8(255) + 0
	k := len([3]int{})
	_, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h, i, j, k
}
)");
    REQUIRE(c.ok);
    ast::File& f = *c.file;
    CHECK(T(rhsOf(f, "main", 0)) == "int");
    CHECK(static_cast<Mode>(rhsOf(f, "main", 0)->mode) == Mode::Constant);
    // var b float64 = 2: the literal gets the declared type and a float value.
    ast::Expr* two = rhsOf(f, "main", 1);
    CHECK(T(two) == "float64");
    CHECK(two->constant->float64() == 2.0);
    CHECK(T(rhsOf(f, "main", 2)) == "rune");
    CHECK(T(rhsOf(f, "main", 3)) == "float64");
    CHECK(rhsOf(f, "main", 4)->constant->s == "st");
    CHECK(T(rhsOf(f, "main", 5)) == "main.Celsius");
    CHECK(rhsOf(f, "main", 5)->constant->float64() == 20.0);
    ast::Expr* cmp = rhsOf(f, "main", 6);
    CHECK(static_cast<Mode>(cmp->mode) == Mode::Value);
    CHECK(T(cmp) == "bool");
    CHECK(T(ast::cast<ast::BinaryExpr>(cmp)->y) == "int"); // the 2 is materialized as an int
    CHECK(T(rhsOf(f, "main", 7)) == "[]byte");
    CHECK(static_cast<CallKind>(ast::cast<ast::CallExpr>(rhsOf(f, "main", 7))->callKind) ==
          CallKind::Conversion);
    CHECK(rhsOf(f, "main", 8)->constant->int64() == 8);
    CHECK(rhsOf(f, "main", 9)->constant->int64() == 255);
    CHECK(T(rhsOf(f, "main", 9)) == "uint8");
    CHECK(rhsOf(f, "main", 10)->constant->int64() == 3);
}

TEST_CASE("types: call kinds and selections") {
    Checked c(R"(package main

import "fmt"

type Inner struct{ v int }

func (i *Inner) Inc()    { i.v++ }
func (i Inner) Get() int { return i.v }

type Outer struct {
	name string
	*Inner
}

type Getter interface{ Get() int }

func f() {}

func main() {
	o := Outer{Inner: &Inner{}}
	o.Inc()
	var g Getter = o
	g.Get()
	f()
	fn := f
	fn()
	fmt.Println(o.v)
	x := len("abc")
	_ = x
	var in Inner
	in.Inc()
	h := Inner.Get
	_ = h
}
)");
    REQUIRE(c.errors() == "");
    ast::File& f = *c.file;
    auto call = [&](size_t i) { return ast::cast<ast::CallExpr>(rhsOf(f, "main", i)); };
    auto kind = [&](size_t i) { return static_cast<CallKind>(call(i)->callKind); };
    CHECK(kind(1) == CallKind::Method);
    auto* sel = ast::cast<ast::SelectorExpr>(call(1)->fun);
    REQUIRE(sel->selection != nullptr);
    CHECK(sel->selection->kind == SelectionKind::MethodVal);
    CHECK(sel->selection->index == std::vector<int>{1, 0}); // through field 1 (*Inner), method 0
    CHECK(sel->selection->indirect);
    CHECK(kind(3) == CallKind::Interface);
    CHECK(kind(4) == CallKind::Func);
    CHECK(kind(6) == CallKind::Value);
    CHECK(kind(7) == CallKind::Func); // fmt.Println
    auto* pkgSel = ast::cast<ast::SelectorExpr>(call(7)->fun);
    CHECK(pkgSel->pkgObj != nullptr);
    CHECK(pkgSel->pkgObj->name == "Println");
    CHECK(ast::cast<ast::Ident>(pkgSel->x)->obj->kind == ObjKind::PkgName);
    // o.v: promoted field through a pointer
    auto* ov = ast::cast<ast::SelectorExpr>(call(7)->args[0]);
    CHECK(ov->selection->kind == SelectionKind::FieldVal);
    CHECK(ov->selection->index == std::vector<int>{1, 0});
    CHECK(ov->selection->indirect);
    CHECK(static_cast<CallKind>(ast::cast<ast::CallExpr>(rhsOf(f, "main", 8))->callKind) ==
          CallKind::Builtin);
    // in.Inc() on an addressable value: its address is taken.
    CHECK(varNamed(f, "main", 10)->addressTaken);
    auto* mexpr = ast::cast<ast::SelectorExpr>(rhsOf(f, "main", 12));
    CHECK(mexpr->selection->kind == SelectionKind::MethodExpr);
    CHECK(T(mexpr) == "func(main.Inner) int");
}

TEST_CASE("types: closures record captures and variable flags") {
    Checked c(R"(package main

func main() {
	a := 1
	b := 2
	c := 3
	p := &c
	f := func() int {
		g := func() int { return a + b }
		b = 5
		return g()
	}
	d := 0
	d++
	_ = f
	_ = p
	_ = d
}
)");
    REQUIRE(c.errors() == "");
    ast::File& f = *c.file;
    Var* a = varNamed(f, "main", 0);
    Var* b = varNamed(f, "main", 1);
    Var* cv = varNamed(f, "main", 2);
    Var* d = varNamed(f, "main", 5);
    CHECK(a->captured);
    CHECK_FALSE(a->reassigned);
    CHECK(b->captured);
    CHECK(b->reassigned);
    CHECK_FALSE(cv->captured);
    CHECK(cv->addressTaken);
    CHECK(d->reassigned);
    CHECK_FALSE(d->captured);
    auto* outer = ast::cast<ast::FuncLit>(rhsOf(f, "main", 4));
    // The outer literal captures a (through the inner one) and b.
    REQUIRE(outer->captures.size() == 2);
    CHECK(outer->captures[0] == a);
    CHECK(outer->captures[1] == b);
    auto* innerAssign = ast::cast<ast::AssignStmt>(outer->body->list[0]);
    auto* inner = ast::cast<ast::FuncLit>(innerAssign->rhs[0]);
    CHECK(inner->captures.size() == 2);
    CHECK(a->owner == funcNamed(f, "main"));
    Var* g = ast::cast<ast::Ident>(innerAssign->lhs[0])->obj->as<Var>();
    CHECK(g->owner == outer);
}

TEST_CASE("types: package variables are initialized in dependency order") {
    Checked c(R"(package main

var (
	a = c + b
	b = f()
	c = f()
	d = 3
)

func f() int {
	d++
	return d
}

func main() {}
)");
    REQUIRE(c.errors() == "");
    std::vector<std::string> order;
    for (const Initializer& in : c.info.initOrder)
        order.push_back(in.lhs[0]->name);
    // Go's spec example: d, b, c, a.
    CHECK(order == std::vector<std::string>{"d", "b", "c", "a"});
    CHECK(c.info.globals.size() == 4);
}

TEST_CASE("types: initialization cycles are reported") {
    CHECK(errorsOf("var x = f()\n\nfunc f() int { return x }\n\nfunc main() {}") ==
          "3:5: initialization cycle for x\n\tt.go:3:5: x refers to f\n\tt.go:5:6: f refers to x");
    CHECK(errorsOf("var a = a\n\nfunc main() {}") == "3:5: initialization cycle: a refers to itself");
    CHECK(errorsOf("type A B\ntype B A\n\nfunc main() {}") ==
          "3:6: invalid recursive type A\n\tt.go:3:6: A refers to\n\tt.go:4:6: B refers to\n\tt.go:3:6: A");
}

TEST_CASE("types: comma-ok forms") {
    Checked c(R"(package main

func main() {
	m := map[int]string{}
	var i interface{} = 1
	ch := make(chan int)
	v, ok := m[1]
	n, ok2 := i.(int)
	r, ok3 := <-ch
	_, _, _, _, _, _ = v, ok, n, ok2, r, ok3
}
)");
    REQUIRE(c.errors() == "");
    for (size_t i = 3; i <= 5; i++)
        CHECK(static_cast<Mode>(rhsOf(*c.file, "main", i)->mode) == Mode::CommaOK);
    CHECK(typeString(varNamed(*c.file, "main", 4)->type) == "int");
}

TEST_CASE("types: method sets and interface satisfaction") {
    const char* decls = R"(type I interface{ M() }
type J interface{ M(); N() }
type V struct{}
func (V) M() {}
type P struct{}
func (*P) M() {}
type W struct{}
func (W) M(int) {}
type E struct{ V }
type EP struct{ *P }
)";
    auto errs = [&](const std::string& body) {
        return errorsOf(std::string(decls) + "\nfunc main() {\n" + body + "\n}");
    };
    CHECK(errs("var _ I = V{}") == "");
    CHECK(errs("var _ I = &V{}") == "");
    CHECK(errs("var _ I = &P{}") == "");
    CHECK(errs("var _ I = P{}") ==
          "15:11: cannot use P{} (value of type P) as I value in variable declaration: P "
          "does not implement I (method M has pointer receiver)");
    CHECK(errs("var _ I = W{}") ==
          "15:11: cannot use W{} (value of type W) as I value in variable declaration: W "
          "does not implement I (wrong type for method M)\n\t\thave M(int)\n\t\twant M()");
    CHECK(errs("var _ J = V{}") ==
          "15:11: cannot use V{} (value of type V) as J value in variable declaration: V "
          "does not implement J (missing method N)");
    CHECK(errs("var _ I = E{}") == "");  // promoted through an embedded value
    CHECK(errs("var _ I = EP{}") == ""); // promoted pointer method through an embedded pointer
    CHECK(errs("var j J\nvar _ I = j") == "");
    CHECK(errs("var i I\nvar _ J = i") == "16:11: cannot use i (variable of type I) as J value in variable "
                                          "declaration: I does not implement J (missing method N)");
    CHECK(errs("var i I\n_ = i.(V)") == "");
    CHECK(errs("var i I\n_ = i.(W)") ==
          "16:5: impossible type assertion: i.(W)\n\tW does not implement I (wrong "
          "type for method M)\n\t\thave M(int)\n\t\twant M()");
}

TEST_CASE("types: assignability") {
    auto ok = [](const std::string& body) {
        return errorsOf("type MyInt int\ntype Ints []int\n\nfunc main() {\n" + body + "\n}");
    };
    CHECK(ok("var x MyInt = 1\n_ = x") == "");
    CHECK(ok("var s Ints = []int{1}\n_ = s") == ""); // identical underlying, one side unnamed
    CHECK(ok("var x MyInt = int(1)\n_ = x") ==
          "7:15: cannot use int(1) (constant 1 of type int) as MyInt value in variable declaration");
    CHECK(ok("var c chan int\nvar r <-chan int = c\n_ = r") == "");
    CHECK(ok("var f func(int) = nil\n_ = f") == "");
    CHECK(ok("var e error = nil\n_ = e") == "");
    CHECK(ok("var x int\nvar y interface{} = x\n_ = y") == "");
    CHECK(ok("var i interface{}\nvar n int = i\n_ = n") ==
          "8:13: cannot use i (variable of type interface{}) as int value in variable declaration: need type "
          "assertion");
}

TEST_CASE("types: script mode") {
    Checked c(R"(x := 41
x++
fmt.Println(strings.ToUpper("hi"), x)
func double(n int) int { return n * 2 }
y := double(x)
if y > 0 {
	z := y
	f := func() int { return z }
	_ = f
}
)");
    CHECK(c.errors() == "");
    REQUIRE(c.info.scriptBody != nullptr);
    Object* x = c.info.pkg->scope->lookup("x");
    REQUIRE(x != nullptr);
    CHECK(x->as<Var>()->isPackageLevel);
    CHECK(x->as<Var>()->reassigned);
}

TEST_CASE("types: ill-typed input never crashes and errors do not cascade") {
    // Undefined names, bad types and bad operands each report once.
    CHECK(errorsOf("func main() {\n\tx := undefinedThing + 1\n\ty := x.foo\n\t_ = y\n}") ==
          "4:7: undefined: undefinedThing");
    CHECK(errorsOf("var v = nope\nvar w = v + 1\n\nfunc main() {}") == "3:9: undefined: nope");
    CHECK(errorsOf("type T struct{ a NoSuchType }\n\nfunc main() {\n\tvar t T\n\t_ = t.a + 1\n}") ==
          "3:18: undefined: NoSuchType");
}

TEST_CASE("types: REPL inputs continue the same package") {
    gol::types::testing::FakeImporter importer;
    Context ctx;
    Diagnostics diags;
    auto first = syntax::parseFile("in1", "x := 1\nfunc inc(n int) int { return n + 1 }\n", diags);
    Info info1;
    REQUIRE(check(*first, importer, ctx, diags, &info1));
    Config cfg;
    cfg.continuePkg = info1.pkg;
    auto second = syntax::parseFile("in2", "x = inc(x)\ny := x * 2\nfmt.Println(y)\n", diags);
    Info info2;
    CHECK(check(*second, importer, ctx, diags, &info2, cfg));
    CHECK(diags.format() == "");
    CHECK(info2.pkg == info1.pkg);
    REQUIRE(info2.pkg->scope->lookup("y") != nullptr);
    // Redeclaring a name of an earlier input is Go's redeclaration error.
    auto third = syntax::parseFile("in3", "x := 2\n", diags);
    Info info3;
    CHECK_FALSE(check(*third, importer, ctx, diags, &info3, cfg));
    CHECK(diags.all().back().msg == "no new variables on left side of :=");
}

TEST_CASE("types: no follow-on errors through pointers to invalid types") {
    CHECK(errorsOf("type Q struct{ c *Missing }\n\nfunc main() {\n\tvar q Q\n\tq.c.Wait()\n}") ==
          "3:19: undefined: Missing");
}
