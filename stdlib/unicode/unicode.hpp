// Package unicode: Go's character classes and case mappings, answered from Go's own tables.
//
// Every predicate has Go's exact definition (unicode/graphic.go, letter.go): Latin-1 code points
// are answered from Go's `properties` table, the rest from the Unicode 13 range tables of Go 1.19.
#pragma once

#include <cstdint>

namespace gol::stdlib::unicode {

using rune = int32_t;

inline constexpr rune MaxRune = 0x10FFFF;
inline constexpr rune ReplacementChar = 0xFFFD;
inline constexpr rune MaxASCII = 0x7F;
inline constexpr rune MaxLatin1 = 0xFF;

const char* Version(); // "13.0.0"

bool IsLetter(rune r);
bool IsDigit(rune r);
bool IsNumber(rune r);
bool IsSpace(rune r);
bool IsUpper(rune r);
bool IsLower(rune r);
bool IsTitle(rune r);
bool IsPunct(rune r);
bool IsPrint(rune r);
bool IsGraphic(rune r);
bool IsControl(rune r);
bool IsMark(rune r);
bool IsSymbol(rune r);

rune ToUpper(rune r);
rune ToLower(rune r);
rune ToTitle(rune r);
// SimpleFold iterates over Unicode code points equivalent under simple case folding, returning
// the smallest one greater than r, or wrapping around to the smallest.
rune SimpleFold(rune r);

} // namespace gol::stdlib::unicode
