// LiteralPrefix from the pattern's text: a walk over literal characters and groups that stops at
// the first construct that can match more than one string.
#include "stdlib/regexp/prefix.hpp"

#include "stdlib/unicode/utf8/utf8.hpp"

#include <cctype>
#include <cstdint>
#include <vector>

namespace gol::stdlib::regexp {

std::pair<std::string, bool> literalPrefix(std::string_view expr) {
    std::string prefix;
    std::vector<size_t> groupStarts; // prefix length where each open group began
    size_t i = 0;
    auto partial = [&] { return std::pair<std::string, bool>{prefix, false}; };
    while (i < expr.size()) {
        char c = expr[i];
        if (c == '(') {
            if (expr.substr(i, 3) == "(?:") {
                i += 3;
            } else if (expr.substr(i, 4) == "(?P<") {
                size_t close = expr.find('>', i);
                if (close == std::string_view::npos) return partial();
                i = close + 1;
            } else if (expr.substr(i, 2) == "(?") {
                return partial(); // flags such as (?i) change what the letters match
            } else {
                i++;
            }
            groupStarts.push_back(prefix.size());
            continue;
        }
        if (c == ')') {
            if (groupStarts.empty()) return partial();
            size_t start = groupStarts.back();
            groupStarts.pop_back();
            i++;
            if (i < expr.size() && (expr[i] == '*' || expr[i] == '?' || expr[i] == '{')) {
                prefix.resize(start); // the group may be absent (or repeated: not a plain prefix)
                return partial();
            }
            if (i < expr.size() && expr[i] == '+') return partial(); // once, then a loop
            continue;
        }
        if (c == '|') {
            prefix.resize(groupStarts.empty() ? 0 : groupStarts.back());
            return partial();
        }
        // One literal character: plain, an escaped punctuation mark, \xHH or \x{H...}, or a
        // one-character class [c].
        std::string lit;
        size_t next = i + 1;
        if (c == '\\') {
            if (i + 1 >= expr.size()) return partial();
            char d = expr[i + 1];
            if (uint8_t(d) < 0x80 && std::ispunct(uint8_t(d))) {
                lit = std::string(1, d);
                next = i + 2;
            } else if (d == 'x') {
                size_t from = i + 2, to = from + 2;
                if (from < expr.size() && expr[from] == '{') {
                    to = expr.find('}', from);
                    if (to == std::string_view::npos) return partial();
                    from++;
                }
                if (to > expr.size() || to == from) return partial();
                uint32_t v = 0;
                for (size_t k = from; k < to; k++) {
                    if (!std::isxdigit(uint8_t(expr[k])) || v > 0x10FFFF) return partial();
                    v = v * 16 + uint32_t(std::isdigit(uint8_t(expr[k])) ? expr[k] - '0'
                                                                         : (expr[k] | 0x20) - 'a' + 10);
                }
                if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return partial();
                lit = utf8::EncodeRuneToString(utf8::rune(v));
                next = expr[i + 2] == '{' ? to + 1 : to;
            } else {
                return partial(); // \d, \b, \pL ...: not one literal character
            }
        } else if (c == '[') {
            if (i + 2 < expr.size() && expr[i + 2] == ']' &&
                std::string_view("\\^]-[").find(expr[i + 1]) == std::string_view::npos &&
                uint8_t(expr[i + 1]) < 0x80) {
                lit = std::string(1, expr[i + 1]);
                next = i + 3;
            } else {
                return partial();
            }
        } else if (std::string_view(".^$*+?{}").find(c) != std::string_view::npos) {
            return partial();
        } else {
            while (next < expr.size() && (uint8_t(expr[next]) & 0xC0) == 0x80)
                next++; // whole UTF-8 sequence
            lit = std::string(expr.substr(i, next - i));
        }
        i = next;
        char q = i < expr.size() ? expr[i] : '\0';
        if (q == '*' || q == '?') return partial();
        if (q == '+') {
            prefix += lit;
            return partial();
        }
        if (q == '{') {
            // {n}, {n,} or {n,m}: n copies are certain; more follow only when the count is exact.
            size_t close = expr.find('}', i);
            if (close == std::string_view::npos) return partial();
            std::string_view body = expr.substr(i + 1, close - i - 1);
            size_t comma = body.find(',');
            std::string_view lo = body.substr(0, comma),
                             hi = comma == std::string_view::npos ? lo : body.substr(comma + 1);
            auto number = [](std::string_view t, int& out) {
                if (t.empty() || t.size() > 4) return false;
                out = 0;
                for (char ch : t) {
                    if (!std::isdigit(uint8_t(ch))) return false;
                    out = out * 10 + (ch - '0');
                }
                return true;
            };
            int n = 0, m = 0;
            if (!number(lo, n)) return partial();
            for (int k = 0; k < n; k++)
                prefix += lit;
            bool exact = comma == std::string_view::npos || (number(hi, m) && m == n);
            if (!exact) return partial();
            i = close + 1;
            continue;
        }
        prefix += lit;
    }
    return {prefix, groupStarts.empty()};
}

} // namespace gol::stdlib::regexp
