// strings: Split*, Fields*, Join, Repeat.
#include <algorithm>

#include "stdlib/panic.hpp"
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::strings {
namespace {

// U+FFFD: Go's explode returns it for every invalid byte (and for a real U+FFFD).
constexpr std::string_view kRuneErrorString = "\xEF\xBF\xBD";

// Go's explode: s as UTF-8 sequences, at most n pieces if n > 0.
std::vector<std::string_view> explode(std::string_view s, int64_t n) {
    int64_t l = utf8::RuneCountInString(s);
    if (n < 0 || n > l) n = l;
    std::vector<std::string_view> a;
    a.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n - 1; ++i) {
        auto d = utf8::DecodeRuneInString(s);
        a.push_back(d.r == utf8::RuneError ? kRuneErrorString : s.substr(0, static_cast<size_t>(d.size)));
        s.remove_prefix(static_cast<size_t>(d.size));
    }
    if (n > 0) a.push_back(s);
    return a;
}

// Go's genSplit: split at each sep, keeping sepSave bytes of it in each piece.
std::vector<std::string_view> genSplit(std::string_view s, std::string_view sep, size_t sepSave, int64_t n) {
    if (n == 0) return {};
    if (sep.empty()) return explode(s, n);
    if (n < 0) n = Count(s, sep) + 1;
    if (n > static_cast<int64_t>(s.size()) + 1) n = static_cast<int64_t>(s.size()) + 1;
    std::vector<std::string_view> a;
    a.reserve(static_cast<size_t>(n));
    --n;
    while (static_cast<int64_t>(a.size()) < n) {
        int64_t m = Index(s, sep);
        if (m < 0) break;
        a.push_back(s.substr(0, static_cast<size_t>(m) + sepSave));
        s.remove_prefix(static_cast<size_t>(m) + sep.size());
    }
    a.push_back(s);
    return a;
}

} // namespace

std::vector<std::string_view> SplitN(std::string_view s, std::string_view sep, int64_t n) {
    return genSplit(s, sep, 0, n);
}
std::vector<std::string_view> SplitAfterN(std::string_view s, std::string_view sep, int64_t n) {
    return genSplit(s, sep, sep.size(), n);
}
std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
    return genSplit(s, sep, 0, -1);
}
std::vector<std::string_view> SplitAfter(std::string_view s, std::string_view sep) {
    return genSplit(s, sep, sep.size(), -1);
}

std::vector<std::string_view> Fields(std::string_view s) {
    return FieldsFunc(s, [](rune r) { return unicode::IsSpace(r); });
}

std::vector<std::string_view> FieldsFunc(std::string_view s, const RunePred& f) {
    std::vector<std::string_view> out;
    int64_t start = -1; // start of the current field, -1 between fields
    for (size_t i = 0; i < s.size();) {
        auto d = utf8::DecodeRuneInString(s.substr(i));
        if (f(d.r)) {
            if (start >= 0) {
                out.push_back(s.substr(static_cast<size_t>(start), i - static_cast<size_t>(start)));
                start = -1;
            }
        } else if (start < 0) {
            start = static_cast<int64_t>(i);
        }
        i += static_cast<size_t>(d.size);
    }
    if (start >= 0) out.push_back(s.substr(static_cast<size_t>(start)));
    return out;
}

std::string Join(const std::vector<std::string_view>& elems, std::string_view sep) {
    std::string out;
    if (elems.empty()) return out;
    size_t n = sep.size() * (elems.size() - 1);
    for (auto e : elems)
        n += e.size();
    out.reserve(n);
    out.append(elems[0]);
    for (size_t i = 1; i < elems.size(); ++i) {
        out.append(sep);
        out.append(elems[i]);
    }
    return out;
}

std::string Repeat(std::string_view s, int64_t count) {
    if (count == 0) return {};
    // Go checks the sign first, then whether len(s)*count overflows an int.
    if (count < 0) throw Panic("strings: negative Repeat count");
    if (!s.empty() && static_cast<uint64_t>(count) > static_cast<uint64_t>(INT64_MAX) / s.size())
        throw Panic("strings: Repeat count causes overflow");
    const size_t total = s.size() * static_cast<size_t>(count);
    std::string out(total, '\0');
    if (total == 0) return out;
    // Doubling copies: log2(count) copies instead of count.
    char* p = out.data();
    std::copy(s.begin(), s.end(), p);
    for (size_t filled = s.size(); filled < total;) {
        size_t chunk = std::min(filled, total - filled);
        std::copy_n(p, chunk, p + filled);
        filled += chunk;
    }
    return out;
}

} // namespace gol::stdlib::strings
