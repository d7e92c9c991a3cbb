// Package os: files as raw descriptors (fd 1 and 2 go through the VM's output sinks so they stay
// ordered with fmt), the environment, directories, Args and Exit. Natives return errno codes and
// the gol code builds Go's errors (*PathError{Op, Path, Err: Errno}), so os.IsNotExist,
// errors.Is(err, os.ErrNotExist) and the messages ("open x: no such file or directory") are Go's.
#include "stdlib/bind.hpp"
#include "stdlib/packages.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package os

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// The error values, PathError and the file-mode types are io/fs's, and Errno is syscall's, so
// %T and errors.As see Go's types (*fs.PathError, syscall.Errno).
var (
	ErrInvalid    = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed
)

type Errno = syscall.Errno

type PathError = fs.PathError

type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }
func (e *LinkError) Unwrap() error { return e.Err }

type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }
func (e *SyscallError) Unwrap() error { return e.Err }

func underlyingError(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	case *SyscallError:
		return err.Err
	}
	return err
}

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(Errno)
	return ok && e.Is(target)
}

func IsExist(err error) bool      { return underlyingErrorIs(err, ErrExist) }
func IsNotExist(err error) bool   { return underlyingErrorIs(err, ErrNotExist) }
func IsPermission(err error) bool { return underlyingErrorIs(err, ErrPermission) }

func pathErr(op, path string, e int) error {
	if e == 0 {
		return nil
	}
	return &PathError{Op: op, Path: path, Err: Errno(e)}
}

// ---- process

func runtimeArgs() []string

var Args = runtimeArgs()

func Exit(code int)
func Getpid() int
func Getppid() int
func Getuid() int
func Getenv(key string) string
func LookupEnv(key string) (string, bool)
func Environ() []string
func setenv(key, value string) int
func unsetenv(key string) int
func Clearenv()
func Hostname() (name string, err error) {
	n, e := hostname()
	if e != 0 {
		return "", &SyscallError{"gethostname", Errno(e)}
	}
	return n, nil
}
func hostname() (string, int)

func Setenv(key, value string) error {
	if e := setenv(key, value); e != 0 {
		return &SyscallError{"setenv", Errno(e)}
	}
	return nil
}

func Unsetenv(key string) error {
	unsetenv(key)
	return nil
}

func ExpandEnv(s string) string { return Expand(s, Getenv) }

func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := getShellName(s[j+1:])
			if name == "" && w > 0 {
			} else if name == "" {
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func getShellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2
				}
				return s[1:i], i + 1
			}
		}
		return "", 1
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}

func getwd() (string, int)
func chdir(dir string) int

func Getwd() (dir string, err error) {
	d, e := getwd()
	if e != 0 {
		return "", &SyscallError{"getwd", Errno(e)}
	}
	return d, nil
}

func Chdir(dir string) error { return pathErr("chdir", dir, chdir(dir)) }

func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

func UserHomeDir() (string, error) {
	v := Getenv("HOME")
	if v == "" {
		return "", errors.New("$HOME is not defined")
	}
	return v, nil
}

// ---- files

const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

type (
	FileMode = fs.FileMode
	FileInfo = fs.FileInfo
	DirEntry = fs.DirEntry
)

const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
}

func (st *fileStat) Name() string       { return st.name }
func (st *fileStat) Size() int64        { return st.size }
func (st *fileStat) Mode() FileMode     { return st.mode }
func (st *fileStat) ModTime() time.Time { return st.modTime }
func (st *fileStat) IsDir() bool        { return st.mode.IsDir() }
func (st *fileStat) Sys() any           { return nil }

type dirEntry struct {
	dir  string
	name string
	typ  FileMode
}

func (d *dirEntry) Name() string               { return d.name }
func (d *dirEntry) IsDir() bool                { return d.typ.IsDir() }
func (d *dirEntry) Type() FileMode             { return d.typ }
func (d *dirEntry) Info() (FileInfo, error)    { return Lstat(d.dir + "/" + d.name) }
func (d *dirEntry) String() string             { return d.typ.String()[:1] + " " + d.name }

