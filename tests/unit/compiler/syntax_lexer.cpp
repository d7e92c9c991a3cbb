// Lexer: tokens, automatic semicolons, literals and their errors (messages as
// Go 1.19's cmd/compile prints them).
#include "compiler/syntax/lexer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using gol::Pos;
using gol::syntax::Lexer;
using gol::syntax::Tok;

namespace {

struct Lexed {
    std::string toks; // "x ; := 1 ..." (literal text, ';' for semicolons, keywords and ops as written)
    std::string errs; // "line:col: msg\n" per error
};

Lexed lex(const std::string& src) {
    Lexed r;
    Lexer lx(src, [&](Pos p, std::string msg) {
        r.errs += std::to_string(p.line) + ":" + std::to_string(p.col) + ": " + msg + "\n";
    });
    for (int guard = 0; guard < 10000; guard++) {
        lx.next();
        if (lx.tok == Tok::End) break;
        if (!r.toks.empty()) r.toks += ' ';
        if (lx.tok == Tok::Semicolon)
            r.toks += lx.lit == "semicolon" ? ";" : lx.lit == "newline" ? ";nl" : ";eof";
        else if (lx.tok == Tok::Ident || gol::syntax::isLiteral(lx.tok))
            r.toks += std::string(lx.lit);
        else
            r.toks += std::string(gol::syntax::tokString(lx.tok));
    }
    return r;
}

std::string toks(const std::string& src) {
    return lex(src).toks;
}
std::string errs(const std::string& src) {
    return lex(src).errs;
}

Tok kindOf(const std::string& src) {
    Lexer lx(src, [](Pos, std::string) {});
    lx.next();
    return lx.tok;
}

} // namespace

TEST_CASE("lexer: operators and delimiters") {
    CHECK(toks("+ - * / % & | ^ << >> &^") == "+ - * / % & | ^ << >> &^");
    CHECK(toks("+= -= *= /= %= &= |= ^= <<= >>= &^=") == "+= -= *= /= %= &= |= ^= <<= >>= &^=");
    CHECK(toks("&& || <- ++ -- == < > = ! != <= >= := ... ~") ==
          "&& || <- ++ -- == < > = ! != <= >= := ... ~");
    CHECK(toks("( [ { , . ) ] } ; :") == "( [ { , . ) ] } ; :");
    CHECK(toks("a..b") == "a . . b ;eof"); // ".." is two periods
    CHECK(toks("x.y") == "x . y ;eof");
    CHECK(toks("a<-b") == "a <- b ;eof");
    CHECK(toks("a&^=b") == "a &^= b ;eof");
}

TEST_CASE("lexer: keywords and identifiers") {
    CHECK(kindOf("func") == Tok::Func);
    CHECK(kindOf("fallthrough") == Tok::Fallthrough);
    CHECK(kindOf("funcs") == Tok::Ident);
    CHECK(kindOf("_") == Tok::Ident);
    CHECK(kindOf("αβ") == Tok::Ident);
    CHECK(kindOf("日本語") == Tok::Ident);
    CHECK(toks("x٣ y") == "x٣ y ;eof"); // Unicode digits are fine after the first character
    CHECK(errs("٣x") == "1:1: identifier cannot begin with digit U+0663 '٣'\n");
    CHECK(errs("a€b") == "1:2: invalid character U+20AC '€' in identifier\n");
}

TEST_CASE("lexer: automatic semicolons") {
    CHECK(toks("x\ny") == "x ;nl y ;eof");
    CHECK(toks("return\n") == "return ;nl");
    CHECK(toks("break\ncontinue\nfallthrough\n") == "break ;nl continue ;nl fallthrough ;nl");
    CHECK(toks("x++\ny--\n") == "x ++ ;nl y -- ;nl");
    CHECK(toks("f()\na[0]\n}\n") == "f ( ) ;nl a [ 0 ] ;nl } ;nl");
    CHECK(toks("1\n2.5\n'a'\n\"s\"\n`r`\n3i\n") == "1 ;nl 2.5 ;nl 'a' ;nl \"s\" ;nl `r` ;nl 3i ;nl");
    // no semicolon after operators, opening brackets, commas, keywords like func
    CHECK(toks("x +\ny") == "x + y ;eof");
    CHECK(toks("f(\na,\n)") == "f ( a , ) ;eof");
    CHECK(toks("func\nif\n") == "func if");
    // blank lines and comments
    CHECK(toks("x // c\n\n\ny") == "x ;nl y ;eof");
    CHECK(toks("x /* c */ y") == "x y ;eof");
    CHECK(toks("x /* a\nb */ y") == "x ;nl y ;eof"); // a multi-line comment acts like a newline
    CHECK(toks("x /* a\nb */\ny") == "x ;nl y ;eof");
    CHECK(toks("") == "");
    CHECK(toks("x") == "x ;eof");
    CHECK(toks("x;y") == "x ; y ;eof");
}

