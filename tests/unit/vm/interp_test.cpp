// The interpreter on hand-assembled programs: no compiler involved, so a failure here is the VM's.
#include "vm/vm.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace gol::vm;

namespace {

// A tiny assembler for tests.
struct Asm {
    Program prog;
    RType* intType;
    RType* stringType;

    Asm() {
        auto it = std::make_unique<RType>();
        it->kind = Kind::Int;
        it->str = "int";
        intType = it.get();
        prog.types.push_back(std::move(it));
        auto st = std::make_unique<RType>();
        st->kind = Kind::String;
        st->str = "string";
        st->id = 1;
        stringType = st.get();
        prog.types.push_back(std::move(st));
        prog.intType = intType;
        prog.stringType = stringType;
    }

    Proto* func(const std::string& name, uint16_t params, uint16_t results, uint16_t regs) {
        auto p = std::make_unique<Proto>();
        p->name = name;
        p->file = "test.gol";
        p->numParams = params;
        p->numResults = results;
        p->numRegs = regs;
        p->regIsRef.assign(regs, false);
        p->index = uint32_t(prog.protos.size());
        Proto* raw = p.get();
        prog.protos.push_back(std::move(p));
        return raw;
    }
    static void emit(Proto* p, Instr i, uint32_t line = 1) {
        p->code.push_back(i);
        p->lines.push_back(line);
    }
};

struct Output {
    std::string out, err;
};

int runProgram(Asm& a, Output& o) {
    VMOptions opts;
    opts.gomaxprocs = 1;
    opts.stdoutSink = [&](std::string_view s) { o.out.append(s); };
    opts.stderrSink = [&](std::string_view s) { o.err.append(s); };
    VM vm(opts);
    vm.load(a.prog);
    return vm.run().exitStatus;
}

} // namespace

TEST_CASE("recursive fib with CALL/RET and a fused compare-branch") {
    Asm a;
    // fib(n): if n < 2 { return n }; return fib(n-1) + fib(n-2)
    Proto* fib = a.func("main.fib", 1, 1, 4);
    a.emit(fib, Instr::make(Op::LOADI, 1, 2, 0));          // r1 = 2
    a.emit(fib, Instr::make(Op::JLT, 5, 0, 1));            // if r0 < r1 goto ret
    a.emit(fib, Instr::make(Op::ADDI, 2, 0, uint16_t(-1))); // r2 = n-1
    a.emit(fib, Instr::make(Op::CALL, 2, 0, 1));           // r2 = fib(r2)
    a.emit(fib, Instr::make(Op::ADDI, 3, 0, uint16_t(-2))); // r3 = n-2
    a.emit(fib, Instr::make(Op::CALL, 3, 0, 1));           // r3 = fib(r3)
    a.emit(fib, Instr::make(Op::ADD, 0, 2, 3));
    a.emit(fib, Instr::make(Op::RET, 0, 1));               // ret:
    // init: r0 = fib(20); print(r0)
    Proto* init = a.func("main.init", 0, 0, 2);
    init->regIsRef[1] = true;
    a.emit(init, Instr::makeBx(Op::LOADI, 0, 20));
    a.emit(init, Instr::make(Op::CALL, 0, 0, 1));
    a.emit(init, Instr::make(Op::TOIFACE, 1, 0, 0));
    a.emit(init, Instr::make(Op::PRINT, 1, 1, 1));
    a.emit(init, Instr::make(Op::RET, 0, 0));
    a.prog.initProto = init->index;
    Output o;
    CHECK(runProgram(a, o) == 0);
    CHECK(o.err == "6765\n");
}

TEST_CASE("integer division by zero panics with Go's report and exit status 2") {
    Asm a;
    Proto* init = a.func("main.main", 0, 0, 3);
    a.emit(init, Instr::makeBx(Op::LOADI, 0, 7), 3);
    a.emit(init, Instr::makeBx(Op::LOADI, 1, 0), 4);
    a.emit(init, Instr::make(Op::DIV, 2, 0, 1), 5);
    a.emit(init, Instr::make(Op::RET, 0, 0), 6);
    a.prog.initProto = init->index;
    Output o;
    CHECK(runProgram(a, o) == 2);
    CHECK(o.err.find("panic: runtime error: integer divide by zero\n") == 0);
    CHECK(o.err.find("goroutine 1 [running]:\nmain.main()\n\ttest.gol:5 +0x0\n") != std::string::npos);
}

