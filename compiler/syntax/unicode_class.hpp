// Unicode character classes the lexer needs for identifiers (Go's unicode.IsLetter
// and unicode.IsDigit), independent of the stdlib's unicode package.
#pragma once

namespace gol::syntax {

bool isUnicodeLetter(char32_t c);
bool isUnicodeDigit(char32_t c);

} // namespace gol::syntax
