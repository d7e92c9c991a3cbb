// alloc_parallel: two goroutines that do nothing but allocate small objects (a struct with a
// pointer and a short slice), each with its own small live set. Run at GOMAXPROCS=1 and 2: the
// CPU time (user+sys) of the two runs is the same work, so a P2/P1 CPU-time ratio well above 1
// is what contention in the allocator (a shared lock, a contended cache line) costs.
package main

import "fmt"

type item struct {
	next *item
	vals []int
	n    int
}

func worker(id, iters int, done chan int) {
	ring := make([]*item, 1024)
	sum := 0
	for i := 0; i < iters; i++ {
		it := &item{vals: make([]int, 2), n: i}
		it.vals[0] = id
		slot := i & 1023
		if old := ring[slot]; old != nil {
			it.next = old.next // a pointer store, but no chain grows: old.next is always nil
		}
		ring[slot] = it
		sum += it.n & 7
	}
	done <- sum
}

func main() {
	const iters = 2000000
	done := make(chan int)
	go worker(1, iters, done)
	go worker(2, iters, done)
	total := <-done + <-done
	fmt.Println(total)
}
