// strconv.FormatFloat: Go's output layouts (fmtE, fmtF, %g's choice, fmtB, fmtX) over decimal
// digits from std::to_chars.
//
// Why to_chars is enough: Go's digits are either the shortest that round-trip (Ryu shortest,
// ties broken toward the closest to the exact value) or the exact binary value correctly rounded
// to N digits with ties to even; to_chars' shortest and precision forms promise exactly those.
// The digits are then laid out by ports of Go's own layout functions, which is where all of Go's
// format-specific rules (exponent width, %g thresholds, zero's exponent) live.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "stdlib/panic.hpp"
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib::strconv {
namespace {

// A decimal value 0.d[0]d[1]...d[nd-1] × 10^dp with no leading or trailing zeros; zero is nd = 0.
struct Digits {
    std::string d;
    int dp = 0;
    int nd() const { return static_cast<int>(d.size()); }
};

void trim(Digits& x) {
    size_t first = x.d.find_first_not_of('0');
    if (first == std::string::npos) {
        x.d.clear();
        x.dp = 0;
        return;
    }
    x.dp -= static_cast<int>(first);
    x.d.erase(0, first);
    x.d.erase(x.d.find_last_not_of('0') + 1);
}

// Parses to_chars' scientific output "D[.DDD]e±XX" of a non-negative value.
Digits fromScientific(const char* p, const char* end) {
    Digits x;
    const char* e = std::find(p, end, 'e');
    for (const char* q = p; q < e; ++q)
        if (*q != '.') x.d.push_back(*q);
    int exp = 0;
    std::from_chars(e + 1 + (e[1] == '+'), end, exp);
    x.dp = exp + 1;
    trim(x);
    return x;
}

// Parses to_chars' fixed output "DDD[.DDD]" of a non-negative value.
Digits fromFixed(const char* p, const char* end) {
    Digits x;
    const char* dot = std::find(p, end, '.');
    for (const char* q = p; q < end; ++q)
        if (*q != '.') x.d.push_back(*q);
    x.dp = static_cast<int>(dot - p);
    trim(x);
    return x;
}

// Shortest digits that round-trip through the float type of bitSize.
Digits shortest(double v, int bitSize) {
    char buf[64];
    std::to_chars_result r =
        bitSize == 32
            ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific)
            : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    return fromScientific(buf, r.ptr);
}

// v correctly rounded to `digits` significant digits (digits >= 1).
Digits significant(double v, int digits) {
    std::vector<char> buf(static_cast<size_t>(digits) + 32);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::scientific, digits - 1);
    return fromScientific(buf.data(), r.ptr);
}

// v correctly rounded to `prec` digits after the decimal point.
Digits fixed(double v, int prec) {
    // 309 integer digits at most for a double, plus the point and the fraction.
    std::vector<char> buf(static_cast<size_t>(prec) + 330);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, prec);
    return fromFixed(buf.data(), r.ptr);
}

