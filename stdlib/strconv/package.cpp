// Package strconv: natives over the Go-exact conversions (itoa/atoi/ftoa/atof/quote.cpp); the
// errors are built in gol code as Go's *NumError{Func, Num, Err} wrapping ErrSyntax / ErrRange,
// so errors.Is(err, strconv.ErrRange) and %v / %T behave as in Go.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package strconv

import "errors"

const IntSize = 64

var ErrRange = errors.New("value out of range")
var ErrSyntax = errors.New("invalid syntax")

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// numError turns a native's failure code into Go's error: 1 syntax, 2 range, 3 bad base,
// 4 bad bit size (arg is the bad value).
func numError(fn, s string, code, arg int) error {
	switch code {
	case 1:
		return &NumError{fn, s, ErrSyntax}
	case 2:
		return &NumError{fn, s, ErrRange}
	case 3:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(arg))}
	case 4:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(arg))}
	}
	return nil
}

func parseInt(s string, base int, bitSize int) (int64, int, int)
func parseUint(s string, base int, bitSize int) (uint64, int, int)
func parseFloat(s string, bitSize int) (float64, int)
func parseBool(s string) (bool, int)
func atoi(s string) (int, int)

func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	v, code, arg := parseInt(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseInt", s, code, arg)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code, arg := parseUint(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseUint", s, code, arg)
	}
	return v, nil
}

func Atoi(s string) (int, error) {
	v, code := atoi(s)
	if code != 0 {
		return v, numError("Atoi", s, code, 0)
	}
	return v, nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != 0 {
		return v, numError("ParseFloat", s, code, 0)
	}
	return v, nil
}

func ParseBool(str string) (bool, error) {
	v, code := parseBool(str)
	if code != 0 {
		return false, numError("ParseBool", str, code, 0)
	}
	return v, nil
}

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func Itoa(i int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func AppendInt(dst []byte, i int64, base int) []byte   { return append(dst, FormatInt(i, base)...) }
func AppendUint(dst []byte, i uint64, base int) []byte { return append(dst, FormatUint(i, base)...) }
func AppendBool(dst []byte, b bool) []byte             { return append(dst, FormatBool(b)...) }
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteToGraphic(s string) string
func QuoteRune(r rune) string
func QuoteRuneToASCII(r rune) string
func QuoteRuneToGraphic(r rune) string
func CanBackquote(s string) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool

func AppendQuote(dst []byte, s string) []byte               { return append(dst, Quote(s)...) }
func AppendQuoteToASCII(dst []byte, s string) []byte        { return append(dst, QuoteToASCII(s)...) }
func AppendQuoteToGraphic(dst []byte, s string) []byte      { return append(dst, QuoteToGraphic(s)...) }
func AppendQuoteRune(dst []byte, r rune) []byte             { return append(dst, QuoteRune(r)...) }
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte      { return append(dst, QuoteRuneToASCII(r)...) }
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte    { return append(dst, QuoteRuneToGraphic(r)...) }

func unquote(s string) (string, bool)
func unquoteChar(s string, quote byte) (rune, bool, string, bool)
func quotedPrefix(s string) (string, bool)

func Unquote(s string) (string, error) {
	r, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return r, nil
}

func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	v, mb, t, ok := unquoteChar(s, quote)
	if !ok {
		return 0, false, "", ErrSyntax
	}
	return v, mb, t, nil
}

func QuotedPrefix(s string) (string, error) {
	r, ok := quotedPrefix(s)
	if !ok {
		return "", ErrSyntax
	}
	return r, nil
}
)go";

namespace C = stdlib::strconv;

int errCode(const C::NumError& e) {
    switch (e.Err) {
    case C::ErrKind::Syntax: return 1;
    case C::ErrKind::Range: return 2;
    case C::ErrKind::Base: return 3;
    case C::ErrKind::BitSize: return 4;
    }
    return 1;
}

template <class T> void putParsed(NativeCall& c, const C::Parsed<T>& r, bool withArg) {
    if constexpr (std::is_same_v<T, double>) c.result(0, Value::fromFloat(r.value));
    else if constexpr (std::is_same_v<T, bool>) c.result(0, Value::fromBool(r.value));
    else if constexpr (std::is_same_v<T, uint64_t>) c.result(0, Value::fromUint(r.value));
    else c.result(0, Value::fromInt(r.value));
    c.result(1, Value::fromInt(r.err ? errCode(*r.err) : 0));
    if (withArg) c.result(2, Value::fromInt(r.err ? r.err->arg : 0));
}

