// fmt's value walker over VM values: Go's printArg, handleMethods, catchPanic and printValue.
#include "stdlib/fmt/value.hpp"

#include "vm/map.hpp"
#include "vm/thread.hpp"
#include "vm/values.hpp"
#include "vm/vm.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gol::stdlib::fmt {

using vm::Kind;
using vm::RType;
using vm::Value;

namespace {

constexpr std::string_view kNilAngle = "<nil>";
constexpr std::string_view kNilParen = "(nil)";

bool isSignedKind(Kind k) { return k >= Kind::Int && k <= Kind::Int64; }

// reflect.Value.Pointer(): the address a pointer-like value prints as.
uint64_t pointerOf(Value v, const RType* t) {
    if (!v.p) return 0;
    if (t->kind == Kind::Slice) {
        auto* s = static_cast<vm::SliceObj*>(v.p);
        return reinterpret_cast<uint64_t>(s->array->data + s->off * s->array->elemSize);
    }
    if (v.p->kind == vm::ObjKind::Ptr) return reinterpret_cast<uint64_t>(static_cast<vm::PtrObj*>(v.p)->slot);
    return reinterpret_cast<uint64_t>(v.p);
}

// The bytes of a []byte or [N]byte value.
std::string_view byteView(Value v, const RType* t) {
    if (!v.p) return {};
    if (t->kind == Kind::Slice) {
        auto* s = static_cast<vm::SliceObj*>(v.p);
        return {reinterpret_cast<const char*>(s->array->data + s->off), size_t(s->len)};
    }
    auto* a = static_cast<vm::ArrayObj*>(v.p);
    return {reinterpret_cast<const char*>(a->data), size_t(a->len)};
}

// Element i of an array object (byte arrays pack one byte per element).
Value elemAt(vm::ArrayObj* a, int64_t i) {
    if (a->elemSize == 1) return Value::fromUint(a->data[i]);
    return a->slots()[i];
}

// The pointee of a pointer to a non-boxed type.
Value deref(Value v, const RType* elem) {
    auto* p = static_cast<vm::PtrObj*>(v.p);
    if (elem->kind == Kind::Uint8 || (p->owner && p->owner->kind == vm::ObjKind::Array &&
                                      static_cast<vm::ArrayObj*>(p->owner)->elemSize == 1))
        return Value::fromUint(*p->slot);
    Value r;
    std::memcpy(&r, p->slot, sizeof(Value));
    return r;
}

// Go's internal/fmtsort compare.
int compareValues(Value a, Value b, const RType* t) {
    switch (t->kind) {
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
        return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
        return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
    case Kind::String: {
        int c = vm::strView(a).compare(vm::strView(b));
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Kind::Float32: case Kind::Float64:
        if (std::isnan(a.f)) return -1;
        if (std::isnan(b.f)) return 1;
        return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    case Kind::Bool: return a.u == b.u ? 0 : a.u == 0 ? -1 : 1;
    case Kind::Pointer: case Kind::Chan: {
        uint64_t x = pointerOf(a, t), y = pointerOf(b, t);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    case Kind::Struct: {
        auto* x = static_cast<vm::BoxObj*>(a.p);
        auto* y = static_cast<vm::BoxObj*>(b.p);
        for (size_t i = 0; i < t->fields.size(); i++)
            if (int c = compareValues(x->fields[i], y->fields[i], t->fields[i].type)) return c;
        return 0;
    }
    case Kind::Array: {
        auto* x = static_cast<vm::ArrayObj*>(a.p);
        auto* y = static_cast<vm::ArrayObj*>(b.p);
        for (int64_t i = 0; i < x->len; i++)
            if (int c = compareValues(elemAt(x, i), elemAt(y, i), t->elem)) return c;
        return 0;
    }
    case Kind::Interface: {
        if (!a.p || !b.p) return !a.p && !b.p ? 0 : !a.p ? -1 : 1;
        auto* x = static_cast<vm::IfaceObj*>(a.p);
        auto* y = static_cast<vm::IfaceObj*>(b.p);
        // Go orders dynamic types by their descriptors' addresses; gol by their ids.
        if (x->type != y->type) return x->type->id < y->type->id ? -1 : 1;
        return compareValues(x->value, y->value, x->type);
    }
    default: return 0;
    }
}

struct Walker {
    vm::NativeCall& c;
    Printer& p;
    ValueOperands* ops; // null outside an operand list
    bool panicking = false;

    void printArg(Value iface, rune verb, int argIndex);
    bool handleMethods(Value v, const RType* t, rune verb, int argIndex);
    void printValue(Value v, const RType* t, rune verb, int depth, bool canIface);
    void fmtPointerValue(Value v, const RType* t, rune verb);
    void badVerbArg(rune verb, Value v, const RType* t) {
        p.badVerb(verb, t->str, [&] { printArgValue(v, t, 'v'); });
    }
    // printArg of a non-nil operand given as (value, dynamic type).
    void printArgValue(Value v, const RType* t, rune verb, int argIndex = -1);
    // Calls fn(args) for a method `name` of t on v, which returns a string; false when it
    // panicked (Go's catchPanic output written instead).
    bool callStringMethod(vm::FuncObj* fn, Value* args, uint32_t numArgs, Value v, const RType* t, rune verb,
                          const char* name, std::string& out);
    bool callStringMethod(const vm::Proto* m, Value v, const RType* t, rune verb, const char* name,
                          std::string& out) {
        return callStringMethod(const_cast<vm::Proto*>(m)->staticFunc, &v, 1, v, t, verb, name, out);
    }
    // A Formatter operand: its Format method called through fmt.callFormat with a *fmt.pp State.
    void callFormat(Value v, const RType* t, rune verb);
    bool isFormatter(const RType* t);
    // fmt.Formatter's runtime type and fmt.callFormat, looked up once per walk (only operands
    // with a Format method pay); null in a program that never mentions them.
    bool formatLookedUp = false;
    const RType* formatterType = nullptr;
    const vm::Proto* callFormatProto = nullptr;
};

bool Walker::isFormatter(const RType* t) {
    // time.Time's Format(layout) string and the like share the name: only fmt.Formatter's
    // counts.
    if (!c.vm.findMethod(t, "Format", "func(fmt.State, int32)")) return false;
    if (!formatLookedUp) {
        formatLookedUp = true;
        const vm::Program& prog = c.vm.program();
        for (const auto& rt : prog.types)
            if (rt->kind == Kind::Interface && rt->str == "fmt.Formatter") formatterType = rt.get();
        for (const auto& proto : prog.protos)
            if (proto->name == "fmt.callFormat") callFormatProto = proto.get();
    }
    return formatterType && callFormatProto && c.vm.implements(t, formatterType);
}

bool isExactBasic(const RType* t) { return !t->named && t->kind >= Kind::Bool && t->kind <= Kind::String; }
bool isExactByteSlice(const RType* t) {
    return !t->named && t->kind == Kind::Slice && t->elem->kind == Kind::Uint8 && !t->elem->named;
}

void Walker::printArg(Value iface, rune verb, int argIndex) {
    auto* io = static_cast<vm::IfaceObj*>(iface.p);
    if (p.printNilOrType(io == nullptr, io ? std::string_view(io->type->str) : std::string_view(), verb)) return;
    printArgValue(io->value, io->type, verb, argIndex);
}

void Walker::printArgValue(Value v, const RType* t, rune verb, int argIndex) {
    if (verb == 'T') {
        p.fmt.fmtS(t->str);
        return;
    }
    if (verb == 'p') {
        fmtPointerValue(v, t, 'p');
        return;
    }
    if (isExactBasic(t)) {
        switch (t->kind) {
        case Kind::Bool: p.fmtBool(v.asBool(), verb, t->str); return;
        case Kind::Float32: p.fmtFloat(v.f, 32, verb, t->str); return;
        case Kind::Float64: p.fmtFloat(v.f, 64, verb, t->str); return;
        case Kind::String: p.fmtString(vm::strView(v), verb, t->str); return;
        default: p.fmtInteger(v.u, isSignedKind(t->kind), verb, t->str); return;
        }
    }
    if (isExactByteSlice(t)) {
        p.fmtBytes(byteView(v, t), v.p == nullptr, verb, "[]byte");
        return;
    }
    if (!handleMethods(v, t, verb, argIndex)) printValue(v, t, verb, 0, true);
}

bool Walker::callStringMethod(vm::FuncObj* fn, Value* args, uint32_t numArgs, Value v, const RType* t,
                              rune verb, const char* name, std::string& out) {
    Value res;
    vm::Thread& th = c.thread;
    Value panicVal;
    try {
        c.vm.callFunction(th, fn, args, numArgs, &res, 1);
        out.assign(vm::strView(res));
        return true;
    } catch (vm::PanicUnwind&) {
        // Go's catchPanic recovers the method's panic: take it off the goroutine's panic stack.
        if (th.panics.empty() || th.panics.back().goexit) throw;
        panicVal = th.panics.back().value;
        th.panics.pop_back();
        th.pendingPanicKind = 0;
    } catch (vm::RuntimeError& e) {
        panicVal = c.vm.runtimeErrorValue(e.msg);
    } catch (vm::GoPanic& g) {
        panicVal = g.value;
    }
    // A nil pointer receiver: Go prints "<nil>".
    if (t->kind == Kind::Pointer && v.p == nullptr) {
        p.fmt.fmtS(kNilAngle);
        return false;
    }
    if (panicking) c.panicValue(panicVal); // a panic while printing a panic: give up, as Go does
    Flags old = p.fmt.flags;
    p.fmt.clearflags();
    p.buf += "%!";
    p.writeRune(verb);
    p.buf += "(PANIC=";
    p.buf += name;
    p.buf += " method: ";
    panicking = true;
    printArg(panicVal, 'v', -1);
    panicking = false;
    p.buf.push_back(')');
    p.fmt.flags = old;
    return false;
}

bool Walker::handleMethods(Value v, const RType* t, rune verb, int argIndex) {
    if (p.erroring) return false;
    if (verb == 'w') {
        // %w is only valid in Errorf with an error operand.
        const vm::Proto* em = c.vm.findMethod(t, "Error", "func() string");
        if (!em || !ops || !ops->wrapErrs || argIndex < 0) {
            badVerbArg(verb, v, t);
            return true;
        }
        ops->wrapped.push_back(argIndex);
        verb = 'v';
    }
    if (isFormatter(t)) {
        callFormat(v, t, verb);
        return true;
    }
    if (p.fmt.flags.sharpV) {
        if (const vm::Proto* gm = c.vm.findMethod(t, "GoString", "func() string")) {
            std::string s;
            if (callStringMethod(gm, v, t, verb, "GoString", s)) p.fmt.fmtS(s);
            return true;
        }
        return false;
    }
    switch (verb) {
    case 'v': case 's': case 'x': case 'X': case 'q': {
        const char* name = "Error";
        const vm::Proto* m = c.vm.findMethod(t, "Error", "func() string");
        if (!m) {
            name = "String";
            m = c.vm.findMethod(t, "String", "func() string");
        }
        if (!m) return false;
        std::string s;
        if (callStringMethod(m, v, t, verb, name, s)) p.fmtString(s, verb, t->str);
        return true;
    }
    default: return false;
    }
}

void Walker::callFormat(Value v, const RType* t, rune verb) {
    const Flags& fl = p.fmt.flags;
    std::string flags;
    if (fl.space) flags.push_back(' ');
    if (fl.plus || fl.plusV) flags.push_back('+');
    if (fl.minus) flags.push_back('-');
    if (fl.sharp || fl.sharpV) flags.push_back('#');
    if (fl.zero) flags.push_back('0');
    Value args[7];
    args[0] = Value::fromObj(c.vm.heap().newIface(t, v));
    c.root(args[0]);
    args[1] = Value::fromInt(verb);
    args[2] = Value::fromInt(fl.widPresent ? p.fmt.wid : 0);
    args[3] = Value::fromInt(fl.precPresent ? p.fmt.prec : 0);
    args[4] = Value::fromBool(fl.widPresent);
    args[5] = Value::fromBool(fl.precPresent);
    args[6] = c.str(flags);
    c.root(args[6]);
    std::string out;
    if (callStringMethod(callFormatProto->staticFunc, args, 7, v, t, verb, "Format", out)) p.buf += out;
}

void Walker::fmtPointerValue(Value v, const RType* t, rune verb) {
    switch (t->kind) {
    case Kind::Chan: case Kind::Func: case Kind::Map: case Kind::Pointer: case Kind::Slice:
        p.fmtPointer(pointerOf(v, t), verb, t->str);
        return;
    default:
        badVerbArg(verb, v, t);
    }
}

void Walker::printValue(Value v, const RType* t, rune verb, int depth, bool canIface) {
    if (depth > 0 && canIface && handleMethods(v, t, verb, -1)) return;
    Flags& fl = p.fmt.flags;
    switch (t->kind) {
    case Kind::Bool: p.fmtBool(v.asBool(), verb, t->str); return;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
        p.fmtInteger(v.u, true, verb, t->str);
        return;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
        p.fmtInteger(v.u, false, verb, t->str);
        return;
    case Kind::Float32: p.fmtFloat(v.f, 32, verb, t->str); return;
    case Kind::Float64: p.fmtFloat(v.f, 64, verb, t->str); return;
    case Kind::String: p.fmtString(vm::strView(v), verb, t->str); return;
    case Kind::Map: {
        auto* m = static_cast<vm::MapObj*>(v.p);
        if (fl.sharpV) {
            p.buf += t->str;
            if (!m) {
                p.buf += kNilParen;
                return;
            }
            p.buf.push_back('{');
        } else {
            p.buf += "map[";
        }
        std::vector<std::pair<Value, Value>> entries;
        if (m) {
            entries.reserve(size_t(m->count));
            for (const vm::MapEntry& e : m->entries)
                if (e.live) entries.emplace_back(e.key, e.value);
        }
        std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
            return compareValues(a.first, b.first, t->key) < 0;
        });
        for (size_t i = 0; i < entries.size(); i++) {
            if (i > 0) {
                if (fl.sharpV) p.buf += ", ";
                else p.buf.push_back(' ');
            }
            printValue(entries[i].first, t->key, verb, depth + 1, canIface);
            p.buf.push_back(':');
            printValue(entries[i].second, t->elem, verb, depth + 1, canIface);
        }
        p.buf.push_back(fl.sharpV ? '}' : ']');
        return;
    }
    case Kind::Struct: {
        auto* b = static_cast<vm::BoxObj*>(v.p);
        if (fl.sharpV) p.buf += t->str;
        p.buf.push_back('{');
        for (size_t i = 0; i < t->fields.size(); i++) {
            if (i > 0) {
                if (fl.sharpV) p.buf += ", ";
                else p.buf.push_back(' ');
            }
            const vm::RField& f = t->fields[i];
            if ((fl.plusV || fl.sharpV) && !f.name.empty()) {
                p.buf += f.name;
                p.buf.push_back(':');
            }
            Value fv = b ? b->fields[i] : Value{};
            const RType* ft = f.type;
            // Go's getField: a non-nil interface field is printed as its dynamic value.
            if (ft->kind == Kind::Interface && fv.p) {
                auto* io = static_cast<vm::IfaceObj*>(fv.p);
                fv = io->value;
                ft = io->type;
            }
            printValue(fv, ft, verb, depth + 1, canIface && f.exported);
        }
        p.buf.push_back('}');
        return;
    }
    case Kind::Interface: {
        auto* io = static_cast<vm::IfaceObj*>(v.p);
        if (!io) {
            if (fl.sharpV) {
                p.buf += t->str;
                p.buf += kNilParen;
            } else {
                p.buf += kNilAngle;
            }
            return;
        }
        printValue(io->value, io->type, verb, depth + 1, canIface);
        return;
    }
    case Kind::Array: case Kind::Slice: {
        if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && t->elem->kind == Kind::Uint8) {
            p.fmtBytes(byteView(v, t), v.p == nullptr, verb, t->str);
            return;
        }
        vm::ArrayObj* a = nullptr;
        int64_t off = 0, n = 0;
        if (t->kind == Kind::Slice) {
            if (auto* s = static_cast<vm::SliceObj*>(v.p)) a = s->array, off = s->off, n = s->len;
        } else if (v.p) {
            a = static_cast<vm::ArrayObj*>(v.p), n = a->len;
        }
        if (fl.sharpV) {
            p.buf += t->str;
            if (t->kind == Kind::Slice && !v.p) {
                p.buf += kNilParen;
                return;
            }
            p.buf.push_back('{');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0) p.buf += ", ";
                printValue(elemAt(a, off + i), t->elem, verb, depth + 1, canIface);
            }
            p.buf.push_back('}');
        } else {
            p.buf.push_back('[');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0) p.buf.push_back(' ');
                printValue(elemAt(a, off + i), t->elem, verb, depth + 1, canIface);
            }
            p.buf.push_back(']');
        }
        return;
    }
    case Kind::Pointer:
        // A pointer to an array, slice, struct or map prints as &{...} at the top level only
        // (deeper, an address), which also keeps cyclic structures finite.
        if (depth == 0 && v.p) {
            const RType* e = t->elem;
            switch (e->kind) {
            case Kind::Array: case Kind::Struct:
                p.buf.push_back('&');
                printValue(v, e, verb, depth + 1, canIface);
                return;
            case Kind::Slice: case Kind::Map:
                p.buf.push_back('&');
                printValue(deref(v, e), e, verb, depth + 1, canIface);
                return;
            default: break;
            }
        }
        [[fallthrough]];
    case Kind::Chan: case Kind::Func:
        switch (verb) {
        case 'v': case 'p': case 'b': case 'o': case 'd': case 'x': case 'X':
            p.fmtPointer(pointerOf(v, t), verb, t->str);
            return;
        default:
            // Go's badVerb prints the operand again with printValue(value, 'v', 0).
            p.badVerb(verb, t->str, [&] { printValue(v, t, 'v', 0, canIface); });
            return;
        }
    default:
        p.buf += "?";
        return;
    }
}

} // namespace

