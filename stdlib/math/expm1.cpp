// Ports of Go's pure-Go Expm1 and Log1p (FreeBSD's s_expm1.c and s_log1p.c as translated in Go's
// expm1.go and log1p.go) and of Asinh, Acosh, Atanh built on them, operation for operation.
#include <cmath>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {

double Expm1(double x) {
    constexpr double Othreshold = 7.09782712893383973096e+02, Ln2X56 = 3.88162421113569373274e+01,
                     Ln2HalfX3 = 1.03972077083991796413e+00, Ln2Half = 3.46573590279972654709e-01,
                     Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10,
                     InvLn2 = 1.44269504088896338700e+00, Tiny = 1.0 / (1ull << 54);
    constexpr double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                     Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                     Q5 = -2.01099218183624371326e-07;
    if (IsInf(x, 1) || IsNaN(x)) return x;
    if (IsInf(x, -1)) return -1;
    double absx = x;
    bool sign = false;
    if (x < 0) {
        absx = -absx;
        sign = true;
    }
    if (absx >= Ln2X56) { // |x| >= 56 * ln2
        if (sign) return -1;
        if (absx >= Othreshold) return Inf(1);
    }
    // Argument reduction: x = k*ln2 + r with |r| <= 0.5*ln2, r = hi - lo, c the rounding error.
    double c = 0;
    int64_t k = 0;
    if (absx > Ln2Half) {
        double hi, lo;
        if (absx < Ln2HalfX3) {
            if (!sign) {
                hi = x - Ln2Hi;
                lo = Ln2Lo;
                k = 1;
            } else {
                hi = x + Ln2Hi;
                lo = -Ln2Lo;
                k = -1;
            }
        } else {
            k = static_cast<int64_t>(sign ? InvLn2 * x - 0.5 : InvLn2 * x + 0.5);
            double t = static_cast<double>(k);
            hi = x - t * Ln2Hi; // exact
            lo = t * Ln2Lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (absx < Tiny) {
        return x;
    } else {
        k = 0;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) return x - (x * e - hxs); // c is 0
    e = (x * (e - c) - c);
    e -= hxs;
    auto addExp = [](double y, int64_t kk) { // add kk to y's exponent
        return Float64frombits(Float64bits(y) + (static_cast<uint64_t>(kk) << 52));
    };
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25) return -2 * (e - (x + 0.5));
        return 1 + 2 * (x - e);
    }
    if (k <= -2 || k > 56) { // exp(x)-1 suffices
        double y = 1 - (e - x);
        y = addExp(y, k);
        return y - 1;
    }
    if (k < 20) {
        double tt = Float64frombits(0x3ff0000000000000ull - (0x20000000000000ull >> k)); // 1-2**-k
        double y = tt - (e - x);
        return addExp(y, k);
    }
    double tt = Float64frombits(static_cast<uint64_t>(0x3ff - k) << 52); // 2**-k
    double y = x - (e + tt);
    y++;
    return addExp(y, k);
}

double Log1p(double x) {
    constexpr double Sqrt2M1 = 4.142135623730950488017e-01, Sqrt2HalfM1 = -2.928932188134524755992e-01,
                     Small = 1.0 / (1 << 29), Tiny = 1.0 / (1ull << 54),
                     Two53 = static_cast<double>(1ull << 53), Ln2Hi = 6.93147180369123816490e-01,
                     Ln2Lo = 1.90821492927058770002e-10;
    constexpr double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01,
                     Lp3 = 2.857142874366239149e-01, Lp4 = 2.222219843214978396e-01,
                     Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
                     Lp7 = 1.479819860511658591e-01;
    if (x < -1 || IsNaN(x)) return NaN();
    if (x == -1) return Inf(-1);
    if (IsInf(x, 1)) return Inf(1);
    double absx = Abs(x);
    double f = 0;
    uint64_t iu = 0;
    int64_t k = 1;
    if (absx < Sqrt2M1) {
        if (absx < Small) {
            if (absx < Tiny) return x;
            return x - x * x * 0.5;
        }
        if (x > Sqrt2HalfM1) {
            k = 0;
            f = x;
            iu = 1;
        }
    }
    double c = 0;
    if (k != 0) {
        double u;
        if (absx < Two53) {
            u = 1.0 + x;
            iu = Float64bits(u);
            k = static_cast<int64_t>((iu >> 52) - 1023);
            c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
            c /= u;
        } else {
            u = x;
            iu = Float64bits(u);
            k = static_cast<int64_t>((iu >> 52) - 1023);
            c = 0;
        }
        iu &= 0x000fffffffffffffull;
        if (iu < 0x0006a09e667f3bcdull) { // mantissa of Sqrt(2)
            u = Float64frombits(iu | 0x3ff0000000000000ull);
        } else {
            ++k;
            u = Float64frombits(iu | 0x3fe0000000000000ull);
            iu = (0x0010000000000000ull - iu) >> 2;
        }
        f = u - 1.0; // Sqrt(2)/2 < u < Sqrt(2)
    }
    double hfsq = 0.5 * f * f;
    double fk = static_cast<double>(k);
    if (iu == 0) { // |f| < 2**-20
        if (f == 0) {
            if (k == 0) return 0;
            c += fk * Ln2Lo;
            return fk * Ln2Hi + c;
        }
        double R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0) return f - R;
        return fk * Ln2Hi - ((R - (fk * Ln2Lo + c)) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return fk * Ln2Hi - ((hfsq - (s * (hfsq + R) + (fk * Ln2Lo + c))) - f);
}

double Asinh(double x) {
    constexpr double Ln2 = 6.93147180559945286227e-01, NearZero = 1.0 / (1 << 28), Large = 1 << 28;
    if (IsNaN(x) || std::isinf(x)) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > Large)
        temp = Log(x) + Ln2;
    else if (x > 2)
        temp = Log(2 * x + 1 / (Sqrt(x * x + 1) + x));
    else if (x < NearZero)
        temp = x;
    else
        temp = Log1p(x + x * x / (1 + Sqrt(1 + x * x)));
    return sign ? -temp : temp;
}

double Acosh(double x) {
    constexpr double Large = 1 << 28;
    constexpr double Ln2 = 0.693147180559945309417232121458176568075500134360255254120680009;
    if (x < 1 || IsNaN(x)) return NaN();
    if (x == 1) return 0;
    if (x >= Large) return Log(x) + Ln2;
    if (x > 2) return Log(2 * x - 1 / (x + Sqrt(x * x - 1)));
    double t = x - 1;
    return Log1p(t + Sqrt(2 * t + t * t));
}

double Atanh(double x) {
    constexpr double NearZero = 1.0 / (1 << 28);
    if (x < -1 || x > 1 || IsNaN(x)) return NaN();
    if (x == 1) return Inf(1);
    if (x == -1) return Inf(-1);
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x < NearZero) {
        temp = x;
    } else if (x < 0.5) {
        temp = x + x;
        temp = 0.5 * Log1p(temp + temp * x / (1 - x));
    } else {
        temp = 0.5 * Log1p((x + x) / (1 - x));
    }
    return sign ? -temp : temp;
}

} // namespace gol::stdlib::math
