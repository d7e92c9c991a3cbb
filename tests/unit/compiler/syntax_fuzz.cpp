// Robustness: malformed input of any kind gets errors, never a crash or a hang.
// Mutation fuzzing of valid programs (deterministic seed, bounded iterations) and
// pathological nesting on a small native stack.
#include "compiler/syntax/parser.hpp"
#include "compiler/syntax/printer.hpp"

#include <doctest/doctest.h>

#include <pthread.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace gol;

namespace {

const char* const kSeeds[] = {
    R"(package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	fmt.Stringer
}

type Rect struct {
	W, H float64 `json:"w"`
	*Base
}

const (
	A = iota << 1
	B
	C = 'x' + 0x1p-2
)

func (r *Rect) Area() float64 { return r.W * r.H }

func sum(xs ...int) (total int, err error) {
	for i, x := range xs {
		if i%2 == 0 && x > 0 || !ok {
			total += x
		} else if v, ok := m["k"]; ok {
			continue
		} else {
			break
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return
}

func main() {
	ch := make(chan int, 3)
	go func(c chan<- int) { c <- 1 }(ch)
	select {
	case v := <-ch:
		fmt.Println(v)
	case ch <- 2:
	default:
	}
	switch s := Shape(nil).(type) {
	case *Rect, nil:
		_ = s
	}
	m := map[string][]int{"a": {1, 2}, "b": nil}
	a := [...]string{2: "x"}
	b := a[1:2:3]
	p := &Rect{W: 1}
L:
	for i := 0; i < 10; i++ {
		switch {
		case i > 5:
			break L
		case i == 3:
			fallthrough
		default:
			goto L
		}
	}
	var x interface{} = strings.Repeat("ab\t\u00e9", 2)
	fmt.Println(m, b, p, x.(string), `raw
string`, -5 &^ 3, 1_000)
}
)",
    R"(x := 10
for i := range x {
	if i > 3 { break }
	println(i)
}
func fib(n int) int {
	if n < 2 { return n }
	return fib(n-1) + fib(n-2)
}
type P struct{ x, y int }
var ps = []P{{1, 2}, {3, 4}}
func() { println(len(ps)) }()
println(fib(20), 'a', "s", 1.5e3)
)",
};

// Parses src; the AST is dumped and printed to exercise every consumer path.
void parseAll(const std::string& src) {
    Diagnostics diags;
    auto f = syntax::parseFile("fuzz.go", src, diags);
    REQUIRE(f != nullptr);
    std::string d = ast::dump(*f);
    CHECK(!d.empty());
    for (ast::Stmt* s : f->scriptStmts)
        (void)ast::nodeString(s);
    (void)diags.format();
}

std::string mutate(const std::string& in, std::mt19937& rng) {
    static const char* const kTokens[] = {"(",
                                          ")",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          ",",
                                          ";",
                                          "\n",
                                          ":",
                                          ":=",
                                          "=",
                                          ".",
                                          "...",
                                          "func",
                                          "type",
                                          "var",
                                          "chan",
                                          "<-",
                                          "*",
                                          "&",
                                          "\"",
                                          "'",
                                          "`",
                                          "/*",
                                          "//",
                                          "0x",
                                          "1e",
                                          "range",
                                          "switch",
                                          "case",
                                          "default",
                                          "go",
                                          "interface",
                                          "struct",
                                          "map",
                                          "\\",
                                          "\xff",
                                          std::string(1, '\0').c_str(),
                                          "\xEF\xBB\xBF",
                                          "\xC3",
                                          "é",
                                          "if",
                                          "else",
                                          "for"};
    std::string s = in;
    auto pick = [&](size_t n) { return n == 0 ? 0 : size_t(rng() % n); };
    int edits = 1 + int(rng() % 4);
    for (int e = 0; e < edits; e++) {
        switch (rng() % 6) {
        case 0: // truncate
            s.resize(pick(s.size() + 1));
            break;
        case 1: // flip a byte
            if (!s.empty()) s[pick(s.size())] = char(rng() & 0xFF);
            break;
        case 2: { // insert a token
            const char* t = kTokens[pick(std::size(kTokens))];
            s.insert(pick(s.size() + 1), t[0] ? std::string(t) : std::string(1, '\0'));
            break;
        }
        case 3: { // delete a range
            size_t at = pick(s.size() + 1);
            s.erase(at, pick(20));
            break;
        }
        case 4: { // duplicate a range
            size_t at = pick(s.size() + 1);
            std::string piece = s.substr(at, pick(40));
            s.insert(pick(s.size() + 1), piece);
            break;
        }
        default: { // swap two bytes
            if (s.size() > 1) std::swap(s[pick(s.size())], s[pick(s.size())]);
            break;
        }
        }
    }
    return s;
}

