// Package errors: Go's errors (New, Is, As, Unwrap, Join) as gol code; As stores through its
// target by runtime type, which Go does with reflection, in one native.
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

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

func Unwrap(err error) error {
	u, ok := err.(interface {
		Unwrap() error
	})
	if !ok {
		return nil
	}
	return u.Unwrap()
}

func isComparable(v error) bool

func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	isComparable := isComparable(target)
	for {
		if isComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if Is(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// checkAsTarget panics as Go does for a bad target; assignTo stores err through target when
// err's dynamic type is assignable to the target's element type.
func checkAsTarget(target any)
func assignTo(err error, target any) bool

func As(err error, target any) bool {
	checkAsTarget(target)
	for {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if As(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

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
	e := &joinError{
		errs: make([]error, 0, n),
	}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	var b []byte
	for i, err := range e.errs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}
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
