// Oracle for tests/unit/stdlib/strings_test.cpp: writes ../data/strings.txt, one call per line:
//
//	function \t args... \t result
//
// Strings are hex ("h:..."), lists are "L<n>:" + comma-separated hex, ints and bools plain,
// panics "panic:" + message. Run: go run strings_gen.go > ../data/strings.txt
package main

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
)

func h(s string) string { return "h:" + hex.EncodeToString([]byte(s)) }

func lst(v []string) string {
	parts := make([]string, len(v))
	for i, s := range v {
		parts[i] = hex.EncodeToString([]byte(s))
	}
	return fmt.Sprintf("L%d:%s", len(v), strings.Join(parts, ","))
}

func out(fn string, fields ...string) { fmt.Println(fn + "\t" + strings.Join(fields, "\t")) }

func catch(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("panic:", r)
		}
	}()
	return f()
}

func main() {
	S := []string{"", "a", "abc", "abcabc", "a,b,,c", ",", "héllo wörld", "\xff\xfeabc\xff", "  spaced  out\t\n",
		"日本語日本", "ＡＢｃ", "ß", "ǅǆ", "Kk\u212a", "Σσς", "\ufffd", "a\xffb", "aaaa", "\u00a0x\u2003", "İı"}
	T := []string{"", "a", "b", "bc", ",", "abc", "é", "ö", "\xff", "\ufffd", "日", " ", "A", "k", "ς", " \t", "aa", "ab"}
	for _, s := range S {
		for _, t := range T {
			out("Index", h(s), h(t), fmt.Sprint(strings.Index(s, t)))
			out("LastIndex", h(s), h(t), fmt.Sprint(strings.LastIndex(s, t)))
			out("IndexAny", h(s), h(t), fmt.Sprint(strings.IndexAny(s, t)))
			out("LastIndexAny", h(s), h(t), fmt.Sprint(strings.LastIndexAny(s, t)))
			out("Contains", h(s), h(t), fmt.Sprint(strings.Contains(s, t)))
			out("ContainsAny", h(s), h(t), fmt.Sprint(strings.ContainsAny(s, t)))
			out("HasPrefix", h(s), h(t), fmt.Sprint(strings.HasPrefix(s, t)))
			out("HasSuffix", h(s), h(t), fmt.Sprint(strings.HasSuffix(s, t)))
			out("Count", h(s), h(t), fmt.Sprint(strings.Count(s, t)))
			out("Compare", h(s), h(t), fmt.Sprint(strings.Compare(s, t)))
			out("EqualFold", h(s), h(t), fmt.Sprint(strings.EqualFold(s, t)))
			b, a, found := strings.Cut(s, t)
			out("Cut", h(s), h(t), lst([]string{b, a, fmt.Sprint(found)}))
			out("Split", h(s), h(t), lst(strings.Split(s, t)))
			out("SplitAfter", h(s), h(t), lst(strings.SplitAfter(s, t)))
			for _, n := range []int{-1, 0, 1, 2, 3} {
				out("SplitN", h(s), h(t), fmt.Sprint(n), lst(strings.SplitN(s, t, n)))
				out("SplitAfterN", h(s), h(t), fmt.Sprint(n), lst(strings.SplitAfterN(s, t, n)))
			}
			out("Trim", h(s), h(t), h(strings.Trim(s, t)))
			out("TrimLeft", h(s), h(t), h(strings.TrimLeft(s, t)))
			out("TrimRight", h(s), h(t), h(strings.TrimRight(s, t)))
			out("TrimPrefix", h(s), h(t), h(strings.TrimPrefix(s, t)))
			out("TrimSuffix", h(s), h(t), h(strings.TrimSuffix(s, t)))
			out("ToValidUTF8", h(s), h(t), h(strings.ToValidUTF8(s, t)))
			for _, n := range []int{-1, 0, 1, 2} {
				out("Replace", h(s), h(t), h("<>"), fmt.Sprint(n), h(strings.Replace(s, t, "<>", n)))
			}
			out("ReplaceAll", h(s), h(t), h("-"), h(strings.ReplaceAll(s, t, "-")))
		}
		out("Fields", h(s), lst(strings.Fields(s)))
		out("FieldsPunct", h(s), lst(strings.FieldsFunc(s, unicode.IsPunct)))
		out("ToUpper", h(s), h(strings.ToUpper(s)))
		out("ToLower", h(s), h(strings.ToLower(s)))
		out("ToTitle", h(s), h(strings.ToTitle(s)))
		out("TrimSpace", h(s), h(strings.TrimSpace(s)))
		out("TrimFuncLetter", h(s), h(strings.TrimFunc(s, unicode.IsLetter)))
		out("IndexFuncSpace", h(s), fmt.Sprint(strings.IndexFunc(s, unicode.IsSpace)))
		out("LastIndexFuncLetter", h(s), fmt.Sprint(strings.LastIndexFunc(s, unicode.IsLetter)))
		// Map dropping 'a', doubling nothing, mapping 'b' to an invalid rune.
		out("MapDrop", h(s), h(strings.Map(func(r rune) rune {
			switch r {
			case 'a':
				return -1
			case 'b':
				return 0xD800
			}
			return r
		}, s)))
		out("MapIdentity", h(s), h(strings.Map(func(r rune) rune { return r }, s)))
		for _, c := range []byte{'a', ',', 0xff, 0xc3, 0} {
			out("IndexByte", h(s), fmt.Sprint(c), fmt.Sprint(strings.IndexByte(s, c)))
			out("LastIndexByte", h(s), fmt.Sprint(c), fmt.Sprint(strings.LastIndexByte(s, c)))
		}
		for _, r := range []rune{'a', 'é', 0xfffd, 0xd800, -1, 0x65e5, 'K', 0x110000} {
			out("IndexRune", h(s), fmt.Sprint(r), fmt.Sprint(strings.IndexRune(s, r)))
			out("ContainsRune", h(s), fmt.Sprint(r), fmt.Sprint(strings.ContainsRune(s, r)))
		}
		for _, n := range []int{0, 1, 3, -1} {
			n := n
			out("Repeat", h(s), fmt.Sprint(n), catch(func() string { return h(strings.Repeat(s, n)) }))
		}
	}
	out("Repeat", h("ab"), fmt.Sprint(int64(1)<<62), catch(func() string { return h(strings.Repeat("ab", 1<<62)) }))
	replacers := [][]string{{"a", "1", "b", "2"}, {"a", "1", "a", "2"}, {"", "X"}, {"", "X", "a", "Y"},
		{"a", "Y", "", "X"}, {"abc", "[abc]", "ab", "[ab]", "a", "[a]"}, {"a", "[a]", "ab", "[ab]"}, {"ab", "<>"},
		{"é", "e", "ö", "o"}, {"\xff", "?"}, {",", ", ", " ", "_"}, {"aa", "b"}, {"a", ""}, {"", ""}, {"日本", "JP"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;"}, {"a", "aa"}}
	for _, on := range replacers {
		r := strings.NewReplacer(on...)
		for _, s := range S {
			out("Replacer", lst(on), h(s), h(r.Replace(s)))
		}
	}
	out("Replacer", lst([]string{"a"}), h("x"), catch(func() string { return h(strings.NewReplacer("a").Replace("x")) }))
	for _, v := range [][]string{{}, {""}, {"a"}, {"a", "b"}, {"", ""}, {"x", "", "y"}} {
		out("Join", lst(v), h(", "), h(strings.Join(v, ", ")))
	}
}
