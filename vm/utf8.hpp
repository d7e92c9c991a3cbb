// UTF-8 decoding and encoding with Go's rules (the VM's own copy: the VM layer cannot depend on
// stdlib/). An invalid or truncated sequence decodes as U+FFFD with width 1; surrogates and
// values above U+10FFFF are invalid; encoding an invalid rune writes U+FFFD.
#pragma once

#include <cstdint>
#include <string>

namespace gol::vm::utf8 {

constexpr int32_t kRuneError = 0xFFFD;

// Decodes the rune at s[0..n); n > 0. Returns the rune, sets *width.
inline int32_t decode(const uint8_t* s, int64_t n, int* width) {
    uint8_t c = s[0];
    if (c < 0x80) { *width = 1; return c; }
    auto cont = [&](int64_t i) { return i < n && (s[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
        if (cont(1)) { *width = 2; return ((c & 0x1F) << 6) | (s[1] & 0x3F); }
    } else if (c >= 0xE0 && c <= 0xEF) {
        if (cont(1) && cont(2)) {
            int32_t r = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            if (r >= 0x800 && !(r >= 0xD800 && r <= 0xDFFF)) { *width = 3; return r; }
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (cont(1) && cont(2) && cont(3)) {
            int32_t r = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
            if (r >= 0x10000 && r <= 0x10FFFF) { *width = 4; return r; }
        }
    }
    *width = 1;
    return kRuneError;
}

inline bool validRune(int64_t r) { return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF); }

// Writes the UTF-8 encoding of r into buf (at least 4 bytes); returns its length.
inline int encode(int64_t r, uint8_t* buf) {
    if (!validRune(r)) r = kRuneError;
    if (r < 0x80) { buf[0] = uint8_t(r); return 1; }
    if (r < 0x800) { buf[0] = uint8_t(0xC0 | (r >> 6)); buf[1] = uint8_t(0x80 | (r & 0x3F)); return 2; }
    if (r < 0x10000) {
        buf[0] = uint8_t(0xE0 | (r >> 12)); buf[1] = uint8_t(0x80 | ((r >> 6) & 0x3F));
        buf[2] = uint8_t(0x80 | (r & 0x3F));
        return 3;
    }
    buf[0] = uint8_t(0xF0 | (r >> 18)); buf[1] = uint8_t(0x80 | ((r >> 12) & 0x3F));
    buf[2] = uint8_t(0x80 | ((r >> 6) & 0x3F)); buf[3] = uint8_t(0x80 | (r & 0x3F));
    return 4;
}

inline void append(std::string& out, int64_t r) {
    uint8_t b[4];
    int n = encode(r, b);
    out.append(reinterpret_cast<char*>(b), size_t(n));
}

} // namespace gol::vm::utf8
