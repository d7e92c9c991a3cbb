// ProgramBuilder: runtime types, declarations, natives, method sets and the small wrapper
// functions (thunks) that adapt receivers for method tables, method values and go/defer.
#include "compiler/codegen/program_builder.hpp"

#include "compiler/codegen/funcgen.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>

namespace gol::codegen {

using types::Kind;
using vm::Op;

static types::Type* U(types::Type* t) { return types::under(t); }

uint32_t ProgramBuilder::methodNameId(const std::string& name) {
    auto it = methodNames_.find(name);
    if (it != methodNames_.end()) return it->second;
    uint32_t id = uint32_t(prog_.methodNames.size());
    prog_.methodNames.push_back(name);
    methodNames_[name] = id;
    return id;
}

uint32_t ProgramBuilder::newProto(std::string name, const std::string& file, uint32_t line) {
    auto p = std::make_unique<vm::Proto>();
    p->name = std::move(name);
    p->file = file;
    p->line = line;
    p->index = uint32_t(prog_.protos.size());
    prog_.protos.push_back(std::move(p));
    if (prog_.protos.size() > 65535) throw std::runtime_error("program too large: more than 65535 functions");
    return uint32_t(prog_.protos.size() - 1);
}

// ---------------------------------------------------------------------------------------------
// Runtime types

static vm::Kind rkind(types::Type* u) {
    switch (u->kind) {
    case Kind::Bool: case Kind::UntypedBool: return vm::Kind::Bool;
    case Kind::Int: case Kind::UntypedInt: return vm::Kind::Int;
    case Kind::Int8: return vm::Kind::Int8;
    case Kind::Int16: return vm::Kind::Int16;
    case Kind::Int32: case Kind::UntypedRune: return vm::Kind::Int32;
    case Kind::Int64: return vm::Kind::Int64;
    case Kind::Uint: return vm::Kind::Uint;
    case Kind::Uint8: return vm::Kind::Uint8;
    case Kind::Uint16: return vm::Kind::Uint16;
    case Kind::Uint32: return vm::Kind::Uint32;
    case Kind::Uint64: return vm::Kind::Uint64;
    case Kind::Uintptr: return vm::Kind::Uintptr;
    case Kind::Float32: return vm::Kind::Float32;
    case Kind::Float64: case Kind::UntypedFloat: return vm::Kind::Float64;
    case Kind::String: case Kind::UntypedString: return vm::Kind::String;
    case Kind::UntypedNil: return vm::Kind::UntypedNil;
    case Kind::Array: return vm::Kind::Array;
    case Kind::Slice: return vm::Kind::Slice;
    case Kind::Struct: return vm::Kind::Struct;
    case Kind::Pointer: return vm::Kind::Pointer;
    case Kind::Signature: return vm::Kind::Func;
    case Kind::Interface: return vm::Kind::Interface;
    case Kind::Map: return vm::Kind::Map;
    case Kind::Chan: return vm::Kind::Chan;
    default: return vm::Kind::Invalid;
    }
}

uint32_t ProgramBuilder::rtype(types::Type* t) {
    if (t == nullptr) t = ctx_.invalid();
    if (types::isUntyped(t) && t->kind != Kind::UntypedNil) t = types::defaultType(ctx_, t);
    t = t->canon;
    auto it = rtypes_.find(t);
    if (it != rtypes_.end()) return it->second;
    uint32_t id = uint32_t(prog_.types.size());
    if (id > 65535) throw std::runtime_error("program too large: more than 65536 runtime types");
    prog_.types.push_back(std::make_unique<vm::RType>());
    rtypeSources_.push_back(t);
    rtypes_[t] = id;
    vm::RType* rt = prog_.types.back().get();
    rt->id = id;
    rt->str = types::reflectString(t);
    types::Type* u = U(t);
    if (u == nullptr) u = ctx_.invalid();
    rt->kind = rkind(u);
    rt->comparable = types::comparable(t);
    if (auto* n = t->as<types::Named>()) {
        rt->named = true;
        rt->pkgPath = n->obj && n->obj->pkg ? n->obj->pkg->path : "";
        if (u != t) rt->underlyingNamed = rtypePtr(u);
    }
    switch (u->kind) {
    case Kind::Array: {
        auto* a = u->as<types::Array>();
        rt->len = a->len;
        rt->elem = rtypePtr(a->elem);
        break;
    }
    case Kind::Slice: rt->elem = rtypePtr(u->as<types::Slice>()->elem); break;
    case Kind::Pointer: rt->elem = rtypePtr(u->as<types::Pointer>()->elem); break;
    case Kind::Map:
        rt->key = rtypePtr(u->as<types::Map>()->key);
        rt->elem = rtypePtr(u->as<types::Map>()->elem);
        break;
    case Kind::Chan: {
        auto* c = u->as<types::Chan>();
        rt->elem = rtypePtr(c->elem);
        rt->dir = c->dir == types::ChanDir::Send ? vm::ChanDir::Send
                  : c->dir == types::ChanDir::Recv ? vm::ChanDir::Recv
                                                   : vm::ChanDir::Both;
        break;
    }
    case Kind::Struct: {
        for (types::Var* f : u->as<types::Struct>()->fields) {
            vm::RField rf;
            rf.name = f->name;
            rf.embedded = f->embedded;
            rf.exported = f->exported();
            rf.type = rtypePtr(f->type);
            rt = prog_.types[id].get();
            rt->fields.push_back(rf);
        }
        break;
    }
    case Kind::Signature: {
        auto* s = u->as<types::Signature>();
        for (auto* p : s->params->types) rt->params.push_back(rtypePtr(p));
        for (auto* r : s->results->types) rt->results.push_back(rtypePtr(r));
        rt->variadic = s->variadic;
        break;
    }
    case Kind::Interface: {
        for (types::Func* m : u->as<types::Interface>()->methods) {
            vm::RIMethod im;
            im.name = m->name;
            im.nameId = methodNameId(m->name);
            im.sig = rtypePtr(m->type);
            rt->imethods.push_back(im);
        }
        break;
    }
    default: break;
    }
    return id;
}

// ---------------------------------------------------------------------------------------------
// Declarations

const FuncRef* ProgramBuilder::funcRef(const types::Func* f) const {
    auto it = funcs_.find(f);
    return it == funcs_.end() ? nullptr : &it->second;
}

const GlobalLoc* ProgramBuilder::global(const types::Var* v) const {
    auto it = globals_.find(v);
    return it == globals_.end() ? nullptr : &it->second;
}

GlobalLoc ProgramBuilder::declareGlobal(types::Var* v, const std::string& name) {
    auto it = globals_.find(v);
    if (it != globals_.end()) return it->second;
    GlobalLoc g;
    g.index = uint32_t(prog_.globals.size());
    g.cell = !isBoxed(v->type) && v->addressTaken;
    vm::GlobalDesc d;
    d.name = name;
    d.isRef = g.cell || classOf(v->type) == RegClass::Ref;
    prog_.globals.push_back(d);
    globals_[v] = g;
    return g;
}

static std::string nativeKey(const types::Func* f) {
    if (f->recvBase)
        if (auto* n = f->recvBase->as<types::Named>()) return n->obj->name + "." + f->name;
    return f->name;
}

void ProgramBuilder::declarePackage(PackageUnit& unit) {
    int initCount = 0;
    for (types::Func* f : unit.info.funcs) {
        if (f->decl && f->decl->body) {
            std::string name = f->fullName();
            if (f->name == "init" && !f->recv) name = unit.path + ".init." + std::to_string(initCount++);
            uint32_t idx = newProto(name, unit.fileName, f->decl->pos.line);
            funcs_[f] = {false, idx};
        } else {
            std::string key = nativeKey(f);
            const vm::NativeDef* nd = registry_.findNative(unit.path, key);
            if (!nd) {
                diags_.error(unit.fileName, f->pos,
                             "missing function body (no native " + unit.path + "." + key + " is registered)");
                continue;
            }
            vm::NativeRef ref;
            ref.pkg = unit.path;
            ref.name = key;
            ref.fn = nd->fn;
            prog_.natives.push_back(ref);
            funcs_[f] = {true, uint32_t(prog_.natives.size() - 1)};
        }
    }
    for (types::Var* v : unit.info.globals) declareGlobal(v, unit.path + "." + v->name);
    if (unit.file && unit.file->isScript()) {
        for (ast::Stmt* s : unit.file->scriptStmts) {
            if (auto* d = ast::as<ast::DeclStmt>(s)) {
                if (d->decl && d->decl->tok == syntax::Tok::Var)
                    for (auto* sp : d->decl->specs)
                        for (auto* id : ast::cast<ast::ValueSpec>(sp)->names)
                            if (id->obj && id->name != "_")
                                if (auto* v = id->obj->as<types::Var>()) {
                                    declareGlobal(v, unit.path + "." + v->name);
                                    scriptVars_.insert(v);
                                }
            } else if (auto* a = ast::as<ast::AssignStmt>(s); a && a->tok == syntax::Tok::Define) {
                for (auto* l : a->lhs)
                    if (auto* id = ast::as<ast::Ident>(l); id && id->isNewDef && id->obj && id->name != "_")
                        if (auto* v = id->obj->as<types::Var>()) {
                                    declareGlobal(v, unit.path + "." + v->name);
                                    scriptVars_.insert(v);
                                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Forwarding thunks

namespace {
struct Forward {
    std::string name, file;
    uint32_t line = 0;
    bool recvFromUpval = false; // receiver is upvalue 0 (method value), else parameter 0
    int upvalReg = 0;           // parent register captured as upvalue 0
    RegClass recvClass = RegClass::Ref;
    RegClass recvOutClass = RegClass::Ref; // class of the adjusted receiver passed on
    bool passRecv = true;                   // call target takes the receiver first
    types::Signature* sig = nullptr;
    Op callOp = Op::CALL; // CALL, CALLN or CALLI
    uint32_t target = 0;  // F, N or method name id
    std::function<int(FuncGen&, int)> adjust; // receiver register -> adjusted receiver register
};
} // namespace

static uint32_t makeForward(ProgramBuilder& pb, const Forward& f) {
    uint32_t idx = pb.newProto(f.name, f.file, f.line);
    FuncGen g(pb, nullptr, idx, "");
    std::vector<RegClass> params;
    if (!f.recvFromUpval) params.push_back(f.recvClass);
    for (auto* t : f.sig->params->types) params.push_back(classOf(t));
    g.markParams(params);
    vm::Proto* p = g.proto();
    p->numResults = uint16_t(f.sig->results->size());
    int recv = 0;
    if (f.recvFromUpval) {
        vm::UpvalDesc d;
        d.fromParentRegister = true;
        d.index = uint16_t(f.upvalReg);
        d.isRef = f.recvClass == RegClass::Ref;
        d.name = "recv";
        p->upvals.push_back(d);
        recv = g.alloc(f.recvClass);
        g.emitABC(Op::GETUP, recv, 0);
    }
    if (f.adjust) recv = f.adjust(g, recv);
    int firstParam = f.recvFromUpval ? 0 : 1;
    std::vector<RegClass> w;
    if (f.passRecv) w.push_back(f.recvOutClass);
    for (auto* t : f.sig->params->types) w.push_back(classOf(t));
    size_t nargs = w.size();
    size_t nres = f.sig->results->size();
    for (size_t i = w.size(); i < nres; i++) w.push_back(classOf(f.sig->results->at(i)));
    int base = g.allocWindow(w);
    int a = 0;
    if (f.passRecv) g.emitABC(Op::MOVE, base + a++, recv);
    for (size_t i = 0; i < f.sig->params->size(); i++) g.emitABC(Op::MOVE, base + a++, firstParam + int(i));
    size_t slots = f.callOp == Op::CALLI ? nargs - 1 : nargs;
    g.emitABC(f.callOp, base, int(f.target), int(slots));
    bool conflict = false;
    std::vector<RegClass> rc;
    for (size_t i = 0; i < nres; i++) {
        rc.push_back(classOf(f.sig->results->at(i)));
        if (rc.back() != w[i]) conflict = true;
    }
    if (!conflict) {
        g.emitABC(Op::RET, base, int(nres));
    } else {
        int r = g.allocWindow(rc);
        for (size_t i = 0; i < nres; i++) g.emitABC(Op::MOVE, r + int(i), base + int(i));
        for (size_t i = 0; i < nres; i++)
            if (rc[i] != w[i]) g.emitABC(Op::LOADZ, base + int(i));
        g.emitABC(Op::RET, r, int(nres));
    }
    g.finish();
    return idx;
}

uint32_t ProgramBuilder::nativeWrapper(const types::Func* f) {
    auto it = nativeWrappers_.find(f);
    if (it != nativeWrappers_.end()) return it->second;
    const FuncRef* ref = funcRef(f);
    Forward fw;
    fw.name = f->fullName();
    fw.line = f->pos.line;
    fw.sig = f->signature();
    fw.callOp = Op::CALLN;
    fw.target = ref->index;
    if (f->recv) {
        fw.recvClass = fw.recvOutClass = classOf(f->recv->type);
    } else {
        // A plain function: no receiver; reuse the machinery with the first parameter as "receiver".
        fw.passRecv = false;
        fw.recvFromUpval = true; // no receiver parameter slot...
    }
    uint32_t idx;
    if (!f->recv) {
        // Plain native function wrapper: parameters forwarded as they are.
        uint32_t pidx = newProto(fw.name, "", fw.line);
        FuncGen g(*this, nullptr, pidx, "");
        std::vector<RegClass> params;
        for (auto* t : fw.sig->params->types) params.push_back(classOf(t));
        g.markParams(params);
        g.proto()->numResults = uint16_t(fw.sig->results->size());
        std::vector<RegClass> w = params;
        for (size_t i = w.size(); i < fw.sig->results->size(); i++) w.push_back(classOf(fw.sig->results->at(i)));
        int base = g.allocWindow(w);
        for (size_t i = 0; i < params.size(); i++) g.emitABC(Op::MOVE, base + int(i), int(i));
        g.emitABC(Op::CALLN, base, int(ref->index), int(params.size()));
        std::vector<RegClass> rc;
        for (auto* t : fw.sig->results->types) rc.push_back(classOf(t));
        int r = g.allocWindow(rc);
        for (size_t i = 0; i < rc.size(); i++) g.emitABC(Op::MOVE, r + int(i), base + int(i));
        for (size_t i = 0; i < rc.size(); i++)
            if (rc[i] != w[i]) g.emitABC(Op::LOADZ, base + int(i));
        g.emitABC(Op::RET, r, int(rc.size()));
        g.finish();
        idx = pidx;
    } else {
        idx = makeForward(*this, fw);
    }
    nativeWrappers_[f] = idx;
    return idx;
}

static std::string sigKey(types::Signature* sig) { return types::reflectString(sig); }

uint32_t ProgramBuilder::ifaceThunk(const std::string& method, types::Signature* sig) {
    std::string key = method + "|" + sigKey(sig);
    auto it = ifaceThunks_.find(key);
    if (it != ifaceThunks_.end()) return it->second;
    Forward fw;
    fw.name = "interface." + method;
    fw.sig = sig;
    fw.callOp = Op::CALLI;
    fw.target = methodNameId(method);
    uint32_t idx = makeForward(*this, fw);
    ifaceThunks_[key] = idx;
    return idx;
}

uint32_t ProgramBuilder::boundThunk(const types::Func* m, const std::string& name, types::Signature* sig,
                                    int recvReg, const std::string& file) {
    std::string key = (m ? m->fullName() : "iface." + name + "|" + sigKey(sig)) + "@" + std::to_string(recvReg);
    auto it = boundThunks_.find(key);
    if (it != boundThunks_.end()) return it->second;
    Forward fw;
    fw.file = file;
    fw.sig = sig;
    fw.recvFromUpval = true;
    fw.upvalReg = recvReg;
    if (m) {
        fw.name = m->fullName() + "-fm";
        fw.line = m->pos.line;
        fw.recvClass = fw.recvOutClass = classOf(m->recv->type);
        const FuncRef* ref = funcRef(m);
        fw.callOp = ref->native ? Op::CALLN : Op::CALL;
        fw.target = ref->index;
    } else {
        fw.name = "interface." + name + "-fm";
        fw.callOp = Op::CALLI;
        fw.target = methodNameId(name);
    }
    uint32_t idx = makeForward(*this, fw);
    boundThunks_[key] = idx;
    return idx;
}

uint32_t ProgramBuilder::builtinThunk(types::BuiltinId id, const std::vector<types::Type*>& params,
                                      const std::string& file, uint32_t line) {
    static const char* names[] = {"append", "cap",   "clear", "close", "copy",  "delete",  "len",    "make",
                                  "max",    "min",   "new",   "panic", "print", "println", "recover"};
    uint32_t idx = newProto(std::string("builtin.") + names[int(id)], file, line);
    FuncGen g(*this, nullptr, idx, "");
    std::vector<RegClass> pc;
    for (auto* t : params) pc.push_back(classOf(t));
    g.markParams(pc);
    using B = types::BuiltinId;
    switch (id) {
    case B::Close: g.emitABC(Op::CLOSE, 0); break;
    case B::Panic: g.emitABC(Op::PANIC, 0); break;
    case B::Print:
    case B::Println: g.emitABC(Op::PRINT, 0, int(params.size()), id == B::Println ? 1 : 0); break;
    case B::Delete: g.emitABC(Op::MAPDEL, 0, 1); break;
    case B::Recover: {
        int r = g.alloc(RegClass::Ref);
        g.emitABC(Op::RECOVER, r);
        break;
    }
    case B::Clear:
        if (!params.empty()) g.emitABC(U(params[0])->as<types::Map>() ? Op::CLEARMAP : Op::CLEARSL, 0);
        break;
    default: break; // append/len/...: no effect when deferred
    }
    g.emitABC(Op::RET, 0, 0);
    g.finish();
    return idx;
}

// ---------------------------------------------------------------------------------------------
// Method sets

namespace {
struct MEntry {
    types::Func* m = nullptr;
    std::vector<int> path; // embedded field indices
};
} // namespace

// Go's method set of t (a Named or a pointer to a Named), with promoted methods.
static std::vector<MEntry> methodSet(types::Type* t) {
    std::vector<MEntry> out;
    bool isPtr = false;
    types::Named* root = t->as<types::Named>();
    if (!root) {
        if (auto* p = t->as<types::Pointer>()) {
            root = p->elem->as<types::Named>();
            isPtr = true;
        }
    }
    if (!root || types::isInterface(root)) return out;
    struct Item {
        types::Named* named;
        std::vector<int> path;
        bool addressable;
    };
    std::vector<Item> level = {{root, {}, isPtr}};
    std::set<std::string> seen;
    std::set<types::Named*> visited;
    while (!level.empty()) {
        std::map<std::string, std::vector<std::pair<MEntry, bool>>> found;
        std::set<std::string> fieldNames;
        std::vector<Item> next;
        for (auto& it : level) {
            if (visited.count(it.named)) continue;
            visited.insert(it.named);
            for (types::Func* m : it.named->methods) found[m->name].push_back({{m, it.path}, !m->ptrRecv || it.addressable});
            types::Type* u = it.named->underlying;
            if (auto* iface = u ? u->as<types::Interface>() : nullptr) {
                for (types::Func* m : iface->methods) found[m->name].push_back({{m, it.path}, true});
                continue;
            }
            if (auto* st = u ? u->as<types::Struct>() : nullptr) {
                for (size_t i = 0; i < st->fields.size(); i++) {
                    types::Var* f = st->fields[i];
                    fieldNames.insert(f->name);
                    if (!f->embedded) continue;
                    types::Type* ft = f->type;
                    bool ptr = false;
                    if (auto* p = ft->as<types::Pointer>()) {
                        ft = p->elem;
                        ptr = true;
                    }
                    if (auto* en = ft->as<types::Named>()) {
                        auto path = it.path;
                        path.push_back(int(i));
                        next.push_back({en, path, it.addressable || ptr});
                    }
                }
            }
        }
        for (auto& [name, cands] : found) {
            if (seen.count(name)) continue;
            if (cands.size() == 1 && cands[0].second) out.push_back(cands[0].first);
        }
        for (auto& [name, cands] : found) seen.insert(name);
        for (auto& n : fieldNames) seen.insert(n);
        level = std::move(next);
    }
    return out;
}

// The proto to call for method entry e with a receiver of type t in R[0].
static uint32_t entryProto(ProgramBuilder& pb, types::Type* t, const MEntry& e) {
    types::Func* m = e.m;
    bool tIsPtr = t->as<types::Pointer>() != nullptr;
    if (e.path.empty() && m->iface == nullptr && tIsPtr == m->ptrRecv) {
        const FuncRef* ref = pb.funcRef(m);
        if (!ref) throw std::runtime_error("internal error: undeclared method " + m->fullName());
        return ref->native ? pb.nativeWrapper(m) : ref->index;
    }
    Forward fw;
    types::Named* root = tIsPtr ? t->as<types::Pointer>()->elem->as<types::Named>() : t->as<types::Named>();
    std::string pkg = root->obj && root->obj->pkg ? root->obj->pkg->path + "." : "";
    fw.name = pkg + (tIsPtr ? "(*" + root->obj->name + ")" : root->obj->name) + "." + m->name;
    fw.line = m->pos.line;
    fw.sig = m->signature();
    fw.recvClass = classOf(t);
    if (m->iface) {
        fw.callOp = Op::CALLI;
        fw.target = pb.methodNameId(m->name);
        fw.recvOutClass = RegClass::Ref;
    } else {
        const FuncRef* ref = pb.funcRef(m);
        fw.callOp = ref->native ? Op::CALLN : Op::CALL;
        fw.target = ref->index;
        fw.recvOutClass = classOf(m->recv->type);
    }
    std::vector<int> path = e.path;
    fw.adjust = [t, path, m](FuncGen& g, int recv) {
        types::Type* cur = t;
        int r = recv;
        for (size_t i = 0; i < path.size(); i++) {
            types::Type* u = U(cur);
            if (auto* p = u->as<types::Pointer>()) u = U(p->elem);
            types::Var* f = u->as<types::Struct>()->fields[path[i]];
            bool last = i + 1 == path.size();
            int nr = g.alloc(classOf(f->type));
            if (last && m->iface == nullptr && m->ptrRecv && !types::isPointer(f->type) && !isBoxed(f->type)) {
                g.emitABC(Op::REFF, nr, r, path[i]);
                return nr;
            }
            g.emitABC(Op::GETF, nr, r, path[i]);
            r = nr;
            cur = f->type;
        }
        if (m->iface) return r;
        if (!m->ptrRecv && types::isPointer(cur)) {
            types::Type* elem = U(cur)->as<types::Pointer>()->elem;
            if (isBoxed(elem)) {
                g.emitABC(Op::NILCHECK, r);
                return r;
            }
            int v = g.alloc(classOf(elem));
            g.emitABC(isByteElem(elem) ? Op::LOADPB : Op::LOADP, v, r);
            return v;
        }
        return r;
    };
    return makeForward(pb, fw);
}

uint32_t ProgramBuilder::methodProto(types::Type* recvType, const std::string& name) {
    types::Type* t = recvType->canon;
    std::string key = std::to_string(reinterpret_cast<uintptr_t>(t)) + "." + name;
    auto it = methodProtos_.find(key);
    if (it != methodProtos_.end()) return it->second;
    uint32_t idx = 0;
    if (auto* iface = U(t)->as<types::Interface>()) {
        int mi = iface->methodIndex(name);
        idx = ifaceThunk(name, iface->methods[mi]->signature());
    } else {
        bool found = false;
        for (auto& e : methodSet(t))
            if (e.m->name == name) {
                idx = entryProto(*this, t, e);
                found = true;
                break;
            }
        if (!found) throw std::runtime_error("internal error: no method " + name);
    }
    methodProtos_[key] = idx;
    return idx;
}

void ProgramBuilder::fillMethods(vm::RType* rt, types::Type* t) {
    std::vector<vm::RMethod> ms;
    for (auto& e : methodSet(t)) {
        vm::RMethod rm;
        rm.name = e.m->name;
        rm.nameId = methodNameId(e.m->name);
        uint32_t p = methodProto(t, e.m->name);
        rm.proto = prog_.protos[p].get();
        rm.sig = rtypePtr(e.m->type);
        ms.push_back(rm);
    }
    std::sort(ms.begin(), ms.end(), [](const vm::RMethod& a, const vm::RMethod& b) { return a.nameId < b.nameId; });
    rt->methods = std::move(ms);
}

void ProgramBuilder::finishMethodSets() {
    while (methodSetsDone_ < prog_.types.size()) {
        size_t i = methodSetsDone_++;
        types::Type* t = rtypeSources_[i];
        bool candidate = false;
        if (auto* n = t->as<types::Named>()) candidate = !types::isInterface(n);
        else if (auto* p = t->as<types::Pointer>())
            if (auto* n = p->elem->as<types::Named>()) candidate = !types::isInterface(n);
        if (candidate) fillMethods(prog_.types[i].get(), t);
    }
}

} // namespace gol::codegen
