// Package math/bits: every function is a native over C++20's <bit> and 128-bit arithmetic, one
// template per operation instantiated for each width. uint is 64 bits in gol, so the unsuffixed
// functions are the 64-bit ones.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <bit>
#include <cstdint>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package bits

const UintSize = 64

func LeadingZeros(x uint) int
func LeadingZeros8(x uint8) int
func LeadingZeros16(x uint16) int
func LeadingZeros32(x uint32) int
func LeadingZeros64(x uint64) int

func TrailingZeros(x uint) int
func TrailingZeros8(x uint8) int
func TrailingZeros16(x uint16) int
func TrailingZeros32(x uint32) int
func TrailingZeros64(x uint64) int

func OnesCount(x uint) int
func OnesCount8(x uint8) int
func OnesCount16(x uint16) int
func OnesCount32(x uint32) int
func OnesCount64(x uint64) int

func RotateLeft(x uint, k int) uint
func RotateLeft8(x uint8, k int) uint8
func RotateLeft16(x uint16, k int) uint16
func RotateLeft32(x uint32, k int) uint32
func RotateLeft64(x uint64, k int) uint64

func Reverse(x uint) uint
func Reverse8(x uint8) uint8
func Reverse16(x uint16) uint16
func Reverse32(x uint32) uint32
func Reverse64(x uint64) uint64

func ReverseBytes(x uint) uint
func ReverseBytes16(x uint16) uint16
func ReverseBytes32(x uint32) uint32
func ReverseBytes64(x uint64) uint64

func Len(x uint) int
func Len8(x uint8) int
func Len16(x uint16) (n int)
func Len32(x uint32) (n int)
func Len64(x uint64) (n int)

func Add(x, y, carry uint) (sum, carryOut uint)
func Add32(x, y, carry uint32) (sum, carryOut uint32)
func Add64(x, y, carry uint64) (sum, carryOut uint64)

func Sub(x, y, borrow uint) (diff, borrowOut uint)
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32)
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64)

func Mul(x, y uint) (hi, lo uint)
func Mul32(x, y uint32) (hi, lo uint32)
func Mul64(x, y uint64) (hi, lo uint64)

func Div(hi, lo, y uint) (quo, rem uint)
func Div32(hi, lo, y uint32) (quo, rem uint32)
func Div64(hi, lo, y uint64) (quo, rem uint64)

func Rem(hi, lo, y uint) uint
func Rem32(hi, lo, y uint32) uint32
func Rem64(hi, lo, y uint64) uint64
)go";

using u128 = unsigned __int128;

// Argument i as the unsigned type T (the slot holds it zero-extended; the cast is the width).
template <class T> T arg(NativeCall& c, uint32_t i) {
    return T(argUint(c, i));
}

template <class T> void nLeadingZeros(NativeCall& c) {
    c.result(0, Value::fromInt(std::countl_zero(arg<T>(c, 0))));
}
template <class T> void nTrailingZeros(NativeCall& c) {
    c.result(0, Value::fromInt(std::countr_zero(arg<T>(c, 0))));
}
template <class T> void nOnesCount(NativeCall& c) {
    c.result(0, Value::fromInt(std::popcount(arg<T>(c, 0))));
}
template <class T> void nLen(NativeCall& c) {
    c.result(0, Value::fromInt(std::bit_width(arg<T>(c, 0))));
}

// A negative k rotates right, as std::rotl does; only k modulo the width matters.
template <class T> void nRotateLeft(NativeCall& c) {
    constexpr int64_t width = sizeof(T) * 8;
    c.result(0, Value::fromUint(std::rotl(arg<T>(c, 0), int(argInt(c, 1) % width))));
}

template <class T> T byteSwap(T x) {
    if constexpr (sizeof(T) == 2)
        return __builtin_bswap16(x);
    else if constexpr (sizeof(T) == 4)
        return __builtin_bswap32(x);
    else
        return __builtin_bswap64(x);
}

template <class T> void nReverseBytes(NativeCall& c) {
    c.result(0, Value::fromUint(byteSwap(arg<T>(c, 0))));
}

// Bit reversal: reverse the bits within each byte by swapping ever smaller halves (nibbles,
// pairs, single bits), then reverse the bytes.
template <class T> void nReverse(NativeCall& c) {
    uint64_t x = arg<T>(c, 0);
    x = (x >> 4 & 0x0F0F0F0F0F0F0F0F) | (x & 0x0F0F0F0F0F0F0F0F) << 4;
    x = (x >> 2 & 0x3333333333333333) | (x & 0x3333333333333333) << 2;
    x = (x >> 1 & 0x5555555555555555) | (x & 0x5555555555555555) << 1;
    T r = T(x);
    if constexpr (sizeof(T) > 1) r = byteSwap(r);
    c.result(0, Value::fromUint(r));
}

// Add and Sub return the full-width result and the carry (borrow) out of the top bit. Go documents
// a carry-in other than 0 or 1 as undefined; what go run does on amd64 is what gol does: the
// 64-bit forms add-with-carry in hardware, treating any nonzero carry-in as 1, while the 32-bit
// forms are plain Go (Add32 sums in 64 bits and returns the bits above 32 as the carry; Sub32
// takes the borrow from the operands' and result's top bits).
void nAdd64(NativeCall& c) {
    uint64_t x = argUint(c, 0), y = argUint(c, 1), sum = x + y + (argUint(c, 2) != 0);
    c.result(0, Value::fromUint(sum));
    c.result(1, Value::fromUint(((x & y) | ((x | y) & ~sum)) >> 63));
}

