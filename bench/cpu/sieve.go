// sieve: the sieve of Eratosthenes on a []bool, repeated. Measures slice
// allocation (zeroed), bool stores and strided loops.
package main

import "fmt"

func sieve(n int) int {
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return count
}

func main() {
	total := 0
	last := 0
	for r := 0; r < 10; r++ {
		last = sieve(2000000 + r)
		total += last
	}
	fmt.Println(last)
	fmt.Println(total)
}
