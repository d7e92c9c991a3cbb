// time's Sleep, Timer, Ticker, After, Tick and AfterFunc (appended to package time's source by
// stdlib/time/package.cpp).
//
// Sleep parks the goroutine on a runtime timer (rt::sleepFor: per-P timer heaps, never an M).
// A Timer or Ticker is a generation counter plus a goroutine per arming that waits for a runtime
// timer (a `sleeper`: an rt::Timer whose callback does a non-blocking send on a buffered
// channel) or for the arming's stop channel, and fires only if its generation is still current.
// Stop and Reset bump the generation and close the stop channel under the timer's lock, which
// gives Go's results (Stop reports whether it stopped a pending timer) without a timer callback
// ever running script code on the scheduler, and ends a stopped timer's goroutine at once (so
// deadlock detection and NumGoroutine see no leftover sleeper). The lock is the runtime's Mutex
// stored in the struct (as package sync does), since time cannot import sync.
#include "runtime/runtime.hpp"
#include "runtime/sync.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"
#include "vm/vm.hpp"

#include <new>

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
	stopc  chan bool // closed when the current arming is stopped or replaced
}

// disarm ends the current arming's goroutine; the caller holds t.mu.
func (t *Timer) disarm() {
	t.seq++
	t.active = false
	if t.stopc != nil {
		close(t.stopc)
		t.stopc = nil
	}
}

// arm starts the goroutine of generation seq; the caller holds t.mu.
func (t *Timer) arm(d Duration) {
	t.disarm()
	t.active = true
	t.stopc = make(chan bool)
	go t.run(t.seq, d, t.stopc)
}

// sleeper is one runtime timer (stored in t0..t7, see timers.cpp) that sends true on c, a
// buffered channel, when it fires: a goroutine can wait for it and for a stop channel at once.
type sleeper struct {
	t0, t1, t2, t3, t4, t5, t6, t7 int64

	c chan bool
}

func (s *sleeper) start(when int64)
func (s *sleeper) stop()

func (t *Timer) run(seq int64, d Duration, stopc chan bool) {
	next := runtimeNano() + int64(d)
	s := &sleeper{c: make(chan bool, 1)}
	for {
		s.start(next)
		select {
		case <-s.c:
		case <-stopc:
			s.stop()
			return
		}
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
	t.disarm()
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

// sleeper: fields 0..7 hold the rt::Timer, field 8 the channel. The sleeper box stays reachable
// while its timer is pending: the goroutine waiting in run() holds it, and stops the timer
// before it drops it.
constexpr int kSleeperChan = 8;
static_assert(sizeof(rt::Timer) <= kSleeperChan * sizeof(Value), "sleeper holds an rt::Timer in 8 fields");
static_assert(alignof(rt::Timer) <= alignof(Value));

rt::Timer* sleeperTimer(vm::BoxObj* box) {
    return reinterpret_cast<rt::Timer*>(&box->fields[0]);
}

// Runs on the scheduler: must not block. A full buffer means an unreceived earlier firing,
// which the waiting goroutine sees just the same.
void sleeperFired(void* arg, int64_t) {
    auto* box = static_cast<vm::BoxObj*>(arg);
    rt::chansend(vm::VM::chanOf(box->fields[kSleeperChan]), 1, false);
}

void nSleeperStart(NativeCall& c) {
    auto* box = static_cast<vm::BoxObj*>(c.arg(0).p);
    int64_t when = argInt(c, 1);
    rt::Timer* t = sleeperTimer(box);
    // First use: the fields are zero, which is not a valid rt::Timer (heapIndex is -1).
    if (t->heapIndex == 0 && t->fn == nullptr) new (t) rt::Timer();
    rt::addTimer(t, when, 0, sleeperFired, box);
}

void nSleeperStop(NativeCall& c) {
    rt::stopTimer(sleeperTimer(static_cast<vm::BoxObj*>(c.arg(0).p)));
}

void nSleep(NativeCall& c) {
    int64_t d = argInt(c, 0);
    if (d <= 0) return; // Go returns at once for a non-positive duration
    rt::sleepFor(d);
}

void nLock(NativeCall& c) {
    lockOf(c)->lock();
}
void nUnlock(NativeCall& c) {
    if (lockOf(c)->unlock() != rt::SyncError::None)
        c.vm.fatalError(c.thread, "sync: unlock of unlocked mutex");
}

} // namespace

const char* timeTimersSource() {
    return kSource;
}

std::vector<vm::NativeDef> timeTimersNatives() {
    return {{"Sleep", nSleep},
            {"timerLock.lock", nLock},
            {"timerLock.unlock", nUnlock},
            {"sleeper.start", nSleeperStart},
            {"sleeper.stop", nSleeperStop}};
}

} // namespace gol::stdlib
