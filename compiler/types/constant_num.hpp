// The exact numbers behind Constant (private to compiler/types/constant*.cpp and
// their unit tests: including Boost.Multiprecision costs seconds per file).
//
// A Float is a BigRat while its numerator and denominator both stay below
// kMaxRatBits (Go's maxExp), else a BigFloat; a BigFloat whose binary exponent
// is within ±kMaxRatBits is turned back into the (exact) BigRat it equals, so a
// BigFloat is always far outside the float64 range.
#pragma once

#include "compiler/types/constant.hpp"

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include <variant>

namespace gol::types::detail {

namespace mp = boost::multiprecision;
using BigInt = mp::cpp_int;
using BigRat = mp::cpp_rational;
// 512 mantissa bits as gc; the exponent is a 32-bit int as big.Float's.
using BigFloat = mp::number<mp::cpp_bin_float<512, mp::digit_base_2>, mp::et_off>;

constexpr size_t kMaxRatBits = 4096;
// Untyped integer constants wider than this are an error (gc's limit).
constexpr size_t kMaxIntBits = 512;

struct ConstNum {
    std::variant<BigInt, BigRat, BigFloat> v;
};

Constant intConst(BigInt v);
// Normalizing constructors (see the invariant above); an infinite BigFloat
// gives Unknown.
Constant floatConst(BigRat v);
Constant floatConst(const BigFloat& v);

const BigInt& intOf(const Constant& c);
// The Float value as a BigFloat (rationals rounded to 512 bits).
BigFloat bigFloatOf(const Constant& c);
const BigRat* ratOf(const Constant& c); // null for a BigFloat

// n/d (d > 0) correctly rounded to nearest-even with `prec` mantissa bits,
// subnormals down to 2^minExp; ±inf beyond the largest finite value of that
// format (maxExp: the exponent of the largest power of two).
double roundRat(const BigInt& n, const BigInt& d, int prec, int minExp, int maxExp);
// The Float or Int value rounded to float64 / float32 (as a double).
double toFloat64(const Constant& c);
double toFloat32(const Constant& c);

} // namespace gol::types::detail
