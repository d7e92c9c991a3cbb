// Primitive operands: Go's printArg type switch for the basic kinds.
#include "stdlib/fmt/args.hpp"

namespace gol::stdlib::fmt {

Arg Arg::Bool(bool v, std::string type) {
    Arg a;
    a.kind = Kind::Bool, a.b = v, a.type = std::move(type);
    return a;
}
Arg Arg::Int(int64_t v, std::string type) {
    Arg a;
    a.kind = Kind::Int, a.i = v, a.type = std::move(type);
    return a;
}
Arg Arg::Uint(uint64_t v, std::string type) {
    Arg a;
    a.kind = Kind::Uint, a.u = v, a.type = std::move(type);
    return a;
}
Arg Arg::Float(double v, std::string type) {
    Arg a;
    a.kind = Kind::Float, a.f = v, a.floatSize = 64, a.type = std::move(type);
    return a;
}
Arg Arg::Float32(float v, std::string type) {
    Arg a;
    a.kind = Kind::Float, a.f = v, a.floatSize = 32, a.type = std::move(type);
    return a;
}
Arg Arg::String(std::string v, std::string type) {
    Arg a;
    a.kind = Kind::String, a.s = std::move(v), a.type = std::move(type);
    return a;
}
Arg Arg::Bytes(std::string v, std::string type) {
    Arg a;
    a.kind = Kind::Bytes, a.s = std::move(v), a.type = std::move(type);
    return a;
}

void printArg(Printer& p, const Arg& a, rune verb) {
    if (p.printNilOrType(a.kind == Arg::Kind::Nil, a.type, verb)) return;
    if (verb == 'p') { // no primitive is a pointer
        p.badVerb(verb, a.type, [&] { printArg(p, a, 'v'); });
        return;
    }
    switch (a.kind) {
    case Arg::Kind::Nil: return;
    case Arg::Kind::Bool: p.fmtBool(a.b, verb, a.type); return;
    case Arg::Kind::Int: p.fmtInteger(static_cast<uint64_t>(a.i), true, verb, a.type); return;
    case Arg::Kind::Uint: p.fmtInteger(a.u, false, verb, a.type); return;
    case Arg::Kind::Float: p.fmtFloat(a.f, a.floatSize, verb, a.type); return;
    case Arg::Kind::String: p.fmtString(a.s, verb, a.type); return;
    case Arg::Kind::Bytes:
        // Go's printArg passes the literal "[]byte" for unnamed byte slices.
        p.fmtBytes(a.s, a.nilBytes, verb, a.type == "[]uint8" ? "[]byte" : a.type);
        return;
    }
}

std::optional<int64_t> ArgList::intValue(int i) const {
    const Arg& a = args_[static_cast<size_t>(i)];
    if (a.kind == Arg::Kind::Int) return a.i;
    if (a.kind == Arg::Kind::Uint && a.u <= static_cast<uint64_t>(INT64_MAX))
        return static_cast<int64_t>(a.u);
    return std::nullopt;
}

std::string Sprintf(std::string_view format, const std::vector<Arg>& args) {
    Printer p;
    ArgList list(args);
    doPrintf(p, format, list);
    return std::move(p.buf);
}

std::string Sprint(const std::vector<Arg>& args) {
    Printer p;
    ArgList list(args);
    doPrint(p, list);
    return std::move(p.buf);
}

std::string Sprintln(const std::vector<Arg>& args) {
    Printer p;
    ArgList list(args);
    doPrintln(p, list);
    return std::move(p.buf);
}

} // namespace gol::stdlib::fmt
