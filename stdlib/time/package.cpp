// Package time: gol's Time, Duration, Month, Weekday, Format and Parse (time.go.inc,
// duration.go.inc, format.go.inc, parse.go.inc, encode.go.inc) over a small Location of gol's:
// UTC, FixedZone, and Local answered by the C library's localtime_r (the system's zone rules),
// and zones LoadLocation reads from the tz database (zoneinfo.cpp). Sleep, timers and tickers
// belong to the runtime and are added by it (timers.cpp).
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"
#include "stdlib/sync/packages.hpp"
#include "stdlib/time/zoneinfo.hpp"

#include <ctime>

namespace gol::stdlib {

namespace {

constexpr const char* kHeader = R"go(
package time

import (
	"errors"
	"strings"
)

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
	// A zone loaded from the system's tz database: Go's zone table, transitions and the POSIX TZ
	// rule (extend) for the times after the last transition. Empty for UTC and fixed zones.
	zones  []zone
	tx     []zoneTrans
	extend string

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
	if len(l.zones) == 0 {
		return l.zname, l.offset, alpha, omega, false
	}
	return l.lookupTZ(sec)
}

func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	if len(l.zones) > 0 {
		// A name in effect at the instant it would denote wins; else any zone of that name.
		for _, z := range l.zones {
			if z.name == name {
				if n, off, _, _, _ := l.lookup(unix - int64(z.offset)); n == z.name {
					return off, true
				}
			}
		}
		for _, z := range l.zones {
			if z.name == name {
				return z.offset, true
			}
		}
		return
	}
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
	if strings.Contains(name, "..") || name[0] == '/' || name[0] == '\\' {
		return nil, errors.New("time: invalid location name")
	}
	names, offsets, dst, when, index, extend, err := readZoneinfo(name)
	if err != "" {
		return nil, errors.New(err)
	}
	l := &Location{name: name, extend: extend}
	for i := range names {
		l.zones = append(l.zones, zone{names[i], offsets[i], dst[i] != 0})
	}
	for i := range when {
		l.tx = append(l.tx, zoneTrans{when[i], index[i]})
	}
	return l, nil
}

// readZoneinfo(name) reads /usr/share/zoneinfo/<name> (or $ZONEINFO/<name>): the zone table as
// parallel slices, the transitions (when, index into the zones) and the footer's TZ rule; err
// is Go's error text ("unknown time zone X", "is a directory", ...), "" on success.
func readZoneinfo(name string) (names []string, offsets []int, dst []int, when []int64, index []int, extend string, err string)
)go";

constexpr const char* kGoSource[] = {
#include "stdlib/time/time.go.inc"
    ,
#include "stdlib/time/duration.go.inc"
    ,
#include "stdlib/time/format.go.inc"
    ,
#include "stdlib/time/parse.go.inc"
    ,
#include "stdlib/time/encode.go.inc"
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
    s += timeZoneSource();
    s += timeTimersSource();
    vm::PackageDef d{"time", s, {}};
    d.natives = {{"localZone", nLocalZone}, {"now", nNow}, {"runtimeNano", nRuntimeNano}};
    d.natives.push_back({"readZoneinfo", nReadZoneinfo, true});
    for (auto& n : timeTimersNatives()) d.natives.push_back(std::move(n));
    return d;
}

} // namespace gol::stdlib
