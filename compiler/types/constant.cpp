// Constant arithmetic (Go's go/constant: exact integers, rationals and 512-bit
// floats; see constant.hpp and constant_num.hpp).
#include "compiler/types/constant.hpp"
#include "compiler/types/constant_num.hpp"
#include "compiler/types/type.hpp"

#include <cmath>

namespace gol::types {

using syntax::Tok;
using namespace detail;

Constant Constant::makeBool(bool v) {
    Constant c;
    c.kind = Kind::Bool;
    c.b = v;
    return c;
}

Constant Constant::makeString(std::string v) {
    Constant c;
    c.kind = Kind::String;
    c.s = std::move(v);
    return c;
}

Constant Constant::makeInt(int64_t v) {
    return intConst(BigInt(v));
}

Constant Constant::makeFloat(double v) {
    if (!std::isfinite(v)) return Constant{};
    int e = 0;
    double m = std::frexp(v, &e); // exact: v = m * 2^e, |m| in [0.5, 1)
    BigInt mi(static_cast<int64_t>(std::ldexp(m, 53)));
    e -= 53;
    return e >= 0 ? floatConst(BigRat(mi << e)) : floatConst(BigRat(mi, BigInt(1) << -e));
}

int Constant::sign() const {
    if (kind != Kind::Int && kind != Kind::Float) return 0;
    return std::visit([](const auto& v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }, num->v);
}

bool Constant::toInt64(int64_t* out) const {
    if (kind != Kind::Int) return false;
    const BigInt& i = intOf(*this);
    if (i < INT64_MIN || i > INT64_MAX) return false;
    *out = i.convert_to<int64_t>();
    return true;
}

size_t Constant::bitLen() const {
    if (kind != Kind::Int) return 0;
    const BigInt& i = intOf(*this);
    return i == 0 ? 0 : mp::msb(mp::abs(i)) + 1;
}

uint64_t Constant::uint64() const {
    Constant v = toInt(*this);
    if (v.kind != Kind::Int) return static_cast<uint64_t>(static_cast<int64_t>(float64()));
    // cpp_int's bitwise operators act on negative values as on two's complement.
    BigInt low = intOf(v) & BigInt(UINT64_MAX);
    return low.convert_to<uint64_t>();
}

int64_t Constant::int64() const {
    return static_cast<int64_t>(uint64());
}

double Constant::float64() const {
    if (kind != Kind::Int && kind != Kind::Float) return 0;
    return toFloat64(*this);
}

bool Constant::isIntegral() const {
    if (kind == Kind::Int) return true;
    if (kind != Kind::Float) return false;
    if (const BigRat* r = ratOf(*this)) return mp::denominator(*r) == 1;
    // A BigFloat's exponent is far beyond its 512 mantissa bits, or far below 0.
    int e = 0;
    mp::frexp(std::get<BigFloat>(num->v), &e);
    return e > 0;
}

Constant toInt(const Constant& x) {
    if (x.kind == Constant::Kind::Int) return x;
    if (x.kind != Constant::Kind::Float) return Constant{};
    // As go/constant, a BigFloat (huge or tiny) never becomes an Int.
    const BigRat* r = ratOf(x);
    if (r != nullptr && mp::denominator(*r) == 1) return intConst(mp::numerator(*r));
    return Constant{};
}

Constant toFloat(const Constant& x) {
    if (x.kind == Constant::Kind::Int) return floatConst(BigRat(intOf(x)));
    if (x.kind == Constant::Kind::Float) return x;
    return Constant{};
}

namespace {

Constant intBinary(Tok op, const BigInt& a, const BigInt& b, ConstError& err) {
    switch (op) {
    case Tok::Add: return intConst(a + b);
    case Tok::Sub: return intConst(a - b);
    case Tok::Mul: return intConst(a * b);
    case Tok::Quo:
    case Tok::Rem:
        if (b == 0) {
            err = ConstError::DivByZero;
            return Constant{};
        }
        return intConst(op == Tok::Quo ? BigInt(a / b) : BigInt(a % b)); // both truncate, as Go
    case Tok::And: return intConst(a & b);
    case Tok::Or: return intConst(a | b);
    case Tok::Xor: return intConst(a ^ b);
    case Tok::AndNot: return intConst(a & ~b);
    default: return Constant{};
    }
}

template <class Num> bool floatArith(Tok op, const Num& a, const Num& b, Num& r) {
    switch (op) {
    case Tok::Add: r = a + b; return true;
    case Tok::Sub: r = a - b; return true;
    case Tok::Mul: r = a * b; return true;
    case Tok::Quo: r = a / b; return true;
    default: return false;
    }
}

} // namespace

Constant binaryOp(Tok op, const Constant& x0, const Constant& y0, bool intDiv, ConstError& err) {
    err = ConstError::None;
    using K = Constant::Kind;
    if (x0.kind == K::Unknown || y0.kind == K::Unknown) return Constant{};
    if (x0.kind == K::String && y0.kind == K::String && op == Tok::Add)
        return Constant::makeString(x0.s + y0.s);
    if (x0.kind == K::Bool && y0.kind == K::Bool) {
        if (op == Tok::LAnd) return Constant::makeBool(x0.b && y0.b);
        if (op == Tok::LOr) return Constant::makeBool(x0.b || y0.b);
        return Constant{};
    }
    if (op == Tok::Quo && intDiv) {
        // Both operands integer-typed: integral floats count as ints.
        Constant x = toInt(x0), y = toInt(y0);
        if (x.kind != K::Int || y.kind != K::Int) return Constant{};
        return intBinary(op, intOf(x), intOf(y), err);
    }
    if (x0.kind == K::Int && y0.kind == K::Int && op != Tok::Quo)
        return intBinary(op, intOf(x0), intOf(y0), err);
    Constant x = toFloat(x0), y = toFloat(y0);
    if (x.kind != K::Float || y.kind != K::Float) return Constant{};
    if (op == Tok::Quo && y.sign() == 0) {
        err = ConstError::DivByZero;
        return Constant{};
    }
    Constant r;
    const BigRat *xr = ratOf(x), *yr = ratOf(y);
    if (xr != nullptr && yr != nullptr) {
        BigRat v;
        if (!floatArith(op, *xr, *yr, v)) return Constant{};
        r = floatConst(std::move(v));
    } else {
        BigFloat v;
        if (!floatArith(op, bigFloatOf(x), bigFloatOf(y), v)) return Constant{};
        r = floatConst(v);
    }
    if (r.isUnknown()) err = ConstError::Overflow; // beyond the float exponent range
    return r;
}

Constant shiftOp(Tok op, const Constant& x0, uint64_t s, ConstError& err) {
    err = ConstError::None;
    Constant x = toInt(x0);
    if (x.kind != Constant::Kind::Int) return Constant{};
    const BigInt& a = intOf(x);
    // The checker bounds s (Go's shiftBound, 1074) and a (512 bits), so a << s stays small.
    unsigned n = static_cast<unsigned>(std::min<uint64_t>(s, 1u << 20));
    if (op == Tok::Shl) return intConst(a << n);
    return intConst(a >> n); // cpp_int shifts negative values as two's complement: floor
}

Constant unaryOp(Tok op, const Constant& x, unsigned unsignedBits, ConstError& err) {
    err = ConstError::None;
    using K = Constant::Kind;
    switch (op) {
    case Tok::Add:
        if (x.kind == K::Int || x.kind == K::Float) return x;
        break;
    case Tok::Sub:
        if (x.kind == K::Int) return intConst(-intOf(x));
        if (x.kind == K::Float) {
            if (const BigRat* r = ratOf(x)) return floatConst(BigRat(-*r));
            return floatConst(BigFloat(-std::get<BigFloat>(x.num->v)));
        }
        break;
    case Tok::Not:
        if (x.kind == K::Bool) return Constant::makeBool(!x.b);
        break;
    case Tok::Xor: {
        Constant v = toInt(x);
        if (v.kind != K::Int) break;
        if (unsignedBits != 0) return intConst(intOf(v) ^ ((BigInt(1) << unsignedBits) - 1));
        return intConst(~intOf(v));
    }
    default: break;
    }
    return Constant{};
}

bool compareOp(Tok op, const Constant& x0, const Constant& y0) {
    using K = Constant::Kind;
    int c = 0;
    if (x0.kind == K::Bool && y0.kind == K::Bool) {
        c = x0.b == y0.b ? 0 : 1;
    } else if (x0.kind == K::String && y0.kind == K::String) {
        c = x0.s.compare(y0.s);
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if (x0.kind == K::Int && y0.kind == K::Int) {
        c = intOf(x0).compare(intOf(y0));
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else {
        Constant x = toFloat(x0), y = toFloat(y0);
        if (x.kind != K::Float || y.kind != K::Float) return false;
        const BigRat *xr = ratOf(x), *yr = ratOf(y);
        if (xr != nullptr && yr != nullptr) {
            c = *xr < *yr ? -1 : *xr > *yr ? 1 : 0;
        } else {
            BigFloat a = bigFloatOf(x), b = bigFloatOf(y);
            c = a < b ? -1 : a > b ? 1 : 0;
        }
    }
    switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
    }
}

Representable representable(const Constant& x, const Basic* t, Constant* rounded) {
    using K = Constant::Kind;
    Constant dummy;
    if (rounded == nullptr) rounded = &dummy;
    if (x.kind == K::Unknown) {
        *rounded = x;
        return Representable::Yes; // errors were reported where the value became unknown
    }
    bool numeric = x.kind == K::Int || x.kind == K::Float;
    if (t->info & IsInteger) {
        if (!numeric) return Representable::No;
        Constant v = toInt(x);
        if (v.kind != K::Int) return x.isIntegral() ? Representable::Overflows : Representable::Truncated;
        if (!(t->info & IsUntyped)) {
            unsigned bits = t->size * 8;
            const BigInt& i = intOf(v);
            bool fits = (t->info & IsUnsigned)
                            ? i >= 0 && i < (BigInt(1) << bits)
                            : i >= -(BigInt(1) << (bits - 1)) && i < (BigInt(1) << (bits - 1));
            if (!fits) return Representable::Overflows;
        }
        *rounded = v;
        return Representable::Yes;
    }
    if (t->info & IsFloat) {
        if (!numeric) return Representable::No;
        switch (t->kind) {
        case Kind::Float32:
        case Kind::Float64: {
            double r = t->kind == Kind::Float32 ? toFloat32(x) : toFloat64(x);
            if (std::isinf(r)) return Representable::Overflows;
            *rounded = Constant::makeFloat(r == 0 ? 0.0 : r); // constants have no -0
            return Representable::Yes;
        }
        default: // an untyped float keeps its value (and Int representation)
            *rounded = x;
            return Representable::Yes;
        }
    }
    if (t->info & IsString) {
        if (x.kind != K::String) return Representable::No;
        *rounded = x;
        return Representable::Yes;
    }
    if (t->info & IsBoolean) {
        if (x.kind != K::Bool) return Representable::No;
        *rounded = x;
        return Representable::Yes;
    }
    return Representable::No;
}

} // namespace gol::types
