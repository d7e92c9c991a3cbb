// fmt's value walker (stdlib/fmt/value.cpp) on hand-built runtime types and heap objects, without
// the compiler: structs, pointers, slices, maps (sorted keys), interfaces, nil values, bad verbs
// and per-element flags, each checked against what Go 1.19 prints.
#include <doctest/doctest.h>

#include "stdlib/fmt/value.hpp"
#include "vm/map.hpp"
#include "vm/thread.hpp"
#include "vm/vm.hpp"

#include <memory>
#include <string>
#include <vector>

using namespace gol;
using vm::Kind;
using vm::RType;
using vm::Value;

namespace {

struct World {
    vm::VM machine;
    vm::Thread th;
    std::vector<std::unique_ptr<RType>> types;

    World() {
        th.vm = &machine;
        REQUIRE(th.ensureStack(64));
    }

    RType* type(Kind k, std::string str) {
        types.push_back(std::make_unique<RType>());
        RType* t = types.back().get();
        t->kind = k;
        t->str = std::move(str);
        t->id = uint32_t(types.size());
        return t;
    }
    RType* intT() { return intT_ ? intT_ : (intT_ = type(Kind::Int, "int")); }
    RType* strT() { return strT_ ? strT_ : (strT_ = type(Kind::String, "string")); }
    RType* u8T() { return u8T_ ? u8T_ : (u8T_ = type(Kind::Uint8, "uint8")); }

    Value str(std::string_view s) { return machine.newString(s); }
    Value iface(const RType* t, Value v) { return Value::fromObj(machine.heap().newIface(t, v)); }

    Value slice(const RType* elem, const std::vector<Value>& vs, bool bytes = false) {
        auto* a = machine.heap().newArray(int64_t(vs.size()), bytes ? 1 : 8, elem->isRef(), elem);
        for (size_t i = 0; i < vs.size(); i++) {
            if (bytes) a->data[i] = uint8_t(vs[i].u);
            else a->slots()[i] = vs[i];
        }
        return Value::fromObj(machine.heap().newSlice(a, 0, int64_t(vs.size()), int64_t(vs.size())));
    }

    // Sprintf over operands given as interface values.
    std::string sprintf(std::string_view format, const std::vector<Value>& args) {
        Value s = slice(anyT(), args);
        vm::NativeCall c{machine, th, 0, 0, nullptr};
        stdlib::fmt::Printer p;
        stdlib::fmt::ValueOperands ops(c, s);
        stdlib::fmt::doPrintf(p, format, ops);
        return p.buf;
    }
    std::string sprintln(const std::vector<Value>& args) {
        Value s = slice(anyT(), args);
        vm::NativeCall c{machine, th, 0, 0, nullptr};
        stdlib::fmt::Printer p;
        stdlib::fmt::ValueOperands ops(c, s);
        stdlib::fmt::doPrintln(p, ops);
        return p.buf;
    }
    // As the interpreter's MAKEMAP: the heap owns the object (and destroys it).
    vm::MapObj* newMap(const RType* t) {
        auto* m = static_cast<vm::MapObj*>(machine.heap().alloc(vm::ObjKind::Map, sizeof(vm::MapObj)));
        new (&m->entries) std::vector<vm::MapEntry>();
        new (&m->index) decltype(m->index)();
        m->type = t;
        return m;
    }
    RType* anyT() { return anyT_ ? anyT_ : (anyT_ = type(Kind::Interface, "interface {}")); }

private:
    RType *intT_ = nullptr, *strT_ = nullptr, *u8T_ = nullptr, *anyT_ = nullptr;
};

// main.P{X int; Y string} and *main.P.
struct PTypes {
    RType* p;
    RType* ptr;
};

PTypes pointTypes(World& w) {
    RType* p = w.type(Kind::Struct, "main.P");
    p->named = true;
    p->pkgPath = "main";
    p->fields = {{"X", w.intT(), false, true}, {"Y", w.strT(), false, true}};
    RType* ptr = w.type(Kind::Pointer, "*main.P");
    ptr->elem = p;
    return {p, ptr};
}

Value point(World& w, const RType* p, int64_t x, std::string_view y) {
    auto* b = w.machine.heap().newBox(p);
    b->fields[0] = Value::fromInt(x);
    b->fields[1] = w.str(y);
    return Value::fromObj(b);
}

} // namespace

