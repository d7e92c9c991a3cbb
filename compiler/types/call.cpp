// Calls, conversions and builtins (Go's call.go, conversions.go, builtins.go).
#include "compiler/types/checker.hpp"

#include <algorithm>

namespace gol::types {

using namespace ast;
using syntax::Tok;

namespace {
const char* const kInvalidOp = "invalid operation: ";
const char* const kInvalidArg = "invalid argument: ";

bool isBytesOrRunes(const Type* t) {
    auto* s = under(t)->as<Slice>();
    if (s == nullptr) return false;
    auto* b = under(s->elem)->as<Basic>();
    return b != nullptr && (b->kind == Kind::Uint8 || b->kind == Kind::Int32);
}
} // namespace

// Evaluates call arguments: a single multi-valued call spreads into several operands.
void Checker::genericExprList(const std::vector<Expr*>& es, std::vector<Operand>& out) {
    if (es.size() == 1) {
        multiExpr(out, es[0]);
        return;
    }
    for (Expr* e : es) {
        Operand x;
        expr(x, e);
        out.push_back(x);
    }
}

namespace {
std::string typesSummary(Checker& c, const std::vector<Type*>& list, bool variadic) {
    std::string r = "(";
    for (size_t i = 0; i < list.size(); i++) {
        if (i > 0) r += ", ";
        Type* t = list[i];
        if (t == nullptr || isInvalid(t))
            r += "unknown type";
        else if (isUntyped(t)) {
            if (isNumeric(t))
                r += "number";
            else {
                std::string n = t->as<Basic>()->name;
                r += n.substr(n.rfind(' ') + 1);
            }
        } else if (variadic && i + 1 == list.size() && t->is<Slice>()) {
            r += "..." + c.ts(t->as<Slice>()->elem);
        } else {
            r += c.ts(t);
        }
    }
    return r + ")";
}
} // namespace

void Checker::arguments(CallExpr* call, Signature* sig, std::vector<Operand>& args, bool ddd,
                        const std::string& fname) {
    size_t nargs = args.size();
    size_t npars = sig->params->size();
    std::vector<Type*> params = sig->params->types;
    if (sig->variadic) {
        if (ddd) {
            if (call->args.size() == 1 && nargs > 1) {
                error(call, "cannot use ... with " + std::to_string(nargs) + "-valued " +
                                exprString(call->args[0]));
                return;
            }
        } else {
            // Expand ...T into as many T parameters as there are extra arguments.
            Type* last = params.back();
            Type* elem = last->as<Slice>() ? last->as<Slice>()->elem : last;
            params.pop_back();
            while (params.size() < nargs)
                params.push_back(elem);
            if (nargs < npars - 1) {
                // not enough arguments: keep the summary in terms of the declared list
                params = sig->params->types;
            }
        }
    } else if (ddd) {
        error(call, "cannot use ... in call to non-variadic " + fname);
        return;
    }
    size_t want = sig->variadic && !ddd ? npars - 1 : npars;
    bool countOk = sig->variadic && !ddd ? nargs >= want : nargs == npars;
    if (!countOk) {
        // Go reports at the first extra argument, else at the last argument,
        // else at the closing parenthesis.
        Pos at = call->rparen;
        std::string q = "not enough";
        if (nargs > npars && !(sig->variadic && !ddd)) {
            q = "too many";
            at = args[npars].expr != nullptr ? args[npars].expr->pos : at;
        } else if (nargs > 0 && args[nargs - 1].expr != nullptr) {
            at = args[nargs - 1].expr->pos;
        }
        std::vector<Type*> have;
        for (Operand& a : args)
            have.push_back(a.isNil() ? ctx.basic(Kind::UntypedNil) : a.type);
        error(at, q + " arguments in call to " + fname + "\n\thave " + typesSummary(*this, have, false) +
                      "\n\twant " + typesSummary(*this, sig->params->types, sig->variadic));
        return;
    }
    std::string context = "argument to " + fname;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i].invalid()) continue;
        assignment(args[i], params[i], context);
    }
}

