// One factory per standard package: its Go source and natives (vm::PackageDef). registerAll
// (registry.cpp) adds them all; tests may build a single one.
#pragma once

#include "vm/native.hpp"

namespace gol::stdlib {

vm::PackageDef makeBufioPackage();
vm::PackageDef makeBytesPackage();
vm::PackageDef makeErrorsPackage();
vm::PackageDef makeFmtPackage();
vm::PackageDef makeIoPackage();
vm::PackageDef makeIoFsPackage();
vm::PackageDef makeMathPackage();
vm::PackageDef makeMathBitsPackage();
vm::PackageDef makeMathRandPackage();
vm::PackageDef makeOsPackage();
vm::PackageDef makePathPackage();
vm::PackageDef makeFilepathPackage();
vm::PackageDef makeRegexpPackage();
vm::PackageDef makeRuntimeDebugPackage();
vm::PackageDef makeSortPackage();
vm::PackageDef makeStrconvPackage();
vm::PackageDef makeStringsPackage();
vm::PackageDef makeSyscallPackage();
vm::PackageDef makeTimePackage();
vm::PackageDef makeUnicodePackage();
vm::PackageDef makeUtf8Package();

} // namespace gol::stdlib