TEST_CASE("fmt walker: structs in %v, %+v, %#v and through pointers") {
    World w;
    auto [p, ptr] = pointTypes(w);
    Value v = point(w, p, 1, "a b");
    CHECK(w.sprintf("%v|%+v|%#v", {w.iface(p, v), w.iface(p, v), w.iface(p, v)}) ==
          "{1 a b}|{X:1 Y:a b}|main.P{X:1, Y:\"a b\"}");
    CHECK(w.sprintf("%v %+v %#v", {w.iface(ptr, v), w.iface(ptr, v), w.iface(ptr, v)}) ==
          "&{1 a b} &{X:1 Y:a b} &main.P{X:1, Y:\"a b\"}");
    CHECK(w.sprintf("%T %T", {w.iface(p, v), w.iface(ptr, v)}) == "main.P *main.P");
    // A bad verb is reported per field, with the field's type.
    CHECK(w.sprintf("%d", {w.iface(p, v)}) == "{1 %!d(string=a b)}");
    CHECK(w.sprintf("%x", {w.iface(p, v)}) == "{1 612062}");
    // Width applies to each element.
    CHECK(w.sprintf("%4v|%-4v|", {w.iface(p, v), w.iface(p, point(w, p, 2, "c"))}) == "{   1  a b}|{2    c   }|");
}

TEST_CASE("fmt walker: a nil pointer, and pointers below the top level print as addresses") {
    World w;
    auto [p, ptr] = pointTypes(w);
    CHECK(w.sprintf("%v %+v %#v", {w.iface(ptr, Value{}), w.iface(ptr, Value{}), w.iface(ptr, Value{})}) ==
          "<nil> <nil> (*main.P)(nil)");
    RType* sl = w.type(Kind::Slice, "[]*main.P");
    sl->elem = ptr;
    std::string s = w.sprintf("%v", {w.iface(sl, w.slice(ptr, {point(w, p, 1, "x")}))});
    CHECK(s.rfind("[0x", 0) == 0);
    CHECK(s.back() == ']');
}

TEST_CASE("fmt walker: slices, byte slices, arrays and nil slices") {
    World w;
    RType* ints = w.type(Kind::Slice, "[]int");
    ints->elem = w.intT();
    Value xs = w.slice(w.intT(), {Value::fromInt(1), Value::fromInt(-2), Value::fromInt(3)});
    CHECK(w.sprintf("%v %d %x %#v %03d", {w.iface(ints, xs), w.iface(ints, xs), w.iface(ints, xs), w.iface(ints, xs),
                                           w.iface(ints, xs)}) == "[1 -2 3] [1 -2 3] [1 -2 3] []int{1, -2, 3} [001 -02 003]");
    CHECK(w.sprintf("%v %#v %d", {w.iface(ints, Value{}), w.iface(ints, Value{}), w.iface(ints, Value{})}) ==
          "[] []int(nil) []");
    RType* bytes = w.type(Kind::Slice, "[]uint8");
    bytes->elem = w.u8T();
    Value bs = w.slice(w.u8T(), {Value::fromUint('h'), Value::fromUint('i')}, true);
    CHECK(w.sprintf("%v %s %x %X %q %#v", {w.iface(bytes, bs), w.iface(bytes, bs), w.iface(bytes, bs),
                                            w.iface(bytes, bs), w.iface(bytes, bs), w.iface(bytes, bs)}) ==
          "[104 105] hi 6869 6869 \"hi\" []byte{0x68, 0x69}");
    RType* arr = w.type(Kind::Array, "[2]string");
    arr->elem = w.strT();
    arr->len = 2;
    auto* a = w.machine.heap().newArray(2, 8, true, w.strT());
    a->slots()[0] = w.str("x");
    a->slots()[1] = w.str("");
    CHECK(w.sprintf("%v|%q|%#v", {w.iface(arr, Value::fromObj(a)), w.iface(arr, Value::fromObj(a)),
                                  w.iface(arr, Value::fromObj(a))}) == "[x ]|[\"x\" \"\"]|[2]string{\"x\", \"\"}");
}

