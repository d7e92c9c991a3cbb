// The concurrency packages (sync, sync/atomic, runtime, context) and the timer half of time:
// factories registered by stdlib/registry.cpp.
#pragma once

#include "vm/native.hpp"

#include <string>
#include <vector>

namespace gol::stdlib {

vm::PackageDef makeSyncPackage();
vm::PackageDef makeAtomicPackage();
vm::PackageDef makeRuntimePackage();
vm::PackageDef makeContextPackage();

// time's Sleep, Timer, Ticker, After, Tick and AfterFunc (stdlib/time/timers.cpp): Go source
// appended to package time's source, and the natives it declares.
const char* timeTimersSource();
std::vector<vm::NativeDef> timeTimersNatives();

} // namespace gol::stdlib
