// syscall.cpp — entersyscall / exitsyscall: the hand-off half of Go's GMP (proc.go).
//
// entersyscall leaves the P attached to nothing but remembered in m->oldp, with status
// Syscall. From then on sysmon (retake, after about 20 µs) or a stop-the-world may CAS the
// P's status away from Syscall and give the P to another M (handoffp), so the Gs queued on it
// keep running while this M blocks in the kernel or in a host callback.
// exitsyscall tries, in order: (1) CAS its old P from Syscall back to Running — nobody took
// it; (2) an idle P; (3) give up: on g0, queue the G globally and park the M (afterSwitch,
// Action::ExitSyscall).
// Invariant: while the G is in a syscall it touches no P state (no runqput, no timers): the
// P may belong to another M by now.
#include "runtime/proc.hpp"

namespace gol::rt {

void entersyscall() {
    M* m = currentM();
    Sched& s = *m->s;
    G* gp = m->curg.load();
    P* pp = m->p;
    gp->atomicstatus.store(GStatus::Syscall);
    pp->syscalltick.fetch_add(1, std::memory_order_relaxed);
    m->oldp = pp;
    m->p = nullptr;
    pp->m = nullptr;
    // seq_cst: pairs with sysmon's and stopTheWorld's CAS of the status.
    pp->status.store(PStatus::Syscall);
    if (s.gcwaiting.load()) {
        // A stop-the-world is waiting for this P: hand it in now instead of making it wait
        // for the syscall to end.
        PStatus st = PStatus::Syscall;
        if (pp->status.compare_exchange_strong(st, PStatus::Stopped)) {
            std::lock_guard<RankedMutex> g(s.lock);
            if (--s.stopwait == 0) s.stopnote.wakeup();
        }
    }
    if (s.sysmonIdle.load()) sysmonwake(s); // sysmon must watch this syscall
}

void exitsyscall() {
    M* m = currentM();
    Sched& s = *m->s;
    G* gp = m->curg.load();
    P* oldp = m->oldp;
    m->oldp = nullptr;
    PStatus st = PStatus::Syscall;
    if (oldp && oldp->status.compare_exchange_strong(st, PStatus::Running)) {
        m->p = oldp;
        oldp->m = m;
        gp->atomicstatus.store(GStatus::Running);
        if (s.frozen.load() || s.gcwaiting.load()) gp->preempt.store(1);
        return;
    }
    P* pp = nullptr;
    {
        std::lock_guard<RankedMutex> g(s.lock);
        if (!s.frozen.load() && !s.gcwaiting.load() && !s.exiting.load()) pp = pidleget(s);
    }
    if (pp) {
        acquirep(m, pp);
        gp->atomicstatus.store(GStatus::Running);
        return;
    }
    mcall(M::Action::ExitSyscall); // returns on whichever M runs the G next
}

} // namespace gol::rt
