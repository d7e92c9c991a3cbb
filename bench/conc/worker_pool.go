// worker_pool: a feeder goroutine queues 1 000 000 jobs on a buffered channel,
// eight workers compute the Collatz length of each, and main collects the
// results from a second buffered channel. Measures a typical pool: buffered
// channel traffic mixed with real work across workers.
package main

import (
	"fmt"
	"sync"
)

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	jobs := 1000000
	workers := 8
	in := make(chan int, 128)
	out := make(chan int, 128)
	go func() {
		for i := 1; i <= jobs; i++ {
			in <- i
		}
		close(in)
	}()
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			for n := range in {
				out <- collatz(n)
			}
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	sum := 0
	count := 0
	for s := range out {
		sum += s
		count++
	}
	fmt.Println(count, sum)
}
