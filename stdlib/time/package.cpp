// Package time: Go's Time, Duration, Month, Weekday, Format and Parse (gosrc.inc: Go's own
// time.go and format.go) over a small Location of gol's: UTC, FixedZone, and Local answered by
// the C library's localtime_r (the system's zone rules). LoadLocation knows only "", "UTC" and
// "Local". Sleep, timers and tickers belong to the runtime and are added by it.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/sync/packages.hpp"

#include <ctime>

namespace gol::stdlib {

namespace {

constexpr const char* kHeader = R"go(
package time

import "errors"

type zone struct {
	name   string
	offset int
	isDST  bool
}

type Location struct {
	name   string
	local  bool
	zname  string
	offset int

	// Go's lookup cache; gol's lookups are direct, so the cache stays empty.
	cacheStart int64
	cacheEnd   int64
	cacheZone  *zone
}

const (
	alpha = -1 << 63
	omega = 1<<63 - 1
)

var utcLoc = Location{name: "UTC", zname: "UTC"}
var UTC *Location = &utcLoc
var localLoc = Location{name: "Local", local: true}
var Local *Location = &localLoc

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

func (l *Location) String() string {
	return l.get().name
}

func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zname: name, offset: offset}
}

func localZone(sec int64) (name string, offset int, isDST bool)

func (l *Location) lookup(sec int64) (name string, offset int, start, end int64, isDST bool) {
	l = l.get()
	if l.local {
		name, offset, isDST = localZone(sec)
		return name, offset, alpha, omega, isDST
	}
	return l.zname, l.offset, alpha, omega, false
}

func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	if !l.local {
		if l.zname == name {
			return l.offset, true
		}
		return
	}
	// The zone in effect at unix, then the other half of the year (daylight saving).
	for _, t := range []int64{unix, unix - 182*86400, unix + 182*86400} {
		n, off, _ := localZone(t)
		if n == name {
			return off, true
		}
	}
	return
}

func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	return nil, errors.New("unknown time zone " + name)
}
)go";

constexpr const char* kGoSource[] = {
#include "stdlib/time/gosrc.inc"
};

void nLocalZone(NativeCall& c) {
    time_t t = time_t(argInt(c, 0));
    struct tm tm {};
    if (!localtime_r(&t, &tm)) {
        c.result(0, c.str("UTC"));
        c.result(1, Value::fromInt(0));
        c.result(2, Value::fromBool(false));
        return;
    }
    c.result(0, c.str(tm.tm_zone ? tm.tm_zone : "UTC"));
    c.result(1, Value::fromInt(tm.tm_gmtoff));
    c.result(2, Value::fromBool(tm.tm_isdst > 0));
}

void nNow(NativeCall& c) {
    struct timespec wall {}, mono {};
    clock_gettime(CLOCK_REALTIME, &wall);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    c.result(0, Value::fromInt(wall.tv_sec));
    c.result(1, Value::fromInt(wall.tv_nsec));
    c.result(2, Value::fromInt(int64_t(mono.tv_sec) * 1000000000 + mono.tv_nsec));
}

void nRuntimeNano(NativeCall& c) {
    struct timespec mono {};
    clock_gettime(CLOCK_MONOTONIC, &mono);
    c.result(0, Value::fromInt(int64_t(mono.tv_sec) * 1000000000 + mono.tv_nsec));
}

} // namespace

vm::PackageDef makeTimePackage() {
    std::string s = kHeader;
    for (const char* part : kGoSource) s += part;
    s += timeTimersSource();
    vm::PackageDef d{"time", s, {}};
    d.natives = {{"localZone", nLocalZone}, {"now", nNow}, {"runtimeNano", nRuntimeNano}};
    for (auto& n : timeTimersNatives()) d.natives.push_back(std::move(n));
    return d;
}

} // namespace gol::stdlib
