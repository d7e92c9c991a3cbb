// Package errors: New, Is, As, Unwrap and Join (Go 1.20's, with multi-errors) as gol code of our
// own; As stores through its target by runtime type, which Go does with reflection, in a native.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <cstring>

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package errors

func New(text string) error {
	return &errorString{text}
}

// errorString is the error New makes (its %T is *errors.errorString, as in Go).
type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

// Unwrap returns what err wraps through an Unwrap() error method; nil for a multi-error.
func Unwrap(err error) error {
	if w, ok := err.(interface{ Unwrap() error }); ok {
		return w.Unwrap()
	}
	return nil
}

// walk visits err and the errors under it depth first, in order: what Unwrap() error returns,
// or each error of Unwrap() []error, until visit says it is done. Is and As both search err's
// tree this way.
func walk(err error, visit func(error) bool) bool {
	for err != nil {
		if visit(err) {
			return true
		}
		switch w := err.(type) {
		case interface{ Unwrap() error }:
			err = w.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range w.Unwrap() {
				if walk(inner, visit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// isComparable reports whether == may be used on v's dynamic type without a panic.
func isComparable(v error) bool

// Is reports whether target is in err's tree: equal to an error there, or claimed by that
// error's Is method.
func Is(err, target error) bool {
	if target == nil {
		return err == nil
	}
	canCompare := isComparable(target)
	return walk(err, func(e error) bool {
		if canCompare && e == target {
			return true
		}
		m, ok := e.(interface{ Is(error) bool })
		return ok && m.Is(target)
	})
}

// checkAsTarget panics as Go does for a target that is not a non-nil pointer to an interface
// or to an error type; assignTo stores err through target when err's dynamic type is
// assignable to the target's element type (what Go does with reflection).
func checkAsTarget(target any)
func assignTo(err error, target any) bool

// As finds the first error in err's tree that fits *target (or whose As method says so) and
// stores it there.
func As(err error, target any) bool {
	checkAsTarget(target)
	return walk(err, func(e error) bool {
		if assignTo(e, target) {
			return true
		}
		m, ok := e.(interface{ As(any) bool })
		return ok && m.As(target)
	})
}

// Join wraps the non-nil errors of errs into one whose text is theirs, a line each; nil when
// there are none.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	kept := make([]error, 0, n) // exactly n: Unwrap's slice has Go's capacity
	for _, err := range errs {
		if err != nil {
			kept = append(kept, err)
		}
	}
	return &joinError{kept}
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	text := make([]byte, 0, 16*len(e.errs))
	for i, err := range e.errs {
		if i > 0 {
			text = append(text, '\n')
		}
		text = append(text, err.Error()...)
	}
	return string(text)
}

func (e *joinError) Unwrap() []error { return e.errs }
)go";

void nIsComparable(NativeCall& c) {
    auto* io = static_cast<vm::IfaceObj*>(c.arg(0).p);
    c.result(0, Value::fromBool(!io || io->type->comparable));
}

const vm::RType* errorIface(NativeCall& c) { return c.vm.program().errorType; }

void nCheckAsTarget(NativeCall& c) {
    auto* io = static_cast<vm::IfaceObj*>(c.arg(0).p);
    if (!io) c.panicString("errors: target cannot be nil");
    const vm::RType* t = io->type;
    if (t->kind != vm::Kind::Pointer || !io->value.p) c.panicString("errors: target must be a non-nil pointer");
    const vm::RType* e = t->elem;
    const vm::RType* errT = errorIface(c);
    if (e->kind != vm::Kind::Interface && !(errT && c.vm.implements(e, errT)))
        c.panicString("errors: *target must be interface or implement error");
}

void nAssignTo(NativeCall& c) {
    auto* err = static_cast<vm::IfaceObj*>(c.arg(0).p);
    auto* target = static_cast<vm::IfaceObj*>(c.arg(1).p);
    if (!err || !target) {
        c.result(0, Value::fromBool(false));
        return;
    }
    const vm::RType* e = target->type->elem;
    Value store;
    if (e->kind == vm::Kind::Interface) {
        if (!c.vm.implements(err->type, e)) {
            c.result(0, Value::fromBool(false));
            return;
        }
        store = Value::fromObj(err); // an interface value is the same IfaceObj whatever its static type
    } else {
        if (err->type != e) {
            c.result(0, Value::fromBool(false));
            return;
        }
        store = err->value;
    }
    vm::Obj* dst = target->value.p;
    if (e->isBoxed()) {
        vm::copyInto(dst, store.p, c.vm.collector().barrier());
    } else {
        vm::storeThroughPtr(c.vm.collector().barrier(), static_cast<vm::PtrObj*>(dst), store);
    }
    c.result(0, Value::fromBool(true));
}

} // namespace

vm::PackageDef makeErrorsPackage() {
    return {"errors", kSource, {{"isComparable", nIsComparable}, {"checkAsTarget", nCheckAsTarget}, {"assignTo", nAssignTo}}};
}

} // namespace gol::stdlib
