// Printing the AST: Go's short source form (for error messages, matching
// cmd/compile's syntax.String) and the S-expression dump (for tests and
// `gol disasm -ast`, declared in ast.hpp).
#pragma once

#include "compiler/syntax/ast.hpp"

#include <string>
#include <vector>

namespace gol::ast {

// Go's syntax.String: source form with function and composite literal bodies
// shortened to {…}, e.g. `f(x, y...)`, `a + b`, `[]int{…}`, `x := y.(type)`.
// Works for expressions, simple statements and field lists.
std::string nodeString(const Node* n);
// Comma-separated nodeStrings: "a, b".
std::string exprListString(const std::vector<Expr*>& list);

// Position cmd/compile's syntax tree gives a node, where Go reports some errors:
// the operator of a binary expression, the '.' of a selector or assertion, the
// '[' of an index or slice, the '(' of a call, the '{' of a composite literal,
// the ':' of a key-value pair, the operator of an assignment, send or inc/dec.
// For other nodes, the start position.
Pos syntaxPos(const Node* n);

} // namespace gol::ast
