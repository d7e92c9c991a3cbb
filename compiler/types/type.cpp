// Type predicates and Go-spelled type strings.
#include "compiler/types/type.hpp"
#include "compiler/types/context.hpp"
#include "compiler/types/object.hpp"

namespace gol::types {

int Struct::fieldIndex(const std::string& name) const {
    for (size_t i = 0; i < fields.size(); i++)
        if (fields[i]->name == name) return static_cast<int>(i);
    return -1;
}

int Interface::methodIndex(const std::string& name) const {
    for (size_t i = 0; i < methods.size(); i++)
        if (methods[i]->name == name) return static_cast<int>(i);
    return -1;
}

int Named::methodIndex(const std::string& name) const {
    for (size_t i = 0; i < methods.size(); i++)
        if (methods[i]->name == name) return static_cast<int>(i);
    return -1;
}

Type* under(Type* t) {
    if (t == nullptr) return nullptr;
    if (auto* n = t->as<Named>()) return n->underlying;
    return t;
}

const Type* under(const Type* t) {
    return under(const_cast<Type*>(t));
}

bool identical(const Type* a, const Type* b) {
    if (a == b) return true;
    if (a == nullptr || b == nullptr) return false;
    return a->canon == b->canon;
}

bool isInvalid(const Type* t) {
    return t == nullptr || t->kind == Kind::Invalid;
}

bool isBasicInfo(const Type* t, uint16_t info) {
    t = under(t);
    if (t == nullptr) return false;
    auto* b = t->as<Basic>();
    return b != nullptr && (b->info & info) != 0;
}

bool isUntyped(const Type* t) {
    return t != nullptr && t->kind >= Kind::UntypedBool && t->kind <= Kind::UntypedNil;
}

bool isTyped(const Type* t) {
    return !isUntyped(t);
}

bool isInterface(const Type* t) {
    t = under(t);
    return t != nullptr && t->kind == Kind::Interface;
}

bool isPointer(const Type* t) {
    t = under(t);
    return t != nullptr && t->kind == Kind::Pointer;
}

bool comparable(const Type* t) {
    t = under(t);
    if (t == nullptr) return false;
    switch (t->kind) {
    case Kind::Slice:
    case Kind::Map:
    case Kind::Signature:
    case Kind::Tuple: return false;
    case Kind::UntypedNil: return false;
    case Kind::Struct:
        for (const Var* f : t->as<Struct>()->fields)
            if (!comparable(f->type)) return false;
        return true;
    case Kind::Array: return comparable(t->as<Array>()->elem);
    default: return true;
    }
}

bool hasNil(const Type* t) {
    t = under(t);
    if (t == nullptr) return false;
    switch (t->kind) {
    case Kind::Pointer:
    case Kind::Slice:
    case Kind::Map:
    case Kind::Chan:
    case Kind::Signature:
    case Kind::Interface:
    case Kind::UntypedNil: return true;
    default: return false;
    }
}

Type* defaultType(Context& ctx, Type* t) {
    if (t == nullptr) return t;
    switch (t->kind) {
    case Kind::UntypedBool: return ctx.basic(Kind::Bool);
    case Kind::UntypedInt: return ctx.basic(Kind::Int);
    case Kind::UntypedRune: return ctx.runeType();
    case Kind::UntypedFloat: return ctx.basic(Kind::Float64);
    case Kind::UntypedString: return ctx.basic(Kind::String);
    default: return t;
    }
}

// ---------------------------------------------------------------------------

namespace {

struct TypeWriter {
    const Package* rel;
    bool reflect; // reflect's spelling (%T) instead of go/types' (error messages)
    std::string out;

    void tuple(const Tuple* t, bool variadic) {
        out += '(';
        for (size_t i = 0; i < t->types.size(); i++) {
            if (i > 0) out += ", ";
            const Type* ti = t->types[i];
            if (variadic && i + 1 == t->types.size()) {
                out += "...";
                if (auto* s = ti->as<Slice>()) ti = s->elem;
            }
            type(ti);
        }
        out += ')';
    }

