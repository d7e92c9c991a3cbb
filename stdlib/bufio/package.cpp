// Package bufio: Go's own Reader, Writer and Scanner (gosrc.inc, from Go's sources).
#include "stdlib/packages.hpp"

#include <string>

namespace gol::stdlib {

namespace {

constexpr const char* kGoSource[] = {
#include "stdlib/bufio/gosrc.inc"
};

} // namespace

vm::PackageDef makeBufioPackage() {
    std::string s = "package bufio\n\nimport (\n\t\"bytes\"\n\t\"errors\"\n\t\"io\"\n\t\"strings\"\n\t\"unicode/utf8\"\n)\n";
    for (const char* part : kGoSource) s += part;
    return {"bufio", s, {}};
}

} // namespace gol::stdlib
