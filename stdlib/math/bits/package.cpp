// Package math/bits: Go's own code (gosrc.inc); its two runtime panics are natives.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kGoSource[] = {
#include "stdlib/math/bits/gosrc.inc"
};

} // namespace

vm::PackageDef makeMathBitsPackage() {
    std::string s = "package bits\n\nfunc panicOverflow()\nfunc panicDivide()\n";
    for (const char* part : kGoSource) s += part;
    vm::PackageDef d{"math/bits", s, {}};
    d.natives = {
        {"panicOverflow", +[](NativeCall& c) { c.panicRuntimeError("integer overflow"); }},
        {"panicDivide", +[](NativeCall& c) { c.panicRuntimeError("integer divide by zero"); }},
    };
    return d;
}

} // namespace gol::stdlib