void nAdd32(NativeCall& c) {
    uint64_t sum = uint64_t(arg<uint32_t>(c, 0)) + arg<uint32_t>(c, 1) + arg<uint32_t>(c, 2);
    c.result(0, Value::fromUint(uint32_t(sum)));
    c.result(1, Value::fromUint(sum >> 32));
}

void nSub64(NativeCall& c) {
    uint64_t x = argUint(c, 0), y = argUint(c, 1), diff = x - y - (argUint(c, 2) != 0);
    c.result(0, Value::fromUint(diff));
    c.result(1, Value::fromUint(((~x & y) | (~(x ^ y) & diff)) >> 63));
}

void nSub32(NativeCall& c) {
    uint32_t x = arg<uint32_t>(c, 0), y = arg<uint32_t>(c, 1), diff = x - y - arg<uint32_t>(c, 2);
    c.result(0, Value::fromUint(diff));
    c.result(1, Value::fromUint(((~x & y) | (~(x ^ y) & diff)) >> 31));
}

void nMul64(NativeCall& c) {
    u128 p = u128(argUint(c, 0)) * argUint(c, 1);
    c.result(0, Value::fromUint(uint64_t(p >> 64)));
    c.result(1, Value::fromUint(uint64_t(p)));
}

void nMul32(NativeCall& c) {
    uint64_t p = uint64_t(arg<uint32_t>(c, 0)) * arg<uint32_t>(c, 1);
    c.result(0, Value::fromUint(p >> 32));
    c.result(1, Value::fromUint(uint32_t(p)));
}

[[noreturn]] void divideByZero(NativeCall& c) {
    c.panicRuntimeError("integer divide by zero");
}
[[noreturn]] void overflow(NativeCall& c) {
    c.panicRuntimeError("integer overflow");
}

// Div divides the double-width hi:lo by y. The quotient must fit one word, so y must exceed hi:
// Go panics with "integer divide by zero" for y == 0 and "integer overflow" for y <= hi.
void nDiv64(NativeCall& c) {
    uint64_t hi = argUint(c, 0), lo = argUint(c, 1), y = argUint(c, 2);
    if (y == 0) divideByZero(c);
    if (y <= hi) overflow(c);
    u128 n = u128(hi) << 64 | lo;
    c.result(0, Value::fromUint(uint64_t(n / y)));
    c.result(1, Value::fromUint(uint64_t(n % y)));
}

void nDiv32(NativeCall& c) {
    uint32_t hi = arg<uint32_t>(c, 0), lo = arg<uint32_t>(c, 1), y = arg<uint32_t>(c, 2);
    if (y == 0) divideByZero(c);
    if (y <= hi) overflow(c);
    uint64_t n = uint64_t(hi) << 32 | lo;
    c.result(0, Value::fromUint(n / y));
    c.result(1, Value::fromUint(n % y));
}

// Rem has no overflow case: hi is reduced modulo y first.
void nRem64(NativeCall& c) {
    uint64_t hi = argUint(c, 0), lo = argUint(c, 1), y = argUint(c, 2);
    if (y == 0) divideByZero(c);
    c.result(0, Value::fromUint(uint64_t((u128(hi % y) << 64 | lo) % y)));
}

void nRem32(NativeCall& c) {
    uint32_t y = arg<uint32_t>(c, 2);
    if (y == 0) divideByZero(c);
    c.result(0, Value::fromUint((uint64_t(arg<uint32_t>(c, 0)) << 32 | arg<uint32_t>(c, 1)) % y));
}

} // namespace

vm::PackageDef makeMathBitsPackage() {
    vm::PackageDef d{"math/bits", kSource, {}};
    // Each generic operation under its name for every width ("" is uint, i.e. 64).
    auto widths = [&d](const char* name, vm::NativeFn f8, vm::NativeFn f16, vm::NativeFn f32,
                       vm::NativeFn f64) {
        std::string n = name;
        if (f8) d.natives.push_back({n + "8", f8});
        if (f16) d.natives.push_back({n + "16", f16});
        d.natives.push_back({n + "32", f32});
        d.natives.push_back({n + "64", f64});
        d.natives.push_back({n, f64});
    };
    widths("LeadingZeros", nLeadingZeros<uint8_t>, nLeadingZeros<uint16_t>, nLeadingZeros<uint32_t>,
           nLeadingZeros<uint64_t>);
    widths("TrailingZeros", nTrailingZeros<uint8_t>, nTrailingZeros<uint16_t>, nTrailingZeros<uint32_t>,
           nTrailingZeros<uint64_t>);
    widths("OnesCount", nOnesCount<uint8_t>, nOnesCount<uint16_t>, nOnesCount<uint32_t>,
           nOnesCount<uint64_t>);
    widths("RotateLeft", nRotateLeft<uint8_t>, nRotateLeft<uint16_t>, nRotateLeft<uint32_t>,
           nRotateLeft<uint64_t>);
    widths("Reverse", nReverse<uint8_t>, nReverse<uint16_t>, nReverse<uint32_t>, nReverse<uint64_t>);
    widths("ReverseBytes", nullptr, nReverseBytes<uint16_t>, nReverseBytes<uint32_t>,
           nReverseBytes<uint64_t>);
    widths("Len", nLen<uint8_t>, nLen<uint16_t>, nLen<uint32_t>, nLen<uint64_t>);
    widths("Add", nullptr, nullptr, nAdd32, nAdd64);
    widths("Sub", nullptr, nullptr, nSub32, nSub64);
    widths("Mul", nullptr, nullptr, nMul32, nMul64);
    widths("Div", nullptr, nullptr, nDiv32, nDiv64);
    widths("Rem", nullptr, nullptr, nRem32, nRem64);
    return d;
}

} // namespace gol::stdlib
