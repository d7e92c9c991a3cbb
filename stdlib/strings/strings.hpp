// Package strings: Go's string algorithms on byte strings, with Go's exact treatment of invalid
// UTF-8 (each bad byte is a U+FFFD of width 1 when runes are involved).
//
// Indexes are byte offsets, -1 when absent, as in Go. Results that are substrings of the input
// are returned as views into it (the VM's strings slice in O(1), so a native can turn a view back
// into a substring of the original string without copying). Functions that panic in Go throw
// stdlib::Panic with Go's message.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gol::stdlib::strings {

using rune = int32_t;
using RunePred = std::function<bool(rune)>;
using RuneMap = std::function<rune(rune)>; // a negative result drops the rune (Go's Map)

// ---- search (search.cpp)
int64_t Index(std::string_view s, std::string_view substr);
int64_t LastIndex(std::string_view s, std::string_view substr);
int64_t IndexByte(std::string_view s, unsigned char c);
int64_t LastIndexByte(std::string_view s, unsigned char c);
// RuneError finds the first invalid byte or U+FFFD; an invalid rune is never found.
int64_t IndexRune(std::string_view s, rune r);
int64_t IndexAny(std::string_view s, std::string_view chars);
int64_t LastIndexAny(std::string_view s, std::string_view chars);
int64_t IndexFunc(std::string_view s, const RunePred& f);
int64_t LastIndexFunc(std::string_view s, const RunePred& f);
bool Contains(std::string_view s, std::string_view substr);
bool ContainsAny(std::string_view s, std::string_view chars);
bool ContainsRune(std::string_view s, rune r);
bool HasPrefix(std::string_view s, std::string_view prefix);
bool HasSuffix(std::string_view s, std::string_view suffix);
// Non-overlapping occurrences; Count(s, "") is RuneCount(s) + 1.
int64_t Count(std::string_view s, std::string_view substr);
int Compare(std::string_view a, std::string_view b);
// Unicode simple case folding, rune by rune.
bool EqualFold(std::string_view s, std::string_view t);
struct CutResult {
    std::string_view before, after;
    bool found;
};
CutResult Cut(std::string_view s, std::string_view sep);

// ---- splitting and joining (split.cpp)
// n > 0: at most n pieces (the last is the unsplit rest); n == 0: none; n < 0: all.
// An empty separator splits after each UTF-8 sequence; like Go, each invalid byte becomes a
// "\uFFFD" piece (a view of a static string, the only piece that is not a view into s).
std::vector<std::string_view> Split(std::string_view s, std::string_view sep);
std::vector<std::string_view> SplitN(std::string_view s, std::string_view sep, int64_t n);
std::vector<std::string_view> SplitAfter(std::string_view s, std::string_view sep);
std::vector<std::string_view> SplitAfterN(std::string_view s, std::string_view sep, int64_t n);
std::vector<std::string_view> Fields(std::string_view s); // split around unicode.IsSpace runs
std::vector<std::string_view> FieldsFunc(std::string_view s, const RunePred& f);
std::string Join(const std::vector<std::string_view>& elems, std::string_view sep);
// Throws Panic("strings: negative Repeat count") or ("strings: Repeat count causes overflow").
std::string Repeat(std::string_view s, int64_t count);

// ---- transforming (transform.cpp)
// n < 0 replaces all; an empty old matches at the start and after each rune.
std::string Replace(std::string_view s, std::string_view oldS, std::string_view newS, int64_t n);
std::string ReplaceAll(std::string_view s, std::string_view oldS, std::string_view newS);
std::string Map(const RuneMap& mapping, std::string_view s);
std::string ToUpper(std::string_view s);
std::string ToLower(std::string_view s);
std::string ToTitle(std::string_view s);
std::string ToValidUTF8(std::string_view s, std::string_view replacement);

// ---- trimming (trim.cpp); all return views into s
std::string_view Trim(std::string_view s, std::string_view cutset);
std::string_view TrimLeft(std::string_view s, std::string_view cutset);
std::string_view TrimRight(std::string_view s, std::string_view cutset);
std::string_view TrimSpace(std::string_view s);
std::string_view TrimPrefix(std::string_view s, std::string_view prefix);
std::string_view TrimSuffix(std::string_view s, std::string_view suffix);
std::string_view TrimFunc(std::string_view s, const RunePred& f);
std::string_view TrimLeftFunc(std::string_view s, const RunePred& f);
std::string_view TrimRightFunc(std::string_view s, const RunePred& f);

} // namespace gol::stdlib::strings

namespace gol::stdlib::strings {

// strings.NewReplacer's algorithm: at each position the first pair (in argument order) whose old
// string matches wins; matches do not overlap; an empty old string matches at every position,
// but not twice in a row at the same place (Go's generic replacer, whose special cases for
// byte-sized olds are optimizations with the same results).
class Replacer {
  public:
    // Throws Panic("strings.NewReplacer: odd argument count").
    explicit Replacer(std::vector<std::string> oldnew);
    std::string Replace(std::string_view s) const;

  private:
    std::vector<std::string> oldnew_;
    std::vector<uint32_t> byFirstByte_[256]; // indexes of pairs whose old starts with the byte, ascending
    int64_t emptyPair_ = -1;                 // first pair with an empty old, or -1
};

} // namespace gol::stdlib::strings
