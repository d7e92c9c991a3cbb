// Package math/rand: gol's own code. The distributions and Rand's methods are Go source
// (rand.go.inc) written to consume the source exactly as Go 1.19 does; the generator itself, Go's
// additive lagged Fibonacci generator, is three natives here. Its seeding table (cooked.inc) and
// the ziggurat tables (ziggurat.go.inc) are computed by gen_tables.py from the algorithms that
// define them.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <climits>
#include <cstdint>
#include <random>

namespace gol::stdlib {

namespace {

constexpr const char* kApi =
#include "stdlib/math/rand/rand.go.inc"
    ;

constexpr const char* kZiggurat =
#include "stdlib/math/rand/ziggurat.go.inc"
    ;

// The generator: y[t] = y[t-607] + y[t-273] (mod 2^64) over a ring of 607 values, which the two
// indices walk downwards (Mitchell and Reeds' generator, as Plan 9 and Go have it).
constexpr int64_t kRingLen = 607;
constexpr int64_t kTapLag = 273;

constexpr int64_t kCooked[kRingLen] = {
#include "stdlib/math/rand/cooked.inc"
};

// The receiver's fields, in rand.go.inc's declaration order.
struct Ring {
    Value* tap;
    Value* feed;
    Value* vec; // null if the slice is not the 607 values NewSource made
};

Ring ring(NativeCall& c) {
    auto* box = static_cast<vm::BoxObj*>(c.arg(0).p);
    if (!box) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    int64_t n = 0;
    Value* slots = sliceSlots(box->fields[2], &n);
    return {&box->fields[0], &box->fields[1], n == kRingLen ? slots : nullptr};
}

// Park and Miller's "minimal standard" generator x -> 48271 x mod (2^31 - 1), computed in 32 bits
// by Schrage's decomposition of the modulus (2^31 - 1 = 48271 * 44488 + 3399).
int32_t minimalStandard(int32_t x) {
    int32_t hi = x / 44488, lo = x % 44488;
    x = 48271 * lo - 3399 * hi;
    return x < 0 ? x + INT32_MAX : x;
}

// rngSource.Seed: the ring is filled from the minimal standard generator started at the seed
// (reduced into [1, 2^31-2]; 0 stands for 89482311), three draws per value, after 20 discarded
// draws, each value XORed with the cooked table.
void nSeed(NativeCall& c) {
    Ring r = ring(c);
    int64_t seed = argInt(c, 1) % INT32_MAX;
    if (seed < 0) seed += INT32_MAX;
    if (seed == 0) seed = 89482311;
    r.tap->i = 0;
    r.feed->i = kRingLen - kTapLag;
    if (!r.vec) return;
    int32_t x = int32_t(seed);
    for (int k = 0; k < 20; k++)
        x = minimalStandard(x);
    for (int64_t k = 0; k < kRingLen; k++) {
        x = minimalStandard(x);
        uint64_t u = uint64_t(x) << 40;
        x = minimalStandard(x);
        u ^= uint64_t(x) << 20;
        x = minimalStandard(x);
        u ^= uint64_t(x);
        r.vec[k].u = u ^ uint64_t(kCooked[k]);
    }
}

uint64_t step(NativeCall& c) {
    Ring r = ring(c);
    if (!r.vec) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    // Both indices move down one slot (the stored values are always in range; the modulo only
    // keeps a racy caller inside the ring).
    int64_t tap = ((r.tap->i - 1) % kRingLen + kRingLen) % kRingLen;
    int64_t feed = ((r.feed->i - 1) % kRingLen + kRingLen) % kRingLen;
    r.tap->i = tap;
    r.feed->i = feed;
    uint64_t v = r.vec[feed].u + r.vec[tap].u;
    r.vec[feed].u = v;
    return v;
}

void nUint64(NativeCall& c) {
    c.result(0, Value::fromUint(step(c)));
}
void nInt63(NativeCall& c) {
    c.result(0, Value::fromInt(int64_t(step(c) & INT64_MAX)));
}

void nRandomSeed(NativeCall& c) {
    std::random_device rd;
    uint64_t s = (uint64_t(rd()) << 32) ^ rd();
    c.result(0, Value::fromInt(int64_t(s >> 1)));
}

} // namespace

vm::PackageDef makeMathRandPackage() {
    std::string s = "package rand\n\nimport (\n\t\"math\"\n\t\"sync\"\n)\n";
    s += kApi;
    s += kZiggurat;
    vm::PackageDef d{"math/rand", s, {}};
    d.natives = {{"rngSource.Seed", nSeed},
                 {"rngSource.Int63", nInt63},
                 {"rngSource.Uint64", nUint64},
                 {"randomSeed", nRandomSeed}};
    return d;
}

} // namespace gol::stdlib
