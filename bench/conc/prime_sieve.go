// prime_sieve: the classic concurrent prime sieve from the Go tour and the
// seed notes: a generator goroutine and one filter goroutine per prime found,
// chained by unbuffered channels. Measures many small hand-offs across a long
// pipeline of goroutines.
package main

import "fmt"

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	n := 1500
	ch := make(chan int)
	go generate(ch)
	sum := 0
	last := 0
	for i := 0; i < n; i++ {
		prime := <-ch
		sum += prime
		last = prime
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	fmt.Println(last, sum)
}
