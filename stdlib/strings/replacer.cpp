// strings.Replacer: Go's genericReplacer semantics with a first-byte index instead of a trie.
#include "stdlib/panic.hpp"
#include "stdlib/strings/strings.hpp"

namespace gol::stdlib::strings {

Replacer::Replacer(std::vector<std::string> oldnew) : oldnew_(std::move(oldnew)) {
    if (oldnew_.size() % 2 == 1) throw Panic("strings.NewReplacer: odd argument count");
    for (size_t i = 0; i < oldnew_.size(); i += 2) {
        const std::string& o = oldnew_[i];
        if (o.empty()) {
            if (emptyPair_ < 0) emptyPair_ = static_cast<int64_t>(i / 2);
        } else {
            byFirstByte_[static_cast<unsigned char>(o[0])].push_back(static_cast<uint32_t>(i / 2));
        }
    }
}

std::string Replacer::Replace(std::string_view s) const {
    std::string out;
    size_t last = 0;
    bool prevMatchEmpty = false;
    bool any = false;
    for (size_t i = 0; i <= s.size();) {
        // The best match at i: the lowest pair index among the empty old (unless it just
        // matched here) and the olds that s[i:] starts with.
        int64_t best = prevMatchEmpty ? -1 : emptyPair_;
        if (i < s.size()) {
            for (uint32_t k : byFirstByte_[static_cast<unsigned char>(s[i])]) {
                if (best >= 0 && static_cast<int64_t>(k) > best) break;
                const std::string& o = oldnew_[2 * k];
                if (s.compare(i, o.size(), o) == 0) {
                    best = k;
                    break;
                }
            }
        }
        if (best >= 0) {
            const std::string& o = oldnew_[2 * static_cast<size_t>(best)];
            prevMatchEmpty = o.empty();
            any = true;
            out.append(s.substr(last, i - last));
            out.append(oldnew_[2 * static_cast<size_t>(best) + 1]);
            i += o.size();
            last = i;
            continue;
        }
        prevMatchEmpty = false;
        ++i;
    }
    if (!any) return std::string(s);
    out.append(s.substr(last));
    return out;
}

} // namespace gol::stdlib::strings
