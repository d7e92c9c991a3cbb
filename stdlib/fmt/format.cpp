// Go's fmt/format.go behaviour for a single operand. The rules worth knowing:
//  - width counts runes; '-' pads on the right and disables '0';
//  - for integers an explicit precision disables '0' padding, and %.0d of 0 prints nothing;
//  - '0' padding of numbers goes after the sign; Inf and NaN are never zero padded;
//  - '#' on %e %f %g keeps the decimal point (and for %g the trailing zeros).
#include "stdlib/fmt/format.hpp"

#include <algorithm>
#include <vector>

#include "stdlib/strconv/strconv.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::fmt {

void Formatter::writePadding(int n) {
    if (n <= 0) return;
    buf_.append(static_cast<size_t>(n), flags.zero ? '0' : ' ');
}

void Formatter::pad(std::string_view s) {
    if (!flags.widPresent || wid == 0) {
        buf_.append(s);
        return;
    }
    int width = wid - utf8::RuneCount(s);
    if (!flags.minus) {
        writePadding(width);
        buf_.append(s);
    } else {
        buf_.append(s);
        writePadding(width);
    }
}

void Formatter::fmtBoolean(bool v) {
    padString(v ? "true" : "false");
}

void Formatter::fmtUnicode(uint64_t u) {
    int p = 4;
    if (flags.precPresent && prec > 4) p = prec;
    // Built right to left: "U+", zero-padded hex, then for '#' a space and the quoted rune.
    std::string tail;
    if (flags.sharp && u <= static_cast<uint64_t>(utf8::MaxRune) && strconv::IsPrint(static_cast<rune>(u))) {
        tail = " '";
        utf8::AppendRune(tail, static_cast<rune>(u));
        tail.push_back('\'');
    }
    std::string hex;
    do {
        hex.push_back(kUpperDigits[u & 0xF]);
        --p;
        u >>= 4;
    } while (u != 0);
    for (; p > 0; --p)
        hex.push_back('0');
    hex += "+U";
    std::reverse(hex.begin(), hex.end());
    bool oldZero = flags.zero;
    flags.zero = false;
    pad(hex + tail);
    flags.zero = oldZero;
}

