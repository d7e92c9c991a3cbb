// Package path's lexical operations (path.hpp).
#include "stdlib/path/path.hpp"

namespace gol::stdlib::path {

std::string_view Clean(std::string_view p, std::string& out) {
    if (p.empty()) return ".";
    const bool rooted = p[0] == '/';
    out.clear();
    if (rooted) out = "/";
    // out[:fixed] is what ".." may not remove: the root, or leading ".." elements of a relative
    // path (which stay, as nothing before them is known).
    size_t fixed = out.size();
    for (size_t i = 0; i < p.size();) {
        if (p[i] == '/') {
            i++;
            continue;
        }
        size_t end = p.find('/', i);
        if (end == std::string_view::npos) end = p.size();
        std::string_view elem = p.substr(i, end - i);
        i = end;
        if (elem == ".") continue;
        if (elem == "..") {
            if (out.size() > fixed) {
                size_t slash = out.rfind('/');
                out.resize(slash == std::string::npos || slash < fixed ? fixed : slash);
            } else if (!rooted) {
                if (!out.empty()) out += '/';
                out += "..";
                fixed = out.size();
            }
            continue;
        }
        if (out.size() > (rooted ? 1u : 0u)) out += '/';
        out += elem;
    }
    if (out.empty()) return ".";
    return out == p ? p : std::string_view(out);
}

std::string Join(const std::string_view* elems, size_t n) {
    std::string joined;
    for (size_t k = 0; k < n; k++) {
        if (elems[k].empty()) continue; // an empty element adds nothing once cleaned
        if (!joined.empty()) joined += '/';
        joined += elems[k];
    }
    if (joined.empty()) return "";
    std::string cleaned;
    return std::string(Clean(joined, cleaned));
}

SplitResult Split(std::string_view p) {
    size_t slash = p.rfind('/');
    size_t cut = slash == std::string_view::npos ? 0 : slash + 1;
    return {p.substr(0, cut), p.substr(cut)};
}

std::string_view Ext(std::string_view p) {
    size_t dot = p.find_last_of("./");
    if (dot == std::string_view::npos || p[dot] != '.') return {};
    return p.substr(dot);
}

std::string_view Base(std::string_view p) {
    if (p.empty()) return ".";
    while (!p.empty() && p.back() == '/')
        p.remove_suffix(1);
    if (p.empty()) return "/";
    size_t slash = p.rfind('/');
    return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

std::string Dir(std::string_view p) {
    std::string cleaned;
    return std::string(Clean(Split(p).dir, cleaned));
}

bool IsAbs(std::string_view p) {
    return !p.empty() && p[0] == '/';
}

} // namespace gol::stdlib::path
