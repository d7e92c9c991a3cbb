// Oracle for tests/unit/stdlib/math_test.cpp: writes ../data/math.txt, one call per line:
//
//	function \t arg bits... \t result bits...
//
// (float64 bits as decimal uint64). Run: go run math_gen.go > ../data/math.txt
package main

import (
	"fmt"
	"math"
	"strings"
)

func b(f float64) string { return fmt.Sprint(math.Float64bits(f)) }

func out(fn string, fields ...string) { fmt.Println(fn + "\t" + strings.Join(fields, "\t")) }

func main() {
	vals := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 1, -1, 3,
		-3, 7.25, -7.25, 1e300, -1e300, 5e-324, -5e-324, 2.2250738585072014e-308, 4503599627370495.5,
		4503599627370497, 1 << 53, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, -math.E, 0.1,
		100, 1e-10, 123456.789, 0.75, 2, 10, 0.001, 1024, 1e22}
	for _, x := range vals {
		out("Floor", b(x), b(math.Floor(x)))
		out("Ceil", b(x), b(math.Ceil(x)))
		out("Trunc", b(x), b(math.Trunc(x)))
		out("Round", b(x), b(math.Round(x)))
		out("RoundToEven", b(x), b(math.RoundToEven(x)))
		i, f := math.Modf(x)
		out("Modf", b(x), b(i), b(f))
		fr, e := math.Frexp(x)
		out("Frexp", b(x), b(fr), fmt.Sprint(e))
		out("Abs", b(x), b(math.Abs(x)))
		out("Sqrt", b(x), b(math.Sqrt(x)))
		out("Signbit", b(x), fmt.Sprint(math.Signbit(x)))
		out("Logb", b(x), b(math.Logb(x)))
		out("Ilogb", b(x), fmt.Sprint(math.Ilogb(x)))
		out("IsInf", b(x), fmt.Sprint(math.IsInf(x, 1), math.IsInf(x, -1), math.IsInf(x, 0), math.IsNaN(x)))
		// Transcendentals: compared with a one-ulp tolerance (libm vs Go's own algorithms).
		for _, nf := range []struct {
			name string
			fn   func(float64) float64
		}{{"Exp", math.Exp}, {"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10}, {"Sin", math.Sin},
			{"Cos", math.Cos}, {"Tan", math.Tan}, {"Atan", math.Atan}, {"Cbrt", math.Cbrt}, {"Sinh", math.Sinh},
			{"Tanh", math.Tanh}, {"Expm1", math.Expm1}, {"Log1p", math.Log1p}, {"Exp2", math.Exp2},
			{"Asin", math.Asin}, {"Acos", math.Acos}, {"Erf", math.Erf}, {"Erfc", math.Erfc}, {"Gamma", math.Gamma},
			{"Asinh", math.Asinh}, {"Acosh", math.Acosh}, {"Atanh", math.Atanh}} {
			out("ulp:"+nf.name, b(x), b(nf.fn(x)))
		}
	}
	pvals := []float64{0, math.Copysign(0, -1), 0.5, -1.5, 2.5, 1, -1, 3, -7.25, 1e300, 5e-324, -5e-324,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, 0.1, 2, 10}
	// A sweep of ordinary arguments for the ported algorithms (reduction branches, polynomial ranges).
	for i := 0; i < 150; i++ {
		x := float64(i)*0.4321 - 32
		y := math.Pow(1.37, float64(i-75))
		for _, v := range []float64{x, y} {
			out("ulp:Sin", b(v), b(math.Sin(v)))
			out("ulp:Cos", b(v), b(math.Cos(v)))
			out("ulp:Tan", b(v), b(math.Tan(v)))
			out("ulp:Exp", b(v), b(math.Exp(v)))
			out("ulp:Log", b(v), b(math.Log(v)))
			out("ulp:Atan", b(v), b(math.Atan(v)))
			out("ulp:Sinh", b(v), b(math.Sinh(v)))
			out("ulp:Tanh", b(v), b(math.Tanh(v)))
			out("ulp:Cbrt", b(v), b(math.Cbrt(v)))
			out("ulp:Exp2", b(v), b(math.Exp2(v)))
			out("ulp:Expm1", b(v), b(math.Expm1(v)))
			out("ulp:Expm1", b(v/40), b(math.Expm1(v/40)))
			out("ulp:Log1p", b(v), b(math.Log1p(v)))
			out("ulp:Asinh", b(v), b(math.Asinh(v)))
			out("ulp:Acosh", b(v), b(math.Acosh(v)))
			out("ulp:Atanh", b(v/32), b(math.Atanh(v/32)))
			out("ulp:Gamma", b(v), b(math.Gamma(v)))
			out("ulp:Erf", b(v/4), b(math.Erf(v/4)))
			for _, a := range []float64{v, v / 7, v * 3} {
				lg, sg := math.Lgamma(a)
				out("Lgamma", b(a), b(lg), fmt.Sprint(sg))
			}
			out("ulp:Erfc", b(v/4), b(math.Erfc(v/4)))
			out("ulp:Erfc", b(v), b(math.Erfc(v)))
			out("ulp:Gamma", b(v*5), b(math.Gamma(v*5)))
			out("ulp:Gamma", b(v/7), b(math.Gamma(v/7)))
			out("ulp:Pow", b(v), b(1.5), b(math.Pow(v, 1.5)))
			out("ulp:Pow", b(1.1), b(v), b(math.Pow(1.1, v)))
			out("ulp:Atan2", b(v), b(x), b(math.Atan2(v, x)))
		}
	}
	for _, x := range pvals {
		for _, y := range pvals {
			out("Mod", b(x), b(y), b(math.Mod(x, y)))
			out("Remainder", b(x), b(y), b(math.Remainder(x, y)))
			out("Max", b(x), b(y), b(math.Max(x, y)))
			out("Min", b(x), b(y), b(math.Min(x, y)))
			out("Dim", b(x), b(y), b(math.Dim(x, y)))
			out("Copysign", b(x), b(y), b(math.Copysign(x, y)))
			out("Nextafter", b(x), b(y), b(math.Nextafter(x, y)))
			out("ulp:Pow", b(x), b(y), b(math.Pow(x, y)))
			out("ulp:Atan2", b(x), b(y), b(math.Atan2(x, y)))
			out("ulp:Hypot", b(x), b(y), b(math.Hypot(x, y)))
		}
	}
	// Bessel functions over ordinary, tiny, huge and negative arguments.
	bx := []float64{0, math.Copysign(0, -1), 1e-300, 1e-10, 1e-5, 0.5, 1, 1.5, 1.99, 2, 2.5, 2.86, 3.3, 4.6, 7.9,
		8, 12.5, 33, 100, 1234.5, 1e10, 1e39, 1e92, 1e300, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	for i := 0; i < 60; i++ {
		bx = append(bx, float64(i)*0.61-5)
	}
	for _, x := range bx {
		out("J0", b(x), b(math.J0(x)))
		out("J1", b(x), b(math.J1(x)))
		out("Y0", b(x), b(math.Y0(x)))
		out("Y1", b(x), b(math.Y1(x)))
		for _, n := range []int{-3, -2, 2, 3, 5, 10, 40} {
			out("Jn", fmt.Sprint(n), b(x), b(math.Jn(n, x)))
			out("Yn", fmt.Sprint(n), b(x), b(math.Yn(n, x)))
		}
	}
	for n := -330; n <= 320; n++ {
		out("Pow10", fmt.Sprint(n), b(math.Pow10(n)))
	}
	for _, e := range []int{-1080, -1074, -1022, -1, 0, 1, 52, 1023, 1024, 2000} {
		out("Ldexp", b(0.75), fmt.Sprint(e), b(math.Ldexp(0.75, e)))
	}
	out("NaN", b(math.NaN()))
	for _, p := range [][2]float32{{1, 2}, {1, 0}, {0, -1}, {-1, -2}, {3.4028235e38, float32(math.Inf(1))}} {
		out("Nextafter32", fmt.Sprint(math.Float32bits(p[0])), fmt.Sprint(math.Float32bits(p[1])),
			fmt.Sprint(math.Float32bits(math.Nextafter32(p[0], p[1]))))
	}
}
