// map_int: map[int]int insert, lookup (half hits, half misses) and delete
// with scattered keys, on a fresh map each round. Measures hashing, probing,
// growth and deletion.
package main

import "fmt"

func main() {
	n := 200000
	prime := 1000003
	sum := 0
	for round := 0; round < 12; round++ {
		m := make(map[int]int)
		for i := 0; i < n; i++ {
			m[(i*7919+round)%prime] = i + round
		}
		for i := 0; i < 2*n; i++ {
			if v, ok := m[(i*7919+round)%prime]; ok {
				sum += v
			}
		}
		for i := 0; i < n; i += 2 {
			delete(m, (i*7919+round)%prime)
		}
		for i := 0; i < n; i++ {
			if v, ok := m[(i*7919+round)%prime]; ok {
				sum += v
			} else {
				sum++
			}
		}
		sum += len(m)
	}
	fmt.Println(sum)
}
