// closures: calls through function values. Adders capture a value that is
// never reassigned; the counter captures a variable it increments (a shared
// cell); apply passes a closure as an argument. Measures closure creation
// and indirect calls.
package main

import "fmt"

func makeAdder(k int) func(int) int {
	return func(x int) int {
		return x + k
	}
}

func makeCounter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func apply(f func(int) int, x int) int {
	return f(x)
}

func main() {
	adders := make([]func(int) int, 10)
	for i := 0; i < 10; i++ {
		k := i * 3
		adders[i] = makeAdder(k)
	}
	counter := makeCounter()
	x := 0
	for i := 0; i < 15000000; i++ {
		x = apply(adders[i%10], x)
		if x > 1000000 {
			x -= 1000000
		}
		x += counter() % 3
	}
	fmt.Println(x)
	fmt.Println(counter())
}