void Formatter::fmtInteger(uint64_t u, int base, bool isSigned, rune verb, std::string_view digits) {
    const bool negative = isSigned && static_cast<int64_t>(u) < 0;
    if (negative) u = ~u + 1;

    // Room for the digits of a 64-bit value in base 2 plus prefixes (Go's 68-byte intbuf), or
    // for the requested width/precision plus a sign and "0x".
    // The common case (no huge width/precision) formats on the stack: this runs for every
    // integer printed.
    constexpr size_t kIntBuf = 68;
    char small[kIntBuf];
    std::vector<char> big;
    size_t size = kIntBuf;
    char* buf = small;
    if ((flags.widPresent || flags.precPresent) && static_cast<size_t>(3 + wid + prec) > kIntBuf) {
        size = static_cast<size_t>(3 + wid + prec);
        big.resize(size);
        buf = big.data();
    }

    // Two ways to ask for leading zeros: %.3d or %03d. With both, '0' is ignored.
    int p = 0;
    if (flags.precPresent) {
        p = prec;
        if (p == 0 && u == 0) { // precision 0 and value 0 print nothing but padding
            bool oldZero = flags.zero;
            flags.zero = false;
            writePadding(wid);
            flags.zero = oldZero;
            return;
        }
    } else if (flags.zero && flags.widPresent) {
        p = wid;
        if (negative || flags.plus || flags.space) --p; // leave room for the sign
    }

    size_t i = size;
    // Constant divisors per base: the compiler turns them into multiplications and shifts.
    switch (base) {
    case 10:
        for (; u >= 10; u /= 10)
            buf[--i] = static_cast<char>('0' + u % 10);
        break;
    case 16:
        for (; u >= 16; u >>= 4)
            buf[--i] = digits[u & 0xF];
        break;
    case 8:
        for (; u >= 8; u >>= 3)
            buf[--i] = static_cast<char>('0' + (u & 7));
        break;
    case 2:
        for (; u >= 2; u >>= 1)
            buf[--i] = static_cast<char>('0' + (u & 1));
        break;
    }
    buf[--i] = digits[u];
    while (i > 0 && p > static_cast<int>(size - i))
        buf[--i] = '0';

    if (flags.sharp) {
        switch (base) {
        case 2:
            buf[--i] = 'b';
            buf[--i] = '0';
            break;
        case 8:
            if (buf[i] != '0') buf[--i] = '0';
            break;
        case 16:
            buf[--i] = digits[16];
            buf[--i] = '0';
            break;
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (flags.plus)
        buf[--i] = '+';
    else if (flags.space)
        buf[--i] = ' ';

    // Zero padding was done above as precision, or is overridden by an explicit precision.
    bool oldZero = flags.zero;
    flags.zero = false;
    pad(std::string_view(buf + i, size - i));
    flags.zero = oldZero;
}

void Formatter::fmtC(uint64_t c) {
    rune r = c > static_cast<uint64_t>(utf8::MaxRune) ? utf8::RuneError : static_cast<rune>(c);
    char tmp[utf8::UTFMax];
    int w = utf8::EncodeRune(tmp, r);
    pad(std::string_view(tmp, static_cast<size_t>(w)));
}

void Formatter::fmtQc(uint64_t c) {
    rune r = c > static_cast<uint64_t>(utf8::MaxRune) ? utf8::RuneError : static_cast<rune>(c);
    pad(flags.plus ? strconv::QuoteRuneToASCII(r) : strconv::QuoteRune(r));
}

void Formatter::fmtFloat(double v, int size, rune verb, int precArg) {
    if (flags.precPresent) precArg = prec;
    // num[0] is reserved for the sign.
    std::string num = "+";
    strconv::AppendFloat(num, v, static_cast<char>(verb), precArg, size);
    if (num[1] == '-' || num[1] == '+') num.erase(0, 1);
    if (flags.space && num[0] == '+' && !flags.plus) num[0] = ' ';
    // Infinities and NaN don't look like numbers, so they are never zero padded.
    if (num[1] == 'I' || num[1] == 'N') {
        bool oldZero = flags.zero;
        flags.zero = false;
        if (num[1] == 'N' && !flags.space && !flags.plus) num.erase(0, 1); // no sign on NaN
        pad(num);
        flags.zero = oldZero;
        return;
    }
    // '#' forces a decimal point; for %g/%G/%v/%x it also keeps trailing zeros up to the
    // precision (6 when shortest).
    if (flags.sharp && verb != 'b') {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = precArg == -1 ? 6 : precArg;
        std::string tail;
        bool hasDecimalPoint = false, sawNonzeroDigit = false;
        for (size_t i = 1; i < num.size(); ++i) {
            char c = num[i];
            if (c == '.') {
                hasDecimalPoint = true;
                continue;
            }
            if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num.substr(i);
                num.resize(i);
                break;
            }
            if (c != '0') sawNonzeroDigit = true;
            if (sawNonzeroDigit) --digits;
        }
        if (!hasDecimalPoint) {
            if (num.size() == 2 && num[1] == '0') --digits; // a lone leading 0 counts once
            num.push_back('.');
        }
        for (; digits > 0; --digits)
            num.push_back('0');
        num += tail;
    }
    if (flags.plus || num[0] != '+') {
        // Zero padding goes between the sign and the digits.
        if (flags.zero && flags.widPresent && wid > static_cast<int>(num.size())) {
            buf_.push_back(num[0]);
            writePadding(wid - static_cast<int>(num.size()));
            buf_.append(num, 1);
            return;
        }
        pad(num);
        return;
    }
    pad(std::string_view(num).substr(1));
}

std::string_view Formatter::truncate(std::string_view s) const {
    if (flags.precPresent) {
        int n = prec;
        for (size_t i = 0; i < s.size();) {
            if (--n < 0) return s.substr(0, i);
            size_t w = 1;
            if (static_cast<unsigned char>(s[i]) >= utf8::RuneSelf)
                w = static_cast<size_t>(utf8::DecodeRuneInString(s.substr(i)).size);
            i += w;
        }
    }
    return s;
}

void Formatter::fmtS(std::string_view s) {
    padString(truncate(s));
}
void Formatter::fmtBs(std::string_view b) {
    pad(truncate(b));
}

void Formatter::fmtSbx(std::string_view s, std::string_view digits) {
    int length = static_cast<int>(s.size());
    if (flags.precPresent && prec < length) length = prec; // precision limits the bytes encoded
    int width = 2 * length;
    if (width > 0) {
        if (flags.space) {
            if (flags.sharp) width *= 2; // each byte gets its own 0x
            width += length - 1;         // separated by spaces
        } else if (flags.sharp) {
            width += 2; // one 0x for the whole string
        }
    } else {
        if (flags.widPresent) writePadding(wid);
        return;
    }
    if (flags.widPresent && wid > width && !flags.minus) writePadding(wid - width);
    if (flags.sharp) {
        buf_.push_back('0');
        buf_.push_back(digits[16]);
    }
    for (int i = 0; i < length; ++i) {
        if (flags.space && i > 0) {
            buf_.push_back(' ');
            if (flags.sharp) {
                buf_.push_back('0');
                buf_.push_back(digits[16]);
            }
        }
        unsigned char c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
        buf_.push_back(digits[c >> 4]);
        buf_.push_back(digits[c & 0xF]);
    }
    if (flags.widPresent && wid > width && flags.minus) writePadding(wid - width);
}

void Formatter::fmtQ(std::string_view s) {
    s = truncate(s);
    if (flags.sharp && strconv::CanBackquote(s)) {
        std::string q = "`";
        q.append(s);
        q.push_back('`');
        padString(q);
        return;
    }
    pad(flags.plus ? strconv::QuoteToASCII(s) : strconv::Quote(s));
}

} // namespace gol::stdlib::fmt
