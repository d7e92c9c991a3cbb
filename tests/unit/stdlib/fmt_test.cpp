// Tests for stdlib/fmt against Go 1.19: data/fmt.txt is the output of `go run gen/fmt_gen.go`
// (Sprintf over flag/width/precision/verb combinations for every primitive kind, the format
// walker's error forms, and Sprint/Sprintln spacing).
#include "stdlib/fmt/args.hpp"
#include "tests/unit/stdlib/data_file.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <map>

namespace gf = gol::stdlib::fmt;
using gol::stdlib::testdata::field;
using gol::stdlib::testdata::load;

namespace {

gf::Arg decodeArg(const std::string& enc) {
    size_t a = enc.find('|');
    size_t b = enc.find('|', a + 1);
    char k = enc[0];
    std::string type = enc.substr(a + 1, b - a - 1);
    std::string v = enc.substr(b + 1);
    switch (k) {
    case 'n': return gf::Arg::Nil();
    case 'b': return gf::Arg::Bool(v == "true", type);
    case 'i': return gf::Arg::Int(std::stoll(v), type);
    case 'u': return gf::Arg::Uint(std::stoull(v), type);
    case 'f': {
        uint64_t bits = std::stoull(v);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return gf::Arg::Float(d, type);
    }
    case 'g': {
        uint32_t bits = static_cast<uint32_t>(std::stoul(v));
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return gf::Arg::Float32(f, type);
    }
    case 's': return gf::Arg::String(field("h:" + v), type);
    case 'y': return gf::Arg::Bytes(field("h:" + v), type);
    case 'Y': {
        gf::Arg n = gf::Arg::Bytes("", type);
        n.nilBytes = true;
        return n;
    }
    }
    FAIL("bad arg encoding " << enc);
    return gf::Arg::Nil();
}

} // namespace

TEST_CASE("fmt matches Go on the oracle data") {
    auto rows = load("fmt.txt");
    std::map<std::string, int> seen;
    for (const auto& r : rows) {
        // The raw line's arg fields are not hex-decoded by load() (they contain '|').
        std::vector<gf::Arg> args;
        for (size_t i = 2; i + 1 < r.size(); ++i)
            args.push_back(decodeArg(r[i]));
        const std::string& want = r.back();
        ++seen[r[0]];
        if (r[0] == "f") {
            CHECK_MESSAGE(gf::Sprintf(r[1], args) == want, "Sprintf(" << r[1] << ") args=" << args.size());
        } else if (r[0] == "p") {
            CHECK_MESSAGE(gf::Sprint(args) == want, "Sprint, args=" << args.size());
        } else if (r[0] == "l") {
            CHECK_MESSAGE(gf::Sprintln(args) == want, "Sprintln, args=" << args.size());
        } else {
            FAIL("unknown kind " << r[0]);
        }
    }
    CHECK(seen["f"] > 10000);
    CHECK(seen["p"] > 10);
    CHECK(seen["l"] > 10);
}

namespace {

// A stand-in for the VM's value walker: operand 0 is a *int at 0xc000010000 printed through
// fmtPointer, operand 1 the int -5; checks that the engine hands the walker the right verbs
// and flags. Expected outputs are Go's for a real *int with its address substituted.
class WalkerOperands : public gf::Operands {
  public:
    int count() const override { return 2; }
    void print(gf::Printer& p, int i, gf::rune verb) override {
        if (p.printNilOrType(false, typeString(i), verb)) return;
        if (i == 0)
            p.fmtPointer(0xc000010000, verb, "*int");
        else
            p.fmtInteger(static_cast<uint64_t>(-5), true, verb, "int");
    }
    std::optional<int64_t> intValue(int i) const override {
        return i == 1 ? std::optional<int64_t>(-5) : std::nullopt;
    }
    bool isNil(int) const override { return false; }
    std::string typeString(int i) const override { return i == 0 ? "*int" : "int"; }
    bool isString(int) const override { return false; }
};

std::string walk(std::string_view format) {
    gf::Printer p;
    WalkerOperands ops;
    gf::doPrintf(p, format, ops);
    return p.buf;
}

} // namespace

TEST_CASE("fmt engine drives a custom operand walker") {
    CHECK(walk("%p %d") == "0xc000010000 -5");
    CHECK(walk("%v %v") == "0xc000010000 -5");
    CHECK(walk("%#v %#v") == "(*int)(0xc000010000) -5");
    CHECK(walk("%#p %x") == "c000010000 -5");
    CHECK(walk("%T %T") == "*int int");
    CHECK(walk("%s %s") == "%!s(*int=0xc000010000) %!s(int=-5)");
    CHECK(walk("%[2]*[1]d|") == "824633786368|");
    CHECK(walk("%[2]*[1]x|") == "c000010000|");
    CHECK(walk("%20v|%-20p|") == "        0xc000010000|%!p(int=-5                  )|");
}
