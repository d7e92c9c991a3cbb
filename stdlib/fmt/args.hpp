// Primitive operands for the fmt engine without a VM: bools, integers, floats, strings, byte
// slices and nil, each with its Go type name. Used by tests and by natives whose operands are
// known to be primitive; the VM's value walker implements Operands itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stdlib/fmt/print.hpp"

namespace gol::stdlib::fmt {

struct Arg {
    enum class Kind { Nil, Bool, Int, Uint, Float, String, Bytes };
    Kind kind = Kind::Nil;
    std::string type; // Go's type string: "int", "uint8", "float32", "string", "[]uint8", "main.Celsius"
    bool b = false;
    int64_t i = 0;
    uint64_t u = 0;
    double f = 0;
    int floatSize = 64;
    std::string s;
    bool nilBytes = false; // a nil []byte (prints as []byte(nil) under %#v)

    static Arg Nil() { return Arg{}; }
    static Arg Bool(bool v, std::string type = "bool");
    static Arg Int(int64_t v, std::string type = "int");
    static Arg Uint(uint64_t v, std::string type = "uint");
    static Arg Float(double v, std::string type = "float64");
    static Arg Float32(float v, std::string type = "float32");
    static Arg String(std::string v, std::string type = "string");
    static Arg Bytes(std::string v, std::string type = "[]uint8");
};

// Go's printArg for a primitive operand (nil, %T, the verb dispatch and bad verbs).
void printArg(Printer& p, const Arg& a, rune verb);

class ArgList : public Operands {
  public:
    explicit ArgList(const std::vector<Arg>& args) : args_(args) {}
    int count() const override { return static_cast<int>(args_.size()); }
    void print(Printer& p, int i, rune verb) override { printArg(p, args_[static_cast<size_t>(i)], verb); }
    std::optional<int64_t> intValue(int i) const override;
    bool isNil(int i) const override { return args_[static_cast<size_t>(i)].kind == Arg::Kind::Nil; }
    std::string typeString(int i) const override { return args_[static_cast<size_t>(i)].type; }
    bool isString(int i) const override { return args_[static_cast<size_t>(i)].kind == Arg::Kind::String; }

  private:
    const std::vector<Arg>& args_;
};

std::string Sprintf(std::string_view format, const std::vector<Arg>& args);
std::string Sprint(const std::vector<Arg>& args);
std::string Sprintln(const std::vector<Arg>& args);

} // namespace gol::stdlib::fmt
