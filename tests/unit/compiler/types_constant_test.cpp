// Constant arithmetic, overflow and representability (compiler/types/constant.hpp).
#include "compiler/types/constant.hpp"
#include "compiler/types/context.hpp"

#include <doctest/doctest.h>

using namespace gol::types;
using gol::syntax::Tok;

TEST_CASE("types: integer constant arithmetic is exact") {
    ConstError err;
    Constant a = Constant::makeInt(7), b = Constant::makeInt(2);
    CHECK(binaryOp(Tok::Quo, a, b, true, err).i == 3);
    CHECK(binaryOp(Tok::Rem, a, b, true, err).i == 1);
    CHECK(binaryOp(Tok::AndNot, Constant::makeInt(0b1111), Constant::makeInt(0b0101), true, err).i == 0b1010);
    // Untyped 7 / 2.0 is a float division.
    Constant q = binaryOp(Tok::Quo, a, Constant::makeFloat(2), false, err);
    CHECK(q.kind == Constant::Kind::Float);
    CHECK(q.f == 3.5L);
    // 1 << 100 fits the 128-bit representation; >> brings it back.
    Constant big = shiftOp(Tok::Shl, Constant::makeInt(1), 100, err);
    CHECK(err == ConstError::None);
    CHECK(shiftOp(Tok::Shr, big, 98, err).i == 4);
    CHECK(int128String(big.i) == "1267650600228229401496703205376");
}

TEST_CASE("types: constant overflow and division by zero are detected") {
    ConstError err;
    binaryOp(Tok::Quo, Constant::makeInt(1), Constant::makeInt(0), true, err);
    CHECK(err == ConstError::DivByZero);
    binaryOp(Tok::Quo, Constant::makeFloat(1), Constant::makeFloat(0), false, err);
    CHECK(err == ConstError::DivByZero);
    shiftOp(Tok::Shl, Constant::makeInt(1), 200, err);
    CHECK(err == ConstError::Overflow);
    Constant big = shiftOp(Tok::Shl, Constant::makeInt(1), 120, err);
    binaryOp(Tok::Mul, big, big, true, err);
    CHECK(err == ConstError::Overflow);
    // 0 << anything is 0, not an overflow.
    CHECK(shiftOp(Tok::Shl, Constant::makeInt(0), 500, err).i == 0);
    CHECK(err == ConstError::None);
}

TEST_CASE("types: unary operators, ^x on unsigned types complements within the width") {
    ConstError err;
    CHECK(unaryOp(Tok::Xor, Constant::makeInt(0), 8, err).i == 255);
    CHECK(unaryOp(Tok::Xor, Constant::makeInt(0), 0, err).i == -1);
    CHECK(unaryOp(Tok::Sub, Constant::makeInt(5), 0, err).i == -5);
    CHECK(unaryOp(Tok::Not, Constant::makeBool(true), 0, err).b == false);
}

TEST_CASE("types: representability follows Go (overflows vs truncated)") {
    Context ctx;
    Constant r;
    CHECK(representable(Constant::makeInt(255), ctx.basic(Kind::Uint8), &r) == Representable::Yes);
    CHECK(representable(Constant::makeInt(256), ctx.basic(Kind::Uint8), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeInt(-1), ctx.basic(Kind::Uint), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeInt(-128), ctx.basic(Kind::Int8), &r) == Representable::Yes);
    CHECK(representable(Constant::makeInt(-129), ctx.basic(Kind::Int8), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeFloat(2.5), ctx.basic(Kind::Int), &r) == Representable::Truncated);
    // An integral float converts to an exact Int.
    CHECK(representable(Constant::makeFloat(3.0), ctx.basic(Kind::Int), &r) == Representable::Yes);
    CHECK(r.kind == Constant::Kind::Int);
    CHECK(r.i == 3);
    CHECK(representable(Constant::makeFloat(1e39), ctx.basic(Kind::Float32), &r) == Representable::Overflows);
    CHECK(representable(Constant::makeFloat(0.1L), ctx.basic(Kind::Float32), &r) == Representable::Yes);
    CHECK(r.f == static_cast<long double>(0.1f));
    CHECK(representable(Constant::makeString("x"), ctx.basic(Kind::Int), &r) == Representable::No);
    CHECK(representable(Constant::makeInt(1), ctx.basic(Kind::String), &r) == Representable::No);
    CHECK(representable(Constant::makeInt(1), ctx.byteType(), &r) == Representable::Yes);
}

TEST_CASE("types: constant strings are Go's constant.Value strings") {
    CHECK(Constant::makeInt(-42).toString() == "-42");
    CHECK(Constant::makeFloat(2.5).toString() == "2.5");
    CHECK(Constant::makeFloat(1e100).toString() == "1e+100");
    CHECK(Constant::makeFloat(3).toString() == "3");
    CHECK(Constant::makeString("a\"b\n").toString() == "\"a\\\"b\\n\"");
    CHECK(Constant::makeBool(true).toString() == "true");
    CHECK(Constant::makeFloat(0.1).float64() == 0.1);
    CHECK(Constant::makeInt(-1).uint64() == ~0ull);
}
