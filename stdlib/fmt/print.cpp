// Verb dispatch for primitive operands and the format-string walker, after Go's fmt/print.go.
#include "stdlib/fmt/print.hpp"

#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::fmt {
namespace {

constexpr std::string_view kPercentBang = "%!";
constexpr std::string_view kNilAngle = "<nil>";

// Go's tooLarge: widths and precisions beyond a million are treated as garbage.
bool tooLarge(int64_t x) {
    return x > 1000000 || x < -1000000;
}

struct Num {
    int num = 0;
    bool isnum = false;
    size_t newi = 0;
};

// Go's parsenum: digits of format[start, end) as an int; overflow gives (0, false, end).
Num parsenum(std::string_view s, size_t start, size_t end) {
    Num r;
    if (start >= end) {
        r.newi = end;
        return r;
    }
    for (r.newi = start; r.newi < end && '0' <= s[r.newi] && s[r.newi] <= '9'; ++r.newi) {
        if (tooLarge(r.num)) return Num{0, false, end};
        r.num = r.num * 10 + (s[r.newi] - '0');
        r.isnum = true;
    }
    return r;
}

struct IntArg {
    int num = 0;
    bool isInt = false;
    int newArgNum = 0;
};

IntArg intFromArg(Operands& a, int argNum) {
    IntArg r{0, false, argNum};
    if (argNum < a.count()) {
        if (auto v = a.intValue(argNum)) {
            r.num = static_cast<int>(tooLarge(*v) ? 0 : *v);
            r.isInt = !tooLarge(*v);
        }
        r.newArgNum = argNum + 1;
    }
    return r;
}

// The state of one doPrintf call (Go keeps reordered/goodArgNum in pp).
struct Walk {
    Printer& p;
    std::string_view format;
    Operands& a;
    bool reordered = false;
    bool goodArgNum = true;

    struct ArgNum {
        int argNum;
        size_t i;
        bool found;
    };

