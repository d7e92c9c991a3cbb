// Package sync: Mutex, RWMutex, WaitGroup, Once and Cond are the runtime's primitives
// (runtime/sync.hpp, parking goroutines on the runtime semaphore, never threads) living inside
// the script's struct box: each Go struct declares enough int64 fields to hold the rt:: object,
// and the natives use the address of the first such field as the object. Boxes never move and a
// zeroed rt:: object is an unlocked/empty one, exactly as Go's zero values are ready to use.
// Map and Pool are plain gol code over a Mutex.
#include "runtime/sync.hpp"
#include "stdlib/bind.hpp"
#include "stdlib/sync/packages.hpp"

#include <new>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package sync

type Locker interface {
	Lock()
	Unlock()
}

// Each state field is storage for the runtime's primitive (see package.cpp); never touch it.
type Mutex struct {
	state int64
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

type RWMutex struct {
	s0, s1, s2 int64
}

func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryRLock() bool

type rlocker struct {
	rw *RWMutex
}

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }

func (rw *RWMutex) RLocker() Locker {
	return rlocker{rw}
}

type WaitGroup struct {
	s0, s1 int64
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()

type Once struct {
	s0, s1 int64
}

func (o *Once) enter() bool
func (o *Once) leave()

func (o *Once) Do(f func()) {
	if o.enter() {
		defer o.leave()
		f()
	}
}

func OnceFunc(f func()) func() {
	var once Once
	return func() { once.Do(f) }
}

type Cond struct {
	L              Locker
	n0, n1, n2, n3 int64
}

func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

func (c *Cond) waitAdd() uint32
func (c *Cond) waitPark(ticket uint32)
func (c *Cond) Signal()
func (c *Cond) Broadcast()

func (c *Cond) Wait() {
	t := c.waitAdd()
	c.L.Unlock()
	c.waitPark(t)
	c.L.Lock()
}

type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	previous, loaded = m.m[key]
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
	return
}

func (m *Map) CompareAndSwap(key, old, new any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}

func (m *Map) CompareAndDelete(key, old any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		return true
	}
	return false
}

// Range works on a snapshot taken under the lock, so f may call the Map's methods (Go allows it).
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}

type Pool struct {
	New   func() any
	mu    Mutex
	items []any
}

func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}
)go";

// The rt:: object stored from field `first` of the receiver's box (arg 0).
template <class T> T* prim(NativeCall& c, int first = 0) {
    auto* box = static_cast<vm::BoxObj*>(c.arg(0).p);
    if (!box) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    return reinterpret_cast<T*>(&box->fields[first]);
}

static_assert(sizeof(rt::Mutex) <= 1 * sizeof(Value), "Mutex has 1 state field");
static_assert(sizeof(rt::RWMutex) <= 3 * sizeof(Value), "RWMutex has 3 state fields");
static_assert(sizeof(rt::WaitGroup) <= 2 * sizeof(Value), "WaitGroup has 2 state fields");
static_assert(sizeof(rt::Once) <= 2 * sizeof(Value), "Once has 2 state fields");
static_assert(sizeof(rt::Cond) <= 4 * sizeof(Value), "Cond has 4 state fields after L");
static_assert(alignof(rt::Cond) <= alignof(Value) && alignof(rt::RWMutex) <= alignof(Value));

// Raises a misuse the way Go does: a fatal error for the mutexes, a panic for WaitGroup.
void check(NativeCall& c, rt::SyncError e) {
    if (e == rt::SyncError::None) return;
    if (rt::syncErrorIsFatal(e)) c.vm.fatalError(c.thread, rt::syncErrorString(e));
    c.panicString(rt::syncErrorString(e));
}

void nMutexLock(NativeCall& c) {
    prim<rt::Mutex>(c)->lock();
}
void nMutexUnlock(NativeCall& c) {
    check(c, prim<rt::Mutex>(c)->unlock());
}
void nMutexTryLock(NativeCall& c) {
    c.result(0, Value::fromBool(prim<rt::Mutex>(c)->tryLock()));
}

void nRWLock(NativeCall& c) {
    prim<rt::RWMutex>(c)->lock();
}
void nRWUnlock(NativeCall& c) {
    check(c, prim<rt::RWMutex>(c)->unlock());
}
void nRWTryLock(NativeCall& c) {
    c.result(0, Value::fromBool(prim<rt::RWMutex>(c)->tryLock()));
}
void nRWRLock(NativeCall& c) {
    prim<rt::RWMutex>(c)->rlock();
}
void nRWRUnlock(NativeCall& c) {
    check(c, prim<rt::RWMutex>(c)->runlock());
}
void nRWTryRLock(NativeCall& c) {
    c.result(0, Value::fromBool(prim<rt::RWMutex>(c)->tryRLock()));
}

void nWGAdd(NativeCall& c) {
    int64_t delta = argInt(c, 1);
    check(c, prim<rt::WaitGroup>(c)->add(delta));
}
void nWGDone(NativeCall& c) {
    check(c, prim<rt::WaitGroup>(c)->done());
}
void nWGWait(NativeCall& c) {
    check(c, prim<rt::WaitGroup>(c)->wait());
}

void nOnceEnter(NativeCall& c) {
    c.result(0, Value::fromBool(prim<rt::Once>(c)->enter()));
}
void nOnceLeave(NativeCall& c) {
    prim<rt::Once>(c)->leave();
}

void nCondWaitAdd(NativeCall& c) {
    c.result(0, Value::fromUint(prim<rt::Cond>(c, 1)->waitAdd()));
}
void nCondWaitPark(NativeCall& c) {
    auto ticket = uint32_t(argUint(c, 1));
    prim<rt::Cond>(c, 1)->waitPark(ticket);
}
void nCondSignal(NativeCall& c) {
    prim<rt::Cond>(c, 1)->signal();
}
void nCondBroadcast(NativeCall& c) {
    prim<rt::Cond>(c, 1)->broadcast();
}

} // namespace

vm::PackageDef makeSyncPackage() {
    return {"sync",
            kSource,
            {
                {"Mutex.Lock", nMutexLock},
                {"Mutex.Unlock", nMutexUnlock},
                {"Mutex.TryLock", nMutexTryLock},
                {"RWMutex.Lock", nRWLock},
                {"RWMutex.Unlock", nRWUnlock},
                {"RWMutex.TryLock", nRWTryLock},
                {"RWMutex.RLock", nRWRLock},
                {"RWMutex.RUnlock", nRWRUnlock},
                {"RWMutex.TryRLock", nRWTryRLock},
                {"WaitGroup.Add", nWGAdd},
                {"WaitGroup.Done", nWGDone},
                {"WaitGroup.Wait", nWGWait},
                {"Once.enter", nOnceEnter},
                {"Once.leave", nOnceLeave},
                {"Cond.waitAdd", nCondWaitAdd},
                {"Cond.waitPark", nCondWaitPark},
                {"Cond.Signal", nCondSignal},
                {"Cond.Broadcast", nCondBroadcast},
            }};
}

} // namespace gol::stdlib
