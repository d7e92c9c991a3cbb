// Go's math package semantics over libm. Where Go's special cases differ from C's (Modf, Max,
// Min, Dim, Frexp/Ilogb/Logb of specials, Pow10, NaN's payload) they are implemented here.
#include "stdlib/math/math.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace gol::stdlib::math {
namespace {

constexpr Constant kConstants[] = {
#include "stdlib/math/consts.inc"
};

constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

uint64_t Float64bits(double f) {
    uint64_t b;
    std::memcpy(&b, &f, sizeof b);
    return b;
}
double Float64frombits(uint64_t b) {
    double f;
    std::memcpy(&f, &b, sizeof f);
    return f;
}
uint32_t Float32bits(float f) {
    uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    return b;
}
float Float32frombits(uint32_t b) {
    float f;
    std::memcpy(&f, &b, sizeof f);
    return f;
}

double Inf(int64_t sign) {
    return sign >= 0 ? kInf : -kInf;
}
double NaN() {
    return Float64frombits(0x7FF8000000000001ull);
}
bool IsNaN(double f) {
    return f != f;
}
bool IsInf(double f, int64_t sign) {
    return (sign >= 0 && f > std::numeric_limits<double>::max()) ||
           (sign <= 0 && f < -std::numeric_limits<double>::max());
}
bool Signbit(double x) {
    return (Float64bits(x) & (1ull << 63)) != 0;
}
double Copysign(double f, double sign) {
    constexpr uint64_t kSign = 1ull << 63;
    return Float64frombits((Float64bits(f) & ~kSign) | (Float64bits(sign) & kSign));
}
double Abs(double x) {
    return Float64frombits(Float64bits(x) & ~(1ull << 63));
}

double Floor(double x) {
    return std::floor(x);
}
double Ceil(double x) {
    return std::ceil(x);
}
double Trunc(double x) {
    return std::trunc(x);
}
double Round(double x) {
    return std::round(x);
}

double RoundToEven(double x) {
    // Go's bit manipulation version: independent of the current rounding mode.
    constexpr uint64_t kMask = 0x7FF, kShift = 64 - 11 - 1, kBias = 1023;
    constexpr uint64_t kSignMask = 1ull << 63, kFracMask = (1ull << kShift) - 1;
    constexpr uint64_t kHalfMinusULP = (1ull << (kShift - 1)) - 1;
    uint64_t bits = Float64bits(x);
    uint64_t e = (bits >> kShift) & kMask;
    if (e >= kBias) {
        // |x| >= 1: round to even by adding half minus an ulp plus the integer's lowest bit.
        e -= kBias;
        if (e < kShift) {
            bits += (kHalfMinusULP + ((bits >> (kShift - e)) & 1)) >> e;
            bits &= ~(kFracMask >> e);
        }
    } else if (e == kBias - 1 && (bits & kFracMask) != 0) {
        bits = (bits & kSignMask) | (kBias << kShift); // 0.5 < |x| < 1 rounds to ±1
    } else {
        bits &= kSignMask; // |x| <= 0.5 (incl. denormals) rounds to ±0
    }
    return Float64frombits(bits);
}

ModfResult Modf(double f) {
    if (f < 1) {
        if (f < 0) {
            ModfResult r = Modf(-f);
            return {-r.intPart, -r.frac};
        }
        if (f == 0) return {f, f};
        return {0, f};
    }
    // Clear the fraction bits below the binary point (Inf and NaN keep all their bits).
    uint64_t x = Float64bits(f);
    uint64_t e = ((x >> 52) & 0x7FF) - 1023;
    if (e < 52) x &= ~((1ull << (52 - e)) - 1);
    double ip = Float64frombits(x);
    return {ip, f - ip};
}

FrexpResult Frexp(double f) {
    if (f == 0 || std::isinf(f) || std::isnan(f)) return {f, 0};
    int e;
    double fr = std::frexp(f, &e);
    return {fr, e};
}

double Ldexp(double frac, int64_t exp) {
    if (exp > 100000) exp = 100000; // beyond any finite result; keeps the int conversion safe
    if (exp < -100000) exp = -100000;
    return std::ldexp(frac, static_cast<int>(exp));
}

double Mod(double x, double y) {
    return std::fmod(x, y);
}
double Remainder(double x, double y) {
    return std::remainder(x, y);
}

double Max(double x, double y) {
    if (std::isinf(x) && x > 0) return x;
    if (std::isinf(y) && y > 0) return y;
    if (IsNaN(x) || IsNaN(y)) return NaN();
    if (x == 0 && x == y) return Signbit(x) ? y : x;
    return x > y ? x : y;
}

double Min(double x, double y) {
    if (std::isinf(x) && x < 0) return x;
    if (std::isinf(y) && y < 0) return y;
    if (IsNaN(x) || IsNaN(y)) return NaN();
    if (x == 0 && x == y) return Signbit(x) ? x : y;
    return x < y ? x : y;
}

double Dim(double x, double y) {
    double v = x - y;
    if (v <= 0) return 0; // NaN falls through: Dim(Inf, Inf) and NaN operands give NaN
    return v;
}

double Nextafter(double x, double y) {
    if (IsNaN(x) || IsNaN(y)) return NaN();
    if (x == y) return x;
    if (x == 0) return Copysign(Float64frombits(1), y);
    if ((y > x) == (x > 0)) return Float64frombits(Float64bits(x) + 1);
    return Float64frombits(Float64bits(x) - 1);
}

float Nextafter32(float x, float y) {
    if (x != x || y != y) return static_cast<float>(NaN());
    if (x == y) return x;
    if (x == 0) return std::copysign(Float32frombits(1), y);
    if ((y > x) == (x > 0)) return Float32frombits(Float32bits(x) + 1);
    return Float32frombits(Float32bits(x) - 1);
}

double Sqrt(double x) {
    return std::sqrt(x);
}
double FMA(double x, double y, double z) {
    return std::fma(x, y, z);
}

double Pow10(int64_t n) {
    // Go's tables, so that results match Go's bit for bit (e.g. 1e-300 is 1e-288 / 1e12).
    if (n < -323) return 0;
    if (n > 308) return kInf;
    static constexpr double kPos[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10,
                                      1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                      1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
    static constexpr double kPos32[] = {1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
    static constexpr double kNeg32[] = {1e-0,   1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                        1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
    // Same decomposition and operations as Go: 10^(32*(n/32)) * 10^(n%32), and for negative n
    // 10^-(32*(m/32)) / 10^(m%32).
    if (n >= 0) return kPos32[n / 32] * kPos[n % 32];
    int64_t m = -n;
    return kNeg32[m / 32] / kPos[m % 32];
}

// Go defines Log2 and Log10 through Log rather than as separate functions; following its
// formulas keeps their last bits in step with Go's.
double Log2(double x) {
    FrexpResult f = Frexp(x);
    if (f.frac == 0.5) return static_cast<double>(f.exp - 1); // exact for powers of two
    return Log(f.frac) * 1.44269504088896340735992468100189214 + static_cast<double>(f.exp); // 1/Ln2
}
double Log10(double x) {
    return Log(x) * 0.434294481903251827651128918916605082;
} // 1/Ln10

double Logb(double x) {
    if (x == 0) return -kInf;
    if (std::isinf(x)) return kInf;
    if (IsNaN(x)) return x;
    return std::logb(x);
}

int64_t Ilogb(double x) {
    // Go: Ilogb(±0) = MinInt32, Ilogb(±Inf) = MaxInt32, Ilogb(NaN) = MaxInt32.
    if (x == 0) return INT32_MIN;
    if (IsNaN(x) || std::isinf(x)) return INT32_MAX;
    return std::ilogb(x);
}

const Constant* Constants(size_t* count) {
    *count = sizeof(kConstants) / sizeof(kConstants[0]);
    return kConstants;
}

const Constant* LookupConstant(std::string_view name) {
    for (const Constant& c : kConstants)
        if (c.name == name) return &c;
    return nullptr;
}

} // namespace gol::stdlib::math
