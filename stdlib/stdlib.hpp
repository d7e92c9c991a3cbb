// The standard library: Go's packages, registered through the binding layer (vm/native.hpp).
#pragma once

#include "vm/native.hpp"

namespace gol::stdlib {

// Registers every standard package (Go source + natives) into a VM's registry.
void registerAll(vm::PackageRegistry& registry);

} // namespace gol::stdlib
