// Tests for stdlib/math against Go 1.19: data/math.txt is the output of `go run gen/math_gen.go`.
// Every function must match Go's bits: the ones Go implements itself are ports of Go's code.
#include "stdlib/math/math.hpp"
#include "tests/unit/stdlib/data_file.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

namespace gm = gol::stdlib::math;
using gol::stdlib::testdata::load;

namespace {

double d(const std::string& s) {
    return gm::Float64frombits(std::stoull(s));
}
std::string bits(double f) {
    return std::to_string(gm::Float64bits(f));
}
std::string tf(bool v) {
    return v ? "true" : "false";
}

// Distance in representable doubles between a and b (same sign), 0 if bit-identical or both NaN.
uint64_t ulps(double a, double b) {
    if (std::isnan(a) && std::isnan(b)) return 0;
    if (gm::Float64bits(a) == gm::Float64bits(b)) return 0;
    if (std::signbit(a) != std::signbit(b) || std::isnan(a) || std::isnan(b)) return UINT64_MAX;
    uint64_t x = gm::Float64bits(a), y = gm::Float64bits(b);
    return x > y ? x - y : y - x;
}

} // namespace

TEST_CASE("math matches Go on the oracle data") {
    auto rows = load("math.txt");
    std::map<std::string, int> seen;
    int ulpRecords = 0;
    for (const auto& r : rows) {
        const std::string& fn = r[0];
        ++seen[fn];
        std::string ctx = fn + "(" + r[1] + (r.size() > 3 ? ", " + r[2] : "") + ")";
        if (fn.rfind("ulp:", 0) == 0) {
            std::string name = fn.substr(4);
            double x = d(r[1]), got;
            if (name == "Pow")
                got = gm::Pow(x, d(r[2]));
            else if (name == "Atan2")
                got = gm::Atan2(x, d(r[2]));
            else if (name == "Hypot")
                got = gm::Hypot(x, d(r[2]));
            else if (name == "Exp")
                got = gm::Exp(x);
            else if (name == "Log")
                got = gm::Log(x);
            else if (name == "Log2")
                got = gm::Log2(x);
            else if (name == "Log10")
                got = gm::Log10(x);
            else if (name == "Sin")
                got = gm::Sin(x);
            else if (name == "Cos")
                got = gm::Cos(x);
            else if (name == "Tan")
                got = gm::Tan(x);
            else if (name == "Atan")
                got = gm::Atan(x);
            else if (name == "Cbrt")
                got = gm::Cbrt(x);
            else if (name == "Sinh")
                got = gm::Sinh(x);
            else if (name == "Tanh")
                got = gm::Tanh(x);
            else if (name == "Expm1")
                got = gm::Expm1(x);
            else if (name == "Log1p")
                got = gm::Log1p(x);
            else if (name == "Exp2")
                got = gm::Exp2(x);
            else if (name == "Asin")
                got = gm::Asin(x);
            else if (name == "Acos")
                got = gm::Acos(x);
            else if (name == "Erf")
                got = gm::Erf(x);
            else if (name == "Erfc")
                got = gm::Erfc(x);
            else if (name == "Gamma")
                got = gm::Gamma(x);
            else if (name == "Asinh")
                got = gm::Asinh(x);
            else if (name == "Acosh")
                got = gm::Acosh(x);
            else if (name == "Atanh")
                got = gm::Atanh(x);
            else
                FAIL("unknown " << name);
            double want = d(r.back());
            ++ulpRecords;
            uint64_t u = ulps(got, want);
            CHECK_MESSAGE(u == 0, ctx << " = " << got << " want " << want);
            continue;
        }
        std::string got, want = r.back();
        if (fn == "Floor")
            got = bits(gm::Floor(d(r[1])));
        else if (fn == "Ceil")
            got = bits(gm::Ceil(d(r[1])));
        else if (fn == "Trunc")
            got = bits(gm::Trunc(d(r[1])));
        else if (fn == "Round")
            got = bits(gm::Round(d(r[1])));
        else if (fn == "RoundToEven")
            got = bits(gm::RoundToEven(d(r[1])));
        else if (fn == "Modf") {
            auto m = gm::Modf(d(r[1]));
            CHECK_MESSAGE(bits(m.intPart) == r[2], ctx);
            got = bits(m.frac);
        } else if (fn == "Frexp") {
            auto f = gm::Frexp(d(r[1]));
            CHECK_MESSAGE(bits(f.frac) == r[2], ctx);
            got = std::to_string(f.exp);
        } else if (fn == "Lgamma") {
            auto l = gm::Lgamma(d(r[1]));
            CHECK_MESSAGE(bits(l.lgamma) == r[2], ctx << " = " << l.lgamma);
            got = std::to_string(l.sign);
        } else if (fn == "J0")
            got = bits(gm::J0(d(r[1])));
        else if (fn == "J1")
            got = bits(gm::J1(d(r[1])));
        else if (fn == "Y0")
            got = bits(gm::Y0(d(r[1])));
        else if (fn == "Y1")
            got = bits(gm::Y1(d(r[1])));
        else if (fn == "Jn")
            got = bits(gm::Jn(std::stoll(r[1]), d(r[2])));
        else if (fn == "Yn")
            got = bits(gm::Yn(std::stoll(r[1]), d(r[2])));
        else if (fn == "Abs")
            got = bits(gm::Abs(d(r[1])));
        else if (fn == "Sqrt")
            got = bits(gm::Sqrt(d(r[1])));
        else if (fn == "Signbit")
            got = tf(gm::Signbit(d(r[1])));
        else if (fn == "Logb")
            got = bits(gm::Logb(d(r[1])));
        else if (fn == "Ilogb")
            got = std::to_string(gm::Ilogb(d(r[1])));
        else if (fn == "IsInf") {
            double x = d(r[1]);
            got = tf(gm::IsInf(x, 1)) + " " + tf(gm::IsInf(x, -1)) + " " + tf(gm::IsInf(x, 0)) + " " +
                  tf(gm::IsNaN(x));
        } else if (fn == "Mod")
            got = bits(gm::Mod(d(r[1]), d(r[2])));
        else if (fn == "Remainder")
            got = bits(gm::Remainder(d(r[1]), d(r[2])));
        else if (fn == "Max")
            got = bits(gm::Max(d(r[1]), d(r[2])));
        else if (fn == "Min")
            got = bits(gm::Min(d(r[1]), d(r[2])));
        else if (fn == "Dim")
            got = bits(gm::Dim(d(r[1]), d(r[2])));
        else if (fn == "Copysign")
            got = bits(gm::Copysign(d(r[1]), d(r[2])));
        else if (fn == "Nextafter")
            got = bits(gm::Nextafter(d(r[1]), d(r[2])));
        else if (fn == "Pow10")
            got = bits(gm::Pow10(std::stoll(r[1])));
        else if (fn == "Ldexp")
            got = bits(gm::Ldexp(d(r[1]), std::stoll(r[2])));
        else if (fn == "NaN")
            got = bits(gm::NaN()), want = r[1];
        else if (fn == "Nextafter32") {
            float x = gm::Float32frombits(static_cast<uint32_t>(std::stoul(r[1])));
            float y = gm::Float32frombits(static_cast<uint32_t>(std::stoul(r[2])));
            got = std::to_string(gm::Float32bits(gm::Nextafter32(x, y)));
        } else
            FAIL("unknown function " << fn);
        // NaN payloads are not part of Go's contract, except math.NaN() itself.
        bool bitsValued = fn != "NaN" && fn != "Ilogb" && fn != "Frexp" && fn != "Lgamma" && fn != "IsInf" &&
                          fn != "Signbit" && fn != "Nextafter32";
        if (bitsValued && std::isnan(d(want)) && std::isnan(d(got))) continue;
        CHECK_MESSAGE(got == want, ctx);
    }
    CHECK(ulpRecords > 1000);
    for (const char* fn : {"Floor", "RoundToEven", "Modf", "Mod", "Max", "Pow10", "Nextafter32", "J0", "Yn"})
        CHECK(seen[fn] > 0);
}

