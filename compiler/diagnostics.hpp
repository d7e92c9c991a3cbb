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

// Collects errors of one compilation and reports them the way cmd/compile does
// (base.ErrorfAt / FlushErrors):
//  - only the first "syntax error: ..." of a line is kept, and a non-syntax
//    error equal to the previous one on the same line is dropped;
//  - the 10th error stops the report: the first 10 are printed sorted by
//    position, then "file:line:col: too many errors" at the 10th's position.
class Diagnostics {
  public:
    // Go stops at this many errors (cmd/compile's -e flag lifts the limit).
    static constexpr size_t kMaxReported = 10;

    // Records an error; returns false if it was filtered out as a duplicate.
    bool error(const std::string& file, Pos pos, std::string msg);

    bool hasErrors() const { return !list_.empty(); }
    size_t count() const { return list_.size(); }
    // In insertion order; use sorted() for reporting.
    const std::vector<Diagnostic>& all() const { return list_; }
    // Sorted by (file, line, col), stable for equal positions; exact duplicates removed.
    std::vector<Diagnostic> sorted() const;

    // The report as cmd/compile prints it: "file:line:col: msg\n" per error (of
    // the first kMaxReported, sorted, repeated lines once), then the
    // "too many errors" line if the limit was reached.
    std::string format() const;
    // True once kMaxReported errors were recorded: Go would stop here.
    bool tooMany() const { return list_.size() >= kMaxReported; }
    static std::string format(const Diagnostic& d);

    void clear() { list_.clear(); }

  private:
    std::vector<Diagnostic> list_;
    // cmd/compile's lasterror: the line filters above.
    Diagnostic lastSyntax_, lastOther_;
};

} // namespace gol
