// mutex: eight goroutines each take one sync.Mutex 1 000 000 times to update
// shared state. Measures Lock/Unlock under contention (spinning, parking on
// the semaphore, starvation mode).
package main

import (
	"fmt"
	"sync"
)

func main() {
	workers := 8
	per := 1000000
	var mu sync.Mutex
	counter := 0
	hist := make([]int, 16)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func(id int) {
			for i := 0; i < per; i++ {
				mu.Lock()
				counter++
				hist[(id+i)%16] += id
				mu.Unlock()
			}
			wg.Done()
		}(w)
	}
	wg.Wait()
	sum := 0
	for i, v := range hist {
		sum += (i + 1) * v
	}
	fmt.Println(counter, sum)
}