    // Go's argNumber: an explicit "[n]" index at format[i], one-based in the format.
    ArgNum argNumber(int argNum, size_t i) {
        if (format.size() <= i || format[i] != '[') return {argNum, i, false};
        reordered = true;
        std::string_view f = format.substr(i);
        int index = 0;
        size_t wid = 1;
        bool ok = false;
        if (f.size() >= 3) {
            for (size_t j = 1; j < f.size(); ++j) {
                if (f[j] == ']') {
                    Num n = parsenum(f, 1, j);
                    if (!n.isnum || n.newi != j) {
                        wid = j + 1;
                    } else {
                        index = n.num - 1;
                        wid = j + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < a.count()) return {index, i + wid, true};
        goodArgNum = false;
        return {argNum, i + wid, ok};
    }
};

} // namespace

void Printer::writeRune(rune r) {
    utf8::AppendRune(buf, r);
}

void Printer::badVerbNil(rune verb) {
    erroring = true;
    buf += kPercentBang;
    writeRune(verb);
    buf += "(<nil>)";
    erroring = false;
}

void Printer::badVerb(rune verb, std::string_view typeString, const std::function<void()>& printV) {
    erroring = true;
    buf += kPercentBang;
    writeRune(verb);
    buf.push_back('(');
    buf += typeString;
    buf.push_back('=');
    printV();
    buf.push_back(')');
    erroring = false;
}

bool Printer::printNilOrType(bool isNil, std::string_view typeString, rune verb) {
    if (isNil) {
        if (verb == 'T' || verb == 'v')
            fmt.padString(kNilAngle);
        else
            badVerbNil(verb);
        return true;
    }
    if (verb == 'T') {
        fmt.fmtS(typeString);
        return true;
    }
    return false;
}

void Printer::fmtBool(bool v, rune verb, std::string_view typeString) {
    if (verb == 't' || verb == 'v') return fmt.fmtBoolean(v);
    badVerb(verb, typeString, [&] { fmtBool(v, 'v', typeString); });
}

void Printer::fmt0x64(uint64_t v, bool leading0x) {
    bool sharp = fmt.flags.sharp;
    fmt.flags.sharp = leading0x;
    fmt.fmtInteger(v, 16, false, 'v', kLowerDigits);
    fmt.flags.sharp = sharp;
}

void Printer::fmtInteger(uint64_t v, bool isSigned, rune verb, std::string_view typeString) {
    switch (verb) {
    case 'v':
        if (fmt.flags.sharpV && !isSigned)
            fmt0x64(v, true);
        else
            fmt.fmtInteger(v, 10, isSigned, verb, kLowerDigits);
        return;
    case 'd': fmt.fmtInteger(v, 10, isSigned, verb, kLowerDigits); return;
    case 'b': fmt.fmtInteger(v, 2, isSigned, verb, kLowerDigits); return;
    case 'o':
    case 'O': fmt.fmtInteger(v, 8, isSigned, verb, kLowerDigits); return;
    case 'x': fmt.fmtInteger(v, 16, isSigned, verb, kLowerDigits); return;
    case 'X': fmt.fmtInteger(v, 16, isSigned, verb, kUpperDigits); return;
    case 'c': fmt.fmtC(v); return;
    case 'q': fmt.fmtQc(v); return;
    case 'U': fmt.fmtUnicode(v); return;
    }
    badVerb(verb, typeString, [&] { fmtInteger(v, isSigned, 'v', typeString); });
}

void Printer::fmtFloat(double v, int size, rune verb, std::string_view typeString) {
    switch (verb) {
    case 'v': fmt.fmtFloat(v, size, 'g', -1); return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmt.fmtFloat(v, size, verb, -1); return;
    case 'f':
    case 'e':
    case 'E': fmt.fmtFloat(v, size, verb, 6); return;
    case 'F': fmt.fmtFloat(v, size, 'f', 6); return;
    }
    badVerb(verb, typeString, [&] { fmtFloat(v, size, 'v', typeString); });
}

void Printer::fmtString(std::string_view v, rune verb, std::string_view typeString) {
    switch (verb) {
    case 'v':
        if (fmt.flags.sharpV)
            fmt.fmtQ(v);
        else
            fmt.fmtS(v);
        return;
    case 's': fmt.fmtS(v); return;
    case 'x': fmt.fmtSx(v, kLowerDigits); return;
    case 'X': fmt.fmtSx(v, kUpperDigits); return;
    case 'q': fmt.fmtQ(v); return;
    }
    badVerb(verb, typeString, [&] { fmtString(v, 'v', typeString); });
}

void Printer::fmtBytes(std::string_view v, bool isNil, rune verb, std::string_view typeString) {
    switch (verb) {
    case 'v':
    case 'd':
        if (fmt.flags.sharpV) {
            buf += typeString;
            if (isNil) {
                buf += "(nil)";
                return;
            }
            buf.push_back('{');
            for (size_t i = 0; i < v.size(); ++i) {
                if (i > 0) buf += ", ";
                fmt0x64(static_cast<unsigned char>(v[i]), true);
            }
            buf.push_back('}');
        } else {
            buf.push_back('[');
            for (size_t i = 0; i < v.size(); ++i) {
                if (i > 0) buf.push_back(' ');
                fmt.fmtInteger(static_cast<unsigned char>(v[i]), 10, false, verb, kLowerDigits);
            }
            buf.push_back(']');
        }
        return;
    case 's': fmt.fmtBs(v); return;
    case 'x': fmt.fmtBx(v, kLowerDigits); return;
    case 'X': fmt.fmtBx(v, kUpperDigits); return;
    case 'q': fmt.fmtQ(v); return;
    }
    // Any other verb: Go prints the slice element by element (printValue), so a bad verb is
    // reported per byte: [%!z(uint8=1) %!z(uint8=2)].
    buf.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
        if (i > 0) buf.push_back(' ');
        fmtInteger(static_cast<unsigned char>(v[i]), false, verb, "uint8");
    }
    buf.push_back(']');
}

void Printer::fmtPointer(uint64_t u, rune verb, std::string_view typeString) {
    switch (verb) {
    case 'v':
        if (fmt.flags.sharpV) {
            buf.push_back('(');
            buf += typeString;
            buf += ")(";
            if (u == 0)
                buf += "nil";
            else
                fmt0x64(u, true);
            buf.push_back(')');
        } else {
            if (u == 0)
                fmt.padString(kNilAngle);
            else
                fmt0x64(u, !fmt.flags.sharp);
        }
        return;
    case 'p': fmt0x64(u, !fmt.flags.sharp); return;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': fmtInteger(u, false, verb, typeString); return;
    }
    badVerb(verb, typeString, [&] { fmtPointer(u, 'v', typeString); });
}

void doPrintf(Printer& p, std::string_view format, Operands& a) {
    Walk w{p, format, a};
    const size_t end = format.size();
    int argNum = 0;          // one operand per non-trivial verb
    bool afterIndex = false; // the previous item was an index like [3]
    Formatter& f = p.fmt;
    for (size_t i = 0; i < end;) {
        w.goodArgNum = true;
        size_t lasti = i;
        while (i < end && format[i] != '%')
            ++i;
        if (i > lasti) p.buf.append(format.substr(lasti, i - lasti));
        if (i >= end) break;
        ++i; // skip '%'

        f.clearflags();
        bool simpleDone = false;
        for (; i < end; ++i) {
            char c = format[i];
            if (c == '#')
                f.flags.sharp = true;
            else if (c == '0')
                f.flags.zero = !f.flags.minus; // only pad with zeros on the left
            else if (c == '+')
                f.flags.plus = true;
            else if (c == '-')
                f.flags.minus = true, f.flags.zero = false;
            else if (c == ' ')
                f.flags.space = true;
            else {
                // Fast path: a lower-case verb right after the flags.
                if ('a' <= c && c <= 'z' && argNum < a.count()) {
                    if (c == 'v') {
                        f.flags.sharpV = f.flags.sharp;
                        f.flags.sharp = false;
                        f.flags.plusV = f.flags.plus;
                        f.flags.plus = false;
                    }
                    a.print(p, argNum, c);
                    ++argNum;
                    ++i;
                    simpleDone = true;
                }
                break;
            }
        }
        if (simpleDone) continue;

        auto an = w.argNumber(argNum, i);
        argNum = an.argNum, i = an.i, afterIndex = an.found;

        if (i < end && format[i] == '*') {
            ++i;
            IntArg ia = intFromArg(a, argNum);
            f.wid = ia.num, f.flags.widPresent = ia.isInt, argNum = ia.newArgNum;
            if (!f.flags.widPresent) p.buf += "%!(BADWIDTH)";
            if (f.wid < 0) { // a negative '*' width means '-' padding
                f.wid = -f.wid;
                f.flags.minus = true;
                f.flags.zero = false;
            }
            afterIndex = false;
        } else {
            Num n = parsenum(format, i, end);
            f.wid = n.num, f.flags.widPresent = n.isnum, i = n.newi;
            if (afterIndex && f.flags.widPresent) w.goodArgNum = false; // "%[3]2d"
        }

        if (i + 1 < end && format[i] == '.') {
            ++i;
            if (afterIndex) w.goodArgNum = false; // "%[3].2d"
            an = w.argNumber(argNum, i);
            argNum = an.argNum, i = an.i, afterIndex = an.found;
            if (i < end && format[i] == '*') {
                ++i;
                IntArg ia = intFromArg(a, argNum);
                f.prec = ia.num, f.flags.precPresent = ia.isInt, argNum = ia.newArgNum;
                if (f.prec < 0) { // a negative '*' precision means none
                    f.prec = 0;
                    f.flags.precPresent = false;
                }
                if (!f.flags.precPresent) p.buf += "%!(BADPREC)";
                afterIndex = false;
            } else {
                Num n = parsenum(format, i, end);
                f.prec = n.num, f.flags.precPresent = n.isnum, i = n.newi;
                if (!f.flags.precPresent) { // "%.d" means precision 0
                    f.prec = 0;
                    f.flags.precPresent = true;
                }
            }
        }

        if (!afterIndex) {
            an = w.argNumber(argNum, i);
            argNum = an.argNum, i = an.i, afterIndex = an.found;
        }

        if (i >= end) {
            p.buf += "%!(NOVERB)";
            break;
        }

        rune verb = static_cast<unsigned char>(format[i]);
        size_t size = 1;
        if (verb >= utf8::RuneSelf) {
            auto d = utf8::DecodeRuneInString(format.substr(i));
            verb = d.r;
            size = static_cast<size_t>(d.size);
        }
        i += size;

        if (verb == '%') {
            p.buf.push_back('%'); // absorbs no operand and ignores width and precision
        } else if (!w.goodArgNum) {
            p.buf += kPercentBang;
            p.writeRune(verb);
            p.buf += "(BADINDEX)";
        } else if (argNum >= a.count()) {
            p.buf += kPercentBang;
            p.writeRune(verb);
            p.buf += "(MISSING)";
        } else {
            if (verb == 'v') {
                f.flags.sharpV = f.flags.sharp;
                f.flags.sharp = false;
                f.flags.plusV = f.flags.plus;
                f.flags.plus = false;
            }
            a.print(p, argNum, verb);
            ++argNum;
        }
    }

    if (!w.reordered && argNum < a.count()) {
        f.clearflags();
        p.buf += "%!(EXTRA ";
        for (int i = argNum; i < a.count(); ++i) {
            if (i > argNum) p.buf += ", ";
            if (a.isNil(i)) {
                p.buf += kNilAngle;
            } else {
                p.buf += a.typeString(i);
                p.buf.push_back('=');
                a.print(p, i, 'v');
            }
        }
        p.buf.push_back(')');
    }
}

void doPrint(Printer& p, Operands& a) {
    bool prevString = false;
    for (int i = 0; i < a.count(); ++i) {
        // A space goes between operands when neither side is a string.
        bool isString = !a.isNil(i) && a.isString(i);
        if (i > 0 && !isString && !prevString) p.buf.push_back(' ');
        p.fmt.clearflags();
        a.print(p, i, 'v');
        prevString = isString;
    }
}

void doPrintln(Printer& p, Operands& a) {
    for (int i = 0; i < a.count(); ++i) {
        if (i > 0) p.buf.push_back(' ');
        p.fmt.clearflags();
        a.print(p, i, 'v');
    }
    p.buf.push_back('\n');
}

} // namespace gol::stdlib::fmt
