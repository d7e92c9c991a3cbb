// Package fmt: Go source for the API plus natives over the verb engine and the value walker.
//
// Print*/Sprint* are natives (the hot path of most programs); Fprint* are gol code that formats
// with Sprint* and calls the writer's Write method, so any io.Writer works (*os.File,
// *strings.Builder, *bufio.Writer, user types). Errorf formats natively and builds Go's
// *fmt.wrapError / *fmt.wrapErrors in gol code, so errors.Is/As/Unwrap see Go's structure.
#include "stdlib/bind.hpp"
#include "stdlib/fmt/scan.hpp"
#include "stdlib/fmt/value.hpp"
#include "stdlib/packages.hpp"

#include <algorithm>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package fmt

import (
	"errors"
	"io"
)

type Stringer interface {
	String() string
}

type GoStringer interface {
	GoString() string
}

// State is what a Formatter's Format method is given: the flags of the verb being printed and
// a Writer for its output.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by values with a custom formatter; it is called for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// pp is the State of one Format call (named as Go's, so %T of a State prints *fmt.pp). The
// walker calls callFormat, then appends what the method wrote to its own output.
type pp struct {
	buf           []byte
	wid, prec     int
	widOK, precOK bool
	flags         string // the flag characters in effect, as State.Flag reports them
}

func (p *pp) Write(b []byte) (int, error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (int, error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

func (p *pp) Width() (int, bool)     { return p.wid, p.widOK }
func (p *pp) Precision() (int, bool) { return p.prec, p.precOK }

func (p *pp) Flag(c int) bool {
	for i := 0; i < len(p.flags); i++ {
		if int(p.flags[i]) == c {
			return true
		}
	}
	return false
}

// The walker calls this for an operand x whose type it checked implements Formatter.
func callFormat(x any, verb rune, wid, prec int, widOK, precOK bool, flags string) string {
	p := &pp{wid: wid, prec: prec, widOK: widOK, precOK: precOK, flags: flags}
	x.(Formatter).Format(p, verb)
	return string(p.buf)
}

// FormatString (Go 1.20) rebuilds the directive that produced state and verb.
func FormatString(state State, verb rune) string {
	b := []byte{'%'}
	for _, c := range " +-#0" {
		if state.Flag(int(c)) {
			b = append(b, byte(c))
		}
	}
	if w, ok := state.Width(); ok {
		b = append(b, Sprint(w)...)
	}
	if p, ok := state.Precision(); ok {
		b = append(b, '.')
		b = append(b, Sprint(p)...)
	}
	return string(append(b, string(verb)...))
}

func Sprint(a ...any) string
func Sprintf(format string, a ...any) string
func Sprintln(a ...any) string
func Print(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Println(a ...any) (n int, err error)

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

func errorf(format string, a []any) (string, []int)

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	}
	var errs []error
	for _, i := range wrapped {
		if e, ok := a[i].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

// Scanning. The natives return a code: 0 no error, 1 io.EOF, 2 io.ErrUnexpectedEOF, 3 the
// message as an error.
func scanError(code int, msg string) error {
	switch code {
	case 0:
		return nil
	case 1:
		return io.EOF
	case 2:
		return io.ErrUnexpectedEOF
	}
	return errors.New(msg)
}

func sscan(str string, a []any, mode int) (n int, code int, msg string)
func sscanf(str string, format string, a []any) (n int, code int, msg string)
func scan(a []any, mode int) (n int, code int, msg string)
func scanf(format string, a []any) (n int, code int, msg string)

func Sscan(str string, a ...any) (n int, err error) {
	n, code, msg := sscan(str, a, 0)
	return n, scanError(code, msg)
}

func Sscanln(str string, a ...any) (n int, err error) {
	n, code, msg := sscan(str, a, 1)
	return n, scanError(code, msg)
}

func Sscanf(str string, format string, a ...any) (n int, err error) {
	n, code, msg := sscanf(str, format, a)
	return n, scanError(code, msg)
}

// Fscan, Fscanln and Fscanf read through a runeSource: the reader's ReadRune when it is an
// io.RuneScanner (the rune read ahead is then given back with UnreadRune), otherwise one byte per
// Read, as Go's fmt does, so that nothing past the scanned text is consumed but that rune.
type runeSource struct {
	r   io.Reader
	rs  io.RuneScanner
	err error
	b   [1]byte
}

// fscanNext returns the next rune (from a RuneScanner) or byte, -1 at the end, and -2 after a
// read error, which it keeps for Fscan* to return.
func fscanNext(s *runeSource) int {
	var err error
	if s.rs != nil {
		var r rune
		if r, _, err = s.rs.ReadRune(); err == nil {
			return int(r)
		}
	} else if _, err = io.ReadFull(s.r, s.b[:]); err == nil {
		return int(s.b[0])
	}
	if err == io.EOF {
		return -1
	}
	s.err = err
	return -2
}

func fscanUnread(s *runeSource) { s.rs.UnreadRune() }

func newRuneSource(r io.Reader) *runeSource {
	s := &runeSource{r: r}
	s.rs, _ = r.(io.RuneScanner)
	return s
}

func (s *runeSource) result(n, code int, msg string) (int, error) {
	if code == 4 {
		return n, s.err
	}
	return n, scanError(code, msg)
}

// The natives read through fscanNext and give a rune back with fscanUnread: passed as
// arguments, they need no lookup by name.
func fscan(s *runeSource, next func(*runeSource) int, unread func(*runeSource), runes bool, a []any, mode int) (n int, code int, msg string)
func fscanf(s *runeSource, next func(*runeSource) int, unread func(*runeSource), runes bool, format string, a []any) (n int, code int, msg string)

func Fscan(r io.Reader, a ...any) (n int, err error) {
	s := newRuneSource(r)
	return s.result(fscan(s, fscanNext, fscanUnread, s.rs != nil, a, 0))
}

func Fscanln(r io.Reader, a ...any) (n int, err error) {
	s := newRuneSource(r)
	return s.result(fscan(s, fscanNext, fscanUnread, s.rs != nil, a, 1))
}

func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	s := newRuneSource(r)
	return s.result(fscanf(s, fscanNext, fscanUnread, s.rs != nil, format, a))
}

func Scan(a ...any) (n int, err error) {
	n, code, msg := scan(a, 0)
	return n, scanError(code, msg)
}

func Scanln(a ...any) (n int, err error) {
	n, code, msg := scan(a, 1)
	return n, scanError(code, msg)
}

func Scanf(format string, a ...any) (n int, err error) {
	n, code, msg := scanf(format, a)
	return n, scanError(code, msg)
}

)go";

using fmt::Printer;
using fmt::ValueOperands;

void nSprint(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(0));
    fmt::doPrint(p, ops);
    c.result(0, c.str(p.buf));
}

