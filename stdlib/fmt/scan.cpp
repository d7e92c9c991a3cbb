// fmt's scanning over VM pointer operands, after Go's fmt/scan.go (ss, doScan, doScanf).
#include "stdlib/fmt/scan.hpp"

#include "stdlib/bind.hpp"
#include "stdlib/strconv/strconv.hpp"
#include "stdlib/unicode/utf8/utf8.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <unistd.h>

namespace gol::stdlib::fmt {

using vm::Kind;
using vm::RType;

namespace {

constexpr int kEOF = -1;
constexpr int kHugeWid = 1 << 30;

// A scan failure: code 1 io.EOF, 2 io.ErrUnexpectedEOF, 3 msg.
struct ScanErr {
    int code;
    std::string msg;
};

[[noreturn]] void fail(std::string msg) { throw ScanErr{3, std::move(msg)}; }

bool isSpace(int r) {
    // Go's scan.go space table (unicode.White_Space minus nothing relevant here).
    switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    }
    return r >= 0x2000 && r <= 0x200A;
}

// Where a Scanner's bytes come from: a Go string (Sscan*), file descriptor 0 (Scan*), or an
// io.Reader (Fscan*) through the Go helper fmt.fscanNext, which calls the reader's ReadRune when
// it is an io.RuneScanner and otherwise reads one byte per Read, as Go's fmt does.
enum class Source { String, Stdin, Reader };

// A read error of the io.Reader (kept in the runeSource; Fscan* returns it).
constexpr int kReaderError = 4;

class Scanner {
public:
    Scanner(std::string_view input, bool fromStdin, bool nlIsSpace, bool nlIsEnd)
        : nlIsSpace_(nlIsSpace), nlIsEnd_(nlIsEnd), in_(input),
          source_(fromStdin ? Source::Stdin : Source::String) {}
    // Reads through `next(src)`; `runes` when it yields whole runes (an io.RuneScanner).
    Scanner(vm::NativeCall& c, vm::FuncObj* next, vm::Value src, bool runes, bool nlIsSpace, bool nlIsEnd)
        : nlIsSpace_(nlIsSpace), nlIsEnd_(nlIsEnd), source_(Source::Reader), call_(&c), next_(next),
          src_(src), runes_(runes) {}

    // The rune read ahead and not consumed, if any (kEOF if none): Fscan* gives it back to an
    // io.RuneScanner.
    bool hasPeeked() const { return peek_ != -2 && peek_ != kEOF; }

    int argLimit = kHugeWid;
    int count = 0;

    int getRune() {
        if (count >= argLimit) return kEOF;
        int r;
        if (peek_ != -2) {
            r = peek_;
            peek_ = -2;
        } else {
            r = readRune();
        }
        if (r != kEOF) count++;
        last_ = r;
        return r;
    }
    void unreadRune() {
        if (last_ == kEOF) return;
        peek_ = last_;
        last_ = kEOF;
        count--;
    }
    int mustReadRune() {
        int r = getRune();
        if (r == kEOF) throw ScanErr{2, ""};
        return r;
    }
    bool peekIs(std::string_view ok) {
        int r = getRune();
        if (r != kEOF) unreadRune();
        return r != kEOF && contains(ok, r);
    }
    static bool contains(std::string_view s, int r) {
        for (size_t i = 0; i < s.size();) {
            auto d = utf8::DecodeRune(s.substr(i));
            if (d.r == r) return true;
            i += size_t(d.size);
        }
        return false;
    }
    // consume: the next rune if it is in ok (appended to buf when accept).
    bool consume(std::string_view ok, bool accept) {
        int r = getRune();
        if (r == kEOF) return false;
        if (contains(ok, r)) {
            if (accept) utf8::AppendRune(buf, r);
            return true;
        }
        if (r != kEOF && accept) unreadRune();
        return false;
    }
    bool accept(std::string_view ok) { return consume(ok, true); }

