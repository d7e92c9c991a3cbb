// Ports of Go's pure-Go math functions (sin.go, tan.go, trig_reduce.go, atan.go, asin.go,
// atan2.go, cbrt.go: Cephes and FreeBSD algorithms). Go runs these same instructions on every
// architecture, so copying them operation for operation (no FMA contraction: the build is ISO
// C++, which disables it) gives Go's results bit for bit, which libm's differently-rounded
// answers do not (math.Sin(math.Pi) prints 1.2246467991473515e-16 in Go, ...532e-16 with glibc).
//
// Constants that Go computes exactly at compile time (4/Pi, 3*Pi/4) are written out as
// decimal literals so that they are rounded once, as Go rounds them.
#include <cmath>

#include "stdlib/math/math.hpp"

namespace gol::stdlib::math {
namespace {

constexpr double kPi = 3.14159265358979323846264338327950288419716939937510582097494459;
constexpr double kPi2 = kPi / 2; // exact: a power-of-two scaling of the rounded Pi
constexpr double kPi4 = kPi / 4; // exact, likewise
constexpr double k4OverPi = 1.27323954473516268615107010698011489627567716592365;          // 4/Pi
constexpr double k3Pi4 = 2.35619449019234492884698253745962716314787704953132936573120844; // 3*Pi/4

// Pi/4 split into three parts for extended-precision argument reduction.
constexpr double PI4A = 7.85398125648498535156e-1;
constexpr double PI4B = 3.77489470793079817668e-8;
constexpr double PI4C = 2.69515142907905952645e-15;

constexpr double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8,
                           2.75573136213857245213e-6,  -1.98412698295895385996e-4,
                           8.33333333332211858878e-3,  -1.66666666666666307295e-1};
constexpr double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,
                           -2.75573141792967388112e-7,  2.48015872888517045348e-5,
                           -1.38888888888730564116e-3,  4.16666666666665929218e-2};
constexpr double kTanP[] = {-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7};
constexpr double kTanQ[] = {1.00000000000000000000e0, 1.36812963470692954678e4, -1.32089234440210967447e6,
                            2.50083801823357915839e7, -5.38695755929454629881e7};

// Above this, x*(4/Pi) loses the octant bits: Payne-Hanek reduction with 4/Pi's binary digits.
constexpr double kReduceThreshold = 1 << 29;

// The binary digits of 4/Pi, as Go's mPi4.
constexpr uint64_t kMPi4[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083, 0xfca2c757bd778ac3,
    0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d, 0xd1046bea5d768909, 0xd338e04d68befc82,
    0x7323ac7306a673e9, 0x3908bf177bf25076, 0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e,
    0x9e8c7ecd3cbfd45a, 0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
};

struct Reduced {
    uint64_t j;
    double z;
};

// Go's trigReduce: x (>= reduceThreshold) modulo Pi/4 as an octant j and a remainder z.
Reduced trigReduce(double x) {
    constexpr unsigned kShift = 52, kMask = 0x7FF, kBias = 1023;
    if (x < kPi4) return {0, x};
    uint64_t ix = Float64bits(x);
    int exp = static_cast<int>((ix >> kShift) & kMask) - static_cast<int>(kBias) - static_cast<int>(kShift);
    ix &= ~(uint64_t{kMask} << kShift);
    ix |= uint64_t{1} << kShift;
    unsigned digit = static_cast<unsigned>(exp + 61) / 64, bitshift = static_cast<unsigned>(exp + 61) % 64;
    // Go's shifts by 64 yield 0; C++'s are undefined, hence the guards.
    auto shr = [](uint64_t v, unsigned s) { return s >= 64 ? uint64_t{0} : v >> s; };
    uint64_t z0 = (kMPi4[digit] << bitshift) | shr(kMPi4[digit + 1], 64 - bitshift);
    uint64_t z1 = (kMPi4[digit + 1] << bitshift) | shr(kMPi4[digit + 2], 64 - bitshift);
    uint64_t z2 = (kMPi4[digit + 2] << bitshift) | shr(kMPi4[digit + 3], 64 - bitshift);
    unsigned __int128 p2 = static_cast<unsigned __int128>(z2) * ix;
    unsigned __int128 p1 = static_cast<unsigned __int128>(z1) * ix;
    uint64_t z2hi = static_cast<uint64_t>(p2 >> 64);
    uint64_t z1hi = static_cast<uint64_t>(p1 >> 64), z1lo = static_cast<uint64_t>(p1);
    uint64_t z0lo = z0 * ix;
    uint64_t lo = z1lo + z2hi;
    uint64_t c = lo < z1lo ? 1 : 0;
    uint64_t hi = z0lo + z1hi + c;
    uint64_t j = hi >> 61;
    hi = hi << 3 | lo >> 61;
    unsigned lz = static_cast<unsigned>(__builtin_clzll(hi)); // hi != 0: 4/Pi has no long zero runs
    uint64_t e = static_cast<uint64_t>(kBias - (lz + 1));
    hi = (hi << (lz + 1)) | shr(lo, 64 - (lz + 1));
    hi >>= 64 - kShift;
    hi |= e << kShift;
    double z = Float64frombits(hi);
    if (j & 1) {
        ++j;
        j &= 7;
        z--;
    }
    return {j, z * kPi4};
}

// Octant and remainder of x >= 0 for sin/cos/tan; `mapOdd` maps odd octants up, as Go does.
Reduced reduce(double x, bool mask7) {
    if (x >= kReduceThreshold) return trigReduce(x);
    uint64_t j = static_cast<uint64_t>(x * k4OverPi); // integer part of x/(Pi/4)
    double y = static_cast<double>(j);
    if (j & 1) { // map zeros to origin
        ++j;
        ++y;
    }
    if (mask7) j &= 7; // octant modulo 2Pi
    return {j, ((x - y * PI4A) - y * PI4B) - y * PI4C};
}

