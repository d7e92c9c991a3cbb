// select_fanin: four producers send on their own unbuffered channels; one
// goroutine merges them with a four-case select (disabling a case by setting
// its channel to nil once closed) into one output channel. Measures select's
// enqueue-on-all / dequeue-on-wake path.
package main

import "fmt"

func produce(ch chan<- int, base, n int) {
	for i := 0; i < n; i++ {
		ch <- base + i
	}
	close(ch)
}

func main() {
	per := 250000
	a := make(chan int)
	b := make(chan int)
	c := make(chan int)
	d := make(chan int)
	go produce(a, 0, per)
	go produce(b, 1000000, per)
	go produce(c, 2000000, per)
	go produce(d, 3000000, per)
	out := make(chan int)
	go func() {
		for a != nil || b != nil || c != nil || d != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			case v, ok := <-c:
				if !ok {
					c = nil
					continue
				}
				out <- v
			case v, ok := <-d:
				if !ok {
					d = nil
					continue
				}
				out <- v
			}
		}
		close(out)
	}()
	sum := 0
	count := 0
	for v := range out {
		sum += v % 1000003
		count++
	}
	fmt.Println(count, sum)
}
