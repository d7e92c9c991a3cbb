// buffered: one producer streams 5 000 000 ints through a channel with a
// 1024-slot buffer to one consumer. Measures the buffered fast path (ring
// buffer under the channel lock) and how rarely the two sides must park.
package main

import "fmt"

func main() {
	n := 5000000
	ch := make(chan int, 1024)
	done := make(chan int)
	go func() {
		sum := 0
		count := 0
		for v := range ch {
			sum += v % 1000
			count++
		}
		done <- sum + count
	}()
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
	fmt.Println(<-done)
}
