// Oracle for tests/unit/stdlib/path_test.cpp: writes ../data/path.txt, one call per line:
//
//	function \t args... \t results
//
// Strings are hex ("h:..."), bools and match outcomes plain (Match: 1, 0 or E for
// ErrBadPattern, one character per name of the Names line). The paths are every sequence of up to four pieces from a small alphabet of
// path elements and separators; the patterns and names cross every metacharacter with the
// characters they may or may not match. Run: go run path_gen.go > ../data/path.txt
package main

import (
	"encoding/hex"
	"fmt"
	"path"
	"strings"
)

func h(s string) string { return "h:" + hex.EncodeToString([]byte(s)) }

func out(fn string, fields ...string) { fmt.Println(fn + "\t" + strings.Join(fields, "\t")) }

func sequences(alphabet []string, maxLen int) []string {
	all := []string{""}
	level := []string{""}
	for n := 1; n <= maxLen; n++ {
		var next []string
		for _, p := range level {
			for _, a := range alphabet {
				next = append(next, p+a)
			}
		}
		all = append(all, next...)
		level = next
	}
	return all
}

func main() {
	paths := sequences([]string{"/", "a", ".", "..", "b.c", "//"}, 4)
	for _, p := range paths {
		dir, file := path.Split(p)
		out("Clean", h(p), h(path.Clean(p)))
		out("Split", h(p), h(dir), h(file))
		out("Base", h(p), h(path.Base(p)))
		out("Dir", h(p), h(path.Dir(p)))
		out("Ext", h(p), h(path.Ext(p)))
	}
	elems := []string{"", "a", "/", "..", "b/", "./c"}
	for _, x := range elems {
		for _, y := range elems {
			for _, z := range elems {
				out("Join", h(x), h(y), h(z), h(path.Join(x, y, z)))
			}
		}
	}
	patterns := sequences([]string{"*", "?", "a", "/", "[a-c]", "[^a]", "\\", "[", "]", "-"}, 3)
	names := sequences([]string{"a", "b", "/", "-", "]"}, 3)
	var hexNames []string
	for _, n := range names {
		hexNames = append(hexNames, h(n))
	}
	out("Names", hexNames...) // the names of each Match line's outcomes, in order
	for _, p := range patterns {
		var res strings.Builder
		for _, n := range names {
			ok, err := path.Match(p, n)
			switch {
			case err != nil:
				res.WriteByte('E')
			case ok:
				res.WriteByte('1')
			default:
				res.WriteByte('0')
			}
		}
		out("Match", h(p), res.String())
	}
}
