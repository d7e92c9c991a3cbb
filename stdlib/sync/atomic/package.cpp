// Package sync/atomic: every integer lives in one 8-byte VM slot (value.hpp), so each operation
// is one std::atomic_ref<int64_t/uint64_t> operation on that slot, sequentially consistent as
// Go's atomics are. Sized integers are kept sign- (int32) or zero-extended (uint32) in their
// slot; a 32-bit operation is a compare-and-swap loop on the whole slot that stores the
// re-extended result, so the slot is never observed holding an unextended value and the
// operation is atomic with respect to every other access of the slot made through this package.
// The functions take a PtrObj (a pointer to a non-boxed slot); the types' methods use field 0 of
// their struct box.
#include "runtime/runtime.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"

#include <atomic>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package atomic

func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func LoadUintptr(addr *uintptr) (val uintptr)

func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func StoreUintptr(addr *uintptr, val uintptr)

func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

type Int32 struct{ v int32 }

func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
func (x *Int32) Add(delta int32) (new int32)

type Int64 struct{ v int64 }

func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
func (x *Int64) Add(delta int64) (new int64)

type Uint32 struct{ v uint32 }

func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
func (x *Uint32) Add(delta uint32) (new uint32)

type Uint64 struct{ v uint64 }

func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
func (x *Uint64) Add(delta uint64) (new uint64)

type Uintptr struct{ v uintptr }

func (x *Uintptr) Load() uintptr
func (x *Uintptr) Store(val uintptr)
func (x *Uintptr) Swap(new uintptr) (old uintptr)
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool)
func (x *Uintptr) Add(delta uintptr) (new uintptr)

// Bool is a Uint32 holding 0 or 1, as in Go.
type Bool struct{ v Uint32 }

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (x *Bool) Load() bool                          { return x.v.Load() != 0 }
func (x *Bool) Store(val bool)                      { x.v.Store(b32(val)) }
func (x *Bool) Swap(new bool) (old bool)            { return x.v.Swap(b32(new)) != 0 }
func (x *Bool) CompareAndSwap(old, new bool) bool { return x.v.CompareAndSwap(b32(old), b32(new)) }

// Value: a spin lock (an Int32) guards the stored interface, so its reference is written by
// ordinary script code (with the GC's write barrier).
type Value struct {
	lock Int32
	v    any
}

func (v *Value) acquire() {
	for !v.lock.CompareAndSwap(0, 1) {
		gosched()
	}
}

func gosched()
func typeOf(x any) uintptr

func (v *Value) Load() (val any) {
	v.acquire()
	val = v.v
	v.lock.Store(0)
	return
}

func (v *Value) check(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if v.v != nil && typeOf(v.v) != typeOf(val) {
		v.lock.Store(0)
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
}

func (v *Value) Store(val any) {
	v.acquire()
	v.check(val)
	v.v = val
	v.lock.Store(0)
}

func (v *Value) Swap(new any) (old any) {
	v.acquire()
	v.check(new)
	old = v.v
	v.v = new
	v.lock.Store(0)
	return
}

func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	v.acquire()
	v.check(new)
	if v.v == old {
		v.v = new
		swapped = true
	}
	v.lock.Store(0)
	return
}
)go";

// The slot an operation works on: the pointee of a pointer argument, or field 0 of the receiver.
std::atomic_ref<int64_t> slotPtr(NativeCall& c) {
    auto* p = static_cast<vm::PtrObj*>(c.arg(0).p);
    if (!p) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    return std::atomic_ref<int64_t>(*reinterpret_cast<int64_t*>(p->slot));
}
std::atomic_ref<int64_t> slotBox(NativeCall& c) {
    auto* b = static_cast<vm::BoxObj*>(c.arg(0).p);
    if (!b) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    return std::atomic_ref<int64_t>(b->fields[0].i);
}

using Slot = std::atomic_ref<int64_t> (*)(NativeCall&);

// Canonical slot representation of a value of the operated type.
enum class W { I32, U32, I64 };
template <W w> int64_t canon(int64_t v) {
    if constexpr (w == W::I32) return int64_t(int32_t(v));
    if constexpr (w == W::U32) return int64_t(uint64_t(uint32_t(v)));
    return v;
}

template <Slot S, W w> void nLoad(NativeCall& c) {
    c.result(0, Value::fromInt(S(c).load()));
}
template <Slot S, W w> void nStore(NativeCall& c) {
    int64_t v = canon<w>(c.arg(1).i);
    S(c).store(v);
}
template <Slot S, W w> void nSwap(NativeCall& c) {
    int64_t v = canon<w>(c.arg(1).i);
    c.result(0, Value::fromInt(S(c).exchange(v)));
}
template <Slot S, W w> void nCAS(NativeCall& c) {
    int64_t oldv = canon<w>(c.arg(1).i), newv = canon<w>(c.arg(2).i);
    c.result(0, Value::fromBool(S(c).compare_exchange_strong(oldv, newv)));
}
template <Slot S, W w> void nAdd(NativeCall& c) {
    int64_t delta = c.arg(1).i;
    auto a = S(c);
    if constexpr (w == W::I64) {
        // Two's-complement wrap-around, as Go's: add as unsigned.
        uint64_t r = uint64_t(a.fetch_add(delta)) + uint64_t(delta);
        c.result(0, Value::fromUint(r));
    } else {
        int64_t old = a.load();
        int64_t nv;
        do {
            nv = canon<w>(int64_t(uint64_t(old) + uint64_t(delta)));
        } while (!a.compare_exchange_weak(old, nv));
        c.result(0, Value::fromInt(nv));
    }
}

void nGosched(NativeCall&) {
    rt::gosched();
}

void nTypeOf(NativeCall& c) {
    auto* io = static_cast<vm::IfaceObj*>(c.arg(0).p);
    c.result(0, Value::fromUint(io ? uint64_t(reinterpret_cast<uintptr_t>(io->type)) : 0));
}

template <Slot S, W w>
void addOps(std::vector<vm::NativeDef>& d, const std::string& prefix, const std::string& suffix) {
    d.push_back({prefix + "Load" + suffix, nLoad<S, w>});
    d.push_back({prefix + "Store" + suffix, nStore<S, w>});
    d.push_back({prefix + "Swap" + suffix, nSwap<S, w>});
    d.push_back({prefix + "CompareAndSwap" + suffix, nCAS<S, w>});
    d.push_back({prefix + "Add" + suffix, nAdd<S, w>});
}

} // namespace

vm::PackageDef makeAtomicPackage() {
    vm::PackageDef d{"sync/atomic", kSource, {}};
    addOps<slotPtr, W::I32>(d.natives, "", "Int32");
    addOps<slotPtr, W::I64>(d.natives, "", "Int64");
    addOps<slotPtr, W::U32>(d.natives, "", "Uint32");
    addOps<slotPtr, W::I64>(d.natives, "", "Uint64");
    addOps<slotPtr, W::I64>(d.natives, "", "Uintptr");
    addOps<slotBox, W::I32>(d.natives, "Int32.", "");
    addOps<slotBox, W::I64>(d.natives, "Int64.", "");
    addOps<slotBox, W::U32>(d.natives, "Uint32.", "");
    addOps<slotBox, W::I64>(d.natives, "Uint64.", "");
    addOps<slotBox, W::I64>(d.natives, "Uintptr.", "");
    d.natives.push_back({"gosched", nGosched});
    d.natives.push_back({"typeOf", nTypeOf});
    return d;
}

} // namespace gol::stdlib