// Runs fn on a thread with a small native stack, like a goroutine's or an
// embedder's worker thread, to prove the parser's recursion is bounded.
void onSmallStack(size_t stackBytes, const std::function<void()>& fn) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stackBytes);
    pthread_t th;
    auto* arg = new std::function<void()>(fn);
    int rc = pthread_create(
        &th, &attr,
        [](void* p) -> void* {
            auto* f = static_cast<std::function<void()>*>(p);
            (*f)();
            delete f;
            return nullptr;
        },
        arg);
    REQUIRE(rc == 0);
    pthread_join(th, nullptr);
    pthread_attr_destroy(&attr);
}

std::string errorsOf(const std::string& src) {
    Diagnostics diags;
    auto f = syntax::parseFile("deep.go", src, diags);
    (void)ast::dump(*f);
    return diags.format();
}

} // namespace

TEST_CASE("fuzz: the seeds parse without errors") {
    for (const char* seed : kSeeds) {
        Diagnostics diags;
        auto f = syntax::parseFile("seed.go", seed, diags);
        CHECK(diags.format() == "");
    }
}

TEST_CASE("fuzz: mutated programs never crash or hang") {
    std::mt19937 rng(12345);
    auto start = std::chrono::steady_clock::now();
    int n = 0;
    for (; n < 4000; n++) {
        const std::string seed = kSeeds[n % std::size(kSeeds)];
        std::string src = mutate(seed, rng);
        if (n % 7 == 0) src = mutate(src, rng);
        parseAll(src);
        // Bounded in time too, for slow sanitizer builds on a loaded machine.
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) break;
    }
    CHECK(n >= 200);
}

TEST_CASE("fuzz: every prefix of a program parses") {
    const std::string seed = kSeeds[0];
    for (size_t i = 0; i <= seed.size(); i += 3)
        parseAll(seed.substr(0, i));
}

TEST_CASE("fuzz: pathological nesting is an error, not a stack overflow") {
    const size_t kStack = 512 * 1024;
    auto deep = [](const std::string& open, size_t n) {
        std::string s;
        s.reserve(open.size() * n);
        for (size_t i = 0; i < n; i++)
            s += open;
        return s;
    };
    const std::string tooDeep = "deep.go:2:";
    std::vector<std::string> inputs = {
        "package p\nvar x = " + deep("(", 100000),
        "package p\nvar x = " + deep("- ", 100000) + "1",
        "package p\nvar x = " + deep("*", 100000) + "p",
        "package p\nvar x " + deep("[]", 100000) + "int",
        "package p\nvar x " + deep("*", 100000) + "int",
        "package p\nvar x " + deep("func(", 100000),
        "package p\nvar x " + deep("map[int]", 100000) + "int",
        "package p\nvar x " + deep("chan ", 100000) + "int",
        "package p\nvar x = T" + deep("{", 100000),
        "package p\nvar x = []T{" + deep("{", 100000),
        "package p\nvar x = " + deep("f(", 100000),
        "package p\nvar x = " + deep("a[", 100000),
        "package p\nvar x = " + deep("<-", 100000) + "c",
        "package p\nfunc f() {\n" + deep("{", 100000),
        "package p\nfunc f() {\n" + deep("if x {", 50000),
        "package p\nfunc f() {\n" + deep("for {", 50000),
        "package p\nfunc f() {\n" + deep("L: ", 100000),
        "package p\nfunc f() {\n" + deep("switch { case true: ", 30000),
        "package p\nfunc f() {\n" + deep("if x {} else ", 50000),
        "package p\nvar x = " + deep("func() int { return ", 30000),
        "package p\ntype T " + deep("struct { x ", 50000),
        "package p\ntype T " + deep("interface { M(", 50000),
        deep("{", 100000),
        deep("(", 100000),
    };
    for (const std::string& src : inputs) {
        std::string errs;
        onSmallStack(kStack, [&] { errs = errorsOf(src); });
        CAPTURE(src.substr(0, 40));
        CHECK(errs.find("exceeded max nesting depth") != std::string::npos);
    }
    // Nesting that real programs use is fine.
    std::string ok;
    onSmallStack(
        kStack, [&] { ok = errorsOf("package p\nvar x = " + deep("(", 100) + "1" + deep(")", 100) + "\n"); });
    CHECK(ok == "");
}
