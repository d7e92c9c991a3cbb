// methods: direct method calls on concrete types, both a value receiver
// (Vec.Dot copies its receiver and argument) and a pointer receiver
// (Acc.Add mutates through the pointer). Measures static method dispatch
// and small-struct passing.
package main

import "fmt"

type Vec struct {
	x, y int
}

func (v Vec) Dot(o Vec) int {
	return v.x*o.x + v.y*o.y
}

type Acc struct {
	total int
	n     int
}

func (a *Acc) Add(v int) {
	a.total += v
	a.n++
	if a.total > 1000000007 {
		a.total -= 1000000007
	}
}

func (a *Acc) Total() int {
	return a.total
}

func main() {
	vs := make([]Vec, 16)
	for i := 0; i < 16; i++ {
		vs[i] = Vec{i*7 + 1, 20 - i}
	}
	acc := &Acc{}
	v := Vec{3, 5}
	for i := 0; i < 10000000; i++ {
		w := vs[i%16]
		acc.Add(v.Dot(w))
		if acc.Total()%7 == 0 {
			v = Vec{v.y, v.x}
		}
	}
	fmt.Println(acc.Total())
	fmt.Println(acc.n)
	fmt.Println(v.x, v.y)
}
