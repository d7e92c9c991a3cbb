// Helpers shared by the strconv implementation files; not part of the package's API.
#pragma once

#include <string_view>

namespace gol::stdlib::strconv {

// Go's underscoreOK: '_' may appear only between digits, or between a base prefix and a digit.
bool underscoreOK(std::string_view s);

} // namespace gol::stdlib::strconv
