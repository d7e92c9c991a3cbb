// types::Context: the arena of one compilation. It owns every type, object,
// scope, package, selection and constant the checker creates, interns composite
// types (see type.hpp), and holds the universe scope. Two contexts share
// nothing, so two compilations (or two VMs) may run in parallel.
#pragma once

#include "compiler/types/constant.hpp"
#include "compiler/types/object.hpp"
#include "compiler/types/type.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace gol::types {

struct FieldSpec {
    std::string name;
    Type* type;
    bool embedded = false;
    std::string tag;
    Pos pos;
    Package* pkg = nullptr; // package of the declaration (identity of unexported names)

    FieldSpec(std::string n, Type* t, bool emb = false, std::string tg = "", Pos p = {},
              Package* pk = nullptr)
        : name(std::move(n)), type(t), embedded(emb), tag(std::move(tg)), pos(p), pkg(pk) {}
};

class Context {
  public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    // --- predeclared ---
    Basic* basic(Kind k) { return basics_[static_cast<int>(k)]; } // Invalid .. UntypedNil
    Basic* invalid() { return basic(Kind::Invalid); }
    Basic* byteType() { return byte_; } // kind Uint8, name "byte"
    Basic* runeType() { return rune_; } // kind Int32, name "rune"
    Named* errorType() { return error_; }
    Interface* emptyInterface() { return any_; } // interface {} (any)
    Scope* universe() { return universe_; }
    Object* nilObject() { return nil_; }

    // --- composite types, interned ---
    Slice* slice(Type* elem);
    Array* array(Type* elem, int64_t len);
    Pointer* pointer(Type* elem);
    Map* map(Type* key, Type* elem);
    Chan* chan(ChanDir dir, Type* elem);
    Tuple* tuple(const std::vector<Type*>& types);
    Signature* signature(Tuple* params, Tuple* results, bool variadic);
    Signature* signature(const std::vector<Type*>& params, const std::vector<Type*>& results,
                         bool variadic = false) {
        return signature(tuple(params), tuple(results), variadic);
    }
    Struct* structType(const std::vector<FieldSpec>& fields);
    // methods: Func objects with Signature types (duplicates must already be
    // reported); sorted by name here. The interface may reuse other Func objects.
    Interface* interfaceType(std::vector<Func*> methods);
    // A new defined type; set ->underlying (and methods) afterwards.
    Named* newNamed(TypeName* obj);

    // --- everything else lives here too ---
    template <class T, class... Args> T* make(Args&&... args) {
        auto p = std::make_unique<Holder<T>>(std::forward<Args>(args)...);
        T* raw = &p->value;
        owned_.push_back(std::move(p));
        return raw;
    }
    const Constant* constant(Constant c) { return make<Constant>(std::move(c)); }

  private:
    struct HolderBase {
        virtual ~HolderBase() = default;
    };
    template <class T> struct Holder : HolderBase {
        T value;
        template <class... Args> explicit Holder(Args&&... args) : value(std::forward<Args>(args)...) {}
    };
    void initUniverse();

    std::vector<std::unique_ptr<HolderBase>> owned_;
    std::unordered_map<std::string, Type*> interned_;
    Basic* basics_[static_cast<int>(Kind::UntypedNil) + 1] = {};
    Basic* byte_ = nullptr;
    Basic* rune_ = nullptr;
    Named* error_ = nullptr;
    Interface* any_ = nullptr;
    Scope* universe_ = nullptr;
    Object* nil_ = nullptr;
};

} // namespace gol::types
