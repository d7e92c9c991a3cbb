// time.LoadLocation's zones: the TZif file format (RFC 8536) read in C++, the lookups in gol code
// next to the calendar helpers (civilDate, dayNumber, daysIn) that the rule arithmetic needs.
#include "stdlib/time/zoneinfo.hpp"

#include "stdlib/bind.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
type zoneTrans struct {
	when  int64
	index int
}

// lookupTZ: the zone in effect at sec and the span [start, end) it holds for. Before the first
// transition the zone is the first standard-time one; after the last, the TZ rule decides.
func (l *Location) lookupTZ(sec int64) (name string, offset int, start, end int64, isDST bool) {
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z := l.zones[l.firstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return z.name, z.offset, alpha, end, z.isDST
	}
	lo, hi := 0, len(l.tx)
	end = omega
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if sec < l.tx[mid].when {
			end = l.tx[mid].when
			hi = mid
		} else {
			lo = mid
		}
	}
	z := l.zones[l.tx[lo].index]
	name, offset, start, isDST = z.name, z.offset, l.tx[lo].when, z.isDST
	if lo == len(l.tx)-1 && l.extend != "" {
		if n, off, s, e, d, ok := ruleZone(l.extend, start, sec); ok {
			return n, off, s, e, d
		}
	}
	return
}

// firstZone: the zone before any transition. A zone no transition uses is it; else, when the
// first transition enters daylight time, the last standard zone listed before that one; else 0.
func (l *Location) firstZone() int {
	used := false
	for _, t := range l.tx {
		if t.index == 0 {
			used = true
			break
		}
	}
	if !used {
		return 0
	}
	if len(l.tx) > 0 && l.zones[l.tx[0].index].isDST {
		for i := l.tx[0].index - 1; i >= 0; i-- {
			if !l.zones[i].isDST {
				return i
			}
		}
	}
	for i := range l.zones {
		if !l.zones[i].isDST {
			return i
		}
	}
	return 0
}

// A POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0"): the names and offsets of standard and daylight
// time and the two switching days, each with a local time of day.
const (
	ruleJulian = iota // Jn: day 1..365, February 29 never counted
	ruleDOY           // n: day 0..365, counting February 29
	ruleMWD           // Mm.w.d: weekday d of week w (5 = last) of month m
)

type tzRule struct {
	kind, day, week, mon, time int
}

func ruleName(s string) (string, string, bool) {
	if s == "" {
		return "", "", false
	}
	if s[0] == '<' {
		i := strings.IndexByte(s, '>')
		if i < 0 {
			return "", "", false
		}
		return s[1:i], s[i+1:], true
	}
	i := 0
	for i < len(s) && !(s[i] >= '0' && s[i] <= '9') && s[i] != ',' && s[i] != '-' && s[i] != '+' {
		i++
	}
	if i < 3 {
		return "", "", false
	}
	return s[:i], s[i:], true
}

func ruleNum(s string, min, max int) (int, string, bool) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		if n > max {
			return 0, "", false
		}
		i++
	}
	if i == 0 || n < min {
		return 0, "", false
	}
	return n, s[i:], true
}