type File struct {
	fd     int
	name   string
	closed bool
}

var (
	Stdin  = &File{0, "/dev/stdin", false}
	Stdout = &File{1, "/dev/stdout", false}
	Stderr = &File{2, "/dev/stderr", false}
)

func NewFile(fd uintptr, name string) *File { return &File{int(fd), name, false} }

func openFd(name string, flag int, perm int) (fd int, errno int)
func closeFd(fd int) int
func readFd(fd int, b []byte) (n int, errno int)
func writeFd(fd int, b []byte) (n int, errno int)
func seekFd(fd int, offset int64, whence int) (int64, int)
func stat(name string, follow bool) (size int64, mode uint32, mtime int64, errno int)
func fstat(fd int) (size int64, mode uint32, mtime int64, errno int)

func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

func Create(name string) (*File, error) { return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666) }

func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := openFd(name, flag, int(perm.Perm()))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(e)}
	}
	return &File{fd, name, false}, nil
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) Name() string { return f.name }
func (f *File) Fd() uintptr  { return uintptr(f.fd) }

func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, e := readFd(f.fd, b)
	if e != 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: Errno(e)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, e := writeFd(f.fd, b)
	if e != 0 {
		return n, &PathError{Op: "write", Path: f.name, Err: Errno(e)}
	}
	return n, nil
}

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	r, e := seekFd(f.fd, offset, whence)
	if e != 0 {
		return 0, &PathError{Op: "seek", Path: f.name, Err: Errno(e)}
	}
	return r, nil
}

func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if e := closeFd(f.fd); e != 0 {
		return &PathError{Op: "close", Path: f.name, Err: Errno(e)}
	}
	return nil
}

func (f *File) Stat() (FileInfo, error) {
	if err := f.checkValid("stat"); err != nil {
		return nil, err
	}
	size, mode, mtime, e := fstat(f.fd)
	if e != 0 {
		return nil, &PathError{Op: "stat", Path: f.name, Err: Errno(e)}
	}
	return &fileStat{basename(f.name), size, FileMode(mode), time.Unix(0, mtime)}, nil
}

func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if err := f.checkValid("readdirent"); err != nil {
		return nil, err
	}
	return ReadDir(f.name)
}

func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[0:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

func Stat(name string) (FileInfo, error) {
	size, mode, mtime, e := stat(name, true)
	if e != 0 {
		return nil, &PathError{Op: "stat", Path: name, Err: Errno(e)}
	}
	return &fileStat{basename(name), size, FileMode(mode), time.Unix(0, mtime)}, nil
}

func Lstat(name string) (FileInfo, error) {
	size, mode, mtime, e := stat(name, false)
	if e != 0 {
		return nil, &PathError{Op: "lstat", Path: name, Err: Errno(e)}
	}
	return &fileStat{basename(name), size, FileMode(mode), time.Unix(0, mtime)}, nil
}

func readFile(name string) ([]byte, int)

func ReadFile(name string) ([]byte, error) {
	b, e := readFile(name)
	if e < 0 {
		return nil, &PathError{Op: "read", Path: name, Err: Errno(-e)}
	}
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(e)}
	}
	return b, nil
}

func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// readDir returns the sorted names and their type bits.
func readDir(name string) ([]string, []uint32, int)

func ReadDir(name string) ([]DirEntry, error) {
	names, types, e := readDir(name)
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(e)}
	}
	out := make([]DirEntry, len(names))
	for i, n := range names {
		out[i] = &dirEntry{name, n, FileMode(types[i])}
	}
	return out, nil
}

func mkdir(name string, perm int) int
func remove(name string) int
func removeAll(path string) int
func rename(oldpath, newpath string) int

