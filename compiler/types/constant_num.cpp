// The exact numbers behind Constant: normalization between rationals and
// 512-bit floats, correctly rounded conversion to float64/float32, Go literal
// parsing and Go's constant formatting (go/constant's String).
#include "compiler/types/constant_num.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gol::types::detail {

namespace {

size_t bits(const BigInt& x) {
    return x == 0 ? 0 : mp::msb(mp::abs(x)) + 1;
}

// A BigFloat turns back into the rational it equals when its exponent is small
// enough for that rational's parts (512 mantissa bits and a power of two) to
// stay below kMaxRatBits; the margin keeps the two conversions from cycling.
constexpr int kFloatToRatExp = static_cast<int>(kMaxRatBits) - 600;

std::shared_ptr<const ConstNum> numOf(BigInt v) {
    return std::make_shared<const ConstNum>(ConstNum{std::move(v)});
}

} // namespace

Constant intConst(BigInt v) {
    Constant c;
    c.kind = Constant::Kind::Int;
    c.num = numOf(std::move(v));
    return c;
}

Constant floatConst(BigRat v) {
    const BigInt& n = mp::numerator(v);
    const BigInt& d = mp::denominator(v);
    if (bits(n) >= kMaxRatBits || bits(d) >= kMaxRatBits) return floatConst(BigFloat(n) / BigFloat(d));
    Constant c;
    c.kind = Constant::Kind::Float;
    c.num = std::make_shared<const ConstNum>(ConstNum{std::move(v)});
    return c;
}

Constant floatConst(const BigFloat& v) {
    if (!(boost::math::isfinite)(v)) return Constant{};
    if (v == 0) return floatConst(BigRat(0));
    int e = 0;
    BigFloat mant = mp::frexp(v, &e); // 0.5 <= |mant| < 1
    if (e > -kFloatToRatExp && e < kFloatToRatExp) {
        BigInt m = mp::ldexp(mant, 512).convert_to<BigInt>(); // exact: 512 mantissa bits
        int shift = e - 512;
        if (shift >= 0) return floatConst(BigRat(m << shift));
        return floatConst(BigRat(m, BigInt(1) << -shift));
    }
    Constant c;
    c.kind = Constant::Kind::Float;
    c.num = std::make_shared<const ConstNum>(ConstNum{v});
    return c;
}

const BigInt& intOf(const Constant& c) {
    return std::get<BigInt>(c.num->v);
}

const BigRat* ratOf(const Constant& c) {
    return std::get_if<BigRat>(&c.num->v);
}

BigFloat bigFloatOf(const Constant& c) {
    if (auto* i = std::get_if<BigInt>(&c.num->v)) return BigFloat(*i);
    if (auto* r = std::get_if<BigRat>(&c.num->v))
        return BigFloat(mp::numerator(*r)) / BigFloat(mp::denominator(*r));
    return std::get<BigFloat>(c.num->v);
}

double roundRat(const BigInt& n, const BigInt& d, int prec, int minExp, int maxExp) {
    if (n == 0) return 0.0;
    bool neg = n < 0;
    BigInt a = mp::abs(n);
    // q = floor(a*2^s/d) gets at least prec+2 bits: one to round with, and one
    // more because a/d may lie below 2^(bits(a)-bits(d)).
    long s = long(prec) + 2 - (long(bits(a)) - long(bits(d)));
    BigInt num = s >= 0 ? BigInt(a << s) : a;
    BigInt den = s >= 0 ? d : BigInt(d << -s);
    BigInt q, rem;
    mp::divide_qr(num, den, q, rem);
    bool sticky = rem != 0;
    long qb = long(bits(q));
    long t = std::max(qb - s - long(prec), long(minExp)); // exponent of the result's last bit
    long drop = t + s;                                    // >= 2
    BigInt m = q >> drop;
    BigInt low = q - (m << drop);
    BigInt half = BigInt(1) << (drop - 1);
    if (low > half || (low == half && (sticky || mp::bit_test(m, 0)))) m += 1;
    if (m == 0) return neg ? -0.0 : 0.0;
    if (long(bits(m)) - 1 + t > maxExp) return neg ? -HUGE_VAL : HUGE_VAL;
    double r = std::ldexp(m.convert_to<double>(), int(t)); // m has at most prec+1 bits: exact
    return neg ? -r : r;
}

namespace {

double roundConst(const Constant& c, int prec, int minExp, int maxExp) {
    if (auto* i = std::get_if<BigInt>(&c.num->v)) return roundRat(*i, 1, prec, minExp, maxExp);
    if (auto* r = std::get_if<BigRat>(&c.num->v))
        return roundRat(mp::numerator(*r), mp::denominator(*r), prec, minExp, maxExp);
    // A BigFloat is far outside both formats' ranges (see the invariant).
    const BigFloat& f = std::get<BigFloat>(c.num->v);
    int e = 0;
    mp::frexp(f, &e);
    if (e > 0) return f < 0 ? -HUGE_VAL : HUGE_VAL;
    return f < 0 ? -0.0 : 0.0;
}

} // namespace

double toFloat64(const Constant& c) {
    return roundConst(c, 53, -1074, 1023);
}

double toFloat32(const Constant& c) {
    return roundConst(c, 24, -149, 127);
}

} // namespace gol::types::detail

