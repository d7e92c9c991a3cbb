#include "compiler/syntax/printer.hpp"

namespace gol::ast {

namespace {

class ShortPrinter {
  public:
    std::string out;

    void node(const Node* n) {
        if (n == nullptr) return;
        switch (n->kind) {
        case Kind::BadExpr: out += "<bad expr>"; break;
        case Kind::Ident: out += cast<Ident>(n)->name; break;
        case Kind::BasicLit: out += cast<BasicLit>(n)->raw; break;
        case Kind::FuncLit: {
            auto* f = cast<FuncLit>(n);
            node(f->sig);
            if (f->body) {
                out += " {";
                if (!f->body->list.empty()) out += "…";
                out += "}";
            }
            break;
        }
        case Kind::CompositeLit: {
            auto* c = cast<CompositeLit>(n);
            node(c->litType);
            out += "{";
            if (!c->elts.empty()) out += "…";
            out += "}";
            break;
        }
        case Kind::ParenExpr:
            out += "(";
            node(cast<ParenExpr>(n)->x);
            out += ")";
            break;
        case Kind::SelectorExpr:
            node(cast<SelectorExpr>(n)->x);
            out += ".";
            node(cast<SelectorExpr>(n)->sel);
            break;
        case Kind::IndexExpr:
            node(cast<IndexExpr>(n)->x);
            out += "[";
            node(cast<IndexExpr>(n)->index);
            out += "]";
            break;
        case Kind::SliceExpr: {
            auto* s = cast<SliceExpr>(n);
            node(s->x);
            out += "[";
            node(s->low);
            out += ":";
            node(s->high);
            if (s->max) {
                out += ":";
                node(s->max);
            }
            out += "]";
            break;
        }
        case Kind::TypeAssertExpr: {
            auto* t = cast<TypeAssertExpr>(n);
            node(t->x);
            out += ".(";
            if (t->assertType)
                node(t->assertType);
            else
                out += "type";
            out += ")";
            break;
        }
        case Kind::CallExpr: {
            auto* c = cast<CallExpr>(n);
            node(c->fun);
            out += "(";
            list(c->args);
            if (c->hasEllipsis) out += "...";
            out += ")";
            break;
        }
        case Kind::StarExpr:
            out += "*";
            node(cast<StarExpr>(n)->x);
            break;
        case Kind::UnaryExpr:
            out += syntax::tokString(cast<UnaryExpr>(n)->op);
            node(cast<UnaryExpr>(n)->x);
            break;
        case Kind::BinaryExpr: {
            auto* b = cast<BinaryExpr>(n);
            node(b->x);
            out += " ";
            out += syntax::tokString(b->op);
            out += " ";
            node(b->y);
            break;
        }
        case Kind::KeyValueExpr:
            node(cast<KeyValueExpr>(n)->key);
            out += ": ";
            node(cast<KeyValueExpr>(n)->value);
            break;
        case Kind::ArrayType: {
            auto* a = cast<ArrayType>(n);
            out += "[";
            if (a->len && isa<Ellipsis>(a->len) && !cast<Ellipsis>(a->len)->elt)
                out += "...";
            else
                node(a->len);
            out += "]";
            node(a->elem);
            break;
        }
        case Kind::StructType: {
            auto* s = cast<StructType>(n);
            out += "struct{";
            for (size_t i = 0; i < s->fields.size(); i++) {
                if (i > 0) out += "; ";
                field(s->fields[i], true);
            }
            out += "}";
            break;
        }
        case Kind::FuncType:
            out += "func";
            signature(cast<FuncType>(n));
            break;
        case Kind::InterfaceType: {
            auto* t = cast<InterfaceType>(n);
            out += "interface{";
            bool first = true;
            for (Field* m : t->methods) {
                if (!first) out += "; ";
                first = false;
                node(m->names.empty() ? nullptr : m->names[0]);
                if (auto* ft = as<FuncType>(m->type)) signature(ft);
            }
            for (Expr* e : t->embeddeds) {
                if (!first) out += "; ";
                first = false;
                node(e);
            }
            out += "}";
            break;
        }
        case Kind::MapType:
            out += "map[";
            node(cast<MapType>(n)->key);
            out += "]";
            node(cast<MapType>(n)->value);
            break;
        case Kind::ChanType: {
            auto* c = cast<ChanType>(n);
            if (c->dir == ChanDir::Recv) out += "<-";
            out += "chan";
            if (c->dir == ChanDir::Send) out += "<-";
            out += " ";
            auto* e = as<ChanType>(c->value);
            if (c->dir == ChanDir::Both && e && e->dir == ChanDir::Recv) {
                out += "(";
                node(e);
                out += ")";
            } else {
                node(c->value);
            }
            break;
        }
        case Kind::Ellipsis:
            out += "...";
            node(cast<Ellipsis>(n)->elt);
            break;
        case Kind::ExprStmt: node(cast<ExprStmt>(n)->x); break;
        case Kind::SendStmt:
            node(cast<SendStmt>(n)->chan);
            out += " <- ";
            node(cast<SendStmt>(n)->value);
            break;
        case Kind::IncDecStmt:
            node(cast<IncDecStmt>(n)->x);
            out += syntax::tokString(cast<IncDecStmt>(n)->tok);
            break;
        case Kind::AssignStmt: {
            auto* a = cast<AssignStmt>(n);
            list(a->lhs);
            out += " ";
            out += syntax::tokString(a->tok);
            out += " ";
            list(a->rhs);
            break;
        }
        case Kind::RangeStmt: {
            auto* r = cast<RangeStmt>(n);
            if (r->key) {
                node(r->key);
                if (r->value) {
                    out += ", ";
                    node(r->value);
                }
                out += " ";
                out += syntax::tokString(r->tok);
                out += " ";
            }
            out += "range ";
            node(r->x);
            break;
        }
        case Kind::Field: field(cast<Field>(n), true); break;
        default: out += kindName(n->kind); break;
        }
    }

