// Package path's Match (path.hpp): the pattern is cut into chunks, each a run of non-star
// pattern text preceded by any number of stars. A chunk matches a prefix of the name of fixed
// length; a star before it lets the chunk start further on, but never past a '/'.
//
// Go reads the whole pattern for syntax even once the match has failed, so a malformed pattern is
// reported whatever the name; chunks keep being parsed after a mismatch for that reason.
#include "stdlib/path/path.hpp"

#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::path {

namespace {

using utf8::rune;

struct Chunk {
    bool star;             // preceded by '*'
    std::string_view text; // up to the next '*' outside a class
};

// Takes the next chunk off the front of pattern.
Chunk nextChunk(std::string_view& pattern) {
    Chunk c{false, {}};
    while (!pattern.empty() && pattern[0] == '*') {
        pattern.remove_prefix(1);
        c.star = true;
    }
    bool inClass = false;
    size_t i = 0;
    for (; i < pattern.size(); i++) {
        char ch = pattern[i];
        if (ch == '\\') {
            if (i + 1 < pattern.size()) i++; // the escaped character is not special
        } else if (ch == '[') {
            inClass = true;
        } else if (ch == ']') {
            inClass = false;
        } else if (ch == '*' && !inClass) {
            break;
        }
    }
    c.text = pattern.substr(0, i);
    pattern.remove_prefix(i);
    return c;
}

// One character of a class ("a", or "\]"), taken off the front of chunk; false if malformed: a
// class character missing, a bare '-' or ']', invalid UTF-8, or the class left unterminated.
bool classChar(std::string_view& chunk, rune& r) {
    if (chunk.empty() || chunk[0] == '-' || chunk[0] == ']') return false;
    if (chunk[0] == '\\') {
        chunk.remove_prefix(1);
        if (chunk.empty()) return false;
    }
    utf8::Decoded d = utf8::DecodeRuneInString(chunk);
    if (d.r == utf8::RuneError && d.size == 1) return false;
    chunk.remove_prefix(size_t(d.size));
    r = d.r;
    return !chunk.empty();
}

enum class Fit { No, Yes, Bad };

// Matches chunk against the start of s; on Yes, s is left holding the rest of the name.
Fit matchChunk(std::string_view chunk, std::string_view& s) {
    bool failed = false;
    while (!chunk.empty()) {
        if (s.empty()) failed = true;
        switch (chunk[0]) {
        case '[': {
            rune r = 0;
            if (!failed) {
                utf8::Decoded d = utf8::DecodeRuneInString(s);
                r = d.r;
                s.remove_prefix(size_t(d.size));
            }
            chunk.remove_prefix(1);
            bool negated = !chunk.empty() && chunk[0] == '^';
            if (negated) chunk.remove_prefix(1);
            bool inClass = false;
            for (int ranges = 0;; ranges++) {
                if (ranges > 0 && !chunk.empty() && chunk[0] == ']') {
                    chunk.remove_prefix(1);
                    break;
                }
                rune lo, hi;
                if (!classChar(chunk, lo)) return Fit::Bad;
                hi = lo;
                if (chunk[0] == '-') {
                    chunk.remove_prefix(1);
                    if (!classChar(chunk, hi)) return Fit::Bad;
                }
                if (lo <= r && r <= hi) inClass = true;
            }
            if (inClass == negated) failed = true;
            break;
        }
        case '?':
            if (!failed) {
                if (s[0] == '/') failed = true;
                s.remove_prefix(size_t(utf8::DecodeRuneInString(s).size));
            }
            chunk.remove_prefix(1);
            break;
        case '\\':
            chunk.remove_prefix(1);
            if (chunk.empty()) return Fit::Bad;
            [[fallthrough]];
        default:
            if (!failed) {
                if (chunk[0] != s[0]) failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
        }
    }
    return failed ? Fit::No : Fit::Yes;
}

} // namespace

MatchResult Match(std::string_view pattern, std::string_view name) {
    while (!pattern.empty()) {
        Chunk c = nextChunk(pattern);
        if (c.star && c.text.empty()) // a trailing star takes the rest of this path element
            return name.find('/') == std::string_view::npos ? MatchResult::Match : MatchResult::NoMatch;
        // The chunk right here. With more pattern to come it may leave some name over; as the
        // last chunk it must use the name up, or a star may still find a later place for it.
        std::string_view rest = name;
        Fit f = matchChunk(c.text, rest);
        if (f == Fit::Yes && (rest.empty() || !pattern.empty())) {
            name = rest;
            continue;
        }
        if (f == Fit::Bad) return MatchResult::BadPattern;
        bool placed = false;
        if (c.star) {
            // Try each later start, up to the end of the current path element.
            for (size_t i = 0; i < name.size() && name[i] != '/'; i++) {
                rest = name.substr(i + 1);
                f = matchChunk(c.text, rest);
                if (f == Fit::Yes) {
                    if (pattern.empty() && !rest.empty()) continue;
                    name = rest;
                    placed = true;
                    break;
                }
                if (f == Fit::Bad) return MatchResult::BadPattern;
            }
        }
        if (placed) continue;
        // No match; the rest of the pattern is still checked for syntax.
        while (!pattern.empty()) {
            std::string_view none;
            if (matchChunk(nextChunk(pattern).text, none) == Fit::Bad) return MatchResult::BadPattern;
        }
        return MatchResult::NoMatch;
    }
    return name.empty() ? MatchResult::Match : MatchResult::NoMatch;
}

} // namespace gol::stdlib::path
