// Package syscall: only Errno (the error type of failed system calls, which os wraps in
// *fs.PathError) and the errno constants. Errno.Is matches io/fs's sentinel errors as Go's does.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package syscall

import "io/fs"

// Errno is a Linux error number.
type Errno uintptr

const (
	EPERM     Errno = 1
	ENOENT    Errno = 2
	EINTR     Errno = 4
	EIO       Errno = 5
	EBADF     Errno = 9
	EAGAIN    Errno = 11
	ENOMEM    Errno = 12
	EACCES    Errno = 13
	EEXIST    Errno = 17
	EXDEV     Errno = 18
	ENOTDIR   Errno = 20
	EISDIR    Errno = 21
	EINVAL    Errno = 22
	EMFILE    Errno = 24
	ENOSPC    Errno = 28
	EPIPE     Errno = 32
	ERANGE    Errno = 34
	ENAMETOOLONG Errno = 36
	ENOTEMPTY Errno = 39
	ELOOP     Errno = 40
	ETIMEDOUT Errno = 110
)

func errnoString(e int) string

func (e Errno) Error() string { return errnoString(int(e)) }

func (e Errno) Is(target error) bool {
	switch target {
	case fs.ErrPermission:
		return e == EACCES || e == EPERM
	case fs.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case fs.ErrNotExist:
		return e == ENOENT
	}
	return false
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == 23 || e.Timeout()
}

func (e Errno) Timeout() bool { return e == EAGAIN || e == ETIMEDOUT }
)go";

void nErrnoString(NativeCall& c) {
    c.result(0, c.str(errnoText(int(argInt(c, 0)))));
}

} // namespace

vm::PackageDef makeSyscallPackage() {
    return {"syscall", kSource, {{"errnoString", nErrnoString}}};
}

} // namespace gol::stdlib
