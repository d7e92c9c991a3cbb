// strings: string building two ways. First strings.Builder (amortized
// appends), then += concatenation (a fresh copy per step, quadratic in the
// final length). Measures byte copying, string allocation and byte indexing.
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}

	built := 0
	for r := 0; r < 600; r++ {
		var b strings.Builder
		for i := 0; i < 20000; i++ {
			b.WriteString(words[(i+r)%8])
			b.WriteString(" ")
		}
		s := b.String()
		built += len(s)
		for i := 0; i < len(s); i += 7 {
			built += int(s[i])
		}
	}
	fmt.Println(built)

	concat := 0
	for r := 0; r < 120; r++ {
		s := ""
		for i := 0; i < 4000; i++ {
			s += words[(i*3+r)%8]
		}
		concat += len(s)
		for i := 0; i < len(s); i += 7 {
			concat += int(s[i])
		}
	}
	fmt.Println(concat)
}
