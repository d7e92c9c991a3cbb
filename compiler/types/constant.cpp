// Constant arithmetic (Go's go/constant, reduced to 128-bit integers and long
// double floats; see constant.hpp).
#include "compiler/types/constant.hpp"
#include "compiler/types/type.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace gol::types {

using syntax::Tok;

namespace {

constexpr Int128 kInt128Max = static_cast<Int128>((~static_cast<unsigned __int128>(0)) >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

} // namespace

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

Constant Constant::makeInt(Int128 v) {
    Constant c;
    c.kind = Kind::Int;
    c.i = v;
    return c;
}

Constant Constant::makeFloat(long double v) {
    Constant c;
    c.kind = Kind::Float;
    c.f = v;
    return c;
}

int64_t Constant::int64() const {
    if (kind == Kind::Float) return static_cast<int64_t>(f);
    return static_cast<int64_t>(i);
}

uint64_t Constant::uint64() const {
    if (kind == Kind::Float)
        return f < 0 ? static_cast<uint64_t>(static_cast<int64_t>(f)) : static_cast<uint64_t>(f);
    return static_cast<uint64_t>(i);
}

double Constant::float64() const {
    if (kind == Kind::Int) return static_cast<double>(i);
    return static_cast<double>(f);
}

bool Constant::isIntegral() const {
    if (kind == Kind::Int) return true;
    if (kind != Kind::Float) return false;
    return std::isfinite(f) && std::floor(f) == f;
}

std::string int128String(Int128 v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    unsigned __int128 u = neg ? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(v)
                              : static_cast<unsigned __int128>(v);
    std::string s;
    while (u != 0) {
        s += static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    }
    if (neg) s += '-';
    return std::string(s.rbegin(), s.rend());
}

namespace {

// Go's %g: the shortest representation that round-trips.
std::string shortestG(double x) {
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

std::string quoteGo(const std::string& s) {
    static const char* hex = "0123456789abcdef";
    std::string r = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '\a': r += "\\a"; break;
        case '\b': r += "\\b"; break;
        case '\f': r += "\\f"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        case '\v': r += "\\v"; break;
        case '\\': r += "\\\\"; break;
        case '"': r += "\\\""; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                r += "\\x";
                r += hex[c >> 4];
                r += hex[c & 15];
            } else {
                r += static_cast<char>(c);
            }
        }
    }
    return r + '"';
}

} // namespace

std::string Constant::toString() const {
    switch (kind) {
    case Kind::Unknown: return "unknown";
    case Kind::Bool: return b ? "true" : "false";
    case Kind::Int: return int128String(i);
    case Kind::String: {
        std::string q = quoteGo(s);
        // Go shortens to 72 runes (counting UTF-8 sequences as one).
        const size_t maxLen = 72;
        size_t runes = 0, cut = std::string::npos;
        for (size_t k = 0; k < q.size(); k++) {
            if ((static_cast<unsigned char>(q[k]) & 0xC0) == 0x80) continue;
            if (runes == maxLen - 3) cut = k;
            runes++;
        }
        if (runes > maxLen && cut != std::string::npos) q = q.substr(0, cut) + "...";
        return q;
    }
    case Kind::Float: {
        double x = static_cast<double>(f);
        if (std::isinf(x)) return f < 0 ? "-Inf" : "+Inf";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", x);
        std::string s = buf;
        if (!isIntegral() && s.find('.') == std::string::npos && s.find('e') == std::string::npos)
            s = shortestG(x);
        return s;
    }
    }
    return "unknown";
}

Constant toInt(const Constant& x) {
    if (x.kind == Constant::Kind::Int) return x;
    if (x.kind == Constant::Kind::Float && x.isIntegral()) {
        long double lim = 1.7014118346046923173e38L; // 2^127
        if (x.f >= lim || x.f < -lim) return Constant{};
        return Constant::makeInt(static_cast<Int128>(x.f));
    }
    return Constant{};
}

