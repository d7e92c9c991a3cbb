// Go's Regexp.LiteralPrefix, computed from a pattern's text.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace gol::stdlib::regexp {

// The literal text every match starts with (Go's LiteralPrefix), read off the pattern's text:
// plain and escaped characters, through groups (a group counts as long as no alternation inside
// it or quantifier after it makes it optional), with counted repetitions spelled out. complete
// when the whole pattern is that text. Go derives the prefix from its compiled program, so a few
// patterns differ: Go factors a leading alternation (`abc|abd` gives "ab", here ""), and reports
// a fully anchored literal (`^abc$`) as complete.
std::pair<std::string, bool> literalPrefix(std::string_view expr);

} // namespace gol::stdlib::regexp
