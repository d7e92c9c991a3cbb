// strconv.Quote* / Unquote* / CanBackquote / IsPrint, following Go's quote.go rule for rule:
// invalid UTF-8 bytes become \xNN, non-printable runes \a..\v, \xNN, \uNNNN or \UNNNNNNNN, and
// invalid runes in QuoteRune become U+FFFD.
#include "stdlib/strconv/strconv.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib::strconv {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void appendHex(std::string& buf, uint32_t v, int digits) {
    for (int s = (digits - 1) * 4; s >= 0; s -= 4)
        buf.push_back(kLowerHex[(v >> s) & 0xF]);
}

void appendEscapedRune(std::string& buf, rune r, char quote, bool asciiOnly, bool graphicOnly) {
    if (r == static_cast<unsigned char>(quote) || r == '\\') {
        buf.push_back('\\');
        buf.push_back(static_cast<char>(r));
        return;
    }
    if (asciiOnly) {
        if (r < utf8::RuneSelf && IsPrint(r)) {
            buf.push_back(static_cast<char>(r));
            return;
        }
    } else if (IsPrint(r) || (graphicOnly && IsGraphic(r))) {
        utf8::AppendRune(buf, r);
        return;
    }
    switch (r) {
    case '\a': buf += "\\a"; return;
    case '\b': buf += "\\b"; return;
    case '\f': buf += "\\f"; return;
    case '\n': buf += "\\n"; return;
    case '\r': buf += "\\r"; return;
    case '\t': buf += "\\t"; return;
    case '\v': buf += "\\v"; return;
    }
    if (r < ' ' || r == 0x7F) {
        buf += "\\x";
        appendHex(buf, static_cast<uint32_t>(r), 2);
        return;
    }
    if (!utf8::ValidRune(r)) r = 0xFFFD;
    if (r < 0x10000) {
        buf += "\\u";
        appendHex(buf, static_cast<uint32_t>(r), 4);
    } else {
        buf += "\\U";
        appendHex(buf, static_cast<uint32_t>(r), 8);
    }
}

void appendQuotedWith(std::string& buf, std::string_view s, char quote, bool asciiOnly, bool graphicOnly) {
    buf.push_back(quote);
    while (!s.empty()) {
        rune r = static_cast<unsigned char>(s[0]);
        int width = 1;
        if (r >= utf8::RuneSelf) {
            auto d = utf8::DecodeRuneInString(s);
            r = d.r;
            width = d.size;
        }
        if (width == 1 && r == utf8::RuneError) {
            buf += "\\x";
            appendHex(buf, static_cast<unsigned char>(s[0]), 2);
        } else {
            appendEscapedRune(buf, r, quote, asciiOnly, graphicOnly);
        }
        s.remove_prefix(static_cast<size_t>(width));
    }
    buf.push_back(quote);
}

void appendQuotedRuneWith(std::string& buf, rune r, bool asciiOnly, bool graphicOnly) {
    buf.push_back('\'');
    if (!utf8::ValidRune(r)) r = utf8::RuneError;
    appendEscapedRune(buf, r, '\'', asciiOnly, graphicOnly);
    buf.push_back('\'');
}

bool unhex(char c, rune& v) {
    if ('0' <= c && c <= '9')
        v = c - '0';
    else if ('a' <= c && c <= 'f')
        v = c - 'a' + 10;
    else if ('A' <= c && c <= 'F')
        v = c - 'A' + 10;
    else
        return false;
    return true;
}

// Go's unquote(in, unescape=true): the unquoted value and the rest of the input after the
// closing quote, or nullopt for ErrSyntax.
std::optional<std::string> unquote(std::string_view in, std::string_view& rem) {
    rem = in;
    if (in.size() < 2) return std::nullopt;
    const char quote = in[0];
    size_t end = in.find(quote, 1);
    if (end == std::string_view::npos) return std::nullopt;
    ++end; // position after the (optimistically found) terminating quote

    if (quote == '`') {
        std::string out;
        for (size_t i = 1; i < end - 1; ++i)
            if (in[i] != '\r') out.push_back(in[i]); // raw strings drop carriage returns
        rem = in.substr(end);
        return out;
    }
    if (quote != '"' && quote != '\'') return std::nullopt;

    std::string_view body = in.substr(1, end - 2);
    if (body.find('\\') == std::string_view::npos && body.find('\n') == std::string_view::npos) {
        bool valid;
        if (quote == '"') {
            valid = utf8::ValidString(body);
        } else {
            auto d = utf8::DecodeRuneInString(body);
            valid = static_cast<size_t>(1 + d.size + 1) == end && (d.r != utf8::RuneError || d.size != 1);
        }
        if (valid) {
            rem = in.substr(end);
            return std::string(body);
        }
    }

    std::string buf;
    std::string_view s = in.substr(1);
    while (!s.empty() && s[0] != quote) {
        auto c = UnquoteChar(s, quote);
        if (s[0] == '\n' || !c) return std::nullopt;
        s = c->tail;
        if (c->value < utf8::RuneSelf || !c->multibyte)
            buf.push_back(static_cast<char>(c->value));
        else
            utf8::AppendRune(buf, c->value);
        if (quote == '\'') break; // a rune literal holds one character
    }
    if (s.empty() || s[0] != quote) return std::nullopt;
    rem = s.substr(1);
    return buf;
}

} // namespace

