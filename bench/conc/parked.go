// parked: 1 000 000 goroutines all block receiving from one channel, then a
// close releases them together. The runner reports peak RSS: this is the
// memory cost of a parked goroutine (Go: about 2.7 KB each). The count can be
// given as the first argument.
package main

import (
	"fmt"
	"os"
	"sync"
)

func argInt(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	v := 0
	for _, c := range os.Args[1] {
		if c < '0' || c > '9' {
			return def
		}
		v = v*10 + int(c-'0')
	}
	return v
}

func main() {
	n := argInt(1000000)
	gate := make(chan struct{})
	results := make([]int, n)
	var started, finished sync.WaitGroup
	started.Add(n)
	finished.Add(n)
	for i := 0; i < n; i++ {
		go func(id int) {
			started.Done()
			<-gate
			results[id] = id%3 + 1
			finished.Done()
		}(i)
	}
	started.Wait()
	close(gate)
	finished.Wait()
	sum := 0
	for _, v := range results {
		sum += v
	}
	fmt.Println(n, sum)
}
