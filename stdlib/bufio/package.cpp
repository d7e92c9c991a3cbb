// Package bufio: Reader, Writer and Scanner, written in gol's Go subset (reader.go.inc,
// writer.go.inc, scan.go.inc, split.go.inc).
#include "stdlib/packages.hpp"

#include <string>

namespace gol::stdlib {

namespace {

constexpr const char* kGoSource[] = {
#include "stdlib/bufio/reader.go.inc"
    ,
#include "stdlib/bufio/writer.go.inc"
    ,
#include "stdlib/bufio/scan.go.inc"
    ,
#include "stdlib/bufio/split.go.inc"
};

} // namespace

vm::PackageDef makeBufioPackage() {
    std::string s = "package bufio\n\nimport (\n\t\"bytes\"\n\t\"errors\"\n\t\"io\"\n\t\"unicode/utf8\"\n)\n";
    for (const char* part : kGoSource) s += part;
    return {"bufio", s, {}};
}

} // namespace gol::stdlib
