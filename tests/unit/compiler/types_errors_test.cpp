// Compile errors of small programs, word for word. Each expectation was
// compared with `go build -gcflags=-e` (Go 1.19 on the build machine); where
// Go 1.20+ changed the wording (e.g. "declared and not used: x", `"os"
// imported and not used`, "cannot use x (...) as T value in ...", "(missing
// method M)", "neither addressable nor a map index expression",
// "invalid recursive type: T refers to itself") the expectation follows Go
// 1.22's types2, as docs/language.md explains.
#include "tests/unit/compiler/types_test_util.hpp"

#include <doctest/doctest.h>

using gol::types::testing::errorsOf;

namespace {

struct ErrorCase {
    const char* name;
    const char* body;
    const char* errors;
};

const ErrorCase kCases[] = {
    {"c01", "func main() {\n\tx := 1\n}", "4:2: declared and not used: x"},
    {"c02", "import \"os\"\n\nfunc main() {}", "3:8: \"os\" imported and not used"},
    {"c03", "func main() {\n\tvar b byte = 256\n\t_ = b\n}",
     "4:15: cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)"},
    {"c04", "func main() {\n\tx := 1 << 70\n\t_ = x\n}",
     "4:7: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in assignment "
     "(overflows)"},
    {"c05", "func f() int {\n\tif true {\n\t\treturn 1\n\t}\n}\n\nfunc main() { f() }",
     "7:1: missing return"},
    {"c06", "func main() {\n\tvar s string = 5\n\t_ = s\n}",
     "4:17: cannot use 5 (untyped int constant) as string value in variable declaration"},
    {"c07", "func main() {\n\ta, b := 1\n\t_, _ = a, b\n}",
     "4:10: assignment mismatch: 2 variables but 1 value"},
    {"c08", "func main() {\n\tx := 1\n\tx := 2\n\t_ = x\n}", "5:4: no new variables on left side of :="},
    {"c09", "type T struct{}\n\nfunc main() {\n\tvar t T\n\tt.Foo()\n}",
     "7:4: t.Foo undefined (type T has no field or method Foo)"},
    {"c10", "type I interface{ M() }\ntype T struct{}\n\nfunc main() {\n\tvar i I = T{}\n\t_ = i\n}",
     "7:12: cannot use T{} (value of type T) as I value in variable declaration: T does not implement I "
     "(missing method M)"},
    {"c11", "func main() {\n\tfor {\n\t\tcontinue\n\t}\n\tcontinue\n}", "7:2: continue is not in a loop"},
    {"c12", "func main() {\n\tx := 10\n\ty := x / 0\n\t_ = y\n}",
     "5:11: invalid operation: division by zero"},
    {"c13", "func f(a, b int) int { return a + b }\n\nfunc main() {\n\tf(1)\n}",
     "6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)"},
    {"c14", "func f(a int) {}\n\nfunc main() {\n\tf(1, 2)\n}",
     "6:7: too many arguments in call to f\n\thave (number, number)\n\twant (int)"},
    {"c15", "func main() {\n\tvar x int = \"a\" + \"b\"\n\t_ = x\n}",
     "4:14: cannot use \"a\" + \"b\" (untyped string constant \"ab\") as int value in variable declaration"},
    {"c16", "func main() {\n\tx := 3\n\tx.y = 4\n}",
     "5:4: x.y undefined (type int has no field or method y)"},
    {"c17", "func main() {\n\ts := \"abc\"\n\ts[0] = 1\n}",
     "5:2: cannot assign to s[0] (neither addressable nor a map index expression)"},
    {"c18", "func main() {\n\tundefined = 3\n}", "4:2: undefined: undefined"},
    {"c19", "func main() {\n\tx := 1\n\tx + 1\n}", "5:2: x + 1 (value of type int) is not used"},
    {"c20", "func main() {\n\tvar f float64 = 1.5\n\tvar i int = f\n\t_ = i\n}",
     "5:14: cannot use f (variable of type float64) as int value in variable declaration"},
    {"c21", "func main() {\n\ti := int(2.5)\n\t_ = i\n}",
     "4:11: cannot convert 2.5 (untyped float constant) to type int"},
    {"c22", "type T struct{ a int }\n\nfunc main() {\n\tt := T{b: 1}\n\t_ = t\n}",
     "6:9: unknown field b in struct literal of type T"},
    {"c23", "func main() {\n\tm := map[string]int{\"a\": 1, \"a\": 2}\n\t_ = m\n}",
     "4:30: duplicate key \"a\" in map literal"},
    {"c24", "func main() {\n\tswitch 1 {\n\tcase 1:\n\tcase 1:\n\t}\n}",
     "6:7: duplicate case 1 (constant of type int) in expression switch\n\tt.go:5:7: previous case"},
    {"c25", "func main() {\nL:\n\tfor {\n\t}\n}", "4:1: label L defined and not used"},
    {"c26", "func main() {\n\tgoto M\n}", "4:7: label M not defined"},
    {"c27", "func main() {\n\tvar x interface{} = 1\n\tswitch y := x.(type) {\n\tcase int:\n\t}\n}",
     "5:9: y declared and not used"},
    {"c28", "func main() {\n\tx := []int{1}\n\tif x == x {\n\t}\n}",
     "5:5: invalid operation: x == x (slice can only be compared to nil)"},
    {"c29", "type T struct{ next T }\n\nfunc main() {}", "3:6: invalid recursive type: T refers to itself"},
    {"c30", "func main() {\n\tvar a [3]int\n\ta[5] = 1\n}",
     "5:4: invalid argument: index 5 out of bounds [0:3]"},
    {"c31", "func main() {\n\tvar p *int\n\tp.x = 1\n}",
     "5:4: p.x undefined (type *int has no field or method x)"},
    {"c32", "func main() {\n\tx := nil\n\t_ = x\n}", "4:7: use of untyped nil in assignment"},
    {"c33", "func main() {\n\tvar ch <-chan int\n\tch <- 1\n}",
     "5:2: invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)"},
    {"c34", "func main() {\n\tf := func() int { return 1 }\n\tf() = 2\n}",
     "5:2: cannot assign to f() (neither addressable nor a map index expression)"},
    {"c35", "func main() {\n\tvar x int\n\tvar y int64 = x\n\t_ = y\n}",
     "5:16: cannot use x (variable of type int) as int64 value in variable declaration"},
    {"c36", "func main() {\n\tvar s []int\n\ts = append(1, 2)\n\t_ = s\n}",
     "5:13: first argument to append must be a slice; have 1 (untyped int constant)"},
    {"c37", "func main() {\n\tlen := 3\n\t_ = len(\"abc\")\n}",
     "5:6: invalid operation: cannot call non-function len (variable of type int)"},
    {"c38", "func main() {\n\tconst c = 10\n\tc = 5\n}",
     "5:2: cannot assign to c (neither addressable nor a map index expression)"},
    {"c39", "func main() {\n\tvar x, y int = 1, 2, 3\n\t_, _ = x, y\n}", "4:23: extra init expr"},
    {"c40", "func main() {\n\tdefer 1\n}", "4:8: expression in defer must be function call"},
    {"c42", "type A struct{}\n\nfunc (a A) M() {}\nfunc (a A) M() {}\n\nfunc main() {}",
     "6:12: method A.M already declared at t.go:5:12"},
    {"c43", "func main() {\n\tvar x uint8 = 255\n\tx = x + 1\n\tconst y uint8 = 255 + 1\n\t_ = y\n}",
     "6:18: cannot use 255 + 1 (untyped int constant 256) as uint8 value in constant declaration "
     "(overflows)"},
    {"c44", "func main() {\n\ts := []int{}\n\t_ = s[1:0]\n}", "5:10: invalid slice indices: 0 < 1"},
    {"c45", "func main() {\n\tvar i interface{ M() }\n\t_ = i.(int)\n}",
     "5:6: impossible type assertion: i.(int)\n\tint does not implement interface{M()} (missing method M)"},
    {"c46", "func main() {\n\tvar x int\n\tx++\n\ty := \"s\"\n\ty++\n}",
     "7:2: invalid operation: y++ (non-numeric type string)"},
    {"c47", "func main() {\n\tfallthrough\n}", "4:2: fallthrough statement out of place"},
    {"c48", "func main() {\n\tif x := 1; x > 0 {\n\t\treturn 1\n\t}\n}",
     "5:10: too many return values\n\thave (number)\n\twant ()"},
    {"c49", "func main() {\n\tvar f func()\n\t_ = f == f\n}",
     "5:6: invalid operation: f == f (func can only be compared to nil)"},
    {"c50", "import \"fmt\"\n\nfunc main() {\n\tfmt.Foo()\n}", "6:6: undefined: fmt.Foo"},
};

} // namespace

TEST_CASE("types: compile errors of small programs match Go's") {
    for (const ErrorCase& c : kCases) {
        CAPTURE(c.name);
        CHECK(errorsOf(c.body) == c.errors);
    }
}
