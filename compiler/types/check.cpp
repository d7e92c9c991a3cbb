// Entry points: check(), checkFiles(), checkPackageSource(), and the checker's
// top-level flow (Go's check.go).
#include "compiler/syntax/parser.hpp"
#include "compiler/types/checker.hpp"

namespace gol::types {

using namespace ast;

std::string Importer::scriptPackage(const std::string& name) {
    // gol's standard packages (DESIGN §6), by the name a script uses.
    static const std::pair<const char*, const char*> kStd[] = {
        {"fmt", "fmt"},        {"strings", "strings"},    {"strconv", "strconv"}, {"math", "math"},
        {"rand", "math/rand"}, {"time", "time"},          {"errors", "errors"},   {"os", "os"},
        {"bufio", "bufio"},    {"sort", "sort"},          {"unicode", "unicode"}, {"utf8", "unicode/utf8"},
        {"sync", "sync"},      {"atomic", "sync/atomic"}, {"context", "context"}, {"runtime", "runtime"},
        {"regexp", "regexp"},  {"bytes", "bytes"},        {"slices", "slices"},   {"maps", "maps"},
    };
    for (const auto& [n, p] : kStd)
        if (name == n) return p;
    return "";
}

Checker::Checker(Context& c, Importer& imp, Diagnostics& d, Info* i, const Config& config)
    : ctx(c), importer(imp), diags(d), info(i != nullptr ? i : &localInfo), cfg(config) {}

void Checker::checkFiles(const std::vector<File*>& files) {
    if (files.empty()) return;
    errorsAtStart = diags.count();
    script = files.size() == 1 && files[0]->isScript();
    fileName = files[0]->source.name;
    if (cfg.continuePkg != nullptr) {
        pkg = cfg.continuePkg;
    } else {
        std::string name = script ? "main" : files[0]->pkgName->name;
        pkg = ctx.make<Package>(cfg.path, name);
        pkg->scope = ctx.make<Scope>(ctx.universe());
    }
    info->pkg = pkg;
    scope = pkg->scope;
    collectObjects(files);

    // Package-level objects: types first (methods attach to them), then the rest.
    for (Object* o : pkgObjects)
        if (o->kind == ObjKind::TypeName) objDecl(o);
    for (Object* o : pkgObjects)
        if (o->kind != ObjKind::TypeName) objDecl(o);
    // Methods whose receiver base type is not a package-level type name.
    for (auto& [name, list] : methodsByBase)
        for (Func* m : list) {
            objDecl(m);
            methodFuncs.push_back(m);
        }
    methodsByBase.clear();
    for (Func* m : methodFuncs)
        objDecl(m);
    for (Named* n : localInfoNamed)
        if (n->obj->pkg == pkg) validType(n);

    if (script) {
        File* f = files[0];
        fileName = f->source.name;
        scriptBody = ctx.make<BlockStmt>(f->scriptStmts.empty() ? Pos{} : f->scriptStmts[0]->pos);
        scriptBody->list = f->scriptStmts;
        info->scriptBody = scriptBody;
        FuncCtx top;
        top.node = scriptBody;
        fn = &top;
        scope = pkg->scope;
        labels(scriptBody);
        stmtList(0, f->scriptStmts);
        fn = nullptr;
    }
    checkFuncBodies();
    for (size_t i = 0; i < delayed.size(); i++)
        delayed[i]();
    delayed.clear();
    initOrder();

    for (PkgName* pn : importOrder) {
        if (pn->used) continue;
        Package* p = pn->imported;
        if (pn->name != p->name)
            error(pn->pos, "\"" + p->path + "\" imported as " + pn->name + " and not used");
        else
            error(pn->pos, "\"" + p->path + "\" imported and not used");
    }

    for (Var* v : localInfoGlobals)
        info->globals.push_back(v);
    for (Func* f : allFuncs)
        info->funcs.push_back(f);
    for (Named* n : localInfoNamed)
        info->namedTypes.push_back(n);
}

bool check(File& file, Importer& importer, Context& ctx, Diagnostics& diags, Info* info,
           const Config& config) {
    return checkFiles({&file}, importer, ctx, diags, info, config);
}

bool checkFiles(const std::vector<File*>& files, Importer& importer, Context& ctx, Diagnostics& diags,
                Info* info, const Config& config) {
    size_t before = diags.count();
    Checker c(ctx, importer, diags, info, config);
    c.allowBodyless = config.allowBodyless;
    c.checkFiles(files);
    return diags.count() == before;
}

Package* checkPackageSource(Context& ctx, Importer& importer, const std::string& path,
                            const std::string& fileName, const std::string& source, Diagnostics& diags,
                            Info* info) {
    size_t before = diags.count();
    std::unique_ptr<File> file = syntax::parseFile(fileName, source, diags);
    // The package's declarations point into the tree: the context keeps it.
    File* f = ctx.make<std::unique_ptr<File>>(std::move(file))->get();
    if (diags.count() != before || f->isScript()) return nullptr;
    Config cfg;
    cfg.path = path;
    Info local;
    Checker c(ctx, importer, diags, info != nullptr ? info : &local, cfg);
    c.allowBodyless = true;
    c.checkFiles({f});
    if (diags.count() != before) return nullptr;
    return c.pkg;
}

} // namespace gol::types
