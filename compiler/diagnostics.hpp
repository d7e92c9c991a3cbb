// Compile-time diagnostics: collected by every compiler stage, reported Go's way.
#pragma once

#include "compiler/syntax/source.hpp"

#include <string>
#include <vector>

namespace gol {

struct Diagnostic {
    Pos pos;
    std::string file;
    std::string msg; // Go's wording, without position ("undefined: foo")
};

// Collects errors of one compilation. Like cmd/compile, the report is sorted by
// position and stops after 10 errors with "too many errors".
class Diagnostics {
  public:
    // Go stops after this many errors (cmd/compile's -e flag lifts the limit).
    static constexpr size_t kMaxReported = 10;

    void error(const std::string& file, Pos pos, std::string msg);

    bool hasErrors() const { return !list_.empty(); }
    size_t count() const { return list_.size(); }
    // In insertion order; use sorted() for reporting.
    const std::vector<Diagnostic>& all() const { return list_; }
    // Sorted by (file, line, col), stable for equal positions; exact duplicates removed.
    std::vector<Diagnostic> sorted() const;

    // "file:line:col: msg\n" for each of the first kMaxReported sorted errors, then
    // "too many errors\n" if there were more.
    std::string format() const;
    static std::string format(const Diagnostic& d);

    void clear() { list_.clear(); }

  private:
    std::vector<Diagnostic> list_;
};

} // namespace gol
