// Ports of Go's amd64 assembly for Exp, Log and Hypot (src/math/{exp,log,hypot}_amd64.s), which
// is what Go runs on x86-64, instruction for instruction. They are Go's own algorithms, so libm's
// answers differ from Go's in the last bits, and Go's Log even mishandles subnormal arguments
// (math.Log(5e-324) is -709.09 in Go on amd64); matching Go's printed output means matching these.
//
// Go picks an FMA variant of Exp at startup when the CPU has AVX and FMA; so do we, with the
// same CPU test, so results agree with Go on the same machine.
#include <cmath>
#include <cstdint>
#include <limits>

#include "stdlib/math/math.hpp"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace gol::stdlib::math {
namespace {

constexpr uint64_t kPosInf = 0x7FF0000000000000ull;
constexpr uint64_t kNegInf = 0xFFF0000000000000ull;
constexpr uint64_t kSignMask = ~(1ull << 63);

// CVTSD2SL: round to nearest even; out-of-range and NaN give INT32_MIN ("integer indefinite").
int32_t cvtsd2sl(double v) {
#if defined(__x86_64__)
    return _mm_cvtsd_si32(_mm_set_sd(v));
#else
    if (!(v > -2147483648.5 && v < 2147483647.5)) return INT32_MIN;
    return static_cast<int32_t>(std::nearbyint(v));
#endif
}

bool cpuHasAVXAndFMA() {
#if defined(__x86_64__)
    // Computed once; a function-local static is initialized thread-safely and never changes.
    static const bool has = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
    return has;
#else
    return false;
#endif
}

} // namespace

double Exp(double x) {
    constexpr double LOG2E = 1.4426950408889634073599246810018920;
    constexpr double LN2U = 0.69314718055966295651160180568695068359375;
    constexpr double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    constexpr double Overflow = 7.09782712893384e+02;
    // Taylor coefficients 1/2!, 1, 2 and 1/3! ... 1/8! (Go's exprodata table).
    constexpr double c0 = 0.5, c8 = 1.0, c16 = 2.0, c24 = 1.6666666666666666667e-1,
                     c32 = 4.1666666666666666667e-2, c40 = 8.3333333333333333333e-3,
                     c48 = 1.3888888888888888889e-3, c56 = 1.9841269841269841270e-4,
                     c64 = 2.4801587301587301587e-5;
    uint64_t bx = Float64bits(x);
    if ((bx & kSignMask) >= kPosInf) { // not finite
        if (bx == kNegInf) return 0;
        return x; // NaN or +Inf
    }
    if (x > Overflow) return Inf(1);
    int32_t k = cvtsd2sl(LOG2E * x); // exponent
    double x1 = static_cast<double>(k);
    double x0 = x;
    if (cpuHasAVXAndFMA()) {
        x0 = std::fma(-x1, LN2U, x0);
        x0 = std::fma(-x1, LN2L, x0);
        x0 *= 0.0625;
        double p = c64;
        p = std::fma(p, x0, c56);
        p = std::fma(p, x0, c48);
        p = std::fma(p, x0, c40);
        p = std::fma(p, x0, c32);
        p = std::fma(p, x0, c24);
        p = std::fma(p, x0, c0);
        p = std::fma(p, x0, c8);
        x0 *= p;
        // expm1(r/16) squared up four times: y = y*(y+2), the last one fused with the final +1.
        double t = x0 + c16;
        x0 *= t;
        t = x0 + c16;
        x0 *= t;
        t = x0 + c16;
        x0 *= t;
        t = x0 + c16;
        x0 = std::fma(x0, t, c8);
    } else {
        x0 -= x1 * LN2U;
        x0 -= x1 * LN2L;
        x0 *= 0.0625;
        double p = c64 * x0;
        p += c56;
        p *= x0;
        p += c48;
        p *= x0;
        p += c40;
        p *= x0;
        p += c32;
        p *= x0;
        p += c24;
        p *= x0;
        p += c0;
        p *= x0;
        p += c8;
        x0 *= p;
        for (int i = 0; i < 4; ++i) {
            double t = c16 + x0;
            x0 *= t;
        }
        x0 += c8;
    }
    // ldexp(x0, k) by building the power of two directly.
    int64_t e = static_cast<int64_t>(k) + 0x3FF;
    if (e <= 0) { // denormal result
        if (e < -52) return 0;
        e += 0x3FE;
        x0 *= Float64frombits(static_cast<uint64_t>(e) << 52);
        e = 1;
    } else if (e >= 0x7FF) {
        return Inf(1);
    }
    return x0 * Float64frombits(static_cast<uint64_t>(e) << 52);
}

double Log(double x) {
    constexpr double HSqrt2 = 7.07106781186547524401e-01; // sqrt(2)/2
    constexpr double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                     L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                     L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                     L7 = 1.479819860511658591e-01;
    uint64_t bx = Float64bits(x);
    if ((bx & kSignMask) == 0) return -std::numeric_limits<double>::infinity();
    if (static_cast<int64_t>(bx) < 0) return NaN();
    if (bx >= kPosInf) return x; // +Inf or NaN
    // f1 = mantissa with exponent of 0.5, k = exponent + 1. Like Go's assembly this reads the
    // raw exponent field, so subnormals are not normalized first.
    double f1 = Float64frombits((bx & 0x000FFFFFFFFFFFFFull) | Float64bits(0.5));
    double k = static_cast<double>(static_cast<int32_t>((bx >> 52) & 0x7FF) - 0x3FE);
    double adj = (f1 <= HSqrt2) ? 1.0 : 0.0; // CMPSD not-less-than: HSqrt2 >= f1
    k -= adj;
    f1 *= adj + 1.0;
    double f = f1 - 1.0;
    double s = f / (2.0 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = L7 * s4;
    t1 += L5;
    t1 *= s4;
    t1 += L3;
    t1 *= s4;
    t1 += L1;
    t1 = s2 * t1;
    double t2 = L6 * s4;
    t2 += L4;
    t2 *= s4;
    t2 += L2;
    t2 = s4 * t2;
    double R = t1 + t2;
    double hfsq = 0.5 * f;
    hfsq *= f;
    double x3 = s * (R + hfsq);
    x3 += Ln2Lo * k;
    double x0 = hfsq - x3;
    x0 -= f;
    return k * Ln2Hi - x0;
}

double Hypot(double p, double q) {
    uint64_t bp = Float64bits(p) & kSignMask, bq = Float64bits(q) & kSignMask;
    if (bp >= kPosInf || bq >= kPosInf) {
        if (bp == kPosInf || bq == kPosInf) return Inf(1);
        return NaN();
    }
    if ((bp | bq) == 0) return 0;
    double a = Float64frombits(bp), b = Float64frombits(bq);
    double hi = a > b ? a : b, lo = a > b ? b : a;
    lo /= hi;
    lo *= lo;
    lo += 1.0;
    lo = std::sqrt(lo);
    return hi * lo;
}

} // namespace gol::stdlib::math
