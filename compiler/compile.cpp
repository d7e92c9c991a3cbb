// The compiler driver: parse, check (importing registry packages), generate code, link the entry.
#include "compiler/compile.hpp"

#include "compiler/codegen/funcgen.hpp"
#include "compiler/codegen/program_builder.hpp"
#include "compiler/syntax/parser.hpp"
#include "compiler/types/check.hpp"

#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace gol::compiler {

namespace {

// Imports packages from the registry: each PackageDef::source is parsed and checked as that
// package (recursively importing what it imports), once per compilation. Packages finish checking
// dependencies first, which is the order they are initialized in.
class RegistryImporter : public types::Importer {
  public:
    RegistryImporter(const vm::PackageRegistry& registry, Diagnostics& diags) : registry_(registry), diags_(diags) {}

    types::Package* import(types::Context& ctx, const std::string& path) override {
        auto it = state_.find(path);
        if (it != state_.end()) {
            if (it->second == nullptr) {
                diags_.error(importerFile_, Pos{}, "import cycle not allowed");
                return nullptr;
            }
            return it->second->info.pkg;
        }
        const vm::PackageDef* def = registry_.find(path);
        if (!def) return nullptr;
        state_[path] = nullptr; // in progress
        auto unit = std::make_unique<codegen::PackageUnit>();
        unit->path = path;
        unit->fileName = path + ".go";
        auto file = syntax::parseFile(unit->fileName, def->source, diags_);
        std::string outer = importerFile_;
        importerFile_ = unit->fileName;
        types::Config cfg;
        cfg.path = path;
        cfg.allowBodyless = true;
        types::check(*file, *this, ctx, diags_, &unit->info, cfg);
        importerFile_ = outer;
        unit->file = file.get();
        files_.push_back(std::move(file));
        codegen::PackageUnit* raw = unit.get();
        units_.push_back(std::move(unit));
        order_.push_back(raw);
        state_[path] = raw;
        return raw->info.pkg;
    }

    std::vector<codegen::PackageUnit*>& order() { return order_; }
    void setMainFile(const std::string& f) { importerFile_ = f; }

  private:
    const vm::PackageRegistry& registry_;
    Diagnostics& diags_;
    std::unordered_map<std::string, codegen::PackageUnit*> state_;
    std::vector<std::unique_ptr<ast::File>> files_;
    std::vector<std::unique_ptr<codegen::PackageUnit>> units_;
    std::vector<codegen::PackageUnit*> order_;
    std::string importerFile_;
};

} // namespace

bool compileProgram(const std::string& fileName, const std::string& source, const vm::PackageRegistry& registry,
                    vm::Program& out, Diagnostics& diags) {
    types::Context ctx;
    auto file = syntax::parseFile(fileName, source, diags);
    if (diags.hasErrors()) return false;
    RegistryImporter importer(registry, diags);
    importer.setMainFile(fileName);
    codegen::PackageUnit mainUnit;
    mainUnit.path = "main";
    mainUnit.fileName = fileName;
    mainUnit.file = file.get();
    types::Config cfg;
    cfg.path = "main";
    types::check(*file, importer, ctx, diags, &mainUnit.info, cfg);
    if (diags.hasErrors()) return false;

    std::vector<codegen::PackageUnit*> units = importer.order();
    units.push_back(&mainUnit);
    out.mainFile = fileName;
    codegen::ProgramBuilder pb(out, ctx, registry, diags);
    try {
        for (auto* u : units) pb.declarePackage(*u);
        if (diags.hasErrors()) return false;
        for (auto* u : units) {
            for (types::Func* f : u->info.funcs) {
                const codegen::FuncRef* ref = pb.funcRef(f);
                if (!ref || ref->native) continue;
                try {
                    codegen::FuncGen g(pb, nullptr, ref->index, u->path);
                    g.genFuncDecl(f, f->decl);
                    g.finish();
                } catch (const std::runtime_error& e) {
                    diags.error(u->fileName, f->decl ? f->decl->pos : f->pos, e.what());
                }
            }
        }
        uint32_t init = pb.newProto("main.init", fileName, 0);
        {
            codegen::FuncGen g(pb, nullptr, init, "main");
            try {
                g.genInit(units);
                g.finish();
            } catch (const std::runtime_error& e) {
                diags.error(fileName, Pos{1, 1}, e.what());
            }
        }
        out.initProto = init;
        out.mainProto = -1;
        if (mainUnit.info.pkg && mainUnit.info.pkg->scope)
            if (auto* m = mainUnit.info.pkg->scope->lookup("main"))
                if (auto* f = m->as<types::Func>())
                    if (const codegen::FuncRef* ref = pb.funcRef(f); ref && !ref->native)
                        out.mainProto = int32_t(ref->index);
        out.stringType = pb.rtypePtr(ctx.basic(types::Kind::String));
        out.intType = pb.rtypePtr(ctx.basic(types::Kind::Int));
        out.errorType = pb.rtypePtr(ctx.errorType());
        pb.finishMethodSets();
    } catch (const std::runtime_error& e) {
        diags.error(fileName, Pos{1, 1}, e.what());
    }
    return !diags.hasErrors();
}

} // namespace gol::compiler
