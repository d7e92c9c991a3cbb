// Field and method lookup through embedding, method sets and interface
// satisfaction (Go's lookup.go).
#include "compiler/types/checker.hpp"

#include <algorithm>
#include <cctype>

namespace gol::types {

namespace {

struct Embedded {
    Type* type;
    std::vector<int> index;
    bool indirect;
    bool multiples;
};

bool sameId(const Object* o, const Package* p, const std::string& name) {
    if (o->name != name) return false;
    if (o->exported()) return true;
    return o->pkg == nullptr || p == nullptr || o->pkg == p;
}

Type* deref(Type* t, bool* isPtr) {
    if (auto* p = t->as<Pointer>()) {
        *isPtr = true;
        return p->elem;
    }
    *isPtr = false;
    return t;
}

std::vector<int> concat(const std::vector<int>& a, int i) {
    std::vector<int> r = a;
    r.push_back(i);
    return r;
}

} // namespace

Checker::LookupResult Checker::lookupFieldOrMethod(Type* T, bool addressable, Package* p,
                                                   const std::string& name) {
    LookupResult res;
    if (name == "_" || T == nullptr || isInvalid(T)) return res;
    bool isPtr = false;
    Type* typ = deref(T, &isPtr);
    // *I where I is an interface has no methods; an unnamed pointer type's
    // underlying is a pointer, so the deref must go through the Named too.
    if (isPtr && isInterface(typ)) return res;

    std::vector<Embedded> current{{typ, {}, isPtr, false}};
    std::set<Named*> seen;
    while (!current.empty()) {
        std::vector<Embedded> next;
        for (const Embedded& e : current) {
            Type* t = e.type;
            if (auto* named = t->as<Named>()) {
                if (seen.count(named)) continue;
                seen.insert(named);
                bool foundMethod = false;
                for (size_t i = 0; i < named->methods.size(); i++) {
                    Func* m = named->methods[i];
                    if (!sameId(m, p, name)) continue;
                    if (res.obj != nullptr || e.multiples) {
                        res.obj = nullptr;
                        res.ambiguous = true;
                        return res;
                    }
                    res.obj = m;
                    res.index = concat(e.index, static_cast<int>(i));
                    res.indirect = e.indirect;
                    foundMethod = true;
                    break;
                }
                // A type's own method hides fields and interface methods of the same name.
                if (foundMethod) continue;
            }
            Type* u = under(t);
            if (u == nullptr) continue;
            if (auto* s = u->as<Struct>()) {
                for (size_t i = 0; i < s->fields.size(); i++) {
                    Var* f = s->fields[i];
                    if (sameId(f, p, name)) {
                        if (res.obj != nullptr || e.multiples) {
                            res.obj = nullptr;
                            res.ambiguous = true;
                            return res;
                        }
                        res.obj = f;
                        res.index = concat(e.index, static_cast<int>(i));
                        res.indirect = e.indirect;
                        continue;
                    }
                    if (res.obj == nullptr && f->embedded) {
                        bool fp = false;
                        Type* ft = deref(f->type, &fp);
                        next.push_back(
                            {ft, concat(e.index, static_cast<int>(i)), e.indirect || fp, e.multiples});
                    }
                }
            } else if (auto* it = u->as<Interface>()) {
                int i = it->methodIndex(name);
                if (i >= 0 && sameId(it->methods[i], p, name)) {
                    if (res.obj != nullptr || e.multiples) {
                        res.obj = nullptr;
                        res.ambiguous = true;
                        return res;
                    }
                    res.obj = it->methods[i];
                    res.index = concat(e.index, i);
                    res.indirect = e.indirect;
                }
            }
        }
        if (res.obj != nullptr) {
            if (auto* f = res.obj->as<Func>()) {
                if (f->ptrRecv && !res.indirect && !addressable) {
                    // Pointer receiver required: report "found" with a null obj.
                    LookupResult r;
                    r.indirect = true;
                    r.index = res.index;
                    return r;
                }
            }
            return res;
        }
        // Consolidate: the same type reached twice at one depth is ambiguous.
        std::vector<Embedded> merged;
        for (Embedded& e : next) {
            bool found = false;
            for (Embedded& m : merged)
                if (identical(m.type, e.type)) {
                    m.multiples = true;
                    found = true;
                    break;
                }
            if (!found) merged.push_back(e);
        }
        current = std::move(merged);
    }
    return res;
}

Func* Checker::lookupMethod(Type* T, const std::string& name, bool* ptrRecv) {
    LookupResult r = lookupFieldOrMethod(T, false, pkg, name);
    if (r.obj == nullptr) return nullptr;
    auto* f = r.obj->as<Func>();
    if (f != nullptr && ptrRecv != nullptr) *ptrRecv = f->ptrRecv;
    return f;
}

bool Checker::hasMethod(Type* T, const std::string& name) {
    LookupResult r = lookupFieldOrMethod(T, false, pkg, name);
    return r.obj != nullptr && r.obj->as<Func>() != nullptr;
}

namespace {
bool equalFold(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
} // namespace

// The first method of iface missing from T's method set. staticCheck: T is a
// static (non-interface) type and every method must be present; for an
// interface T (type assertions) only methods present with a different type
// are reported.
Func* Checker::missingMethod(Type* V, Interface* iface, bool staticCheck, bool* wrongType, Func** have,
                             bool* ptrRecv) {
    *wrongType = false;
    *ptrRecv = false;
    *have = nullptr;
    if (iface->methods.empty()) return nullptr;
    if (auto* vi = under(V)->as<Interface>()) {
        for (Func* m : iface->methods) {
            int i = vi->methodIndex(m->name);
            if (i < 0) {
                if (!staticCheck) continue;
                return m;
            }
            if (!identical(vi->methods[i]->type, m->type)) {
                *wrongType = true;
                *have = vi->methods[i];
                return m;
            }
        }
        return nullptr;
    }
    for (Func* m : iface->methods) {
        LookupResult r = lookupFieldOrMethod(V, false, m->pkg, m->name);
        auto* f = r.obj != nullptr ? r.obj->as<Func>() : nullptr;
        if (f == nullptr) {
            if (r.obj == nullptr && r.indirect && !r.ambiguous) {
                *ptrRecv = true;
                return m;
            }
            if (r.obj != nullptr) {
                *have = nullptr;
                *wrongType = true; // a field, not a method
                return m;
            }
            // A method with a different case ("string" for "String")?
            Type* base = V;
            if (auto* p = base->as<Pointer>()) base = p->elem;
            if (auto* n = base->as<Named>())
                for (Func* g : n->methods)
                    if (equalFold(g->name, m->name)) {
                        *have = g;
                        return m;
                    }
            return m;
        }
        if (!identical(f->type, m->type)) {
            *wrongType = true;
            *have = f;
            return m;
        }
    }
    return nullptr;
}

std::string Checker::missingMethodCause(Type* V, Type* T, Func* m, bool wrongType, Func* have, bool ptrRecv) {
    // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on name + string temporaries.
    auto fstr = [&](Func* f) {
        std::string s = f->name;
        s += signatureString(f->signature(), pkg);
        return s;
    };
    if (ptrRecv) return "(method " + m->name + " has pointer receiver)";
    if (wrongType && have == nullptr) return "(" + ts(V) + "." + m->name + " is a field, not a method)";
    if (wrongType) {
        std::string fs = fstr(have), ms = fstr(m);
        if (fs == ms) return "(wrong type for method " + m->name + ")";
        return "(wrong type for method " + m->name + ")\n\t\thave " + fs + "\n\t\twant " + ms;
    }
    if (have != nullptr)
        return "(missing method " + m->name + ")\n\t\thave " + fstr(have) + "\n\t\twant " + fstr(m);
    auto isIfacePtr = [](Type* t) { return t->is<Pointer>() && isInterface(t->as<Pointer>()->elem); };
    if (isIfacePtr(V)) return "(type " + ts(V) + " is pointer to interface, not interface)";
    if (isIfacePtr(T)) return "(type " + ts(T) + " is pointer to interface, not interface)";
    return "(missing method " + m->name + ")";
}

// Whether V implements the interface T; on failure *cause is
// "V does not implement T (missing method M)".
bool Checker::implements(Type* V, Type* T, std::string* cause) {
    auto* it = under(T)->as<Interface>();
    if (it == nullptr) return false;
    if (isInvalid(V)) return true;
    bool wrongType = false, ptrRecv = false;
    Func* have = nullptr;
    Func* m = missingMethod(V, it, true, &wrongType, &have, &ptrRecv);
    if (m == nullptr) return true;
    if (cause != nullptr)
        *cause = ts(V) + " does not implement " + ts(T) + " " +
                 missingMethodCause(V, T, m, wrongType, have, ptrRecv);
    return false;
}

} // namespace gol::types
