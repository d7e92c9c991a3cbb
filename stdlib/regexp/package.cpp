// Package regexp on RE2, whose syntax and leftmost-first semantics are Go's. The API (find.go.inc:
// Match*, Find*; replace.go.inc: ReplaceAll*, Expand*; split.go.inc: Split, QuoteMeta) is gol
// code over one native, exec, that asks RE2 for the submatches of the first match at or after a
// position (with the whole text as context for ^, $ and \b). Compile errors carry Go's text:
// "error parsing regexp: missing closing ): `(abc`".
//
// A compiled RE2 is owned by the VM's heap: the Regexp's handle is a Host object whose finalizer
// deletes the RE2 when the collector frees the handle (vm/object.hpp, HostObj).
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/regexp/prefix.hpp"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace gol::stdlib {

namespace {

constexpr const char* kHeader = R"go(
package regexp

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type prog struct {
	NumCap int
}

// handle is the compiled RE2 as a Host object: never dereferenced by Go code, only passed back
// to exec (and kept alive by the Regexp that holds it).
type handle struct{}

type Regexp struct {
	expr           string
	h              *handle // the compiled RE2
	prog           *prog
	numSubexp      int
	subexpNames    []string
	prefix         string
	prefixBytes    []byte
	prefixComplete bool
	longest        bool
}

type Error struct {
	Code string
	Expr string
}

func (e *Error) Error() string {
	return "error parsing regexp: " + e.Code + ": `" + e.Expr + "`"
}

// compile returns the RE2 handle, the number of groups, their names and the literal prefix; on
// failure h is nil and code/arg describe the error in Go's terms.
func compile(expr string, posix bool, longest bool) (h *handle, numSubexp int, names []string, prefix string, complete bool, code string, arg string)
func exec(h *handle, s string, pos int, ncap int) []int

func compileRegexp(expr string, posix bool) (*Regexp, error) {
	h, n, names, prefix, complete, code, arg := compile(expr, posix, posix)
	if h == nil {
		return nil, &Error{code, arg}
	}
	re := &Regexp{expr: expr, h: h, prog: &prog{2 * (n + 1)}, numSubexp: n, subexpNames: names,
		prefix: prefix, prefixComplete: complete, longest: posix}
	if prefix != "" {
		re.prefixBytes = []byte(prefix)
	}
	return re, nil
}

func Compile(expr string) (*Regexp, error)      { return compileRegexp(expr, false) }
func CompilePOSIX(expr string) (*Regexp, error) { return compileRegexp(expr, true) }

// MustCompile and MustCompilePOSIX panic with Go's text, which shows the pattern back-quoted
// when it can be, else as a Go string literal.
func MustCompile(str string) *Regexp      { return mustCompile(str, false, "Compile") }
func MustCompilePOSIX(str string) *Regexp { return mustCompile(str, true, "CompilePOSIX") }

func mustCompile(expr string, posix bool, fn string) *Regexp {
	re, err := compileRegexp(expr, posix)
	if err == nil {
		return re
	}
	shown := strconv.Quote(expr)
	if strconv.CanBackquote(expr) {
		shown = "`" + expr + "`"
	}
	panic("regexp: " + fn + "(" + shown + "): " + err.Error())
}

func (re *Regexp) String() string { return re.expr }

func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

func (re *Regexp) Longest() {
	if re.longest {
		return
	}
	h, _, _, _, _, _, _ := compile(re.expr, false, true)
	re.h = h
	re.longest = true
}

func (re *Regexp) NumSubexp() int { return re.numSubexp }

func (re *Regexp) SubexpNames() []string { return re.subexpNames }

// SubexpIndex is the index of the first group named name, or -1 (also for "": unnamed groups
// have that name).
func (re *Regexp) SubexpIndex(name string) int {
	for g := 1; name != "" && g < len(re.subexpNames); g++ {
		if re.subexpNames[g] == name {
			return g
		}
	}
	return -1
}
)go";

constexpr const char* kApi[] = {
#include "stdlib/regexp/find.go.inc"
    ,
#include "stdlib/regexp/replace.go.inc"
    ,
#include "stdlib/regexp/split.go.inc"
};

// Go's regexp/syntax error codes for RE2's.
const char* goErrorCode(RE2::ErrorCode c) {
    switch (c) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "regexp/syntax: internal error";
    }
}

void nCompile(NativeCall& c) {
    std::string expr(argStr(c, 0));
    bool posix = argBool(c, 1), longest = argBool(c, 2);
    RE2::Options o;
    o.set_log_errors(false);
    o.set_encoding(RE2::Options::EncodingUTF8);
    if (posix) {
        o.set_posix_syntax(true);
        o.set_one_line(false); // Go's POSIX: ^ and $ at text boundaries only
    }
    o.set_longest_match(longest);
    auto re = std::make_unique<RE2>(expr, o);
    if (!re->ok()) {
        Value code = c.str(goErrorCode(re->error_code()));
        Value arg = c.str(re->error_arg());
        for (uint32_t i = 0; i < 5; i++) c.result(i, Value{});
        c.result(5, code);
        c.result(6, arg);
        return;
    }
    int n = re->NumberOfCapturingGroups();
    std::vector<std::string> names(size_t(n) + 1);
    for (const auto& [idx, name] : re->CapturingGroupNames()) names[size_t(idx)] = name;
    auto [prefix, complete] = regexp::literalPrefix(expr);
    Value ns = newStringSlice(c, names);
    Value ps = c.str(prefix);
    // From here the heap owns the RE2 (newHost releases it itself if it cannot allocate).
    c.result(0, Value::fromObj(c.vm.heap().newHost(re.release(), [](void* p) { delete static_cast<RE2*>(p); })));
    c.result(1, Value::fromInt(n));
    c.result(2, ns);
    c.result(3, ps);
    c.result(4, Value::fromBool(complete));
    c.result(5, Value{});
    c.result(6, Value{});
}

void nExec(NativeCall& c) {
    auto* h = static_cast<vm::HostObj*>(c.arg(0).p);
    auto* re = h ? static_cast<RE2*>(h->payload) : nullptr;
    std::string_view s = argStr(c, 1);
    int64_t pos = argInt(c, 2), ncap = argInt(c, 3);
    if (!re || pos < 0 || pos > int64_t(s.size())) {
        c.result(0, Value{});
        return;
    }
    int nsub = int(ncap / 2);
    std::vector<re2::StringPiece> sub(static_cast<size_t>(nsub));
    re2::StringPiece text(s.data(), s.size());
    if (!re->Match(text, size_t(pos), s.size(), RE2::UNANCHORED, sub.data(), nsub)) {
        c.result(0, Value{});
        return;
    }
    std::vector<int64_t> idx(size_t(nsub) * 2);
    for (int i = 0; i < nsub; i++) {
        if (sub[size_t(i)].data() == nullptr) {
            idx[size_t(2 * i)] = idx[size_t(2 * i + 1)] = -1;
        } else {
            int64_t lo = sub[size_t(i)].data() - s.data();
            idx[size_t(2 * i)] = lo;
            idx[size_t(2 * i + 1)] = lo + int64_t(sub[size_t(i)].size());
        }
    }
    c.result(0, newIntSlice(c, idx));
}

} // namespace

vm::PackageDef makeRegexpPackage() {
    std::string s = kHeader;
    for (const char* part : kApi) s += part;
    vm::PackageDef d{"regexp", s, {}};
    d.natives = {{"compile", nCompile}, {"exec", nExec}};
    return d;
}

} // namespace gol::stdlib
