// Package math: natives over the Go-exact functions of math.cpp, the constants as untyped
// constants with Go's own defining expressions (consts.inc).
#include "stdlib/bind.hpp"
#include "stdlib/math/math.hpp"
#include "stdlib/packages.hpp"

#include <cmath>

namespace gol::stdlib {

namespace {

constexpr const char* kDecls = R"go(
func Abs(x float64) float64
func Acos(x float64) float64
func Acosh(x float64) float64
func Asin(x float64) float64
func Asinh(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Atanh(x float64) float64
func Cbrt(x float64) float64
func Ceil(x float64) float64
func Copysign(f, sign float64) float64
func Cos(x float64) float64
func Cosh(x float64) float64
func Dim(x, y float64) float64
func Erf(x float64) float64
func Erfc(x float64) float64
func Erfcinv(x float64) float64
func Erfinv(x float64) float64
func Exp(x float64) float64
func Exp2(x float64) float64
func Expm1(x float64) float64
func FMA(x, y, z float64) float64
func Float32bits(f float32) uint32
func Float32frombits(b uint32) float32
func Float64bits(f float64) uint64
func Float64frombits(b uint64) float64
func Floor(x float64) float64
func Frexp(f float64) (frac float64, exp int)
func Gamma(x float64) float64
func Hypot(p, q float64) float64
func Ilogb(x float64) int
func Inf(sign int) float64
func IsInf(f float64, sign int) bool
func IsNaN(f float64) (is bool)
func J0(x float64) float64
func J1(x float64) float64
func Jn(n int, x float64) float64
func Ldexp(frac float64, exp int) float64
func Lgamma(x float64) (lgamma float64, sign int)
func Log(x float64) float64
func Log10(x float64) float64
func Log1p(x float64) float64
func Log2(x float64) float64
func Logb(x float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Mod(x, y float64) float64
func Modf(f float64) (int float64, frac float64)
func NaN() float64
func Nextafter(x, y float64) (r float64)
func Nextafter32(x, y float32) (r float32)
func Pow(x, y float64) float64
func Pow10(n int) float64
func Remainder(x, y float64) float64
func Round(x float64) float64
func RoundToEven(x float64) float64
func Signbit(x float64) bool
func Sin(x float64) float64
func Sinh(x float64) float64
func Sqrt(x float64) float64
func Tan(x float64) float64
func Tanh(x float64) float64
func Trunc(x float64) float64
func Y0(x float64) float64
func Y1(x float64) float64
func Yn(n int, x float64) float64

func Sincos(x float64) (sin, cos float64)
)go";

std::string source() {
    std::string s = "package math\n\nconst (\n";
    size_t n = 0;
    const math::Constant* cs = math::Constants(&n);
    for (size_t i = 0; i < n; i++) {
        s += "\t";
        s += cs[i].name;
        s += " = ";
        s += cs[i].goExpr;
        s += "\n";
    }
    s += ")\n";
    s += kDecls;
    return s;
}

namespace M = stdlib::math;

#define F1(name) {#name, +[](NativeCall& c) { c.result(0, Value::fromFloat(M::name(argFloat(c, 0)))); }}
#define F2(name) {#name, +[](NativeCall& c) { c.result(0, Value::fromFloat(M::name(argFloat(c, 0), argFloat(c, 1)))); }}

} // namespace

vm::PackageDef makeMathPackage() {
    vm::PackageDef d{"math", source(), {}};
    d.natives = {
        F1(Abs), F1(Acos), F1(Acosh), F1(Asin), F1(Asinh), F1(Atan), F2(Atan2), F1(Atanh), F1(Cbrt), F1(Ceil),
        F2(Copysign), F1(Cos), F1(Cosh), F2(Dim), F1(Erf), F1(Erfc), F1(Erfinv), F1(Erfcinv), F1(Exp), F1(Exp2), F1(Expm1), F1(Floor),
        F1(Gamma), F2(Hypot), F1(Log), F1(Log10), F1(Log1p), F1(Log2), F1(Logb), F2(Max), F2(Min), F2(Mod),
        F2(Nextafter), F2(Pow), F2(Remainder), F1(Round), F1(RoundToEven), F1(Sin), F1(Sinh), F1(Sqrt), F1(Tan),
        F1(Tanh), F1(Trunc), F1(J0), F1(J1), F1(Y0), F1(Y1),
        {"FMA", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::FMA(argFloat(c, 0), argFloat(c, 1), argFloat(c, 2)))); }},
        {"Float32bits", +[](NativeCall& c) { c.result(0, Value::fromUint(M::Float32bits(float(argFloat(c, 0))))); }},
        {"Float32frombits", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Float32frombits(uint32_t(argUint(c, 0))))); }},
        {"Float64bits", +[](NativeCall& c) { c.result(0, Value::fromUint(M::Float64bits(argFloat(c, 0)))); }},
        {"Float64frombits", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Float64frombits(argUint(c, 0)))); }},
        {"Frexp", +[](NativeCall& c) {
             auto r = M::Frexp(argFloat(c, 0));
             c.result(0, Value::fromFloat(r.frac));
             c.result(1, Value::fromInt(r.exp));
         }},
        {"Ilogb", +[](NativeCall& c) { c.result(0, Value::fromInt(M::Ilogb(argFloat(c, 0)))); }},
        {"Inf", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Inf(argInt(c, 0)))); }},
        {"IsInf", +[](NativeCall& c) { c.result(0, Value::fromBool(M::IsInf(argFloat(c, 0), argInt(c, 1)))); }},
        {"IsNaN", +[](NativeCall& c) { c.result(0, Value::fromBool(M::IsNaN(argFloat(c, 0)))); }},
        {"Jn", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Jn(argInt(c, 0), argFloat(c, 1)))); }},
        {"Yn", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Yn(argInt(c, 0), argFloat(c, 1)))); }},
        {"Ldexp", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Ldexp(argFloat(c, 0), argInt(c, 1)))); }},
        {"Lgamma", +[](NativeCall& c) {
             auto r = M::Lgamma(argFloat(c, 0));
             c.result(0, Value::fromFloat(r.lgamma));
             c.result(1, Value::fromInt(r.sign));
         }},
        {"Modf", +[](NativeCall& c) {
             auto r = M::Modf(argFloat(c, 0));
             c.result(0, Value::fromFloat(r.intPart));
             c.result(1, Value::fromFloat(r.frac));
         }},
        {"NaN", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::NaN())); }},
        {"Nextafter32", +[](NativeCall& c) {
             c.result(0, Value::fromFloat(M::Nextafter32(float(argFloat(c, 0)), float(argFloat(c, 1)))));
         }},
        {"Sincos", +[](NativeCall& c) {
             auto r = M::Sincos(argFloat(c, 0));
             c.result(0, Value::fromFloat(r.sin));
             c.result(1, Value::fromFloat(r.cos));
         }},
        {"Pow10", +[](NativeCall& c) { c.result(0, Value::fromFloat(M::Pow10(argInt(c, 0)))); }},
        {"Signbit", +[](NativeCall& c) { c.result(0, Value::fromBool(M::Signbit(argFloat(c, 0)))); }},
    };
    return d;
}

} // namespace gol::stdlib