func Mkdir(name string, perm FileMode) error {
	return pathErr("mkdir", name, mkdir(name, int(perm.Perm())))
}

func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: Errno(20)}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		err = MkdirAll(path[:j-1], perm)
		if err != nil {
			return err
		}
	}
	err = Mkdir(path, perm)
	if err != nil {
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

func Remove(name string) error { return pathErr("remove", name, remove(name)) }

func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || len(path) >= 2 && path[len(path)-2:] == "/." {
		return &PathError{Op: "RemoveAll", Path: path, Err: Errno(22)}
	}
	return pathErr("unlinkat", path, removeAll(path))
}

func Rename(oldpath, newpath string) error {
	if e := rename(oldpath, newpath); e != 0 {
		return &LinkError{"rename", oldpath, newpath, Errno(e)}
	}
	return nil
}

func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	name, e := mkdtemp(dir + "/" + pattern)
	if e != 0 {
		return "", &PathError{Op: "mkdirtemp", Path: dir + "/" + pattern, Err: Errno(e)}
	}
	return name, nil
}

func mkdtemp(prefix string) (string, int)

func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	fd, name, e := mkstemp(dir + "/" + pattern)
	if e != 0 {
		return nil, &PathError{Op: "createtemp", Path: dir + "/" + pattern, Err: Errno(e)}
	}
	return &File{fd, name, false}, nil
}

func mkstemp(prefix string) (int, string, int)
)go";

int err() { return errno; }

void nRuntimeArgs(NativeCall& c) { c.result(0, newStringSlice(c, c.vm.options().args)); }
void nExit(NativeCall& c) { c.vm.exitProgram(c.thread, int(argInt(c, 0))); }
void nGetpid(NativeCall& c) { c.result(0, Value::fromInt(::getpid())); }
void nGetppid(NativeCall& c) { c.result(0, Value::fromInt(::getppid())); }
void nGetuid(NativeCall& c) { c.result(0, Value::fromInt(::getuid())); }

void nGetenv(NativeCall& c) {
    std::string k(argStr(c, 0));
    const char* v = std::getenv(k.c_str());
    c.result(0, c.str(v ? v : ""));
}

void nLookupEnv(NativeCall& c) {
    std::string k(argStr(c, 0));
    const char* v = std::getenv(k.c_str());
    c.result(0, c.str(v ? v : ""));
    c.result(1, Value::fromBool(v != nullptr));
}

void nEnviron(NativeCall& c) {
    std::vector<std::string> v;
    for (char** e = environ; e && *e; e++) v.emplace_back(*e);
    c.result(0, newStringSlice(c, v));
}

void nSetenv(NativeCall& c) {
    std::string k(argStr(c, 0)), v(argStr(c, 1));
    if (k.empty() || k.find('=') != std::string::npos || k.find('\0') != std::string::npos ||
        v.find('\0') != std::string::npos) {
        c.result(0, Value::fromInt(EINVAL));
        return;
    }
    c.result(0, Value::fromInt(::setenv(k.c_str(), v.c_str(), 1) == 0 ? 0 : err()));
}

void nUnsetenv(NativeCall& c) {
    std::string k(argStr(c, 0));
    ::unsetenv(k.c_str());
    c.result(0, Value::fromInt(0));
}

void nClearenv(NativeCall&) { ::clearenv(); }

void nHostname(NativeCall& c) {
    std::string buf(256, '\0');
    int e = ::gethostname(buf.data(), buf.size() - 1) == 0 ? 0 : err();
    c.result(0, c.str(buf.c_str()));
    c.result(1, Value::fromInt(e));
}

void nGetwd(NativeCall& c) {
    std::string buf(PATH_MAX, '\0'); // not on the small fiber stack
    bool ok = ::getcwd(buf.data(), buf.size()) != nullptr;
    int e = ok ? 0 : err();
    c.result(0, c.str(ok ? std::string_view(buf.c_str()) : std::string_view()));
    c.result(1, Value::fromInt(e));
}

