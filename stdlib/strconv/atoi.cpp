// strconv.ParseInt / ParseUint / Atoi with Go's rules: base prefixes and '_' only for base 0,
// a range error wins over a later syntax error (Go returns as soon as the value overflows), and
// out-of-range results are clamped to the limit of bitSize.
#include "stdlib/strconv/internal.hpp"
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib::strconv {
namespace {

char lower(char c) {
    return static_cast<char>(c | ('x' - 'X'));
}

NumError numError(std::string_view fn, std::string_view s, ErrKind k, int arg = 0) {
    return NumError{std::string(fn), std::string(s), k, arg};
}

} // namespace

std::string NumError::ErrText() const {
    switch (Err) {
    case ErrKind::Syntax: return "invalid syntax";
    case ErrKind::Range: return "value out of range";
    case ErrKind::Base: return "invalid base " + Itoa(arg);
    case ErrKind::BitSize: return "invalid bit size " + Itoa(arg);
    }
    return "invalid syntax";
}

std::string NumError::Error() const {
    return "strconv." + Func + ": parsing " + Quote(Num) + ": " + ErrText();
}

bool underscoreOK(std::string_view s) {
    // saw: '^' start of number, '0' digit or base prefix, '_' underscore, '!' anything else.
    char saw = '^';
    size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0'; // the base prefix counts as a digit for "underscore as digit separator"
        hex = lower(s[1]) == 'x';
    }
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (('0' <= c && c <= '9') || (hex && 'a' <= lower(c) && lower(c) <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

Parsed<uint64_t> ParseUint(std::string_view s, int base, int bitSize) {
    constexpr std::string_view fn = "ParseUint";
    if (s.empty()) return {0, numError(fn, s, ErrKind::Syntax)};
    const bool base0 = base == 0;
    const std::string_view s0 = s;
    if (2 <= base && base <= 36) {
    } else if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            if (s.size() >= 3 && lower(s[1]) == 'b')
                base = 2, s.remove_prefix(2);
            else if (s.size() >= 3 && lower(s[1]) == 'o')
                base = 8, s.remove_prefix(2);
            else if (s.size() >= 3 && lower(s[1]) == 'x')
                base = 16, s.remove_prefix(2);
            else
                base = 8, s.remove_prefix(1);
        }
    } else {
        return {0, numError(fn, s0, ErrKind::Base, base)};
    }
    if (bitSize == 0)
        bitSize = IntSize;
    else if (bitSize < 0 || bitSize > 64)
        return {0, numError(fn, s0, ErrKind::BitSize, bitSize)};

    const uint64_t ubase = static_cast<uint64_t>(base);
    // cutoff is the smallest number such that cutoff*base > UINT64_MAX.
    const uint64_t cutoff = UINT64_MAX / ubase + 1;
    const uint64_t maxVal = bitSize == 64 ? UINT64_MAX : (uint64_t{1} << bitSize) - 1;
    bool underscores = false;
    uint64_t n = 0;
    for (char c : s) {
        uint64_t d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if ('0' <= c && c <= '9') {
            d = static_cast<uint64_t>(c - '0');
        } else if ('a' <= lower(c) && lower(c) <= 'z') {
            d = static_cast<uint64_t>(lower(c) - 'a' + 10);
        } else {
            return {0, numError(fn, s0, ErrKind::Syntax)};
        }
        if (d >= ubase) return {0, numError(fn, s0, ErrKind::Syntax)};
        if (n >= cutoff) return {maxVal, numError(fn, s0, ErrKind::Range)};
        n *= ubase;
        uint64_t n1 = n + d;
        if (n1 < n || n1 > maxVal) return {maxVal, numError(fn, s0, ErrKind::Range)};
        n = n1;
    }
    if (underscores && !underscoreOK(s0)) return {0, numError(fn, s0, ErrKind::Syntax)};
    return {n, std::nullopt};
}

Parsed<int64_t> ParseInt(std::string_view s, int base, int bitSize) {
    constexpr std::string_view fn = "ParseInt";
    if (s.empty()) return {0, numError(fn, s, ErrKind::Syntax)};
    const std::string_view s0 = s;
    bool neg = false;
    if (s[0] == '+')
        s.remove_prefix(1);
    else if (s[0] == '-')
        neg = true, s.remove_prefix(1);

    Parsed<uint64_t> u = ParseUint(s, base, bitSize);
    if (u.err && u.err->Err != ErrKind::Range) {
        u.err->Func = fn;
        u.err->Num = s0;
        return {0, u.err};
    }
    if (bitSize == 0) bitSize = IntSize;
    const uint64_t cutoff = uint64_t{1} << (bitSize - 1);
    if (!neg && u.value >= cutoff)
        return {static_cast<int64_t>(cutoff - 1), numError(fn, s0, ErrKind::Range)};
    if (neg && u.value > cutoff)
        return {-static_cast<int64_t>(cutoff - 1) - 1, numError(fn, s0, ErrKind::Range)};
    // Negating through unsigned keeps -2^63 well defined.
    int64_t n = neg ? static_cast<int64_t>(~u.value + 1) : static_cast<int64_t>(u.value);
    return {n, std::nullopt};
}

Parsed<int64_t> Atoi(std::string_view s) {
    Parsed<int64_t> r = ParseInt(s, 10, 0);
    if (r.err) r.err->Func = "Atoi";
    return r;
}

} // namespace gol::stdlib::strconv
