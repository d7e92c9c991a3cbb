#include "compiler/syntax/token.hpp"

#include <array>

namespace gol::syntax {

namespace {

constexpr std::array<std::string_view, size_t(Tok::Count)> kTokStrings = {
    "ILLEGAL", "EOF", "name", "literal", "literal", "literal", "literal", "literal",
    // operators
    "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=", "&&", "||", "<-", "++", "--",
    "==", "<", ">", "=", "!", "!=", "<=", ">=", ":=", "...", "~",
    // delimiters
    "(", "[", "{", ",", ".", ")", "]", "}", ";", ":",
    // keywords
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
    "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
    "switch", "type", "var"};

static_assert(!kTokStrings.back().empty(), "one string per token");

} // namespace

std::string_view tokString(Tok t) {
    size_t i = size_t(t);
    return i < kTokStrings.size() ? kTokStrings[i] : "ILLEGAL";
}

Tok assignOpBase(Tok t) {
    if (!isAssignOp(t)) return Tok::Illegal;
    return Tok(uint8_t(t) - uint8_t(Tok::AddAssign) + uint8_t(Tok::Add));
}

int precedence(Tok t) {
    switch (t) {
    case Tok::LOr: return 1;
    case Tok::LAnd: return 2;
    case Tok::Eql:
    case Tok::Neq:
    case Tok::Lss:
    case Tok::Leq:
    case Tok::Gtr:
    case Tok::Geq: return 3;
    case Tok::Add:
    case Tok::Sub:
    case Tok::Or:
    case Tok::Xor: return 4;
    case Tok::Mul:
    case Tok::Quo:
    case Tok::Rem:
    case Tok::Shl:
    case Tok::Shr:
    case Tok::And:
    case Tok::AndNot: return 5;
    default: return 0;
    }
}

Tok lookupKeyword(std::string_view word) {
    if (word.size() < 2 || word[0] < 'b' || word[0] > 'v') return Tok::Ident;
    for (size_t i = size_t(Tok::Break); i <= size_t(Tok::Var); i++)
        if (kTokStrings[i] == word) return Tok(i);
    return Tok::Ident;
}

} // namespace gol::syntax
