// Oracle for tests/unit/stdlib/strconv_test.cpp: writes ../data/strconv.txt, one case per line,
// tab-separated: a kind, its inputs and Go 1.19's outputs. Input and quoted strings are
// hex-encoded with an "h:" prefix so that any byte survives; number texts and error texts
// (empty for nil) are plain. Run: go run strconv_gen.go > ../data/strconv.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
)

func h(s string) string { return "h:" + hex.EncodeToString([]byte(s)) }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

var floats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 0.05, 0.15, 0.25, 1.0 / 3,
	2.0 / 3, 100, 123.456, -123.456, 123456789, 1e6, 1e20, 1e21, 1e22, 1e23, 1e100, 1e-4, 1e-5, 1e-7,
	1.23456789e-7, 0.000001234, 1234567.0, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
	1.7976931348623157e308, math.Pi, math.E, -math.Pi, 1 << 53, 1<<53 + 2, 12345678901234567890.0,
	999999.5, 9999999, 0.999999, 0.9999999, 99.995, 1.005, 4.35, 2.675, 1e15, 123456789012345678,
	float64(float32(0.1)), float64(float32(3.4028235e38)), float64(float32(1e-45)), 16777216, 16777217,
	3.4028235e38, 3.5e38, 1e-46, 1.401298464324817e-45, 0.1 + 0.2,
	math.NaN(), math.Inf(1), math.Inf(-1),
}