void Checker::callExpr(Operand& x, CallExpr* call) {
    exprOrType(x, call->fun);
    switch (x.mode) {
    case Mode::Invalid:
        useExprs(call->args);
        x.expr = call;
        call->callKind = static_cast<uint8_t>(CallKind::Invalid);
        return;
    case Mode::TypeExpr: {
        Type* T = x.type;
        x.mode = Mode::Invalid;
        call->callKind = static_cast<uint8_t>(CallKind::Conversion);
        if (call->args.size() != 1) {
            if (call->args.empty())
                error(call->rparen, "missing argument in conversion to " + ts(T));
            else
                error(call->args[1], "too many arguments in conversion to " + ts(T));
            useExprs(call->args);
            x.expr = call;
            return;
        }
        if (call->hasEllipsis) {
            error(call->args[0], "invalid use of ... in conversion to " + ts(T));
            useExprs(call->args);
            x.expr = call;
            return;
        }
        exprWithHint(x, call->args[0], T);
        if (x.invalid()) {
            x.expr = call;
            return;
        }
        conversion(x, T, call);
        x.expr = call;
        return;
    }
    case Mode::Builtin:
        call->callKind = static_cast<uint8_t>(CallKind::Builtin);
        builtin(x, call, x.id);
        x.expr = call;
        return;
    default: break;
    }
    auto* sig = under(x.type)->as<Signature>();
    if (sig == nullptr) {
        error(call->fun, std::string(kInvalidOp) + "cannot call non-function " + opString(x));
        useExprs(call->args);
        x.mode = Mode::Invalid;
        x.expr = call;
        return;
    }
    // Callee kind for the code generator.
    CallKind kind = CallKind::Value;
    Expr* fun = unparen(call->fun);
    if (auto* id = as<Ident>(fun)) {
        if (id->obj != nullptr && id->obj->kind == ObjKind::Func) kind = CallKind::Func;
    } else if (auto* sel = as<SelectorExpr>(fun)) {
        if (sel->pkgObj != nullptr && sel->pkgObj->kind == ObjKind::Func)
            kind = CallKind::Func;
        else if (sel->selection != nullptr && sel->selection->kind == SelectionKind::MethodVal) {
            auto* m = sel->selection->obj->as<Func>();
            kind = m != nullptr && m->iface != nullptr && m->recv == nullptr ? CallKind::Interface
                                                                             : CallKind::Method;
        }
    }
    call->callKind = static_cast<uint8_t>(kind);

    std::vector<Operand> args;
    genericExprList(call->args, args);
    arguments(call, sig, args, call->hasEllipsis, exprString(call->fun));

    x.expr = call;
    switch (sig->results->size()) {
    case 0:
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        break;
    case 1:
        x.mode = Mode::Value;
        x.type = sig->results->at(0);
        break;
    default:
        x.mode = Mode::Value;
        x.type = sig->results;
        break;
    }
}

bool Checker::convertibleTo(Operand& x, Type* T, std::string* cause) {
    if (assignableTo(x, T, cause)) return true;
    Type* V = x.type;
    Type* Vu = under(V);
    Type* Tu = under(T);
    // Identical underlying types, ignoring struct tags.
    auto identicalIgnoreTags = [&](Type* a, Type* b) {
        if (identical(a, b)) return true;
        auto* sa = a->as<Struct>();
        auto* sb = b->as<Struct>();
        if (sa == nullptr || sb == nullptr || sa->fields.size() != sb->fields.size()) return false;
        for (size_t i = 0; i < sa->fields.size(); i++) {
            Var* fa = sa->fields[i];
            Var* fb = sb->fields[i];
            if (fa->name != fb->name || fa->embedded != fb->embedded || !identical(fa->type, fb->type))
                return false;
        }
        return true;
    };
    if (identicalIgnoreTags(Vu, Tu)) return true;
    if (V->is<Pointer>() && T->is<Pointer>() &&
        identicalIgnoreTags(under(V->as<Pointer>()->elem), under(T->as<Pointer>()->elem)))
        return true;
    auto intOrFloat = [](Type* t) { return isInteger(t) || isFloat(t); };
    if (intOrFloat(Vu) && intOrFloat(Tu)) return true;
    if ((isInteger(Vu) || isBytesOrRunes(Vu)) && isString(Tu)) return true;
    if (isString(Vu) && isBytesOrRunes(Tu)) return true;
    if (auto* s = Vu->as<Slice>()) {
        if (auto* a = Tu->as<Array>())
            if (identical(s->elem, a->elem)) return true;
        if (auto* p = Tu->as<Pointer>())
            if (auto* a = under(p->elem)->as<Array>())
                if (identical(s->elem, a->elem)) return true;
    }
    return false;
}

