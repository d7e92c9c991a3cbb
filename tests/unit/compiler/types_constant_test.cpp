// Constant arithmetic, exactness, rounding and representability
// (compiler/types/constant.hpp).
#include "compiler/types/constant.hpp"
#include "compiler/types/context.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

using namespace gol::types;
using gol::syntax::Tok;

namespace {

Constant lit(const char* text) {
    bool hex = std::strncmp(text, "0x", 2) == 0;
    bool isFloat = std::strpbrk(text, hex ? ".pP" : ".eE") != nullptr;
    return Constant::fromLiteral(isFloat ? Tok::Float : Tok::Int, text);
}

int64_t i64(const Constant& c) {
    int64_t v = 0;
    REQUIRE(c.toInt64(&v));
    return v;
}

Constant op(Tok t, const Constant& x, const Constant& y, bool intDiv = true) {
    ConstError err;
    Constant r = binaryOp(t, x, y, intDiv, err);
    REQUIRE(err == ConstError::None);
    return r;
}

} // namespace

TEST_CASE("types: integer constant arithmetic is exact") {
    Constant a = Constant::makeInt(7), b = Constant::makeInt(2);
    CHECK(i64(op(Tok::Quo, a, b)) == 3);
    CHECK(i64(op(Tok::Rem, a, b)) == 1);
    CHECK(i64(op(Tok::Rem, Constant::makeInt(-7), b)) == -1); // truncated, as Go
    CHECK(i64(op(Tok::AndNot, Constant::makeInt(0b1111), Constant::makeInt(0b0101))) == 0b1010);
    CHECK(i64(op(Tok::And, Constant::makeInt(-5), Constant::makeInt(3))) == 3); // two's complement
    // Untyped / on an int and a float divides exactly.
    Constant q = op(Tok::Quo, a, Constant::makeFloat(2), false);
    CHECK(q.kind == Constant::Kind::Float);
    CHECK(q.float64() == 3.5);
    ConstError err;
    Constant big = shiftOp(Tok::Shl, Constant::makeInt(1), 100, err);
    CHECK(big.toString() == "1267650600228229401496703205376");
    CHECK(i64(shiftOp(Tok::Shr, big, 98, err)) == 4);
    Constant huge = op(Tok::Mul, op(Tok::Mul, big, big), big);
    CHECK(huge.bitLen() == 301);
    CHECK(compareOp(Tok::Eql, op(Tok::Quo, huge, op(Tok::Mul, big, big)), big));
    // >> of a negative value floors, as Go.
    CHECK(i64(shiftOp(Tok::Shr, Constant::makeInt(-5), 1, err)) == -3);
}

TEST_CASE("types: untyped float constants are exact rationals") {
    Constant third = op(Tok::Quo, Constant::makeFloat(1), Constant::makeInt(3), false);
    CHECK(compareOp(Tok::Eql, op(Tok::Mul, third, Constant::makeInt(3), false), Constant::makeInt(1)));
    CHECK(compareOp(Tok::Eql, op(Tok::Add, lit("0.1"), lit("0.2"), false), lit("0.3")));
    Constant e300 = lit("1e300");
    Constant sq = op(Tok::Mul, e300, e300, false);
    CHECK(std::isinf(sq.float64()));
    CHECK(op(Tok::Quo, sq, e300, false).float64() == 1e300);
    CHECK(sq.toString() == "1e+600");
    // Beyond the rational range a 512-bit float takes over, with an exponent far past float64's.
    Constant far = lit("1e100000");
    CHECK(far.toString() == "1e+100000");
    CHECK(op(Tok::Quo, far, lit("1e99999"), false).float64() == 10.0);
    CHECK(op(Tok::Quo, lit("1"), far, false).float64() == 0.0);
    CHECK(lit("1e-400").sign() == 1);
    CHECK(lit("1e-400").toString() == "1e-400");
    CHECK(lit("0x1p-2").float64() == 0.25);
    CHECK(lit("0x1.8p1").float64() == 3.0);
    CHECK(lit("1_000.5e1").float64() == 10005.0);
    CHECK(lit("1e9999999999").isUnknown()); // beyond big.Float's exponent: "malformed constant"
}

