// registerAll: every standard package, in one table.
#include "stdlib/packages.hpp"
#include "stdlib/stdlib.hpp"
#include "stdlib/sync/packages.hpp"

namespace gol::stdlib {

void registerAll(vm::PackageRegistry& registry) {
    using Factory = vm::PackageDef (*)();
    static constexpr Factory kPackages[] = {
        makeErrorsPackage,  makeIoPackage,     makeIoFsPackage,     makeSyscallPackage,     makeFmtPackage,      makeOsPackage,      makeStringsPackage,
        makeStrconvPackage, makeUnicodePackage, makeUtf8Package,    makeMathPackage,    makeMathBitsPackage,
        makeMathRandPackage, makeSortPackage,   makeBytesPackage,   makeBufioPackage,   makePathPackage,
        makeFilepathPackage, makeTimePackage,   makeRegexpPackage,   makeRuntimeDebugPackage,
    };
    for (Factory f : kPackages) registry.add(f());
    for (Factory f : {makeSyncPackage, makeAtomicPackage, makeRuntimePackage, makeContextPackage}) registry.add(f());
}

} // namespace gol::stdlib
