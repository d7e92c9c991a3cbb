// Reports: unrecovered panics, fatal errors, stack overflow, goroutine traces — in Go's format.
#include "vm/vm.hpp"

#include "runtime/runtime.hpp"

#include <cstdio>

namespace gol::vm {

namespace {

const char* kElided = "...additional frames elided...\n";
// Go prints the innermost 100 frames of a deep stack; so do we.
constexpr size_t kMaxTraceFrames = 100;

uint32_t frameLine(const Frame& f) {
    const Proto* p = f.proto;
    if (p->code.empty() || p->lines.empty()) return p->line;
    size_t i = size_t(f.pc - p->code.data());
    if (i > 0) i--;
    if (i >= p->lines.size()) i = p->lines.size() - 1;
    return p->lines[i];
}

} // namespace

void VM::appendTraceback(Thread& th, std::string& out, bool) {
    size_t shown = 0;
    for (size_t i = th.frames.size(); i-- > 0;) {
        if (shown == kMaxTraceFrames) {
            out += kElided;
            break;
        }
        const Frame& f = th.frames[i];
        out += f.proto->name;
        out += f.proto->numParams ? "(...)\n\t" : "()\n\t";
        out += f.proto->file;
        out += ':';
        out += std::to_string(frameLine(f));
        out += " +0x0\n";
        shown++;
    }
    if (const Proto* p = th.createdByProto) {
        out += "created by ";
        out += p->name;
        out += "\n\t";
        out += p->file;
        out += ':';
        out += std::to_string(th.createdByLine);
        out += " +0x0\n";
    }
}

Thread* VM::currentThread() {
    rt::G* g = rt::getg();
    return g ? static_cast<Thread*>(g->user) : nullptr;
}

// Go's printpanicval: errors print Error(), Stringers String(), basic values as print() does,
// named basic types as T(value), anything else as (T) address.
std::string VM::panicValueString(Thread& th, Value v) {
    auto* iv = static_cast<IfaceObj*>(v.p);
    if (!iv) return "nil";
    Value r;
    try {
        if (callMethod(th, v, "Error", "func() string", &r)) return std::string(strView(r));
        if (callMethod(th, v, "String", "func() string", &r)) return std::string(strView(r));
    } catch (RuntimeError&) {
        // A method that panics while we report a panic: fall back to the plain form. (Never
        // catch everything here: the runtime unwinds goroutines with its own exception.)
    } catch (GoPanic&) {
    } catch (PanicUnwind&) {
    }
    const RType* t = iv->type;
    std::string plain;
    switch (t->kind) {
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr: case Kind::Float32: case Kind::Float64:
        plain = builtinPrintString(v);
        break;
    case Kind::String:
        plain = std::string(strView(iv->value));
        if (t->named) return t->str + "(\"" + plain + "\")";
        return plain;
    default: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "(%s) %p", t->str.c_str(), static_cast<void*>(iv->value.p));
        return buf;
    }
    }
    if (t->named) return t->str + "(" + plain + ")";
    return plain;
}

void VM::fatalPanic(Thread& th) {
    std::string out;
    // Oldest first; each later one indented, as Go's printpanics does.
    for (size_t i = 0; i < th.panics.size(); i++) {
        if (i > 0) out += "\t";
        if (th.panics[i].goexit) continue;
        out += "panic: " + panicValueString(th, th.panics[i].value);
        if (th.panics[i].recovered) out += " [recovered]";
        out += "\n";
        if (static_cast<IfaceObj*>(th.panics[i].value.p) &&
            static_cast<IfaceObj*>(th.panics[i].value.p)->type == runtimeErrorType_ &&
            strView(static_cast<IfaceObj*>(th.panics[i].value.p)->value)
                    .find("nil pointer dereference") != std::string_view::npos)
            out += "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
    }
    out += "\ngoroutine " + std::to_string(th.goid) + " [running]:\n";
    appendTraceback(th, out, true);
    writeStderr(out);
    exitProgram(th, 2);
}

void VM::fatalError(Thread& th, std::string_view msg) {
    std::string out = "fatal error: " + std::string(msg) + "\n\n";
    out += "goroutine " + std::to_string(th.goid) + " [running]:\n";
    appendTraceback(th, out, true);
    writeStderr(out);
    exitProgram(th, 2);
}

void VM::stackOverflow(Thread& th) {
    std::string out = "runtime: goroutine stack exceeds " + std::to_string(opts_.maxStackBytes) +
                      "-byte limit\nfatal error: stack overflow\n\n";
    out += "goroutine " + std::to_string(th.goid) + " [running]:\n";
    appendTraceback(th, out, true);
    writeStderr(out);
    exitProgram(th, 2);
}

} // namespace gol::vm
