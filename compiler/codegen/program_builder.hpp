// ProgramBuilder: the program-wide half of code generation.
//
// It owns what every function's code refers to by index: Protos (F[]), runtime types (T[]),
// natives (N[]), globals (G[]) and interned method names. Functions are declared (given their
// Proto index) before any body is generated, so calls and method tables can name them in any order.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/types/check.hpp"
#include "vm/native.hpp"
#include "vm/program.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gol::codegen {

// What a declared function compiles to.
struct FuncRef {
    bool native = false;
    uint32_t index = 0; // F[index] or N[index]
};

// Where a package-level (or script top-level) variable lives.
struct GlobalLoc {
    uint32_t index = 0;
    bool cell = false; // address-taken non-boxed: G[index] holds a cell
};

// A package ready for code generation.
struct PackageUnit {
    std::string path;
    std::string fileName;
    ast::File* file = nullptr;
    types::Info info;
};

class ProgramBuilder {
  public:
    ProgramBuilder(vm::Program& prog, types::Context& ctx, const vm::PackageRegistry& registry,
                   Diagnostics& diags)
        : prog_(prog), ctx_(ctx), registry_(registry), diags_(diags) {}

    vm::Program& program() { return prog_; }
    types::Context& ctx() { return ctx_; }
    Diagnostics& diags() { return diags_; }

    // Runtime type of t (interned by t->canon).
    uint32_t rtype(types::Type* t);
    const vm::RType* rtypePtr(types::Type* t) { return prog_.types[rtype(t)].get(); }
    uint32_t methodNameId(const std::string& name);

    uint32_t newProto(std::string name, const std::string& file, uint32_t line);
    vm::Proto* proto(uint32_t i) { return prog_.protos[i].get(); }

    // Declares every function of a package (Protos or natives) and its globals.
    void declarePackage(PackageUnit& unit);
    const FuncRef* funcRef(const types::Func* f) const;
    const GlobalLoc* global(const types::Var* v) const;
    GlobalLoc declareGlobal(types::Var* v, const std::string& name);
    // Script top-level variables are initialized by their statements, not by the package initializer.
    bool isScriptVar(const types::Var* v) const { return scriptVars_.count(v) != 0; }

    // Wrapper protos shared by several call sites.
    uint32_t nativeWrapper(const types::Func* f);      // a Proto calling a native method/function
    uint32_t ifaceThunk(const std::string& method, types::Signature* sig); // (iface, args...) -> CALLI
    // Method value thunk: upvalue 0 (captured from the parent's register recvReg) is the receiver;
    // m == nullptr: an interface method `name` called with CALLI.
    uint32_t boundThunk(const types::Func* m, const std::string& name, types::Signature* sig, int recvReg,
                        const std::string& file);
    // A function applying builtin `id` to its parameters (for go/defer of builtins).
    uint32_t builtinThunk(types::BuiltinId id, const std::vector<types::Type*>& params, const std::string& file,
                          uint32_t line);
    // A function taking a receiver of type recvType first that calls its method `name`
    // (the method itself when no adjustment is needed): method expressions and method tables.
    uint32_t methodProto(types::Type* recvType, const std::string& name);

    // Fills RType::methods of every named type (and pointer to named) that has been created;
    // call once all bodies are generated (creates wrapper protos for promoted and *T methods).
    void finishMethodSets();

    // Closure counters per enclosing top-level function ("main.main" -> next funcN).
    uint32_t nextClosureIndex(const std::string& parent) { return ++closureCounters_[parent]; }

  private:
    void fillMethods(vm::RType* rt, types::Type* t);

    vm::Program& prog_;
    types::Context& ctx_;
    const vm::PackageRegistry& registry_;
    Diagnostics& diags_;
    std::unordered_map<const types::Type*, uint32_t> rtypes_;
    std::vector<types::Type*> rtypeSources_; // checker type per RType index
    std::unordered_map<std::string, uint32_t> methodNames_;
    std::unordered_map<const types::Func*, FuncRef> funcs_;
    std::unordered_map<const types::Var*, GlobalLoc> globals_;
    std::unordered_map<const types::Func*, uint32_t> nativeWrappers_;
    std::map<std::string, uint32_t> ifaceThunks_;
    std::map<std::string, uint32_t> boundThunks_;
    std::map<std::string, uint32_t> methodProtos_;
    std::unordered_map<std::string, uint32_t> closureCounters_;
    size_t methodSetsDone_ = 0;
    std::unordered_set<const types::Var*> scriptVars_;
};

} // namespace gol::codegen
