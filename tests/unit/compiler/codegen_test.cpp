// Code generator tests: the compiler's key choices, pinned on the disassembly (STYLE.md point 12),
// and every golden program compiling without a code generation error.
#include "compiler/compile.hpp"
#include "vm/disasm.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gol;
using vm::Op;

namespace {

struct Compiled {
    vm::Program prog;
    Diagnostics diags;
    bool ok = false;

    const vm::Proto* proto(const std::string& name) const {
        for (auto& p : prog.protos)
            if (p->name == name) return p.get();
        return nullptr;
    }
    std::string disasm(const std::string& name) const {
        const vm::Proto* p = proto(name);
        return p ? vm::disassemble(prog, *p) : "<no function " + name + ">";
    }
};

void stubNative(vm::NativeCall&) {}

// Declaration-only stand-ins for the standard packages the tests use (this test links only the
// compiler; natives are never called).
vm::PackageDef stubPackage(const std::string& path, const std::string& source) {
    vm::PackageDef def;
    def.path = path;
    def.source = source;
    std::istringstream in(source);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("func ", 0) != 0) continue;
        std::string rest = line.substr(5), name;
        if (rest[0] == '(') { // method: func (r *T) Name(
            size_t close = rest.find(')');
            std::string recv = rest.substr(1, close - 1);
            std::string type = recv.substr(recv.find_last_of(" *") + 1);
            rest = rest.substr(close + 2);
            name = type + ".";
        }
        name += rest.substr(0, rest.find('('));
        def.natives.push_back({name, &stubNative, false});
    }
    return def;
}

const vm::PackageRegistry& registry() {
    static const vm::PackageRegistry reg = [] {
        vm::PackageRegistry r;
        r.add(stubPackage("fmt", "package fmt\n\n"
                                 "type Stringer interface{ String() string }\n"
                                 "func Println(a ...any) (n int, err error)\n"
                                 "func Print(a ...any) (n int, err error)\n"
                                 "func Printf(format string, a ...any) (n int, err error)\n"
                                 "func Sprintf(format string, a ...any) string\n"
                                 "func Sprint(a ...any) string\n"
                                 "func Sprintln(a ...any) string\n"
                                 "func Errorf(format string, a ...any) error\n"));
        r.add(stubPackage("errors", "package errors\n\nfunc New(text string) error\n"));
        r.add(stubPackage("strconv", "package strconv\n\nfunc Itoa(i int) string\n"
                                     "func Atoi(s string) (int, error)\n"));
        r.add(stubPackage("strings", "package strings\n\n"
                                     "type Builder struct{ buf []byte }\n"
                                     "func (b *Builder) WriteString(s string) (int, error)\n"
                                     "func (b *Builder) String() string\n"
                                     "func Repeat(s string, count int) string\n"
                                     "func Contains(s, substr string) bool\n"
                                     "func Split(s, sep string) []string\n"
                                     "func Join(elems []string, sep string) string\n"
                                     "func ToUpper(s string) string\n"));
        r.add(stubPackage("os", "package os\n\nvar Args []string\nfunc Exit(code int)\n"));
        return r;
    }();
    return reg;
}

std::unique_ptr<Compiled> compile(const std::string& src) {
    auto c = std::make_unique<Compiled>();
    c->ok = compiler::compileProgram("test.go", src, registry(), c->prog, c->diags);
    return c;
}

int count(const vm::Proto* p, Op op) {
    int n = 0;
    if (!p) return -1;
    for (auto& in : p->code)
        if (in.op == op) n++;
    return n;
}

// Every register is consistently a reference or a scalar: regIsRef covers the frame.
void checkWellFormed(const vm::Program& prog) {
    for (auto& p : prog.protos) {
        CHECK(p->regIsRef.size() == p->numRegs);
        CHECK(p->lines.size() == p->code.size());
        CHECK(p->numRegs >= p->numParams);
        for (size_t pc = 0; pc < p->code.size(); pc++) {
            const auto& in = p->code[pc];
            auto f = vm::opInfo(in.op).format;
            int32_t off = 0;
            bool jump = false;
            if (in.op == Op::JMP || in.op == Op::JT || in.op == Op::JF) off = in.sbx(), jump = true;
            else if (f == vm::OpFormat::sABC || f == vm::OpFormat::sABI) off = in.sa(), jump = true;
            else if (in.op == Op::MAPNEXT) off = in.sc(), jump = true;
            if (jump) {
                int64_t target = int64_t(pc) + 1 + off;
                CHECK(target >= 0);
                CHECK(target <= int64_t(p->code.size()));
            }
        }
    }
}

} // namespace

