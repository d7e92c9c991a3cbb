// Package strings: natives over the string algorithms (search/split/transform/trim.cpp), gol code
// for what takes a function argument (IndexFunc, Map, FieldsFunc, TrimFunc, ...), Builder (Go's:
// a struct holding a []byte), Reader and Replacer.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/strings/strings.hpp"
#include "stdlib/unicode/unicode.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package strings

import (
	"errors"
	"io"
	"unicode/utf8"
)

func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return string(b)
}

func Compare(a, b string) int
func Contains(s, substr string) bool
func ContainsAny(s, chars string) bool
func ContainsRune(s string, r rune) bool
func Count(s, substr string) int
func EqualFold(s, t string) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexAny(s, chars string) int
func IndexByte(s string, c byte) int
func IndexRune(s string, r rune) int
func LastIndex(s, substr string) int
func LastIndexAny(s, chars string) int
func LastIndexByte(s string, c byte) int

func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

func Fields(s string) []string
func Split(s, sep string) []string
func SplitN(s, sep string, n int) []string
func SplitAfter(s, sep string) []string
func SplitAfterN(s, sep string, n int) []string
func Join(elems []string, sep string) string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func ToLower(s string) string
func ToUpper(s string) string
func ToTitle(s string) string
func ToValidUTF8(s, replacement string) string
func Trim(s, cutset string) string
func TrimLeft(s, cutset string) string
func TrimRight(s, cutset string) string
func TrimSpace(s string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string

func Title(s string) string {
	prev := ' '
	return Map(
		func(r rune) rune {
			if isSeparator(prev) {
				prev = r
				return toTitle(r)
			}
			prev = r
			return r
		},
		s)
}

func toTitle(r rune) rune
func isSeparator(r rune) bool

func ContainsFunc(s string, f func(rune) bool) bool {
	return IndexFunc(s, f) >= 0
}

func IndexFunc(s string, f func(rune) bool) int {
	for i, r := range s {
		if f(r) {
			return i
		}
	}
	return -1
}

func LastIndexFunc(s string, f func(rune) bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		i -= size
		if f(r) {
			return i
		}
	}
	return -1
}

func Map(mapping func(rune) rune, s string) string {
	var b []byte
	changed := false
	for i, c := range s {
		r := mapping(c)
		if !changed {
			if r == c && c != utf8.RuneError {
				continue
			}
			if c == utf8.RuneError {
				_, w := utf8.DecodeRuneInString(s[i:])
				if w != 1 && r == c {
					continue
				}
			}
			changed = true
			b = make([]byte, 0, len(s)+utf8.UTFMax)
			b = append(b, s[:i]...)
		}
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
	}
	if !changed {
		return s
	}
	return string(b)
}

func FieldsFunc(s string, f func(rune) bool) []string {
	var spans [][2]int
	start := -1
	for end, r := range s {
		if f(r) {
			if start >= 0 {
				spans = append(spans, [2]int{start, end})
				start = ^start
			}
		} else {
			if start < 0 {
				start = end
			}
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	a := make([]string, len(spans))
	for i, span := range spans {
		a[i] = s[span[0]:span[1]]
	}
	return a
}

func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func TrimLeftFunc(s string, f func(rune) bool) string {
	for i, r := range s {
		if !f(r) {
			return s[i:]
		}
	}
	return ""
}

func TrimRightFunc(s string, f func(rune) bool) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		if !f(r) {
			break
		}
		i -= size
	}
	return s[:i]
}

// ---- Builder

type Builder struct {
	buf []byte
}

func (b *Builder) String() string { return string(b.buf) }
func (b *Builder) Len() int       { return len(b.buf) }
func (b *Builder) Cap() int       { return cap(b.buf) }
func (b *Builder) Reset()         { b.buf = nil }

func (b *Builder) Grow(n int) {
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(buf, b.buf)
		b.buf = buf
	}
}

func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

func (b *Builder) WriteRune(r rune) (int, error) {
	n := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - n, nil
}

func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// ---- Reader

type Reader struct {
	s        string
	i        int64
	prevRune int
}

func NewReader(s string) *Reader { return &Reader{s, 0, -1} }

func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

