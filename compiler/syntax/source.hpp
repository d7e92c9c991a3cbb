// Source positions and source files, shared by every compiler stage.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace gol {

// A position in a source file. Lines and columns are 1-based; columns count bytes,
// as Go's do, so error positions match `go vet` / `go build` exactly. The zero
// value means "no position".
struct Pos {
    uint32_t line = 0, col = 0;

    bool valid() const { return line != 0; }
    friend auto operator<=>(const Pos&, const Pos&) = default;
    friend bool operator==(const Pos&, const Pos&) = default;
};

// The text of one source file, as handed to the parser.
struct SourceFile {
    std::string name; // as given by the user, used verbatim in diagnostics ("file.gol")
    std::string text;
};

// "file.gol:LINE:COL" (or "file.gol:LINE" when the column is unknown).
std::string formatPos(const std::string& file, Pos pos);

} // namespace gol
