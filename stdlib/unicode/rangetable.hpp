// unicode's RangeTable API: the types, Is/In/IsOneOf, SpecialCase, and every named table of Go's
// tables.go (Latin, Han, Lu, White_Space, ... and the Categories/Scripts/Properties maps).
#pragma once

#include "vm/native.hpp"

#include <string>
#include <vector>

namespace gol::stdlib::unicode {

// The Go declarations to append to package unicode's source.
std::string rangeTableSource();
// The natives those declarations need.
void addRangeTableNatives(std::vector<vm::NativeDef>& natives);

} // namespace gol::stdlib::unicode
