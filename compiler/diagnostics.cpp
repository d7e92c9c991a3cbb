#include "compiler/diagnostics.hpp"

#include <algorithm>
#include <cstddef>

namespace gol {

std::string formatPos(const std::string& file, Pos pos) {
    // Appended piecewise: `file + ":" + ...` trips a false GCC 12 -Wrestrict warning.
    std::string s = file;
    s += ':';
    s += std::to_string(pos.line);
    if (pos.col != 0) {
        s += ':';
        s += std::to_string(pos.col);
    }
    return s;
}

bool Diagnostics::error(const std::string& file, Pos pos, std::string msg) {
    auto sameLine = [&](const Diagnostic& d) {
        return d.pos.line != 0 && d.file == file && d.pos.line == pos.line;
    };
    if (msg.rfind("syntax error", 0) == 0) {
        // Only one syntax error per line, no matter what error.
        if (sameLine(lastSyntax_)) return false;
        lastSyntax_ = {pos, file, {}};
    } else {
        // Only one of multiple equal non-syntax errors per line.
        if (sameLine(lastOther_) && lastOther_.msg == msg) return false;
        lastOther_ = {pos, file, msg};
    }
    list_.push_back({pos, file, std::move(msg)});
    return true;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> v = list_;
    std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.pos < b.pos;
    });
    return v;
}

std::string Diagnostics::format(const Diagnostic& d) {
    return formatPos(d.file, d.pos) + ": " + d.msg;
}

std::string Diagnostics::format() const {
    size_t n = std::min(list_.size(), kMaxReported);
    std::vector<Diagnostic> v(list_.begin(), list_.begin() + std::ptrdiff_t(n));
    std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.pos < b.pos;
    });
    std::string out, prev;
    for (const Diagnostic& d : v) {
        std::string line = format(d) + "\n";
        if (line != prev) out += line;
        prev = std::move(line);
    }
    if (list_.size() >= kMaxReported)
        out += formatPos(list_[kMaxReported - 1].file, list_[kMaxReported - 1].pos) + ": too many errors\n";
    return out;
}

} // namespace gol