void nChdir(NativeCall& c) {
    std::string d(argStr(c, 0));
    c.result(0, Value::fromInt(::chdir(d.c_str()) == 0 ? 0 : err()));
}

void nOpenFd(NativeCall& c) {
    std::string name(argStr(c, 0));
    int fd = ::open(name.c_str(), int(argInt(c, 1)) | O_CLOEXEC, mode_t(argInt(c, 2)));
    c.result(0, Value::fromInt(fd < 0 ? -1 : fd));
    c.result(1, Value::fromInt(fd < 0 ? err() : 0));
}

void nCloseFd(NativeCall& c) {
    int fd = int(argInt(c, 0));
    if (fd <= 2) { // the standard streams stay open for the VM's own output
        c.result(0, Value::fromInt(0));
        return;
    }
    c.result(0, Value::fromInt(::close(fd) == 0 ? 0 : err()));
}

void nReadFd(NativeCall& c) {
    int fd = int(argInt(c, 0));
    auto* s = static_cast<vm::SliceObj*>(c.arg(1).p);
    if (fd == 0) c.vm.flushStdout(); // an interactive prompt appears before the read blocks
    ssize_t n;
    do {
        n = ::read(fd, s->array->data + s->off, size_t(s->len));
    } while (n < 0 && errno == EINTR);
    int e = n < 0 ? err() : 0;
    c.result(0, Value::fromInt(n < 0 ? 0 : n));
    c.result(1, Value::fromInt(e));
}

void nWriteFd(NativeCall& c) {
    int fd = int(argInt(c, 0));
    std::string_view b = bytesOf(c.arg(1));
    if (fd == 1 || fd == 2) {
        if (fd == 1) c.vm.writeStdout(b);
        else c.vm.writeStderr(b);
        c.result(0, Value::fromInt(int64_t(b.size())));
        c.result(1, Value::fromInt(0));
        return;
    }
    size_t done = 0;
    int e = 0;
    while (done < b.size()) {
        ssize_t n = ::write(fd, b.data() + done, b.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            e = err();
            break;
        }
        done += size_t(n);
    }
    c.result(0, Value::fromInt(int64_t(done)));
    c.result(1, Value::fromInt(e));
}

void nSeekFd(NativeCall& c) {
    off_t r = ::lseek(int(argInt(c, 0)), off_t(argInt(c, 1)), int(argInt(c, 2)));
    c.result(0, Value::fromInt(r < 0 ? 0 : r));
    c.result(1, Value::fromInt(r < 0 ? err() : 0));
}

// Go's FileMode bits from a stat mode.
uint32_t goMode(mode_t m) {
    uint32_t mode = uint32_t(m & 0777);
    switch (m & S_IFMT) {
    case S_IFBLK: mode |= 1u << 26; break;                   // ModeDevice
    case S_IFCHR: mode |= (1u << 26) | (1u << 21); break;    // ModeDevice | ModeCharDevice
    case S_IFDIR: mode |= 1u << 31; break;                   // ModeDir
    case S_IFIFO: mode |= 1u << 25; break;                   // ModeNamedPipe
    case S_IFLNK: mode |= 1u << 27; break;                   // ModeSymlink
    case S_IFSOCK: mode |= 1u << 24; break;                  // ModeSocket
    default: break;
    }
    if (m & S_ISGID) mode |= 1u << 22;
    if (m & S_ISUID) mode |= 1u << 23;
    if (m & S_ISVTX) mode |= 1u << 20;
    return mode;
}

void putStat(NativeCall& c, int rc, const struct stat& st) {
    if (rc != 0) {
        int e = err();
        c.result(0, Value{});
        c.result(1, Value{});
        c.result(2, Value{});
        c.result(3, Value::fromInt(e));
        return;
    }
    c.result(0, Value::fromInt(st.st_size));
    c.result(1, Value::fromUint(goMode(st.st_mode)));
    c.result(2, Value::fromInt(int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec));
    c.result(3, Value::fromInt(0));
}

