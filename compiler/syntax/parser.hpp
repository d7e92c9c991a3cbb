// Parser entry point: Go source text -> ast::File.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/syntax/ast.hpp"

#include <memory>
#include <string>

namespace gol::syntax {

// Parses one file. Never returns nullptr and never throws on malformed input:
// syntax errors (Go's wording) go to `diags`, and the tree holds Bad* nodes
// where parsing failed. A file without a package clause is parsed in script
// mode (see ast::File).
std::unique_ptr<ast::File> parseFile(std::string fileName, std::string text, Diagnostics& diags);

} // namespace gol::syntax
