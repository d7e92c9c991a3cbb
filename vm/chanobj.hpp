// The heap object behind a channel value: the runtime's Chan placed inside a GC-managed object.
#pragma once

#include "runtime/chan.hpp"
#include "vm/object.hpp"

namespace gol::vm {

struct ChanObj : Obj {
    const RType* type; // the channel type
    rt::Chan ch;
    ChanObj(const RType* t, int64_t cap) : type(t), ch(cap, t->elem->isRef()) {}
};

} // namespace gol::vm