void nStat(NativeCall& c) {
    std::string name(argStr(c, 0));
    struct stat st {};
    int rc = argBool(c, 1) ? ::stat(name.c_str(), &st) : ::lstat(name.c_str(), &st);
    putStat(c, rc, st);
}

void nFstat(NativeCall& c) {
    struct stat st {};
    int rc = ::fstat(int(argInt(c, 0)), &st);
    putStat(c, rc, st);
}

void nReadFile(NativeCall& c) {
    std::string name(argStr(c, 0));
    int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = err();
        c.result(0, Value{});
        c.result(1, Value::fromInt(e));
        return;
    }
    // Natives run on a goroutine's small fiber stack: buffers live on the heap.
    std::string data;
    struct stat st {};
    size_t chunk = ::fstat(fd, &st) == 0 && st.st_size > 0 ? size_t(st.st_size) + 1 : 4096;
    int e = 0;
    for (;;) {
        size_t have = data.size();
        data.resize(have + chunk);
        ssize_t n = ::read(fd, data.data() + have, chunk);
        if (n < 0) {
            data.resize(have);
            if (errno == EINTR) continue;
            e = err();
            break;
        }
        data.resize(have + size_t(n));
        if (n == 0) break;
        chunk = std::max<size_t>(chunk, 4096);
    }
    ::close(fd);
    if (e != 0) {
        c.result(0, Value{});
        c.result(1, Value::fromInt(-e)); // a read error (the open succeeded)
        return;
    }
    c.result(0, newBytes(c, data));
    c.result(1, Value::fromInt(0));
}

void nReadDir(NativeCall& c) {
    std::string name(argStr(c, 0));
    DIR* d = ::opendir(name.c_str());
    if (!d) {
        int e = err();
        c.result(0, Value{});
        c.result(1, Value{});
        c.result(2, Value::fromInt(e));
        return;
    }
    std::vector<std::pair<std::string, uint32_t>> ents;
    while (struct dirent* de = ::readdir(d)) {
        std::string n = de->d_name;
        if (n == "." || n == "..") continue;
        uint32_t t = 0;
        unsigned char dt = de->d_type;
        if (dt == DT_UNKNOWN) {
            struct stat st {};
            if (::lstat((name + "/" + n).c_str(), &st) == 0) t = goMode(st.st_mode) & ~0777u;
        } else if (dt == DT_DIR) t = 1u << 31;
        else if (dt == DT_LNK) t = 1u << 27;
        else if (dt == DT_FIFO) t = 1u << 25;
        else if (dt == DT_SOCK) t = 1u << 24;
        else if (dt == DT_CHR) t = (1u << 26) | (1u << 21);
        else if (dt == DT_BLK) t = 1u << 26;
        ents.emplace_back(std::move(n), t);
    }
    ::closedir(d);
    std::sort(ents.begin(), ents.end());
    std::vector<std::string> names;
    std::vector<int64_t> types;
    for (auto& [n, t] : ents) {
        names.push_back(n);
        types.push_back(t);
    }
    Value ns = newStringSlice(c, names);
    Value ts = newIntSlice(c, types); // uint32 slots hold the same bits as these ints
    c.result(0, ns);
    c.result(1, ts);
    c.result(2, Value::fromInt(0));
}

void nMkdir(NativeCall& c) {
    std::string name(argStr(c, 0));
    c.result(0, Value::fromInt(::mkdir(name.c_str(), mode_t(argInt(c, 1))) == 0 ? 0 : err()));
}