TEST_CASE("string concatenation and slicing share bytes and compare by content") {
    Asm a;
    Proto* init = a.func("main.main", 0, 0, 6);
    for (int r : {0, 1, 2, 5}) init->regIsRef[r] = true;
    init->consts.push_back(Constant{Constant::Kind::String, 0, 0, "hello, "});
    init->consts.push_back(Constant{Constant::Kind::String, 0, 0, "world"});
    a.emit(init, Instr::makeBx(Op::LOADK, 0, 0));
    a.emit(init, Instr::makeBx(Op::LOADK, 1, 1));
    a.emit(init, Instr::make(Op::CONCAT, 2, 0, 1)); // "hello, world"
    a.emit(init, Instr::makeBx(Op::LOADI, 3, 7));
    a.emit(init, Instr::makeBx(Op::LOADI, 4, 12));
    a.emit(init, Instr::make(Op::SLICES, 2, 2, 3)); // "world"
    a.emit(init, Instr::make(Op::EQS, 3, 2, 1));    // true
    a.emit(init, Instr::make(Op::TOIFACE, 5, 2, 1));
    a.emit(init, Instr::make(Op::PRINT, 5, 1, 1));
    a.emit(init, Instr::make(Op::TOIFACE, 5, 3, 0)); // prints 1 (an int-typed view of the bool)
    a.emit(init, Instr::make(Op::PRINT, 5, 1, 1));
    a.emit(init, Instr::make(Op::RET, 0, 0));
    a.prog.initProto = init->index;
    Output o;
    CHECK(runProgram(a, o) == 0);
    CHECK(o.err == "world\n1\n");
}

TEST_CASE("index out of range names the index and the length") {
    Asm a;
    auto sl = std::make_unique<RType>();
    sl->kind = Kind::Slice;
    sl->str = "[]int";
    sl->elem = a.intType;
    sl->id = 2;
    a.prog.types.push_back(std::move(sl));
    Proto* init = a.func("main.main", 0, 0, 4);
    init->regIsRef[0] = true;
    a.emit(init, Instr::makeBx(Op::LOADI, 1, 3));
    a.emit(init, Instr::make(Op::MAKESLICE, 0, 1, 1));
    a.emit(init, Instr::makeBx(Op::EXTRA, 0, 2));
    a.emit(init, Instr::makeBx(Op::LOADI, 2, 5));
    a.emit(init, Instr::make(Op::GETSL, 3, 0, 2), 9);
    a.emit(init, Instr::make(Op::RET, 0, 0));
    a.prog.initProto = init->index;
    Output o;
    CHECK(runProgram(a, o) == 2);
    CHECK(o.err.find("panic: runtime error: index out of range [5] with length 3") == 0);
}

TEST_CASE("deep recursion hits Go's stack limit message instead of crashing") {
    Asm a;
    Proto* f = a.func("main.f", 1, 1, 2);
    a.emit(f, Instr::make(Op::ADDI, 1, 0, 1));
    a.emit(f, Instr::make(Op::CALL, 1, 0, 1));
    a.emit(f, Instr::make(Op::RET, 1, 1));
    Proto* init = a.func("main.main", 0, 0, 1);
    a.emit(init, Instr::make(Op::CALL, 0, 0, 1));
    a.emit(init, Instr::make(Op::RET, 0, 0));
    a.prog.initProto = init->index;
    Output o;
    VMOptions opts;
    opts.maxStackBytes = 1 << 20;
    opts.stdoutSink = [&](std::string_view s) { o.out.append(s); };
    opts.stderrSink = [&](std::string_view s) { o.err.append(s); };
    VM vm(opts);
    vm.load(a.prog);
    CHECK(vm.run().exitStatus == 2);
    CHECK(o.err.find("runtime: goroutine stack exceeds 1048576-byte limit\nfatal error: stack overflow") == 0);
    CHECK(o.err.find("...additional frames elided...") != std::string::npos);
}
