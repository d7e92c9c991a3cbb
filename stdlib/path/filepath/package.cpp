// Package path/filepath for Unix: the lexical functions are package path's (identical on Unix),
// plus Abs, Rel, SplitList, Glob, Walk and WalkDir over package os, in gol's own code with Go's
// documented behaviour (callback order, SkipDir/SkipAll, which errors are reported).
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

// elements lists a clean path's elements below the root ("/a/b" and "a/b" give a, b; "" and
// "/" give none).
func elements(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// Rel climbs out of what is left of base after the elements the two paths share, then descends
// into what is left of target. Both must be absolute or both relative, and base must not need
// climbing out of a "..", whose name is unknown.
func Rel(basepath, targpath string) (string, error) {
	base, targ := Clean(basepath), Clean(targpath)
	if base == targ {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	if IsAbs(base) != IsAbs(targ) {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	bs, ts := elements(base), elements(targ)
	shared := 0
	for shared < len(bs) && shared < len(ts) && bs[shared] == ts[shared] {
		shared++
	}
	up := len(bs) - shared
	if up == 0 {
		return strings.Join(ts[shared:], "/"), nil
	}
	if bs[shared] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	rel := ".." + strings.Repeat("/..", up-1)
	if shared < len(ts) {
		rel += "/" + strings.Join(ts[shared:], "/")
	}
	return rel, nil
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

// sortedNames lists a directory's entries by name.
func sortedNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	sort.Strings(names)
	return names, nil
}

// Glob matches the pattern's last element in each directory its leading part names (itself a
// glob when it has metacharacters). Only a malformed pattern is an error: unreadable or missing
// directories just contribute no matches.
func Glob(pattern string) (matches []string, err error) {
	if _, err := Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err := os.Lstat(pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, last := Split(pattern)
	switch dir {
	case "":
		dir = "."
	case "/":
	default:
		dir = dir[:len(dir)-1] // no trailing slash
	}
	if !hasMeta(dir) {
		return globIn(dir, last, nil)
	}
	if dir == pattern { // e.g. `\` left over after Split: it would recurse forever
		return nil, ErrBadPattern
	}
	dirs, err := Glob(dir)
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if matches, err = globIn(d, last, matches); err != nil {
			return matches, err
		}
	}
	return matches, nil
}

// globIn appends to matches the entries of dir whose names match pattern.
func globIn(dir, pattern string, matches []string) ([]string, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return matches, nil
	}
	names, err := sortedNames(dir)
	if err != nil {
		return matches, nil
	}
	for _, name := range names {
		ok, err := Match(pattern, name)
		if err != nil {
			return matches, err
		}
		if ok {
			matches = append(matches, Join(dir, name))
		}
	}
	return matches, nil
}

type WalkFunc func(path string, info os.FileInfo, err error) error

// Walk calls fn for root and everything below it, depth first, in lexical order, without
// following symbolic links. A directory is reported before its entries, with the error of
// reading it (then fn's answer decides); SkipDir from fn skips the directory it names (or the
// rest of the directory of a file it names), SkipAll stops the walk.
func Walk(root string, fn WalkFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkTree(root, info, fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

func walkTree(p string, info os.FileInfo, fn WalkFunc) error {
	if !info.IsDir() {
		return fn(p, info, nil)
	}
	names, readErr := sortedNames(p)
	if err := fn(p, info, readErr); err != nil || readErr != nil {
		return err
	}
	for _, name := range names {
		child := Join(p, name)
		childInfo, err := os.Lstat(child)
		if err != nil {
			// fn hears of the failure; SkipDir means nothing here and is ignored.
			if err = fn(child, childInfo, err); err != nil && err != SkipDir {
				return err
			}
			continue
		}
		// SkipDir from a directory skips just it; from a file, the rest of this directory.
		if err = walkTree(child, childInfo, fn); err != nil && !(err == SkipDir && childInfo.IsDir()) {
			return err
		}
	}
	return nil
}

// statDirEntry presents WalkDir's root (known by Lstat) as an os.DirEntry.
type statDirEntry struct {
	info os.FileInfo
}

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() os.FileMode          { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (os.FileInfo, error) { return d.info, nil }

// WalkDir is Walk over directory entries: fn sees each directory first with a nil error and, if
// reading it fails, a second time with the error.
func WalkDir(root string, fn func(path string, d os.DirEntry, err error) error) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDirTree(root, &statDirEntry{info}, fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

func walkDirTree(p string, d os.DirEntry, fn func(path string, d os.DirEntry, err error) error) error {
	err := fn(p, d, nil)
	if err == nil && d.IsDir() {
		var entries []os.DirEntry
		if entries, err = os.ReadDir(p); err != nil {
			err = fn(p, d, err)
		}
		if err == nil {
			for _, e := range entries {
				if err := walkDirTree(Join(p, e.Name()), e, fn); err != nil {
					if err == SkipDir {
						break // a file asked to skip the rest of its directory
					}
					return err
				}
			}
			return nil
		}
	}
	if err == SkipDir && d.IsDir() {
		return nil
	}
	return err
}
)go";

} // namespace

vm::PackageDef makeFilepathPackage() { return {"path/filepath", kSource, {}}; }

} // namespace gol::stdlib