func (r *Reader) Size() int64 { return int64(len(r.s)) }

func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return
}

func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("strings.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return
}

func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	b := r.s[r.i]
	r.i++
	return b, nil
}

func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadByte: at beginning of string")
	}
	r.prevRune = -1
	r.i--
	return nil
}

func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if c := r.s[r.i]; c < utf8.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8.DecodeRuneInString(r.s[r.i:])
	r.i += int64(size)
	return
}

func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadRune: at beginning of string")
	}
	if r.prevRune < 0 {
		return errors.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.i + offset
	case io.SeekEnd:
		abs = int64(len(r.s)) + offset
	default:
		return 0, errors.New("strings.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("strings.Reader.Seek: negative position")
	}
	r.i = abs
	return abs, nil
}

func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	s := r.s[r.i:]
	m, err := io.WriteString(w, s)
	if m > len(s) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(s) && err == nil {
		err = io.ErrShortWrite
	}
	return
}

func (r *Reader) Reset(s string) { *r = Reader{s, 0, -1} }

// ---- Replacer

type Replacer struct {
	oldnew []string
}

func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

func replace(oldnew []string, s string) string

func (r *Replacer) Replace(s string) string { return replace(r.oldnew, s) }

func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}
)go";

namespace S = stdlib::strings;

#define STR_NATIVE(name, body) {#name, +[](NativeCall& c) { body; }}

std::vector<std::string_view> stringArgs(Value slice) {
    int64_t n;
    Value* a = sliceSlots(slice, &n);
    std::vector<std::string_view> v;
    v.reserve(size_t(n));
    for (int64_t i = 0; i < n; i++) v.push_back(vm::strView(a[i]));
    return v;
}

// The pieces of a split are substrings of s (O(1)) except Go's "\uFFFD" pieces.
Value pieces(NativeCall& c, Value s, const std::vector<std::string_view>& parts) {
    vm::Heap& h = c.vm.heap();
    vm::ArrayObj* a = h.newArray(int64_t(parts.size()), 8, true, c.vm.program().stringType);
    for (size_t i = 0; i < parts.size(); i++) a->slots()[i] = substrOf(c, s, parts[i]);
    return Value::fromObj(h.newSlice(a, 0, int64_t(parts.size()), int64_t(parts.size())));
}

