// Shared helpers of the type checker's unit tests: a fake importer built from
// Go declarations (checkPackageSource), and "check this source" helpers.
#pragma once

#include "compiler/syntax/parser.hpp"
#include "compiler/types/check.hpp"

#include <map>
#include <memory>
#include <string>

namespace gol::types::testing {

// A few standard-library declarations, enough for the tests.
class FakeImporter : public Importer {
  public:
    Package* import(Context& ctx, const std::string& path) override {
        if (auto it = cache_.find(path); it != cache_.end()) return it->second;
        static const std::map<std::string, std::string> kSources = {
            {"fmt", "package fmt\n"
                    "func Println(a ...any) (n int, err error)\n"
                    "func Printf(format string, a ...any) (n int, err error)\n"
                    "func Sprintf(format string, a ...any) string\n"
                    "func Sprint(a ...any) string\n"
                    "func Errorf(format string, a ...any) error\n"
                    "type Stringer interface { String() string }\n"},
            {"strings", "package strings\n"
                        "func Repeat(s string, count int) string\n"
                        "func ToUpper(s string) string\n"
                        "type Builder struct { buf []byte }\n"
                        "func (b *Builder) WriteString(s string) (int, error)\n"
                        "func (b *Builder) String() string\n"},
            {"errors", "package errors\nfunc New(text string) error\n"},
            {"strconv", "package strconv\nfunc Itoa(i int) string\nfunc Atoi(s string) (int, error)\n"},
            {"os", "package os\nvar Args []string\nfunc Exit(code int)\n"},
            {"math/rand", "package rand\nfunc Intn(n int) int\n"},
            {"time", "package time\ntype Duration int64\nconst Second Duration = 1000000000\n"
                     "func (d Duration) String() string\nfunc Sleep(d Duration)\n"},
        };
        auto it = kSources.find(path);
        if (it == kSources.end()) return nullptr;
        Diagnostics d;
        Package* p = checkPackageSource(ctx, *this, path, path + ".go", it->second, d);
        cache_[path] = p;
        return p;
    }

  private:
    std::map<std::string, Package*> cache_;
};

// One checked file, kept alive for inspecting annotations.
struct Checked {
    std::unique_ptr<ast::File> file;
    Context ctx;
    FakeImporter importer;
    Diagnostics diags;
    Info info;
    bool ok = false;

    explicit Checked(const std::string& src, const std::string& name = "t.go") {
        file = syntax::parseFile(name, src, diags);
        if (!diags.hasErrors()) ok = check(*file, importer, ctx, diags, &info);
    }
    // "line:col: msg" per error, sorted by position, joined by newlines.
    std::string errors() const {
        std::string out;
        for (const Diagnostic& d : diags.sorted()) {
            if (!out.empty()) out += "\n";
            out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.msg;
        }
        return out;
    }
};

// Errors of a program made of `body` after a package clause.
inline std::string errorsOf(const std::string& body) {
    Checked c("package main\n\n" + body + "\n");
    return c.errors();
}

} // namespace gol::types::testing
