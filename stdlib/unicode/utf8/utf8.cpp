// UTF-8 per Go's unicode/utf8: the first byte selects the sequence length and the accepted range
// of the second byte (which is what excludes overlong forms, surrogates and values > MaxRune).
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::utf8 {
namespace {

constexpr uint8_t kLocb = 0x80, kHicb = 0xBF;
constexpr rune kSurrogateMin = 0xD800, kSurrogateMax = 0xDFFF;

// Per first byte: low nibble = sequence length (0 = invalid/ASCII handled separately), high
// nibble = index into kAccept for the second byte's range.
enum : uint8_t {
    xx = 0xF1,
    as = 0xF0,
    s1 = 0x02,
    s2 = 0x13,
    s3 = 0x03,
    s4 = 0x23,
    s5 = 0x34,
    s6 = 0x04,
    s7 = 0x44
};

constexpr uint8_t kFirst[256] = {
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x00-0x0F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x10-0x1F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x20-0x2F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x30-0x3F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x40-0x4F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x50-0x5F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x60-0x6F
    as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, // 0x70-0x7F
    xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, // 0x80-0x8F
    xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, // 0x90-0x9F
    xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, // 0xA0-0xAF
    xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, // 0xB0-0xBF
    xx, xx, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, // 0xC0-0xCF
    s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, // 0xD0-0xDF
    s2, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s4, s3, s3, // 0xE0-0xEF
    s5, s6, s6, s6, s7, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, // 0xF0-0xFF
};

struct AcceptRange {
    uint8_t lo, hi;
};
constexpr AcceptRange kAccept[5] = {
    {kLocb, kHicb}, {0xA0, kHicb}, {kLocb, 0x9F}, {0x90, kHicb}, {kLocb, 0x8F},
};

} // namespace

Decoded DecodeRune(std::string_view s) {
    size_t n = s.size();
    if (n < 1) return {RuneError, 0};
    uint8_t p0 = static_cast<uint8_t>(s[0]);
    uint8_t x = kFirst[p0];
    if (x >= as) {
        // ASCII (as) or invalid (xx): xx's low bit yields RuneError, as's yields the byte.
        if (x == as) return {p0, 1};
        return {RuneError, 1};
    }
    size_t sz = x & 7;
    AcceptRange accept = kAccept[x >> 4];
    if (n < sz) return {RuneError, 1};
    uint8_t b1 = static_cast<uint8_t>(s[1]);
    if (b1 < accept.lo || accept.hi < b1) return {RuneError, 1};
    if (sz <= 2) return {static_cast<rune>((p0 & 0x1F) << 6 | (b1 & 0x3F)), 2};
    uint8_t b2 = static_cast<uint8_t>(s[2]);
    if (b2 < kLocb || kHicb < b2) return {RuneError, 1};
    if (sz <= 3) return {static_cast<rune>((p0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)), 3};
    uint8_t b3 = static_cast<uint8_t>(s[3]);
    if (b3 < kLocb || kHicb < b3) return {RuneError, 1};
    return {static_cast<rune>((p0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)), 4};
}

Decoded DecodeLastRune(std::string_view s) {
    size_t end = s.size();
    if (end == 0) return {RuneError, 0};
    size_t start = end - 1;
    rune r = static_cast<uint8_t>(s[start]);
    if (r < RuneSelf) return {r, 1};
    // Back up over at most UTFMax-1 continuation bytes to find a start byte; a longer run of
    // continuation bytes cannot end in a valid sequence.
    size_t lim = end >= static_cast<size_t>(UTFMax) ? end - UTFMax : 0;
    while (start > lim) {
        --start;
        if (RuneStart(static_cast<uint8_t>(s[start]))) break;
    }
    Decoded d = DecodeRune(s.substr(start, end - start));
    if (start + d.size != end) return {RuneError, 1};
    return d;
}

int EncodeRune(char* p, rune r) {
    uint32_t i = static_cast<uint32_t>(r);
    if (i <= 0x7F) {
        p[0] = static_cast<char>(r);
        return 1;
    }
    if (i <= 0x7FF) {
        p[0] = static_cast<char>(0xC0 | (r >> 6));
        p[1] = static_cast<char>(0x80 | (r & 0x3F));
        return 2;
    }
    if (i > static_cast<uint32_t>(MaxRune) || (kSurrogateMin <= r && r <= kSurrogateMax)) r = RuneError;
    if (static_cast<uint32_t>(r) <= 0xFFFF) {
        p[0] = static_cast<char>(0xE0 | (r >> 12));
        p[1] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        p[2] = static_cast<char>(0x80 | (r & 0x3F));
        return 3;
    }
    p[0] = static_cast<char>(0xF0 | (r >> 18));
    p[1] = static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    p[2] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    p[3] = static_cast<char>(0x80 | (r & 0x3F));
    return 4;
}

void AppendRune(std::string& out, rune r) {
    if (static_cast<uint32_t>(r) < static_cast<uint32_t>(RuneSelf)) {
        out.push_back(static_cast<char>(r));
        return;
    }
    char buf[UTFMax];
    out.append(buf, static_cast<size_t>(EncodeRune(buf, r)));
}

std::string EncodeRuneToString(rune r) {
    std::string s;
    AppendRune(s, r);
    return s;
}

int RuneLen(rune r) {
    if (r < 0) return -1;
    if (r <= 0x7F) return 1;
    if (r <= 0x7FF) return 2;
    if (kSurrogateMin <= r && r <= kSurrogateMax) return -1;
    if (r <= 0xFFFF) return 3;
    if (r <= MaxRune) return 4;
    return -1;
}

int RuneCount(std::string_view s) {
    int n = 0;
    for (size_t i = 0; i < s.size(); ++n) {
        if (static_cast<uint8_t>(s[i]) < RuneSelf) {
            ++i;
            continue;
        }
        i += static_cast<size_t>(DecodeRune(s.substr(i)).size);
    }
    return n;
}

bool RuneStart(unsigned char b) {
    return (b & 0xC0) != 0x80;
}

bool FullRune(std::string_view s) {
    size_t n = s.size();
    if (n == 0) return false;
    uint8_t x = kFirst[static_cast<uint8_t>(s[0])];
    if (n >= static_cast<size_t>(x & 7)) return true; // ASCII, invalid or long enough
    // A short sequence is still "full" if its second or third byte already makes it invalid.
    AcceptRange accept = kAccept[x >> 4];
    if (n > 1) {
        uint8_t c = static_cast<uint8_t>(s[1]);
        if (c < accept.lo || accept.hi < c) return true;
        if (n > 2) {
            uint8_t c2 = static_cast<uint8_t>(s[2]);
            if (c2 < kLocb || kHicb < c2) return true;
        }
    }
    return false;
}

bool Valid(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<uint8_t>(s[i]) < RuneSelf) {
            ++i;
            continue;
        }
        Decoded d = DecodeRune(s.substr(i));
        if (d.r == RuneError && d.size == 1) return false;
        i += static_cast<size_t>(d.size);
    }
    return true;
}

bool ValidRune(rune r) {
    if (0 <= r && r < kSurrogateMin) return true;
    if (kSurrogateMax < r && r <= MaxRune) return true;
    return false;
}

} // namespace gol::stdlib::utf8
