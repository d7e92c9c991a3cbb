// select.cpp — Go's selectgo (select.go).
//
// Algorithm:
//  1. pollorder: a random permutation of the cases with a non-nil channel (fairness: no
//     case is favoured when several are ready). lockorder: the same cases sorted by channel
//     address, so that two selects over the same channels lock them in the same order.
//  2. Lock every channel (each distinct one once) in lockorder.
//  3. Pass 1, in pollorder: the first case that can proceed now wins.
//  4. None and a default: unlock, return -1.
//  5. Pass 2: enqueue one sudog per case (isSelect) on its channel, park; selparkcommit
//     unlocks all channels on g0.
//  6. A waker dequeues one of our sudogs only if it wins g->selectDone (WaitQ::dequeue);
//     it stores that sudog in g->param and readies us.
//  7. Pass 3: relock all, remove our other sudogs from their queues, unlock, report the case.
// Locks: several Hchan locks at once, always in address order (the only place they nest).
#include "runtime/select.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "runtime/chan_ops.hpp"
#include "runtime/proc.hpp"

namespace gol::rt {

namespace {

// Small-buffer arrays: a select has a handful of cases; avoid the allocator for those.
template <class T, int N> struct SmallArray {
    T inline_[N];
    std::vector<T> heap_;
    T* p;
    explicit SmallArray(int n) : p(inline_) {
        if (n > N) {
            heap_.resize(n);
            p = heap_.data();
        }
    }
    T& operator[](int i) { return p[i]; }
};

struct LockSet {
    Chan** chans; // in lock order, duplicates included
    int n;
};

void sellock(LockSet& ls) {
    Chan* prev = nullptr;
    for (int i = 0; i < ls.n; i++) {
        if (ls.chans[i] != prev) ChanOps::lock(ls.chans[i]).lock();
        prev = ls.chans[i];
    }
}

void selunlock(LockSet& ls) {
    // Reverse order; each distinct channel once (duplicates are adjacent after sorting).
    for (int i = ls.n - 1; i >= 0; i--) {
        if (i > 0 && ls.chans[i - 1] == ls.chans[i]) continue;
        ChanOps::lock(ls.chans[i]).unlock();
    }
}

bool selparkcommit(G*, void* arg) {
    selunlock(*static_cast<LockSet*>(arg));
    return true;
}

} // namespace

int selectgo(SelectCase* cases, int n, bool hasDefault, bool* recvOK, bool* sendClosed) {
    if (recvOK) *recvOK = false;
    if (sendClosed) *sendClosed = false;
    if (n == 0 && !hasDefault) {
        gopark(nullptr, nullptr, WaitReason::SelectNoCases);
        abort(); // unreachable: only ~Runtime resumes it, by unwinding
    }
    M* m = currentM();
    SmallArray<int, 8> pollorder(n);
    SmallArray<int, 8> lockorder(n);
    int npoll = 0;
    for (int i = 0; i < n; i++) {
        if (cases[i].c == nullptr) continue; // a nil channel never proceeds
        int j = static_cast<int>(fastrandn(m, static_cast<uint32_t>(npoll + 1)));
        pollorder[npoll] = pollorder[j];
        pollorder[j] = i;
        npoll++;
    }
    for (int i = 0; i < npoll; i++)
        lockorder[i] = pollorder[i];
    std::sort(lockorder.p, lockorder.p + npoll,
              [&](int a, int b) { return std::less<Chan*>()(cases[a].c, cases[b].c); });
    SmallArray<Chan*, 8> lockchans(n);
    for (int i = 0; i < npoll; i++)
        lockchans[i] = cases[lockorder[i]].c;
    LockSet ls{lockchans.p, npoll};

    sellock(ls);
    // Pass 1: is any case ready?
    for (int k = 0; k < npoll; k++) {
        int i = pollorder[k];
        SelectCase& sc = cases[i];
        Chan* c = sc.c;
        if (sc.isSend) {
            if (ChanOps::closed(c)) {
                selunlock(ls);
                if (sendClosed) *sendClosed = true;
                return i;
            }
            if (Sudog* sg = ChanOps::recvq(c).dequeue()) {
                G* gp = ChanOps::sendToWaiter(c, sg, sc.sendValue);
                selunlock(ls);
                goready(gp);
                return i;
            }
            if (ChanOps::bufPut(c, sc.sendValue)) {
                selunlock(ls);
                return i;
            }
        } else {
            if (Sudog* sg = ChanOps::sendq(c).dequeue()) {
                G* gp = ChanOps::recvFromWaiter(c, sg, sc.recvInto);
                selunlock(ls);
                goready(gp);
                if (recvOK) *recvOK = true;
                return i;
            }
            if (ChanOps::bufGet(c, sc.recvInto)) {
                selunlock(ls);
                if (recvOK) *recvOK = true;
                return i;
            }
            if (ChanOps::closed(c)) {
                selunlock(ls);
                if (sc.recvInto) *sc.recvInto = 0;
                return i;
            }
        }
    }
    if (hasDefault) {
        selunlock(ls);
        return -1;
    }

    // Pass 2: enqueue on every channel and park.
    G* gp = getg();
    SmallArray<Sudog, 8> sgs(n);
    gp->selectDone.store(0);
    gp->param = nullptr;
    Sudog** link = &gp->waiting;
    for (int k = 0; k < npoll; k++) {
        int i = lockorder[k];
        Sudog& sg = sgs[k];
        sg = Sudog{};
        sg.g = gp;
        sg.c = cases[i].c;
        sg.isSelect = true;
        sg.caseIndex = i;
        sg.elemIsPointer = cases[i].c->elemIsPointer();
        if (cases[i].isSend) sg.elem = cases[i].sendValue;
        *link = &sg;
        link = &sg.waitlink;
        if (cases[i].isSend)
            ChanOps::sendq(cases[i].c).enqueue(&sg);
        else
            ChanOps::recvq(cases[i].c).enqueue(&sg);
    }
    *link = nullptr;
    gopark(selparkcommit, &ls, WaitReason::Select);

    // Pass 3: woken by the winner; dequeue the losers.
    sellock(ls);
    Sudog* win = static_cast<Sudog*>(gp->param);
    int casi = -1;
    for (Sudog* sg = gp->waiting; sg; sg = sg->waitlink) {
        if (sg == win) {
            casi = sg->caseIndex;
            continue;
        }
        if (cases[sg->caseIndex].isSend)
            ChanOps::sendq(sg->c).remove(sg);
        else
            ChanOps::recvq(sg->c).remove(sg);
    }
    selunlock(ls);
    gp->waiting = nullptr;
    gp->param = nullptr;
    if (!win) abort(); // woken without a winner: a runtime bug
    SelectCase& sc = cases[casi];
    if (sc.isSend) {
        if (!win->success && sendClosed) *sendClosed = true;
    } else {
        if (sc.recvInto) *sc.recvInto = win->elem;
        if (recvOK) *recvOK = win->success;
    }
    return casi;
}

} // namespace gol::rt
