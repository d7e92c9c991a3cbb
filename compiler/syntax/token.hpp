// Tokens of Go's lexical grammar. One enum serves the lexer, the parser and the
// AST (operators of UnaryExpr/BinaryExpr/AssignStmt, kinds of BasicLit).
#pragma once

#include <cstdint>
#include <string_view>

namespace gol::syntax {

// The order groups tokens by category; isLiteral/isOperator/isKeyword rely on it.
enum class Tok : uint8_t {
    Illegal,
    End, // end of file ("EOF" in messages)

    // identifiers and basic literals
    Ident,
    Int,    // 12, 0x1F, 0o17, 0b1, 017, 1_000
    Float,  // 1.5, 1e9, 0x1p-2
    Imag,   // 2i (parsed so the checker can reject it: no complex numbers in gol)
    Char,   // 'a'
    String, // "abc", `abc`

    // operators
    Add,    // +
    Sub,    // -
    Mul,    // *
    Quo,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^

    AddAssign,    // +=
    SubAssign,    // -=
    MulAssign,    // *=
    QuoAssign,    // /=
    RemAssign,    // %=
    AndAssign,    // &=
    OrAssign,     // |=
    XorAssign,    // ^=
    ShlAssign,    // <<=
    ShrAssign,    // >>=
    AndNotAssign, // &^=

    LAnd,  // &&
    LOr,   // ||
    Arrow, // <-
    Inc,   // ++
    Dec,   // --

    Eql,      // ==
    Lss,      // <
    Gtr,      // >
    Assign,   // =
    Not,      // !
    Neq,      // !=
    Leq,      // <=
    Geq,      // >=
    Define,   // :=
    Ellipsis, // ...
    Tilde,    // ~ (only legal in type constraints; rejected by the parser)

    // delimiters
    LParen,    // (
    LBrack,    // [
    LBrace,    // {
    Comma,     // ,
    Period,    // .
    RParen,    // )
    RBrack,    // ]
    RBrace,    // }
    Semicolon, // ; (also inserted automatically at newlines and EOF)
    Colon,     // :

    // keywords
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    Count
};

// The token as written in source ("+", "<<=", "func", "EOF", "name", "literal").
std::string_view tokString(Tok t);

inline bool isLiteral(Tok t) {
    return t >= Tok::Int && t <= Tok::String;
}
inline bool isOperator(Tok t) {
    return t >= Tok::Add && t <= Tok::Tilde;
}
inline bool isKeyword(Tok t) {
    return t >= Tok::Break && t <= Tok::Var;
}
inline bool isAssignOp(Tok t) {
    return t >= Tok::AddAssign && t <= Tok::AndNotAssign;
}

// For `x op= y`: the binary operator op (Tok::AddAssign -> Tok::Add).
Tok assignOpBase(Tok t);

// Binary operator precedence per the Go spec: 5 (* / % << >> & &^), 4 (+ - | ^),
// 3 (== != < <= > >=), 2 (&&), 1 (||); 0 for non-binary tokens.
int precedence(Tok t);

// Keyword lookup: Tok::Ident when `word` is not a keyword.
Tok lookupKeyword(std::string_view word);

} // namespace gol::syntax
