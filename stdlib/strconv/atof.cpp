// strconv.ParseFloat: Go's literal syntax checked by a port of Go's readFloat, the value
// computed by std::from_chars on a normalized copy (correctly rounded, directly to float for
// bitSize 32, which is what Go does), and Go's overflow rule: ±Inf with ErrRange.
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include "stdlib/strconv/internal.hpp"
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib::strconv {
namespace {

char lower(char c) {
    return static_cast<char>(c | ('x' - 'X'));
}

size_t commonPrefixLenIgnoreCase(std::string_view s, std::string_view prefix) {
    size_t n = std::min(s.size(), prefix.size());
    for (size_t i = 0; i < n; ++i) {
        char c = s[i];
        if ('A' <= c && c <= 'Z') c = static_cast<char>(c + 'a' - 'A');
        if (c != prefix[i]) return i;
    }
    return n;
}

// Go's special(): optional sign then "inf"/"infinity", or an unsigned "nan", any case.
// Returns the number of bytes consumed, or 0.
size_t special(std::string_view s, double& out) {
    if (s.empty()) return 0;
    double sign = 1;
    size_t nsign = 0;
    char c = s[0];
    if (c == '+' || c == '-') {
        sign = c == '-' ? -1 : 1;
        nsign = 1;
        s.remove_prefix(1);
        c = 'i'; // Go falls through into the infinity case only
    }
    if (c == 'i' || c == 'I') {
        size_t n = commonPrefixLenIgnoreCase(s, "infinity");
        if (3 < n && n < 8) n = 3; // "infin" is "inf" followed by junk
        if (n == 3 || n == 8) {
            out = sign * std::numeric_limits<double>::infinity();
            return nsign + n;
        }
    } else if (c == 'n' || c == 'N') {
        if (commonPrefixLenIgnoreCase(s, "nan") == 3) {
            out = std::numeric_limits<double>::quiet_NaN();
            return 3;
        }
    }
    return 0;
}

// A syntactically valid float literal, normalized for from_chars.
struct Literal {
    bool ok = false;
    bool neg = false;
    bool hex = false;
    size_t n = 0;      // bytes of s consumed
    std::string clean; // digits with '.', no sign/prefix/underscores, exponent re-rendered
    int dp = 0;        // value = 0.DIGITS × base^dp (base 10, or 2 for hex); sign of dp tells big from tiny
    bool zero = true;  // all digits zero
};

// Port of Go's readFloat: the same acceptance rules and the same stopping point.
Literal readFloat(std::string_view s) {
    Literal lit;
    size_t i = 0;
    bool underscores = false;
    if (i >= s.size()) return lit;
    if (s[i] == '+')
        ++i;
    else if (s[i] == '-')
        lit.neg = true, ++i;
    int base = 10;
    char expChar = 'e';
    if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
        base = 16;
        i += 2;
        expChar = 'p';
        lit.hex = true;
    }
    bool sawdot = false, sawdigits = false;
    int nd = 0, dp = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        }
        if (c == '.') {
            if (sawdot) break;
            sawdot = true;
            dp = nd;
            lit.clean.push_back('.');
            continue;
        }
        bool digit = '0' <= c && c <= '9';
        bool hexLetter = base == 16 && 'a' <= lower(c) && lower(c) <= 'f';
        if (!digit && !hexLetter) break;
        sawdigits = true;
        lit.clean.push_back(c);
        if (c == '0' && nd == 0) { // leading zeros
            --dp;
            continue;
        }
        ++nd;
        lit.zero = false;
    }
    if (!sawdigits) return lit;
    if (!sawdot) dp = nd;
    if (base == 16) dp *= 4;

    long e = 0;
    int esign = 1;
    if (i < s.size() && lower(s[i]) == expChar) {
        ++i;
        if (i >= s.size()) return lit;
        if (s[i] == '+')
            ++i;
        else if (s[i] == '-')
            ++i, esign = -1;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return lit;
        for (; i < s.size() && (('0' <= s[i] && s[i] <= '9') || s[i] == '_'); ++i) {
            if (s[i] == '_') {
                underscores = true;
                continue;
            }
            if (e < 10000) e = e * 10 + (s[i] - '0'); // Go saturates here too
        }
        dp += static_cast<int>(e) * esign;
    } else if (base == 16) {
        return lit; // hex mantissa requires a 'p' exponent
    }
    if (underscores && !underscoreOK(s.substr(0, i))) return lit;
    if (lit.clean == ".") return lit; // cannot happen: sawdigits, kept for clarity
    lit.clean.push_back(base == 16 ? 'p' : 'e');
    lit.clean += std::to_string(e * esign);
    lit.dp = dp;
    lit.n = i;
    lit.ok = true;
    return lit;
}

template <class F> Parsed<double> convert(const Literal& lit, std::string_view s) {
    F v{};
    auto fmt = lit.hex ? std::chars_format::hex : std::chars_format::general;
    auto r = std::from_chars(lit.clean.data(), lit.clean.data() + lit.clean.size(), v, fmt);
    double out = static_cast<double>(v);
    if (r.ec == std::errc::result_out_of_range) {
        // from_chars reports both overflow and underflow; the decimal point position tells
        // which. Go returns ±Inf with ErrRange for overflow and a silent zero for underflow.
        if (!lit.zero && lit.dp > 0) {
            double inf = std::numeric_limits<double>::infinity();
            return {lit.neg ? -inf : inf, NumError{"ParseFloat", std::string(s), ErrKind::Range}};
        }
        out = 0;
    } else if (r.ec != std::errc() || r.ptr != lit.clean.data() + lit.clean.size()) {
        return {0, NumError{"ParseFloat", std::string(s), ErrKind::Syntax}};
    } else if (std::isinf(out)) {
        return {lit.neg ? -out : out, NumError{"ParseFloat", std::string(s), ErrKind::Range}};
    }
    return {lit.neg ? -out : out, std::nullopt};
}

} // namespace

Parsed<double> ParseFloat(std::string_view s, int bitSize) {
    double sp;
    if (size_t n = special(s, sp)) {
        if (n != s.size()) return {0, NumError{"ParseFloat", std::string(s), ErrKind::Syntax}};
        return {bitSize == 32 ? static_cast<double>(static_cast<float>(sp)) : sp, std::nullopt};
    }
    Literal lit = readFloat(s);
    if (!lit.ok || lit.n != s.size()) return {0, NumError{"ParseFloat", std::string(s), ErrKind::Syntax}};
    return bitSize == 32 ? convert<float>(lit, s) : convert<double>(lit, s);
}

} // namespace gol::stdlib::strconv
