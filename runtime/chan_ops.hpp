// chan_ops.hpp — channel internals shared by chan.cpp and select.cpp (not for the VM).
// Every function requires the channel's lock to be held by the caller.
#pragma once

#include "runtime/chan.hpp"

namespace gol::rt {

// Operations shared with select.cpp, which holds the lock(s) itself.
struct ChanOps {
    // c->lock_ held; sg dequeued from recvq. Hands v to the receiver; returns the G to ready.
    static G* sendToWaiter(Chan* c, Sudog* sg, uint64_t v) {
        (void)c;
        sg->elem = v;
        sg->success = true;
        sg->g->param = sg;
        return sg->g;
    }
    // c->lock_ held; sg dequeued from sendq. Takes a value for us; returns the G to ready.
    static G* recvFromWaiter(Chan* c, Sudog* sg, uint64_t* out) {
        uint64_t v;
        if (c->dataqsiz_ == 0) {
            v = sg->elem;
        } else {
            // Full buffer: take its head, put the sender's value at its tail (same slot,
            // since head == tail when full), so FIFO order holds.
            v = c->buf_[c->recvx_];
            c->buf_[c->recvx_] = sg->elem;
            c->recvx_ = (c->recvx_ + 1) % c->dataqsiz_;
            c->sendx_ = c->recvx_;
        }
        if (out) *out = v;
        sg->success = true;
        sg->g->param = sg;
        return sg->g;
    }
    static bool bufPut(Chan* c, uint64_t v) {
        if (c->qcount_ >= c->dataqsiz_) return false;
        c->buf_[c->sendx_] = v;
        c->sendx_ = (c->sendx_ + 1) % c->dataqsiz_;
        c->qcount_++;
        return true;
    }
    static bool bufGet(Chan* c, uint64_t* out) {
        if (c->qcount_ == 0) return false;
        uint64_t v = c->buf_[c->recvx_];
        c->buf_[c->recvx_] = 0; // no stale reference for the GC
        c->recvx_ = (c->recvx_ + 1) % c->dataqsiz_;
        c->qcount_--;
        if (out) *out = v;
        return true;
    }
    static RankedMutex& lock(Chan* c) { return c->lock_; }
    static bool closed(Chan* c) { return c->closed_; }
    static WaitQ& sendq(Chan* c) { return c->sendq_; }
    static WaitQ& recvq(Chan* c) { return c->recvq_; }
};

} // namespace gol::rt
