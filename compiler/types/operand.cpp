// Operand and expression strings for error messages, error reporting, scopes.
#include "compiler/types/checker.hpp"

namespace gol::types {

using namespace ast;

Expr* unparen(Expr* e) {
    while (auto* p = as<ParenExpr>(e))
        e = p->x;
    return e;
}

namespace {

void writeExpr(std::string& out, const Expr* e);

void writeFields(std::string& out, const std::vector<ast::Field*>& fields, const char* sep) {
    for (size_t i = 0; i < fields.size(); i++) {
        if (i > 0) out += sep;
        const ast::Field* f = fields[i];
        for (size_t j = 0; j < f->names.size(); j++) {
            if (j > 0) out += ", ";
            out += f->names[j]->name;
        }
        if (!f->names.empty()) out += ' ';
        writeExpr(out, f->type);
    }
}

void writeSig(std::string& out, const FuncType* ft) {
    out += '(';
    if (ft->params != nullptr) writeFields(out, ft->params->list, ", ");
    out += ')';
    if (ft->results == nullptr || ft->results->list.empty()) return;
    out += ' ';
    const auto& rl = ft->results->list;
    if (rl.size() == 1 && rl[0]->names.empty()) {
        writeExpr(out, rl[0]->type);
        return;
    }
    out += '(';
    writeFields(out, rl, ", ");
    out += ')';
}

void writeExpr(std::string& out, const Expr* e) {
    if (e == nullptr) return;
    switch (e->kind) {
    case ast::Kind::BadExpr: out += "_"; return; // go/types prints BadExpr as "_"
    case ast::Kind::Ident: out += cast<Ident>(e)->name; return;
    case ast::Kind::BasicLit: out += cast<BasicLit>(e)->raw; return;
    case ast::Kind::CompositeLit: {
        auto* c = cast<CompositeLit>(e);
        writeExpr(out, c->litType);
        out += "{";
        if (!c->elts.empty()) out += "…";
        out += "}";
        return;
    }
    case ast::Kind::FuncLit: {
        auto* f = cast<FuncLit>(e);
        out += "func";
        writeSig(out, f->sig);
        out += " {…}";
        return;
    }
    case ast::Kind::ParenExpr:
        out += '(';
        writeExpr(out, cast<ParenExpr>(e)->x);
        out += ')';
        return;
    case ast::Kind::SelectorExpr:
        writeExpr(out, cast<SelectorExpr>(e)->x);
        out += '.';
        out += cast<SelectorExpr>(e)->sel->name;
        return;
    case ast::Kind::IndexExpr:
        writeExpr(out, cast<IndexExpr>(e)->x);
        out += '[';
        writeExpr(out, cast<IndexExpr>(e)->index);
        out += ']';
        return;
    case ast::Kind::SliceExpr: {
        auto* s = cast<SliceExpr>(e);
        writeExpr(out, s->x);
        out += '[';
        writeExpr(out, s->low);
        out += ':';
        writeExpr(out, s->high);
        if (s->slice3) {
            out += ':';
            writeExpr(out, s->max);
        }
        out += ']';
        return;
    }
    case ast::Kind::TypeAssertExpr: {
        auto* t = cast<TypeAssertExpr>(e);
        writeExpr(out, t->x);
        out += ".(";
        if (t->assertType == nullptr)
            out += "type";
        else
            writeExpr(out, t->assertType);
        out += ')';
        return;
    }
    case ast::Kind::CallExpr: {
        auto* c = cast<CallExpr>(e);
        writeExpr(out, c->fun);
        out += '(';
        for (size_t i = 0; i < c->args.size(); i++) {
            if (i > 0) out += ", ";
            writeExpr(out, c->args[i]);
        }
        if (c->hasEllipsis) out += "...";
        out += ')';
        return;
    }
    case ast::Kind::StarExpr:
        out += '*';
        writeExpr(out, cast<StarExpr>(e)->x);
        return;
    case ast::Kind::UnaryExpr:
        out += syntax::tokString(cast<UnaryExpr>(e)->op);
        writeExpr(out, cast<UnaryExpr>(e)->x);
        return;
    case ast::Kind::BinaryExpr: {
        auto* b = cast<BinaryExpr>(e);
        writeExpr(out, b->x);
        out += ' ';
        out += syntax::tokString(b->op);
        out += ' ';
        writeExpr(out, b->y);
        return;
    }
    case ast::Kind::KeyValueExpr:
        writeExpr(out, cast<KeyValueExpr>(e)->key);
        out += ": ";
        writeExpr(out, cast<KeyValueExpr>(e)->value);
        return;
    case ast::Kind::ArrayType:
        out += '[';
        writeExpr(out, cast<ArrayType>(e)->len);
        out += ']';
        writeExpr(out, cast<ArrayType>(e)->elem);
        return;
    case ast::Kind::StructType:
        out += "struct{";
        writeFields(out, cast<StructType>(e)->fields, "; ");
        out += '}';
        return;
    case ast::Kind::FuncType:
        out += "func";
        writeSig(out, cast<FuncType>(e));
        return;
    case ast::Kind::InterfaceType: {
        auto* it = cast<InterfaceType>(e);
        out += "interface{";
        bool first = true;
        for (Expr* em : it->embeddeds) {
            if (!first) out += "; ";
            first = false;
            writeExpr(out, em);
        }
        for (const ast::Field* m : it->methods) {
            if (!first) out += "; ";
            first = false;
            if (!m->names.empty()) out += m->names[0]->name;
            if (auto* ft = as<FuncType>(m->type)) writeSig(out, ft);
        }
        out += '}';
        return;
    }
    case ast::Kind::MapType:
        out += "map[";
        writeExpr(out, cast<MapType>(e)->key);
        out += ']';
        writeExpr(out, cast<MapType>(e)->value);
        return;
    case ast::Kind::ChanType: {
        auto* c = cast<ChanType>(e);
        out += c->dir == ast::ChanDir::Send ? "chan<- " : c->dir == ast::ChanDir::Recv ? "<-chan " : "chan ";
        writeExpr(out, c->value);
        return;
    }
    case ast::Kind::Ellipsis:
        out += "...";
        writeExpr(out, cast<Ellipsis>(e)->elt);
        return;
    default: return;
    }
}

} // namespace

std::string exprString(const Expr* e) {
    std::string s;
    writeExpr(s, e);
    return s;
}

// go/types operandString, types2 flavour (nil is "nil").
std::string Checker::opString(const Operand& x) {
    if (x.isNil()) return "nil";
    std::string expr;
    if (x.expr != nullptr) {
        expr = exprString(x.expr);
    } else if (x.mode == Mode::TypeExpr) {
        expr = ts(x.type);
    } else if (x.mode == Mode::Constant) {
        expr = x.val.toString();
    }
    std::string buf;
    if (!expr.empty()) buf = expr + " (";
    bool hasType = false;
    switch (x.mode) {
    case Mode::Invalid:
    case Mode::NoValue:
    case Mode::Builtin:
    case Mode::TypeExpr: break;
    default:
        if (x.type != nullptr) {
            if (isUntyped(x.type)) {
                buf += x.type->as<Basic>()->name;
                buf += ' ';
                break;
            }
            hasType = true;
        }
    }
    static const char* const kModes[] = {"invalid operand",
                                         "no value",
                                         "built-in",
                                         "type",
                                         "constant",
                                         "variable",
                                         "map index expression",
                                         "value",
                                         "comma, ok expression"};
    buf += kModes[static_cast<int>(x.mode)];
    if (x.mode == Mode::Constant) {
        std::string s = x.val.toString();
        if (s != expr) buf += ' ' + s;
    }
    if (hasType) {
        if (!isInvalid(x.type))
            buf += " of type " + ts(x.type);
        else
            buf += " with invalid type";
    }
    if (!expr.empty()) buf += ')';
    return buf;
}

void Checker::error(Pos pos, std::string msg) {
    diags.error(fileName, pos, std::move(msg));
}

void Checker::error(const ast::Node* at, std::string msg) {
    error(at != nullptr ? at->pos : Pos{}, std::move(msg));
}

// ---------------------------------------------------------------------------

Scope* Checker::openScope() {
    Scope* s = ctx.make<Scope>(scope);
    if (scope != nullptr) scope->children.push_back(s);
    scope = s;
    return s;
}

void Checker::closeScope() {
    scope = scope->parent;
}

void Checker::declare(Scope* s, Ident* id, Object* obj) {
    if (id != nullptr) id->obj = obj;
    if (obj->name == "_") return;
    if (Object* prev = s->insert(obj)) {
        std::string msg = obj->name + " redeclared in this block";
        if (prev->pos.valid())
            msg += "\n\t" + formatPos(fileName, prev->pos) + ": other declaration of " + obj->name;
        error(obj->pos, msg);
    }
}

Object* Checker::lookup(const std::string& name) {
    return scope->lookupParent(name);
}

// Reports unused variables of a function's scopes (Go: "declared and not used: x"),
// sorted by position.
void Checker::usage(Scope* s) {
    std::vector<Var*> unused;
    for (Object* o : s->elems) {
        auto* v = o->as<Var>();
        if (v != nullptr && !v->used && !v->isParam && !v->isResult && !v->isPackageLevel)
            unused.push_back(v);
    }
    std::sort(unused.begin(), unused.end(), [](Var* a, Var* b) { return a->pos < b->pos; });
    for (Var* v : unused)
        error(v->pos, "declared and not used: " + v->name);
    for (Scope* c : s->children)
        if (!c->isFunc) usage(c);
}

} // namespace gol::types
