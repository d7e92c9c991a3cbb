// chan.cpp — channel send, receive and close (Go's chan.go). Invariants and the lock rule
// are at the top of chan.hpp; the rules specific to the code here:
//  * A blocked sender's value travels in its sudog (elem); a receiver that is handed a value
//    finds it in its own sudog's elem and copies it out after waking, on its own stack.
//  * The waker sets sg->success and gp->param and removes the sudog from the queue under the
//    channel lock, unlocks, and only then readies the G.
//  * Parking happens with the lock held; chanparkcommit releases it on g0 after the switch,
//    so a waker cannot ready a G that is still running.
#include "runtime/chan.hpp"

#include <cstdlib>
#include <new>

#include "runtime/chan_ops.hpp"
#include "runtime/proc.hpp"

namespace gol::rt {

const char* chanErrorString(ChanError e) {
    switch (e) {
    case ChanError::None: return "";
    case ChanError::SendOnClosed: return "send on closed channel";
    case ChanError::CloseOfClosed: return "close of closed channel";
    case ChanError::CloseOfNil: return "close of nil channel";
    }
    return "";
}

// ---- wait queues (under the channel lock) -----------------------------------------------------

void WaitQ::enqueue(Sudog* s) {
    s->next = nullptr;
    s->prev = last;
    if (last)
        last->next = s;
    else
        first = s;
    last = s;
}

Sudog* WaitQ::dequeue() {
    for (;;) {
        Sudog* s = first;
        if (!s) return nullptr;
        first = s->next;
        if (first)
            first->prev = nullptr;
        else
            last = nullptr;
        s->next = s->prev = nullptr;
        // A select G is queued on several channels; only the first waker to flip selectDone
        // gets it. seq_cst CAS: the other wakers (on other channels, under other locks) must
        // agree on a single winner.
        if (s->isSelect) {
            uint32_t zero = 0;
            if (!s->g->selectDone.compare_exchange_strong(zero, 1)) continue;
        }
        return s;
    }
}

void WaitQ::remove(Sudog* s) {
    if (s->prev) {
        s->prev->next = s->next;
    } else {
        if (first != s) return; // not queued (a waker already dequeued it)
        first = s->next;
    }
    if (s->next)
        s->next->prev = s->prev;
    else
        last = s->prev;
    s->next = s->prev = nullptr;
}

// ---- Chan -------------------------------------------------------------------------------------

Chan::Chan(int64_t cap, bool elemIsPointer)
    : dataqsiz_(cap > 0 ? static_cast<uint64_t>(cap) : 0), elemIsPointer_(elemIsPointer) {
    if (dataqsiz_ > 0) {
        buf_ = static_cast<uint64_t*>(calloc(dataqsiz_, sizeof(uint64_t)));
        if (!buf_) throw std::bad_alloc();
    }
}

Chan::~Chan() {
    free(buf_);
}

int64_t Chan::len() {
    std::lock_guard<RankedMutex> g(lock_);
    return static_cast<int64_t>(qcount_);
}

bool Chan::isClosed() {
    std::lock_guard<RankedMutex> g(lock_);
    return closed_;
}

static bool chanparkcommit(G*, void* lock) {
    static_cast<RankedMutex*>(lock)->unlock();
    return true;
}

[[noreturn]] static void blockForever(WaitReason r) {
    gopark(nullptr, nullptr, r);
    // Only ~Runtime resumes a G parked without a waker, and then mcall throws to unwind.
    abort();
}

SendResult Chan::send(uint64_t v, bool block) {
    lock_.lock();
    if (closed_) {
        lock_.unlock();
        return SendResult::Closed;
    }
    if (Sudog* sg = recvq_.dequeue()) {
        G* gp = ChanOps::sendToWaiter(this, sg, v);
        lock_.unlock();
        goready(gp);
        return SendResult::Sent;
    }
    if (ChanOps::bufPut(this, v)) {
        lock_.unlock();
        return SendResult::Sent;
    }
    if (!block) {
        lock_.unlock();
        return SendResult::WouldBlock;
    }
    G* gp = getg();
    Sudog sg;
    sg.g = gp;
    sg.c = this;
    sg.elem = v;
    sg.elemIsPointer = elemIsPointer_;
    gp->waiting = &sg;
    gp->param = nullptr;
    sendq_.enqueue(&sg);
    gopark(chanparkcommit, &lock_, WaitReason::ChanSend);
    gp->waiting = nullptr;
    gp->param = nullptr;
    return sg.success ? SendResult::Sent : SendResult::Closed; // woken by close: panic
}

RecvResult Chan::recv(uint64_t* out, bool* ok, bool block) {
    lock_.lock();
    if (closed_ && qcount_ == 0) {
        lock_.unlock();
        if (out) *out = 0;
        if (ok) *ok = false;
        return RecvResult::Received;
    }
    if (Sudog* sg = sendq_.dequeue()) {
        G* gp = ChanOps::recvFromWaiter(this, sg, out);
        lock_.unlock();
        goready(gp);
        if (ok) *ok = true;
        return RecvResult::Received;
    }
    if (ChanOps::bufGet(this, out)) {
        lock_.unlock();
        if (ok) *ok = true;
        return RecvResult::Received;
    }
    if (!block) {
        lock_.unlock();
        return RecvResult::WouldBlock;
    }
    G* gp = getg();
    Sudog sg;
    sg.g = gp;
    sg.c = this;
    sg.elemIsPointer = elemIsPointer_;
    gp->waiting = &sg;
    gp->param = nullptr;
    recvq_.enqueue(&sg);
    gopark(chanparkcommit, &lock_, WaitReason::ChanReceive);
    if (out) *out = sg.elem;
    if (ok) *ok = sg.success;
    gp->waiting = nullptr;
    gp->param = nullptr;
    return RecvResult::Received;
}

CloseResult Chan::close() {
    lock_.lock();
    if (closed_) {
        lock_.unlock();
        return CloseResult::AlreadyClosed;
    }
    closed_ = true;
    // Collect every waiter, then ready them after unlocking.
    G* head = nullptr;
    while (Sudog* sg = recvq_.dequeue()) {
        sg->elem = 0;
        sg->success = false;
        sg->g->param = sg;
        sg->g->schedlink = head;
        head = sg->g;
    }
    while (Sudog* sg = sendq_.dequeue()) {
        sg->success = false;
        sg->g->param = sg;
        sg->g->schedlink = head;
        head = sg->g;
    }
    lock_.unlock();
    while (head) {
        G* gp = head;
        head = gp->schedlink;
        gp->schedlink = nullptr;
        goready(gp);
    }
    return CloseResult::Closed;
}

SendResult chansend(Chan* c, uint64_t v, bool block) {
    if (!c) {
        if (!block) return SendResult::WouldBlock;
        blockForever(WaitReason::ChanSendNilChan);
    }
    return c->send(v, block);
}

RecvResult chanrecv(Chan* c, uint64_t* out, bool* ok, bool block) {
    if (!c) {
        if (!block) return RecvResult::WouldBlock;
        blockForever(WaitReason::ChanReceiveNilChan);
    }
    return c->recv(out, ok, block);
}

ChanError closechan(Chan* c) {
    if (!c) return ChanError::CloseOfNil;
    return c->close() == CloseResult::Closed ? ChanError::None : ChanError::CloseOfClosed;
}

} // namespace gol::rt
