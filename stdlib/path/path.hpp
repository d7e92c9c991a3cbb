// Package path's algorithms in C++: lexical operations on slash-separated paths and shell-style
// pattern matching, with Go's exact results (the cases Go's documentation lists and the corner
// cases its implementation settles: "..", repeated slashes, escapes, malformed classes).
//
// Results that are pieces of an argument (Split, Base, Ext, and Clean when nothing changes) are
// views into it, so a native can return them as substrings without copying.
#pragma once

#include <string>
#include <string_view>

namespace gol::stdlib::path {

// Clean: the shortest path naming the same file by lexical processing alone (one slash between
// elements, no "." elements, each ".." cancelling the element before it, no ".." right after the
// root); "." for an empty result. `out` receives the result when it differs from p.
std::string_view Clean(std::string_view p, std::string& out);
std::string Join(const std::string_view* elems, size_t n);
struct SplitResult {
    std::string_view dir, file;
};
SplitResult Split(std::string_view p);
std::string_view Ext(std::string_view p);
std::string_view Base(std::string_view p);
std::string Dir(std::string_view p);
bool IsAbs(std::string_view p);

// Match: whether name matches the shell pattern (`*`, `?`, `[class]`, `\` escapes; neither `*` nor
// `?` crosses a '/'). BadPattern is Go's ErrBadPattern for a malformed pattern.
enum class MatchResult { NoMatch, Match, BadPattern };
MatchResult Match(std::string_view pattern, std::string_view name);

} // namespace gol::stdlib::path
