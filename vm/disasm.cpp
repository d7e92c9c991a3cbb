// Bytecode listing, driven by the opcode table (vm/opcodes.def): every operand is printed per the
// instruction's OpFormat, so a new opcode needs no change here.
#include "vm/disasm.hpp"

#include <cstdio>
#include <sstream>

namespace gol::vm {

namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else out += char(c);
        }
    }
    return out + "\"";
}

std::string constText(const Constant& k) {
    switch (k.kind) {
    case Constant::Kind::Int: return std::to_string(k.i);
    case Constant::Kind::Float: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", k.f);
        return buf;
    }
    case Constant::Kind::String: return quote(k.s);
    }
    return "?";
}

std::string typeName(const Program& p, uint32_t i) {
    if (i < p.types.size()) return p.types[i]->str;
    return "T?" + std::to_string(i);
}

std::string funcName(const Program& p, uint32_t i) {
    if (i < p.protos.size()) return p.protos[i]->name;
    return "F?" + std::to_string(i);
}

std::string nativeName(const Program& p, uint32_t i) {
    if (i < p.natives.size()) return p.natives[i].pkg + "." + p.natives[i].name;
    return "N?" + std::to_string(i);
}

// What the bx/b operand names, for the comment column.
std::string annotate(const Program& p, const Proto& f, const Instr& in, size_t pc) {
    switch (in.op) {
    case Op::LOADK:
        if (in.bx() < f.consts.size()) return constText(f.consts[in.bx()]);
        return "";
    case Op::ADDFK:
    case Op::SUBFK:
    case Op::MULFK:
    case Op::DIVFK:
    case Op::RSUBFK:
    case Op::RDIVFK:
    case Op::JLTFK:
    case Op::JLEFK:
    case Op::JGTFK:
    case Op::JGEFK:
        if (in.c < f.consts.size()) return "K " + constText(f.consts[in.c]);
        return "";
    case Op::GETGLOBAL:
    case Op::SETGLOBAL:
        if (in.bx() < p.globals.size()) return p.globals[in.bx()].name;
        return "";
    case Op::GETUP:
    case Op::SETUP:
        if (in.b < f.upvals.size()) return f.upvals[in.b].name;
        return "";
    case Op::LOADFUNC:
    case Op::CLOSURE: return funcName(p, in.bx());
    case Op::LOADNATIVE: return nativeName(p, in.bx());
    case Op::CALL: return funcName(p, in.b);
    case Op::CALLN: return nativeName(p, in.b);
    case Op::CALLI:
        if (in.b < p.methodNames.size()) return "." + p.methodNames[in.b];
        return "";
    case Op::NEWARRAY:
    case Op::NEWBOX:
    case Op::MAKEMAP: return typeName(p, in.bx());
    case Op::TOIFACE:
    case Op::ASSERT:
    case Op::ASSERT2:
    case Op::MAKECHAN: return typeName(p, in.c);
    default: break;
    }
    if (opInfo(in.op).format == OpFormat::ABCX && pc + 1 < f.code.size() && in.op != Op::SELECT)
        return typeName(p, f.code[pc + 1].bx());
    return "";
}

} // namespace

std::string disassemble(const Program& prog, const Proto& f) {
    std::ostringstream os;
    os << "function " << f.name << " (F" << f.index << ", " << f.file << ":" << f.line << ")\n";
    os << "  params " << f.numParams << ", results " << f.numResults << ", regs " << f.numRegs;
    if (f.hasDefer) os << ", defer (epilogue " << f.epiloguePc << ")";
    os << "\n";
    if (!f.regIsRef.empty()) {
        os << "  refs";
        bool any = false;
        for (size_t i = 0; i < f.regIsRef.size(); i++)
            if (f.regIsRef[i]) {
                os << " R" << i;
                any = true;
            }
        if (!any) os << " none";
        os << "\n";
    }
    for (size_t i = 0; i < f.upvals.size(); i++) {
        const UpvalDesc& u = f.upvals[i];
        os << "  upval U" << i << " " << u.name << " <- " << (u.fromParentRegister ? "R" : "U") << u.index
           << (u.isRef ? " ref" : "") << "\n";
    }
    for (size_t pc = 0; pc < f.code.size(); pc++) {
        const Instr& in = f.code[pc];
        const OpInfo& info = opInfo(in.op);
        char head[64];
        uint32_t line = pc < f.lines.size() ? f.lines[pc] : 0;
        std::snprintf(head, sizeof head, "  %4zu  [%4u]  %-12s", pc, line, info.name);
        std::string ops;
        auto target = [&](int32_t off) { return "-> " + std::to_string(int64_t(pc) + 1 + off); };
        switch (info.format) {
        case OpFormat::none: break;
        case OpFormat::A: ops = std::to_string(in.a); break;
        case OpFormat::AB: ops = std::to_string(in.a) + " " + std::to_string(in.b); break;
        case OpFormat::ABC:
        case OpFormat::ABCX:
            ops = std::to_string(in.a) + " " + std::to_string(in.b) + " " + std::to_string(in.c);
            break;
        case OpFormat::ABx: ops = std::to_string(in.a) + " " + std::to_string(in.bx()); break;
        case OpFormat::AsBx:
            if (in.op == Op::LOADI) ops = std::to_string(in.a) + " " + std::to_string(in.sbx());
            else ops = std::to_string(in.a) + " " + target(in.sbx());
            break;
        case OpFormat::sBx: ops = target(in.sbx()); break;
        case OpFormat::sABC:
        case OpFormat::sABI: {
            std::string c = info.format == OpFormat::sABI ? "#" + std::to_string(in.sc()) : std::to_string(in.c);
            ops = std::to_string(in.b) + " " + c + " " + target(in.sa());
            if (in.op == Op::FORLT || in.op == Op::FORLTI) ops += " step " + std::to_string(in.sx());
            break;
        }
        case OpFormat::ABsC:
            if (in.op != Op::MAPNEXT) ops = std::to_string(in.a) + " " + std::to_string(in.b) + " " + std::to_string(in.sc());
            else ops = std::to_string(in.a) + " " + std::to_string(in.b) + " " + target(in.sc());
            break;
        }
        std::string note = annotate(prog, f, in, pc);
        os << head << ops;
        if (!note.empty()) os << "    ; " << note;
        os << "\n";
        if (in.op == Op::SELECT && pc + 1 < f.code.size()) {
            // The EXTRA word of SELECT is a send mask and a default flag, not a type.
            const Instr& x = f.code[pc + 1];
            char buf[96];
            std::snprintf(buf, sizeof buf, "  %4zu  [%4u]  %-12ssendmask 0x%x default %u\n", pc + 1, line, "EXTRA",
                          x.bx(), unsigned(x.a));
            os << buf;
            pc++;
        }
    }
    return os.str();
}

std::string disassemble(const Program& prog) {
    std::string out;
    for (const auto& p : prog.protos) {
        out += disassemble(prog, *p);
        out += "\n";
    }
    return out;
}

} // namespace gol::vm
