// Go's unicode predicates and case mappings over the tables generated from Go's tables.go.
#include "stdlib/unicode/unicode.hpp"

#include <cstddef>

namespace gol::stdlib::unicode {
namespace {

// One row of a Go RangeTable: code points lo, lo+stride, ... up to hi.
struct Range {
    uint32_t lo, hi, stride;
};
// Go's CaseRange: deltas to upper, lower and title case; kUpperLower marks alternating pairs.
struct CaseRange {
    uint32_t lo, hi;
    int32_t delta[3];
};
struct FoldPair {
    uint16_t from, to;
};

#include "stdlib/unicode/tables.inc"

constexpr int32_t kUpperLower = MaxRune + 1;
enum : int { kUpperCase = 0, kLowerCase = 1, kTitleCase = 2 };

// Property bits of graphic.go, for the Latin-1 fast path.
enum : uint8_t {
    pC = 1,
    pP = 2,
    pN = 4,
    pS = 8,
    pZ = 16,
    pLu = 32,
    pLl = 64,
    pp = 128,
    pg = pp | pZ,
    pLmask = pLl | pLu
};

template <size_t N> bool in(const Range (&tab)[N], rune r) {
    if (r < 0) return false;
    uint32_t c = static_cast<uint32_t>(r);
    size_t lo = 0, hi = N;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        const Range& g = tab[m];
        if (g.lo <= c && c <= g.hi) return g.stride == 1 || (c - g.lo) % g.stride == 0;
        if (c < g.lo)
            hi = m;
        else
            lo = m + 1;
    }
    return false;
}

uint8_t props(rune r) {
    return kProperties[static_cast<uint8_t>(r)];
}
bool latin1(rune r) {
    return static_cast<uint32_t>(r) <= static_cast<uint32_t>(MaxLatin1);
}

rune to(int which, rune r) {
    size_t lo = 0, hi = sizeof(kCaseRanges) / sizeof(kCaseRanges[0]);
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        const CaseRange& cr = kCaseRanges[m];
        rune crlo = static_cast<rune>(cr.lo), crhi = static_cast<rune>(cr.hi);
        if (crlo <= r && r <= crhi) {
            int32_t delta = cr.delta[which];
            if (delta > MaxRune) {
                // Alternating Upper/Lower pairs starting at lo: upper is even, lower odd
                // relative to lo, and title case is upper.
                return crlo + (((r - crlo) & ~1) | static_cast<rune>(which & 1));
            }
            return r + delta;
        }
        if (r < crlo)
            hi = m;
        else
            lo = m + 1;
    }
    return r;
}

} // namespace

const char* Version() {
    return kUnicodeVersion;
}

bool IsLetter(rune r) {
    return latin1(r) ? (props(r) & pLmask) != 0 : in(kL, r);
}
bool IsDigit(rune r) {
    return r <= MaxLatin1 ? ('0' <= r && r <= '9') : in(kNd, r);
}
bool IsNumber(rune r) {
    return latin1(r) ? (props(r) & pN) != 0 : in(kN, r);
}
bool IsUpper(rune r) {
    return latin1(r) ? (props(r) & pLmask) == pLu : in(kLu, r);
}
bool IsLower(rune r) {
    return latin1(r) ? (props(r) & pLmask) == pLl : in(kLl, r);
}
bool IsTitle(rune r) {
    return r <= MaxLatin1 ? false : in(kLt, r);
}
bool IsPunct(rune r) {
    return latin1(r) ? (props(r) & pP) != 0 : in(kP, r);
}
bool IsMark(rune r) {
    return in(kM, r);
} // no Latin-1 code point is a mark
bool IsSymbol(rune r) {
    return latin1(r) ? (props(r) & pS) != 0 : in(kS, r);
}
bool IsControl(rune r) {
    return latin1(r) ? (props(r) & pC) != 0 : false;
}

bool IsSpace(rune r) {
    if (latin1(r)) {
        switch (r) {
        case '\t':
        case '\n':
        case '\v':
        case '\f':
        case '\r':
        case ' ':
        case 0x85:
        case 0xA0: return true;
        }
        return false;
    }
    return in(kWhiteSpace, r);
}

bool IsPrint(rune r) {
    if (latin1(r)) return (props(r) & pp) != 0;
    return in(kL, r) || in(kM, r) || in(kN, r) || in(kP, r) || in(kS, r);
}

bool IsGraphic(rune r) {
    if (latin1(r)) return (props(r) & pg) != 0;
    return in(kL, r) || in(kM, r) || in(kN, r) || in(kP, r) || in(kS, r) || in(kZs, r);
}

rune ToUpper(rune r) {
    if (r <= MaxASCII) return ('a' <= r && r <= 'z') ? r - ('a' - 'A') : r;
    return to(kUpperCase, r);
}

rune ToLower(rune r) {
    if (r <= MaxASCII) return ('A' <= r && r <= 'Z') ? r + ('a' - 'A') : r;
    return to(kLowerCase, r);
}

rune ToTitle(rune r) {
    if (r <= MaxASCII) return ('a' <= r && r <= 'z') ? r - ('a' - 'A') : r;
    return to(kTitleCase, r);
}

rune SimpleFold(rune r) {
    if (r < 0 || r > MaxRune) return r;
    if (r <= MaxASCII) return kAsciiFold[r];
    // caseOrbit lists the code points whose fold orbit has more than two members.
    size_t lo = 0, hi = sizeof(kCaseOrbit) / sizeof(kCaseOrbit[0]);
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (static_cast<rune>(kCaseOrbit[m].from) < r)
            lo = m + 1;
        else
            hi = m;
    }
    if (lo < sizeof(kCaseOrbit) / sizeof(kCaseOrbit[0]) && kCaseOrbit[lo].from == r) return kCaseOrbit[lo].to;
    // No orbit: the fold partner is the other case, if any.
    rune l = ToLower(r);
    if (l != r) return l;
    return ToUpper(r);
}

} // namespace gol::stdlib::unicode
