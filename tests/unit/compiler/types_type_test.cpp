// Type representation: interning and identity, type strings, predicates.
#include "tests/unit/compiler/types_test_util.hpp"

#include <doctest/doctest.h>

using namespace gol::types;

TEST_CASE("types: composite types are interned; byte/rune are identical to uint8/int32") {
    Context ctx;
    Type* i = ctx.basic(Kind::Int);
    CHECK(ctx.slice(i) == ctx.slice(i));
    CHECK(ctx.map(ctx.basic(Kind::String), i) == ctx.map(ctx.basic(Kind::String), i));
    CHECK(ctx.signature({i}, {ctx.basic(Kind::String)}) == ctx.signature({i}, {ctx.basic(Kind::String)}));
    CHECK(ctx.signature({i}, {}) != ctx.signature({i}, {}, true));
    CHECK(ctx.chan(ChanDir::Send, i) != ctx.chan(ChanDir::Both, i));
    Type* bytes = ctx.slice(ctx.byteType());
    Type* u8s = ctx.slice(ctx.basic(Kind::Uint8));
    CHECK(bytes != u8s);
    CHECK(identical(bytes, u8s));
    CHECK(bytes->canon == u8s);
    CHECK(identical(ctx.emptyInterface(), ctx.interfaceType({})));
    CHECK_FALSE(identical(ctx.slice(i), ctx.array(i, 3)));
    CHECK_FALSE(identical(ctx.array(i, 2), ctx.array(i, 3)));
    // Structs: same field names, types and tags.
    FieldSpec x{"X", i};
    FieldSpec y{"Y", i};
    CHECK(ctx.structType({x, y}) == ctx.structType({x, y}));
    CHECK(ctx.structType({x, y}) != ctx.structType({y, x}));
    FieldSpec tagged{"X", i, false, "json:\"x\""};
    CHECK_FALSE(identical(ctx.structType({x}), ctx.structType({tagged})));
}

TEST_CASE("types: named types are identical only to themselves") {
    Context ctx;
    auto* a = ctx.make<TypeName>("A", nullptr, nullptr, gol::Pos{});
    auto* b = ctx.make<TypeName>("B", nullptr, nullptr, gol::Pos{});
    Named* na = ctx.newNamed(a);
    Named* nb = ctx.newNamed(b);
    na->underlying = nb->underlying = ctx.basic(Kind::Int);
    CHECK_FALSE(identical(na, nb));
    CHECK(identical(na, na));
    CHECK(under(na) == ctx.basic(Kind::Int));
}

TEST_CASE("types: typeString uses go/types' spelling, reflectString uses %T's") {
    gol::types::testing::Checked c(R"(package main

type Point struct {
	X, Y int
}

type Shape interface {
	Area() float64
	Name() string
}

var (
	p  Point
	pp *Point
	s  []byte
	m  map[string][]Point
	f  func(int, ...string) (int, error)
	ch chan<- int
	rc <-chan int
	e  interface{}
	a  any
	an struct{ A int "json:\"a\"" }
	sh Shape
	g  func()
)

func main() {}
)");
    REQUIRE(c.ok);
    Scope* sc = c.info.pkg->scope;
    auto T = [&](const char* name) { return sc->lookup(name)->type; };
    const Package* main = c.info.pkg;
    CHECK(typeString(T("p"), main) == "Point");
    CHECK(typeString(T("p")) == "main.Point");
    CHECK(typeString(T("pp"), main) == "*Point");
    CHECK(typeString(T("s"), main) == "[]byte");
    CHECK(reflectString(T("s")) == "[]uint8");
    CHECK(typeString(T("m"), main) == "map[string][]Point");
    CHECK(reflectString(T("m")) == "map[string][]main.Point");
    CHECK(typeString(T("f")) == "func(int, ...string) (int, error)");
    CHECK(typeString(T("ch")) == "chan<- int");
    CHECK(typeString(T("rc")) == "<-chan int");
    CHECK(typeString(T("e")) == "interface{}");
    CHECK(reflectString(T("e")) == "interface {}");
    CHECK(typeString(T("a")) == "any");
    CHECK(reflectString(T("a")) == "interface {}");
    CHECK(typeString(T("an")) == "struct{A int \"json:\\\"a\\\"\"}");
    CHECK(reflectString(T("an")) == "struct { A int \"json:\\\"a\\\"\" }");
    CHECK(typeString(under(T("p"))) == "struct{X int; Y int}");
    CHECK(typeString(under(T("sh"))) == "interface{Area() float64; Name() string}");
    CHECK(reflectString(under(T("sh"))) == "interface { Area() float64; Name() string }");
    CHECK(typeString(T("g")) == "func()");
    CHECK(typeString(c.ctx.basic(Kind::UntypedFloat)) == "untyped float");
    CHECK(typeString(c.ctx.errorType()) == "error");
}

TEST_CASE("types: predicates") {
    Context ctx;
    Type* i = ctx.basic(Kind::Int);
    CHECK(comparable(i));
    CHECK_FALSE(comparable(ctx.slice(i)));
    CHECK_FALSE(comparable(ctx.structType({FieldSpec{"S", ctx.slice(i)}})));
    CHECK(comparable(ctx.array(i, 2)));
    CHECK(hasNil(ctx.map(i, i)));
    CHECK_FALSE(hasNil(ctx.array(i, 2)));
    CHECK(isInteger(ctx.byteType()));
    CHECK(isUnsigned(ctx.basic(Kind::Uintptr)));
    CHECK(isUntyped(ctx.basic(Kind::UntypedNil)));
    CHECK(defaultType(ctx, ctx.basic(Kind::UntypedRune)) == ctx.runeType());
    CHECK(defaultType(ctx, ctx.basic(Kind::UntypedFloat)) == ctx.basic(Kind::Float64));
}
