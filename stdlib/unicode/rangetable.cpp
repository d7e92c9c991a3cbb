// unicode's RangeTable API. The named tables are data (rangetables.inc, generated from Go's
// tables.go by gen_tables.py --range-tables); package init builds each *RangeTable with two
// natives that turn a table's rows into a []Range16 and a []Range32, so a program sees Go's
// exact R16/R32/LatinOffset values. Is, In and IsOneOf are gol code over those fields, so
// they also work on tables a program builds itself.
#include "stdlib/unicode/rangetable.hpp"

#include "stdlib/bind.hpp"
#include "vm/heap.hpp"
#include "vm/vm.hpp"

#include <cstdint>

namespace gol::stdlib::unicode {

namespace {

struct Range {
    uint32_t lo, hi, stride;
};
// One named table: rows kRangeRows[first .. first+n16) are its R16, the next n32 its R32.
struct RangeTableDesc {
    uint32_t first, n16, n32;
    int latinOffset;
};

#include "stdlib/unicode/rangetables.inc"

constexpr const char* kSource = R"go(
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// RangeTable: the code points Lo, Lo+Stride, ... Hi of each row, R16 rows below 0x10000 and
// R32 rows above, both sorted; the first LatinOffset rows of R16 lie in Latin-1.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int
}

func table16(i int, row any) []Range16
func table32(i int, row any) []Range32
func latinOffset(i int) int

func table(i int) *RangeTable {
	return &RangeTable{R16: table16(i, Range16{}), R32: table32(i, Range32{}), LatinOffset: latinOffset(i)}
}

var GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}

var PrintRanges = []*RangeTable{L, M, N, P, S}

// Tables this short (and Latin-1 code points, which sit at the front) are scanned; longer
// ones are searched by halving. Both give the same answer on a sorted table; keeping Go's
// choice gives Go's answer on an unsorted one too.
const linearMax = 18

func in16(rows []Range16, r uint16) bool {
	if len(rows) <= linearMax || r <= MaxLatin1 {
		for _, g := range rows {
			if r < g.Lo {
				return false
			}
			if r <= g.Hi {
				return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
			}
		}
		return false
	}
	lo, hi := 0, len(rows)
	for lo < hi {
		mid := lo + (hi-lo)/2
		g := rows[mid]
		if g.Lo <= r && r <= g.Hi {
			return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
		}
		if r < g.Lo {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return false
}

func in32(rows []Range32, r uint32) bool {
	if len(rows) <= linearMax {
		for _, g := range rows {
			if r < g.Lo {
				return false
			}
			if r <= g.Hi {
				return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
			}
		}
		return false
	}
	lo, hi := 0, len(rows)
	for lo < hi {
		mid := lo + (hi-lo)/2
		g := rows[mid]
		if g.Lo <= r && r <= g.Hi {
			return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
		}
		if r < g.Lo {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return false
}

// Is reports whether r is in the table. A negative r compares as a huge uint32: never found.
func Is(rangeTab *RangeTable, r rune) bool {
	if r16 := rangeTab.R16; len(r16) > 0 && uint32(r) <= uint32(r16[len(r16)-1].Hi) {
		return in16(r16, uint16(r))
	}
	if r32 := rangeTab.R32; len(r32) > 0 && r >= rune(r32[0].Lo) {
		return in32(r32, uint32(r))
	}
	return false
}

func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

func IsOneOf(ranges []*RangeTable, r rune) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// Special case mappings (Turkish and Azeri dotted and dotless i).
type d [MaxCase]rune

type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

type SpecialCase []CaseRange

// UpperLower in a Delta means the range alternates upper and lower case letters.
const UpperLower = MaxRune + 1

var TurkishCase SpecialCase = turkishCase

var AzeriCase SpecialCase = turkishCase

var turkishCase = SpecialCase{
	CaseRange{0x0049, 0x0049, d{0, 0x131 - 0x49, 0}},
	CaseRange{0x0069, 0x0069, d{0x130 - 0x69, 0, 0x130 - 0x69}},
	CaseRange{0x0130, 0x0130, d{0, 0x69 - 0x130, 0}},
	CaseRange{0x0131, 0x0131, d{0x49 - 0x131, 0, 0x49 - 0x131}},
}

// caseMap finds r in the sorted ranges and applies the delta for _case; ok is false when no
// range holds r.
func caseMap(_case int, r rune, ranges []CaseRange) (mapped rune, ok bool) {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar, false
	}
	lo, hi := 0, len(ranges)
	for lo < hi {
		mid := lo + (hi-lo)/2
		cr := ranges[mid]
		if rune(cr.Lo) <= r && r <= rune(cr.Hi) {
			delta := cr.Delta[_case]
			if delta > MaxRune {
				// Pairs: even offsets are upper case, odd ones lower (title = upper).
				return rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | rune(_case&1)), true
			}
			return r + delta, true
		}
		if r < rune(cr.Lo) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return r, false
}

func (special SpecialCase) ToUpper(r rune) rune {
	m, ok := caseMap(UpperCase, r, special)
	if m == r && !ok {
		m = ToUpper(r)
	}
	return m
}

func (special SpecialCase) ToTitle(r rune) rune {
	m, ok := caseMap(TitleCase, r, special)
	if m == r && !ok {
		m = ToTitle(r)
	}
	return m
}

func (special SpecialCase) ToLower(r rune) rune {
	m, ok := caseMap(LowerCase, r, special)
	if m == r && !ok {
		m = ToLower(r)
	}
	return m
}
)go";

// A []Range16 or []Range32 of n rows: `row` is an interface holding a zero row, whose dynamic
// type is the element type the array's boxes need. No rows gives a nil slice, as Go's tables
// leave R16 or R32 unset.
Value rows(NativeCall& c, const Range* first, uint32_t n) {
    if (n == 0) return Value{};
    const vm::RType* rowType = static_cast<vm::IfaceObj*>(c.arg(1).p)->type;
    vm::Heap& heap = c.vm.heap();
    vm::ArrayObj* a = heap.newArray(n, 8, true, rowType); // zero boxes, filled below
    c.root(Value::fromObj(a));
    for (uint32_t k = 0; k < n; k++) {
        auto* b = static_cast<vm::BoxObj*>(a->slots()[k].p);
        b->fields[0] = Value::fromUint(first[k].lo);
        b->fields[1] = Value::fromUint(first[k].hi);
        b->fields[2] = Value::fromUint(first[k].stride);
    }
    return Value::fromObj(heap.newSlice(a, 0, n, n));
}

const RangeTableDesc& desc(NativeCall& c) {
    return kRangeTables[argInt(c, 0)];
}

} // namespace

std::string rangeTableSource() {
    return std::string(kSource) + kRangeTableSource;
}

void addRangeTableNatives(std::vector<vm::NativeDef>& natives) {
    natives.push_back({"table16", +[](NativeCall& c) {
                           const RangeTableDesc& t = desc(c);
                           c.result(0, rows(c, kRangeRows + t.first, t.n16));
                       }});
    natives.push_back({"table32", +[](NativeCall& c) {
                           const RangeTableDesc& t = desc(c);
                           c.result(0, rows(c, kRangeRows + t.first + t.n16, t.n32));
                       }});
    natives.push_back(
        {"latinOffset", +[](NativeCall& c) { c.result(0, Value::fromInt(desc(c).latinOffset)); }});
}

} // namespace gol::stdlib::unicode