#define Q_NATIVE(name, expr) {#name, +[](NativeCall& c) { c.result(0, expr); }}

} // namespace

vm::PackageDef makeStrconvPackage() {
    vm::PackageDef d{"strconv", kSource, {}};
    d.natives = {
        {"parseInt", +[](NativeCall& c) { putParsed(c, C::ParseInt(argStr(c, 0), int(argInt(c, 1)), int(argInt(c, 2))), true); }},
        {"parseUint", +[](NativeCall& c) { putParsed(c, C::ParseUint(argStr(c, 0), int(argInt(c, 1)), int(argInt(c, 2))), true); }},
        {"parseFloat", +[](NativeCall& c) { putParsed(c, C::ParseFloat(argStr(c, 0), int(argInt(c, 1))), false); }},
        {"parseBool", +[](NativeCall& c) { putParsed(c, C::ParseBool(argStr(c, 0)), false); }},
        {"atoi", +[](NativeCall& c) { putParsed(c, C::Atoi(argStr(c, 0)), false); }},
        {"FormatInt", +[](NativeCall& c) { guard(c, [&] { c.result(0, c.str(C::FormatInt(argInt(c, 0), int(argInt(c, 1))))); }); }},
        {"FormatUint", +[](NativeCall& c) { guard(c, [&] { c.result(0, c.str(C::FormatUint(argUint(c, 0), int(argInt(c, 1))))); }); }},
        Q_NATIVE(Itoa, c.str(C::Itoa(argInt(c, 0)))),
        {"FormatFloat", +[](NativeCall& c) {
             guard(c, [&] {
                 c.result(0, c.str(C::FormatFloat(argFloat(c, 0), char(argUint(c, 1)), int(argInt(c, 2)), int(argInt(c, 3)))));
             });
         }},
        Q_NATIVE(Quote, c.str(C::Quote(argStr(c, 0)))),
        Q_NATIVE(QuoteToASCII, c.str(C::QuoteToASCII(argStr(c, 0)))),
        Q_NATIVE(QuoteToGraphic, c.str(C::QuoteToGraphic(argStr(c, 0)))),
        Q_NATIVE(QuoteRune, c.str(C::QuoteRune(C::rune(argInt(c, 0))))),
        Q_NATIVE(QuoteRuneToASCII, c.str(C::QuoteRuneToASCII(C::rune(argInt(c, 0))))),
        Q_NATIVE(QuoteRuneToGraphic, c.str(C::QuoteRuneToGraphic(C::rune(argInt(c, 0))))),
        Q_NATIVE(CanBackquote, Value::fromBool(C::CanBackquote(argStr(c, 0)))),
        Q_NATIVE(IsPrint, Value::fromBool(C::IsPrint(C::rune(argInt(c, 0))))),
        Q_NATIVE(IsGraphic, Value::fromBool(C::IsGraphic(C::rune(argInt(c, 0))))),
        {"unquote", +[](NativeCall& c) {
             auto r = C::Unquote(argStr(c, 0));
             c.result(0, r ? c.str(*r) : Value{});
             c.result(1, Value::fromBool(r.has_value()));
         }},
        {"unquoteChar", +[](NativeCall& c) {
             Value s = c.arg(0);
             auto r = C::UnquoteChar(argStr(c, 0), char(argUint(c, 1)));
             c.result(0, Value::fromInt(r ? r->value : 0));
             c.result(1, Value::fromBool(r && r->multibyte));
             c.result(2, r ? substrOf(c, s, r->tail) : Value{});
             c.result(3, Value::fromBool(r.has_value()));
         }},
        {"quotedPrefix", +[](NativeCall& c) {
             Value s = c.arg(0);
             auto r = C::QuotedPrefix(argStr(c, 0));
             c.result(0, r ? substrOf(c, s, *r) : Value{});
             c.result(1, Value::fromBool(r.has_value()));
         }},
    };
    return d;
}

} // namespace gol::stdlib