namespace gol::types {

using namespace detail;

namespace {

int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return 99;
}

// Accumulates digits of `base` from s[i..] into m (skipping one '.' when
// `frac` is non-null, counting the digits after it). Stops at the first
// character that is not a digit of the base.
size_t scanDigits(const std::string& s, size_t i, int base, BigInt& m, long* frac) {
    bool dot = false;
    for (; i < s.size(); i++) {
        if (s[i] == '.' && frac != nullptr && !dot) {
            dot = true;
            continue;
        }
        int d = digitValue(s[i]);
        if (d >= base) break;
        m = m * base + d;
        if (dot) ++*frac;
    }
    return i;
}

// A decimal exponent, saturated far beyond any finite float so that an
// absurd exponent cannot overflow a long.
bool scanExponent(const std::string& s, size_t i, long* out) {
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i >= s.size()) return false;
    long v = 0;
    for (; i < s.size(); i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = std::min(v * 10 + (s[i] - '0'), 4'000'000'000L);
    }
    *out = neg ? -v : v;
    return true;
}

// m * base^e for base 2 or 10: exact when the power is small enough to form,
// else as a 512-bit float.
Constant scaled(const BigInt& m, int base, long e) {
    if (m == 0) return floatConst(BigRat(0));
    const long exactLimit = 2 * static_cast<long>(kMaxRatBits);
    if (e >= -exactLimit && e <= exactLimit) {
        BigInt p =
            base == 2 ? BigInt(1) << std::labs(e) : mp::pow(BigInt(10), static_cast<unsigned>(std::labs(e)));
        return e >= 0 ? floatConst(BigRat(m * p)) : floatConst(BigRat(m, p));
    }
    BigFloat f(m);
    // Saturate: beyond ±2^31 both bases leave the 32-bit exponent range anyway.
    long ce = std::clamp(e, -3'000'000'000L, 3'000'000'000L);
    if (base == 2) {
        int ie = static_cast<int>(std::clamp(ce, -2'000'000'000L, 2'000'000'000L));
        return floatConst(mp::ldexp(f, ie));
    }
    BigFloat p = mp::pow(BigFloat(10), static_cast<unsigned>(std::labs(ce)));
    return floatConst(e >= 0 ? BigFloat(f * p) : BigFloat(f / p));
}

} // namespace

Constant Constant::fromLiteral(syntax::Tok kind, const std::string& raw) {
    std::string s;
    for (char c : raw)
        if (c != '_') s += c;
    int base = 10;
    size_t i = 0;
    if (s.size() > 1 && s[0] == '0') {
        char c = static_cast<char>(s[1] | 0x20);
        if (c == 'x')
            base = 16, i = 2;
        else if (c == 'o')
            base = 8, i = 2;
        else if (c == 'b')
            base = 2, i = 2;
        else if (kind == syntax::Tok::Int)
            base = 8, i = 1; // legacy octal 0777
    }
    BigInt m;
    if (kind == syntax::Tok::Int) {
        if (scanDigits(s, i, base, m, nullptr) != s.size() || i == s.size()) return Constant{};
        return intConst(std::move(m));
    }
    if (kind != syntax::Tok::Float || base == 8 || base == 2) return Constant{};
    long frac = 0, exp = 0;
    i = scanDigits(s, i, base, m, &frac);
    if (base == 16) {
        // Hex mantissa digits are 4 bits each; the p exponent is binary.
        if (i >= s.size() || (s[i] | 0x20) != 'p' || !scanExponent(s, i + 1, &exp)) return Constant{};
        return scaled(m, 2, exp - 4 * frac);
    }
    if (i < s.size()) {
        if ((s[i] | 0x20) != 'e' || !scanExponent(s, i + 1, &exp)) return Constant{};
    }
    return scaled(m, 10, exp - frac);
}

namespace {

// Go's %g: the shortest representation that round-trips.
std::string shortestG(double x) {
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

std::string quoteGo(const std::string& s) {
    static const char* hex = "0123456789abcdef";
    std::string r = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '\a': r += "\\a"; break;
        case '\b': r += "\\b"; break;
        case '\f': r += "\\f"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        case '\v': r += "\\v"; break;
        case '\\': r += "\\\\"; break;
        case '"': r += "\\\""; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                r += "\\x";
                r += hex[c >> 4];
                r += hex[c & 15];
            } else {
                r += static_cast<char>(c);
            }
        }
    }
    return r + '"';
}

std::string floatString(const Constant& c) {
    double x = toFloat64(c);
    if (std::isfinite(x) && (x == 0) == (c.sign() == 0)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", x);
        std::string s = buf;
        if (!c.isIntegral() && s.find('.') == std::string::npos && s.find('e') == std::string::npos)
            s = shortestG(x);
        return s;
    }
    // Outside the float64 range: go/constant's approximate decimal conversion
    // f = mant * 2^exp ~ m * 10^d.
    int exp = 0;
    double m = mp::frexp(bigFloatOf(c), &exp).convert_to<double>();
    double d = exp * (M_LN2 / M_LN10);
    long e = static_cast<long>(d);
    m *= std::pow(10.0, d - static_cast<double>(e));
    double am = std::fabs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6ge%+ld", m, e);
    return buf;
}

} // namespace

std::string Constant::toString() const {
    switch (kind) {
    case Kind::Unknown: return "unknown";
    case Kind::Bool: return b ? "true" : "false";
    case Kind::Int: return intOf(*this).str();
    case Kind::String: {
        std::string q = quoteGo(s);
        // Go shortens to 72 runes (counting UTF-8 sequences as one).
        const size_t maxLen = 72;
        size_t runes = 0, cut = std::string::npos;
        for (size_t k = 0; k < q.size(); k++) {
            if ((static_cast<unsigned char>(q[k]) & 0xC0) == 0x80) continue;
            if (runes == maxLen - 3) cut = k;
            runes++;
        }
        if (runes > maxLen && cut != std::string::npos) q = q.substr(0, cut) + "...";
        return q;
    }
    case Kind::Float: return floatString(*this);
    }
    return "unknown";
}

} // namespace gol::types
