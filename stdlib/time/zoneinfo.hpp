// time.LoadLocation's zones from the system's tz database: a TZif reader (native) and the gol
// code that looks a time up in the transitions and, past the last one, in the POSIX TZ rule.
#pragma once

#include "vm/native.hpp"

namespace gol::stdlib {

// Go declarations appended to package time: zoneTrans, Location.lookupTZ and the TZ-rule code.
const char* timeZoneSource();
// readZoneinfo(name) (names []string, offsets []int, dst []int, when []int64, index []int,
// extend string, err string): err is Go's error text, "" on success.
void nReadZoneinfo(vm::NativeCall& c);

} // namespace gol::stdlib
