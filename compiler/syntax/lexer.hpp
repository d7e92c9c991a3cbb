// The lexer: Go source bytes -> tokens, with Go's automatic semicolon insertion.
//
// A port of cmd/compile/internal/syntax/scanner.go and source.go (Go 1.19), so
// that error messages and positions match `go build` exactly.
#pragma once

#include "compiler/syntax/source.hpp"
#include "compiler/syntax/token.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace gol::syntax {

class Lexer {
  public:
    using ErrorFn = std::function<void(Pos, std::string)>;

    Lexer(std::string_view src, ErrorFn errh);

    // Advances to the next token. At end of input tok stays Tok::End.
    void next();

    // The current token, valid after next().
    Tok tok = Tok::Illegal;
    Pos pos;              // start of the token
    std::string_view lit; // Ident: the name; literals: the raw text; Semicolon: "semicolon",
                          // "newline" or "EOF" (how it came about, for error messages)
    bool bad = false;     // literal with a lexical error (already reported)

  private:
    void nextch();
    void error(const std::string& msg);                    // at the position of ch_
    void errorAt(uint32_t offset, const std::string& msg); // at token start + offset bytes
    Pos chPos() const { return {line_ + 1, col_ + 1}; }
    void startSegment() { seg_ = r_ - chw_; }
    std::string_view segment() const { return src_.substr(seg_, r_ - chw_ - seg_); }
    void setLit(Tok kind, bool ok);

    void ident();
    bool atIdentChar(bool first);
    int digits(int base, int* invalid);
    void number(bool seenPoint);
    void rune();
    void stdString();
    void rawString();
    void lineComment();
    bool fullComment();
    bool escape(char32_t quote);

    std::string_view src_;
    size_t r_ = 0;        // offset of the byte after ch_
    int32_t ch_ = ' ';    // current character, -1 at EOF
    uint32_t chw_ = 0;    // width in bytes of ch_
    uint32_t line_ = 0;   // 0-based line of ch_
    uint32_t col_ = 0;    // 0-based byte column of ch_
    size_t seg_ = 0;      // start of the current token's text
    bool nlsemi_ = false; // a newline or EOF now becomes a ';'
    ErrorFn errh_;
};

// Decoded value of a STRING literal (raw text with quotes) as Go's strconv.Unquote
// would produce it; best effort for literals with errors.
std::string unquoteString(std::string_view raw);
// Code point of a CHAR literal (raw text with quotes); 0 for malformed ones.
uint32_t unquoteChar(std::string_view raw);

// Go's %#U ("U+0040 '@'") and %q of a rune ('a', '\n', '\x00').
std::string formatRuneU(int32_t r);
std::string quoteRune(int32_t r);

// Decodes one UTF-8 sequence like Go's utf8.DecodeRune: returns U+FFFD with
// width 1 for invalid encodings (including surrogates and overlong forms).
char32_t decodeRune(std::string_view s, uint32_t* width);
void appendUtf8(std::string& out, char32_t r);

} // namespace gol::syntax
