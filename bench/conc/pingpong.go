// pingpong: two goroutines bounce an int over a pair of unbuffered channels,
// 1 000 000 round trips. Measures the cost of a blocking send/receive hand-off
// plus the park/ready/switch it forces on every message.
package main

import "fmt"

func main() {
	n := 1000000
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < n; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println(sum, ok)
}
