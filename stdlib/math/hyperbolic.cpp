// Ports of Go's pure-Go Exp2 (exp.go) and Sinh, Cosh, Tanh (sinh.go, tanh.go), operation for
// operation, over the Exp port in explog.cpp, so that they print as Go's do.
#include <cmath>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {
namespace {

// Go's expmulti: e**r × 2**k where r = hi - lo, |r| <= ln2/2.
double expmulti(double hi, double lo, int64_t k) {
    constexpr double P1 = 1.66666666666666657415e-01, P2 = -2.77777777770155933842e-03,
                     P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                     P5 = 4.13813679705723846039e-08;
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return Ldexp(y, k);
}

} // namespace

double Exp2(double x) {
    constexpr double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    constexpr double Overflow = 1.0239999999999999e+03, Underflow = -1.0740e+03;
    if (IsNaN(x) || IsInf(x, 1)) return x;
    if (IsInf(x, -1)) return 0;
    if (x > Overflow) return Inf(1);
    if (x < Underflow) return 0;
    int64_t k = 0;
    if (x > 0)
        k = static_cast<int64_t>(x + 0.5);
    else if (x < 0)
        k = static_cast<int64_t>(x - 0.5);
    double t = x - static_cast<double>(k);
    double hi = t * Ln2Hi;
    double lo = -t * Ln2Lo;
    return expmulti(hi, lo, k);
}

double Sinh(double x) {
    constexpr double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
                     P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2,
                     Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
                     Q2 = -0.173678953558233699533450911e+3;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > 21) {
        temp = Exp(x) * 0.5;
    } else if (x > 0.5) {
        double ex = Exp(x);
        temp = (ex - 1 / ex) * 0.5;
    } else {
        double sq = x * x;
        temp = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
        temp = temp / (((sq + Q2) * sq + Q1) * sq + Q0);
    }
    return sign ? -temp : temp;
}

double Cosh(double x) {
    x = Abs(x);
    if (x > 21) return Exp(x) * 0.5;
    double ex = Exp(x);
    return (ex + 1 / ex) * 0.5;
}

double Tanh(double x) {
    constexpr double kP[] = {-9.64399179425052238628e-1, -9.92877231001918586564e1,
                             -1.61468768441708447952e3};
    constexpr double kQ[] = {1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3};
    constexpr double MAXLOG = 8.8029691931113054295988e+01; // log(2**127)
    double z = Abs(x);
    if (z > 0.5 * MAXLOG) return x < 0 ? -1 : 1;
    if (z >= 0.625) {
        double s = Exp(2 * z);
        z = 1 - 2 / (s + 1);
        return x < 0 ? -z : z;
    }
    if (x == 0) return x;
    double s = x * x;
    return x + x * s * ((kP[0] * s + kP[1]) * s + kP[2]) / (((s + kQ[0]) * s + kQ[1]) * s + kQ[2]);
}

} // namespace gol::stdlib::math
