// select.hpp — Go's select statement (runtime/select.go's selectgo).
#pragma once

#include <cstdint>

#include "runtime/chan.hpp"

namespace gol::rt {

struct SelectCase {
    Chan* c = nullptr; // nil: the case can never proceed (Go ignores it)
    bool isSend = false;
    uint64_t sendValue = 0;       // isSend
    uint64_t* recvInto = nullptr; // !isSend; may be null (value discarded)
};

// Runs one select: returns the index of the case that proceeded, or -1 if hasDefault and no
// case was ready. For a receive case *recvOK tells whether a value was received (false: the
// channel is closed). A chosen send case on a closed channel returns its index with
// *sendClosed set: the VM must then panic "send on closed channel".
// n == 0 and !hasDefault is `select {}`: parks forever ("select (no cases)").
int selectgo(SelectCase* cases, int n, bool hasDefault, bool* recvOK, bool* sendClosed = nullptr);

} // namespace gol::rt
