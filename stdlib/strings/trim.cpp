// strings: Trim*. Cutsets are sets of runes; an invalid byte in s is U+FFFD, which a cutset
// contains if it holds U+FFFD or an invalid byte itself (Go's ContainsRune(cutset, RuneError)).
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::strings {

std::string_view TrimLeftFunc(std::string_view s, const RunePred& f) {
    int64_t i = IndexFunc(s, [&](rune r) { return !f(r); });
    if (i == -1) return s.substr(s.size());
    return s.substr(static_cast<size_t>(i));
}

std::string_view TrimRightFunc(std::string_view s, const RunePred& f) {
    int64_t i = LastIndexFunc(s, [&](rune r) { return !f(r); });
    if (i >= 0 && static_cast<unsigned char>(s[static_cast<size_t>(i)]) >= utf8::RuneSelf)
        i += utf8::DecodeRuneInString(s.substr(static_cast<size_t>(i))).size;
    else
        ++i;
    return s.substr(0, static_cast<size_t>(i));
}

std::string_view TrimFunc(std::string_view s, const RunePred& f) {
    return TrimRightFunc(TrimLeftFunc(s, f), f);
}

std::string_view TrimLeft(std::string_view s, std::string_view cutset) {
    if (s.empty() || cutset.empty()) return s;
    while (!s.empty()) {
        auto d = utf8::DecodeRuneInString(s);
        if (!ContainsRune(cutset, d.r)) break;
        s.remove_prefix(static_cast<size_t>(d.size));
    }
    return s;
}

std::string_view TrimRight(std::string_view s, std::string_view cutset) {
    if (s.empty() || cutset.empty()) return s;
    while (!s.empty()) {
        auto d = utf8::DecodeLastRuneInString(s);
        if (!ContainsRune(cutset, d.r)) break;
        s.remove_suffix(static_cast<size_t>(d.size));
    }
    return s;
}

std::string_view Trim(std::string_view s, std::string_view cutset) {
    return TrimLeft(TrimRight(s, cutset), cutset);
}

std::string_view TrimSpace(std::string_view s) {
    return TrimFunc(s, [](rune r) { return unicode::IsSpace(r); });
}

std::string_view TrimPrefix(std::string_view s, std::string_view prefix) {
    return HasPrefix(s, prefix) ? s.substr(prefix.size()) : s;
}

std::string_view TrimSuffix(std::string_view s, std::string_view suffix) {
    return HasSuffix(s, suffix) ? s.substr(0, s.size() - suffix.size()) : s;
}

} // namespace gol::stdlib::strings
