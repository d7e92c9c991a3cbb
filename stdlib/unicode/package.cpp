// Packages unicode and unicode/utf8: natives over Go's tables (unicode.cpp, utf8/utf8.cpp).
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/unicode/rangetable.hpp"
#include "stdlib/unicode/unicode.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kUnicodeSource = R"go(
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

const Version = "13.0.0"

const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsPunct(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func IsControl(r rune) bool
func IsMark(r rune) bool
func IsSymbol(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune
func SimpleFold(r rune) rune

func To(_case int, r rune) rune {
	switch _case {
	case UpperCase:
		return ToUpper(r)
	case LowerCase:
		return ToLower(r)
	case TitleCase:
		return ToTitle(r)
	}
	return ReplacementChar
}
)go";

constexpr const char* kUtf8Source = R"go(
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func DecodeRune(p []byte) (r rune, size int)
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func RuneCount(p []byte) int
func RuneCountInString(s string) (n int)
func FullRune(p []byte) bool
func FullRuneInString(s string) bool
func Valid(p []byte) bool
func ValidString(s string) bool

func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case 0xD800 <= r && r <= 0xDFFF:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < 0xD800:
		return true
	case 0xDFFF < r && r <= MaxRune:
		return true
	}
	return false
}

func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	return append(p, string(r)...)
}

func EncodeRune(p []byte, r rune) int {
	s := string(r)
	_ = p[len(s)-1]
	return copy(p, s)
}
)go";

#define RUNE_PRED(name) {#name, +[](NativeCall& c) { c.result(0, Value::fromBool(unicode::name(int32_t(argInt(c, 0))))); }}
#define RUNE_MAP(name) {#name, +[](NativeCall& c) { c.result(0, Value::fromInt(unicode::name(int32_t(argInt(c, 0))))); }}

void putDecoded(NativeCall& c, utf8::Decoded d) {
    c.result(0, Value::fromInt(d.r));
    c.result(1, Value::fromInt(d.size));
}

} // namespace

vm::PackageDef makeUnicodePackage() {
    vm::PackageDef d{"unicode", kUnicodeSource + unicode::rangeTableSource(), {}};
    d.natives = {
        RUNE_PRED(IsLetter), RUNE_PRED(IsDigit),   RUNE_PRED(IsNumber),  RUNE_PRED(IsSpace),  RUNE_PRED(IsUpper),
        RUNE_PRED(IsLower),  RUNE_PRED(IsTitle),   RUNE_PRED(IsPunct),   RUNE_PRED(IsPrint),  RUNE_PRED(IsGraphic),
        RUNE_PRED(IsControl), RUNE_PRED(IsMark),   RUNE_PRED(IsSymbol),  RUNE_MAP(ToUpper),   RUNE_MAP(ToLower),
        RUNE_MAP(ToTitle),   RUNE_MAP(SimpleFold),
    };
    unicode::addRangeTableNatives(d.natives);
    return d;
}

vm::PackageDef makeUtf8Package() {
    vm::PackageDef d{"unicode/utf8", kUtf8Source, {}};
    d.natives = {
        {"DecodeRune", +[](NativeCall& c) { putDecoded(c, utf8::DecodeRune(bytesOf(c.arg(0)))); }},
        {"DecodeRuneInString", +[](NativeCall& c) { putDecoded(c, utf8::DecodeRune(argStr(c, 0))); }},
        {"DecodeLastRune", +[](NativeCall& c) { putDecoded(c, utf8::DecodeLastRune(bytesOf(c.arg(0)))); }},
        {"DecodeLastRuneInString", +[](NativeCall& c) { putDecoded(c, utf8::DecodeLastRune(argStr(c, 0))); }},
        {"RuneCount", +[](NativeCall& c) { c.result(0, Value::fromInt(utf8::RuneCount(bytesOf(c.arg(0))))); }},
        {"RuneCountInString", +[](NativeCall& c) { c.result(0, Value::fromInt(utf8::RuneCount(argStr(c, 0)))); }},
        {"FullRune", +[](NativeCall& c) { c.result(0, Value::fromBool(utf8::FullRune(bytesOf(c.arg(0))))); }},
        {"FullRuneInString", +[](NativeCall& c) { c.result(0, Value::fromBool(utf8::FullRune(argStr(c, 0)))); }},
        {"Valid", +[](NativeCall& c) { c.result(0, Value::fromBool(utf8::Valid(bytesOf(c.arg(0))))); }},
        {"ValidString", +[](NativeCall& c) { c.result(0, Value::fromBool(utf8::Valid(argStr(c, 0)))); }},
    };
    return d;
}

} // namespace gol::stdlib
