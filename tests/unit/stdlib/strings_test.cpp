// Tests for stdlib/strings against Go 1.19: data/strings.txt is the output of
// `go run gen/strings_gen.go` (every function over pairs of ASCII, Unicode and invalid UTF-8
// strings).
#include "stdlib/panic.hpp"
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "tests/unit/stdlib/data_file.hpp"

#include <doctest/doctest.h>

#include <map>

namespace st = gol::stdlib::strings;
namespace uc = gol::stdlib::unicode;
using gol::stdlib::testdata::field;
using gol::stdlib::testdata::load;

namespace {

std::vector<std::string> decodeList(const std::string& f) {
    size_t colon = f.find(':');
    size_t n = std::stoul(f.substr(1, colon - 1));
    std::vector<std::string> out;
    size_t start = colon + 1;
    for (size_t i = 0; i < n; ++i) {
        size_t comma = f.find(',', start);
        if (comma == std::string::npos) comma = f.size();
        out.push_back(field("h:" + f.substr(start, comma - start)));
        start = comma + 1;
    }
    return out;
}

std::string encodeList(const std::vector<std::string_view>& v) {
    static const char* hex = "0123456789abcdef";
    std::string out = "L";
    out += std::to_string(v.size());
    out += ":";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out.push_back(',');
        for (unsigned char c : v[i]) {
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string b(bool v) {
    return v ? "true" : "false";
}

} // namespace

TEST_CASE("strings matches Go on the oracle data") {
    auto rows = load("strings.txt");
    std::map<std::string, int> seen;
    for (const auto& r : rows) {
        const std::string& fn = r[0];
        ++seen[fn];
        const std::string& s = r[1];
        const std::string& want = r.back();
        std::string got;
        std::string ctx = fn + "(" + s + (r.size() > 3 ? ", " + r[2] : "") + ")";
        if (fn == "Index")
            got = std::to_string(st::Index(s, r[2]));
        else if (fn == "LastIndex")
            got = std::to_string(st::LastIndex(s, r[2]));
        else if (fn == "IndexAny")
            got = std::to_string(st::IndexAny(s, r[2]));
        else if (fn == "LastIndexAny")
            got = std::to_string(st::LastIndexAny(s, r[2]));
        else if (fn == "Contains")
            got = b(st::Contains(s, r[2]));
        else if (fn == "ContainsAny")
            got = b(st::ContainsAny(s, r[2]));
        else if (fn == "HasPrefix")
            got = b(st::HasPrefix(s, r[2]));
        else if (fn == "HasSuffix")
            got = b(st::HasSuffix(s, r[2]));
        else if (fn == "Count")
            got = std::to_string(st::Count(s, r[2]));
        else if (fn == "Compare")
            got = std::to_string(st::Compare(s, r[2]));
        else if (fn == "EqualFold")
            got = b(st::EqualFold(s, r[2]));
        else if (fn == "Cut") {
            auto c = st::Cut(s, r[2]);
            std::string f = b(c.found);
            got = encodeList({c.before, c.after, f});
        } else if (fn == "Split")
            got = encodeList(st::Split(s, r[2]));
        else if (fn == "SplitAfter")
            got = encodeList(st::SplitAfter(s, r[2]));
        else if (fn == "SplitN")
            got = encodeList(st::SplitN(s, r[2], std::stoll(r[3])));
        else if (fn == "SplitAfterN")
            got = encodeList(st::SplitAfterN(s, r[2], std::stoll(r[3])));
        else if (fn == "Trim")
            got = st::Trim(s, r[2]);
        else if (fn == "TrimLeft")
            got = st::TrimLeft(s, r[2]);
        else if (fn == "TrimRight")
            got = st::TrimRight(s, r[2]);
        else if (fn == "TrimPrefix")
            got = st::TrimPrefix(s, r[2]);
        else if (fn == "TrimSuffix")
            got = st::TrimSuffix(s, r[2]);
        else if (fn == "ToValidUTF8")
            got = st::ToValidUTF8(s, r[2]);
        else if (fn == "Replace")
            got = st::Replace(s, r[2], r[3], std::stoll(r[4]));
        else if (fn == "ReplaceAll")
            got = st::ReplaceAll(s, r[2], r[3]);
        else if (fn == "Fields")
            got = encodeList(st::Fields(s));
        else if (fn == "FieldsPunct")
            got = encodeList(st::FieldsFunc(s, uc::IsPunct));
        else if (fn == "ToUpper")
            got = st::ToUpper(s);
        else if (fn == "ToLower")
            got = st::ToLower(s);
        else if (fn == "ToTitle")
            got = st::ToTitle(s);
        else if (fn == "TrimSpace")
            got = st::TrimSpace(s);
        else if (fn == "TrimFuncLetter")
            got = st::TrimFunc(s, uc::IsLetter);
        else if (fn == "IndexFuncSpace")
            got = std::to_string(st::IndexFunc(s, uc::IsSpace));
        else if (fn == "LastIndexFuncLetter")
            got = std::to_string(st::LastIndexFunc(s, uc::IsLetter));
        else if (fn == "MapDrop")
            got = st::Map([](st::rune c) { return c == 'a' ? -1 : c == 'b' ? 0xD800 : c; }, s);
        else if (fn == "MapIdentity")
            got = st::Map([](st::rune c) { return c; }, s);
        else if (fn == "IndexByte")
            got = std::to_string(st::IndexByte(s, static_cast<unsigned char>(std::stoi(r[2]))));
        else if (fn == "LastIndexByte")
            got = std::to_string(st::LastIndexByte(s, static_cast<unsigned char>(std::stoi(r[2]))));
        else if (fn == "IndexRune")
            got = std::to_string(st::IndexRune(s, std::stoi(r[2])));
        else if (fn == "ContainsRune")
            got = b(st::ContainsRune(s, std::stoi(r[2])));
        else if (fn == "Repeat") {
            try {
                got = st::Repeat(s, std::stoll(r[2]));
            } catch (const gol::stdlib::Panic& p) {
                got = std::string("panic:") + p.what();
            }
        } else if (fn == "Replacer") {
            try {
                st::Replacer rep(decodeList(r[1]));
                got = rep.Replace(r[2]);
            } catch (const gol::stdlib::Panic& p) {
                got = std::string("panic:") + p.what();
            }
        } else if (fn == "Join") {
            auto elems = decodeList(r[1]);
            std::vector<std::string_view> views(elems.begin(), elems.end());
            got = st::Join(views, r[2]);
        } else {
            FAIL("unknown function " << fn);
        }
        // Lists compare in their encoded form; everything else decoded.
        CHECK_MESSAGE(got == want, ctx);
    }
    for (const char* fn : {"Index", "Split", "SplitN", "Replace", "Fields", "ToUpper", "MapDrop", "Repeat",
                           "Join", "EqualFold", "Replacer"})
        CHECK(seen[fn] > 0);
}
