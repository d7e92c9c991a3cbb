// spectral_norm: the Benchmarks Game spectral-norm (power method on an
// infinite matrix). Measures tight float64 loops over slices and small calls.
package main

import (
	"fmt"
	"math"
)

func evalA(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

func times(v, u []float64) {
	n := len(v)
	for i := 0; i < n; i++ {
		a := 0.0
		for j := 0; j < n; j++ {
			a += evalA(i, j) * u[j]
		}
		v[i] = a
	}
}

func timesTransp(v, u []float64) {
	n := len(v)
	for i := 0; i < n; i++ {
		a := 0.0
		for j := 0; j < n; j++ {
			a += evalA(j, i) * u[j]
		}
		v[i] = a
	}
}

func aTimesTransp(v, u []float64) {
	x := make([]float64, len(u))
	times(x, u)
	timesTransp(v, x)
}

func main() {
	n := 700
	u := make([]float64, n)
	v := make([]float64, n)
	for i := 0; i < n; i++ {
		u[i] = 1.0
	}
	for i := 0; i < 10; i++ {
		aTimesTransp(v, u)
		aTimesTransp(u, v)
	}
	vBv, vv := 0.0, 0.0
	for i := 0; i < n; i++ {
		vBv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	fmt.Printf("%.9f\n", math.Sqrt(vBv/vv))
}