Constant toFloat(const Constant& x) {
    if (x.kind == Constant::Kind::Int) return Constant::makeFloat(static_cast<long double>(x.i));
    if (x.kind == Constant::Kind::Float) return x;
    return Constant{};
}

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
    Constant x = x0, y = y0;
    bool useInt = x.kind == K::Int && y.kind == K::Int && (op != Tok::Quo || intDiv);
    if (op == Tok::Quo && intDiv) {
        // Both operands integer-typed: integral floats count as ints.
        x = toInt(x);
        y = toInt(y);
        useInt = x.kind == K::Int && y.kind == K::Int;
        if (!useInt) return Constant{};
    }
    if (useInt) {
        Int128 a = x.i, b = y.i, r = 0;
        switch (op) {
        case Tok::Add:
            if (__builtin_add_overflow(a, b, &r)) err = ConstError::Overflow;
            break;
        case Tok::Sub:
            if (__builtin_sub_overflow(a, b, &r)) err = ConstError::Overflow;
            break;
        case Tok::Mul:
            if (__builtin_mul_overflow(a, b, &r)) err = ConstError::Overflow;
            break;
        case Tok::Quo:
        case Tok::Rem:
            if (b == 0) {
                err = ConstError::DivByZero;
                return Constant{};
            }
            if (a == kInt128Min && b == -1) {
                if (op == Tok::Quo) err = ConstError::Overflow;
                r = 0;
                break;
            }
            r = op == Tok::Quo ? a / b : a % b;
            break;
        case Tok::And: r = a & b; break;
        case Tok::Or: r = a | b; break;
        case Tok::Xor: r = a ^ b; break;
        case Tok::AndNot: r = a & ~b; break;
        default: return Constant{};
        }
        if (err != ConstError::None) return Constant{};
        return Constant::makeInt(r);
    }
    x = toFloat(x);
    y = toFloat(y);
    if (x.kind != K::Float || y.kind != K::Float) return Constant{};
    long double r = 0;
    switch (op) {
    case Tok::Add: r = x.f + y.f; break;
    case Tok::Sub: r = x.f - y.f; break;
    case Tok::Mul: r = x.f * y.f; break;
    case Tok::Quo:
        if (y.f == 0) {
            err = ConstError::DivByZero;
            return Constant{};
        }
        r = x.f / y.f;
        break;
    default: return Constant{};
    }
    if (!std::isfinite(r)) {
        err = ConstError::Overflow;
        return Constant{};
    }
    return Constant::makeFloat(r);
}

Constant shiftOp(Tok op, const Constant& x0, uint64_t s, ConstError& err) {
    err = ConstError::None;
    Constant x = toInt(x0);
    if (x.kind != Constant::Kind::Int) return Constant{};
    Int128 a = x.i;
    if (op == Tok::Shr) {
        if (s >= 127) return Constant::makeInt(a < 0 ? -1 : 0);
        return Constant::makeInt(a >> s);
    }
    if (a == 0) return Constant::makeInt(0);
    if (s >= 127) {
        err = ConstError::Overflow;
        return Constant{};
    }
    Int128 r = static_cast<Int128>(static_cast<unsigned __int128>(a) << s);
    if ((r >> s) != a || (r < 0) != (a < 0)) {
        err = ConstError::Overflow;
        return Constant{};
    }
    return Constant::makeInt(r);
}

Constant unaryOp(Tok op, const Constant& x, unsigned unsignedBits, ConstError& err) {
    err = ConstError::None;
    using K = Constant::Kind;
    switch (op) {
    case Tok::Add:
        if (x.kind == K::Int || x.kind == K::Float) return x;
        break;
    case Tok::Sub:
        if (x.kind == K::Int) {
            if (x.i == kInt128Min) {
                err = ConstError::Overflow;
                return Constant{};
            }
            return Constant::makeInt(-x.i);
        }
        if (x.kind == K::Float) return Constant::makeFloat(-x.f);
        break;
    case Tok::Not:
        if (x.kind == K::Bool) return Constant::makeBool(!x.b);
        break;
    case Tok::Xor: {
        Constant v = toInt(x);
        if (v.kind != K::Int) break;
        if (unsignedBits != 0) {
            unsigned __int128 mask = unsignedBits >= 128
                                         ? ~static_cast<unsigned __int128>(0)
                                         : (static_cast<unsigned __int128>(1) << unsignedBits) - 1;
            return Constant::makeInt(static_cast<Int128>(static_cast<unsigned __int128>(v.i) ^ mask));
        }
        return Constant::makeInt(~v.i);
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
        c = x0.i < y0.i ? -1 : x0.i > y0.i ? 1 : 0;
    } else {
        Constant x = toFloat(x0), y = toFloat(y0);
        c = x.f < y.f ? -1 : x.f > y.f ? 1 : 0;
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
        if (t->info & IsUntyped) {
            *rounded = v;
            return Representable::Yes;
        }
        Int128 lo, hi;
        unsigned bits = t->size * 8;
        if (t->info & IsUnsigned) {
            lo = 0;
            hi = (static_cast<Int128>(1) << bits) - 1;
        } else {
            lo = -(static_cast<Int128>(1) << (bits - 1));
            hi = (static_cast<Int128>(1) << (bits - 1)) - 1;
        }
        if (v.i < lo || v.i > hi) return Representable::Overflows;
        *rounded = v;
        return Representable::Yes;
    }
    if (t->info & IsFloat) {
        if (!numeric) return Representable::No;
        Constant v = toFloat(x);
        switch (t->kind) {
        case Kind::Float32: {
            float r = static_cast<float>(v.f);
            if (std::isinf(r)) return Representable::Overflows;
            *rounded = Constant::makeFloat(r);
            return Representable::Yes;
        }
        case Kind::Float64: {
            double r = static_cast<double>(v.f);
            if (std::isinf(r)) return Representable::Overflows;
            *rounded = Constant::makeFloat(r);
            return Representable::Yes;
        }
        default: // untyped float keeps its precision (and Int representation)
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