TEST_CASE("math constants table") {
    size_t n = 0;
    const gm::Constant* all = gm::Constants(&n);
    CHECK(n == 30);
    const gm::Constant* pi = gm::LookupConstant("Pi");
    REQUIRE(pi);
    CHECK(pi->kind == gm::ConstKind::Float);
    CHECK(pi->decimal == "3.14159265358979323846264338327950288419716939937510582097494459");
    CHECK(std::stod(std::string(pi->decimal)) == M_PI);
    const gm::Constant* mf = gm::LookupConstant("MaxFloat64");
    REQUIRE(mf);
    CHECK(std::stod(std::string(mf->decimal)) == 1.7976931348623157e308);
    CHECK(std::stod(std::string(gm::LookupConstant("SmallestNonzeroFloat64")->decimal)) == 5e-324);
    CHECK(std::stof(std::string(gm::LookupConstant("MaxFloat32")->decimal)) ==
          3.40282346638528859811704183484516925440e+38f);
    CHECK(gm::LookupConstant("MinInt64")->decimal == "-9223372036854775808");
    CHECK(gm::LookupConstant("MaxUint64")->decimal == "18446744073709551615");
    CHECK(gm::LookupConstant("MaxUint")->goExpr == "1<<64 - 1");
    CHECK_FALSE(gm::LookupConstant("Log2E")->exact);
    CHECK(std::stod(std::string(gm::LookupConstant("Log2E")->decimal)) == M_LOG2E);
    CHECK(gm::LookupConstant("Nope") == nullptr);
    for (size_t i = 0; i < n; ++i)
        CHECK(!all[i].decimal.empty());
}
