// Port of Go 1.19's cmd/compile/internal/syntax scanner (BSD license, The Go
// Authors); the structure follows the original so the two read side by side.
#include "compiler/syntax/lexer.hpp"

#include "compiler/syntax/unicode_class.hpp"

#include <cstdio>

namespace gol::syntax {

namespace {

int32_t lower(int32_t ch) {
    return ('a' - 'A') | ch;
} // lower-case ch iff ch is an ASCII letter
bool isLetter(int32_t ch) {
    return ('a' <= lower(ch) && lower(ch) <= 'z') || ch == '_';
}
bool isDecimal(int32_t ch) {
    return '0' <= ch && ch <= '9';
}
bool isHex(int32_t ch) {
    return isDecimal(ch) || ('a' <= lower(ch) && lower(ch) <= 'f');
}

const char* baseName(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

// Index of the first invalid '_' separator in a number literal, or -1.
int invalidSep(std::string_view x) {
    int32_t x1 = ' '; // prefix char, we only care if it's 'x'
    int32_t d = '.';  // digit, one of '_', '0' (a digit), or '.' (anything else)
    size_t i = 0;
    if (x.size() >= 2 && x[0] == '0') {
        x1 = lower(x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < x.size(); i++) {
        int32_t p = d;
        d = (unsigned char)x[i];
        if (d == '_') {
            if (p != '0') return int(i);
        } else if (isDecimal(d) || (x1 == 'x' && isHex(d))) {
            d = '0';
        } else {
            if (p == '_') return int(i) - 1;
            d = '.';
        }
    }
    if (d == '_') return int(x.size()) - 1;
    return -1;
}

// Approximation of strconv.IsPrint sufficient for error messages: letters, digits,
// punctuation and symbols print; control, format and private-use characters don't.
bool isPrint(int32_t r) {
    if (r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad) return false;
    if ((r >= 0x200b && r <= 0x200f) || (r >= 0x2028 && r <= 0x202e) || (r >= 0x2060 && r <= 0x206f))
        return false;
    if (r == 0xfeff || (r >= 0xd800 && r < 0xe000) || (r >= 0xe000 && r <= 0xf8ff) || r > 0x10ffff)
        return false;
    if ((r & 0xfffe) == 0xfffe || (r >= 0xfff9 && r <= 0xfffb)) return false;
    return true;
}

} // namespace

char32_t decodeRune(std::string_view s, uint32_t* width) {
    auto b = [&](size_t i) { return (unsigned char)s[i]; };
    *width = 1;
    if (s.empty()) return 0xFFFD;
    unsigned c0 = b(0);
    if (c0 < 0x80) return c0;
    auto cont = [&](size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
    if (c0 >= 0xC2 && c0 <= 0xDF && cont(1)) {
        *width = 2;
        return ((c0 & 0x1F) << 6) | (b(1) & 0x3F);
    }
    if (c0 >= 0xE0 && c0 <= 0xEF && cont(1) && cont(2)) {
        char32_t r = ((c0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        if (r < 0x800 || (r >= 0xD800 && r < 0xE000)) return 0xFFFD;
        *width = 3;
        return r;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        char32_t r = ((c0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
        if (r < 0x10000 || r > 0x10FFFF) return 0xFFFD;
        *width = 4;
        return r;
    }
    return 0xFFFD;
}

void appendUtf8(std::string& out, char32_t r) {
    if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
    if (r < 0x80) {
        out += char(r);
    } else if (r < 0x800) {
        out += char(0xC0 | (r >> 6));
        out += char(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += char(0xE0 | (r >> 12));
        out += char(0x80 | ((r >> 6) & 0x3F));
        out += char(0x80 | (r & 0x3F));
    } else {
        out += char(0xF0 | (r >> 18));
        out += char(0x80 | ((r >> 12) & 0x3F));
        out += char(0x80 | ((r >> 6) & 0x3F));
        out += char(0x80 | (r & 0x3F));
    }
}

std::string formatRuneU(int32_t r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(r));
    std::string s = buf;
    if (isPrint(r)) {
        s += " '";
        appendUtf8(s, char32_t(r));
        s += "'";
    }
    return s;
}

std::string quoteRune(int32_t r) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
    std::string s = "'";
    char buf[16];
    switch (r) {
    case '\a': s += "\\a"; break;
    case '\b': s += "\\b"; break;
    case '\f': s += "\\f"; break;
    case '\n': s += "\\n"; break;
    case '\r': s += "\\r"; break;
    case '\t': s += "\\t"; break;
    case '\v': s += "\\v"; break;
    case '\\': s += "\\\\"; break;
    case '\'': s += "\\'"; break;
    default:
        if (isPrint(r)) {
            appendUtf8(s, char32_t(r));
        } else if (r < 0x80) {
            std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(r));
            s += buf;
        } else if (r < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(r));
            s += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(r));
            s += buf;
        }
    }
    return s + "'";
}

Lexer::Lexer(std::string_view src, ErrorFn errh) : src_(src), errh_(std::move(errh)) {}

void Lexer::error(const std::string& msg) {
    errh_(chPos(), msg);
}

void Lexer::errorAt(uint32_t offset, const std::string& msg) {
    errh_({pos.line, pos.col + offset}, msg);
}

void Lexer::nextch() {
redo:
    col_ += chw_;
    if (ch_ == '\n') {
        line_++;
        col_ = 0;
    }
    if (r_ >= src_.size()) {
        ch_ = -1;
        chw_ = 0;
        return;
    }
    unsigned char c = (unsigned char)src_[r_];
    if (c < 0x80) {
        ch_ = c;
        chw_ = 1;
        r_++;
        if (c == 0) {
            error("invalid NUL character");
            goto redo;
        }
        return;
    }
    uint32_t w;
    char32_t r = decodeRune(src_.substr(r_), &w);
    ch_ = int32_t(r);
    chw_ = w;
    r_ += w;
    if (r == 0xFFFD && w == 1) {
        error("invalid UTF-8 encoding");
        goto redo;
    }
    // BOMs are only allowed as the first character in a file.
    if (r == 0xFEFF) {
        if (line_ > 0 || col_ > 0) error("invalid BOM in the middle of the file");
        goto redo;
    }
}

void Lexer::setLit(Tok kind, bool ok) {
    nlsemi_ = true;
    tok = kind;
    lit = segment();
    bad = !ok;
}

void Lexer::next() {
    bool nlsemi = nlsemi_;
    nlsemi_ = false;
    bad = false;
    lit = {};

redo:
    while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !nlsemi) || ch_ == '\r')
        nextch();

    // token start
    pos = chPos();
    startSegment();
    if (isLetter(ch_) || (ch_ >= 0x80 && atIdentChar(true))) {
        nextch();
        ident();
        return;
    }

    switch (ch_) {
    case -1:
        if (nlsemi) {
            lit = "EOF";
            tok = Tok::Semicolon;
            break;
        }
        tok = Tok::End;
        break;
    case '\n':
        nextch();
        lit = "newline";
        tok = Tok::Semicolon;
        break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': number(false); break;
    case '"': stdString(); break;
    case '`': rawString(); break;
    case '\'': rune(); break;
    case '(':
        nextch();
        tok = Tok::LParen;
        break;
    case '[':
        nextch();
        tok = Tok::LBrack;
        break;
    case '{':
        nextch();
        tok = Tok::LBrace;
        break;
    case ',':
        nextch();
        tok = Tok::Comma;
        break;
    case ';':
        nextch();
        lit = "semicolon";
        tok = Tok::Semicolon;
        break;
    case ')':
        nextch();
        nlsemi_ = true;
        tok = Tok::RParen;
        break;
    case ']':
        nextch();
        nlsemi_ = true;
        tok = Tok::RBrack;
        break;
    case '}':
        nextch();
        nlsemi_ = true;
        tok = Tok::RBrace;
        break;
    case ':':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::Define;
            break;
        }
        tok = Tok::Colon;
        break;
    case '.':
        nextch();
        if (isDecimal(ch_)) {
            number(true);
            break;
        }
        if (ch_ == '.' && r_ < src_.size() && src_[r_] == '.') {
            nextch();
            nextch();
            tok = Tok::Ellipsis;
            break;
        }
        tok = Tok::Period;
        break;
    case '+':
    case '-': {
        int32_t c = ch_;
        nextch();
        if (ch_ == c) {
            nextch();
            nlsemi_ = true;
            tok = c == '+' ? Tok::Inc : Tok::Dec;
            break;
        }
        if (ch_ == '=') {
            nextch();
            tok = c == '+' ? Tok::AddAssign : Tok::SubAssign;
            break;
        }
        tok = c == '+' ? Tok::Add : Tok::Sub;
        break;
    }
    case '*':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::MulAssign;
            break;
        }
        tok = Tok::Mul;
        break;
    case '/':
        nextch();
        if (ch_ == '/') {
            nextch();
            lineComment();
            goto redo;
        }
        if (ch_ == '*') {
            nextch();
            uint32_t startLine = pos.line;
            fullComment();
            if (line_ + 1 > startLine && nlsemi) {
                // A multi-line comment acts like a newline.
                lit = "newline";
                tok = Tok::Semicolon;
                break;
            }
            goto redo;
        }
        if (ch_ == '=') {
            nextch();
            tok = Tok::QuoAssign;
            break;
        }
        tok = Tok::Quo;
        break;
    case '%':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::RemAssign;
            break;
        }
        tok = Tok::Rem;
        break;
    case '&':
        nextch();
        if (ch_ == '&') {
            nextch();
            tok = Tok::LAnd;
            break;
        }
        if (ch_ == '^') {
            nextch();
            if (ch_ == '=') {
                nextch();
                tok = Tok::AndNotAssign;
                break;
            }
            tok = Tok::AndNot;
            break;
        }
        if (ch_ == '=') {
            nextch();
            tok = Tok::AndAssign;
            break;
        }
        tok = Tok::And;
        break;
    case '|':
        nextch();
        if (ch_ == '|') {
            nextch();
            tok = Tok::LOr;
            break;
        }
        if (ch_ == '=') {
            nextch();
            tok = Tok::OrAssign;
            break;
        }
        tok = Tok::Or;
        break;
    case '^':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::XorAssign;
            break;
        }
        tok = Tok::Xor;
        break;
    case '<':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::Leq;
            break;
        }
        if (ch_ == '<') {
            nextch();
            if (ch_ == '=') {
                nextch();
                tok = Tok::ShlAssign;
                break;
            }
            tok = Tok::Shl;
            break;
        }
        if (ch_ == '-') {
            nextch();
            tok = Tok::Arrow;
            break;
        }
        tok = Tok::Lss;
        break;
    case '>':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::Geq;
            break;
        }
        if (ch_ == '>') {
            nextch();
            if (ch_ == '=') {
                nextch();
                tok = Tok::ShrAssign;
                break;
            }
            tok = Tok::Shr;
            break;
        }
        tok = Tok::Gtr;
        break;
    case '=':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::Eql;
            break;
        }
        tok = Tok::Assign;
        break;
    case '!':
        nextch();
        if (ch_ == '=') {
            nextch();
            tok = Tok::Neq;
            break;
        }
        tok = Tok::Not;
        break;
    case '~':
        nextch();
        tok = Tok::Tilde;
        break;
    default:
        error("invalid character " + formatRuneU(ch_));
        nextch();
        goto redo;
    }
}

