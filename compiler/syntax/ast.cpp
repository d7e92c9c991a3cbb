#include "compiler/syntax/ast.hpp"

#include <algorithm>
#include <cstdio>

namespace gol::ast {

const char* kindName(Kind k) {
    switch (k) {
#define GOL_AST_KIND_NAME(name)                                                                              \
    case Kind::name: return #name;
        GOL_AST_ALL_NODES(GOL_AST_KIND_NAME)
#undef GOL_AST_KIND_NAME
    default: return "?";
    }
}

// ---------------------------------------------------------------------------
// Arena

Arena::~Arena() {
    for (size_t i = dtors_.size(); i-- > 0;)
        dtors_[i].fn(dtors_[i].obj);
}

void* Arena::allocate(size_t size, size_t align) {
    // Chunks grow with the file so that small files stay small and big ones
    // need few allocations.
    size_t pad = (align - reinterpret_cast<uintptr_t>(cur_) % align) % align;
    if (cur_ == nullptr || pad + size > left_) {
        size_t chunk = std::max<size_t>(
            size + align, std::min<size_t>(4096u << std::min<size_t>(chunks_.size(), 8), 1 << 20));
        chunks_.push_back(std::make_unique<std::byte[]>(chunk));
        cur_ = chunks_.back().get();
        left_ = chunk;
        pad = (align - reinterpret_cast<uintptr_t>(cur_) % align) % align;
    }
    std::byte* p = cur_ + pad;
    cur_ = p + size;
    left_ -= pad + size;
    used_ += size;
    return p;
}

// ---------------------------------------------------------------------------
// Dump

namespace {

class Dumper {
  public:
    std::string out;

    void str(std::string_view s) { out += s; }
    void sp() { out += ' '; }

    void quoted(std::string_view s) {
        out += '"';
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += char(c);
            } else if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
        out += '"';
    }

    template <class T> void list(const std::vector<T*>& l) {
        out += '[';
        for (size_t i = 0; i < l.size(); i++) {
            if (i > 0) sp();
            node(l[i]);
        }
        out += ']';
    }

    void open(const Node* n) {
        out += '(';
        out += kindName(n->kind);
    }