void nRemove(NativeCall& c) {
    std::string name(argStr(c, 0));
    if (::unlink(name.c_str()) == 0) {
        c.result(0, Value::fromInt(0));
        return;
    }
    int e1 = err();
    if (::rmdir(name.c_str()) == 0) {
        c.result(0, Value::fromInt(0));
        return;
    }
    int e2 = err();
    // Go reports the unlink error unless rmdir's is more telling (not ENOTDIR).
    c.result(0, Value::fromInt(e2 != ENOTDIR ? e2 : e1));
}

int removeTree(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT ? 0 : errno;
    if (S_ISDIR(st.st_mode)) {
        if (DIR* d = ::opendir(path.c_str())) {
            std::vector<std::string> kids;
            while (struct dirent* de = ::readdir(d)) {
                std::string n = de->d_name;
                if (n != "." && n != "..") kids.push_back(path + "/" + n);
            }
            ::closedir(d);
            for (auto& k : kids)
                if (int e = removeTree(k)) return e;
        }
        if (::rmdir(path.c_str()) != 0 && errno != ENOENT) return errno;
        return 0;
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return errno;
    return 0;
}

void nRemoveAll(NativeCall& c) { c.result(0, Value::fromInt(removeTree(std::string(argStr(c, 0))))); }

void nRename(NativeCall& c) {
    std::string a(argStr(c, 0)), b(argStr(c, 1));
    c.result(0, Value::fromInt(::rename(a.c_str(), b.c_str()) == 0 ? 0 : err()));
}

// Go replaces the last '*' of the pattern by random digits, or appends them.
std::string tempTemplate(std::string_view prefix) {
    std::string p(prefix);
    size_t star = p.rfind('*');
    size_t slash = p.rfind('/');
    if (star != std::string::npos && (slash == std::string::npos || star > slash)) {
        return p.substr(0, star) + "XXXXXX" + p.substr(star + 1);
    }
    return p + "XXXXXX";
}

void nMkdtemp(NativeCall& c) {
    std::string t = tempTemplate(argStr(c, 0));
    size_t x = t.find("XXXXXX");
    std::string suffix = t.substr(x + 6);
    std::string base = t.substr(0, x + 6);
    char* r = ::mkdtemp(base.data());
    int e = r ? 0 : err();
    c.result(0, c.str(r ? base + suffix : ""));
    c.result(1, Value::fromInt(e));
}

void nMkstemp(NativeCall& c) {
    std::string t = tempTemplate(argStr(c, 0));
    size_t x = t.find("XXXXXX");
    int suffixLen = int(t.size() - (x + 6));
    int fd = ::mkstemps(t.data(), suffixLen);
    int e = fd < 0 ? err() : 0;
    c.result(0, Value::fromInt(fd));
    c.result(1, c.str(fd < 0 ? "" : t));
    c.result(2, Value::fromInt(e));
}

} // namespace

vm::PackageDef makeOsPackage() {
    vm::PackageDef d{"os", kSource, {}};
    d.natives = {
        {"runtimeArgs", nRuntimeArgs}, {"Exit", nExit},
        {"Getpid", nGetpid},           {"Getppid", nGetppid},         {"Getuid", nGetuid},
        {"Getenv", nGetenv},           {"LookupEnv", nLookupEnv},     {"Environ", nEnviron},
        {"setenv", nSetenv},           {"unsetenv", nUnsetenv},       {"Clearenv", nClearenv},
        {"hostname", nHostname},       {"getwd", nGetwd},             {"chdir", nChdir},
        {"openFd", nOpenFd, true},     {"closeFd", nCloseFd},         {"readFd", nReadFd, true},
        {"writeFd", nWriteFd, true},   {"seekFd", nSeekFd},           {"stat", nStat, true},
        {"fstat", nFstat},             {"readFile", nReadFile, true}, {"readDir", nReadDir, true},
        {"mkdir", nMkdir},             {"remove", nRemove},           {"removeAll", nRemoveAll, true},
        {"rename", nRename},           {"mkdtemp", nMkdtemp},         {"mkstemp", nMkstemp},
    };
    return d;
}

} // namespace gol::stdlib