    void skipSpace() {
        for (;;) {
            int r = getRune();
            if (r == kEOF) return;
            if (r == '\r' && peekIs("\n")) continue;
            if (r == '\n') {
                if (nlIsSpace_) continue;
                fail("unexpected newline");
            }
            if (!isSpace(r)) {
                unreadRune();
                return;
            }
        }
    }
    void notEOF() {
        int r = getRune();
        if (r == kEOF) throw ScanErr{1, ""};
        unreadRune();
    }
    std::string token(bool skip) {
        if (skip) skipSpace();
        buf.clear();
        for (;;) {
            int r = getRune();
            if (r == kEOF) break;
            if (isSpace(r)) {
                unreadRune();
                break;
            }
            utf8::AppendRune(buf, r);
        }
        return buf;
    }

    std::string buf;
    bool nlIsSpace_, nlIsEnd_;

private:
    // The next unit of the source: a byte, or a whole rune from a RuneScanner; kEOF at the end.
    int readUnit() {
        switch (source_) {
        case Source::String: return pos_ < in_.size() ? static_cast<unsigned char>(in_[pos_++]) : kEOF;
        case Source::Stdin: {
            unsigned char b;
            for (;;) {
                ssize_t n = ::read(0, &b, 1);
                if (n == 1) return b;
                if (n < 0 && errno == EINTR) continue;
                return kEOF;
            }
        }
        case Source::Reader: {
            vm::Value res;
            call_->vm.callFunction(call_->thread, next_, &src_, 1, &res, 1);
            if (res.i == -2) throw ScanErr{kReaderError, ""};
            return res.i < 0 ? kEOF : int(res.i);
        }
        }
        return kEOF;
    }
    int readByte() {
        if (pendingLen_ > 0) {
            int b = static_cast<unsigned char>(pending_[0]);
            std::memmove(pending_, pending_ + 1, size_t(--pendingLen_));
            return b;
        }
        return readUnit();
    }
    // Assembles a rune from bytes as Go's fmt does: read until the bytes form a full (possibly
    // invalid) sequence, decode, and keep the bytes past an invalid prefix for the next rune.
    int readRune() {
        if (source_ == Source::Reader && runes_) return readUnit();
        int b = readByte();
        if (b == kEOF || b < 0x80) return b;
        char tmp[4] = {char(b)};
        size_t n = 1;
        while (n < sizeof tmp && !utf8::FullRune(std::string_view(tmp, n))) {
            int c = readByte();
            if (c == kEOF) break;
            tmp[n++] = char(c);
        }
        auto d = utf8::DecodeRune(std::string_view(tmp, n));
        size_t used = size_t(d.size);
        if (used < n) {
            std::memcpy(pending_ + pendingLen_, tmp + used, n - used);
            pendingLen_ += int(n - used);
        }
        return d.r;
    }