    void list(const std::vector<Expr*>& l) {
        for (size_t i = 0; i < l.size(); i++) {
            if (i > 0) out += ", ";
            node(l[i]);
        }
    }

    void field(const Field* f, bool withTag) {
        for (size_t i = 0; i < f->names.size(); i++) {
            if (i > 0) out += ", ";
            node(f->names[i]);
        }
        if (!f->names.empty()) out += " ";
        node(f->type);
        if (withTag && f->tag) {
            out += " ";
            node(f->tag);
        }
    }

    static const Expr* unparen(const Expr* x) {
        while (auto* p = as<ParenExpr>(x))
            x = p->x;
        return x;
    }

    void params(const FieldList* l) {
        out += "(";
        if (l) {
            for (size_t i = 0; i < l->list.size(); i++) {
                if (i > 0) out += ", ";
                const Field* f = l->list[i];
                for (size_t k = 0; k < f->names.size(); k++) {
                    if (k > 0) out += ", ";
                    node(f->names[k]);
                }
                if (!f->names.empty()) out += " ";
                node(unparen(f->type));
            }
        }
        out += ")";
    }

    void signature(const FuncType* sig) {
        params(sig->params);
        if (const FieldList* r = sig->results) {
            out += " ";
            if (r->list.size() == 1 && r->list[0]->names.empty())
                node(r->list[0]->type);
            else
                params(r);
        }
    }
};

} // namespace

std::string nodeString(const Node* n) {
    ShortPrinter p;
    p.node(n);
    return std::move(p.out);
}

std::string exprListString(const std::vector<Expr*>& list) {
    ShortPrinter p;
    p.list(list);
    return std::move(p.out);
}

Pos syntaxPos(const Node* n) {
    if (n == nullptr) return {};
    switch (n->kind) {
    case Kind::BinaryExpr: return cast<BinaryExpr>(n)->opPos;
    case Kind::SelectorExpr: return cast<SelectorExpr>(n)->dot;
    case Kind::TypeAssertExpr: return cast<TypeAssertExpr>(n)->dot;
    case Kind::IndexExpr: return cast<IndexExpr>(n)->lbrack;
    case Kind::SliceExpr: return cast<SliceExpr>(n)->lbrack;
    case Kind::CallExpr: return cast<CallExpr>(n)->lparen;
    case Kind::CompositeLit: return cast<CompositeLit>(n)->lbrace;
    case Kind::KeyValueExpr: return cast<KeyValueExpr>(n)->colon;
    case Kind::AssignStmt: return cast<AssignStmt>(n)->tokPos;
    case Kind::IncDecStmt: return cast<IncDecStmt>(n)->tokPos;
    case Kind::SendStmt: return cast<SendStmt>(n)->arrow;
    case Kind::ExprStmt: return syntaxPos(cast<ExprStmt>(n)->x);
    default: return n->pos;
    }
}

} // namespace gol::ast