// ruleOffset: [+-]hh[:mm[:ss]] in seconds.
func ruleOffset(s string) (int, string, bool) {
	if s == "" {
		return 0, "", false
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	h, s, ok := ruleNum(s, 0, 24*7)
	if !ok {
		return 0, "", false
	}
	off := h * secondsPerHour
	for _, unit := range []int{secondsPerMinute, 1} {
		if s == "" || s[0] != ':' {
			break
		}
		var n int
		n, s, ok = ruleNum(s[1:], 0, 59)
		if !ok {
			return 0, "", false
		}
		off += n * unit
	}
	if neg {
		off = -off
	}
	return off, s, true
}

func parseRule(s string) (tzRule, string, bool) {
	var r tzRule
	var ok bool
	switch {
	case s == "":
		return r, "", false
	case s[0] == 'J':
		r.kind = ruleJulian
		if r.day, s, ok = ruleNum(s[1:], 1, 365); !ok {
			return r, "", false
		}
	case s[0] == 'M':
		r.kind = ruleMWD
		if r.mon, s, ok = ruleNum(s[1:], 1, 12); !ok || s == "" || s[0] != '.' {
			return r, "", false
		}
		if r.week, s, ok = ruleNum(s[1:], 1, 5); !ok || s == "" || s[0] != '.' {
			return r, "", false
		}
		if r.day, s, ok = ruleNum(s[1:], 0, 6); !ok {
			return r, "", false
		}
	default:
		r.kind = ruleDOY
		if r.day, s, ok = ruleNum(s, 0, 365); !ok {
			return r, "", false
		}
	}
	if s == "" || s[0] != '/' {
		r.time = 2 * secondsPerHour
		return r, s, true
	}
	if r.time, s, ok = ruleOffset(s[1:]); !ok {
		return r, "", false
	}
	return r, s, true
}

// ruleSecond: when rule r switches in year, in seconds from the year's start in UTC, for a
// clock that was at UTC offset off before the switch.
func ruleSecond(year int, r tzRule, off int) int {
	var s int
	switch r.kind {
	case ruleJulian:
		s = (r.day - 1) * secondsPerDay
		if isLeap(year) && r.day >= 60 {
			s += secondsPerDay
		}
	case ruleDOY:
		s = r.day * secondsPerDay
	case ruleMWD:
		// The weekday of the month's first day, by Zeller's congruence.
		m := (r.mon+9)%12 + 1
		y := year
		if r.mon <= 2 {
			y--
		}
		c, yy := y/100, y%100
		first := ((26*m-2)/10 + 1 + yy + yy/4 + c/4 - 2*c) % 7
		if first < 0 {
			first += 7
		}
		d := r.day - first
		if d < 0 {
			d += 7
		}
		for w := 1; w < r.week && d+7 < daysIn(Month(r.mon), year); w++ {
			d += 7
		}
		d += daysBeforeMonth(Month(r.mon), year)
		s = d * secondsPerDay
	}
	return s + r.time - off
}

// ruleZone: the zone rule s gives at sec (after the last transition, at lastTx). The span it
// reports is exact near a switch and otherwise the calendar year, as Go's.
func ruleZone(s string, lastTx, sec int64) (name string, offset int, start, end int64, isDST, ok bool) {
	stdName, s, ok := ruleName(s)
	if !ok {
		return
	}
	stdOffset, s, ok := ruleOffset(s)
	if !ok {
		return
	}
	stdOffset = -stdOffset // TZ rules count west of Greenwich as positive
	if s == "" || s[0] == ',' {
		return stdName, stdOffset, lastTx, omega, false, true
	}
	dstName, s, ok := ruleName(s)
	if !ok {
		return
	}
	dstOffset := stdOffset + secondsPerHour
	if s != "" && s[0] != ',' {
		if dstOffset, s, ok = ruleOffset(s); !ok {
			return
		}
		dstOffset = -dstOffset
	}
	if s == "" {
		s = ",M3.2.0,M11.1.0"
	}
	if s[0] != ',' && s[0] != ';' {
		return "", 0, 0, 0, false, false
	}
	startRule, s, ok := parseRule(s[1:])
	if !ok || s == "" || s[0] != ',' {
		return "", 0, 0, 0, false, false
	}
	endRule, s, ok := parseRule(s[1:])
	if !ok || s != "" {
		return "", 0, 0, 0, false, false
	}
	days, secOfDay := floorDivMod(sec, secondsPerDay)
	year, _, _, yday := civilDate(days + unixEpochDays)
	ysec := int64(yday*secondsPerDay) + secOfDay
	yearStart := (dayNumber(year, January, 1) - unixEpochDays) * secondsPerDay
	on := int64(ruleSecond(year, startRule, stdOffset))
	off := int64(ruleSecond(year, endRule, dstOffset))
	onIsDST, offIsDST := true, false
	if off < on {
		// Southern hemisphere: the year starts and ends in daylight time.
		on, off = off, on
		stdName, dstName = dstName, stdName
		stdOffset, dstOffset = dstOffset, stdOffset
		onIsDST, offIsDST = offIsDST, onIsDST
	}
	switch {
	case ysec < on:
		return stdName, stdOffset, yearStart, on + yearStart, offIsDST, true
	case ysec >= off:
		return stdName, stdOffset, off + yearStart, yearStart + 365*secondsPerDay, offIsDST, true
	}
	return dstName, dstOffset, on + yearStart, off + yearStart, onIsDST, true
}
)go";

