// traceback.cpp — "goroutine N [state]:" blocks for deadlock reports, fatal panics and SIGQUIT.
//
// The frames come from the VM's hook (RuntimeOptions::traceback); the runtime only knows
// each G's status and wait reason. A G running on another M is not inspected (its VM stack is
// changing under us): Go prints the same placeholder line for it.
// Locks: allglock while copying the G list; no lock while calling the hook.
#include <string>

#include "runtime/proc.hpp"

namespace gol::rt {

static void header(std::string& out, G* gp, const char* state, int64_t now) {
    out += "goroutine ";
    out += std::to_string(gp->goid);
    out += " [";
    out += state;
    if (gp->status() == GStatus::Waiting) {
        // Go adds the wait time once it reaches a minute: "[chan receive, 2 minutes]".
        int64_t mins = (now - gp->waitSince()) / 60'000'000'000LL;
        if (gp->waitSince() != 0 && mins >= 1)
            out += ", " + std::to_string(mins) + (mins == 1 ? " minute" : " minutes");
    }
    out += "]:\n";
}

std::string Runtime::allGoroutinesTrace() {
    Sched& s = *s_;
    std::string out;
    int64_t now = nanotime();
    G* me = getg();
    bool first = true;
    auto frames = [&](G* gp) {
        if (s.opts.traceback) s.opts.traceback(gp, out);
    };
    if (me && me->rt == this) {
        header(out, me, "running", now);
        frames(me);
        first = false;
    }
    forEachAllg(s, [&](G* gp) {
        if (gp == me) return;
        GStatus st = gp->status();
        if (st == GStatus::Dead || st == GStatus::Idle) return;
        if (!first) out += "\n";
        first = false;
        switch (st) {
        case GStatus::Running:
            header(out, gp, "running", now);
            out += "\tgoroutine running on other thread; stack unavailable\n";
            break;
        case GStatus::Waiting: {
            const char* r = waitReasonString(gp->waitReason());
            header(out, gp, *r ? r : "waiting", now);
            frames(gp);
            break;
        }
        case GStatus::Preempted: // queued again after a preemption: Go shows it runnable
            header(out, gp, "runnable", now);
            frames(gp);
            break;
        default:
            header(out, gp, gstatusString(st), now);
            frames(gp);
            break;
        }
    });
    return out;
}

} // namespace gol::rt
