// Package io/fs: the file-system error values, PathError, FileMode, FileInfo and DirEntry that
// package os re-exports (as Go's os does), so %T prints Go's *fs.PathError and fs.FileMode. Pure
// gol code: no natives.
#include "stdlib/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package fs

import (
	"errors"
	"time"
)

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

var (
	SkipDir = errors.New("skip this directory")
	SkipAll = errors.New("skip everything and stop the walk")
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether the underlying error says so (an error with a Timeout() bool method).
func (e *PathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

type FileMode uint32

const (
	ModeDir        FileMode = 1 << (32 - 1 - iota)
	ModeAppend
	ModeExclusive
	ModeTemporary
	ModeSymlink
	ModeDevice
	ModeNamedPipe
	ModeSocket
	ModeSetuid
	ModeSetgid
	ModeCharDevice
	ModeSticky
	ModeIrregular

	ModeType = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular

	ModePerm FileMode = 0777
)

// String: one letter per type and mode bit that is set (or "-" for none), then rwx per class.
func (m FileMode) String() string {
	const letters = "dalTLDpSugct?"
	const rwx = "rwxrwxrwx"
	out := make([]byte, 0, 22)
	for i, c := range letters {
		if m&(1<<uint(31-i)) != 0 {
			out = append(out, byte(c))
		}
	}
	if len(out) == 0 {
		out = append(out, '-')
	}
	for i := 0; i < len(rwx); i++ {
		if m&(1<<uint(8-i)) != 0 {
			out = append(out, rwx[i])
		} else {
			out = append(out, '-')
		}
	}
	return string(out)
}

func (m FileMode) IsDir() bool     { return m&ModeDir != 0 }
func (m FileMode) IsRegular() bool { return m&ModeType == 0 }
func (m FileMode) Perm() FileMode  { return m & ModePerm }
func (m FileMode) Type() FileMode  { return m & ModeType }

type FileInfo interface {
	Name() string
	Size() int64
	Mode() FileMode
	ModTime() time.Time
	IsDir() bool
	Sys() any
}

type DirEntry interface {
	Name() string
	IsDir() bool
	Type() FileMode
	Info() (FileInfo, error)
}

type WalkDirFunc func(path string, d DirEntry, err error) error

// The file-system interfaces (implemented by user code; os.DirFS is not provided).
type FS interface {
	Open(name string) (File, error)
}

type File interface {
	Stat() (FileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

type ReadDirFile interface {
	File
	ReadDir(n int) ([]DirEntry, error)
}

type ReadFileFS interface {
	FS
	ReadFile(name string) ([]byte, error)
}

type ReadDirFS interface {
	FS
	ReadDir(name string) ([]DirEntry, error)
}

type StatFS interface {
	FS
	Stat(name string) (FileInfo, error)
}

// ValidPath: an unrooted, slash-separated path of non-empty elements other than "." and "..",
// or "." alone.
func ValidPath(name string) bool {
	if name == "." {
		return true
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}
)go";

} // namespace

vm::PackageDef makeIoFsPackage() {
    return {"io/fs", kSource, {}};
}

} // namespace gol::stdlib
