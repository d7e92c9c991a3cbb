// The run-time representation gc (Go's compiler) gives a type, where it decides gc's order of
// evaluation: see gc_layout.hpp.
#include "compiler/codegen/gc_layout.hpp"
#include "compiler/types/object.hpp"

#include <algorithm>

namespace gol::codegen {

namespace {

// gc's size and alignment of a type on a 64-bit target, and whether it holds pointers.
struct Shape {
    int64_t size = 0, align = 1;
    bool pointers = false;
};

Shape shapeOf(types::Type* t) {
    using types::Kind;
    t = types::under(t);
    switch (t->kind) {
    case Kind::Bool:
    case Kind::UntypedBool:
    case Kind::Int8:
    case Kind::Uint8: return {1, 1, false};
    case Kind::Int16:
    case Kind::Uint16: return {2, 2, false};
    case Kind::Int32:
    case Kind::Uint32:
    case Kind::Float32:
    case Kind::UntypedRune: return {4, 4, false};
    case Kind::String:
    case Kind::UntypedString:
    case Kind::Interface: return {16, 8, true};
    case Kind::Slice: return {24, 8, true};
    case Kind::Pointer:
    case Kind::Signature:
    case Kind::Map:
    case Kind::Chan:
    case Kind::UntypedNil: return {8, 8, true};
    case Kind::Array: {
        auto* a = t->as<types::Array>();
        Shape e = shapeOf(a->elem);
        return {e.size * a->len, e.align, e.pointers && a->len > 0};
    }
    case Kind::Struct: {
        Shape r;
        for (auto* f : t->as<types::Struct>()->fields) {
            Shape fs = shapeOf(f->type);
            r.size = (r.size + fs.align - 1) / fs.align * fs.align + fs.size;
            r.align = std::max(r.align, fs.align);
            r.pointers = r.pointers || fs.pointers;
        }
        r.size = (r.size + r.align - 1) / r.align * r.align;
        return r;
    }
    default: return {8, 8, false}; // int, int64, uint, uint64, uintptr, float64
    }
}

// Memory-comparable (gc's AMEM kinds): compared as bytes, so no floats, strings, interfaces or padding.
bool memComparable(types::Type* t) {
    using types::Kind;
    t = types::under(t);
    switch (t->kind) {
    case Kind::Bool:
    case Kind::Int:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64:
    case Kind::Uint:
    case Kind::Uint8:
    case Kind::Uint16:
    case Kind::Uint32:
    case Kind::Uint64:
    case Kind::Uintptr:
    case Kind::Pointer:
    case Kind::Chan: return true;
    case Kind::Array: return memComparable(t->as<types::Array>()->elem);
    case Kind::Struct: {
        int64_t sum = 0;
        for (auto* f : t->as<types::Struct>()->fields) {
            if (!memComparable(f->type)) return false;
            sum += shapeOf(f->type).size;
        }
        return sum == shapeOf(t).size; // no padding
    }
    default: return false;
    }
}

} // namespace

bool convertsByAddress(types::Type* t) {
    Shape s = shapeOf(t);
    if (!s.pointers &&
        ((s.size == 2 && s.align == 2) || (s.size == 4 && s.align == 4) || (s.size == 8 && s.align == 8)))
        return false;
    for (;;) { // gc's SoleComponent
        types::Type* u = types::under(t);
        if (auto* st = u->as<types::Struct>(); st && st->fields.size() == 1)
            t = st->fields[0]->type;
        else if (auto* a = u->as<types::Array>(); a && a->len == 1)
            t = a->elem;
        else if (u->as<types::Struct>() || u->as<types::Array>())
            return true;
        else
            return !types::isString(u) && !u->as<types::Slice>();
    }
}

MapKey mapKeyPassing(types::Map* m) {
    if (shapeOf(m->elem).size > 128) return MapKey::ByAddress;
    types::Type* k = types::under(m->key);
    if (types::isString(k)) return MapKey::Direct;
    int64_t size = shapeOf(k).size;
    if (!((size == 4 || size == 8) && memComparable(k))) return MapKey::ByAddress;
    // A fast path's key is a uint32, uint64 or pointer: a struct or array key is copied into one.
    return k->as<types::Struct>() || k->as<types::Array>() ? MapKey::Copied : MapKey::Direct;
}

} // namespace gol::codegen