ValueOperands::ValueOperands(vm::NativeCall& c, vm::Value args)
    : c_(c), slice_(static_cast<vm::SliceObj*>(args.p)), n_(slice_ ? slice_->len : 0) {}

vm::Value ValueOperands::arg(int i) const { return slice_->array->slots()[slice_->off + i]; }

void ValueOperands::print(Printer& p, int i, rune verb) {
    Walker w{c_, p, this};
    w.printArg(arg(i), verb, i);
}

std::optional<int64_t> ValueOperands::intValue(int i) const {
    auto* io = static_cast<vm::IfaceObj*>(arg(i).p);
    if (!io) return std::nullopt;
    Kind k = io->type->kind;
    if (isSignedKind(k)) return io->value.i;
    if (vm::isUnsignedKind(k) && io->value.u <= uint64_t(INT64_MAX)) return io->value.i;
    return std::nullopt;
}

std::string ValueOperands::typeString(int i) const {
    auto* io = static_cast<vm::IfaceObj*>(arg(i).p);
    return io ? io->type->str : std::string(kNilAngle);
}

bool ValueOperands::isString(int i) const {
    auto* io = static_cast<vm::IfaceObj*>(arg(i).p);
    return io && io->type->kind == Kind::String;
}

void printTypedValue(vm::NativeCall& c, Printer& p, vm::Value v, const vm::RType* t, rune verb) {
    Walker w{c, p, nullptr};
    if (t->kind == Kind::Interface) w.printArg(v, verb, -1);
    else w.printArgValue(v, t, verb, -1);
}

} // namespace gol::stdlib::fmt
