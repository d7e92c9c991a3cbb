// Port of Go's pow.go. Go's Pow is its own algorithm (repeated squaring on Frexp's mantissa,
// plus Exp(yf*Log(x)) for a fractional exponent), not a correctly rounded pow: math.Pow(1e300, 0.1)
// differs from glibc's by dozens of ulps. Following Go operation for operation reproduces its
// output; for integral y the result depends on nothing else and is Go's bit for bit.
#include <cmath>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {
namespace {

bool isOddInt(double x) {
    ModfResult m = Modf(x);
    // Go's int64(xi) of a huge xi is implementation-defined; such values are even anyway.
    if (m.frac != 0 || std::fabs(m.intPart) >= 9007199254740992.0) return false;
    return (static_cast<int64_t>(m.intPart) & 1) == 1;
}

} // namespace

double Pow(double x, double y) {
    if (y == 0 || x == 1) return 1;
    if (y == 1) return x;
    if (IsNaN(x) || IsNaN(y)) return NaN();
    if (x == 0) {
        if (y < 0) return isOddInt(y) ? Copysign(Inf(1), x) : Inf(1);
        if (y > 0) return isOddInt(y) ? x : 0;
    }
    if (std::isinf(y)) {
        if (x == -1) return 1;
        if ((Abs(x) < 1) == (y > 0)) return 0;
        return Inf(1);
    }
    if (std::isinf(x)) {
        if (x < 0) return Pow(1 / x, -y); // Pow(-0, -y)
        if (y < 0) return 0;
        if (y > 0) return Inf(1);
    }
    if (y == 0.5) return Sqrt(x);
    if (y == -0.5) return 1 / Sqrt(x);

    ModfResult m = Modf(Abs(y));
    double yi = m.intPart, yf = m.frac;
    if (yf != 0 && x < 0) return NaN();
    if (yi >= 9223372036854775808.0) { // 1<<63: the loop below would need more bits
        if (x == -1) return 1;
        if ((Abs(x) < 1) == (y > 0)) return 0;
        return Inf(1);
    }
    // ans = a1 * 2**ae (= 1 for now).
    double a1 = 1.0;
    int64_t ae = 0;
    if (yf != 0) { // ans *= x**yf
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = Exp(yf * Log(x));
    }
    // ans *= x**yi by repeated squaring, keeping the exponent apart to avoid overflow.
    FrexpResult f = Frexp(x);
    double x1 = f.frac;
    int64_t xe = f.exp;
    for (int64_t i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
        if (xe < -(1 << 12) || (1 << 12) < xe) {
            // Catastrophic overflow: the result is 0 or ±Inf anyway; Ldexp will tell.
            ae += xe;
            break;
        }
        if (i & 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if (x1 < .5) {
            x1 += x1;
            xe--;
        }
    }
    // ans = a1 * 2**ae; if y < 0, ans = 1/ans, with the exponent negated separately.
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    return Ldexp(a1, ae);
}

} // namespace gol::stdlib::math
