// Erfinv and Erfcinv: Wichura's rational approximations of the normal quantile function
// (Algorithm AS 241, PPND16, Applied Statistics 37(3), 1988), turned into the inverse error
// function by erfinv(x) = ppnd16((1+x)/2) / sqrt(2). Go uses the same approximations with the
// scaling folded into the coefficients: in the central region the numerator is divided by
// 2*sqrt(2), in the tails the denominators are multiplied by sqrt(2). Evaluating them with the
// same operations in the same order (Horner, no fused multiply-add) gives Go's bits.
#include <cmath>
#include <limits>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {
namespace {

// Coefficients from the constant term up.
struct Rational {
    double num[8], den[8];
};

// |x| <= 0.85, in r = 0.180625 - x*x/4 (AS 241's q*q with q = x/2).
constexpr Rational kCentral = {
    {1.1975323115670912564578e0, 4.7072688112383978012285e1, 6.9706266534389598238465e2,
     4.8548868893843886794648e3, 1.6235862515167575384252e4, 2.3782041382114385731252e4,
     1.1819493347062294404278e4, 8.8709406962545514830200e2},
    {1.0000000000000000000e0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
     2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3},
};

// Tail, r = sqrt(-log((1-|x|)/2)) <= 5, evaluated at r - 1.6.
constexpr Rational kNearTail = {
    {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
     1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2,
     7.74545014278341407640e-4},
    {1.4142135623730950488016887e0, 2.9036514445419946173133295e0, 2.3707661626024532365971225e0,
     9.7547832001787427186894837e-1, 2.0945065210512749128288442e-1, 2.1494160384252876777097297e-2,
     7.7441459065157709165577218e-4, 1.4859850019840355905497876e-9},
};

// Far tail, r > 5, evaluated at r - 5.
constexpr Rational kFarTail = {
    {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
     2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5,
     2.01033439929228813265e-7},
    {1.414213562373095048801689e0, 8.482908416595164588112026e-1, 1.936480946950659106176712e-1,
     2.103693768272068968719679e-2, 1.112800997078859844711555e-3, 2.611088405080593625138020e-5,
     2.010321207683943062279931e-7, 2.891024605872965461538222e-15},
};

double horner(const double (&c)[8], double r) {
    double v = c[7];
    for (int k = 6; k >= 0; k--)
        v = v * r + c[k];
    return v;
}

constexpr double kLn2 = 0.693147180559945309417232121458176568;

} // namespace

double Erfinv(double x) {
    if (std::isnan(x) || x <= -1 || x >= 1) {
        if (x == -1 || x == 1) return std::copysign(std::numeric_limits<double>::infinity(), x);
        return NaN();
    }
    double a = x < 0 ? -x : x, ans; // not fabs: Erfinv(-0) is -0, as in Go
    if (a <= 0.85) {
        double r = 0.180625 - 0.25 * a * a;
        ans = (a * horner(kCentral.num, r)) / horner(kCentral.den, r);
    } else {
        double r = std::sqrt(kLn2 - Log(1.0 - a));
        const Rational& q = r <= 5.0 ? kNearTail : kFarTail;
        r -= r <= 5.0 ? 1.6 : 5.0;
        ans = horner(q.num, r) / horner(q.den, r);
    }
    return x < 0 ? -ans : ans;
}

double Erfcinv(double x) {
    return Erfinv(1 - x);
}

} // namespace gol::stdlib::math
