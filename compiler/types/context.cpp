// Context: arena, type interning and the universe scope.
#include "compiler/types/context.hpp"

#include <algorithm>
#include <cstdint>

namespace gol::types {

namespace {

// Keys are built from the component pointers, which are canonical for the
// lifetime of the context.
void addPtr(std::string& key, const void* p) {
    key += std::to_string(reinterpret_cast<uintptr_t>(p));
    key += ',';
}

bool isExportedName(const std::string& n) {
    return !n.empty() && static_cast<unsigned char>(n[0]) >= 'A' && static_cast<unsigned char>(n[0]) <= 'Z';
}

} // namespace

Context::Context() {
    initUniverse();
}
Context::~Context() = default;

Slice* Context::slice(Type* elem) {
    std::string key = "S";
    addPtr(key, elem);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Slice*>(it->second);
    auto* t = make<Slice>(elem);
    interned_[key] = t;
    if (elem->canon != elem) t->canon = slice(elem->canon);
    return t;
}

Array* Context::array(Type* elem, int64_t len) {
    // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on "A" + to_string(...).
    std::string key = "A";
    key += std::to_string(len);
    key += ':';
    addPtr(key, elem);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Array*>(it->second);
    auto* t = make<Array>(elem, len);
    interned_[key] = t;
    if (elem->canon != elem) t->canon = array(elem->canon, len);
    return t;
}

Pointer* Context::pointer(Type* elem) {
    std::string key = "P";
    addPtr(key, elem);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Pointer*>(it->second);
    auto* t = make<Pointer>(elem);
    interned_[key] = t;
    if (elem->canon != elem) t->canon = pointer(elem->canon);
    return t;
}

Map* Context::map(Type* keyT, Type* elem) {
    std::string key = "M";
    addPtr(key, keyT);
    addPtr(key, elem);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Map*>(it->second);
    auto* t = make<Map>(keyT, elem);
    interned_[key] = t;
    if (keyT->canon != keyT || elem->canon != elem) t->canon = map(keyT->canon, elem->canon);
    return t;
}

Chan* Context::chan(ChanDir dir, Type* elem) {
    std::string key = "C";
    key += std::to_string(static_cast<int>(dir));
    key += ':';
    addPtr(key, elem);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Chan*>(it->second);
    auto* t = make<Chan>(dir, elem);
    interned_[key] = t;
    if (elem->canon != elem) t->canon = chan(dir, elem->canon);
    return t;
}

Tuple* Context::tuple(const std::vector<Type*>& types) {
    std::string key = "T";
    bool canonical = true;
    for (Type* t : types) {
        addPtr(key, t);
        canonical = canonical && t->canon == t;
    }
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Tuple*>(it->second);
    auto* t = make<Tuple>();
    t->types = types;
    interned_[key] = t;
    if (!canonical) {
        std::vector<Type*> c;
        for (Type* e : types)
            c.push_back(e->canon);
        t->canon = tuple(c);
    }
    return t;
}

Signature* Context::signature(Tuple* params, Tuple* results, bool variadic) {
    std::string key = variadic ? "FV" : "F";
    addPtr(key, params);
    addPtr(key, results);
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Signature*>(it->second);
    auto* t = make<Signature>(params, results, variadic);
    interned_[key] = t;
    if (params->canon != params || results->canon != results)
        t->canon = signature(params->canon->as<Tuple>(), results->canon->as<Tuple>(), variadic);
    return t;
}

Struct* Context::structType(const std::vector<FieldSpec>& fields) {
    std::string key = "R";
    bool canonical = true;
    for (const FieldSpec& f : fields) {
        key += f.name;
        key += f.embedded ? "!" : ":";
        addPtr(key, f.type);
        if (!isExportedName(f.name)) addPtr(key, f.pkg);
        key += std::to_string(f.tag.size()) + ":" + f.tag + ";";
        canonical = canonical && f.type->canon == f.type;
    }
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Struct*>(it->second);
    auto* t = make<Struct>();
    for (const FieldSpec& f : fields) {
        auto* v = make<Var>(f.name, f.type, f.pkg, f.pos);
        v->isField = true;
        v->embedded = f.embedded;
        t->fields.push_back(v);
        t->tags.push_back(f.tag);
    }
    interned_[key] = t;
    if (!canonical) {
        std::vector<FieldSpec> c = fields;
        for (FieldSpec& f : c)
            f.type = f.type->canon;
        t->canon = structType(c);
    }
    return t;
}

Interface* Context::interfaceType(std::vector<Func*> methods) {
    std::stable_sort(methods.begin(), methods.end(), [](Func* a, Func* b) { return a->name < b->name; });
    std::string key = "I";
    bool canonical = true;
    for (Func* m : methods) {
        key += m->name + ":";
        if (!isExportedName(m->name)) addPtr(key, m->pkg);
        addPtr(key, m->type);
        canonical = canonical && m->type->canon == m->type;
    }
    if (auto it = interned_.find(key); it != interned_.end()) return static_cast<Interface*>(it->second);
    auto* t = make<Interface>();
    t->methods = methods;
    interned_[key] = t;
    if (!canonical) {
        std::vector<Func*> c;
        for (Func* m : methods) {
            if (m->type->canon == m->type) {
                c.push_back(m);
                continue;
            }
            auto* cm = make<Func>(m->name, m->type->canon, m->pkg, m->pos);
            c.push_back(cm);
        }
        Interface* ci = interfaceType(c);
        for (Func* m : ci->methods)
            if (m->iface == nullptr) m->iface = ci;
        t->canon = ci;
    }
    for (Func* m : t->methods)
        if (m->iface == nullptr) m->iface = t;
    return t;
}

Named* Context::newNamed(TypeName* obj) {
    auto* n = make<Named>(obj);
    n->underlying = invalid();
    return n;
}

void Context::initUniverse() {
    struct B {
        Kind k;
        const char* name;
        uint16_t info;
        uint8_t size;
    };
    static const B kBasics[] = {
        {Kind::Invalid, "invalid type", 0, 0},
        {Kind::Bool, "bool", IsBoolean, 1},
        {Kind::Int, "int", IsInteger, 8},
        {Kind::Int8, "int8", IsInteger, 1},
        {Kind::Int16, "int16", IsInteger, 2},
        {Kind::Int32, "int32", IsInteger, 4},
        {Kind::Int64, "int64", IsInteger, 8},
        {Kind::Uint, "uint", IsInteger | IsUnsigned, 8},
        {Kind::Uint8, "uint8", IsInteger | IsUnsigned, 1},
        {Kind::Uint16, "uint16", IsInteger | IsUnsigned, 2},
        {Kind::Uint32, "uint32", IsInteger | IsUnsigned, 4},
        {Kind::Uint64, "uint64", IsInteger | IsUnsigned, 8},
        {Kind::Uintptr, "uintptr", IsInteger | IsUnsigned, 8},
        {Kind::Float32, "float32", IsFloat, 4},
        {Kind::Float64, "float64", IsFloat, 8},
        {Kind::String, "string", IsString, 16},
        {Kind::UntypedBool, "untyped bool", IsBoolean | IsUntyped, 0},
        {Kind::UntypedInt, "untyped int", IsInteger | IsUntyped, 0},
        {Kind::UntypedRune, "untyped rune", IsInteger | IsUntyped, 0},
        {Kind::UntypedFloat, "untyped float", IsFloat | IsUntyped, 0},
        {Kind::UntypedString, "untyped string", IsString | IsUntyped, 0},
        {Kind::UntypedNil, "untyped nil", IsUntyped, 0},
    };
    for (const B& b : kBasics)
        basics_[static_cast<int>(b.k)] = make<Basic>(b.k, b.name, b.info, b.size);
    byte_ = make<Basic>(Kind::Uint8, "byte", IsInteger | IsUnsigned, 1);
    byte_->canon = basic(Kind::Uint8);
    rune_ = make<Basic>(Kind::Int32, "rune", IsInteger, 4);
    rune_->canon = basic(Kind::Int32);

    universe_ = make<Scope>(nullptr);
    auto declare = [&](Object* o) { universe_->insert(o); };
    for (int k = static_cast<int>(Kind::Bool); k <= static_cast<int>(Kind::String); k++)
        declare(make<TypeName>(basics_[k]->name, basics_[k], nullptr, Pos{}));
    auto* byteName = make<TypeName>("byte", byte_, nullptr, Pos{});
    byteName->isAlias = true;
    declare(byteName);
    auto* runeName = make<TypeName>("rune", rune_, nullptr, Pos{});
    runeName->isAlias = true;
    declare(runeName);

    // any: a distinct Interface object so that messages can say "any"; its
    // canon is the interned interface{}.
    Interface* empty = interfaceType({});
    any_ = make<Interface>();
    any_->isAny = true;
    any_->canon = empty;
    auto* anyName = make<TypeName>("any", any_, nullptr, Pos{});
    anyName->isAlias = true;
    declare(anyName);

    // type error interface { Error() string }
    auto* errName = make<TypeName>("error", nullptr, nullptr, Pos{});
    error_ = newNamed(errName);
    errName->type = error_;
    auto* errMethod = make<Func>("Error", signature({}, {basic(Kind::String)}), nullptr, Pos{});
    error_->underlying = interfaceType({errMethod});
    declare(errName);

    declare(make<Const>("true", basic(Kind::UntypedBool), nullptr, Pos{}, Constant::makeBool(true)));
    declare(make<Const>("false", basic(Kind::UntypedBool), nullptr, Pos{}, Constant::makeBool(false)));
    declare(make<Const>("iota", basic(Kind::UntypedInt), nullptr, Pos{}, Constant::makeInt(0)));
    nil_ = make<Nil>(basic(Kind::UntypedNil));
    declare(nil_);

    static const std::pair<const char*, BuiltinId> kBuiltins[] = {
        {"append", BuiltinId::Append}, {"cap", BuiltinId::Cap},         {"clear", BuiltinId::Clear},
        {"close", BuiltinId::Close},   {"copy", BuiltinId::Copy},       {"delete", BuiltinId::Delete},
        {"len", BuiltinId::Len},       {"make", BuiltinId::Make},       {"max", BuiltinId::Max},
        {"min", BuiltinId::Min},       {"new", BuiltinId::New},         {"panic", BuiltinId::Panic},
        {"print", BuiltinId::Print},   {"println", BuiltinId::Println}, {"recover", BuiltinId::Recover},
    };
    for (const auto& [name, id] : kBuiltins)
        declare(make<Builtin>(name, id));
}

} // namespace gol::types
