// interfaces: dynamic dispatch through an interface over a mixed slice of
// four concrete types (value and pointer receivers). Measures interface
// method lookup and indirect calls.
package main

import "fmt"

type Shape interface {
	Area() int
	Perimeter() int
}

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ a, b, c, h int }
type Poly struct {
	sides []int
	area  int
}

func (r Rect) Area() int        { return r.w * r.h }
func (r Rect) Perimeter() int   { return 2 * (r.w + r.h) }
func (s Square) Area() int      { return s.s * s.s }
func (s Square) Perimeter() int { return 4 * s.s }
func (t *Tri) Area() int        { return t.a * t.h / 2 }
func (t *Tri) Perimeter() int   { return t.a + t.b + t.c }
func (p *Poly) Area() int       { return p.area }
func (p *Poly) Perimeter() int {
	s := 0
	for _, x := range p.sides {
		s += x
	}
	return s
}

func main() {
	shapes := make([]Shape, 0, 32)
	for i := 0; i < 8; i++ {
		shapes = append(shapes, Rect{i + 1, i + 2})
		shapes = append(shapes, Square{i + 3})
		shapes = append(shapes, &Tri{i + 2, i + 3, i + 4, 2*i + 2})
		shapes = append(shapes, &Poly{[]int{i, 1, 2, i + 1}, 10 * i})
	}
	sum := 0
	for i := 0; i < 12000000; i++ {
		s := shapes[i%len(shapes)]
		sum += s.Area() - s.Perimeter()
	}
	fmt.Println(sum)
}
