// The compiler driver: Go source -> vm::Program.
#pragma once

#include "compiler/diagnostics.hpp"
#include "vm/native.hpp"
#include "vm/program.hpp"

#include <string>

namespace gol::compiler {

// Parses, checks and compiles one program file (a `package main` file or a script) with every
// package it imports from `registry` (each PackageDef::source is parsed and checked as that package,
// dependencies first; bodiless functions bind to the registry's natives). On success `out` holds the
// protos, runtime types, natives and globals, with initProto (package initialization and a script's
// top-level statements) and mainProto (main.main, or -1). Errors go to `diags` in Go's wording.
bool compileProgram(const std::string& fileName, const std::string& source, const vm::PackageRegistry& registry,
                    vm::Program& out, Diagnostics& diags);

} // namespace gol::compiler
