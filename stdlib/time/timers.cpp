// time's Sleep, Timer, Ticker, After, Tick and AfterFunc (appended to package time's source by
// stdlib/time/package.cpp).
//
// Sleep parks the goroutine on a runtime timer (rt::sleepFor: per-P timer heaps, never an M).
// A Timer or Ticker is a generation counter plus a goroutine per arming that sleeps until the
// deadline and then fires only if its generation is still current; Stop and Reset bump the
// generation under the timer's lock, which gives Go's results (Stop reports whether it stopped
// a pending timer) without a callback ever running script code on the scheduler. The lock is
// the runtime's Mutex stored in the struct (as package sync does), since time cannot import sync.
// A stopped timer's goroutine stays asleep until its old deadline and then exits.
#include "runtime/runtime.hpp"
#include "runtime/sync.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(

// ---- gol: timers (stdlib/time/timers.cpp)

func Sleep(d Duration)

type timerLock struct {
	state int64
}

func (l *timerLock) lock()
func (l *timerLock) unlock()

type Timer struct {
	C <-chan Time

	c      chan Time
	f      func()
	mu     timerLock
	seq    int64
	active bool
	period Duration // Ticker: > 0
}

// arm starts the goroutine of generation seq; the caller holds t.mu.
func (t *Timer) arm(d Duration) {
	t.seq++
	t.active = true
	go t.run(t.seq, d)
}

func (t *Timer) run(seq int64, d Duration) {
	next := runtimeNano() + int64(d)
	for {
		Sleep(Duration(next - runtimeNano()))
		t.mu.lock()
		if t.seq != seq || !t.active {
			t.mu.unlock()
			return
		}
		if t.period <= 0 {
			t.active = false
		}
		t.mu.unlock()
		if t.f != nil {
			t.f()
		} else {
			select {
			case t.c <- Now():
			default:
			}
		}
		if t.period <= 0 {
			return
		}
		next += int64(t.period)
		if now := runtimeNano(); next < now {
			// Go's tickers drop ticks for slow receivers rather than bunching them.
			next = now + int64(t.period) - (now-next)%int64(t.period)
		}
	}
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	t.mu.lock()
	t.arm(d)
	t.mu.unlock()
	return t
}

func (t *Timer) Stop() bool {
	if t.c == nil && t.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	t.mu.lock()
	was := t.active
	t.active = false
	t.seq++
	t.mu.unlock()
	return was
}

func (t *Timer) Reset(d Duration) bool {
	if t.c == nil && t.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	t.mu.lock()
	was := t.active
	t.arm(d)
	t.mu.unlock()
	return was
}

func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	t.mu.lock()
	t.arm(d)
	t.mu.unlock()
	return t
}

type Ticker struct {
	C <-chan Time

	t *Timer
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c, period: d}
	t.mu.lock()
	t.arm(d)
	t.mu.unlock()
	return &Ticker{C: c, t: t}
}

func (t *Ticker) Stop() {
	if t.t != nil {
		t.t.Stop()
	}
}

func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.t == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	t.t.mu.lock()
	t.t.period = d
	t.t.arm(d)
	t.t.mu.unlock()
}

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
)go";

static_assert(sizeof(rt::Mutex) <= sizeof(Value), "timerLock has one state field");

rt::Mutex* lockOf(NativeCall& c) {
    auto* box = static_cast<vm::BoxObj*>(c.arg(0).p);
    return reinterpret_cast<rt::Mutex*>(&box->fields[0]);
}

void nSleep(NativeCall& c) {
    int64_t d = argInt(c, 0);
    if (d <= 0) return; // Go returns at once for a non-positive duration
    rt::sleepFor(d);
}

void nLock(NativeCall& c) { lockOf(c)->lock(); }
void nUnlock(NativeCall& c) {
    if (lockOf(c)->unlock() != rt::SyncError::None) c.vm.fatalError(c.thread, "sync: unlock of unlocked mutex");
}

} // namespace

const char* timeTimersSource() { return kSource; }

std::vector<vm::NativeDef> timeTimersNatives() {
    return {{"Sleep", nSleep}, {"timerLock.lock", nLock}, {"timerLock.unlock", nUnlock}};
}

} // namespace gol::stdlib