bool IsPrint(rune r) {
    return unicode::IsPrint(r);
}
bool IsGraphic(rune r) {
    return unicode::IsGraphic(r);
}

void AppendQuote(std::string& dst, std::string_view s) {
    appendQuotedWith(dst, s, '"', false, false);
}
void AppendQuoteToASCII(std::string& dst, std::string_view s) {
    appendQuotedWith(dst, s, '"', true, false);
}
void AppendQuoteRune(std::string& dst, rune r) {
    appendQuotedRuneWith(dst, r, false, false);
}
void AppendQuoteRuneToASCII(std::string& dst, rune r) {
    appendQuotedRuneWith(dst, r, true, false);
}
void AppendQuoteToGraphic(std::string& dst, std::string_view s) {
    appendQuotedWith(dst, s, '"', false, true);
}
void AppendQuoteRuneToGraphic(std::string& dst, rune r) {
    appendQuotedRuneWith(dst, r, false, true);
}

std::string Quote(std::string_view s) {
    std::string b;
    AppendQuote(b, s);
    return b;
}
std::string QuoteToASCII(std::string_view s) {
    std::string b;
    AppendQuoteToASCII(b, s);
    return b;
}
std::string QuoteToGraphic(std::string_view s) {
    std::string b;
    AppendQuoteToGraphic(b, s);
    return b;
}
std::string QuoteRune(rune r) {
    std::string b;
    AppendQuoteRune(b, r);
    return b;
}
std::string QuoteRuneToASCII(rune r) {
    std::string b;
    AppendQuoteRuneToASCII(b, r);
    return b;
}
std::string QuoteRuneToGraphic(rune r) {
    std::string b;
    AppendQuoteRuneToGraphic(b, r);
    return b;
}

bool CanBackquote(std::string_view s) {
    while (!s.empty()) {
        auto d = utf8::DecodeRuneInString(s);
        s.remove_prefix(static_cast<size_t>(d.size));
        if (d.size > 1) {
            if (d.r == 0xFEFF) return false; // a BOM would be stripped by Go's tools
            continue;
        }
        if (d.r == utf8::RuneError) return false;
        if ((d.r < ' ' && d.r != '\t') || d.r == '`' || d.r == 0x7F) return false;
    }
    return true;
}

std::optional<UnquotedChar> UnquoteChar(std::string_view s, char quote) {
    if (s.empty()) return std::nullopt;
    const char c0 = s[0];
    if (c0 == quote && (quote == '\'' || quote == '"')) return std::nullopt;
    if (static_cast<unsigned char>(c0) >= utf8::RuneSelf) {
        auto d = utf8::DecodeRuneInString(s);
        return UnquotedChar{d.r, true, s.substr(static_cast<size_t>(d.size))};
    }
    if (c0 != '\\') return UnquotedChar{static_cast<unsigned char>(c0), false, s.substr(1)};
    if (s.size() <= 1) return std::nullopt;
    const char c = s[1];
    s.remove_prefix(2);
    rune value = 0;
    bool multibyte = false;
    switch (c) {
    case 'a': value = '\a'; break;
    case 'b': value = '\b'; break;
    case 'f': value = '\f'; break;
    case 'n': value = '\n'; break;
    case 'r': value = '\r'; break;
    case 't': value = '\t'; break;
    case 'v': value = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
        size_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (s.size() < n) return std::nullopt;
        rune v = 0;
        for (size_t j = 0; j < n; ++j) {
            rune x;
            if (!unhex(s[j], x)) return std::nullopt;
            v = static_cast<rune>(static_cast<uint32_t>(v) << 4 | static_cast<uint32_t>(x));
        }
        s.remove_prefix(n);
        if (c == 'x') { // \x is a byte value, never re-encoded
            value = v;
            break;
        }
        if (!utf8::ValidRune(v)) return std::nullopt;
        value = v;
        multibyte = true;
        break;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        rune v = c - '0';
        if (s.size() < 2) return std::nullopt;
        for (size_t j = 0; j < 2; ++j) {
            rune x = s[j] - '0';
            if (x < 0 || x > 7) return std::nullopt;
            v = (v << 3) | x;
        }
        s.remove_prefix(2);
        if (v > 255) return std::nullopt;
        value = v;
        break;
    }
    case '\\': value = '\\'; break;
    case '\'':
    case '"':
        if (c != quote) return std::nullopt;
        value = c;
        break;
    default: return std::nullopt;
    }
    return UnquotedChar{value, multibyte, s};
}

std::optional<std::string> Unquote(std::string_view s) {
    std::string_view rem;
    auto out = unquote(s, rem);
    if (!out || !rem.empty()) return std::nullopt;
    return out;
}

std::optional<std::string_view> QuotedPrefix(std::string_view s) {
    std::string_view rem;
    if (!unquote(s, rem)) return std::nullopt;
    return s.substr(0, s.size() - rem.size());
}

} // namespace gol::stdlib::strconv