void Lexer::ident() {
    while (isLetter(ch_) || isDecimal(ch_))
        nextch();
    if (ch_ >= 0x80) {
        while (atIdentChar(false))
            nextch();
    }
    std::string_view word = segment();
    Tok kw = lookupKeyword(word);
    if (kw != Tok::Ident) {
        nlsemi_ = kw == Tok::Break || kw == Tok::Continue || kw == Tok::Fallthrough || kw == Tok::Return;
        tok = kw;
        return;
    }
    nlsemi_ = true;
    lit = word;
    tok = Tok::Ident;
}

bool Lexer::atIdentChar(bool first) {
    if (ch_ < 0) return false;
    char32_t c = char32_t(ch_);
    if ((c < 0x80 && isLetter(ch_)) || (c >= 0x80 && isUnicodeLetter(c))) {
        // ok
    } else if (isDecimal(ch_) || (c >= 0x80 && isUnicodeDigit(c))) {
        if (first) error("identifier cannot begin with digit " + formatRuneU(ch_));
    } else if (c >= 0x80) {
        error("invalid character " + formatRuneU(ch_) + " in identifier");
    } else {
        return false;
    }
    return true;
}

int Lexer::digits(int base, int* invalid) {
    int digsep = 0;
    if (base <= 10) {
        int32_t max = '0' + base;
        while (isDecimal(ch_) || ch_ == '_') {
            int ds = 1;
            if (ch_ == '_')
                ds = 2;
            else if (ch_ >= max && invalid && *invalid < 0)
                *invalid = int(col_ + 1 - pos.col);
            digsep |= ds;
            nextch();
        }
    } else {
        while (isHex(ch_) || ch_ == '_') {
            digsep |= ch_ == '_' ? 2 : 1;
            nextch();
        }
    }
    return digsep;
}