TEST_CASE("codegen: hello world end to end") {
    auto c = compile("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1 + 2)\n}\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    REQUIRE(c->prog.mainProto >= 0);
    const vm::Proto* m = c->proto("main.main");
    REQUIRE(m);
    CHECK(count(m, Op::CALLN) == 1);
    CHECK(count(m, Op::TOIFACE) == 1); // 3 boxed as an int
    CHECK(count(m, Op::ADD) == 0);     // 1+2 is a constant
    CHECK(c->prog.stringType != nullptr);
    CHECK(c->prog.errorType != nullptr);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: an int add is one ADD, sized ints are narrowed") {
    auto c = compile("package main\n\nfunc add(a, b int) int { return a + b }\n"
                     "func add32(a, b int32) int32 { return a + b }\n"
                     "func addu8(a, b uint8) uint8 { return a + b }\n"
                     "func addf(a, b float32) float32 { return a * b }\n"
                     "func main() { println(add(1, 2), add32(1, 2), addu8(1, 2), addf(1, 2)) }\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* add = c->proto("main.add");
    REQUIRE(add);
    INFO(c->disasm("main.add"));
    CHECK(count(add, Op::ADD) == 1);
    CHECK(add->code.size() == 2); // ADD, RET
    CHECK(count(c->proto("main.add32"), Op::SEXT32) == 1);
    CHECK(count(c->proto("main.addu8"), Op::ZEXT8) == 1);
    CHECK(count(c->proto("main.addf"), Op::F32) == 1);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: a counted loop is one FORLT per iteration") {
    auto c = compile("package main\n\nfunc sum(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += i\n\t}\n"
                     "\treturn s\n}\n\nfunc main() { println(sum(10)) }\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* p = c->proto("main.sum");
    REQUIRE(p);
    INFO(c->disasm("main.sum"));
    CHECK(count(p, Op::JLE) == 1); // the entry test (rotated loop): skip when !(i < n)
    CHECK(count(p, Op::JMP) == 0);
    CHECK(count(p, Op::FORLT) == 1); // i++ and i < n fused
    for (auto& in : p->code) {
        if (in.op == Op::FORLT) {
            CHECK(in.sa() < 0); // backward: the loop's only branch
            CHECK(in.sx() == 1);
        }
        if (in.op == Op::JLE) CHECK(in.sa() > 0);
    }
    CHECK(count(p, Op::ADDI) == 0);
    CHECK(count(p, Op::JLT) == 0);
    CHECK(count(p, Op::ADD) == 1);
    CHECK(count(p, Op::MOVE) == 1); // only `return s`: s += i updates s's register in place
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: small constants become immediate and K operands") {
    auto c = compile("package main\n\nfunc f(x int, y float64) int {\n\tn := 0\n"
                     "\tfor i := 0; i < 100; i += 3 {\n\t\tif (x+i)%7 == 0 {\n\t\t\tn += 5 * i\n\t\t}\n\t}\n"
                     "\tif 2.5*y <= 4.0 {\n\t\tn++\n\t}\n\tif 1.0/y > 0.5 {\n\t\tn--\n\t}\n\treturn n\n}\n\n"
                     "func main() { println(f(3, 1.5)) }\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* p = c->proto("main.f");
    REQUIRE(p);
    INFO(c->disasm("main.f"));
    CHECK(count(p, Op::MODI) == 1);
    CHECK(count(p, Op::JNEI) == 1); // == 0, negated to skip the body
    CHECK(count(p, Op::MULI) == 1);
    CHECK(count(p, Op::FORLTI) == 1);
    CHECK(count(p, Op::MULFK) == 1);
    CHECK(count(p, Op::RDIVFK) == 1);
    CHECK(count(p, Op::LOADK) == 0); // every float constant is an operand
    CHECK(count(p, Op::MOD) == 0);
    for (auto& in : p->code)
        if (in.op == Op::FORLTI) CHECK(in.sx() == 3);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: captured variables: cells only when reassigned") {
    auto c = compile("package main\n\nfunc main() {\n\tx := 1\n\ty := 2\n\tf := func() int { return x + y }\n"
                     "\tx = 5\n\tprintln(f())\n}\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* m = c->proto("main.main");
    INFO(c->disasm("main.main"));
    CHECK(count(m, Op::NEWCELL) == 1); // x (reassigned) lives in a cell; y is copied
    CHECK(count(m, Op::CLOSURE) == 1);
    const vm::Proto* f = c->proto("main.main.func1");
    REQUIRE(f);
    REQUIRE(f->upvals.size() == 2);
    CHECK(count(f, Op::LOADP) == 1);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: struct values: assignment copies into the box") {
    auto c = compile("package main\n\ntype P struct{ X, Y int }\n\nfunc main() {\n\tvar p P\n\tq := P{1, 2}\n"
                     "\tp = q\n\tr := p\n\tr.X = 9\n\tprintln(p.X, q.X, r.X, p == q)\n}\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* m = c->proto("main.main");
    INFO(c->disasm("main.main"));
    CHECK(count(m, Op::NEWBOX) == 2);   // var p; P{1, 2}
    CHECK(count(m, Op::COPYINTO) == 1); // p = q
    CHECK(count(m, Op::CLONE) == 1);    // r := p
    CHECK(count(m, Op::EQV) == 1);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: methods, interfaces and method tables") {
    auto c = compile("package main\n\nimport \"fmt\"\n\ntype S struct{ n int }\n\n"
                     "func (s S) Get() int { return s.n }\nfunc (s *S) Inc() { s.n++ }\n"
                     "type G interface{ Get() int }\n\n"
                     "func main() {\n\ts := S{1}\n\ts.Inc()\n\tvar g G = s\n\tfmt.Println(g.Get())\n"
                     "\tvar h G = &s\n\tfmt.Println(h.Get())\n\tf := s.Get\n\tfmt.Println(f())\n}\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* m = c->proto("main.main");
    INFO(c->disasm("main.main"));
    CHECK(count(m, Op::CALLI) == 2);
    CHECK(count(m, Op::CALL) >= 1);
    // *S's method table holds Get through a wrapper and Inc directly.
    const vm::RType* ps = nullptr;
    for (auto& t : c->prog.types)
        if (t->str == "*main.S") ps = t.get();
    REQUIRE(ps);
    CHECK(ps->methods.size() == 2);
    for (auto& t : c->prog.types)
        if (t->str == "main.S") CHECK(t->methods.size() == 1);
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: defer goes through the epilogue") {
    auto c = compile("package main\n\nfunc f() (r int) {\n\tdefer func() { r++ }()\n\treturn 41\n}\n\n"
                     "func main() { println(f()) }\n");
    INFO(c->diags.format());
    REQUIRE(c->ok);
    const vm::Proto* f = c->proto("main.f");
    INFO(c->disasm("main.f"));
    CHECK(f->hasDefer);
    CHECK(count(f, Op::RUNDEFERS) == 1);
    CHECK(f->code[f->epiloguePc].op == Op::RUNDEFERS);
    CHECK(count(f, Op::NEWCELL) == 1); // r: captured and reassigned
    checkWellFormed(c->prog);
}

TEST_CASE("codegen: every golden program compiles without a code generation error") {
    namespace fs = std::filesystem;
    fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path() / "programs";
    REQUIRE(fs::exists(root));
    int compiled = 0, rejected = 0;
    for (auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".gol") continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        auto c = compile(ss.str());
        std::string report = c->diags.format();
        INFO(entry.path().string() << "\n" << report);
        CHECK(report.find("internal error") == std::string::npos);
        CHECK(report.find("function too large") == std::string::npos);
        if (c->ok) {
            compiled++;
            checkWellFormed(c->prog);
        } else rejected++;
    }
    MESSAGE("compiled " << compiled << ", rejected by the front end " << rejected);
    CHECK(compiled > 0);
}