void fmtE(std::string& dst, bool neg, const Digits& d, int prec, char fmt) {
    if (neg) dst.push_back('-');
    dst.push_back(d.nd() != 0 ? d.d[0] : '0');
    if (prec > 0) {
        dst.push_back('.');
        int i = 1;
        int m = std::min(d.nd(), prec + 1);
        if (i < m) {
            dst.append(d.d, 1, static_cast<size_t>(m - 1));
            i = m;
        }
        for (; i <= prec; ++i)
            dst.push_back('0');
    }
    dst.push_back(fmt);
    int exp = d.nd() == 0 ? 0 : d.dp - 1; // zero has exponent 0
    dst.push_back(exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    // At least two exponent digits, as in C.
    if (exp < 10) {
        dst.push_back('0');
        dst.push_back(static_cast<char>('0' + exp));
    } else if (exp < 100) {
        dst.push_back(static_cast<char>('0' + exp / 10));
        dst.push_back(static_cast<char>('0' + exp % 10));
    } else {
        dst.push_back(static_cast<char>('0' + exp / 100));
        dst.push_back(static_cast<char>('0' + exp / 10 % 10));
        dst.push_back(static_cast<char>('0' + exp % 10));
    }
}

void fmtF(std::string& dst, bool neg, const Digits& d, int prec) {
    if (neg) dst.push_back('-');
    if (d.dp > 0) {
        int m = std::min(d.nd(), d.dp);
        dst.append(d.d, 0, static_cast<size_t>(m));
        for (; m < d.dp; ++m)
            dst.push_back('0');
    } else {
        dst.push_back('0');
    }
    if (prec > 0) {
        dst.push_back('.');
        for (int i = 0; i < prec; ++i) {
            int j = d.dp + i;
            dst.push_back(0 <= j && j < d.nd() ? d.d[static_cast<size_t>(j)] : '0');
        }
    }
}

// 'b': decimal mantissa "p" binary exponent, e.g. -4503599627370496p-52.
void fmtB(std::string& dst, bool neg, uint64_t mant, int exp, int mantbits) {
    if (neg) dst.push_back('-');
    AppendUint(dst, mant, 10);
    dst.push_back('p');
    exp -= mantbits;
    if (exp >= 0) dst.push_back('+');
    AppendInt(dst, exp, 10);
}

// 'x': -0x1.yyyyp±dd (hex mantissa, decimal binary exponent of at least two digits).
void fmtX(std::string& dst, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0) exp = 0;
    // Shift so the leading 1 (if any) is at bit 60.
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
        mant <<= 1;
        --exp;
    }
    // Round to prec hex digits, ties to even (15 digits or more hold every bit).
    if (prec >= 0 && prec < 15) {
        unsigned shift = static_cast<unsigned>(prec * 4);
        uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (uint64_t{1} << 59)) ++mant;
        mant <<= 60 - shift;
        if (mant & (uint64_t{1} << 61)) { // carried into a new leading digit
            mant >>= 1;
            ++exp;
        }
    }
    const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) dst.push_back('-');
    dst.push_back('0');
    dst.push_back(fmt);
    dst.push_back(static_cast<char>('0' + ((mant >> 60) & 1)));
    mant <<= 4; // drop the leading digit
    if (prec < 0 && mant != 0) {
        dst.push_back('.');
        while (mant != 0) {
            dst.push_back(hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    } else if (prec > 0) {
        dst.push_back('.');
        for (int i = 0; i < prec; ++i) {
            dst.push_back(hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    }
    dst.push_back(fmt == 'X' ? 'P' : 'p');
    dst.push_back(exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    char buf[8];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + exp % 10);
        exp /= 10;
    } while (exp != 0);
    if (n < 2) buf[n++] = '0';
    while (n > 0)
        dst.push_back(buf[--n]);
}

void formatDigits(std::string& dst, bool isShortest, bool neg, const Digits& digs, int prec, char fmt) {
    switch (fmt) {
    case 'e':
    case 'E': fmtE(dst, neg, digs, prec, fmt); return;
    case 'f': fmtF(dst, neg, digs, prec); return;
    case 'g':
    case 'G': {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp) eprec = digs.nd();
        // %e is used if the exponent from the conversion is less than -4 or greater than or
        // equal to the precision; shortest output decides with precision 6.
        if (isShortest) eprec = 6;
        int exp = digs.dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > digs.nd()) prec = digs.nd();
            fmtE(dst, neg, digs, prec - 1, static_cast<char>(fmt + 'e' - 'g'));
            return;
        }
        if (prec > digs.dp) prec = digs.nd();
        fmtF(dst, neg, digs, std::max(prec - digs.dp, 0));
        return;
    }
    }
    dst.push_back('%');
    dst.push_back(fmt);
}

} // namespace

void AppendFloat(std::string& dst, double val, char fmt, int prec, int bitSize) {
    uint64_t bits;
    int mantbits, expbits, bias;
    if (bitSize == 32) {
        float f = static_cast<float>(val);
        uint32_t b32;
        std::memcpy(&b32, &f, sizeof b32);
        bits = b32;
        mantbits = 23, expbits = 8, bias = -127;
        val = f;
    } else if (bitSize == 64) {
        std::memcpy(&bits, &val, sizeof bits);
        mantbits = 52, expbits = 11, bias = -1023;
    } else {
        throw Panic("strconv: illegal AppendFloat/FormatFloat bitSize");
    }
    const bool neg = (bits >> (expbits + mantbits)) != 0;
    int exp = static_cast<int>(bits >> mantbits) & ((1 << expbits) - 1);
    uint64_t mant = bits & ((uint64_t{1} << mantbits) - 1);
    if (exp == (1 << expbits) - 1) {
        dst += mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
        return;
    }
    if (exp == 0)
        ++exp; // denormal
    else
        mant |= uint64_t{1} << mantbits;
    exp += bias;

    if (fmt == 'b') return fmtB(dst, neg, mant, exp, mantbits);
    if (fmt == 'x' || fmt == 'X') return fmtX(dst, prec, fmt, neg, mant, exp, mantbits);

    const double a = std::fabs(val);
    const bool isShortest = prec < 0;
    Digits digs;
    if (isShortest) {
        digs = shortest(a, bitSize);
        switch (fmt) {
        case 'e':
        case 'E': prec = std::max(digs.nd() - 1, 0); break;
        case 'f': prec = std::max(digs.nd() - digs.dp, 0); break;
        case 'g':
        case 'G': prec = digs.nd(); break;
        }
    } else if (fmt == 'f') {
        digs = fixed(a, prec);
    } else {
        int digits = prec;
        switch (fmt) {
        case 'e':
        case 'E': ++digits; break;
        case 'g':
        case 'G':
            if (prec == 0) prec = 1;
            digits = prec;
            break;
        default: digits = 1; // invalid mode; formatDigits prints %fmt
        }
        digs = significant(a, digits);
    }
    formatDigits(dst, isShortest, neg, digs, prec, fmt);
}

std::string FormatFloat(double f, char fmt, int prec, int bitSize) {
    std::string s;
    AppendFloat(s, f, fmt, prec, bitSize);
    return s;
}

} // namespace gol::stdlib::strconv
