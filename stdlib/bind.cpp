// Helpers for natives: VM values from and to C++ data.
#include "stdlib/bind.hpp"

#include <cstring>

namespace gol::stdlib {

std::string_view bytesOf(Value slice) {
    auto* s = static_cast<vm::SliceObj*>(slice.p);
    if (!s || s->len == 0) return {};
    return {reinterpret_cast<const char*>(s->array->data + s->off), size_t(s->len)};
}

Value* sliceSlots(Value slice, int64_t* n) {
    auto* s = static_cast<vm::SliceObj*>(slice.p);
    if (!s) {
        *n = 0;
        return nullptr;
    }
    *n = s->len;
    return s->array->slots() + s->off;
}

Value newBytes(NativeCall& c, std::string_view b) {
    vm::Heap& h = c.vm.heap();
    vm::ArrayObj* a = h.newArray(int64_t(b.size()), 1, false, nullptr);
    if (!b.empty()) std::memcpy(a->data, b.data(), b.size());
    return Value::fromObj(h.newSlice(a, 0, int64_t(b.size()), int64_t(b.size())));
}

template <class S> static Value stringSlice(NativeCall& c, const std::vector<S>& v) {
    vm::Heap& h = c.vm.heap();
    vm::ArrayObj* a = h.newArray(int64_t(v.size()), 8, true, c.vm.program().stringType);
    for (size_t i = 0; i < v.size(); i++) a->slots()[i] = c.str(v[i]);
    return Value::fromObj(h.newSlice(a, 0, int64_t(v.size()), int64_t(v.size())));
}

Value newStringSlice(NativeCall& c, const std::vector<std::string_view>& v) { return stringSlice(c, v); }
Value newStringSlice(NativeCall& c, const std::vector<std::string>& v) { return stringSlice(c, v); }

Value newIntSlice(NativeCall& c, const std::vector<int64_t>& v) {
    vm::Heap& h = c.vm.heap();
    vm::ArrayObj* a = h.newArray(int64_t(v.size()), 8, false, c.vm.program().intType);
    for (size_t i = 0; i < v.size(); i++) a->slots()[i] = Value::fromInt(v[i]);
    return Value::fromObj(h.newSlice(a, 0, int64_t(v.size()), int64_t(v.size())));
}

Value substrOf(NativeCall& c, Value s, std::string_view part) {
    auto* so = static_cast<vm::StringObj*>(s.p);
    if (part.empty()) return Value{};
    if (so) {
        auto* base = reinterpret_cast<const char*>(so->data);
        if (part.data() >= base && part.data() + part.size() <= base + so->len) {
            int64_t lo = part.data() - base;
            if (lo == 0 && int64_t(part.size()) == so->len) return s;
            return Value::fromObj(c.vm.heap().newSubstring(so, lo, lo + int64_t(part.size())));
        }
    }
    return c.str(part);
}

std::string errnoText(int e) {
    const char* name = e > 0 ? strerrorname_np(e) : nullptr;
    if (!name) return "errno " + std::to_string(e);
    std::string s = std::strerror(e);
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) s[0] = char(s[0] - 'A' + 'a');
    return s;
}

} // namespace gol::stdlib