func main() {
	fmts := []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X', 'z'}
	precs := []int{-1, 0, 1, 2, 3, 5, 6, 10, 16, 17, 18, 20, 40}
	for _, v := range floats {
		for _, bs := range []int{64, 32} {
			for _, f := range fmts {
				for _, p := range precs {
					if (f == 'b' || f == 'z') && p != -1 && p != 3 {
						continue // precision is ignored by these formats
					}
					fmt.Printf("ff\t%d\t%c\t%d\t%d\t%s\n", math.Float64bits(v), f, p, bs,
						strconv.FormatFloat(v, f, p, bs))
				}
			}
		}
	}
	// Some extreme precisions.
	for _, v := range []float64{5e-324, 1.7976931348623157e308, 0.1, 1} {
		for _, p := range []int{100, 330, 800} {
			for _, f := range []byte{'e', 'f', 'g'} {
				fmt.Printf("ff\t%d\t%c\t%d\t%d\t%s\n", math.Float64bits(v), f, p, 64, strconv.FormatFloat(v, f, p, 64))
			}
		}
	}

	pf := []string{"", "0", "-0", "+0", "1", "1.5", "-1.5", ".5", "5.", ".", "-.", "1e10", "1E10", "1e+10", "1e-10",
		"1e", "1e+", "e1", "1.5e308", "1.8e308", "-1.8e308", "1e309", "4.9e-324", "5e-324", "2e-324", "3e-324",
		"1e-400", "-1e-400", "2.2250738585072011e-308", "0.1", "0.30000000000000004", "123456789012345678901234567890",
		"1_000.5", "1__0", "_1", "1_", "0x1p-2", "0x1.8p3", "0X1P+2", "0x1", "0x.8p1", "0x1.fffffffffffff8p1023",
		"0x1p1024", "0x_1p0", "0x1_0p0", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "inf", "+Inf", "-inf", "Infinity",
		"-INFINITY", "infin", "infx", "nan", "NaN", "NAN", "+nan", "-nan", "nanx", "1x", " 1", "1 ", "0.000000000000000000000000000001",
		"3.4028235e38", "3.4028236e38", "3.5e38", "1e-46", "1e-45", "7e-46", "1.17549435e-38", "16777217", "0.1e-1_0",
		"1e1_0", "100000000000000016777215", "100000000000000016777216", "9007199254740993", "+.5e+1", "1e10000000000",
		"1e-10000000000", "0e99999999", "0x0p99999", "00000000001.5", "1.5e-0000000001"}
	for _, s := range pf {
		for _, bs := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bs)
			fmt.Printf("pf\t%s\t%d\t%d\t%s\n", h(s), bs, math.Float64bits(v), errText(err))
		}
	}

	ints := []string{"", "0", "1", "-1", "+1", "+", "-", "12345", "-12345", "0x1f", "0X1F", "0b101", "0o17", "017", "0_17",
		"08", "1_000", "1__000", "_1000", "1000_", "0x_1f", "0b", "0x", "0o", "127", "128", "-128", "-129", "255", "256",
		"32767", "-32768", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999x", "abc", "zz", "ZZ", "1a", "7fffffffffffffff",
		"-8000000000000000", "ffffffffffffffff", "11111111", " 1", "1 ", "0x8000000000000000", "-0x8000000000000000"}
	for _, s := range ints {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1} {
			for _, bs := range []int{0, 8, 32, 64, 65} {
				v, err := strconv.ParseInt(s, base, bs)
				fmt.Printf("pi\t%s\t%d\t%d\t%d\t%s\n", h(s), base, bs, v, errText(err))
				u, err := strconv.ParseUint(s, base, bs)
				fmt.Printf("pu\t%s\t%d\t%d\t%d\t%s\n", h(s), base, bs, u, errText(err))
			}
		}
		v, err := strconv.Atoi(s)
		fmt.Printf("atoi\t%s\t%d\t%s\n", h(s), v, errText(err))
	}

	for _, v := range []int64{0, 1, -1, 7, 35, 36, -36, 255, 1 << 40, math.MaxInt64, math.MinInt64} {
		for base := 2; base <= 36; base++ {
			fmt.Printf("fi\t%d\t%d\t%s\t%s\n", v, base, h(strconv.FormatInt(v, base)), h(strconv.FormatUint(uint64(v), base)))
		}
	}

	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "", "yes", "tRuE", " true"} {
		v, err := strconv.ParseBool(s)
		fmt.Printf("pb\t%s\t%v\t%s\n", h(s), v, errText(err))
	}

	qs := []string{"", "hello", "a\"b", "a\\b", "'", "`", "\a\b\f\n\r\t\v", "\x00\x01\x1f\x7f", "é", "日本語", "\u00ad", "\u200b",
		"\ufeff", "\U0001F600", "\U000E0001", "\xff", "\xc3", "\xc3(", "a\xe2\x82", "\xed\xa0\x80", "\xef\xbf\xbd", "\u00a0", "\u2028",
		"\u0085", "\u3000", "\u1680", "~", "tab\there", "\x80abc", "\U0010FFFF", "\uFFFE", "\u0378", "\u061C"}
	for _, s := range qs {
		fmt.Printf("q\t%s\t%s\t%s\t%s\t%v\n", h(s), h(strconv.Quote(s)), h(strconv.QuoteToASCII(s)),
			h(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
	for _, r := range []rune{0, 'a', '\'', '"', '\\', '\n', 0x7f, 0xa0, 0xad, 0xe9, 0x263a, 0xd800, 0xfffd, 0xfeff, 0x1f600,
		0x10ffff, 0x110000, -1, 0x2028, 0xe0001} {
		fmt.Printf("qr\t%d\t%s\t%s\t%s\t%v\n", r, h(strconv.QuoteRune(r)), h(strconv.QuoteRuneToASCII(r)),
			h(strconv.QuoteRuneToGraphic(r)), strconv.IsPrint(r))
	}
	us := []string{``, `"`, `""`, `"abc"`, `'a'`, `'ab'`, `''`, "`raw\\n`", "`a\rb`", "`a`b`", `"a\nb"`, `"\n"`, "\"\n\"",
		`"\x41\101\u00e9\U0001F600"`, `"\xff"`, `"\377"`, `"\400"`, `"\uD800"`, `"\U00110000"`, `"\'"`, `'\"'`, `'\''`, `"\""`,
		`'\x41'`, `'é'`, "'\xff'", "\"\xff\"", `"\q"`, `"abc`, `abc"`, `"a"b"`, `'\u263a'`, `"\a\b\f\n\r\t\v\\"`, `"\z"`,
		`"\u12"`, `"\x1"`, `'\377'`, `"é"`}
	for _, s := range us {
		v, err := strconv.Unquote(s)
		p, perr := strconv.QuotedPrefix(s + "tail")
		fmt.Printf("uq\t%s\t%s\t%s\t%s\t%s\n", h(s), h(v), errText(err), h(p), errText(perr))
	}
	for _, s := range []string{`\n`, `\x41z`, `\u263a`, `é!`, `\'`, `\"`, `"`, `'`, `\`, `\8`, `\101`, `\xZZ`, `a`, ``} {
		for _, q := range []byte{'"', '\'', '`'} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			fmt.Printf("uc\t%s\t%d\t%d\t%v\t%s\t%s\n", h(s), q, v, mb, h(tail), errText(err))
		}
	}
}
