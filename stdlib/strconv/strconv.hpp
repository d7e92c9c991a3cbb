// Package strconv: Go's number, bool and quoted-string conversions, byte-identical to Go 1.19.
//
// Errors are data, as in Go: parse functions return their value together with an optional
// NumError whose Error() text is Go's ("strconv.ParseInt: parsing \"abc\": invalid syntax").
// Functions that panic in Go (bad base, bad bitSize) throw stdlib::Panic with Go's message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gol::stdlib::strconv {

using rune = int32_t;

inline constexpr int IntSize = 64; // gol's int is 64 bits, as on every 64-bit Go platform

// The sentinel errors ErrRange and ErrSyntax, and the two argument errors, which in Go are
// fresh errors.New values ("invalid base 1", "invalid bit size 65").
enum class ErrKind { Syntax, Range, Base, BitSize };

struct NumError {
    std::string Func; // "ParseInt", "ParseUint", "ParseFloat", "ParseBool", "Atoi"
    std::string Num;  // the input
    ErrKind Err;
    int arg = 0; // the bad base or bit size for ErrKind::Base / BitSize
    // The inner error's text: "invalid syntax", "value out of range", "invalid base N", ...
    std::string ErrText() const;
    // Go's (*NumError).Error(): "strconv." + Func + ": parsing " + Quote(Num) + ": " + ErrText()
    std::string Error() const;
};

template <class T> struct Parsed {
    T value{};
    std::optional<NumError> err;
    bool ok() const { return !err.has_value(); }
};

// ---- integers (itoa.cpp, atoi.cpp)
// base must be in [2, 36]; otherwise throws Panic("strconv: illegal AppendInt/FormatInt base").
std::string FormatInt(int64_t i, int base);
std::string FormatUint(uint64_t i, int base);
std::string Itoa(int64_t i);
void AppendInt(std::string& dst, int64_t i, int base);
void AppendUint(std::string& dst, uint64_t i, int base);

// base 0 infers the base from the prefix (0b, 0o, 0, 0x) and then allows '_' separators;
// bitSize 0 means IntSize. Out-of-range values return the clamped limit with ErrRange.
Parsed<int64_t> ParseInt(std::string_view s, int base, int bitSize);
Parsed<uint64_t> ParseUint(std::string_view s, int base, int bitSize);
Parsed<int64_t> Atoi(std::string_view s);

// ---- bools (atob.cpp)
Parsed<bool> ParseBool(std::string_view s);
std::string FormatBool(bool b);
void AppendBool(std::string& dst, bool b);

// ---- floats (ftoa.cpp, atof.cpp)
// fmt: 'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X' (anything else yields "%" + fmt, as in Go);
// prec -1 = the fewest digits that round-trip at bitSize. bitSize must be 32 or 64; otherwise
// throws Panic("strconv: illegal AppendFloat/FormatFloat bitSize").
std::string FormatFloat(double f, char fmt, int prec, int bitSize);
void AppendFloat(std::string& dst, double f, char fmt, int prec, int bitSize);
// Go literal syntax incl. hex floats, '_' separators, "inf"/"infinity"/"nan" (any case).
// Overflow returns ±Inf with ErrRange. bitSize 32 rounds to float32 directly (no double rounding).
Parsed<double> ParseFloat(std::string_view s, int bitSize);

// ---- quoting (quote.cpp)
std::string Quote(std::string_view s);
std::string QuoteToASCII(std::string_view s);
std::string QuoteToGraphic(std::string_view s);
std::string QuoteRune(rune r);
std::string QuoteRuneToASCII(rune r);
std::string QuoteRuneToGraphic(rune r);
void AppendQuote(std::string& dst, std::string_view s);
void AppendQuoteToASCII(std::string& dst, std::string_view s);
void AppendQuoteRune(std::string& dst, rune r);
void AppendQuoteRuneToASCII(std::string& dst, rune r);
void AppendQuoteToGraphic(std::string& dst, std::string_view s);
void AppendQuoteRuneToGraphic(std::string& dst, rune r);
bool CanBackquote(std::string_view s);
bool IsPrint(rune r);
bool IsGraphic(rune r);

// Unquote and UnquoteChar fail with Go's bare ErrSyntax ("invalid syntax"), not a NumError.
std::optional<std::string> Unquote(std::string_view s);
struct UnquotedChar {
    rune value;
    bool multibyte;
    std::string_view tail;
};
std::optional<UnquotedChar> UnquoteChar(std::string_view s, char quote);
// QuotedPrefix returns the quoted string at the start of s, or nullopt (ErrSyntax).
std::optional<std::string_view> QuotedPrefix(std::string_view s);

} // namespace gol::stdlib::strconv
