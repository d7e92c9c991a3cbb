// Objects, scopes and packages.
#include "compiler/types/object.hpp"

namespace gol::types {

bool Object::exported() const {
    if (name.empty()) return false;
    unsigned char c = static_cast<unsigned char>(name[0]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    // Non-ASCII: decode the first rune and treat the common upper-case blocks
    // (Latin-1, Latin Extended, Greek, Cyrillic) as Go's unicode.IsUpper does.
    uint32_t r = 0;
    if ((c & 0xE0) == 0xC0 && name.size() >= 2)
        r = ((c & 0x1F) << 6) | (name[1] & 0x3F);
    else
        return false;
    if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return true;
    if (r >= 0x100 && r <= 0x17F) return (r & 1) == 0;
    if (r >= 0x391 && r <= 0x3AB) return true;
    if (r >= 0x400 && r <= 0x42F) return true;
    return false;
}

std::string Func::fullName() const {
    std::string prefix = pkg != nullptr ? pkg->path + "." : "";
    if (recvBase != nullptr) {
        const std::string& base = recvBase->as<Named>() ? recvBase->as<Named>()->obj->name : std::string("?");
        if (ptrRecv) return prefix + "(*" + base + ")." + name;
        return prefix + base + "." + name;
    }
    return prefix + name;
}

Object* Scope::lookup(const std::string& name) const {
    auto it = map.find(name);
    return it == map.end() ? nullptr : it->second;
}

Object* Scope::lookupParent(const std::string& name) const {
    for (const Scope* s = this; s != nullptr; s = s->parent)
        if (Object* o = s->lookup(name)) return o;
    return nullptr;
}

Object* Scope::insert(Object* obj) {
    if (obj->name == "_") {
        obj->parent = this;
        return nullptr;
    }
    if (Object* prev = lookup(obj->name)) return prev;
    map.emplace(obj->name, obj);
    elems.push_back(obj);
    if (obj->parent == nullptr) obj->parent = this;
    return nullptr;
}

} // namespace gol::types
