// The number and string formatter beneath fmt's verbs (Go's fmt/format.go): padding, signs,
// bases, precision and the flag rules for one operand at a time.
//
// A Formatter appends to a buffer it does not own (its Printer's). The flags are reset per verb
// by clearflags(), which, as in Go, leaves wid and prec alone and clears only their presence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gol::stdlib::fmt {

using rune = int32_t;

struct Flags {
    bool widPresent = false;
    bool precPresent = false;
    bool minus = false;
    bool plus = false;
    bool sharp = false;
    bool space = false;
    bool zero = false;
    // %+v and %#v: plus and sharp move here when the verb is 'v'.
    bool plusV = false;
    bool sharpV = false;
};

inline constexpr std::string_view kLowerDigits = "0123456789abcdefx";
inline constexpr std::string_view kUpperDigits = "0123456789ABCDEFX";

class Formatter {
  public:
    explicit Formatter(std::string& buf) : buf_(buf) {}
    Formatter(const Formatter&) = delete;
    Formatter& operator=(const Formatter&) = delete;

    Flags flags;
    int wid = 0;
    int prec = 0;

    void clearflags() { flags = Flags{}; }

    // n padding bytes: '0' if the zero flag is set, else ' '.
    void writePadding(int n);
    // s padded to the width (counted in runes) on the left, or on the right with '-'.
    void pad(std::string_view s);
    void padString(std::string_view s) { pad(s); }

    void fmtBoolean(bool v);
    // %U: U+0041, with '#' also the quoted character if printable: U+0041 'A'.
    void fmtUnicode(uint64_t u);
    // Integers in base 2, 8, 10 or 16; digits is kLowerDigits or kUpperDigits (its last byte is
    // the 'x' of the 0x prefix); verb 'O' adds the 0o prefix.
    void fmtInteger(uint64_t u, int base, bool isSigned, rune verb, std::string_view digits);
    void fmtC(uint64_t c);  // %c
    void fmtQc(uint64_t c); // %q of an integer: a quoted rune literal
    // Floats through strconv.AppendFloat with Go's sign, '#', zero-padding, Inf/NaN rules.
    // prec -1 means shortest unless a precision flag is present. size is 32 or 64.
    void fmtFloat(double v, int size, rune verb, int prec);
    void fmtS(std::string_view s);  // string, truncated to the precision in runes
    void fmtBs(std::string_view b); // []byte, same rule
    // %x/%X of a string or []byte: hex pairs, with ' ' separating and '#' adding 0x.
    void fmtSbx(std::string_view s, std::string_view digits);
    void fmtSx(std::string_view s, std::string_view digits) { fmtSbx(s, digits); }
    void fmtBx(std::string_view b, std::string_view digits) { fmtSbx(b, digits); }
    // %q of a string: Go-quoted, with '+' ASCII only, with '#' backquoted when possible.
    void fmtQ(std::string_view s);

  private:
    std::string_view truncate(std::string_view s) const;
    std::string& buf_;
};

} // namespace gol::stdlib::fmt
