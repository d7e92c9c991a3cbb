// cpu_split: a CPU-bound job (counting primes below a bound by trial
// division) split across two goroutines that share no data, interleaving
// odd numbers so both halves cost the same. The runner runs it at
// GOMAXPROCS=1 and GOMAXPROCS=2; the ratio shows whether the two goroutines
// really run in parallel.
package main

import "fmt"

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	if n%2 == 0 {
		return n == 2
	}
	for d := 3; d*d <= n; d += 2 {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func count(start, limit, step int, out chan<- int) {
	c := 0
	for n := start; n < limit; n += step {
		if isPrime(n) {
			c++
		}
	}
	out <- c
}

func main() {
	limit := 3000000
	out := make(chan int)
	// Odd numbers 3, 7, 11, ... to one goroutine and 5, 9, 13, ... to the
	// other; 2 is counted here.
	go count(3, limit, 4, out)
	go count(5, limit, 4, out)
	total := 1 + <-out + <-out
	fmt.Println(total)
}