    void node(const Node* n) {
        if (n == nullptr) {
            out += '_';
            return;
        }
        open(n);
        switch (n->kind) {
        case Kind::BadExpr:
        case Kind::BadStmt:
        case Kind::BadDecl: break;
        case Kind::Ident:
            sp();
            str(cast<Ident>(n)->name);
            break;
        case Kind::BasicLit: {
            auto* b = cast<BasicLit>(n);
            sp();
            str(b->litKind == Tok::Int     ? "INT"
                : b->litKind == Tok::Float ? "FLOAT"
                : b->litKind == Tok::Imag  ? "IMAG"
                : b->litKind == Tok::Char  ? "CHAR"
                                           : "STRING");
            sp();
            str(b->raw);
            if (b->litKind == Tok::String) {
                sp();
                quoted(b->value);
            } else if (b->litKind == Tok::Char) {
                sp();
                str(std::to_string(b->rune));
            }
            if (b->bad) str(" bad");
            break;
        }
        case Kind::CompositeLit:
            sp();
            node(cast<CompositeLit>(n)->litType);
            sp();
            list(cast<CompositeLit>(n)->elts);
            break;
        case Kind::FuncLit:
            sp();
            node(cast<FuncLit>(n)->sig);
            sp();
            node(cast<FuncLit>(n)->body);
            break;
        case Kind::ParenExpr:
            sp();
            node(cast<ParenExpr>(n)->x);
            break;
        case Kind::SelectorExpr:
            sp();
            node(cast<SelectorExpr>(n)->x);
            sp();
            node(cast<SelectorExpr>(n)->sel);
            break;
        case Kind::IndexExpr:
            sp();
            node(cast<IndexExpr>(n)->x);
            sp();
            node(cast<IndexExpr>(n)->index);
            break;
        case Kind::SliceExpr: {
            auto* s = cast<SliceExpr>(n);
            sp();
            node(s->x);
            sp();
            node(s->low);
            sp();
            node(s->high);
            if (s->slice3) {
                sp();
                node(s->max);
            }
            break;
        }
        case Kind::TypeAssertExpr:
            sp();
            node(cast<TypeAssertExpr>(n)->x);
            sp();
            if (cast<TypeAssertExpr>(n)->assertType)
                node(cast<TypeAssertExpr>(n)->assertType);
            else
                str("type");
            break;
        case Kind::CallExpr:
            sp();
            node(cast<CallExpr>(n)->fun);
            sp();
            list(cast<CallExpr>(n)->args);
            if (cast<CallExpr>(n)->hasEllipsis) str(" ...");
            break;
        case Kind::StarExpr:
            sp();
            node(cast<StarExpr>(n)->x);
            break;
        case Kind::UnaryExpr:
            sp();
            str(syntax::tokString(cast<UnaryExpr>(n)->op));
            sp();
            node(cast<UnaryExpr>(n)->x);
            break;
        case Kind::BinaryExpr:
            sp();
            str(syntax::tokString(cast<BinaryExpr>(n)->op));
            sp();
            node(cast<BinaryExpr>(n)->x);
            sp();
            node(cast<BinaryExpr>(n)->y);
            break;
        case Kind::KeyValueExpr:
            sp();
            node(cast<KeyValueExpr>(n)->key);
            sp();
            node(cast<KeyValueExpr>(n)->value);
            break;
        case Kind::ArrayType:
            sp();
            node(cast<ArrayType>(n)->len);
            sp();
            node(cast<ArrayType>(n)->elem);
            break;
        case Kind::StructType:
            sp();
            list(cast<StructType>(n)->fields);
            break;
        case Kind::FuncType:
            sp();
            node(cast<FuncType>(n)->params);
            sp();
            node(cast<FuncType>(n)->results);
            if (cast<FuncType>(n)->variadic) str(" variadic");
            break;
        case Kind::InterfaceType:
            sp();
            list(cast<InterfaceType>(n)->methods);
            sp();
            list(cast<InterfaceType>(n)->embeddeds);
            break;
        case Kind::MapType:
            sp();
            node(cast<MapType>(n)->key);
            sp();
            node(cast<MapType>(n)->value);
            break;
        case Kind::ChanType: {
            auto* c = cast<ChanType>(n);
            str(c->dir == ChanDir::Both ? " both " : c->dir == ChanDir::Send ? " send " : " recv ");
            node(c->value);
            break;
        }
        case Kind::Ellipsis:
            sp();
            node(cast<Ellipsis>(n)->elt);
            break;
        case Kind::Field: {
            auto* f = cast<Field>(n);
            sp();
            list(f->names);
            sp();
            node(f->type);
            if (f->tag) {
                sp();
                node(f->tag);
            }
            break;
        }
        case Kind::FieldList:
            sp();
            list(cast<FieldList>(n)->list);
            break;
        // statements
        case Kind::DeclStmt:
            sp();
            node(cast<DeclStmt>(n)->decl);
            break;
        case Kind::EmptyStmt:
            if (cast<EmptyStmt>(n)->implicit) str(" implicit");
            break;
        case Kind::LabeledStmt:
            sp();
            node(cast<LabeledStmt>(n)->label);
            sp();
            node(cast<LabeledStmt>(n)->stmt);
            break;
        case Kind::ExprStmt:
            sp();
            node(cast<ExprStmt>(n)->x);
            break;
        case Kind::SendStmt:
            sp();
            node(cast<SendStmt>(n)->chan);
            sp();
            node(cast<SendStmt>(n)->value);
            break;
        case Kind::IncDecStmt:
            sp();
            str(syntax::tokString(cast<IncDecStmt>(n)->tok));
            sp();
            node(cast<IncDecStmt>(n)->x);
            break;
        case Kind::AssignStmt:
            sp();
            str(syntax::tokString(cast<AssignStmt>(n)->tok));
            sp();
            list(cast<AssignStmt>(n)->lhs);
            sp();
            list(cast<AssignStmt>(n)->rhs);
            break;
        case Kind::GoStmt:
            sp();
            node(cast<GoStmt>(n)->call);
            break;
        case Kind::DeferStmt:
            sp();
            node(cast<DeferStmt>(n)->call);
            break;
        case Kind::ReturnStmt:
            sp();
            list(cast<ReturnStmt>(n)->results);
            break;
        case Kind::BranchStmt:
            sp();
            str(syntax::tokString(cast<BranchStmt>(n)->tok));
            if (cast<BranchStmt>(n)->label) {
                sp();
                node(cast<BranchStmt>(n)->label);
            }
            break;
        case Kind::BlockStmt:
            sp();
            list(cast<BlockStmt>(n)->list);
            break;
        case Kind::IfStmt: {
            auto* s = cast<IfStmt>(n);
            sp();
            node(s->init);
            sp();
            node(s->cond);
            sp();
            node(s->body);
            sp();
            node(s->els);
            break;
        }
        case Kind::CaseClause: {
            auto* c = cast<CaseClause>(n);
            if (c->isDefault)
                str(" default");
            else {
                sp();
                list(c->list);
            }
            sp();
            list(c->body);
            break;
        }
        case Kind::SwitchStmt: {
            auto* s = cast<SwitchStmt>(n);
            sp();
            node(s->init);
            sp();
            node(s->tag);
            sp();
            list(s->clauses);
            break;
        }
        case Kind::TypeSwitchStmt: {
            auto* s = cast<TypeSwitchStmt>(n);
            sp();
            node(s->init);
            sp();
            node(s->assign);
            sp();
            list(s->clauses);
            break;
        }
        case Kind::CommClause: {
            auto* c = cast<CommClause>(n);
            if (c->comm == nullptr)
                str(" default");
            else {
                sp();
                node(c->comm);
            }
            sp();
            list(c->body);
            break;
        }
        case Kind::SelectStmt:
            sp();
            list(cast<SelectStmt>(n)->clauses);
            break;
        case Kind::ForStmt: {
            auto* s = cast<ForStmt>(n);
            sp();
            node(s->init);
            sp();
            node(s->cond);
            sp();
            node(s->post);
            sp();
            node(s->body);
            break;
        }
        case Kind::RangeStmt: {
            auto* s = cast<RangeStmt>(n);
            sp();
            node(s->key);
            sp();
            node(s->value);
            sp();
            str(s->tok == Tok::Illegal ? "_" : syntax::tokString(s->tok));
            sp();
            node(s->x);
            sp();
            node(s->body);
            break;
        }
        // declarations
        case Kind::ImportSpec:
            sp();
            node(cast<ImportSpec>(n)->name);
            sp();
            node(cast<ImportSpec>(n)->path);
            break;
        case Kind::ValueSpec: {
            auto* s = cast<ValueSpec>(n);
            str(" iota=" + std::to_string(s->iota));
            sp();
            list(s->names);
            sp();
            node(s->type);
            sp();
            list(s->values);
            break;
        }
        case Kind::TypeSpec: {
            auto* s = cast<TypeSpec>(n);
            sp();
            node(s->name);
            if (s->alias) str(" =");
            sp();
            node(s->type);
            break;
        }
        case Kind::GenDecl:
            sp();
            str(syntax::tokString(cast<GenDecl>(n)->tok));
            sp();
            list(cast<GenDecl>(n)->specs);
            break;
        case Kind::FuncDecl: {
            auto* f = cast<FuncDecl>(n);
            sp();
            node(f->recv);
            sp();
            node(f->name);
            sp();
            node(f->sig);
            sp();
            node(f->body);
            break;
        }
        default: break;
        }
        out += ')';
    }
};

} // namespace

std::string dump(const Node* n) {
    Dumper d;
    d.node(n);
    return std::move(d.out);
}

std::string dump(const File& f) {
    Dumper d;
    d.out += "(File ";
    if (f.pkgName)
        d.out += f.pkgName->name;
    else
        d.out += "_";
    d.out += ' ';
    d.list(f.decls);
    if (f.isScript()) {
        d.out += ' ';
        d.list(f.scriptStmts);
    }
    d.out += ')';
    return std::move(d.out);
}

} // namespace gol::ast
