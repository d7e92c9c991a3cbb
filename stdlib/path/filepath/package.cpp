// Package path/filepath for Unix: the lexical functions are package path's (identical on Unix),
// plus Abs, Rel, SplitList, Glob, Walk and WalkDir over package os (Go's algorithms).
#include "stdlib/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package filepath

import (
	"errors"
	"os"
	"path"
	"sort"
	"strings"
)

const (
	Separator     = '/'
	ListSeparator = ':'
)

// Go declares its own value, distinct from path.ErrBadPattern.
var ErrBadPattern = errors.New("syntax error in pattern")
var SkipDir = errors.New("skip this directory")
var SkipAll = errors.New("skip everything and stop the walk")

func Clean(p string) string                  { return path.Clean(p) }
func Join(elem ...string) string             { return path.Join(elem...) }
func Split(p string) (dir, file string)      { return path.Split(p) }
func Ext(p string) string                    { return path.Ext(p) }
func Base(p string) string                   { return path.Base(p) }
func Dir(p string) string                    { return path.Dir(p) }
func IsAbs(p string) bool                    { return strings.HasPrefix(p, "/") }
func ToSlash(p string) string                { return p }
func FromSlash(p string) string              { return p }
func VolumeName(p string) string             { return "" }

func Match(pattern, name string) (matched bool, err error) {
	if matched, err = path.Match(pattern, name); err != nil {
		return false, ErrBadPattern
	}
	return matched, nil
}

func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

func Abs(p string) (string, error) {
	if IsAbs(p) {
		return Clean(p), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return Join(wd, p), nil
}

func Rel(basepath, targpath string) (string, error) {
	base := Clean(basepath)
	targ := Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	baseSlashed := len(base) > 0 && base[0] == Separator
	targSlashed := len(targ) > 0 && targ[0] == Separator
	if baseSlashed != targSlashed {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	bl := len(base)
	tl := len(targ)
	var b0, bi, t0, ti int
	for {
		for bi < bl && base[bi] != Separator {
			bi++
		}
		for ti < tl && targ[ti] != Separator {
			ti++
		}
		if targ[t0:ti] != base[b0:bi] {
			break
		}
		if bi < bl {
			bi++
		}
		if ti < tl {
			ti++
		}
		b0 = bi
		t0 = ti
	}
	if base[b0:bi] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	if b0 != bl {
		seps := strings.Count(base[b0:bl], string(Separator))
		size := 2 + seps*3
		if tl != t0 {
			size += 1 + tl - t0
		}
		buf := make([]byte, size)
		n := copy(buf, "..")
		for i := 0; i < seps; i++ {
			buf[n] = Separator
			copy(buf[n+1:], "..")
			n += 3
		}
		if t0 != tl {
			buf[n] = Separator
			copy(buf[n+1:], targ[t0:])
		}
		return string(buf), nil
	}
	return targ[t0:], nil
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

func cleanGlobPath(p string) string {
	switch p {
	case "":
		return "."
	case string(Separator):
		return p
	default:
		return p[0 : len(p)-1]
	}
}

func readDirNames(dirname string) ([]string, error) {
	ents, err := os.ReadDir(dirname)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	sort.Strings(names)
	return names, nil
}

func glob(dir, pattern string, matches []string) (m []string, e error) {
	m = matches
	fi, err := os.Stat(dir)
	if err != nil {
		return
	}
	if !fi.IsDir() {
		return
	}
	names, err := readDirNames(dir)
	if err != nil {
		return
	}
	for _, n := range names {
		matched, err := Match(pattern, n)
		if err != nil {
			return m, err
		}
		if matched {
			m = append(m, Join(dir, n))
		}
	}
	return
}

func Glob(pattern string) (matches []string, err error) {
	if _, err := Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = os.Lstat(pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := Split(pattern)
	dir = cleanGlobPath(dir)
	if !hasMeta(dir) {
		return glob(dir, file, nil)
	}
	if dir == pattern {
		return nil, ErrBadPattern
	}
	var m []string
	m, err = Glob(dir)
	if err != nil {
		return
	}
	for _, d := range m {
		matches, err = glob(d, file, matches)
		if err != nil {
			return
		}
	}
	return
}

type WalkFunc func(path string, info os.FileInfo, err error) error

func walk(p string, info os.FileInfo, walkFn WalkFunc) error {
	if !info.IsDir() {
		return walkFn(p, info, nil)
	}
	names, err := readDirNames(p)
	err1 := walkFn(p, info, err)
	if err != nil || err1 != nil {
		return err1
	}
	for _, name := range names {
		filename := Join(p, name)
		fileInfo, err := os.Lstat(filename)
		if err != nil {
			if err := walkFn(filename, fileInfo, err); err != nil && err != SkipDir {
				return err
			}
		} else {
			err = walk(filename, fileInfo, walkFn)
			if err != nil {
				if !fileInfo.IsDir() || err != SkipDir {
					return err
				}
			}
		}
	}
	return nil
}

func Walk(root string, fn WalkFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walk(root, info, fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

type statDirEntry struct {
	info os.FileInfo
}

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() os.FileMode          { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (os.FileInfo, error) { return d.info, nil }

func walkDir(p string, d os.DirEntry, walkDirFn func(path string, d os.DirEntry, err error) error) error {
	if err := walkDirFn(p, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := os.ReadDir(p)
	if err != nil {
		err = walkDirFn(p, d, err)
		if err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		path1 := Join(p, d1.Name())
		if err := walkDir(path1, d1, walkDirFn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

func WalkDir(root string, fn func(path string, d os.DirEntry, err error) error) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(root, &statDirEntry{info}, fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}
)go";

} // namespace

vm::PackageDef makeFilepathPackage() { return {"path/filepath", kSource, {}}; }

} // namespace gol::stdlib