    void signature(const Signature* s) {
        tuple(s->params, s->variadic);
        size_t n = s->results->types.size();
        if (n == 0) return;
        out += ' ';
        if (n == 1) {
            type(s->results->types[0]);
            return;
        }
        tuple(s->results, false);
    }

    void type(const Type* t) {
        if (t == nullptr) {
            out += "<nil>";
            return;
        }
        switch (t->kind) {
        case Kind::Array:
            out += '[' + std::to_string(t->as<Array>()->len) + ']';
            type(t->as<Array>()->elem);
            return;
        case Kind::Slice:
            out += "[]";
            type(t->as<Slice>()->elem);
            return;
        case Kind::Struct: {
            auto* s = t->as<Struct>();
            if (reflect && s->fields.empty()) {
                out += "struct {}";
                return;
            }
            out += reflect ? "struct { " : "struct{";
            for (size_t i = 0; i < s->fields.size(); i++) {
                if (i > 0) out += "; ";
                const Var* f = s->fields[i];
                if (!f->embedded) out += f->name + ' ';
                type(f->type);
                if (!s->tags[i].empty()) out += ' ' + quote(s->tags[i]);
            }
            out += reflect ? " }" : "}";
            return;
        }
        case Kind::Pointer:
            out += '*';
            type(t->as<Pointer>()->elem);
            return;
        case Kind::Signature:
            out += "func";
            signature(t->as<Signature>());
            return;
        case Kind::Interface: {
            auto* it = t->as<Interface>();
            if (it->methods.empty()) {
                out += reflect ? "interface {}" : it->isAny ? "any" : "interface{}";
                return;
            }
            out += reflect ? "interface { " : "interface{";
            for (size_t i = 0; i < it->methods.size(); i++) {
                if (i > 0) out += "; ";
                out += it->methods[i]->name;
                signature(it->methods[i]->signature());
            }
            out += reflect ? " }" : "}";
            return;
        }
        case Kind::Map:
            out += "map[";
            type(t->as<Map>()->key);
            out += ']';
            type(t->as<Map>()->elem);
            return;
        case Kind::Chan: {
            auto* c = t->as<Chan>();
            const char* prefix = c->dir == ChanDir::Send   ? "chan<- "
                                 : c->dir == ChanDir::Recv ? "<-chan "
                                                           : "chan ";
            out += prefix;
            // chan (<-chan int) needs parentheses to parse back.
            bool paren = c->dir != ChanDir::Send && c->elem->kind == Kind::Chan &&
                         c->elem->as<Chan>()->dir == ChanDir::Recv;
            if (paren) out += '(';
            type(c->elem);
            if (paren) out += ')';
            return;
        }
        case Kind::Named: {
            auto* n = t->as<Named>();
            if (n->obj->pkg != nullptr && (reflect || n->obj->pkg != rel)) out += n->obj->pkg->name + '.';
            out += n->obj->name;
            return;
        }
        case Kind::Tuple: tuple(t->as<Tuple>(), false); return;
        default: out += t->as<Basic>()->name; return;
        }
    }

    static std::string quote(const std::string& s) {
        std::string r = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\') r += '\\';
            r += c;
        }
        return r + '"';
    }
};

} // namespace

std::string typeString(const Type* t, const Package* relativeTo) {
    TypeWriter w{relativeTo, false, {}};
    w.type(t);
    return w.out;
}

std::string signatureString(const Signature* sig, const Package* relativeTo) {
    TypeWriter w{relativeTo, false, {}};
    w.signature(sig);
    return w.out;
}

} // namespace gol::types

namespace gol::types {

std::string reflectString(const Type* t) {
    TypeWriter w{nullptr, true, {}};
    w.type(t == nullptr ? t : t->canon);
    return w.out;
}

} // namespace gol::types