void Checker::conversion(Operand& x, Type* T, CallExpr*) {
    bool constArg = x.mode == Mode::Constant;
    bool ok = false;
    std::string cause;
    if (constArg && isConstType(T)) {
        auto* t = under(T)->as<Basic>();
        Constant r;
        if (types::representable(x.val, t, &r) == Representable::Yes) {
            x.val = r;
            ok = true;
        } else if (isInteger(x.type) && isString(t)) {
            uint32_t cp = 0xFFFD;
            Constant iv = toInt(x.val);
            int64_t v = 0;
            if (iv.toInt64(&v) && v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
                cp = static_cast<uint32_t>(v);
            std::string s;
            if (cp < 0x80)
                s += static_cast<char>(cp);
            else if (cp < 0x800) {
                s += static_cast<char>(0xC0 | (cp >> 6));
                s += static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                s += static_cast<char>(0xE0 | (cp >> 12));
                s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                s += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                s += static_cast<char>(0xF0 | (cp >> 18));
                s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                s += static_cast<char>(0x80 | (cp & 0x3F));
            }
            x.val = Constant::makeString(s);
            ok = true;
        }
        if (!ok && isInteger(x.type) && isInteger(T)) {
            error(x.expr, "constant " + x.val.toString() + " overflows " + ts(T));
            x.mode = Mode::Invalid;
            return;
        }
    } else if (convertibleTo(x, T, &cause)) {
        ok = true;
        x.mode = Mode::Value;
    }
    if (!ok) {
        if (!cause.empty())
            error(x.expr, "cannot convert " + opString(x) + " to type " + ts(T) + ": " + cause);
        else
            error(x.expr, "cannot convert " + opString(x) + " to type " + ts(T));
        x.mode = Mode::Invalid;
        return;
    }
    if (isUntyped(x.type)) {
        Type* final = T;
        if (x.type->kind == Kind::UntypedNil) {
            final = x.type;
        } else if (isInterface(T) || (constArg && !isConstType(T))) {
            final = defaultType(ctx, x.type);
        } else if (x.mode == Mode::Constant && isInteger(x.type) && isString(T)) {
            final = x.type;
        }
        updateExprType(x.expr, final, true);
    }
    x.type = T;
}

// ---------------------------------------------------------------------------
// Builtins

void Checker::builtin(Operand& x, CallExpr* call, BuiltinId id) {
    static const struct {
        const char* name;
        int nargs;
        bool variadic;
    } kInfo[] = {
        {"append", 1, true}, {"cap", 1, false},    {"clear", 1, false},   {"close", 1, false},
        {"copy", 2, false},  {"delete", 2, false}, {"len", 1, false},     {"make", 1, true},
        {"max", 1, true},    {"min", 1, true},     {"new", 1, false},     {"panic", 1, false},
        {"print", 0, true},  {"println", 0, true}, {"recover", 0, false},
    };
    const auto& bin = kInfo[static_cast<int>(id)];
    std::string callStr = exprString(call);

    if (call->hasEllipsis && id != BuiltinId::Append) {
        error(call, std::string(kInvalidOp) + "invalid use of ... with built-in " + bin.name);
        useExprs(call->args);
        x.mode = Mode::Invalid;
        return;
    }
    // make and new take a type first: evaluate arguments per builtin.
    std::vector<Operand> args;
    size_t nargs = call->args.size();
    if (id != BuiltinId::Make && id != BuiltinId::New) {
        genericExprList(call->args, args);
        nargs = args.size();
        for (Operand& a : args)
            if (a.invalid()) {
                x.mode = Mode::Invalid;
                return;
            }
    }
    {
        std::string msg;
        if (static_cast<int>(nargs) < bin.nargs)
            msg = "not enough";
        else if (!bin.variadic && static_cast<int>(nargs) > bin.nargs)
            msg = "too many";
        if (!msg.empty()) {
            error(call->rparen, std::string(kInvalidOp) + msg + " arguments for " + callStr + " (expected " +
                                    std::to_string(bin.nargs) + ", found " + std::to_string(nargs) + ")");
            if (id == BuiltinId::Make || id == BuiltinId::New) useExprs(call->args);
            x.mode = Mode::Invalid;
            return;
        }
    }
    x.mode = Mode::Invalid;
    x.expr = call;
    switch (id) {
    case BuiltinId::Append: {
        Operand& s = args[0];
        Type* S = s.type;
        auto* sl = under(S)->as<Slice>();
        if (sl == nullptr) {
            std::string cause = s.isNil() ? "have untyped nil" : "have " + opString(s);
            error(s.expr, "first argument to append must be a slice; " + cause);
            return;
        }
        if (nargs == 2 && call->hasEllipsis) {
            Operand tmp = s;
            if (assignableTo(tmp, ctx.slice(ctx.byteType()), nullptr) && isString(args[1].type)) {
                if (isUntyped(args[1].type)) convertUntyped(args[1], ctx.basic(Kind::String));
                x.mode = Mode::Value;
                x.type = S;
                return;
            }
        }
        Signature* sig = ctx.signature({S, ctx.slice(sl->elem)}, {S}, true);
        arguments(call, sig, args, call->hasEllipsis, "append");
        x.mode = Mode::Value;
        x.type = S;
        return;
    }
    case BuiltinId::Cap:
    case BuiltinId::Len: {
        Operand& a = args[0];
        Type* u = under(a.type);
        if (auto* p = u->as<Pointer>())
            if (under(p->elem)->is<Array>()) u = under(p->elem);
        bool ok = false;
        bool constant = false;
        Constant val;
        switch (u->kind) {
        case Kind::String:
        case Kind::UntypedString:
            if (id == BuiltinId::Len) {
                ok = true;
                if (a.mode == Mode::Constant) {
                    constant = true;
                    val = Constant::makeInt(static_cast<int64_t>(a.val.s.size()));
                }
            }
            break;
        case Kind::Array: {
            ok = true;
            // len of an array is constant unless the operand contains calls or receives.
            bool hasCall = false;
            std::function<void(Expr*)> scan = [&](Expr* e) {
                if (e == nullptr || hasCall) return;
                if (isa<CallExpr>(e)) {
                    auto* c = cast<CallExpr>(e);
                    if (c->callKind != static_cast<uint8_t>(CallKind::Conversion)) hasCall = true;
                    return;
                }
                if (auto* un = as<UnaryExpr>(e)) {
                    if (un->op == Tok::Arrow) hasCall = true;
                    scan(un->x);
                } else if (auto* pe = as<ParenExpr>(e))
                    scan(pe->x);
                else if (auto* se = as<SelectorExpr>(e))
                    scan(se->x);
                else if (auto* ie = as<IndexExpr>(e)) {
                    scan(ie->x);
                    scan(ie->index);
                } else if (auto* st = as<StarExpr>(e))
                    scan(st->x);
                else if (auto* be = as<BinaryExpr>(e)) {
                    scan(be->x);
                    scan(be->y);
                } else if (auto* cl = as<CompositeLit>(e)) {
                    for (Expr* el : cl->elts) {
                        if (auto* kv = as<KeyValueExpr>(el)) {
                            scan(kv->key);
                            scan(kv->value);
                        } else {
                            scan(el);
                        }
                    }
                } else if (auto* sl = as<SliceExpr>(e)) {
                    scan(sl->x);
                    scan(sl->low);
                    scan(sl->high);
                    scan(sl->max);
                }
            };
            scan(a.expr);
            if (!hasCall) {
                constant = true;
                val = Constant::makeInt(u->as<Array>()->len);
            }
            break;
        }
        case Kind::Slice:
        case Kind::Chan: ok = true; break;
        case Kind::Map: ok = id == BuiltinId::Len; break;
        default: break;
        }
        if (!ok) {
            error(a.expr, std::string(kInvalidArg) + opString(a) + " for built-in " + bin.name);
            return;
        }
        if (isUntyped(a.type)) convertUntyped(a, ctx.basic(Kind::String));
        if (constant) {
            x.mode = Mode::Constant;
            x.val = val;
        } else {
            x.mode = Mode::Value;
        }
        x.type = ctx.basic(Kind::Int);
        return;
    }
    case BuiltinId::Clear: {
        Type* u = under(args[0].type);
        if (!u->is<Map>() && !u->is<Slice>()) {
            error(args[0].expr, std::string(kInvalidArg) + "cannot clear " + opString(args[0]) +
                                    ": argument must be (or constrained by) map or slice");
            return;
        }
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        return;
    }
    case BuiltinId::Close: {
        auto* c = under(args[0].type)->as<Chan>();
        if (c == nullptr) {
            error(args[0].expr, std::string(kInvalidOp) + "cannot close non-channel " + opString(args[0]));
            return;
        }
        if (c->dir == ChanDir::Recv) {
            error(args[0].expr,
                  std::string(kInvalidOp) + "cannot close receive-only channel " + opString(args[0]));
            return;
        }
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        return;
    }
    case BuiltinId::Copy: {
        Operand& dst = args[0];
        Operand& src = args[1];
        auto* ds = under(dst.type)->as<Slice>();
        Type* dstElem = ds != nullptr ? ds->elem : nullptr;
        Type* srcElem = nullptr;
        if (auto* ss = under(src.type)->as<Slice>())
            srcElem = ss->elem;
        else if (isString(src.type))
            srcElem = ctx.byteType();
        if (dstElem == nullptr || srcElem == nullptr) {
            error(call, std::string(kInvalidArg) + "copy expects slice arguments; found " + opString(dst) +
                            " and " + opString(src));
            return;
        }
        if (!identical(dstElem, srcElem)) {
            error(call, std::string(kInvalidArg) + "arguments to copy " + opString(dst) + " and " +
                            opString(src) + " have different element types " + ts(dstElem) + " and " +
                            ts(srcElem));
            return;
        }
        if (isUntyped(src.type)) convertUntyped(src, ctx.basic(Kind::String));
        x.mode = Mode::Value;
        x.type = ctx.basic(Kind::Int);
        return;
    }
    case BuiltinId::Delete: {
        auto* m = under(args[0].type)->as<Map>();
        if (m == nullptr) {
            error(args[0].expr, std::string(kInvalidArg) + opString(args[0]) + " is not a map");
            return;
        }
        assignment(args[1], m->key, "argument to delete");
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        return;
    }
    case BuiltinId::Make: {
        Type* T = typExpr(call->args[0]);
        if (isInvalid(T)) {
            useExprs(std::vector<Expr*>(call->args.begin() + 1, call->args.end()));
            return;
        }
        size_t min = 1;
        Type* u = under(T);
        switch (u->kind) {
        case Kind::Slice: min = 2; break;
        case Kind::Map:
        case Kind::Chan: min = 1; break;
        default:
            error(call->args[0], std::string(kInvalidArg) + "cannot make " + exprString(call->args[0]) +
                                     "; type must be slice, map, or channel");
            useExprs(std::vector<Expr*>(call->args.begin() + 1, call->args.end()));
            return;
        }
        if (nargs < min || min + 1 < nargs) {
            error(call, std::string(kInvalidOp) + callStr + " expects " + std::to_string(min) + " or " +
                            std::to_string(min + 1) + " arguments; found " + std::to_string(nargs));
            useExprs(std::vector<Expr*>(call->args.begin() + 1, call->args.end()));
            return;
        }
        int64_t sizes[2] = {-1, -1};
        int n = 0;
        bool valid = true;
        for (size_t i = 1; i < nargs; i++) {
            Operand a;
            expr(a, call->args[i]);
            if (!isValidIndex(a, "index", false)) {
                valid = false;
                continue;
            }
            if (a.mode == Mode::Constant) sizes[n] = a.val.int64();
            n++;
        }
        if (valid && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
            error(call->args[1], std::string(kInvalidArg) + "length and capacity swapped");
        }
        x.mode = Mode::Value;
        x.type = T;
        return;
    }
    case BuiltinId::New: {
        Type* T = typExpr(call->args[0]);
        if (isInvalid(T)) return;
        x.mode = Mode::Value;
        x.type = ctx.pointer(T);
        return;
    }
    case BuiltinId::Panic: {
        assignment(args[0], ctx.emptyInterface(), "argument to panic");
        if (args[0].invalid()) return;
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        return;
    }
    case BuiltinId::Print:
    case BuiltinId::Println: {
        for (Operand& a : args) {
            assignment(a, nullptr, std::string("argument to built-in ") + bin.name);
            if (a.invalid()) return;
        }
        x.mode = Mode::NoValue;
        x.type = ctx.tuple({});
        return;
    }
    case BuiltinId::Recover:
        x.mode = Mode::Value;
        x.type = ctx.emptyInterface();
        return;
    case BuiltinId::Max:
    case BuiltinId::Min: {
        Operand& a = args[0];
        for (size_t i = 0; i < args.size(); i++) {
            Operand& b = args[i];
            if (!isOrdered(b.type)) {
                error(b.expr, std::string(kInvalidArg) + opString(b) + " cannot be ordered");
                return;
            }
            if (i == 0) continue;
            matchTypes(a, b);
            if (a.invalid()) return;
            if (!identical(a.type, b.type)) {
                error(b.expr, std::string(kInvalidArg) + "mismatched types " + ts(a.type) +
                                  " (previous argument) and " + ts(b.type) + " (type of " +
                                  exprString(b.expr) + ")");
                return;
            }
            if (a.mode == Mode::Constant && b.mode == Mode::Constant) {
                bool less = compareOp(Tok::Lss, b.val, a.val);
                if ((id == BuiltinId::Min) == less) a.val = b.val;
            } else {
                a.mode = Mode::Value;
            }
        }
        if (a.mode != Mode::Constant) {
            a.mode = Mode::Value;
            for (Operand& b : args)
                updateExprType(b.expr, defaultType(ctx, a.type), true);
            a.type = defaultType(ctx, a.type);
        }
        x.mode = a.mode;
        x.type = a.type;
        x.val = a.val;
        return;
    }
    }
}

} // namespace gol::types