    std::string_view in_;
    size_t pos_ = 0;
    Source source_;
    vm::NativeCall* call_ = nullptr;
    vm::FuncObj* next_ = nullptr;
    vm::Value src_;
    bool runes_ = false;
    char pending_[8];
    int pendingLen_ = 0;
    int peek_ = -2;
    int last_ = kEOF;
};

bool okVerb(int verb, std::string_view okVerbs, const char* typ) {
    if (Scanner::contains(okVerbs, verb)) return true;
    std::string v;
    utf8::AppendRune(v, verb);
    fail("bad verb '%" + v + "' for " + typ);
}

struct Base {
    int base;
    std::string digits;
};

Base getBase(int verb) {
    okVerb(verb, "bdoUxXv", "integer");
    switch (verb) {
    case 'b': return {2, "01"};
    case 'o': return {8, "01234567"};
    case 'x': case 'X': case 'U': return {16, "0123456789aAbBcCdDeEfF"};
    }
    return {10, "0123456789"};
}

std::string scanNumber(Scanner& s, const std::string& digits, bool haveDigits) {
    if (!haveDigits) {
        s.notEOF();
        if (!s.accept(digits)) fail("expected integer");
    }
    while (s.accept(digits)) {
    }
    return s.buf;
}

// Go's scanBasePrefix for %v: 0b, 0o, 0x and a leading 0 choose the base (0 = from the prefix).
Base scanBasePrefix(Scanner& s, bool* zeroFound) {
    *zeroFound = false;
    if (!s.peekIs("0")) return {0, "0123456789_"};
    s.accept("0");
    *zeroFound = true;
    if (s.peekIs("bB")) {
        s.consume("bB", true);
        return {0, "01_"};
    }
    if (s.peekIs("oO")) {
        s.consume("oO", true);
        return {0, "01234567_"};
    }
    if (s.peekIs("xX")) {
        s.consume("xX", true);
        return {0, "0123456789aAbBcCdDeEfF_"};
    }
    return {0, "01234567_"};
}

int64_t scanRune(Scanner& s) { return s.mustReadRune(); }

int64_t scanInt(Scanner& s, int verb, int bitSize) {
    if (verb == 'c') return scanRune(s);
    s.skipSpace();
    s.notEOF();
    Base b = getBase(verb);
    bool haveDigits = false;
    s.buf.clear();
    if (verb == 'U') {
        if (!s.consume("U", false) || !s.consume("+", false)) fail("bad unicode format ");
    } else {
        s.accept("+-");
        if (verb == 'v') b = scanBasePrefix(s, &haveDigits);
    }
    std::string tok = scanNumber(s, b.digits, haveDigits);
    auto r = strconv::ParseInt(tok, b.base, 64);
    if (!r.ok()) fail(r.err->Error());
    int n = bitSize;
    int64_t x = n == 64 ? r.value : int64_t(uint64_t(r.value) << (64 - n)) >> (64 - n);
    if (x != r.value) fail("integer overflow on token " + tok);
    return r.value;
}

uint64_t scanUint(Scanner& s, int verb, int bitSize) {
    if (verb == 'c') return uint64_t(scanRune(s));
    s.skipSpace();
    s.notEOF();
    Base b = getBase(verb);
    bool haveDigits = false;
    s.buf.clear();
    if (verb == 'U') {
        if (!s.consume("U", false) || !s.consume("+", false)) fail("bad unicode format ");
    } else if (verb == 'v') {
        b = scanBasePrefix(s, &haveDigits);
    }
    std::string tok = scanNumber(s, b.digits, haveDigits);
    auto r = strconv::ParseUint(tok, b.base, 64);
    if (!r.ok()) fail(r.err->Error());
    if (bitSize < 64 && (r.value >> bitSize) != 0) fail("unsigned integer overflow on token " + tok);
    return r.value;
}

std::string floatToken(Scanner& s) {
    s.buf.clear();
    if (s.accept("nN") && s.accept("aA") && s.accept("nN")) return s.buf;
    s.accept("+-");
    if (s.accept("iI") && s.accept("nN") && s.accept("fF")) return s.buf;
    std::string digits = "0123456789_", exp = "eEpP";
    if (s.accept("0") && s.accept("xX")) {
        digits = "0123456789aAbBcCdDeEfF_";
        exp = "pP";
    }
    while (s.accept(digits)) {
    }
    if (s.accept(".")) {
        while (s.accept(digits)) {
        }
    }
    if (s.accept(exp)) {
        s.accept("+-");
        while (s.accept("0123456789_")) {
        }
    }
    return s.buf;
}

double convertFloat(const std::string& str, int n) {
    // Go's convertFloat: a 'p' exponent on a decimal mantissa is handled by ParseFloat too.
    auto r = strconv::ParseFloat(str, n);
    if (!r.ok()) fail(r.err->Error());
    return r.value;
}

std::string convertString(Scanner& s, int verb) {
    okVerb(verb, "svqxX", "string");
    s.skipSpace();
    s.notEOF();
    if (verb == 'q') {
        // Go's quotedString: a back-quoted or double-quoted Go string literal.
        int quote = s.mustReadRune();
        s.buf.clear();
        if (quote == '`') {
            for (;;) {
                int r = s.mustReadRune();
                if (r == '`') break;
                utf8::AppendRune(s.buf, r);
            }
            return s.buf;
        }
        if (quote != '"') fail("expected quoted string");
        utf8::AppendRune(s.buf, quote);
        for (;;) {
            int r = s.mustReadRune();
            utf8::AppendRune(s.buf, r);
            if (r == '\\') {
                utf8::AppendRune(s.buf, s.mustReadRune());
            } else if (r == '"') {
                break;
            }
        }
        auto u = strconv::Unquote(s.buf);
        if (!u) fail("invalid syntax");
        return *u;
    }
    if (verb == 'x' || verb == 'X') {
        std::string out;
        auto hexv = [](int r) { return r >= '0' && r <= '9' ? r - '0' : r >= 'a' && r <= 'f' ? r - 'a' + 10 : r >= 'A' && r <= 'F' ? r - 'A' + 10 : -1; };
        for (;;) {
            int r = s.getRune();
            if (r == kEOF) break;
            int h = hexv(r);
            if (h < 0) {
                s.unreadRune();
                break;
            }
            int r2 = s.mustReadRune();
            int l = hexv(r2);
            if (l < 0) fail("illegal hex digit");
            out.push_back(char(h << 4 | l));
        }
        if (out.empty()) fail("no hex data for %x string");
        return out;
    }
    return s.token(true);
}

bool scanBool(Scanner& s, int verb) {
    s.skipSpace();
    s.notEOF();
    okVerb(verb, "tv", "boolean");
    const char* boolError = "syntax error scanning boolean";
    s.buf.clear();
    switch (s.getRune()) {
    case '0': return false;
    case '1': return true;
    case 't': case 'T':
        if (s.accept("rR") && (!s.accept("uU") || !s.accept("eE"))) fail(boolError);
        return true;
    case 'f': case 'F':
        if (s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE"))) fail(boolError);
        return false;
    }
    return false;
}

// Stores v through pointer value ptr whose pointee type is elem.
void store(vm::NativeCall& c, vm::Value ptr, const RType* elem, vm::Value v) {
    auto* p = static_cast<vm::PtrObj*>(ptr.p);
    if (!p) c.panicRuntimeError("invalid memory address or nil pointer dereference");
    bool packed = p->owner && p->owner->kind == vm::ObjKind::Array &&
                  static_cast<vm::ArrayObj*>(p->owner)->elemSize == 1;
    if (packed) *p->slot = uint8_t(v.u);
    else vm::storeThroughPtr(c.vm.collector().barrier(), p, v);
    (void)elem;
}

int bitsOf(Kind k) {
    switch (k) {
    case Kind::Int8: case Kind::Uint8: return 8;
    case Kind::Int16: case Kind::Uint16: return 16;
    case Kind::Int32: case Kind::Uint32: return 32;
    default: return 64;
    }
}

void scanOne(vm::NativeCall& c, Scanner& s, int verb, vm::Value arg) {
    auto* io = static_cast<vm::IfaceObj*>(arg.p);
    if (!io) fail("can't scan type: <nil>");
    const RType* t = io->type;
    if (t->kind != Kind::Pointer) fail("type not a pointer: " + t->str);
    const RType* e = t->elem;
    vm::Value v;
    switch (e->kind) {
    case Kind::Bool: v = vm::Value::fromBool(scanBool(s, verb)); break;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
        v = vm::Value::fromInt(scanInt(s, verb, bitsOf(e->kind)));
        break;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
        v = vm::Value::fromUint(scanUint(s, verb, bitsOf(e->kind)));
        break;
    case Kind::Float32: case Kind::Float64: {
        okVerb(verb, "beEfFgGv", e->kind == Kind::Float32 ? "float32" : "float64");
        s.skipSpace();
        s.notEOF();
        int n = e->kind == Kind::Float32 ? 32 : 64;
        double d = convertFloat(floatToken(s), n);
        v = vm::Value::fromFloat(n == 32 ? double(float(d)) : d);
        break;
    }
    case Kind::String: v = c.str(convertString(s, verb)); break;
    case Kind::Slice:
        if (e->elem->kind == Kind::Uint8) {
            v = newBytes(c, convertString(s, verb));
            break;
        }
        [[fallthrough]];
    default: fail("can't scan type: " + t->str);
    }
    store(c, io->value, e, v);
}

struct Result {
    int64_t n = 0;
    int code = 0;
    std::string msg;
};

Result doScan(vm::NativeCall& c, Scanner& s, vm::Value args) {
    Result res;
    int64_t n;
    vm::Value* a = sliceSlots(args, &n);
    try {
        for (int64_t i = 0; i < n; i++) {
            scanOne(c, s, 'v', a[i]);
            res.n++;
        }
        if (s.nlIsEnd_) {
            for (;;) {
                int r = s.getRune();
                if (r == '\n' || r == kEOF) break;
                if (!isSpace(r)) fail("expected newline");
            }
        }
    } catch (ScanErr& e) {
        res.code = e.code;
        res.msg = std::move(e.msg);
    }
    return res;
}

// Go's advance: matches the literal text and spaces of the format; returns the bytes of format
// consumed, or -1 when the input does not match.
int advance(Scanner& s, std::string_view format) {
    size_t i = 0;
    while (i < format.size()) {
        auto d = utf8::DecodeRune(format.substr(i));
        int fmtc = d.r;
        size_t w = size_t(d.size);
        if (fmtc == '%') {
            if (i + w == format.size()) fail("missing verb: % at end of format string");
            auto nd = utf8::DecodeRune(format.substr(i + w));
            if (nd.r != '%') return int(i);
            i += w;
        }
        bool sawSpace = false, wasNewline = false;
        while (isSpace(fmtc) && i < format.size()) {
            if (fmtc == '\n') {
                if (wasNewline) break;
                wasNewline = true;
            }
            sawSpace = true;
            i += w;
            auto nd = utf8::DecodeRune(format.substr(i));
            fmtc = nd.r;
            w = size_t(nd.size);
        }
        if (sawSpace) {
            int inputc = s.getRune();
            if (inputc == kEOF) return int(i);
            if (!isSpace(inputc)) fail("expected space in input to match format");
            while (inputc != '\n' && isSpace(inputc)) inputc = s.getRune();
            if (inputc == '\n') {
                if (!wasNewline) fail("newline in input does not match format");
                return int(i);
            }
            s.unreadRune();
            if (wasNewline) fail("newline in format does not match input");
            continue;
        }
        if (i >= format.size()) break;
        int inputc = s.mustReadRune();
        if (fmtc != inputc) {
            s.unreadRune();
            return -1;
        }
        i += w;
    }
    return int(i);
}

Result doScanf(vm::NativeCall& c, Scanner& s, std::string_view format, vm::Value args) {
    Result res;
    int64_t n;
    vm::Value* a = sliceSlots(args, &n);
    try {
        size_t end = format.size();
        for (size_t i = 0; i < end;) {
            int w = advance(s, format.substr(i));
            if (w > 0) {
                i += size_t(w);
                continue;
            }
            if (format[i] != '%') {
                if (w < 0) fail("input does not match format");
                break;
            }
            i++;
            int wid = 0;
            bool widPresent = false;
            while (i < end && format[i] >= '0' && format[i] <= '9') {
                wid = wid * 10 + (format[i] - '0');
                widPresent = true;
                i++;
            }
            if (!widPresent) wid = kHugeWid;
            auto d = utf8::DecodeRune(format.substr(i));
            int verb = d.r;
            i += size_t(d.size);
            if (verb != 'c') s.skipSpace();
            if (verb == '%') {
                s.skipSpace();
                s.notEOF();
                if (!s.accept("%")) fail("missing literal %");
                continue;
            }
            s.argLimit = kHugeWid;
            if (s.count + wid < s.argLimit) s.argLimit = s.count + wid;
            if (res.n >= n) fail("too few operands for format '%" + std::string(format.substr(i - size_t(d.size))) + "'");
            scanOne(c, s, verb, a[res.n]);
            res.n++;
            s.argLimit = kHugeWid;
        }
        if (res.n < n) fail("too many operands");
    } catch (ScanErr& e) {
        res.code = e.code;
        res.msg = std::move(e.msg);
    }
    return res;
}

void put(vm::NativeCall& c, const Result& r) {
    vm::Value msg = c.str(r.msg);
    c.result(0, vm::Value::fromInt(r.n));
    c.result(1, vm::Value::fromInt(r.code));
    c.result(2, msg);
}

// sscan(str string, a []any, mode int): mode 0 Sscan, 1 Sscanln.
void nSscan(vm::NativeCall& c) {
    std::string in(argStr(c, 0));
    bool ln = argInt(c, 2) == 1;
    Scanner s(in, false, !ln, ln);
    put(c, doScan(c, s, c.arg(1)));
}

void nSscanf(vm::NativeCall& c) {
    std::string in(argStr(c, 0)), format(argStr(c, 1));
    Scanner s(in, false, false, false);
    put(c, doScanf(c, s, format, c.arg(2)));
}

void nScan(vm::NativeCall& c) {
    bool ln = argInt(c, 1) == 1;
    Scanner s({}, true, !ln, ln);
    put(c, doScan(c, s, c.arg(0)));
}

void nScanf(vm::NativeCall& c) {
    std::string format(argStr(c, 0));
    Scanner s({}, true, false, false);
    put(c, doScanf(c, s, format, c.arg(1)));
}

// fscan(src *runeSource, next, unread, runes bool, a []any, mode int) and
// fscanf(src, next, unread, runes, format, a): as Sscan*/Sscanf over the reader, which next
// (fmt.fscanNext) reads. The rune read ahead goes back to an io.RuneScanner through unread
// (fmt.fscanUnread), as Go's fmt calls UnreadRune on it; from any other reader it is lost, as in Go.
// The function objects stay live in their argument slots until the native returns (the results
// overwrite those slots only in put, after the last call).
constexpr uint32_t kNextArg = 1, kUnreadArg = 2, kRunesArg = 3;

vm::FuncObj* funcArg(vm::NativeCall& c, uint32_t i) {
    return static_cast<vm::FuncObj*>(c.arg(i).p);
}

Scanner readerScanner(vm::NativeCall& c, bool nlIsSpace, bool nlIsEnd) {
    return Scanner(c, funcArg(c, kNextArg), c.arg(0), argBool(c, kRunesArg), nlIsSpace, nlIsEnd);
}

void finishReader(vm::NativeCall& c, const Scanner& s, Result& r) {
    if (s.hasPeeked() && argBool(c, kRunesArg) && r.code != kReaderError) {
        vm::Value src = c.arg(0), none;
        c.vm.callFunction(c.thread, funcArg(c, kUnreadArg), &src, 1, &none, 0);
    }
    put(c, r);
}

void nFscan(vm::NativeCall& c) {
    bool ln = argInt(c, 5) == 1;
    Scanner s = readerScanner(c, !ln, ln);
    Result r = doScan(c, s, c.arg(4));
    finishReader(c, s, r);
}

void nFscanf(vm::NativeCall& c) {
    std::string format(argStr(c, 4));
    Scanner s = readerScanner(c, false, false);
    Result r = doScanf(c, s, format, c.arg(5));
    finishReader(c, s, r);
}

} // namespace

void addScanNatives(std::vector<vm::NativeDef>& natives) {
    natives.push_back({"sscan", nSscan});
    natives.push_back({"sscanf", nSscanf});
    natives.push_back({"fscan", nFscan});
    natives.push_back({"fscanf", nFscanf});
    natives.push_back({"scan", nScan, true});
    natives.push_back({"scanf", nScanf, true});
}

} // namespace gol::stdlib::fmt
