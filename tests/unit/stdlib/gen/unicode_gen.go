// Oracle for tests/unit/stdlib/unicode_test.cpp: prints, for each predicate and case mapping of
// Go's unicode package, a count and an FNV-1a hash over every code point (plus out-of-range
// values), and some spot values. Run: go run unicode_gen.go
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

const prime = 1099511628211

func hashPred(name string, f func(rune) bool) {
	h := uint64(14695981039346656037)
	n := 0
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if f(r) {
			h ^= uint64(uint32(r))
			h *= prime
			n++
		}
	}
	fmt.Printf("    CHECK(hashPred(unicode::%s) == Hash{%d, %dull});\n", name, n, h)
}

func hashMap(name string, f func(rune) rune) {
	h := uint64(14695981039346656037)
	n := 0
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if m := f(r); m != r {
			h ^= uint64(uint32(r))
			h *= prime
			h ^= uint64(uint32(m))
			h *= prime
			n++
		}
	}
	fmt.Printf("    CHECK(hashMap(unicode::%s) == Hash{%d, %dull});\n", name, n, h)
}

// cq renders s as a C++ string literal with the sv suffix; every byte that is not printable
// ASCII is a 3-digit octal escape, which (unlike \x) cannot swallow the following character.
func cq(s string) string {
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?' {
			b = append(b, c)
		} else {
			b = append(b, fmt.Sprintf("\\%03o", c)...)
		}
	}
	return string(append(b, '"')) + "sv"
}

func main() {
	hashPred("IsLetter", unicode.IsLetter)
	hashPred("IsDigit", unicode.IsDigit)
	hashPred("IsNumber", unicode.IsNumber)
	hashPred("IsSpace", unicode.IsSpace)
	hashPred("IsUpper", unicode.IsUpper)
	hashPred("IsLower", unicode.IsLower)
	hashPred("IsTitle", unicode.IsTitle)
	hashPred("IsPunct", unicode.IsPunct)
	hashPred("IsPrint", unicode.IsPrint)
	hashPred("IsGraphic", unicode.IsGraphic)
	hashPred("IsControl", unicode.IsControl)
	hashPred("IsMark", unicode.IsMark)
	hashPred("IsSymbol", unicode.IsSymbol)
	hashMap("ToUpper", unicode.ToUpper)
	hashMap("ToLower", unicode.ToLower)
	hashMap("ToTitle", unicode.ToTitle)
	hashMap("SimpleFold", unicode.SimpleFold)
	fmt.Println("    // utf8")
	for _, s := range []string{"", "a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff", "\xc3", "\xe2\x82",
		"\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xef\xbf\xbd", "\xf0\x9f\x98", "\x80\x80", "a\xe2\x82\xac"} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		fmt.Printf("    CHECK(dec(%s) == D{%d, %d, %d, %d, %d, %v, %v});\n", cq(s), r, n, lr, ln,
			utf8.RuneCountInString(s), utf8.ValidString(s), utf8.FullRuneInString(s))
	}
	for _, r := range []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1} {
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		fmt.Printf("    CHECK(enc(%d) == E{%s, %d, %v});\n", r, cq(string(b[:n])), utf8.RuneLen(r), utf8.ValidRune(r))
	}
}