TEST_CASE("lexer: integer literals") {
    CHECK(toks("0 42 0x1F 0X1f 0o17 0O17 0b101 0B1 017 1_000 0x_1F 0b_1") ==
          "0 42 0x1F 0X1f 0o17 0O17 0b101 0B1 017 1_000 0x_1F 0b_1 ;eof");
    CHECK(kindOf("42") == Tok::Int);
    CHECK(errs("0x") == "1:3: hexadecimal literal has no digits\n");
    CHECK(errs("0b") == "1:3: binary literal has no digits\n");
    CHECK(errs("0o") == "1:3: octal literal has no digits\n");
    CHECK(errs("09") == "1:2: invalid digit '9' in octal literal\n");
    CHECK(errs("0b102") == "1:5: invalid digit '2' in binary literal\n");
    CHECK(errs("0o78") == "1:4: invalid digit '8' in octal literal\n");
    CHECK(errs("1__0") == "1:3: '_' must separate successive digits\n");
    CHECK(errs("1_") == "1:2: '_' must separate successive digits\n");
    CHECK(errs("0_x1") == "1:2: '_' must separate successive digits\n"); // "0_" then x1
    CHECK(errs("0x_") == "1:4: hexadecimal literal has no digits\n");
}

TEST_CASE("lexer: float and imaginary literals") {
    CHECK(toks("1.5 .5 1. 1e9 1E-9 1.5e+3 0x1p-2 0X1.8P3 0x.8p1 1_0.5") ==
          "1.5 .5 1. 1e9 1E-9 1.5e+3 0x1p-2 0X1.8P3 0x.8p1 1_0.5 ;eof");
    CHECK(kindOf("1.5") == Tok::Float);
    CHECK(kindOf("1e3") == Tok::Float);
    CHECK(kindOf("09.5") == Tok::Float); // a leading 0 does not make a float octal
    CHECK(errs("09.5") == "");
    CHECK(errs("0x1.5") == "1:6: hexadecimal mantissa requires a 'p' exponent\n");
    CHECK(errs("1e") == "1:3: exponent has no digits\n");
    CHECK(errs("0x1e3p") == "1:7: exponent has no digits\n");
    CHECK(errs("0b1.0") == "1:4: invalid radix point in binary literal\n");
    CHECK(errs("0o1e3") == "1:4: 'e' exponent requires decimal mantissa\n");
    CHECK(errs("1p3") == "1:2: 'p' exponent requires hexadecimal mantissa\n");
    CHECK(kindOf("3i") == Tok::Imag);
    CHECK(kindOf("1.5i") == Tok::Imag);
}

TEST_CASE("lexer: rune literals") {
    CHECK(toks(R"('a' '\n' '\x41' '\101' '\u00e9' '\U0001F600' '\'' 'é')") ==
          R"('a' '\n' '\x41' '\101' '\u00e9' '\U0001F600' '\'' 'é' ;eof)");
    CHECK(gol::syntax::unquoteChar("'a'") == 'a');
    CHECK(gol::syntax::unquoteChar(R"('\n')") == '\n');
    CHECK(gol::syntax::unquoteChar(R"('\x41')") == 0x41);
    CHECK(gol::syntax::unquoteChar(R"('\377')") == 0xFF);
    CHECK(gol::syntax::unquoteChar(R"('\u00e9')") == 0xE9);
    CHECK(gol::syntax::unquoteChar(R"('\U0001F600')") == 0x1F600);
    CHECK(gol::syntax::unquoteChar("'é'") == 0xE9);
    CHECK(gol::syntax::unquoteChar(R"('\'')") == '\'');
    CHECK(errs("''") == "1:2: empty rune literal or unescaped '\n");
    CHECK(errs("'ab'") == "1:1: more than one character in rune literal\n");
    CHECK(errs("'a\n") == "1:3: newline in rune literal\n");
    CHECK(errs("'a") == "1:1: rune literal not terminated\n");
    CHECK(errs(R"('\q')") == "1:3: unknown escape\n");
    CHECK(errs(R"('\"')") == "1:3: unknown escape\n"); // \" is only valid in strings
    CHECK(errs(R"('\400')") == "1:6: octal escape value 256 > 255\n");
    CHECK(errs(R"('\xZZ')") == "1:4: invalid character 'Z' in hexadecimal escape\n");
    CHECK(errs(R"('\12')") == "1:5: invalid character '\\'' in octal escape\n");
    CHECK(errs(R"('\uD800')") == "1:8: escape is invalid Unicode code point U+D800\n");
    CHECK(errs(R"('\U00110000')") == "1:12: escape is invalid Unicode code point U+110000\n");
}