// Go's strings.isSeparator (for Title).
bool isSeparator(int32_t r) {
    if (r <= 0x7F) {
        if (('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '_') return false;
        return true;
    }
    if (unicode::IsLetter(r) || unicode::IsDigit(r)) return false;
    return unicode::IsSpace(r);
}

Value boolV(bool b) { return Value::fromBool(b); }
Value intV(int64_t i) { return Value::fromInt(i); }

void nReplace(NativeCall& c) {
    std::vector<std::string_view> on = stringArgs(c.arg(0));
    std::string_view s = argStr(c, 1);
    std::string out;
    bool any = false;
    size_t last = 0;
    bool prevMatchEmpty = false;
    for (size_t i = 0; i <= s.size();) {
        // The first pair (in argument order) whose old string is a prefix of s[i:] wins; an
        // empty old string does not match right after an empty match (Go's genericReplacer).
        int match = -1;
        for (size_t k = 0; k + 1 < on.size(); k += 2) {
            std::string_view o = on[k];
            if (o.empty() && prevMatchEmpty) continue;
            if (s.substr(i).substr(0, o.size()) == o && s.size() - i >= o.size()) {
                match = int(k);
                break;
            }
        }
        prevMatchEmpty = match >= 0 && on[size_t(match)].empty();
        if (match >= 0) {
            any = true;
            out.append(s.substr(last, i - last));
            out.append(on[size_t(match) + 1]);
            i += on[size_t(match)].size();
            last = i;
            continue;
        }
        i++;
    }
    if (!any) {
        c.result(0, c.arg(1));
        return;
    }
    out.append(s.substr(last));
    c.result(0, c.str(out));
}

} // namespace

vm::PackageDef makeStringsPackage() {
    vm::PackageDef d{"strings", kSource, {}};
    d.natives = {
        STR_NATIVE(Compare, c.result(0, intV(S::Compare(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(Contains, c.result(0, boolV(S::Contains(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(ContainsAny, c.result(0, boolV(S::ContainsAny(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(ContainsRune, c.result(0, boolV(S::ContainsRune(argStr(c, 0), S::rune(argInt(c, 1)))))),
        STR_NATIVE(Count, c.result(0, intV(S::Count(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(EqualFold, c.result(0, boolV(S::EqualFold(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(HasPrefix, c.result(0, boolV(S::HasPrefix(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(HasSuffix, c.result(0, boolV(S::HasSuffix(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(Index, c.result(0, intV(S::Index(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(IndexAny, c.result(0, intV(S::IndexAny(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(IndexByte, c.result(0, intV(S::IndexByte(argStr(c, 0), uint8_t(argUint(c, 1)))))),
        STR_NATIVE(IndexRune, c.result(0, intV(S::IndexRune(argStr(c, 0), S::rune(argInt(c, 1)))))),
        STR_NATIVE(LastIndex, c.result(0, intV(S::LastIndex(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(LastIndexAny, c.result(0, intV(S::LastIndexAny(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(LastIndexByte, c.result(0, intV(S::LastIndexByte(argStr(c, 0), uint8_t(argUint(c, 1)))))),
        STR_NATIVE(Fields, c.result(0, pieces(c, c.arg(0), S::Fields(argStr(c, 0))))),
        STR_NATIVE(Split, c.result(0, pieces(c, c.arg(0), S::Split(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(SplitN, Value r = pieces(c, c.arg(0), S::SplitN(argStr(c, 0), argStr(c, 1), argInt(c, 2)));
                   c.result(0, argInt(c, 2) == 0 ? Value{} : r)),
        STR_NATIVE(SplitAfter, c.result(0, pieces(c, c.arg(0), S::SplitAfter(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(SplitAfterN, Value r = pieces(c, c.arg(0), S::SplitAfterN(argStr(c, 0), argStr(c, 1), argInt(c, 2)));
                   c.result(0, argInt(c, 2) == 0 ? Value{} : r)),
        STR_NATIVE(Join, c.result(0, c.str(S::Join(stringArgs(c.arg(0)), argStr(c, 1))))),
        STR_NATIVE(Repeat, guard(c, [&] { c.result(0, c.str(S::Repeat(argStr(c, 0), argInt(c, 1)))); })),
        STR_NATIVE(Replace, c.result(0, c.str(S::Replace(argStr(c, 0), argStr(c, 1), argStr(c, 2), argInt(c, 3))))),
        STR_NATIVE(ReplaceAll, c.result(0, c.str(S::ReplaceAll(argStr(c, 0), argStr(c, 1), argStr(c, 2))))),
        STR_NATIVE(ToLower, c.result(0, c.str(S::ToLower(argStr(c, 0))))),
        STR_NATIVE(ToUpper, c.result(0, c.str(S::ToUpper(argStr(c, 0))))),
        STR_NATIVE(ToTitle, c.result(0, c.str(S::ToTitle(argStr(c, 0))))),
        STR_NATIVE(ToValidUTF8, c.result(0, c.str(S::ToValidUTF8(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(Trim, c.result(0, substrOf(c, c.arg(0), S::Trim(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(TrimLeft, c.result(0, substrOf(c, c.arg(0), S::TrimLeft(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(TrimRight, c.result(0, substrOf(c, c.arg(0), S::TrimRight(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(TrimSpace, c.result(0, substrOf(c, c.arg(0), S::TrimSpace(argStr(c, 0))))),
        STR_NATIVE(TrimPrefix, c.result(0, substrOf(c, c.arg(0), S::TrimPrefix(argStr(c, 0), argStr(c, 1))))),
        STR_NATIVE(TrimSuffix, c.result(0, substrOf(c, c.arg(0), S::TrimSuffix(argStr(c, 0), argStr(c, 1))))),
        {"replace", nReplace},
        STR_NATIVE(toTitle, c.result(0, intV(unicode::ToTitle(S::rune(argInt(c, 0)))))),
        STR_NATIVE(isSeparator, c.result(0, boolV(isSeparator(S::rune(argInt(c, 0)))))),
    };
    return d;
}

} // namespace gol::stdlib
