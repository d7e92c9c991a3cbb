// mandelbrot: escape-time iteration over an n x n grid of the Mandelbrot set
// (the Benchmarks Game inner loop, at most 50 iterations, bailout 4.0).
// Measures float64 arithmetic in a tight loop with a data-dependent exit.
// Prints the number of points in the set and the total iteration count
// instead of the bitmap.
package main

import "fmt"

func main() {
	n := 1600
	maxIter := 50
	inside := 0
	total := 0
	fn := float64(n)
	for y := 0; y < n; y++ {
		ci := 2.0*float64(y)/fn - 1.0
		for x := 0; x < n; x++ {
			cr := 2.0*float64(x)/fn - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for i < maxIter && tr+ti <= 4.0 {
				zi = 2.0*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
				i++
			}
			if tr+ti <= 4.0 {
				inside++
			}
			total += i
		}
	}
	fmt.Println(inside)
	fmt.Println(total)
}
