// Package path: Go's own code (gosrc.inc).
#include "stdlib/packages.hpp"

#include <string>

namespace gol::stdlib {

namespace {

constexpr const char* kGoSource[] = {
#include "stdlib/path/gosrc.inc"
};

} // namespace

vm::PackageDef makePathPackage() {
    std::string s = "package path\n\nimport (\n\t\"errors\"\n\t\"strings\"\n\t\"unicode/utf8\"\n)\n";
    for (const char* part : kGoSource) s += part;
    return {"path", s, {}};
}

} // namespace gol::stdlib
