// strconv.ParseBool / FormatBool.
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib::strconv {

Parsed<bool> ParseBool(std::string_view s) {
    if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True") return {true, {}};
    if (s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" || s == "False") return {false, {}};
    return {false, NumError{"ParseBool", std::string(s), ErrKind::Syntax}};
}

std::string FormatBool(bool b) {
    return b ? "true" : "false";
}
void AppendBool(std::string& dst, bool b) {
    dst += b ? "true" : "false";
}

} // namespace gol::stdlib::strconv