double sinPoly(double z, double zz) {
    return z +
           z * zz *
               ((((((kSin[0] * zz) + kSin[1]) * zz + kSin[2]) * zz + kSin[3]) * zz + kSin[4]) * zz + kSin[5]);
}
double cosPoly(double zz) {
    return 1.0 - 0.5 * zz +
           zz * zz *
               ((((((kCos[0] * zz) + kCos[1]) * zz + kCos[2]) * zz + kCos[3]) * zz + kCos[4]) * zz + kCos[5]);
}

double xatan(double x) {
    constexpr double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
                     P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
                     P4 = -6.485021904942025371773e+01, Q0 = +2.485846490142306297962e+01,
                     Q1 = +1.650270098316988542046e+02, Q2 = +4.328810604912902668951e+02,
                     Q3 = +4.853903996359136964868e+02, Q4 = +1.945506571482613964425e+02;
    double z = x * x;
    z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) /
        (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    return x * z + x;
}

double satan(double x) {
    constexpr double Morebits = 6.123233995736765886130e-17; // pi/2 = PIO2 + Morebits
    constexpr double Tan3pio8 = 2.41421356237309504880;      // tan(3*pi/8)
    if (x <= 0.66) return xatan(x);
    if (x > Tan3pio8) return kPi2 - xatan(1 / x) + Morebits;
    return kPi4 + xatan((x - 1) / (x + 1)) + 0.5 * Morebits;
}

} // namespace

double Sin(double x) {
    if (x == 0 || IsNaN(x)) return x;
    if (std::isinf(x)) return NaN();
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    Reduced r = reduce(x, true);
    uint64_t j = r.j;
    if (j > 3) {
        sign = !sign;
        j -= 4;
    }
    double zz = r.z * r.z;
    double y = (j == 1 || j == 2) ? cosPoly(zz) : sinPoly(r.z, zz);
    return sign ? -y : y;
}

double Cos(double x) {
    if (IsNaN(x) || std::isinf(x)) return NaN();
    bool sign = false;
    x = Abs(x);
    Reduced r = reduce(x, true);
    uint64_t j = r.j;
    if (j > 3) {
        j -= 4;
        sign = !sign;
    }
    if (j > 1) sign = !sign;
    double zz = r.z * r.z;
    double y = (j == 1 || j == 2) ? sinPoly(r.z, zz) : cosPoly(zz);
    return sign ? -y : y;
}

double Tan(double x) {
    if (x == 0 || IsNaN(x)) return x;
    if (std::isinf(x)) return NaN();
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    Reduced r = reduce(x, false);
    double z = r.z, zz = z * z, y;
    if (zz > 1e-14)
        y = z + z * (zz * (((kTanP[0] * zz) + kTanP[1]) * zz + kTanP[2]) /
                     ((((zz + kTanQ[1]) * zz + kTanQ[2]) * zz + kTanQ[3]) * zz + kTanQ[4]));
    else
        y = z;
    if (r.j & 2) y = -1 / y;
    return sign ? -y : y;
}

double Atan(double x) {
    if (x == 0) return x;
    return x > 0 ? satan(x) : -satan(-x);
}

double Asin(double x) {
    if (x == 0) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    if (x > 1) return NaN();
    double temp = Sqrt(1 - x * x);
    temp = x > 0.7 ? kPi2 - satan(temp / x) : satan(x / temp);
    return sign ? -temp : temp;
}

double Acos(double x) {
    return kPi2 - Asin(x);
}

double Atan2(double y, double x) {
    if (IsNaN(y) || IsNaN(x)) return NaN();
    if (y == 0) return (x >= 0 && !Signbit(x)) ? Copysign(0, y) : Copysign(kPi, y);
    if (x == 0) return Copysign(kPi2, y);
    if (std::isinf(x)) {
        if (x > 0) return std::isinf(y) ? Copysign(kPi4, y) : Copysign(0, y);
        return std::isinf(y) ? Copysign(k3Pi4, y) : Copysign(kPi, y);
    }
    if (std::isinf(y)) return Copysign(kPi2, y);
    double q = Atan(y / x);
    if (x < 0) return q <= 0 ? q + kPi : q - kPi;
    return q;
}

double Cbrt(double x) {
    constexpr uint64_t B1 = 715094163; // (682-0.03306235651)*2**20
    constexpr uint64_t B2 = 696219795; // (664-0.03306235651)*2**20
    constexpr double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
                     E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00,
                     G = 3.57142857142857150787e-01, SmallestNormal = 2.22507385850720138309e-308;
    if (x == 0 || IsNaN(x) || std::isinf(x)) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    // Rough cbrt to 5 bits, then refined.
    double t = Float64frombits(Float64bits(x) / 3 + (B1 << 32));
    if (x < SmallestNormal) { // subnormal: scale up by 2**54 first
        t = static_cast<double>(uint64_t{1} << 54);
        t *= x;
        t = Float64frombits(Float64bits(t) / 3 + (B2 << 32));
    }
    double r = t * t / x;
    double s = C + r * t;
    t *= G + F / (s + E + D / s);
    t = Float64frombits((Float64bits(t) & (0xFFFFFFFFCull << 28)) + (uint64_t{1} << 30));
    s = t * t; // exact
    r = x / s;
    double w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return sign ? -t : t;
}

} // namespace gol::stdlib::math
