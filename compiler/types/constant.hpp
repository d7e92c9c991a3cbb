// Compile-time constant values and Go's constant arithmetic.
//
// Representation (a documented difference from Go, see docs/language.md):
//  - integers are exact in a signed 128-bit integer. Go keeps untyped integer
//    constants exact up to 512 bits; gol reports "constant addition overflow"
//    (Go's wording for >512 bits) as soon as a value leaves the 128-bit range.
//  - floats are `long double` (x87 80-bit on x86-64: 64-bit mantissa), where
//    Go uses exact rationals/512-bit floats. Typed float constants are rounded
//    to float32/float64 as in Go, so only exotic untyped float arithmetic differs.
//  - strings and booleans are exact.
#pragma once

#include "compiler/syntax/token.hpp"

#include <cstdint>
#include <string>

namespace gol::types {

struct Basic;

using Int128 = __int128;

struct Constant {
    enum class Kind : uint8_t { Unknown, Bool, String, Int, Float };

    Kind kind = Kind::Unknown;
    bool b = false;
    Int128 i = 0;
    long double f = 0;
    std::string s;

    static Constant makeBool(bool v);
    static Constant makeString(std::string v);
    static Constant makeInt(Int128 v);
    static Constant makeFloat(long double v);

    bool isUnknown() const { return kind == Kind::Unknown; }
    // Exact conversions used by the code generator once the checker has made the
    // value representable in the expression's type.
    int64_t int64() const;   // Int (or integral Float)
    uint64_t uint64() const; // Int (or integral Float), as the bits of a uint64
    double float64() const;  // Int or Float
    // Whether a Float value is integral (or an Int).
    bool isIntegral() const;

    // Go's constant.Value String(): decimal ints, %.6g floats, quoted strings
    // (shortened to 72 characters), true/false. Used in error messages.
    std::string toString() const;
};

// Outcome of an arithmetic operation on constants.
enum class ConstError : uint8_t {
    None,
    DivByZero, // "invalid operation: division by zero"
    Overflow,  // the exact result does not fit the 128-bit representation
};

// x op y for + - * / % & | ^ &^ on two constants of the same kind (Int or
// Float; + also on String). `intDiv`: / truncates (both operands integer-typed).
Constant binaryOp(syntax::Tok op, const Constant& x, const Constant& y, bool intDiv, ConstError& err);
// x << s / x >> s for an Int x.
Constant shiftOp(syntax::Tok op, const Constant& x, uint64_t s, ConstError& err);
// -x, +x, !x, ^x. For ^x on an unsigned typed constant pass `unsignedBits`
// (8..64): Go complements within the type's width; 0 means signed/untyped.
Constant unaryOp(syntax::Tok op, const Constant& x, unsigned unsignedBits, ConstError& err);
// x == y etc. on comparable constants of the same kind.
bool compareOp(syntax::Tok op, const Constant& x, const Constant& y);

// Converts between Int and Float representations (Unknown if a Float is not integral).
Constant toInt(const Constant& x);
Constant toFloat(const Constant& x);

enum class Representable : uint8_t { Yes, Overflows, Truncated, No };

// Whether x is representable as a value of basic type t (Go's representableConst);
// on Yes, *rounded (if not null) holds the value as stored in t (floats rounded to
// float32/float64, integral floats as Int for integer types).
Representable representable(const Constant& x, const Basic* t, Constant* rounded);

// Text of an Int128 in decimal.
std::string int128String(Int128 v);

} // namespace gol::types
