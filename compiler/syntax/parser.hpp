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

namespace gol::syntax {

// For the REPL: whether `text` (script mode) is an incomplete prefix of a valid
// input — an unclosed block, call, composite literal, raw string or comment —
// so that more lines should be read before compiling. False for complete input
// and for input with a real syntax error before its end.
bool inputIncomplete(const std::string& text);

} // namespace gol::syntax
