// Oracle for tests/unit/stdlib/fmt_test.cpp: writes ../data/fmt.txt. Each line is
//
//	kind \t format(hex) \t arg... \t output(hex)
//
// kind is "f" (Sprintf), "p" (Sprint) or "l" (Sprintln); each arg is "K|type|value" with K one of
// n (nil), b, i, u, f (float64 bits), g (float32 bits), s (hex), y ([]byte, hex), Y (nil []byte).
// Format and output are plain when printable ASCII, else "h:" and hex. Run: go run fmt_gen.go > ../data/fmt.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"reflect"
	"strings"
)

type MyInt int
type MyString string
type Celsius float64
type MyBytes []byte

func enc(a any) string {
	if a == nil {
		return "n|nil|"
	}
	v := reflect.ValueOf(a)
	t := v.Type().String()
	switch v.Kind() {
	case reflect.Bool:
		return fmt.Sprintf("b|%s|%v", t, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("i|%s|%d", t, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("u|%s|%d", t, v.Uint())
	case reflect.Float32:
		return fmt.Sprintf("g|%s|%d", t, math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		return fmt.Sprintf("f|%s|%d", t, math.Float64bits(v.Float()))
	case reflect.String:
		return fmt.Sprintf("s|%s|%s", t, hex.EncodeToString([]byte(v.String())))
	case reflect.Slice:
		if v.IsNil() {
			return fmt.Sprintf("Y|%s|", t)
		}
		return fmt.Sprintf("y|%s|%s", t, hex.EncodeToString(v.Bytes()))
	}
	panic("unsupported " + t)
}

// field keeps printable ASCII as is and hex-encodes anything else (and "h:"-prefixed text).
func field(s string) string {
	plain := !strings.HasPrefix(s, "h:")
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] >= 0x20 && s[i] < 0x7f
	}
	if plain {
		return s
	}
	return "h:" + hex.EncodeToString([]byte(s))
}

func emit(kind, format string, out string, args []any) {
	parts := []string{kind, field(format)}
	for _, a := range args {
		parts = append(parts, enc(a))
	}
	parts = append(parts, field(out))
	fmt.Println(strings.Join(parts, "\t"))
}

func f(format string, args ...any) { emit("f", format, fmt.Sprintf(format, args...), args) }

func formats(verbs string, flags []string, widths []string, precs []string) []string {
	var out []string
	for _, v := range verbs {
		for _, fl := range flags {
			for _, w := range widths {
				for _, p := range precs {
					out = append(out, "%"+fl+w+p+string(v))
				}
			}
		}
	}
	return out
}

func main() {
	intFormats := formats("dboOxXcqUv", []string{"", "+", "-", "#", " ", "0", "+0", "#0", "-#"},
		[]string{"", "8"}, []string{"", ".0", ".3"})
	ints := []any{0, 7, -42, uint8(255), int32(0x1F600), int64(math.MinInt64), uint64(math.MaxUint64), MyInt(-3),
		uint32(0xd800), int64(0x110000)}
	for _, format := range intFormats {
		for _, a := range ints {
			f(format, a)
		}
	}

	floatFormats := formats("eEfFgGxXvb", []string{"", "+", "-", "#", " ", "0", "+0", " 0", "#0", "-#"},
		[]string{"", "12"}, []string{"", ".0", ".3"})
	floats := []any{0.0, math.Copysign(0, -1), 1.0, -1.5, 3.14159, 1e21, 1e-5, 123456789.0,
		math.NaN(), math.Inf(-1), 5e-324, float32(0.1), Celsius(-40)}
	for _, format := range floatFormats {
		for _, a := range floats {
			f(format, a)
		}
	}
	for _, a := range []any{1e6, 1e-4, 0.0001234, 12345678.0, 1e100, 2.5, 0.1 + 0.2, float32(1e10), 1.0 / 3} {
		for _, format := range []string{"%v", "%g", "%.3g", "%#v", "%#g", "%10.2f", "%-10.2f|", "%010.3e", "%+.0f", "%#.0f", "%#.0e", "%#x", "%.2x", "%#.3g"} {
			f(format, a)
		}
	}

	strFormats := formats("sqxXvdc", []string{"", "#", "+", " ", "-", "0", "# ", "#+", "-#"},
		[]string{"", "8"}, []string{"", ".2"})
	strs := []any{"", "hi", "héllo", "a\tb", "\x00\xff", "`q`", "日本語", "\u00ad", MyString("ms"),
		[]byte("by"), []byte(nil), []byte("\x01\xfe"), MyBytes("mb")}
	for _, format := range strFormats {
		for _, a := range strs {
			f(format, a)
		}
	}

	for _, format := range formats("tvdsq", []string{"", "-", "#", "+"}, []string{"", "7"}, []string{"", ".2"}) {
		f(format, true)
		f(format, false)
	}

	// The format walker: errors, indexes, '*', and edge syntax.
	f("%d", "hi")
	f("%s", 42)
	f("%z", 3)
	f("%5z", 3)
	f("%+z", "x")
	f("%#z", "x")
	f("%d", nil)
	f("%v", nil)
	f("%T", nil)
	f("%5v|%-5v|", nil, nil)
	f("%d %d", 1)
	f("%d", 1, 2)
	f("%d", 1, "x", nil, 2.5)
	f("%")
	f("abc%")
	f("%-")
	f("%5.")
	f("%5.2")
	f("%!")
	f("%%")
	f("%5%")
	f("%d%%", 50)
	f("%*d", 5, 42)
	f("%-*d|", 5, 42)
	f("%*d|", -5, 42)
	f("%.*f", 2, 3.14159)
	f("%.*f", -1, 3.14159)
	f("%*d", "x", 42)
	f("%.*d", "x", 42)
	f("%*d", uint8(3), 42)
	f("%*d", 10000000, 42)
	f("%*.*f", 8, 3, math.Pi)
	f("%[2]d %[1]d", 1, 2)
	f("%[3]d", 1, 2)
	f("%[0]d", 1)
	f("%[x]d", 1)
	f("%[1]d %d", 1, 2)
	f("%[2]*[1]d", 12, 5)
	f("%[1]d %[1]x %[1]o", 64)
	f("%[5]d", 1)
	f("%[1]", 1)
	f("%[1", 1)
	f("%[]d", 1)
	f("%[1]2d", 1)
	f("%[1].2d", 1)
	f("%d %[1]d extra", 1, 2)
	f("%é", 3)
	f("%é")
	f("%\xff", 3)
	f("%v %v", 1)
	f("%.d|%.0d|%5.0d|", 0, 0, 0)
	f("%.3s|%.10s|%.0s|", "héllo", "ab", "x")
	f("%6.2s|", "日本語")
	f("%-8q|%08q|", "a", "a")
	f("%x|% x|%#x|%# x|%X|% X|%# X", "hello", "hello", "hello", "hello", "hello", "hello", "hello")
	f("%.2x|%10x|%-10x|%010x", "hello", "hi", "hi", "hi")
	f("%x %X", []byte("\xde\xad"), []byte("\xbe\xef"))
	f("%08.3d|%-08d|%+08d|% 08d", 42, 42, 42, 42)
	f("%#o %#O %O %#b %#x %#X", 8, 8, 8, 5, 255, 255)
	f("%c|%c|%c|%c", 'A', 0x1F600, -1, 0xD800)
	f("%q|%+q|%#q|%q", 'x', 'é', '\n', 0x110000)
	f("%U|%#U|%#U|%.6U|%#10.6U|", 0x1F600, 'x', '\n', 'A', 'A')
	f("%t %v", true, false)
	f("%v %d", []byte("ab"), []byte("ab"))
	f("%#v %#v %#v", []byte("ab"), []byte(nil), MyBytes("c"))
	f("%s %q %v %#v", MyString("x"), MyString("y"), MyString("z"), MyString("w"))
	f("%#v %#v %#v %#v %#v", 42, uint(42), -1.5, 1.0, "s")
	f("%+v %+d %+q", 5, 5, "é")
	f("%v %.2v %10.3v|", 3.14159, 3.14159, 3.14159)
	f("%p", 3)
	f("%6.2f|%-8.3e|%+.1g|% .2f", 3.14159, 1234.5678, 0.000123, 2.0)
	f("%e %E %.0e %#.0e", 0.0, 1e-10, 15.0, 15.0)
	f("%g %g %g %g %g", 1e-4, 1e-5, 1e20, 1e21, 123456.0)
	f("%G %G", 1e-10, math.Inf(1))
	f("%05s|%-05s|%05d|%-05d|", "ab", "ab", -3, -3)
	f("%x %X %x", -255, -255, int8(-1))
	f("%o %b", -8, -5)
	f("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5)
	f("%v|%6v|%-6v|%06v", true, 1.5, "ab", -7)
	f("%s", []byte(nil))
	f("%d", []byte{1, 2, 3})
	f("%z", []byte{1, 2})
	f("%c", []byte("AB"))
	f("%q", []byte("a\"b"))
	f("%08.3f|%+08.3f|%-+8.3f|", -3.14159, 3.14159, 3.14159)
	f("%010v|%010v|%010v", math.NaN(), math.Inf(-1), -1.5)

	// Print and Println spacing: spaces only between two non-string operands.
	for _, args := range [][]any{
		{}, {"a"}, {"a", "b"}, {1, 2}, {"a", 1, 2, "b", "c", 3.5, true, nil, nil}, {1, "x", 2}, {nil, "s", nil},
		{[]byte("x"), 1}, {MyString("m"), 1}, {1.0, float32(2.5), -0.0, math.Copysign(0, -1)}, {1e21, 1e20, 123456789.0},
		{uint8(200), int8(-3), 'x'}, {"", ""},
	} {
		emit("p", "", fmt.Sprint(args...), args)
		emit("l", "", fmt.Sprintln(args...), args)
	}
}