TEST_CASE("types: conversion to float64 and float32 rounds correctly") {
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even.
    CHECK(lit("9007199254740993").float64() == 9007199254740992.0);
    CHECK(lit("9007199254740995").float64() == 9007199254740996.0);
    CHECK(lit("0.1").float64() == 0.1);
    CHECK(lit("2.5e-324").float64() == 5e-324); // just over half the smallest denormal
    CHECK(lit("2e-324").float64() == 0.0);
    CHECK(lit("1.7976931348623157e308").float64() == 1.7976931348623157e308);
    CHECK(std::isinf(lit("1.8e308").float64()));
    Context ctx;
    Constant r;
    CHECK(representable(lit("0.1"), ctx.basic(Kind::Float32), &r) == Representable::Yes);
    CHECK(r.float64() == static_cast<double>(0.1f));
    CHECK(representable(lit("3.4028235e38"), ctx.basic(Kind::Float32), &r) == Representable::Yes);
    CHECK(representable(lit("3.5e38"), ctx.basic(Kind::Float32), &r) == Representable::Overflows);
}

TEST_CASE("types: unary operators, ^x on unsigned types complements within the width") {
    ConstError err;
    CHECK(i64(unaryOp(Tok::Xor, Constant::makeInt(0), 8, err)) == 255);
    CHECK(unaryOp(Tok::Xor, Constant::makeInt(0), 64, err).toString() == "18446744073709551615");
    CHECK(i64(unaryOp(Tok::Xor, Constant::makeInt(0), 0, err)) == -1);
    CHECK(i64(unaryOp(Tok::Sub, Constant::makeInt(5), 0, err)) == -5);
    CHECK(unaryOp(Tok::Sub, lit("0.5"), 0, err).float64() == -0.5);
    CHECK(unaryOp(Tok::Not, Constant::makeBool(true), 0, err).b == false);
}

TEST_CASE("types: division by zero is detected") {
    ConstError err;
    binaryOp(Tok::Quo, Constant::makeInt(1), Constant::makeInt(0), true, err);
    CHECK(err == ConstError::DivByZero);
    binaryOp(Tok::Rem, Constant::makeInt(1), Constant::makeInt(0), true, err);
    CHECK(err == ConstError::DivByZero);
    binaryOp(Tok::Quo, Constant::makeFloat(1), Constant::makeFloat(0), false, err);
    CHECK(err == ConstError::DivByZero);
}

TEST_CASE("types: representability follows Go (overflows vs truncated)") {
    Context ctx;
    Constant r;
    CHECK(representable(Constant::makeInt(255), ctx.basic(Kind::Uint8), &r) == Representable::Yes);
    CHECK(representable(Constant::makeInt(256), ctx.basic(Kind::Uint8), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeInt(-1), ctx.basic(Kind::Uint), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeInt(-128), ctx.basic(Kind::Int8), &r) == Representable::Yes);
    CHECK(representable(Constant::makeInt(-129), ctx.basic(Kind::Int8), &r) == Representable::Overflows);
    CHECK(representable(lit("18446744073709551615"), ctx.basic(Kind::Uint64), &r) == Representable::Yes);
    CHECK(r.uint64() == UINT64_MAX);
    CHECK(representable(lit("18446744073709551616"), ctx.basic(Kind::Uint64), &r) ==
          Representable::Overflows);
    CHECK(representable(lit("-9223372036854775808"), ctx.basic(Kind::Int64), &r) == Representable::Yes);
    CHECK(representable(Constant::makeFloat(2.5), ctx.basic(Kind::Int), &r) == Representable::Truncated);
    // An integral float converts to an exact Int.
    CHECK(representable(Constant::makeFloat(3.0), ctx.basic(Kind::Int), &r) == Representable::Yes);
    CHECK(r.kind == Constant::Kind::Int);
    CHECK(i64(r) == 3);
    CHECK(representable(lit("1e100"), ctx.basic(Kind::Int64), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeString("x"), ctx.basic(Kind::Int), &r) == Representable::No);
    CHECK(representable(Constant::makeInt(1), ctx.basic(Kind::String), &r) == Representable::No);
    CHECK(representable(Constant::makeInt(1), ctx.byteType(), &r) == Representable::Yes);
}

TEST_CASE("types: constant strings are Go's constant.Value strings") {
    CHECK(Constant::makeInt(-42).toString() == "-42");
    CHECK(Constant::makeFloat(2.5).toString() == "2.5");
    CHECK(Constant::makeFloat(1e100).toString() == "1e+100");
    CHECK(Constant::makeFloat(3).toString() == "3");
    CHECK(lit("1.0000001").toString() == "1.0000001"); // %.6g would hide the fraction
    CHECK(Constant::makeString("a\"b\n").toString() == "\"a\\\"b\\n\"");
    CHECK(Constant::makeBool(true).toString() == "true");
    CHECK(Constant::makeFloat(0.1).float64() == 0.1);
    CHECK(Constant::makeInt(-1).uint64() == ~0ull);
}
