// Package bytes: Buffer and Reader are gol code (buffer.go.inc, reader.go.inc); the searching
// functions are natives over the strings algorithms applied to the slice's bytes in place, and
// the functions that return pieces of their input are gol code that slices it, so results alias
// the input as in Go.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kHeader = R"go(
package bytes

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// unicode.IsSpace, bound here so that bytes (and bufio, which imports it) do not pull in package
// unicode and its named tables.
func isSpace(r rune) bool

func Compare(a, b []byte) int
func Equal(a, b []byte) bool
func Index(s, sep []byte) int
func IndexByte(b []byte, c byte) int
func IndexRune(s []byte, r rune) int
func IndexAny(s []byte, chars string) int
func LastIndex(s, sep []byte) int
func LastIndexByte(s []byte, c byte) int
func LastIndexAny(s []byte, chars string) int
func Count(s, sep []byte) int
func EqualFold(s, t []byte) bool

func Contains(b, subslice []byte) bool        { return Index(b, subslice) != -1 }
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }
func ContainsRune(b []byte, r rune) bool      { return IndexRune(b, r) >= 0 }
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[0:len(prefix)], prefix)
}
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([][]byte, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[: m+sepSave : m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, n)
	var size int
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size = utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

func SplitN(s, sep []byte, n int) [][]byte      { return genSplit(s, sep, 0, n) }
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }
func Split(s, sep []byte) [][]byte              { return genSplit(s, sep, 0, -1) }
func SplitAfter(s, sep []byte) [][]byte         { return genSplit(s, sep, len(sep), -1) }

func Fields(s []byte) [][]byte { return FieldsFunc(s, isSpace) }

func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var spans [][2]int
	start := -1
	for i := 0; i < len(s); {
		size := 1
		r := rune(s[i])
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if f(r) {
			if start >= 0 {
				spans = append(spans, [2]int{start, i})
				start = -1
			}
		} else {
			if start < 0 {
				start = i
			}
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	a := make([][]byte, len(spans))
	for i, span := range spans {
		a[i] = s[span[0]:span[1]:span[1]]
	}
	return a
}

func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var b []byte
	for i, v := range s {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, v...)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

func Repeat(b []byte, count int) []byte {
	return []byte(strings.Repeat(string(b), count))
}

func Map(mapping func(r rune) rune, s []byte) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		wid := 1
		r := rune(s[i])
		if r >= utf8.RuneSelf {
			r, wid = utf8.DecodeRune(s[i:])
		}
		r = mapping(r)
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		i += wid
	}
	return b
}

func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }
func Title(s []byte) []byte   { return []byte(strings.Title(string(s))) }
func ToValidUTF8(s, replacement []byte) []byte {
	return []byte(strings.ToValidUTF8(string(s), string(replacement)))
}

func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

func Runes(s []byte) []rune { return []rune(string(s)) }

// trimBounds returns the [start, end) that strings' trimming keeps (mode: 0 Trim, 1 TrimLeft,
// 2 TrimRight, 3 TrimSpace).
func trimBounds(s []byte, cutset string, mode int) (int, int)

func Trim(s []byte, cutset string) []byte {
	i, j := trimBounds(s, cutset, 0)
	if i == j {
		return nil
	}
	return s[i:j]
}

func TrimLeft(s []byte, cutset string) []byte {
	i, j := trimBounds(s, cutset, 1)
	if i == j {
		return nil
	}
	return s[i:j]
}

func TrimRight(s []byte, cutset string) []byte {
	i, j := trimBounds(s, cutset, 2)
	if i == j && j == 0 {
		return s[:0]
	}
	return s[i:j]
}

func TrimSpace(s []byte) []byte {
	i, j := trimBounds(s, "", 3)
	if i == j {
		return nil
	}
	return s[i:j]
}

func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func IndexFunc(s []byte, f func(r rune) bool) int {
	for i := 0; i < len(s); {
		r, wid := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, wid = utf8.DecodeRune(s[i:])
		}
		if f(r) {
			return i
		}
		i += wid
	}
	return -1
}

func LastIndexFunc(s []byte, f func(r rune) bool) int {
	for i := len(s); i > 0; {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRune(s[0:i])
		}
		i -= size
		if f(r) {
			return i
		}
	}
	return -1
}

func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	for i := 0; i < len(s); {
		r, wid := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, wid = utf8.DecodeRune(s[i:])
		}
		if !f(r) {
			return s[i:]
		}
		i += wid
	}
	return nil
}

func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := len(s)
	for i > 0 {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRune(s[0:i])
		}
		if !f(r) {
			break
		}
		i -= size
	}
	return s[0:i]
}

func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func ContainsFunc(b []byte, f func(rune) bool) bool { return IndexFunc(b, f) >= 0 }

var _ = errors.New
var _ io.Reader
)go";

constexpr const char* kGoSource[] = {
#include "stdlib/bytes/buffer.go.inc"
    ,
#include "stdlib/bytes/reader.go.inc"
};

namespace S = stdlib::strings;

std::string_view B(NativeCall& c, uint32_t i) { return bytesOf(c.arg(i)); }
Value I(int64_t v) { return Value::fromInt(v); }

#define BN(name, expr) {#name, +[](NativeCall& c) { c.result(0, expr); }}

void nTrimBounds(NativeCall& c) {
    std::string_view s = B(c, 0), cut = argStr(c, 1), r;
    switch (argInt(c, 2)) {
    case 0: r = S::Trim(s, cut); break;
    case 1: r = S::TrimLeft(s, cut); break;
    case 2: r = S::TrimRight(s, cut); break;
    default: r = S::TrimSpace(s); break;
    }
    int64_t i = r.empty() ? 0 : r.data() - s.data();
    if (r.empty() && argInt(c, 2) == 1) i = int64_t(s.size()); // TrimLeft of all: s[len(s):]
    c.result(0, I(i));
    c.result(1, I(i + int64_t(r.size())));
}

} // namespace

vm::PackageDef makeBytesPackage() {
    std::string s = kHeader;
    for (const char* part : kGoSource) s += part;
    vm::PackageDef d{"bytes", s, {}};
    d.natives = {
        BN(Compare, I(S::Compare(B(c, 0), B(c, 1)))),
        BN(Equal, Value::fromBool(B(c, 0) == B(c, 1))),
        BN(Index, I(S::Index(B(c, 0), B(c, 1)))),
        BN(IndexByte, I(S::IndexByte(B(c, 0), uint8_t(argUint(c, 1))))),
        BN(IndexRune, I(S::IndexRune(B(c, 0), S::rune(argInt(c, 1))))),
        BN(IndexAny, I(S::IndexAny(B(c, 0), argStr(c, 1)))),
        BN(LastIndex, I(S::LastIndex(B(c, 0), B(c, 1)))),
        BN(LastIndexByte, I(S::LastIndexByte(B(c, 0), uint8_t(argUint(c, 1))))),
        BN(LastIndexAny, I(S::LastIndexAny(B(c, 0), argStr(c, 1)))),
        BN(Count, I(S::Count(B(c, 0), B(c, 1)))),
        BN(EqualFold, Value::fromBool(S::EqualFold(B(c, 0), B(c, 1)))),
        {"trimBounds", nTrimBounds},
        BN(isSpace, Value::fromBool(unicode::IsSpace(int32_t(argInt(c, 0))))),
    };
    return d;
}

} // namespace gol::stdlib
