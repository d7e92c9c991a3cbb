// fmt's value walker: Go's printArg / handleMethods / printValue (fmt/print.go) over VM values,
// driven by their runtime types instead of reflection.
//
// The operands of a Print/Printf call are a []any: each slot is null (a nil interface) or an
// IfaceObj {dynamic type, value}. Primitive parts are printed by the phase-1 Printer; this file
// adds structs, slices, arrays, maps (keys sorted as Go's internal/fmtsort), pointers (&{...} at
// the top level, addresses below it), interfaces, and the Error/String/GoString methods, which
// are called back on the current goroutine exactly where Go calls them (never below an
// unexported field, never while printing a bad verb). A method that panics prints Go's
// %!v(PANIC=String method: ...) form, or <nil> for a nil pointer receiver.
#pragma once

#include "stdlib/fmt/print.hpp"
#include "vm/native.hpp"
#include "vm/object.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace gol::stdlib::fmt {

class ValueOperands : public Operands {
public:
    // `args` is the []any slice (null for no operands).
    ValueOperands(vm::NativeCall& c, vm::Value args);

    int count() const override { return int(n_); }
    void print(Printer& p, int i, rune verb) override;
    std::optional<int64_t> intValue(int i) const override;
    bool isNil(int i) const override { return arg(i).p == nullptr; }
    std::string typeString(int i) const override;
    bool isString(int i) const override;

    // Errorf: %w is accepted for error operands, whose indexes are collected here.
    bool wrapErrs = false;
    std::vector<int> wrapped;
    vm::Value arg(int i) const;

private:
    vm::NativeCall& c_;
    vm::SliceObj* slice_;
    int64_t n_;
};

// Formats one value of runtime type t as Go's printValue would at the top level (used by natives
// that print a single typed value, e.g. print helpers and tests).
void printTypedValue(vm::NativeCall& c, Printer& p, vm::Value v, const vm::RType* t, rune verb);

} // namespace gol::stdlib::fmt
