// Tests for stdlib/path against Go 1.19: data/path.txt is the output of `go run gen/path_gen.go`
// (the lexical functions over every short sequence of path pieces, Join over element triples,
// Match over patterns crossing every metacharacter with short names).
#include "stdlib/path/path.hpp"
#include "tests/unit/stdlib/data_file.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace pa = gol::stdlib::path;
using gol::stdlib::testdata::load;

TEST_CASE("path: Clean Split Base Dir Ext Join Match agree with Go") {
    auto rows = load("path.txt");
    REQUIRE(rows.size() > 9000);
    std::vector<std::string> names;
    size_t checked = 0;
    for (const auto& r : rows) {
        const std::string& fn = r[0];
        INFO(fn << " " << r[1]);
        if (fn == "Clean") {
            std::string buf;
            CHECK(std::string(pa::Clean(r[1], buf)) == r[2]);
        } else if (fn == "Split") {
            pa::SplitResult s = pa::Split(r[1]);
            CHECK(std::string(s.dir) == r[2]);
            CHECK(std::string(s.file) == r[3]);
        } else if (fn == "Base") {
            CHECK(std::string(pa::Base(r[1])) == r[2]);
        } else if (fn == "Dir") {
            CHECK(pa::Dir(r[1]) == r[2]);
        } else if (fn == "Ext") {
            CHECK(std::string(pa::Ext(r[1])) == r[2]);
        } else if (fn == "Join") {
            std::string_view elems[] = {r[1], r[2], r[3]};
            CHECK(pa::Join(elems, 3) == r[4]);
        } else if (fn == "Names") {
            names.assign(r.begin() + 1, r.end());
        } else if (fn == "Match") {
            REQUIRE(r[2].size() == names.size());
            std::string got;
            for (const std::string& n : names) {
                pa::MatchResult m = pa::Match(r[1], n);
                got += m == pa::MatchResult::BadPattern ? 'E' : m == pa::MatchResult::Match ? '1' : '0';
            }
            CHECK(got == r[2]);
        } else {
            FAIL("unknown function " << fn);
        }
        checked++;
    }
    CHECK(checked == rows.size());
}
