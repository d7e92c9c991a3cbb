// Package io: Go's interfaces and sentinel errors, and the helpers built on them (ReadAll,
// Copy*, ReadFull, ReadAtLeast, WriteString, LimitReader, SectionReader, TeeReader, NopCloser,
// Discard, MultiReader, MultiWriter, Pipe), written in gol from Go's documented behaviour: the
// same growth of ReadAll's buffer, the same 32 KiB copy buffer, the same errors.
#include "stdlib/packages.hpp"

namespace gol::stdlib {

namespace {

constexpr const char* kSource = R"go(
package io

import (
	"errors"
	"sync"
)

const (
	SeekStart   = 0
	SeekCurrent = 1
	SeekEnd     = 2
)

var EOF = errors.New("EOF")
var ErrUnexpectedEOF = errors.New("unexpected EOF")
var ErrShortWrite = errors.New("short write")
var ErrShortBuffer = errors.New("short buffer")
var ErrNoProgress = errors.New("multiple Read calls return no data or error")
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

type Reader interface {
	Read(p []byte) (n int, err error)
}

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Closer interface {
	Close() error
}

type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

type ReadWriter interface {
	Reader
	Writer
}

type ReadCloser interface {
	Reader
	Closer
}

type WriteCloser interface {
	Writer
	Closer
}

type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

type ReadSeeker interface {
	Reader
	Seeker
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

type ByteReader interface {
	ReadByte() (byte, error)
}

type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

type ByteWriter interface {
	WriteByte(c byte) error
}

type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

type WriterAt interface {
	WriteAt(p []byte, off int64) (n int, err error)
}

type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

type ReadSeekCloser interface {
	Reader
	Seeker
	Closer
}

type WriteSeeker interface {
	Writer
	Seeker
}

type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

// ReadAtLeast reads until buf holds min bytes. An EOF after some bytes but fewer than min is
// ErrUnexpectedEOF; with min bytes read, a read error that came with them is dropped.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if min > len(buf) {
		return 0, ErrShortBuffer
	}
	for err == nil && n < min {
		var got int
		got, err = r.Read(buf[n:])
		n += got
	}
	switch {
	case n >= min:
		err = nil
	case n > 0 && err == EOF:
		err = ErrUnexpectedEOF
	}
	return n, err
}

func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// ReadAll starts with 512 bytes of room and, when full, lets append choose the next capacity
// (appending a byte and dropping it), so the result's capacity is Go's.
func ReadAll(r Reader) ([]byte, error) {
	data := make([]byte, 0, 512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		got, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+got]
		if err == EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

func Copy(dst Writer, src Reader) (written int64, err error) {
	return copyThrough(dst, src, nil)
}

func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return copyThrough(dst, src, buf)
}

// CopyN copies exactly n bytes, or reports why not (EOF when src ended first).
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if err == nil && written < n {
		err = EOF
	}
	return written, err
}

var errInvalidWrite = errors.New("invalid write result")

// copyThrough moves src to dst: by src's WriteTo or dst's ReadFrom when they have one, else
// through buf (32 KiB when nil).
func copyThrough(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if wt, ok := src.(WriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	if buf == nil {
		buf = make([]byte, 32*1024)
	}
	for {
		got, rerr := src.Read(buf)
		if got > 0 {
			put, werr := dst.Write(buf[:got])
			if put < 0 || put > got {
				put = 0
				if werr == nil {
					werr = errInvalidWrite
				}
			}
			written += int64(put)
			if werr != nil {
				return written, werr
			}
			if put != got {
				return written, ErrShortWrite
			}
		}
		if rerr == EOF {
			return written, nil
		}
		if rerr != nil {
			return written, rerr
		}
	}
}

// A LimitedReader reads from R until N bytes are left to read, then reports EOF.
type LimitedReader struct {
	R Reader
	N int64
}

func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return n, err
}

// A SectionReader reads the n bytes of an io.ReaderAt from an offset on.
type SectionReader struct {
	r     ReaderAt
	base  int64
	off   int64
	limit int64
}