TEST_CASE("fmt walker: maps print sorted by key (Go's fmtsort)") {
    World w;
    RType* m = w.type(Kind::Map, "map[string]int");
    m->key = w.strT();
    m->elem = w.intT();
    vm::MapObj* mo = w.newMap(m);
    for (auto [k, v] : std::vector<std::pair<const char*, int>>{{"b", 2}, {"c", 3}, {"a", 1}})
        *vm::mapInsert(mo, w.str(k)) = Value::fromInt(v);
    Value mv = Value::fromObj(mo);
    CHECK(w.sprintf("%v|%#v|%+v", {w.iface(m, mv), w.iface(m, mv), w.iface(m, mv)}) ==
          "map[a:1 b:2 c:3]|map[string]int{\"a\":1, \"b\":2, \"c\":3}|map[a:1 b:2 c:3]");
    CHECK(w.sprintf("%v %#v", {w.iface(m, Value{}), w.iface(m, Value{})}) == "map[] map[string]int(nil)");
    RType* mi = w.type(Kind::Map, "map[int]bool");
    mi->key = w.intT();
    RType* b = w.type(Kind::Bool, "bool");
    mi->elem = b;
    vm::MapObj* m2 = w.newMap(mi);
    for (int k : {10, -1, 3}) *vm::mapInsert(m2, Value::fromInt(k)) = Value::fromBool(k > 0);
    CHECK(w.sprintln({w.iface(mi, Value::fromObj(m2))}) == "map[-1:false 3:true 10:true]\n");
}

TEST_CASE("fmt walker: interfaces inside values, nil interfaces, extra and missing operands") {
    World w;
    RType* s = w.type(Kind::Struct, "struct { A interface {}; B error }");
    RType* errT = w.type(Kind::Interface, "error");
    s->fields = {{"A", w.anyT(), false, true}, {"B", errT, false, true}};
    auto* box = w.machine.heap().newBox(s);
    box->fields[0] = w.iface(w.intT(), Value::fromInt(7));
    Value v = Value::fromObj(box);
    CHECK(w.sprintf("%v %+v", {w.iface(s, v), w.iface(s, v)}) == "{7 <nil>} {A:7 B:<nil>}");
    CHECK(w.sprintf("%#v", {w.iface(s, v)}) == "struct { A interface {}; B error }{A:7, B:error(nil)}");
    CHECK(w.sprintf("%d %s", {w.iface(w.intT(), Value::fromInt(1))}) == "1 %!s(MISSING)");
    CHECK(w.sprintf("%d", {w.iface(w.intT(), Value::fromInt(1)), Value{}, w.iface(w.strT(), w.str("x"))}) ==
          "1%!(EXTRA <nil>, string=x)");
    CHECK(w.sprintln({Value{}, w.iface(w.strT(), w.str("s")), w.iface(w.intT(), Value::fromInt(-3))}) == "<nil> s -3\n");
}

TEST_CASE("fmt walker: unexported fields and named basic types") {
    World w;
    RType* cel = w.type(Kind::Float64, "main.Celsius");
    cel->named = true;
    CHECK(w.sprintf("%v %.1f %T %d", {w.iface(cel, Value::fromFloat(21.5)), w.iface(cel, Value::fromFloat(21.5)),
                                      w.iface(cel, Value::fromFloat(21.5)), w.iface(cel, Value::fromFloat(21.5))}) ==
          "21.5 21.5 main.Celsius %!d(main.Celsius=21.5)");
    RType* t = w.type(Kind::Struct, "main.t");
    t->fields = {{"n", w.intT(), false, false}, {"s", w.strT(), false, false}};
    auto* b = w.machine.heap().newBox(t);
    b->fields[0] = Value::fromInt(5);
    CHECK(w.sprintf("%+v|%#v", {w.iface(t, Value::fromObj(b)), w.iface(t, Value::fromObj(b))}) ==
          "{n:5 s:}|main.t{n:5, s:\"\"}");
}
