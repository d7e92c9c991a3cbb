// Package path: natives over gol's own C++ implementation (path.hpp). Results that are pieces of
// an argument come back as substrings of it, without copying.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/path/path.hpp"

#include <string>
#include <vector>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package path

import "errors"

var ErrBadPattern = errors.New("syntax error in pattern")

func Clean(path string) string
func Join(elem ...string) string
func Split(path string) (dir, file string)
func Ext(path string) string
func Base(path string) string
func Dir(path string) string
func IsAbs(path string) bool

func match(pattern, name string) (matched, bad bool)

func Match(pattern, name string) (matched bool, err error) {
	matched, bad := match(pattern, name)
	if bad {
		return false, ErrBadPattern
	}
	return matched, nil
}
)go";

// A result that may be a view into argument i (or a static string, or a copy in `owned`).
Value piece(NativeCall& c, uint32_t i, std::string_view part) {
    return substrOf(c, c.arg(i), part);
}

void nClean(NativeCall& c) {
    std::string out;
    c.result(0, piece(c, 0, path::Clean(argStr(c, 0), out)));
}

void nJoin(NativeCall& c) {
    int64_t n;
    const Value* v = sliceSlots(c.arg(0), &n);
    std::vector<std::string_view> elems;
    elems.reserve(size_t(n));
    for (int64_t k = 0; k < n; k++)
        elems.push_back(vm::strView(v[k]));
    c.result(0, c.str(path::Join(elems.data(), elems.size())));
}

void nSplit(NativeCall& c) {
    Value p = c.arg(0);
    path::SplitResult r = path::Split(vm::strView(p));
    c.result(0, substrOf(c, p, r.dir));
    c.result(1, substrOf(c, p, r.file));
}

void nExt(NativeCall& c) {
    c.result(0, piece(c, 0, path::Ext(argStr(c, 0))));
}
void nBase(NativeCall& c) {
    c.result(0, piece(c, 0, path::Base(argStr(c, 0))));
}
void nDir(NativeCall& c) {
    c.result(0, c.str(path::Dir(argStr(c, 0))));
}
void nIsAbs(NativeCall& c) {
    c.result(0, Value::fromBool(path::IsAbs(argStr(c, 0))));
}

void nMatch(NativeCall& c) {
    path::MatchResult r = path::Match(argStr(c, 0), argStr(c, 1));
    c.result(0, Value::fromBool(r == path::MatchResult::Match));
    c.result(1, Value::fromBool(r == path::MatchResult::BadPattern));
}

} // namespace

vm::PackageDef makePathPackage() {
    vm::PackageDef d{"path", kSource, {}};
    d.natives = {{"Clean", nClean}, {"Join", nJoin}, {"Split", nSplit}, {"Ext", nExt},
                 {"Base", nBase},   {"Dir", nDir},   {"IsAbs", nIsAbs}, {"match", nMatch}};
    return d;
}

} // namespace gol::stdlib
