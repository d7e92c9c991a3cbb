// Compile-time constant values and Go's constant arithmetic.
//
// Representation, as Go's go/constant (which gc's type checker uses):
//  - integers are arbitrary-precision; the checker rejects an untyped integer
//    result wider than 512 bits ("constant addition overflow"), as gc does.
//  - floats are exact rationals while numerator and denominator stay below
//    4096 bits, and 512-bit binary floats (with a wide exponent) beyond, so
//    `1.0/3*3 == 1` and `1e300*1e300/1e300` are exact. Typed float constants are
//    rounded (correctly) to float32/float64 after every operation.
//  - strings and booleans are exact.
// The numbers live behind a shared immutable pointer so that the Boost
// multiprecision headers stay inside constant*.cpp.
#pragma once

#include "compiler/syntax/token.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace gol::types {

struct Basic;

namespace detail {
struct ConstNum; // constant_num.hpp
} // namespace detail

struct Constant {
    enum class Kind : uint8_t { Unknown, Bool, String, Int, Float };

    Kind kind = Kind::Unknown;
    bool b = false;
    std::string s;
    std::shared_ptr<const detail::ConstNum> num; // Int and Float

    static Constant makeBool(bool v);
    static Constant makeString(std::string v);
    static Constant makeInt(int64_t v);
    static Constant makeFloat(double v);
    // The value of a Go integer or float literal (Tok::Int / Tok::Float, with
    // underscores, 0x/0o/0b prefixes, hex floats). Unknown when it cannot be
    // represented (an exponent beyond the float range): Go's "malformed constant".
    static Constant fromLiteral(syntax::Tok kind, const std::string& raw);

    bool isUnknown() const { return kind == Kind::Unknown; }
    // -1, 0 or 1 for Int and Float values (0 otherwise).
    int sign() const;
    // An Int value that fits int64 exactly (false otherwise, *out untouched).
    bool toInt64(int64_t* out) const;
    // Bits of |x| for an Int value (Go's constant.BitLen).
    size_t bitLen() const;
    // Conversions used by the code generator once the checker has made the
    // value representable in the expression's type.
    int64_t int64() const;   // Int (or integral Float), two's complement low 64 bits
    uint64_t uint64() const; // the same bits as a uint64
    double float64() const;  // Int or Float, correctly rounded
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
    Overflow,  // a float result beyond the exponent range (Go: unknown value)
};

// x op y for + - * / % & | ^ &^ on two constants of the same kind (Int or
// Float; + also on String). `intDiv`: / truncates (both operands integer-typed).
Constant binaryOp(syntax::Tok op, const Constant& x, const Constant& y, bool intDiv, ConstError& err);
// x << s / x >> s for an Int x (s is at most the checker's shift bound, 1074).
Constant shiftOp(syntax::Tok op, const Constant& x, uint64_t s, ConstError& err);
// -x, +x, !x, ^x. For ^x on an unsigned typed constant pass `unsignedBits`
// (8..64): Go complements within the type's width; 0 means signed/untyped.
Constant unaryOp(syntax::Tok op, const Constant& x, unsigned unsignedBits, ConstError& err);
// x == y etc. on comparable constants of the same kind.
bool compareOp(syntax::Tok op, const Constant& x, const Constant& y);

// Converts between Int and Float representations (Unknown if a Float is not
// integral, or integral but too large to materialize: see isIntegral).
Constant toInt(const Constant& x);
Constant toFloat(const Constant& x);

enum class Representable : uint8_t { Yes, Overflows, Truncated, No };

// Whether x is representable as a value of basic type t (Go's representableConst);
// on Yes, *rounded (if not null) holds the value as stored in t (floats rounded to
// float32/float64, integral floats as Int for integer types).
Representable representable(const Constant& x, const Basic* t, Constant* rounded);

} // namespace gol::types
