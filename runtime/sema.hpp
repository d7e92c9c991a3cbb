// sema.hpp — semaphores that park goroutines (Go's runtime/sema.go), the base of sync.
//
// semacquire(addr) waits until *addr > 0 and then decrements it; semrelease(addr) increments
// it and wakes one waiter. Waiters are kept per address in a table of the Runtime
// (Go's semtable: 251 buckets, a prime so that addresses aligned to powers of two spread).
// Lock: each bucket has its own mutex (rank "semaRoot"); it is never held while another
// bucket's or a channel's lock is taken, and Gs are readied after unlocking it.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/g.hpp"

namespace gol::rt {

// lifo: queue at the head (Go uses it for a Mutex waiter that already waited once).
void semacquire(std::atomic<uint32_t>* addr, bool lifo, WaitReason reason);
// handoff: give the count directly to the first waiter and yield to it (starving Mutex).
void semrelease(std::atomic<uint32_t>* addr, bool handoff);

// Cond's ticket list (Go's notifyList): wait in ticket order, notify one or all.
struct NotifyList {
    std::atomic<uint32_t> wait{0}; // next ticket
    uint32_t notify = 0;           // next ticket to be notified (under lock)
    struct Waiter* head = nullptr;
    struct Waiter* tail = nullptr;
    std::atomic<uint32_t> lock{0}; // spin lock: held only for list surgery, never across a park
};
uint32_t notifyListAdd(NotifyList* l);
void notifyListWait(NotifyList* l, uint32_t ticket);
void notifyListNotifyOne(NotifyList* l);
void notifyListNotifyAll(NotifyList* l);

} // namespace gol::rt
