// Package unicode/utf8: Go's UTF-8 decoding and encoding, with Go's exact treatment of invalid
// input: every byte that does not start a valid, shortest-form, non-surrogate sequence decodes as
// RuneError (U+FFFD) of width 1, so scanning always makes progress one byte at a time.
//
// Go's []byte and string versions are the same function here: both take a std::string_view.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gol::stdlib::utf8 {

using rune = int32_t;

inline constexpr rune RuneError = 0xFFFD;
inline constexpr rune RuneSelf = 0x80;
inline constexpr rune MaxRune = 0x10FFFF;
inline constexpr int UTFMax = 4;

struct Decoded {
    rune r;
    int size;
};

// DecodeRune unpacks the first UTF-8 encoding in s: (RuneError, 0) if s is empty, (RuneError, 1)
// if the encoding is invalid.
Decoded DecodeRune(std::string_view s);
inline Decoded DecodeRuneInString(std::string_view s) {
    return DecodeRune(s);
}
// DecodeLastRune unpacks the last UTF-8 encoding in s, with the same error convention.
Decoded DecodeLastRune(std::string_view s);
inline Decoded DecodeLastRuneInString(std::string_view s) {
    return DecodeLastRune(s);
}

// EncodeRune writes the encoding of r (RuneError if r is invalid) into p, which must hold
// UTFMax bytes, and returns the number of bytes written.
int EncodeRune(char* p, rune r);
// AppendRune appends the encoding of r to out.
void AppendRune(std::string& out, rune r);
std::string EncodeRuneToString(rune r);

// RuneLen: bytes needed to encode r, or -1 if r is not a valid UTF-8 value.
int RuneLen(rune r);
int RuneCount(std::string_view s);
inline int RuneCountInString(std::string_view s) {
    return RuneCount(s);
}
bool RuneStart(unsigned char b);
bool FullRune(std::string_view s);
inline bool FullRuneInString(std::string_view s) {
    return FullRune(s);
}
bool Valid(std::string_view s);
inline bool ValidString(std::string_view s) {
    return Valid(s);
}
bool ValidRune(rune r);

} // namespace gol::stdlib::utf8
