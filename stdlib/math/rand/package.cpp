// Package math/rand: Go's generator and distributions (gosrc.inc, from Go's sources) so a seeded
// source yields Go's exact sequence. The global source is Go's lockedSource, so the top-level
// functions are safe from any goroutine; as in Go 1.20+ it starts from a random seed unless Seed
// is called.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <random>

namespace gol::stdlib {

namespace {

constexpr const char* kGoSource[] = {
#include "stdlib/math/rand/gosrc.inc"
};

void nRandomSeed(NativeCall& c) {
    std::random_device rd;
    uint64_t s = (uint64_t(rd()) << 32) ^ rd();
    c.result(0, Value::fromInt(int64_t(s >> 1)));
}

} // namespace

vm::PackageDef makeMathRandPackage() {
    std::string s = "package rand\n\nimport (\n\t\"math\"\n\t\"sync\"\n)\n\nfunc randomSeed() int64\n";
    for (const char* part : kGoSource) s += part;
    vm::PackageDef d{"math/rand", s, {}};
    d.natives = {{"randomSeed", nRandomSeed}};
    return d;
}

} // namespace gol::stdlib
