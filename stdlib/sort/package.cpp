// Package sort: gol's own code. The API (sort.go.inc) and the algorithms (pdqsort.go.inc) are Go
// source compiled with the package; the algorithms make Go's exact sequence of Less and Swap
// calls, so an unstable sort leaves equal elements in Go's order. Natives stand in for reflection
// (Slice's length and element swap of any slice type) and sort Ints, Strings, most Float64s and
// the typed searches directly.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace gol::stdlib {

namespace {

constexpr const char* kApi =
#include "stdlib/sort/sort.go.inc"
    ;

constexpr const char* kAlgorithms =
#include "stdlib/sort/pdqsort.go.inc"
    ;

bool isIdentStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isIdentChar(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

// The algorithms compiled over funcSorter instead of Interface: every function the text declares
// is renamed with the suffix "Func" wherever it is named, and the parameter type changes. Go
// generates its two copies of these functions with a program; gol makes the second one here, so
// the algorithm exists once in the source tree.
std::string overFuncSorter(std::string_view text) {
    std::unordered_set<std::string_view> declared;
    for (size_t p = text.find("\nfunc "); p != std::string_view::npos; p = text.find("\nfunc ", p + 1)) {
        size_t b = p + 6, e = b;
        while (e < text.size() && isIdentChar(text[e]))
            e++;
        declared.insert(text.substr(b, e - b));
    }
    std::string out;
    out.reserve(text.size() + 1024);
    for (size_t i = 0; i < text.size();) {
        if (!isIdentStart(text[i]) || (i > 0 && isIdentChar(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        size_t e = i;
        while (e < text.size() && isIdentChar(text[e]))
            e++;
        std::string_view word = text.substr(i, e - i);
        out += word;
        if (declared.count(word)) out += "Func";
        i = e;
    }
    // Only the functions' parameter is spelled "data Interface".
    const std::string from = "data Interface", to = "data funcSorter";
    for (size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size()))
        out.replace(p, from.size(), to);
    return out;
}

// Go's reflect.Kind names (Go 1.19 spells Pointer "ptr"), for reflect's error about a value
// that is not a slice.
const char* kindName(vm::Kind k) {
    using vm::Kind;
    switch (k) {
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Int8: return "int8";
    case Kind::Int16: return "int16";
    case Kind::Int32: return "int32";
    case Kind::Int64: return "int64";
    case Kind::Uint: return "uint";
    case Kind::Uint8: return "uint8";
    case Kind::Uint16: return "uint16";
    case Kind::Uint32: return "uint32";
    case Kind::Uint64: return "uint64";
    case Kind::Uintptr: return "uintptr";
    case Kind::Float32: return "float32";
    case Kind::Float64: return "float64";
    case Kind::String: return "string";
    case Kind::Array: return "array";
    case Kind::Slice: return "slice";
    case Kind::Struct: return "struct";
    case Kind::Pointer: return "ptr";
    case Kind::Func: return "func";
    case Kind::Interface: return "interface";
    case Kind::Map: return "map";
    case Kind::Chan: return "chan";
    case Kind::Invalid:
    case Kind::UntypedNil: break;
    }
    return "zero";
}

// sliceLen(x any) (n int, kind string): kind is "" for a slice, else what reflect would call it.
void nSliceLen(NativeCall& c) {
    auto* io = static_cast<vm::IfaceObj*>(c.arg(0).p);
    if (!io || io->type->kind != vm::Kind::Slice) {
        c.result(0, Value::fromInt(0));
        c.result(1, c.str(io ? kindName(io->type->kind) : "zero"));
        return;
    }
    auto* s = static_cast<vm::SliceObj*>(io->value.p);
    c.result(0, Value::fromInt(s ? s->len : 0));
    c.result(1, Value{});
}

// sliceSwap(x any, i, j int); x is known to be a slice (Slice checked it through sliceLen).
void nSliceSwap(NativeCall& c) {
    auto* s = static_cast<vm::SliceObj*>(static_cast<vm::IfaceObj*>(c.arg(0).p)->value.p);
    int64_t i = argInt(c, 1), j = argInt(c, 2);
    int64_t n = s ? s->len : 0;
    if (i < 0 || i >= n)
        c.panicRuntimeError("index out of range [" + std::to_string(i) + "] with length " +
                            std::to_string(n));
    if (j < 0 || j >= n)
        c.panicRuntimeError("index out of range [" + std::to_string(j) + "] with length " +
                            std::to_string(n));
    vm::ArrayObj* a = s->array;
    if (a->elemSize == 1) {
        std::swap(a->data[s->off + i], a->data[s->off + j]);
    } else if (vm::WriteBarrier& wb = c.vm.collector().barrier(); wb.on() && a->elemIsRef) {
        vm::Value x = a->slots()[s->off + i], y = a->slots()[s->off + j];
        wb.store(a->slots()[s->off + i], y, true);
        wb.store(a->slots()[s->off + j], x, true);
    } else {
        std::swap(a->slots()[s->off + i], a->slots()[s->off + j]);
    }
}

void nInts(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    if (n > 1) std::sort(v, v + n, [](Value a, Value b) { return a.i < b.i; });
}

void nStrings(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    if (n > 1) std::sort(v, v + n, [](Value a, Value b) { return vm::strView(a) < vm::strView(b); });
}

// float64sNative(x []float64) bool: sorts x and reports true when no two elements compare equal
// but differ in their bits (0 and -0, NaNs of different payloads); otherwise it leaves x alone
// and reports false, and Float64s runs Go's algorithm instead.
void nFloat64sNative(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    bool posZero = false, negZero = false, nan = false;
    uint64_t nanBits = 0;
    for (int64_t k = 0; k < n; k++) {
        double f = v[k].f;
        if (f == 0) {
            (std::signbit(f) ? negZero : posZero) = true;
        } else if (std::isnan(f)) {
            if (nan && v[k].u != nanBits) {
                c.result(0, Value::fromBool(false));
                return;
            }
            nan = true;
            nanBits = v[k].u;
        }
    }
    if (posZero && negZero) {
        c.result(0, Value::fromBool(false));
        return;
    }
    if (n > 1)
        std::sort(v, v + n,
                  [](Value a, Value b) { return a.f < b.f || (std::isnan(a.f) && !std::isnan(b.f)); });
    c.result(0, Value::fromBool(true));
}

// Search's bisection over a slice, probing the midpoint as Go does, so an unsorted slice gives
// Go's index too. atOrAbove(k) is a[k] >= x.
template <class AtOrAbove> int64_t bisect(int64_t n, AtOrAbove atOrAbove) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = int64_t(uint64_t(lo + hi) >> 1);
        if (atOrAbove(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

void nSearchInts(NativeCall& c) {
    int64_t n;
    const Value* v = sliceSlots(c.arg(0), &n);
    int64_t x = argInt(c, 1);
    c.result(0, Value::fromInt(bisect(n, [&](int64_t k) { return v[k].i >= x; })));
}

void nSearchFloat64s(NativeCall& c) {
    int64_t n;
    const Value* v = sliceSlots(c.arg(0), &n);
    double x = argFloat(c, 1);
    c.result(0, Value::fromInt(bisect(n, [&](int64_t k) { return v[k].f >= x; })));
}

void nSearchStrings(NativeCall& c) {
    int64_t n;
    const Value* v = sliceSlots(c.arg(0), &n);
    std::string_view x = argStr(c, 1);
    c.result(0, Value::fromInt(bisect(n, [&](int64_t k) { return vm::strView(v[k]) >= x; })));
}

} // namespace

vm::PackageDef makeSortPackage() {
    std::string src = "package sort\n";
    src += kApi;
    src += kAlgorithms;
    src += overFuncSorter(kAlgorithms);
    vm::PackageDef d{"sort", std::move(src), {}};
    d.natives = {{"sliceLen", nSliceLen},
                 {"sliceSwap", nSliceSwap},
                 {"Ints", nInts},
                 {"Strings", nStrings},
                 {"float64sNative", nFloat64sNative},
                 {"SearchInts", nSearchInts},
                 {"SearchFloat64s", nSearchFloat64s},
                 {"SearchStrings", nSearchStrings}};
    return d;
}

} // namespace gol::stdlib
