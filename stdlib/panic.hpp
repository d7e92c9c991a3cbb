// The one way a pure stdlib function reports a Go panic.
//
// Some Go library functions panic on bad arguments (strings.Repeat with a negative count,
// strconv.FormatInt with base 1). Their C++ cores throw Panic with Go's exact message; the
// native binding layer catches it at the native-call boundary and raises a Go runtime panic with
// that value, so the message reaches the script (and recover) unchanged.
#pragma once

#include <stdexcept>
#include <string>

namespace gol::stdlib {

struct Panic : std::runtime_error {
    explicit Panic(const std::string& msg) : std::runtime_error(msg) {}
};

} // namespace gol::stdlib