void nSprintln(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(0));
    fmt::doPrintln(p, ops);
    c.result(0, c.str(p.buf));
}

void nSprintf(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(1));
    std::string format(argStr(c, 0)); // a String method may run and move the VM stack
    fmt::doPrintf(p, format, ops);
    c.result(0, c.str(p.buf));
}

void writeOut(NativeCall& c, const std::string& s) {
    c.vm.writeStdout(s);
    c.result(0, Value::fromInt(int64_t(s.size())));
    c.result(1, Value{});
}

void nPrint(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(0));
    fmt::doPrint(p, ops);
    writeOut(c, p.buf);
}

void nPrintln(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(0));
    fmt::doPrintln(p, ops);
    writeOut(c, p.buf);
}

void nPrintf(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(1));
    std::string format(argStr(c, 0));
    fmt::doPrintf(p, format, ops);
    writeOut(c, p.buf);
}

void nErrorf(NativeCall& c) {
    Printer p;
    ValueOperands ops(c, c.arg(1));
    ops.wrapErrs = true;
    std::string format(argStr(c, 0));
    fmt::doPrintf(p, format, ops);
    std::vector<int64_t> idx(ops.wrapped.begin(), ops.wrapped.end());
    std::sort(idx.begin(), idx.end());
    idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
    Value s = c.str(p.buf);
    c.result(1, idx.empty() ? Value{} : newIntSlice(c, idx));
    c.result(0, s);
}

} // namespace

vm::PackageDef makeFmtPackage() {
    vm::PackageDef d;
    d.path = "fmt";
    d.source = kSource;
    d.natives = {
        {"Sprint", nSprint},   {"Sprintf", nSprintf}, {"Sprintln", nSprintln}, {"Print", nPrint},
        {"Printf", nPrintf},   {"Println", nPrintln}, {"errorf", nErrorf},
    };
    fmt::addScanNatives(d.natives);
    return d;
}

} // namespace gol::stdlib
