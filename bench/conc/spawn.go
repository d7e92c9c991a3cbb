// spawn: start 1 000 000 short goroutines and wait for all of them with a
// sync.WaitGroup. Measures goroutine creation, first run and exit (stack and
// G reuse), plus WaitGroup traffic.
package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 1000000
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(id int) {
			results[id] = id%7 + 1
			wg.Done()
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, v := range results {
		sum += v
	}
	fmt.Println(sum)
}
