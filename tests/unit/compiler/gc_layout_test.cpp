// gc_layout: which values gc hands to its runtime by address, what decides where gc evaluates
// them among the calls of a statement (the golden programs basics/eval_order_* show the effect).
#include "compiler/codegen/gc_layout.hpp"
#include "compiler/types/object.hpp"
#include "types_test_util.hpp"

#include <doctest/doctest.h>

using namespace gol;
using types::testing::Checked;

namespace {

types::Type* typeOf(const Checked& c, const std::string& name) {
    types::Object* o = c.info.pkg->scope->lookup(name);
    REQUIRE(o != nullptr);
    return o->type;
}

} // namespace

TEST_CASE("gc_layout: interface conversions through an address follow gc's dataWordFuncName") {
    Checked c(R"(package main
type Named int8
var (
	vBool bool; vInt8 int8; vNamed Named; vInt16 int16; vRune rune; vF32 float32; vInt int
	vF64 float64; vStr string; vSlice []int; vPtr *int; vMap map[int]int; vFunc func()
	vOneInt struct{ x int }; vOneStr struct{ s string }; vTwoInt struct{ a, b int }
	vTwo32 struct{ a, b int32 }; vPadded struct{ a int32; b int8 }; vArr1Str [1]string
	vArr2 [2]int; vEmpty struct{}
)
func main() {}
)");
    REQUIRE(c.ok);
    for (const char* byValue :
         {"vInt16", "vRune", "vF32", "vInt", "vF64", "vStr", "vSlice", "vOneInt", "vOneStr", "vArr1Str"}) {
        CAPTURE(byValue);
        CHECK_FALSE(codegen::convertsByAddress(typeOf(c, byValue)));
    }
    // vTwo32 is 8 bytes but 4-aligned: gc's convT64 wants 8-byte alignment.
    for (const char* byAddress : {"vBool", "vInt8", "vNamed", "vPtr", "vMap", "vFunc", "vTwoInt", "vTwo32",
                                  "vPadded", "vArr2", "vEmpty"}) {
        CAPTURE(byAddress);
        CHECK(codegen::convertsByAddress(typeOf(c, byAddress)));
    }
}

TEST_CASE("gc_layout: map keys follow gc's fast paths: direct, copied into an integer, or by address") {
    Checked c(R"(package main
type Big struct{ a [17]int64 }
type ID int64
var (
	mInt map[int]int; mU32 map[uint32]bool; mStr map[string]int; mPtr map[*int]int; mID map[ID]int
	mPair map[struct{ a, b int32 }]int; mOne map[struct{ x int }]int; mArr map[[2]int32]int
	mF64 map[float64]int; mAny map[any]int; mStruct map[struct{ a, b int }]int; mBool map[bool]int
	mBigElem map[int]Big; mPadded map[struct{ a int32; b int8 }]int
)
func main() {}
)");
    REQUIRE(c.ok);
    auto passing = [&](const char* name) {
        return codegen::mapKeyPassing(types::under(typeOf(c, name))->as<types::Map>());
    };
    for (const char* direct : {"mInt", "mU32", "mStr", "mPtr", "mID"}) {
        CAPTURE(direct);
        CHECK(passing(direct) == codegen::MapKey::Direct);
    }
    for (const char* copied : {"mPair", "mOne", "mArr"}) {
        CAPTURE(copied);
        CHECK(passing(copied) == codegen::MapKey::Copied);
    }
    for (const char* slow : {"mF64", "mAny", "mStruct", "mBool", "mBigElem", "mPadded"}) {
        CAPTURE(slow);
        CHECK(passing(slow) == codegen::MapKey::ByAddress);
    }
}