func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	limit := off + n
	if n > 1<<63-1-off { // the end would overflow: read to the end of the int64 range
		limit = 1<<63 - 1
	}
	return &SectionReader{r, off, off, limit}
}

var errWhence = errors.New("Seek: invalid whence")
var errOffset = errors.New("Seek: invalid offset")

func (s *SectionReader) Read(p []byte) (n int, err error) {
	if s.off >= s.limit {
		return 0, EOF
	}
	if left := s.limit - s.off; int64(len(p)) > left {
		p = p[:left]
	}
	n, err = s.r.ReadAt(p, s.off)
	s.off += int64(n)
	return n, err
}

func (s *SectionReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case SeekStart:
		offset += s.base
	case SeekCurrent:
		offset += s.off
	case SeekEnd:
		offset += s.limit
	default:
		return 0, errWhence
	}
	if offset < s.base {
		return 0, errOffset
	}
	s.off = offset
	return offset - s.base, nil
}

func (s *SectionReader) ReadAt(p []byte, off int64) (n int, err error) {
	if off < 0 || off >= s.Size() {
		return 0, EOF
	}
	off += s.base
	if left := s.limit - off; int64(len(p)) > left {
		n, err = s.r.ReadAt(p[:left], off)
		if err == nil {
			err = EOF
		}
		return n, err
	}
	return s.r.ReadAt(p, off)
}

func (s *SectionReader) Size() int64 { return s.limit - s.base }

// TeeReader's reads write what they read to w first; a write error is the read's error.
type teeReader struct {
	r Reader
	w Writer
}

func TeeReader(r Reader, w Writer) Reader { return &teeReader{r, w} }

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if put, werr := t.w.Write(p[:n]); werr != nil {
			return put, werr
		}
	}
	return n, err
}

type nopCloser struct {
	Reader
}

func (nopCloser) Close() error { return nil }

type nopCloserWriterTo struct {
	Reader
}

func (nopCloserWriterTo) Close() error { return nil }

func (c nopCloserWriterTo) WriteTo(w Writer) (n int64, err error) {
	return c.Reader.(WriterTo).WriteTo(w)
}

// NopCloser adds a Close that does nothing; a WriterTo stays a WriterTo.
func NopCloser(r Reader) ReadCloser {
	if _, ok := r.(WriterTo); ok {
		return nopCloserWriterTo{r}
	}
	return nopCloser{r}
}

type discard struct{}

func (discard) Write(p []byte) (int, error)         { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }

// ReadFrom drains r, so that Copy(Discard, r) needs no 32 KiB buffer of its own each time.
func (discard) ReadFrom(r Reader) (n int64, err error) {
	var buf [8192]byte
	for {
		got, rerr := r.Read(buf[:])
		n += int64(got)
		if rerr == EOF {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}

var Discard Writer = discard{}

// MultiWriter writes to each writer in turn, stopping at the first error or short write.
// Nested MultiWriters are flattened, as in Go.
type multiWriter struct {
	writers []Writer
}

func (m *multiWriter) Write(p []byte) (n int, err error) {
	for _, w := range m.writers {
		n, err = w.Write(p)
		if err != nil {
			return n, err
		}
		if n != len(p) {
			return n, ErrShortWrite
		}
	}
	return len(p), nil
}

func (m *multiWriter) WriteString(s string) (n int, err error) {
	var b []byte // made once, only for writers without WriteString
	for _, w := range m.writers {
		if sw, ok := w.(StringWriter); ok {
			n, err = sw.WriteString(s)
		} else {
			if b == nil {
				b = []byte(s)
			}
			n, err = w.Write(b)
		}
		if err != nil {
			return n, err
		}
		if n != len(s) {
			return n, ErrShortWrite
		}
	}
	return len(s), nil
}

func MultiWriter(writers ...Writer) Writer {
	all := make([]Writer, 0, len(writers))
	for _, w := range writers {
		if m, ok := w.(*multiWriter); ok {
			all = append(all, m.writers...)
		} else {
			all = append(all, w)
		}
	}
	return &multiWriter{all}
}

// MultiReader reads its readers one after the other; EOF only after the last.
type multiReader struct {
	readers []Reader
}

func (m *multiReader) Read(p []byte) (n int, err error) {
	for len(m.readers) > 0 {
		if inner, ok := m.readers[0].(*multiReader); ok { // flatten, as Go does, to keep stacks flat
			m.readers = append(append([]Reader{}, inner.readers...), m.readers[1:]...)
			continue
		}
		n, err = m.readers[0].Read(p)
		if err == EOF {
			m.readers[0] = eofReader{} // let the finished reader be collected
			m.readers = m.readers[1:]
		}
		if n > 0 || err != EOF {
			if err == EOF && len(m.readers) > 0 {
				err = nil // more to come from the next reader
			}
			return n, err
		}
	}
	return 0, EOF
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, EOF }

func MultiReader(readers ...Reader) Reader {
	r := make([]Reader, len(readers))
	copy(r, readers)
	return &multiReader{r}
}

// Pipe: a synchronous in-memory pipe. A Write hands its slice to the reader over wrCh and
// waits for the count of bytes each Read took over rdCh, until all is taken; done is closed by
// the first Close of either end, and the ends' close errors say what the other side sees.
type pipe struct {
	wrMu sync.Mutex // one Write at a time, so writes are not interleaved
	wrCh chan []byte
	rdCh chan int

	closeOnce sync.Once
	mu        sync.Mutex // guards rerr and werr
	rerr      error      // why the reader closed (first CloseWithError wins)
	werr      error      // why the writer closed
	done      chan struct{}
}

func (p *pipe) errs() (rerr, werr error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rerr, p.werr
}

// What a Read sees once the pipe is closed: the writer's error if only the writer closed.
func (p *pipe) readCloseError() error {
	rerr, werr := p.errs()
	if rerr == nil && werr != nil {
		return werr
	}
	return ErrClosedPipe
}

// What a Write sees once the pipe is closed: the reader's error if only the reader closed.
func (p *pipe) writeCloseError() error {
	rerr, werr := p.errs()
	if werr == nil && rerr != nil {
		return rerr
	}
	return ErrClosedPipe
}

func (p *pipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case chunk := <-p.wrCh:
		n = copy(b, chunk)
		p.rdCh <- n
		return n, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
		p.wrMu.Lock()
		defer p.wrMu.Unlock()
	}
	// At least one hand-over, so that a zero-length Write meets a Read as in Go.
	for first := true; first || len(b) > 0; first = false {
		select {
		case p.wrCh <- b:
			taken := <-p.rdCh
			b = b[taken:]
			n += taken
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

func (p *pipe) close(setErr func()) {
	p.mu.Lock()
	setErr()
	p.mu.Unlock()
	p.closeOnce.Do(func() { close(p.done) })
}

func (p *pipe) closeRead(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	p.close(func() {
		if p.rerr == nil {
			p.rerr = err
		}
	})
	return nil
}

func (p *pipe) closeWrite(err error) error {
	if err == nil {
		err = EOF
	}
	p.close(func() {
		if p.werr == nil {
			p.werr = err
		}
	})
	return nil
}

type PipeReader struct {
	p *pipe
}

func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }
func (r *PipeReader) Close() error                       { return r.p.closeRead(nil) }
func (r *PipeReader) CloseWithError(err error) error     { return r.p.closeRead(err) }

type PipeWriter struct {
	p *pipe
}

func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }
func (w *PipeWriter) Close() error                        { return w.p.closeWrite(nil) }
func (w *PipeWriter) CloseWithError(err error) error      { return w.p.closeWrite(err) }

func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{wrCh: make(chan []byte), rdCh: make(chan int), done: make(chan struct{})}
	return &PipeReader{p}, &PipeWriter{p}
}
)go";

} // namespace

vm::PackageDef makeIoPackage() { return {"io", kSource, {}}; }

} // namespace gol::stdlib
