// Package sort: Go's own pdqsort, stable sort and searches (gosrc.inc, embedded from Go's
// sources so ties come out in Go's order), plus Slice/SliceStable over two natives that stand in
// for reflection (a slice's length and an element swap of any slice type).
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace gol::stdlib {

namespace {

constexpr const char* kHeader = R"go(
package sort

import "math/bits"

func sliceLen(x any) int
func sliceSwap(x any, i, j int)

func Slice(x any, less func(i, j int) bool) {
	length := sliceLen(x)
	swap := func(i, j int) { sliceSwap(x, i, j) }
	limit := bits.Len(uint(length))
	pdqsort_func(lessSwap{less, swap}, 0, length, limit)
}

func SliceStable(x any, less func(i, j int) bool) {
	swap := func(i, j int) { sliceSwap(x, i, j) }
	stable_func(lessSwap{less, swap}, sliceLen(x))
}

func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := sliceLen(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
)go";

constexpr const char* kGoSource[] = {
#include "stdlib/sort/gosrc.inc"
};

vm::SliceObj* sliceArg(NativeCall& c, uint32_t i) {
    auto* io = static_cast<vm::IfaceObj*>(c.arg(i).p);
    if (!io || io->type->kind != vm::Kind::Slice) {
        // reflect's panic for a non-slice operand
        std::string t = io ? io->type->str : "<nil>";
        c.panicString("reflect: call of Swapper on " + std::string(io ? "non-slice" : "zero Value") + " value");
    }
    return static_cast<vm::SliceObj*>(io->value.p);
}

void nSliceLen(NativeCall& c) {
    vm::SliceObj* s = sliceArg(c, 0);
    c.result(0, Value::fromInt(s ? s->len : 0));
}

void nSliceSwap(NativeCall& c) {
    vm::SliceObj* s = sliceArg(c, 0);
    int64_t i = argInt(c, 1), j = argInt(c, 2);
    int64_t n = s ? s->len : 0;
    if (i < 0 || i >= n) c.panicRuntimeError("index out of range [" + std::to_string(i) + "] with length " + std::to_string(n));
    if (j < 0 || j >= n) c.panicRuntimeError("index out of range [" + std::to_string(j) + "] with length " + std::to_string(n));
    vm::ArrayObj* a = s->array;
    if (a->elemSize == 1) std::swap(a->data[s->off + i], a->data[s->off + j]);
    else if (vm::WriteBarrier& wb = c.vm.collector().barrier(); wb.on() && a->elemIsRef) {
        vm::Value x = a->slots()[s->off + i], y = a->slots()[s->off + j];
        wb.store(a->slots()[s->off + i], y, true);
        wb.store(a->slots()[s->off + j], x, true);
    } else {
        std::swap(a->slots()[s->off + i], a->slots()[s->off + j]);
    }
}

// Ints, Float64s and Strings sort values with no identity, so any correct sort gives Go's result.
void nInts(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    if (n > 1) std::sort(v, v + n, [](Value a, Value b) { return a.i < b.i; });
}

void nFloat64s(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    // Go's Float64Slice.Less: NaNs first. A stable sort keeps -0 and +0 in input order, which is
    // what Go's insertion sort does for the short slices where the difference shows.
    if (n > 1)
        std::stable_sort(v, v + n, [](Value a, Value b) { return a.f < b.f || (std::isnan(a.f) && !std::isnan(b.f)); });
}

void nStrings(NativeCall& c) {
    int64_t n;
    Value* v = sliceSlots(c.arg(0), &n);
    if (n > 1) std::sort(v, v + n, [](Value a, Value b) { return vm::strView(a) < vm::strView(b); });
}

std::string source() {
    std::string s = kHeader;
    for (const char* part : kGoSource) s += part;
    // Go's Ints/Float64s/Strings become natives (the Go versions are removed from the source).
    for (const char* name : {"Ints", "Float64s", "Strings"}) {
        std::string decl = std::string("func ") + name + "(x []";
        size_t p = s.find(decl);
        if (p == std::string::npos) continue;
        size_t lineEnd = s.find('\n', p);
        size_t brace = s.find(" {", p);
        if (brace < lineEnd) s.erase(brace, lineEnd - brace); // one-line bodies in Go's sort.go
    }
    return s;
}

} // namespace

vm::PackageDef makeSortPackage() {
    vm::PackageDef d{"sort", source(), {}};
    d.natives = {{"sliceLen", nSliceLen}, {"sliceSwap", nSliceSwap}, {"Ints", nInts}, {"Float64s", nFloat64s},
                 {"Strings", nStrings}};
    return d;
}

} // namespace gol::stdlib
