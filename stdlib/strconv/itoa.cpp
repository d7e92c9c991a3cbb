// strconv.FormatInt / FormatUint / Itoa / AppendInt: digits in any base 2..36, lower case.
#include "stdlib/panic.hpp"
#include "stdlib/strconv/strconv.hpp"

namespace gol::stdlib::strconv {
namespace {

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

void formatBits(std::string& dst, uint64_t u, int base, bool neg) {
    if (base < 2 || base > 36) throw Panic("strconv: illegal AppendInt/FormatInt base");
    char buf[65]; // 64 binary digits and a sign
    int i = sizeof(buf);
    uint64_t b = static_cast<uint64_t>(base);
    do {
        buf[--i] = kDigits[u % b];
        u /= b;
    } while (u != 0);
    if (neg) buf[--i] = '-';
    dst.append(buf + i, sizeof(buf) - static_cast<size_t>(i));
}

// The magnitude of i as unsigned; well defined for INT64_MIN too.
uint64_t magnitude(int64_t i) {
    return i < 0 ? ~static_cast<uint64_t>(i) + 1 : static_cast<uint64_t>(i);
}

} // namespace

void AppendInt(std::string& dst, int64_t i, int base) {
    formatBits(dst, magnitude(i), base, i < 0);
}
void AppendUint(std::string& dst, uint64_t i, int base) {
    formatBits(dst, i, base, false);
}

std::string FormatInt(int64_t i, int base) {
    std::string s;
    AppendInt(s, i, base);
    return s;
}

std::string FormatUint(uint64_t i, int base) {
    std::string s;
    AppendUint(s, i, base);
    return s;
}

std::string Itoa(int64_t i) {
    return FormatInt(i, 10);
}

} // namespace gol::stdlib::strconv