void Lexer::number(bool seenPoint) {
    bool ok = true;
    Tok kind = Tok::Int;
    int base = 10;
    int32_t prefix = 0; // 0 (decimal), '0' (0-octal), 'x', 'o', or 'b'
    int digsep = 0;     // bit 0: digit present, bit 1: '_' present
    int invalid = -1;   // index of invalid digit in literal, or < 0

    if (!seenPoint) {
        if (ch_ == '0') {
            nextch();
            switch (lower(ch_)) {
            case 'x':
                nextch();
                base = 16, prefix = 'x';
                break;
            case 'o':
                nextch();
                base = 8, prefix = 'o';
                break;
            case 'b':
                nextch();
                base = 2, prefix = 'b';
                break;
            default: base = 8, prefix = '0'; digsep = 1; // leading 0
            }
        }
        digsep |= digits(base, &invalid);
        if (ch_ == '.') {
            if (prefix == 'o' || prefix == 'b') {
                error(std::string("invalid radix point in ") + baseName(base) + " literal");
                ok = false;
            }
            nextch();
            seenPoint = true;
        }
    }

    if (seenPoint) {
        kind = Tok::Float;
        digsep |= digits(base, &invalid);
    }

    if ((digsep & 1) == 0 && ok) {
        error(std::string(baseName(base)) + " literal has no digits");
        ok = false;
    }

    if (int32_t e = lower(ch_); e == 'e' || e == 'p') {
        if (ok) {
            if (e == 'e' && prefix != 0 && prefix != '0') {
                error(quoteRune(ch_) + " exponent requires decimal mantissa");
                ok = false;
            } else if (e == 'p' && prefix != 'x') {
                error(quoteRune(ch_) + " exponent requires hexadecimal mantissa");
                ok = false;
            }
        }
        nextch();
        kind = Tok::Float;
        if (ch_ == '+' || ch_ == '-') nextch();
        digsep = digits(10, nullptr) | (digsep & 2); // don't lose sep bit
        if ((digsep & 1) == 0 && ok) {
            error("exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == Tok::Float && ok) {
        error("hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }

    if (ch_ == 'i') {
        kind = Tok::Imag;
        nextch();
    }

    setLit(kind, ok);

    if (kind == Tok::Int && invalid >= 0 && ok) {
        errorAt(uint32_t(invalid), "invalid digit " + quoteRune((unsigned char)lit[size_t(invalid)]) +
                                       " in " + baseName(base) + " literal");
        ok = false;
    }
    if ((digsep & 2) != 0 && ok) {
        if (int i = invalidSep(lit); i >= 0) {
            errorAt(uint32_t(i), "'_' must separate successive digits");
            ok = false;
        }
    }
    bad = !ok;
}

void Lexer::rune() {
    bool ok = true;
    nextch();
    for (int n = 0;; n++) {
        if (ch_ == '\'') {
            if (ok) {
                if (n == 0) {
                    error("empty rune literal or unescaped '");
                    ok = false;
                } else if (n != 1) {
                    errorAt(0, "more than one character in rune literal");
                    ok = false;
                }
            }
            nextch();
            break;
        }
        if (ch_ == '\\') {
            nextch();
            if (!escape('\'')) ok = false;
            continue;
        }
        if (ch_ == '\n') {
            if (ok) {
                error("newline in rune literal");
                ok = false;
            }
            break;
        }
        if (ch_ < 0) {
            if (ok) {
                errorAt(0, "rune literal not terminated");
                ok = false;
            }
            break;
        }
        nextch();
    }
    setLit(Tok::Char, ok);
}

void Lexer::stdString() {
    bool ok = true;
    nextch();
    for (;;) {
        if (ch_ == '"') {
            nextch();
            break;
        }
        if (ch_ == '\\') {
            nextch();
            if (!escape('"')) ok = false;
            continue;
        }
        if (ch_ == '\n') {
            error("newline in string");
            ok = false;
            break;
        }
        if (ch_ < 0) {
            errorAt(0, "string not terminated");
            ok = false;
            break;
        }
        nextch();
    }
    setLit(Tok::String, ok);
}

void Lexer::rawString() {
    bool ok = true;
    nextch();
    for (;;) {
        if (ch_ == '`') {
            nextch();
            break;
        }
        if (ch_ < 0) {
            errorAt(0, "string not terminated");
            ok = false;
            break;
        }
        nextch();
    }
    setLit(Tok::String, ok);
}

void Lexer::lineComment() {
    // don't consume '\n' - needed for nlsemi logic
    while (ch_ >= 0 && ch_ != '\n')
        nextch();
}

bool Lexer::fullComment() {
    while (ch_ >= 0) {
        while (ch_ == '*') {
            nextch();
            if (ch_ == '/') {
                nextch();
                return true;
            }
        }
        nextch();
    }
    errorAt(0, "comment not terminated");
    return false;
}

bool Lexer::escape(char32_t quote) {
    int n;
    uint32_t base, max;
    switch (ch_) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\': nextch(); return true;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': n = 3, base = 8, max = 255; break;
    case 'x':
        nextch();
        n = 2, base = 16, max = 255;
        break;
    case 'u':
        nextch();
        n = 4, base = 16, max = 0x10FFFF;
        break;
    case 'U':
        nextch();
        n = 8, base = 16, max = 0x10FFFF;
        break;
    default:
        if (ch_ == int32_t(quote)) {
            nextch();
            return true;
        }
        if (ch_ < 0) return true; // complain in caller about EOF
        error("unknown escape");
        return false;
    }

    uint32_t x = 0;
    for (int i = n; i > 0; i--) {
        if (ch_ < 0) return true; // complain in caller about EOF
        uint32_t d = base;
        if (isDecimal(ch_))
            d = uint32_t(ch_ - '0');
        else if ('a' <= lower(ch_) && lower(ch_) <= 'f')
            d = uint32_t(lower(ch_) - 'a' + 10);
        if (d >= base) {
            error("invalid character " + quoteRune(ch_) + " in " + baseName(int(base)) + " escape");
            return false;
        }
        x = x * base + d;
        nextch();
    }
    if (x > max && base == 8) {
        error("octal escape value " + std::to_string(x) + " > 255");
        return false;
    }
    if (x > max || (0xD800 <= x && x < 0xE000)) {
        error("escape is invalid Unicode code point " + formatRuneU(int32_t(x)));
        return false;
    }
    return true;
}

// --- literal values ---

namespace {

int hexVal(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes one (possibly escaped) character at s[i]; appends its bytes to out
// and returns its value. `isByte` is set for \x and octal escapes (one raw byte).
uint32_t decodeOne(std::string_view s, size_t& i, std::string* out) {
    if (s[i] != '\\') {
        uint32_t w;
        char32_t r = decodeRune(s.substr(i), &w);
        if (out) out->append(s.substr(i, w));
        i += w;
        return r;
    }
    i++;
    if (i >= s.size()) return 0;
    char c = s[i++];
    uint32_t v = 0;
    auto simple = [&](char ch) {
        if (out) *out += ch;
        return uint32_t((unsigned char)ch);
    };
    switch (c) {
    case 'a': return simple('\a');
    case 'b': return simple('\b');
    case 'f': return simple('\f');
    case 'n': return simple('\n');
    case 'r': return simple('\r');
    case 't': return simple('\t');
    case 'v': return simple('\v');
    case 'x':
    case 'u':
    case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        for (int k = 0; k < n && i < s.size() && hexVal(s[i]) >= 0; k++)
            v = v * 16 + uint32_t(hexVal(s[i++]));
        if (c == 'x') {
            if (out) *out += char(v & 0xFF);
        } else if (out) {
            appendUtf8(*out, v);
        }
        return v;
    }
    default:
        if (c >= '0' && c <= '7') {
            v = uint32_t(c - '0');
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + uint32_t(s[i++] - '0');
            if (out) *out += char(v & 0xFF);
            return v;
        }
        return simple(c); // \\, \', \"
    }
}

} // namespace

std::string unquoteString(std::string_view raw) {
    std::string out;
    if (raw.empty()) return out;
    char q = raw[0];
    std::string_view body = raw.substr(1);
    if (body.size() >= 1 && body.back() == q) body.remove_suffix(1);
    if (q == '`') {
        for (char c : body)
            if (c != '\r') out += c;
        return out;
    }
    for (size_t i = 0; i < body.size();)
        decodeOne(body, i, &out);
    return out;
}

uint32_t unquoteChar(std::string_view raw) {
    if (raw.size() < 3) return 0;
    std::string_view body = raw.substr(1);
    size_t i = 0;
    return decodeOne(body, i, nullptr);
}

} // namespace gol::syntax
