// Parser: expressions and types. See parser_impl.hpp.
#include "compiler/syntax/parser_impl.hpp"
#include "compiler/syntax/printer.hpp"

namespace gol::syntax {

using namespace ast;

namespace {

Expr* unparen(Expr* x) {
    while (ParenExpr* p = as<ParenExpr>(x))
        x = p->x;
    return x;
}

// Whether x syntactically must be a value (and not a type) expression.
bool isValue(Expr* x) {
    switch (x->kind) {
    case Kind::BasicLit:
    case Kind::CompositeLit:
    case Kind::FuncLit:
    case Kind::SliceExpr:
    case Kind::TypeAssertExpr:
    case Kind::CallExpr:
    case Kind::UnaryExpr:
    case Kind::BinaryExpr: return true;
    case Kind::ParenExpr: return isValue(cast<ParenExpr>(x)->x);
    case Kind::IndexExpr: return isValue(cast<IndexExpr>(x)->x) || isValue(cast<IndexExpr>(x)->index);
    default: return false; // *T may be a type
    }
}

} // namespace

Expr* Parser::expr() {
    return binaryExpr(nullptr, 0);
}

// Expression = UnaryExpr | Expression binary_op Expression .
Expr* Parser::binaryExpr(Expr* x, int prec) {
    if (x == nullptr) x = unaryExpr();
    while (precedence(tok()) > prec) {
        BinaryExpr* t = make<BinaryExpr>(x->pos, tok());
        t->opPos = pos();
        int tprec = precedence(tok());
        next();
        t->x = x;
        t->y = binaryExpr(nullptr, tprec);
        x = t;
    }
    return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
Expr* Parser::unaryExpr() {
    if (!enter()) return badExpr();
    struct Leave {
        Parser* p;
        ~Leave() { p->leave(); }
    } guard{this};

    switch (tok()) {
    case Tok::Mul: {
        StarExpr* x = make<StarExpr>(pos());
        next();
        x->x = unaryExpr();
        return x;
    }
    case Tok::Add:
    case Tok::Sub:
    case Tok::Not:
    case Tok::Xor:
    case Tok::Tilde: {
        UnaryExpr* x = make<UnaryExpr>(pos(), tok());
        next();
        x->x = unaryExpr();
        return x;
    }
    case Tok::And: {
        UnaryExpr* x = make<UnaryExpr>(pos(), Tok::And);
        next();
        // unaryExpr may have returned a parenthesized composite literal
        // (see comment in operand) - remove parentheses if any
        x->x = unparen(unaryExpr());
        return x;
    }
    case Tok::Arrow: {
        // receive op (<-x) or receive-only channel (<-chan E)
        Pos p = pos();
        next();
        // If the next token is `chan` we still don't know if it is a channel
        // (<-chan int) or a receive op (<-chan int(ch)); we only know once we
        // have found the end of the unaryExpr.
        Expr* x = unaryExpr();
        if (ChanType* c0 = as<ChanType>(x)) {
            // x is a channel type => re-associate <-:
            //   <-(chan E)   =>  (<-chan E)
            //   <-(chan<-E)  =>  (<-chan (<-E))
            ChanDir dir = ChanDir::Send;
            Expr* t = c0;
            while (dir == ChanDir::Send) {
                ChanType* c = as<ChanType>(t);
                if (!c) break;
                dir = c->dir;
                if (dir == ChanDir::Recv) {
                    // t is type <-chan E but <-<-chan E is not permitted
                    syntaxError("unexpected <-, expecting chan");
                }
                c->dir = ChanDir::Recv;
                t = c->value;
            }
            if (dir == ChanDir::Send) {
                // channel dir is <- but channel element E is not a channel
                syntaxError("unexpected " + ast::nodeString(t) + ", expecting chan");
            }
            c0->pos = p;
            c0->arrow = p;
            return x;
        }
        // x is not a channel type => we have a receive op
        UnaryExpr* o = make<UnaryExpr>(p, Tok::Arrow);
        o->x = x;
        return o;
    }
    default: break;
    }
    // Parentheses are kept so that "(x) := true" can be reported.
    return pexpr(nullptr, true);
}

// Operand = Literal | OperandName | MethodExpr | "(" Expression ")" .
Expr* Parser::operand(bool keepParens) {
    switch (tok()) {
    case Tok::Ident: return name();
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String: return oliteral();
    case Tok::LParen: {
        Pos p = pos();
        next();
        xnest_++;
        Expr* x = expr();
        xnest_--;
        Pos rparen = pos();
        want(Tok::RParen);
        // Parentheses are not permitted around T in a composite literal T{}. If
        // the next token is '{', assume x is a composite literal type T (it may
        // not be: '{' could open a block, but we don't know yet).
        if (tok() == Tok::LBrace) keepParens = true;
        // Parentheses are also not permitted around the expression in a go/defer
        // statement; then operand is called with keepParens set. Elsewhere the
        // checker and code generator see through ParenExpr, so keep them always:
        // positions and printed expressions stay exact.
        (void)keepParens;
        ParenExpr* px = make<ParenExpr>(p);
        px->x = x;
        px->rparen = rparen;
        return px;
    }
    case Tok::Func: {
        Pos p = pos();
        next();
        return funcLitOrType(p);
    }
    case Tok::LBrack:
    case Tok::Chan:
    case Tok::Map:
    case Tok::Struct:
    case Tok::Interface: return type_(); // othertype
    default: {
        Expr* x = badExpr();
        syntaxError("expecting expression");
        advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
        return x;
    }
    }
}

// After `func` (at funcPos): a function type, or a function literal if a body follows.
Expr* Parser::funcLitOrType(Pos funcPos) {
    FuncType* ftyp = funcType("function type");
    ftyp->pos = funcPos;
    if (tok() == Tok::LBrace) {
        xnest_++;
        FuncLit* f = make<FuncLit>(funcPos);
        f->sig = ftyp;
        f->body = funcBody();
        xnest_--;
        return f;
    }
    return ftyp;
}

// pexpr parses a PrimaryExpr: an operand followed by selectors, indices,
// slices, type assertions, calls and composite literal bodies.
Expr* Parser::pexpr(Expr* x, bool keepParens) {
    if (x == nullptr) x = operand(keepParens);

    for (;;) {
        Pos p = pos();
        switch (tok()) {
        case Tok::Period: {
            next();
            if (tok() == Tok::Ident) {
                SelectorExpr* t = make<SelectorExpr>(x->pos);
                t->dot = p;
                t->x = x;
                t->sel = name();
                x = t;
            } else if (tok() == Tok::LParen) {
                TypeAssertExpr* t = make<TypeAssertExpr>(x->pos);
                t->dot = p;
                t->lparen = pos();
                next();
                t->x = x;
                if (got(Tok::Type))
                    guards_.push_back(t);
                else
                    t->assertType = type_();
                t->rparen = pos();
                want(Tok::RParen);
                x = t;
            } else {
                syntaxError("expecting name or (");
                advance({Tok::Semicolon, Tok::RParen});
            }
            break;
        }
        case Tok::LBrack: {
            next();
            if (tok() == Tok::RBrack) {
                // invalid empty instance, slice or index expression; accept but complain
                syntaxError("expecting operand");
                next();
                break;
            }
            Expr* i = nullptr;
            if (tok() != Tok::Colon) {
                xnest_++;
                i = expr();
                bool comma = false;
                if (got(Tok::Comma)) {
                    // x[i,] or x[i, j, ...]: type arguments, which gol does not support
                    comma = true;
                    while (tok() != Tok::RBrack && tok() != Tok::End) {
                        if (typeOrNil() == nullptr) break;
                        if (!got(Tok::Comma)) break;
                    }
                }
                xnest_--;
                if (comma || tok() == Tok::RBrack) {
                    IndexExpr* t = make<IndexExpr>(x->pos);
                    t->lbrack = p;
                    t->rbrack = pos();
                    want(Tok::RBrack);
                    t->x = x;
                    t->index = i;
                    x = t;
                    break;
                }
            }
            // x[i:...
            if (!got(Tok::Colon)) {
                syntaxError("expecting comma, : or ]");
                advance({Tok::Comma, Tok::Colon, Tok::RBrack});
            }
            xnest_++;
            SliceExpr* t = make<SliceExpr>(x->pos);
            t->lbrack = p;
            t->x = x;
            t->low = i;
            if (tok() != Tok::Colon && tok() != Tok::RBrack) t->high = expr(); // x[i:j...
            if (tok() == Tok::Colon) {
                t->slice3 = true;
                // x[i:j:...]
                if (t->high == nullptr) {
                    error("middle index required in 3-index slice");
                    t->high = badExpr();
                }
                next();
                if (tok() != Tok::RBrack) {
                    t->max = expr(); // x[i:j:k...
                } else {
                    error("final index required in 3-index slice");
                    t->max = badExpr();
                }
            }
            xnest_--;
            t->rbrack = pos();
            want(Tok::RBrack);
            x = t;
            break;
        }
        case Tok::LParen: {
            CallExpr* t = make<CallExpr>(x->pos);
            t->lparen = p;
            next();
            t->fun = x;
            argList(t);
            x = t;
            break;
        }
        case Tok::LBrace: {
            // operand may have returned a parenthesized complit type; accept it
            // but complain if we have a complit
            Expr* t = unparen(x);
            // determine if '{' belongs to a composite literal or a block statement
            bool complitOk = false;
            switch (t->kind) {
            case Kind::Ident:
            case Kind::SelectorExpr: complitOk = xnest_ >= 0; break; // possibly a complit type
            case Kind::IndexExpr: complitOk = xnest_ >= 0 && !isValue(t); break;
            case Kind::ArrayType:
            case Kind::StructType:
            case Kind::MapType: complitOk = true; break; // x is a comptype
            default: break;
            }
            if (!complitOk) return x;
            if (t != x) syntaxError("cannot parenthesize type in composite literal");
            CompositeLit* n = complitExpr();
            n->litType = t;
            n->pos = x->pos;
            x = n;
            break;
        }
        default: return x;
        }
    }
}

// Element = Expression | LiteralValue .
Expr* Parser::bareComplitExpr() {
    if (tok() == Tok::LBrace) {
        if (!enter()) return badExpr();
        CompositeLit* c = complitExpr(); // '{' start_complit braced_keyval_list '}'
        leave();
        return c;
    }
    return expr();
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
CompositeLit* Parser::complitExpr() {
    CompositeLit* x = make<CompositeLit>(pos());
    x->lbrace = pos();
    xnest_++;
    want(Tok::LBrace);
    x->rbrace = list("composite literal", Tok::Comma, Tok::RBrace, [&] {
        Expr* e = bareComplitExpr();
        if (tok() == Tok::Colon) {
            // key ':' value
            KeyValueExpr* l = make<KeyValueExpr>(e->pos);
            l->colon = pos();
            next();
            l->key = e;
            l->value = bareComplitExpr();
            e = l;
        }
        x->elts.push_back(e);
        return false;
    });
    xnest_--;
    return x;
}

// ----------------------------------------------------------------------------
// Types

Expr* Parser::type_() {
    Expr* typ = typeOrNil();
    if (typ == nullptr) {
        typ = badExpr();
        syntaxError("expecting type");
        advance({Tok::Comma, Tok::Colon, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
    }
    return typ;
}

// typeOrNil is like type_ but returns nullptr if there was no type instead of
// reporting an error.
//
//	Type     = TypeName | TypeLit | "(" Type ")" .
//	TypeName = identifier | QualifiedIdent .
//	TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
//		      SliceType | MapType | Channel_Type .
Expr* Parser::typeOrNil() {
    if (!enter()) return badExpr();
    struct Leave {
        Parser* p;
        ~Leave() { p->leave(); }
    } guard{this};

    Pos p = pos();
    switch (tok()) {
    case Tok::Mul: {
        next();
        StarExpr* t = make<StarExpr>(p);
        t->x = type_();
        return t;
    }
    case Tok::Arrow: {
        // recvchantype
        next();
        ChanType* t = make<ChanType>(p);
        want(Tok::Chan);
        t->dir = ChanDir::Recv;
        t->arrow = p;
        t->value = chanElem();
        return t;
    }
    case Tok::Func: {
        next();
        FuncType* t = funcType("function type");
        t->pos = p;
        return t;
    }
    case Tok::LBrack: {
        // '[' oexpr ']' ntype  |  '[' _DotDotDot ']' ntype
        next();
        if (got(Tok::RBrack)) {
            ArrayType* t = make<ArrayType>(p);
            t->elem = type_();
            return t;
        }
        return arrayType(p, nullptr);
    }
    case Tok::Chan: {
        // _Chan non_recvchantype  |  _Chan _Comm ntype
        next();
        ChanType* t = make<ChanType>(p);
        Pos ap = pos();
        if (got(Tok::Arrow)) {
            t->dir = ChanDir::Send;
            t->arrow = ap;
        }
        t->value = chanElem();
        return t;
    }
    case Tok::Map: {
        // _Map '[' ntype ']' ntype
        next();
        want(Tok::LBrack);
        MapType* t = make<MapType>(p);
        t->key = type_();
        want(Tok::RBrack);
        t->value = type_();
        return t;
    }
    case Tok::Struct: return structType();
    case Tok::Interface: return interfaceType();
    case Tok::Ident: return qualifiedName(nullptr);
    case Tok::LParen: {
        next();
        ParenExpr* t = make<ParenExpr>(p);
        t->x = type_();
        t->rparen = pos();
        want(Tok::RParen);
        return t;
    }
    default: return nullptr;
    }
}

// Signature = Parameters [ Result ] . If context is non-empty, type parameters
// are not permitted; gol permits them nowhere (no generics).
FuncType* Parser::funcType(const char* context) {
    FuncType* typ = make<FuncType>(pos());
    if (tok() == Tok::LBrack) {
        syntaxError(std::string(*context ? context : "function") + " must have no type parameters");
        next();
        if (tok() != Tok::RBrack)
            paramList(nullptr, Tok::RBrack);
        else
            next();
    }
    Pos lparen = pos();
    want(Tok::LParen);
    typ->params = paramList(nullptr, Tok::RParen);
    typ->params->pos = typ->params->opening = lparen;
    typ->results = funcResult();
    const auto& ps = typ->params->list;
    typ->variadic = !ps.empty() && isa<Ellipsis>(ps.back()->type);
    return typ;
}

// "[" has already been consumed, and lbrack is its position. If len != nullptr
// it is the already consumed array length.
Expr* Parser::arrayType(Pos lbrack, Expr* len) {
    if (len == nullptr) {
        Pos p = pos();
        if (got(Tok::Ellipsis)) {
            len = make<Ellipsis>(p);
        } else {
            xnest_++;
            len = expr();
            xnest_--;
        }
    }
    if (tok() == Tok::Comma) {
        // Trailing commas are accepted in type parameter lists but not in array
        // type declarations. Accept for better error handling but complain.
        syntaxError("unexpected comma; expecting ]");
        next();
    }
    want(Tok::RBrack);
    ArrayType* t = make<ArrayType>(lbrack);
    t->len = len;
    t->elem = type_();
    return t;
}

Expr* Parser::chanElem() {
    Expr* typ = typeOrNil();
    if (typ == nullptr) {
        typ = badExpr();
        syntaxError("missing channel element type");
        // assume element type is simply absent - don't advance
    }
    return typ;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
StructType* Parser::structType() {
    StructType* typ = make<StructType>(pos());
    want(Tok::Struct);
    typ->lbrace = pos();
    want(Tok::LBrace);
    typ->rbrace = list("struct type", Tok::Semicolon, Tok::RBrace, [&] {
        fieldDecl(typ);
        return false;
    });
    return typ;
}

// FieldDecl      = (IdentifierList Type | AnonymousField) [ Tag ] .
// AnonymousField = [ "*" ] TypeName .
// Tag            = string_lit .
void Parser::fieldDecl(StructType* st) {
    Pos p = pos();
    Field* f = make<Field>(p);
    switch (tok()) {
    case Tok::Ident: {
        Ident* n = name();
        if (tok() == Tok::Period || isLiteral(tok()) || tok() == Tok::Semicolon || tok() == Tok::RBrace) {
            // embedded type
            f->type = qualifiedName(n);
            f->tag = oliteral();
            break;
        }
        // name1, name2, ... Type [ tag ]
        f->names = nameList(n);
        f->type = type_();
        f->tag = oliteral();
        break;
    }
    case Tok::Mul: {
        next();
        Expr* typ;
        if (tok() == Tok::LParen) {
            // *(T)
            syntaxError("cannot parenthesize embedded type");
            next();
            typ = qualifiedName(nullptr);
            got(Tok::RParen); // no need to complain if missing
        } else {
            typ = qualifiedName(nullptr); // *T
        }
        StarExpr* s = make<StarExpr>(p);
        s->x = typ;
        f->type = s;
        f->tag = oliteral();
        break;
    }
    case Tok::LParen: {
        syntaxError("cannot parenthesize embedded type");
        next();
        Expr* typ;
        if (tok() == Tok::Mul) {
            // (*T)
            StarExpr* s = make<StarExpr>(pos());
            next();
            s->x = qualifiedName(nullptr);
            typ = s;
        } else {
            typ = qualifiedName(nullptr); // (T)
        }
        got(Tok::RParen); // no need to complain if missing
        f->type = typ;
        f->tag = oliteral();
        break;
    }
    default:
        syntaxError("expecting field name or embedded type");
        advance({Tok::Semicolon, Tok::RBrace});
        return;
    }
    st->fields.push_back(f);
}

// InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" .
InterfaceType* Parser::interfaceType() {
    InterfaceType* typ = make<InterfaceType>(pos());
    want(Tok::Interface);
    typ->lbrace = pos();
    want(Tok::LBrace);
    typ->rbrace = list("interface type", Tok::Semicolon, Tok::RBrace, [&] {
        Expr* elem = nullptr;
        Pos p = pos();
        if (tok() == Tok::Ident) {
            Ident* n = name();
            if (tok() == Tok::LParen) {
                // method
                Field* f = make<Field>(p);
                f->names.push_back(n);
                f->type = funcType("interface method");
                typ->methods.push_back(f);
                return false;
            }
            if (tok() == Tok::LBrack) {
                // generic method or instantiated embedded type: not supported
                error("interface method must have no type parameters");
                advance({Tok::Semicolon, Tok::RBrace});
                return false;
            }
            elem = qualifiedName(n); // embedded type
        } else if (tok() == Tok::Tilde) {
            UnaryExpr* t = make<UnaryExpr>(p, Tok::Tilde);
            next();
            t->x = type_();
            elem = t;
        } else {
            elem = typeOrNil();
            if (elem == nullptr) {
                elem = badExpr();
                syntaxError("expecting ~ term or type");
                advance({Tok::Or, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
            }
        }
        // EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm } (type constraints; the checker rejects them)
        while (tok() == Tok::Or) {
            BinaryExpr* t = make<BinaryExpr>(elem->pos, Tok::Or);
            t->opPos = pos();
            next();
            t->x = elem;
            if (tok() == Tok::Tilde) {
                UnaryExpr* u = make<UnaryExpr>(pos(), Tok::Tilde);
                next();
                u->x = type_();
                t->y = u;
            } else {
                t->y = type_();
            }
            elem = t;
        }
        typ->embeddeds.push_back(elem);
        return false;
    });
    return typ;
}

// Result = Parameters | Type .
FieldList* Parser::funcResult() {
    Pos p = pos();
    if (got(Tok::LParen)) {
        FieldList* l = paramList(nullptr, Tok::RParen);
        l->pos = l->opening = p;
        return l;
    }
    if (Expr* typ = typeOrNil()) {
        FieldList* l = make<FieldList>(p);
        Field* f = make<Field>(p);
        f->type = typ;
        l->list.push_back(f);
        return l;
    }
    return nullptr;
}

BasicLit* Parser::oliteral() {
    if (!isLiteral(tok())) return nullptr;
    BasicLit* b = make<BasicLit>(pos(), tok(), std::string(lex_.lit));
    b->bad = lex_.bad;
    if (tok() == Tok::String)
        b->value = unquoteString(b->raw);
    else if (tok() == Tok::Char)
        b->rune = unquoteChar(b->raw);
    next();
    return b;
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .
// Returns one parameter with at most one name (grouped later by paramList).
Field* Parser::paramDeclOrNil(Ident* name, Tok follow) {
    Pos p = name ? name->pos : pos();
    Field* f = make<Field>(p);
    if (tok() == Tok::Ident || name != nullptr) {
        if (name == nullptr) name = this->name();
        if (tok() == Tok::LBrack) {
            // name "[" ...: an array or slice type, or type arguments (unsupported)
            Pos lbrack = pos();
            next();
            if (got(Tok::RBrack)) {
                ArrayType* t = make<ArrayType>(lbrack);
                t->elem = type_();
                f->names.push_back(name);
                f->type = t;
                return f;
            }
            xnest_++;
            Expr* n = expr();
            xnest_--;
            want(Tok::RBrack);
            if (Expr* elem = typeOrNil()) {
                // name "[" n "]" E
                ArrayType* t = make<ArrayType>(lbrack);
                t->len = n;
                t->elem = elem;
                f->names.push_back(name);
                f->type = t;
            } else {
                // name "[" ... "]": an instantiated type
                IndexExpr* t = make<IndexExpr>(name->pos);
                t->lbrack = lbrack;
                t->x = name;
                t->index = n;
                f->type = t;
            }
            return f;
        }
        if (tok() == Tok::Period) {
            // name "." ...
            f->type = qualifiedName(name);
            return f;
        }
        f->names.push_back(name);
    }
    if (tok() == Tok::Ellipsis) {
        // [name] "..." ...
        Ellipsis* t = make<Ellipsis>(pos());
        next();
        t->elt = typeOrNil();
        if (t->elt == nullptr) {
            t->elt = badExpr();
            syntaxError("... is missing type");
        }
        f->type = t;
        return f;
    }
    f->type = typeOrNil();
    if (!f->names.empty() || f->type != nullptr) return f;
    syntaxError("expecting " + tokstring(follow));
    advance({Tok::Comma, follow});
    return nullptr;
}

// Parameters = "(" [ ParameterList [ "," ] ] ")" .  The "(" (or "[") has been consumed.
// In the result, either all fields have names or none has; consecutive names
// sharing one type form one Field (a, b int).
FieldList* Parser::paramList(Ident* name, Tok close) {
    FieldList* fl = make<FieldList>(pos());
    std::vector<Field*> list; // one name at most each
    int named = 0;            // parameters that have an explicit name and type
    fl->closing = this->list("parameter list", Tok::Comma, close, [&] {
        Field* par = paramDeclOrNil(name, close);
        name = nullptr; // 1st name was consumed if present
        if (par != nullptr) {
            if (!par->names.empty() && par->type != nullptr) named++;
            list.push_back(par);
        }
        return false;
    });
    if (list.empty()) return fl;

    if (named == 0) {
        // all unnamed => found names are named types
        for (Field* par : list) {
            if (!par->names.empty()) {
                par->type = par->names[0];
                par->names.clear();
            }
        }
        fl->list = std::move(list);
        return fl;
    }
    if (named != int(list.size())) {
        // some named => all must have names and types
        Pos errPos;          // left-most error position (or unknown)
        Expr* typ = nullptr; // current type (from right to left)
        for (size_t i = list.size(); i-- > 0;) {
            Field* par = list[i];
            if (par->type != nullptr) {
                typ = par->type;
                if (par->names.empty()) {
                    errPos = typ->pos;
                    par->names.push_back(make<Ident>(errPos, "_"));
                }
            } else if (typ != nullptr) {
                par->type = typ;
            } else {
                // par->type == nullptr && typ == nullptr => we only have a name
                errPos = par->names[0]->pos;
                par->type = make<BadExpr>(errPos);
            }
        }
        if (errPos.valid()) syntaxErrorAt(errPos, "mixed named and unnamed parameters");
    }
    // Group runs of names that share one type expression: (a, b int, c string).
    for (Field* par : list) {
        if (!fl->list.empty() && fl->list.back()->type == par->type && par->type != nullptr &&
            fl->list.back() != par)
            fl->list.back()->names.push_back(par->names[0]);
        else
            fl->list.push_back(par);
    }
    return fl;
}

// argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" .
void Parser::argList(CallExpr* call) {
    xnest_++;
    call->rparen = list("argument list", Tok::Comma, Tok::RParen, [&] {
        call->args.push_back(expr());
        Pos p = pos();
        call->hasEllipsis = got(Tok::Ellipsis);
        if (call->hasEllipsis) call->ellipsis = p;
        return call->hasEllipsis;
    });
    xnest_--;
}

// ----------------------------------------------------------------------------
// Common productions

Ident* Parser::name() {
    if (tok() == Tok::Ident) {
        Ident* n = make<Ident>(pos(), std::string(lex_.lit));
        next();
        return n;
    }
    Ident* n = make<Ident>(pos(), "_");
    syntaxError("expecting name");
    advance();
    return n;
}

// IdentifierList = identifier { "," identifier } .  The first name is given.
std::vector<Ident*> Parser::nameList(Ident* first) {
    std::vector<Ident*> l{first};
    while (got(Tok::Comma))
        l.push_back(name());
    return l;
}

// QualifiedIdent = [ PackageName "." ] identifier .  The first name may be given.
Expr* Parser::qualifiedName(Ident* n) {
    Expr* x;
    if (n != nullptr) {
        x = n;
    } else if (tok() == Tok::Ident) {
        x = name();
    } else {
        x = make<Ident>(pos(), "_");
        syntaxError("expecting name");
        advance({Tok::Period, Tok::Semicolon, Tok::RBrace});
    }
    if (tok() == Tok::Period) {
        SelectorExpr* s = make<SelectorExpr>(x->pos);
        s->dot = pos();
        next();
        s->x = x;
        s->sel = name();
        x = s;
    }
    if (tok() == Tok::LBrack) {
        // type instance T[A]: parsed for recovery; the checker reports it
        IndexExpr* t = make<IndexExpr>(x->pos);
        t->lbrack = pos();
        next();
        t->x = x;
        if (tok() == Tok::RBrack) {
            syntaxError("expecting type");
            t->index = badExpr();
        } else {
            t->index = type_();
            while (got(Tok::Comma) && tok() != Tok::RBrack)
                type_();
        }
        t->rbrack = pos();
        want(Tok::RBrack);
        x = t;
    }
    return x;
}

// ExpressionList = Expression { "," Expression } .
Parser::ExprList Parser::exprList() {
    ExprList l{expr()};
    while (got(Tok::Comma))
        l.push_back(expr());
    return l;
}

} // namespace gol::syntax
