// Tests for stdlib/strconv against Go 1.19: data/strconv.txt is the output of
// `go run gen/strconv_gen.go`; every record is checked, and each kind must be present.
#include "stdlib/panic.hpp"
#include "stdlib/strconv/strconv.hpp"
#include "tests/unit/stdlib/data_file.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <map>

namespace sc = gol::stdlib::strconv;
using gol::stdlib::testdata::load;

namespace {

double fromBits(const std::string& s) {
    uint64_t b = std::stoull(s);
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

uint64_t toBits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

template <class T> std::string errOf(const sc::Parsed<T>& p) {
    return p.err ? p.err->Error() : "";
}

} // namespace

TEST_CASE("strconv matches Go on the oracle data") {
    auto rows = load("strconv.txt");
    std::map<std::string, int> seen;
    for (const auto& r : rows) {
        const std::string& k = r[0];
        ++seen[k];
        if (k == "ff") {
            double v = fromBits(r[1]);
            std::string got = sc::FormatFloat(v, r[2][0], std::stoi(r[3]), std::stoi(r[4]));
            CHECK_MESSAGE(got == r[5],
                          "FormatFloat(" << r[1] << ", '" << r[2] << "', " << r[3] << ", " << r[4] << ")");
        } else if (k == "pf") {
            auto p = sc::ParseFloat(r[1], std::stoi(r[2]));
            double want = fromBits(r[3]);
            bool same = toBits(p.value) == toBits(want) || (std::isnan(want) && std::isnan(p.value));
            CHECK_MESSAGE(same,
                          "ParseFloat(\"" << r[1] << "\", " << r[2] << ") = " << p.value << " want " << want);
            CHECK_MESSAGE(errOf(p) == r[4], "ParseFloat(\"" << r[1] << "\", " << r[2] << ")");
        } else if (k == "pi") {
            auto p = sc::ParseInt(r[1], std::stoi(r[2]), std::stoi(r[3]));
            CHECK_MESSAGE(std::to_string(p.value) == r[4],
                          "ParseInt(\"" << r[1] << "\", " << r[2] << ", " << r[3] << ")");
            CHECK_MESSAGE(errOf(p) == r[5], "ParseInt(\"" << r[1] << "\", " << r[2] << ", " << r[3] << ")");
        } else if (k == "pu") {
            auto p = sc::ParseUint(r[1], std::stoi(r[2]), std::stoi(r[3]));
            CHECK_MESSAGE(std::to_string(p.value) == r[4],
                          "ParseUint(\"" << r[1] << "\", " << r[2] << ", " << r[3] << ")");
            CHECK_MESSAGE(errOf(p) == r[5], "ParseUint(\"" << r[1] << "\", " << r[2] << ", " << r[3] << ")");
        } else if (k == "atoi") {
            auto p = sc::Atoi(r[1]);
            CHECK(std::to_string(p.value) == r[2]);
            CHECK(errOf(p) == r[3]);
        } else if (k == "fi") {
            int64_t v = std::stoll(r[1]);
            int base = std::stoi(r[2]);
            CHECK(sc::FormatInt(v, base) == r[3]);
            CHECK(sc::FormatUint(static_cast<uint64_t>(v), base) == r[4]);
        } else if (k == "pb") {
            auto p = sc::ParseBool(r[1]);
            CHECK((p.value ? "true" : "false") == r[2]);
            CHECK(errOf(p) == r[3]);
        } else if (k == "q") {
            CHECK(sc::Quote(r[1]) == r[2]);
            CHECK(sc::QuoteToASCII(r[1]) == r[3]);
            CHECK(sc::QuoteToGraphic(r[1]) == r[4]);
            CHECK((sc::CanBackquote(r[1]) ? "true" : "false") == r[5]);
        } else if (k == "qr") {
            sc::rune rr = std::stoi(r[1]);
            CHECK(sc::QuoteRune(rr) == r[2]);
            CHECK(sc::QuoteRuneToASCII(rr) == r[3]);
            CHECK(sc::QuoteRuneToGraphic(rr) == r[4]);
            CHECK((sc::IsPrint(rr) ? "true" : "false") == r[5]);
        } else if (k == "uq") {
            auto u = sc::Unquote(r[1]);
            CHECK_MESSAGE(u.value_or("") == r[2], "Unquote(" << r[1] << ")");
            CHECK_MESSAGE((u ? "" : "invalid syntax") == r[3], "Unquote(" << r[1] << ")");
            std::string withTail = r[1] + "tail";
            auto p = sc::QuotedPrefix(withTail);
            CHECK_MESSAGE(std::string(p.value_or("")) == r[4], "QuotedPrefix(" << r[1] << ")");
            CHECK((p ? "" : "invalid syntax") == r[5]);
        } else if (k == "uc") {
            auto c = sc::UnquoteChar(r[1], static_cast<char>(std::stoi(r[2])));
            std::string ctx = "UnquoteChar(" + r[1] + ", " + r[2] + ")";
            CHECK_MESSAGE(std::to_string(c ? c->value : 0) == r[3], ctx);
            CHECK_MESSAGE(((c && c->multibyte) ? "true" : "false") == r[4], ctx);
            CHECK_MESSAGE(std::string(c ? c->tail : "") == r[5], ctx);
            CHECK_MESSAGE((c ? "" : "invalid syntax") == r[6], ctx);
        } else {
            FAIL("unknown record kind " << k);
        }
    }
    for (const char* k : {"ff", "pf", "pi", "pu", "atoi", "fi", "pb", "q", "qr", "uq", "uc"})
        CHECK(seen[k] > 0);
}

TEST_CASE("strconv panics with Go's messages") {
    CHECK_THROWS_WITH_AS(sc::FormatInt(1, 1), "strconv: illegal AppendInt/FormatInt base",
                         gol::stdlib::Panic);
    CHECK_THROWS_WITH_AS(sc::FormatUint(1, 37), "strconv: illegal AppendInt/FormatInt base",
                         gol::stdlib::Panic);
    CHECK_THROWS_WITH_AS(sc::FormatFloat(1, 'g', -1, 16), "strconv: illegal AppendFloat/FormatFloat bitSize",
                         gol::stdlib::Panic);
}

TEST_CASE("strconv error values") {
    auto p = sc::ParseInt("abc", 10, 64);
    REQUIRE(p.err);
    CHECK(p.err->Func == "ParseInt");
    CHECK(p.err->Num == "abc");
    CHECK(p.err->Err == sc::ErrKind::Syntax);
    CHECK(p.err->Error() == "strconv.ParseInt: parsing \"abc\": invalid syntax");
    auto a = sc::Atoi("x");
    CHECK(a.err->Error() == "strconv.Atoi: parsing \"x\": invalid syntax");
    CHECK(sc::Itoa(-42) == "-42");
    std::string s = "n=";
    sc::AppendInt(s, -7, 2);
    CHECK(s == "n=-111");
    sc::AppendBool(s, true);
    sc::AppendQuoteToGraphic(s, "\u00a0\n");
    sc::AppendQuoteRuneToGraphic(s, 0x3000);
    CHECK(s == "n=-111true\"\u00a0\\n\"'\u3000'"); // Go: strconv.QuoteToGraphic keeps Zs spaces
}
