// Reads the Go-oracle data files under tests/unit/stdlib/data/ (written by the programs in gen/).
// Each line is tab-separated; fields starting with "h:" are hex-encoded bytes.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace gol::stdlib::testdata {

inline std::string field(const std::string& f) {
    if (f.rfind("h:", 0) != 0) return f;
    std::string out;
    for (size_t i = 2; i + 1 < f.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(f.substr(i, 2), nullptr, 16)));
    return out;
}

// All records of data/<name>, each split into decoded fields.
inline std::vector<std::vector<std::string>> load(const char* name) {
    std::filesystem::path p = std::filesystem::path(__FILE__).parent_path() / "data" / name;
    std::ifstream in(p);
    REQUIRE_MESSAGE(in.good(), "cannot open " << p.string());
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> row;
        size_t start = 0;
        for (;;) {
            size_t tab = line.find('\t', start);
            row.push_back(
                field(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace gol::stdlib::testdata
