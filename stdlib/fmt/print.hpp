// Go's fmt printing engine (fmt/print.go) minus reflection: the verb dispatch for primitive
// operands, the format-string walker with all of Go's error forms, and Print/Println spacing.
//
// The VM's value walker (structs, slices, maps, pointers, interfaces, Stringer/error) plugs in
// through Operands: doPrintf asks it to print operand i with a verb, and the walker calls back
// into Printer's fmt* functions for the primitive parts, exactly as Go's printValue does.
//
// Error forms produced here, byte for byte as Go:
//   %!d(string=hi)   bad verb for the operand (the operand is printed with %v, same flags)
//   %!d(<nil>)       bad verb for a nil operand
//   %!d(MISSING)     no operand left          %!(NOVERB)    format ends after '%'
//   %!(EXTRA int=3, string=x)  unused operands (unless explicit indexes were used)
//   %!d(BADINDEX)    bad [n] index            %!(BADWIDTH) / %!(BADPREC)  non-int '*' operand
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "stdlib/fmt/format.hpp"

namespace gol::stdlib::fmt {

class Printer;

// The operands of one Printf/Print/Println call, as seen by the format walker.
class Operands {
  public:
    virtual ~Operands() = default;
    virtual int count() const = 0;
    // Go's printArg(a[i], verb), with the Printer's flags already set for this verb.
    virtual void print(Printer& p, int i, rune verb) = 0;
    // For '*' width/precision: the operand's value if its kind is a (signed or unsigned) integer
    // kind and the value fits in an int; otherwise nullopt (Go then writes BADWIDTH/BADPREC).
    virtual std::optional<int64_t> intValue(int i) const = 0;
    // A nil interface operand (Go's `arg == nil`).
    virtual bool isNil(int i) const = 0;
    // Go's reflect.TypeOf(arg).String(), e.g. "int", "[]uint8", "main.Point", "*main.T".
    virtual std::string typeString(int i) const = 0;
    // Whether the operand's kind is string (Print puts no space next to strings).
    virtual bool isString(int i) const = 0;
};

class Printer {
  public:
    Printer() : fmt(buf) {}
    Printer(const Printer&) = delete;
    Printer& operator=(const Printer&) = delete;

    std::string buf;
    Formatter fmt;
    // Set while a bad verb's operand is being printed; the value walker must then not call
    // String()/Error() methods (Go's p.erroring), to avoid recursing into the same failure.
    bool erroring = false;

    // ---- Go's pp.fmt* verb dispatch for primitive kinds; bad verbs go to badVerb with the
    // given type string, and print the operand again with 'v'.
    void fmtBool(bool v, rune verb, std::string_view typeString = "bool");
    void fmtInteger(uint64_t v, bool isSigned, rune verb, std::string_view typeString);
    void fmtFloat(double v, int size, rune verb, std::string_view typeString);
    void fmtString(std::string_view v, rune verb, std::string_view typeString = "string");
    // A []byte (or a named byte-slice type): typeString is used by %#v ("[]byte{0x1, 0x2}").
    // badTypeString is the operand's type for bad verbs (Go prints each element: [%!z(uint8=1)]).
    void fmtBytes(std::string_view v, bool isNil, rune verb, std::string_view typeString);
    // A pointer-like value (pointer, chan, func, map, slice) for %p and %v of pointers.
    // typeString is used by %#v: "(*main.T)(0xc000010000)" or "(*main.T)(nil)".
    void fmtPointer(uint64_t address, rune verb, std::string_view typeString);
    // fmtInteger in hex with or without 0x regardless of the sharp flag.
    void fmt0x64(uint64_t v, bool leading0x);

    // Go's badVerb: "%!" verb "(" type "=" value ")", value printed by printV with verb 'v'.
    void badVerb(rune verb, std::string_view typeString, const std::function<void()>& printV);
    void badVerbNil(rune verb); // "%!" verb "(<nil>)"

    // Helper for operand printers: Go's printArg prefix for nil and %T. Returns true if handled.
    bool printNilOrType(bool isNil, std::string_view typeString, rune verb);

    void writeRune(rune r);
};

// Go's doPrintf / doPrint / doPrintln, appending to p.buf.
void doPrintf(Printer& p, std::string_view format, Operands& args);
void doPrint(Printer& p, Operands& args);
void doPrintln(Printer& p, Operands& args);

} // namespace gol::stdlib::fmt
