// loops: three nested counted loops with integer arithmetic and a branch.
// Measures loop overhead, integer ops and conditional jumps; no calls, no heap.
package main

import "fmt"

func main() {
	n := 420
	s := 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				if (i+j+k)%3 == 0 {
					s += i*j - k
				} else {
					s += k
				}
			}
		}
	}
	fmt.Println(s)
}