TEST_CASE("lexer: string literals") {
    CHECK(gol::syntax::unquoteString(R"("abc")") == "abc");
    CHECK(gol::syntax::unquoteString(R"("a\tb\n\\\"")") == "a\tb\n\\\"");
    CHECK(gol::syntax::unquoteString(R"("\x41\101\u00e9\U0001F600")") == "AA\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(gol::syntax::unquoteString(R"("\xff")") == "\xff"); // \x is a byte, not a code point
    CHECK(gol::syntax::unquoteString(R"("\u00ff")") == "\xC3\xBF");
    CHECK(gol::syntax::unquoteString("`a\\n\r\nb`") == "a\\n\nb"); // raw: no escapes, CRs dropped
    CHECK(gol::syntax::unquoteString("\"日本\"") == "日本");
    CHECK(toks("`multi\nline` x") == "`multi\nline` x ;eof");
    CHECK(errs("\"abc\n\"") == "1:5: newline in string\n2:1: string not terminated\n");
    CHECK(errs("\"abc") == "1:1: string not terminated\n");
    CHECK(errs("`abc") == "1:1: string not terminated\n");
    CHECK(errs(R"("\q")") == "1:3: unknown escape\n");
    CHECK(errs(R"("\'")") == "1:3: unknown escape\n"); // \' is only valid in runes
    CHECK(errs(R"("\x4")") == "1:5: invalid character '\"' in hexadecimal escape\n");
}

TEST_CASE("lexer: comments") {
    CHECK(toks("a /* x */ b // y\nc") == "a b ;nl c ;eof");
    CHECK(errs("/* abc") == "1:1: comment not terminated\n");
    CHECK(toks("/**/x") == "x ;eof");
}

TEST_CASE("lexer: invalid characters, NUL, UTF-8 and BOM") {
    CHECK(errs("a @ b") == "1:3: invalid character U+0040 '@'\n");
    CHECK(errs("#") == "1:1: invalid character U+0023 '#'\n");
    CHECK(errs("x = `a`\n?") == "2:1: invalid character U+003F '?'\n");
    CHECK(errs("\\") == "1:1: invalid character U+005C '\\'\n");
    CHECK(errs(std::string("a\0b", 3)) == "1:2: invalid NUL character\n");
    CHECK(errs(std::string("\"a\0b\"", 5)) == "1:3: invalid NUL character\n");
    CHECK(errs("a\xff") == "1:2: invalid UTF-8 encoding\n");
    CHECK(errs("\"\xc3\"") == "1:2: invalid UTF-8 encoding\n");
    CHECK(errs("\xEF\xBB\xBFx") == ""); // BOM at the very start is skipped
    CHECK(toks("\xEF\xBB\xBFx") == "x ;eof");
    CHECK(errs("x\xEF\xBB\xBF") == "1:2: invalid BOM in the middle of the file\n");
    CHECK(errs("\x01") == "1:1: invalid character U+0001\n"); // not printable: no quoted form
}

TEST_CASE("lexer: positions count bytes") {
    Lexer lx("a\n  日本 b", [](Pos, std::string) {});
    lx.next();
    CHECK(lx.pos == Pos{1, 1});
    lx.next(); // ;
    lx.next();
    CHECK(lx.pos == Pos{2, 3});
    lx.next();
    CHECK(lx.pos == Pos{2, 10}); // 日本 is 6 bytes
}
