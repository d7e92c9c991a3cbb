// strings: searching. Index uses glibc's memmem (two-way algorithm: linear time, no worst case
// blow-up on adversarial inputs); rune-level searches decode invalid bytes as U+FFFD like Go.
#include <cstring>

#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::strings {

int64_t Index(std::string_view s, std::string_view substr) {
    if (substr.empty()) return 0;
    if (substr.size() > s.size()) return -1;
    const void* p = memmem(s.data(), s.size(), substr.data(), substr.size());
    return p ? static_cast<const char*>(p) - s.data() : -1;
}

int64_t LastIndex(std::string_view s, std::string_view substr) {
    if (substr.empty()) return static_cast<int64_t>(s.size());
    size_t i = s.rfind(substr);
    return i == std::string_view::npos ? -1 : static_cast<int64_t>(i);
}

int64_t IndexByte(std::string_view s, unsigned char c) {
    if (s.empty()) return -1;
    const void* p = std::memchr(s.data(), c, s.size());
    return p ? static_cast<const char*>(p) - s.data() : -1;
}

int64_t LastIndexByte(std::string_view s, unsigned char c) {
    for (size_t i = s.size(); i > 0; --i)
        if (static_cast<unsigned char>(s[i - 1]) == c) return static_cast<int64_t>(i - 1);
    return -1;
}

int64_t IndexRune(std::string_view s, rune r) {
    if (0 <= r && r < utf8::RuneSelf) return IndexByte(s, static_cast<unsigned char>(r));
    if (r == utf8::RuneError) {
        for (size_t i = 0; i < s.size();) {
            auto d = utf8::DecodeRuneInString(s.substr(i));
            if (d.r == utf8::RuneError) return static_cast<int64_t>(i);
            i += static_cast<size_t>(d.size);
        }
        return -1;
    }
    if (!utf8::ValidRune(r)) return -1;
    return Index(s, utf8::EncodeRuneToString(r));
}

int64_t IndexFunc(std::string_view s, const RunePred& f) {
    for (size_t i = 0; i < s.size();) {
        auto d = utf8::DecodeRuneInString(s.substr(i));
        if (f(d.r)) return static_cast<int64_t>(i);
        i += static_cast<size_t>(d.size);
    }
    return -1;
}

int64_t LastIndexFunc(std::string_view s, const RunePred& f) {
    for (size_t i = s.size(); i > 0;) {
        auto d = utf8::DecodeLastRuneInString(s.substr(0, i));
        i -= static_cast<size_t>(d.size);
        if (f(d.r)) return static_cast<int64_t>(i);
    }
    return -1;
}

int64_t IndexAny(std::string_view s, std::string_view chars) {
    if (chars.empty()) return -1;
    if (chars.size() == 1) {
        rune r = static_cast<unsigned char>(chars[0]);
        if (r >= utf8::RuneSelf) r = utf8::RuneError; // a lone high byte is invalid UTF-8
        return IndexRune(s, r);
    }
    return IndexFunc(s, [&](rune r) { return IndexRune(chars, r) >= 0; });
}

int64_t LastIndexAny(std::string_view s, std::string_view chars) {
    if (chars.empty()) return -1;
    if (s.size() == 1) {
        rune r = static_cast<unsigned char>(s[0]);
        if (r >= utf8::RuneSelf) r = utf8::RuneError;
        return IndexRune(chars, r) >= 0 ? 0 : -1;
    }
    if (chars.size() == 1) {
        rune cr = static_cast<unsigned char>(chars[0]);
        if (cr >= utf8::RuneSelf) cr = utf8::RuneError;
        for (size_t i = s.size(); i > 0;) {
            auto d = utf8::DecodeLastRuneInString(s.substr(0, i));
            i -= static_cast<size_t>(d.size);
            if (d.r == cr) return static_cast<int64_t>(i);
        }
        return -1;
    }
    return LastIndexFunc(s, [&](rune r) { return IndexRune(chars, r) >= 0; });
}

bool Contains(std::string_view s, std::string_view substr) {
    return Index(s, substr) >= 0;
}
bool ContainsAny(std::string_view s, std::string_view chars) {
    return IndexAny(s, chars) >= 0;
}
bool ContainsRune(std::string_view s, rune r) {
    return IndexRune(s, r) >= 0;
}
bool HasPrefix(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
bool HasSuffix(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int64_t Count(std::string_view s, std::string_view substr) {
    if (substr.empty()) return utf8::RuneCountInString(s) + 1;
    if (substr.size() == 1) {
        int64_t n = 0;
        for (char c : s)
            n += c == substr[0];
        return n;
    }
    int64_t n = 0;
    for (;;) {
        int64_t i = Index(s, substr);
        if (i < 0) return n;
        ++n;
        s.remove_prefix(static_cast<size_t>(i) + substr.size());
    }
}

int Compare(std::string_view a, std::string_view b) {
    int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool EqualFold(std::string_view s, std::string_view t) {
    while (!s.empty() && !t.empty()) {
        auto ds = utf8::DecodeRuneInString(s);
        auto dt = utf8::DecodeRuneInString(t);
        s.remove_prefix(static_cast<size_t>(ds.size));
        t.remove_prefix(static_cast<size_t>(dt.size));
        rune sr = ds.r, tr = dt.r;
        if (tr == sr) continue;
        if (tr < sr) std::swap(tr, sr); // make sr < tr to simplify what follows
        if (tr < utf8::RuneSelf) {      // ASCII only: sr must be the upper case of tr
            if ('A' <= sr && sr <= 'Z' && tr == sr + 'a' - 'A') continue;
            return false;
        }
        // General case: walk sr's fold orbit; it contains tr iff they fold equal.
        rune r = unicode::SimpleFold(sr);
        while (r != sr && r < tr)
            r = unicode::SimpleFold(r);
        if (r == tr) continue;
        return false;
    }
    return s == t;
}

CutResult Cut(std::string_view s, std::string_view sep) {
    int64_t i = Index(s, sep);
    if (i >= 0)
        return {s.substr(0, static_cast<size_t>(i)), s.substr(static_cast<size_t>(i) + sep.size()), true};
    return {s, {}, false};
}

} // namespace gol::stdlib::strings
