// strings: Replace, Map and the case mappings. Map follows Go exactly: runes the mapping leaves
// alone are copied byte for byte, except that once anything changed, invalid bytes are written
// as the encoding of mapping(U+FFFD).
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::strings {

std::string Replace(std::string_view s, std::string_view oldS, std::string_view newS, int64_t n) {
    if (oldS == newS || n == 0) return std::string(s);
    int64_t m = Count(s, oldS);
    if (m == 0) return std::string(s);
    if (n < 0 || m < n) n = m;
    std::string b;
    b.reserve(s.size() + static_cast<size_t>(n) * newS.size());
    size_t start = 0;
    for (int64_t i = 0; i < n; ++i) {
        size_t j = start;
        if (oldS.empty()) {
            // An empty old matches at the start and after each rune (invalid bytes count as one).
            if (i > 0) j += static_cast<size_t>(utf8::DecodeRuneInString(s.substr(start)).size);
        } else {
            j += static_cast<size_t>(Index(s.substr(start), oldS));
        }
        b.append(s.substr(start, j - start));
        b.append(newS);
        start = j + oldS.size();
    }
    b.append(s.substr(std::min(start, s.size())));
    return b;
}

std::string ReplaceAll(std::string_view s, std::string_view oldS, std::string_view newS) {
    return Replace(s, oldS, newS, -1);
}

std::string Map(const RuneMap& mapping, std::string_view s) {
    // Copy nothing until the first rune that changes.
    size_t i = 0;
    for (; i < s.size();) {
        auto d = utf8::DecodeRuneInString(s.substr(i));
        rune c = d.r;
        rune r = mapping(c);
        if (r == c && c != utf8::RuneError) {
            i += static_cast<size_t>(d.size);
            continue;
        }
        if (c == utf8::RuneError && d.size != 1 && r == c) { // a real U+FFFD that maps to itself
            i += static_cast<size_t>(d.size);
            continue;
        }
        std::string b;
        b.reserve(s.size() + utf8::UTFMax);
        b.append(s.substr(0, i));
        if (r >= 0) utf8::AppendRune(b, r);
        i += static_cast<size_t>(d.size);
        // From here on every rune goes through the mapping (invalid bytes as U+FFFD).
        while (i < s.size()) {
            auto e = utf8::DecodeRuneInString(s.substr(i));
            rune m = mapping(e.r);
            if (m >= 0) utf8::AppendRune(b, m);
            i += static_cast<size_t>(e.size);
        }
        return b;
    }
    return std::string(s);
}

namespace {

bool isASCII(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= utf8::RuneSelf) return false;
    return true;
}

} // namespace

std::string ToUpper(std::string_view s) {
    if (isASCII(s)) {
        std::string b(s);
        for (char& c : b)
            if ('a' <= c && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
        return b;
    }
    return Map([](rune r) { return unicode::ToUpper(r); }, s);
}

std::string ToLower(std::string_view s) {
    if (isASCII(s)) {
        std::string b(s);
        for (char& c : b)
            if ('A' <= c && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        return b;
    }
    return Map([](rune r) { return unicode::ToLower(r); }, s);
}

std::string ToTitle(std::string_view s) {
    return Map([](rune r) { return unicode::ToTitle(r); }, s);
}

std::string ToValidUTF8(std::string_view s, std::string_view replacement) {
    std::string b;
    b.reserve(s.size());
    bool invalid = false; // the previous byte was invalid: runs collapse to one replacement
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < utf8::RuneSelf) {
            ++i;
            invalid = false;
            b.push_back(static_cast<char>(c));
            continue;
        }
        auto d = utf8::DecodeRuneInString(s.substr(i));
        if (d.size == 1) {
            ++i;
            if (!invalid) {
                invalid = true;
                b.append(replacement);
            }
            continue;
        }
        invalid = false;
        b.append(s.substr(i, static_cast<size_t>(d.size)));
        i += static_cast<size_t>(d.size);
    }
    return b;
}

} // namespace gol::stdlib::strings