// Big-endian fields of a TZif file.
struct Reader {
    std::string_view d;
    bool bad = false;
    std::string_view take(size_t n) {
        if (d.size() < n) {
            bad = true;
            return {};
        }
        std::string_view r = d.substr(0, n);
        d.remove_prefix(n);
        return r;
    }
    int64_t be(size_t n) {
        std::string_view b = take(n);
        if (bad) return 0;
        uint64_t v = 0;
        for (unsigned char ch : b)
            v = v << 8 | ch;
        if (n == 4) return int32_t(uint32_t(v));
        return int64_t(v);
    }
};

struct Zoneinfo {
    std::vector<std::string> names;
    std::vector<int64_t> offsets, dst, when, index;
    std::string extend;
};

// Parses a TZif file (version 1 data, or the 64-bit block of versions 2+ and the TZ footer).
bool parseTZif(std::string_view file, Zoneinfo& z) {
    Reader r{file};
    if (r.take(4) != "TZif") return false;
    char version = r.take(1).empty() ? 0 : file[4];
    r.take(15);
    int64_t n[6];
    for (int64_t& x : n)
        x = r.be(4);
    size_t timeSize = 4;
    if (version >= '2') {
        // Skip the 32-bit block: times, indexes, types, names, leap records, std/ut flags.
        r.take(size_t(n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0]));
        if (r.take(4) != "TZif") return false;
        r.take(16);
        for (int64_t& x : n)
            x = r.be(4);
        timeSize = 8;
    }
    const int64_t timecnt = n[3], typecnt = n[4], charcnt = n[5];
    if (r.bad || typecnt == 0) return false;
    for (int64_t i = 0; i < timecnt; i++)
        z.when.push_back(r.be(timeSize));
    for (int64_t i = 0; i < timecnt; i++)
        z.index.push_back(r.be(1) & 0xFF);
    std::vector<int64_t> abbrevIndex;
    for (int64_t i = 0; i < typecnt; i++) {
        z.offsets.push_back(r.be(4));
        z.dst.push_back(r.be(1) != 0);
        abbrevIndex.push_back(r.be(1) & 0xFF);
    }
    std::string_view chars = r.take(size_t(charcnt));
    r.take(size_t(n[2] * (timeSize + 4) + n[1] + n[0]));
    if (r.bad) return false;
    for (int64_t i : abbrevIndex) {
        if (i >= int64_t(chars.size())) return false;
        std::string_view s = chars.substr(size_t(i));
        z.names.emplace_back(s.substr(0, s.find('\0')));
    }
    for (int64_t i : z.index)
        if (i >= typecnt) return false;
    if (version >= '2' && r.d.size() >= 2 && r.d[0] == '\n') {
        std::string_view rest = r.d.substr(1);
        z.extend = std::string(rest.substr(0, rest.find('\n')));
    }
    return true;
}

// The bytes of a file, or the errno that stopped reading it (a directory such as "America"
// gives EISDIR, as Go's read does).
int readFile(const std::string& path, std::string& out) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    int err = 0;
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        err = errno;
    else if (S_ISDIR(st.st_mode))
        err = EISDIR;
    char buf[4096];
    while (err == 0) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0)
            err = errno;
        else
            out.append(buf, size_t(n));
    }
    ::close(fd);
    return err;
}

} // namespace

const char* timeZoneSource() {
    return kSource;
}

void nReadZoneinfo(NativeCall& c) {
    std::string name(argStr(c, 0));
    const char* env = std::getenv("ZONEINFO");
    std::string dir = env && *env ? env : "/usr/share/zoneinfo";
    Zoneinfo z;
    std::string file;
    int err = readFile(dir + "/" + name, file);
    std::string errText;
    if (err == ENOENT) {
        errText = "unknown time zone " + name;
    } else if (err != 0) {
        errText = errnoText(err);
    } else if (!parseTZif(file, z)) {
        errText = "malformed time zone information";
    }
    if (!errText.empty()) z = Zoneinfo{};
    Value names = newStringSlice(c, z.names);
    c.root(names);
    Value offsets = newIntSlice(c, z.offsets);
    c.root(offsets);
    Value dst = newIntSlice(c, z.dst);
    c.root(dst);
    Value when = newIntSlice(c, z.when);
    c.root(when);
    Value index = newIntSlice(c, z.index);
    c.root(index);
    Value extend = c.str(z.extend);
    c.root(extend);
    Value errValue = c.str(errText);
    c.result(0, names);
    c.result(1, offsets);
    c.result(2, dst);
    c.result(3, when);
    c.result(4, index);
    c.result(5, extend);
    c.result(6, errValue);
}

} // namespace gol::stdlib
