// map_string: map[string]int insert, lookup (half hits, half misses) and
// delete, on a fresh map each round. The keys are built once up front, so the
// rounds measure string hashing and comparison, not formatting.
package main

import "fmt"

func main() {
	n := 50000
	keys := make([]string, 2*n)
	for i := 0; i < 2*n; i++ {
		keys[i] = fmt.Sprintf("key-%d", i*7919%1000003)
	}
	sum := 0
	for round := 0; round < 40; round++ {
		m := make(map[string]int)
		for i := 0; i < n; i++ {
			m[keys[(i+round)%n]] = i + round
		}
		for i := 0; i < 2*n; i++ {
			if v, ok := m[keys[i]]; ok {
				sum += v
			}
		}
		for i := 0; i < n; i += 3 {
			delete(m, keys[i])
		}
		for i := 0; i < 2*n; i += 2 {
			if v, ok := m[keys[i]]; ok {
				sum += v
			} else {
				sum++
			}
		}
		sum += len(m)
	}
	fmt.Println(sum)
}
