// Port of Go's gamma.go (Cephes' Gamma with Stirling's formula for large arguments), operation
// for operation over the Pow and Exp ports, so that math.Gamma prints as in Go.
#include <cmath>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {
namespace {

constexpr double kPi = 3.14159265358979323846264338327950288419716939937510582097494459;

constexpr double kGamP[] = {1.60119522476751861407e-04, 1.19135147006586384913e-03,
                            1.04213797561761569935e-02, 4.76367800457137231464e-02,
                            2.07448227648435975150e-01, 4.94214826801497100753e-01,
                            9.99999999999999996796e-01};
constexpr double kGamQ[] = {-2.31581873324120129819e-05, 5.39605580493303397842e-04,
                            -4.45641913851797240494e-03, 1.18139785222060435552e-02,
                            3.58236398605498653373e-02,  -2.34591795718243348568e-01,
                            7.14304917030273074085e-02,  1.00000000000000000320e+00};
constexpr double kGamS[] = {7.87311395793093628397e-04, -2.29549961613378126380e-04,
                            -2.68132617805781232825e-03, 3.47222221605458667310e-03,
                            8.33333333333482257126e-02};

struct Stirling {
    double y1, y2; // Gamma(x) = y1 * y2, split to avoid intermediate overflow
};

Stirling stirling(double x) {
    if (x > 200) return {Inf(1), 1};
    constexpr double SqrtTwoPi = 2.506628274631000502417, MaxStirling = 143.01608;
    double w = 1 / x;
    w = 1 + w * ((((kGamS[0] * w + kGamS[1]) * w + kGamS[2]) * w + kGamS[3]) * w + kGamS[4]);
    double y1 = Exp(x);
    double y2 = 1.0;
    if (x > MaxStirling) { // avoid Pow() overflow
        double v = Pow(x, 0.5 * x - 0.25);
        y2 = v / y1;
        y1 = v;
    } else {
        y1 = Pow(x, x - 0.5) / y1;
    }
    return {y1, SqrtTwoPi * w * y2};
}

bool isNegInt(double x) {
    return x < 0 && Modf(x).frac == 0;
}

} // namespace

double Gamma(double x) {
    constexpr double Euler = 0.57721566490153286060651209008240243104215933593992;
    if (isNegInt(x) || IsInf(x, -1) || IsNaN(x)) return NaN();
    if (IsInf(x, 1)) return Inf(1);
    if (x == 0) return Signbit(x) ? Inf(-1) : Inf(1);
    double q = Abs(x);
    double p = Floor(q);
    if (q > 33) {
        if (x >= 0) {
            Stirling s = stirling(x);
            return s.y1 * s.y2;
        }
        // Reflection formula for negative x.
        int64_t signgam = 1;
        if ((static_cast<int64_t>(p) & 1) == 0) signgam = -1;
        double z = q - p;
        if (z > 0.5) {
            p = p + 1;
            z = q - p;
        }
        z = q * Sin(kPi * z);
        if (z == 0) return Inf(signgam);
        Stirling s = stirling(q);
        double absz = Abs(z);
        double d = absz * s.y1 * s.y2;
        if (std::isinf(d))
            z = kPi / absz / s.y1 / s.y2;
        else
            z = kPi / d;
        return static_cast<double>(signgam) * z;
    }
    // Reduce the argument to [2, 3).
    double z = 1.0;
    while (x >= 3) {
        x = x - 1;
        z = z * x;
    }
    bool small = false;
    while (x < 0) {
        if (x > -1e-09) {
            small = true;
            break;
        }
        z = z / x;
        x = x + 1;
    }
    if (!small) {
        while (x < 2) {
            if (x < 1e-09) {
                small = true;
                break;
            }
            z = z / x;
            x = x + 1;
        }
    }
    if (small) {
        if (x == 0) return Inf(1);
        return z / ((1 + Euler * x) * x);
    }
    if (x == 2) return z;
    x = x - 2;
    p = (((((x * kGamP[0] + kGamP[1]) * x + kGamP[2]) * x + kGamP[3]) * x + kGamP[4]) * x + kGamP[5]) * x +
        kGamP[6];
    q = ((((((x * kGamQ[0] + kGamQ[1]) * x + kGamQ[2]) * x + kGamQ[3]) * x + kGamQ[4]) * x + kGamQ[5]) * x +
         kGamQ[6]) *
            x +
        kGamQ[7];
    return z * p / q;
}

} // namespace gol::stdlib::math
