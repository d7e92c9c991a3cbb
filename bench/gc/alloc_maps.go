// alloc_maps: an allocation-heavy workload of maps, strings and small
// records. Each round builds a map[string]*Record from freshly concatenated
// keys (itoa by repeated one-digit concatenation makes lots of short-lived
// strings), appends substrings to per-record slices, and keeps the last four
// rounds' maps alive, so the live heap is a few maps while the garbage is
// everything else.
package main

import "fmt"

type Record struct {
	name  string
	tags  []string
	score int
}

var digits = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = digits[n%10] + s
		n = n / 10
	}
	return s
}

func main() {
	rounds := 20
	perRound := 40000
	keep := make([]map[string]*Record, 4)
	sum := 0
	for round := 0; round < rounds; round++ {
		m := make(map[string]*Record)
		for i := 0; i < perRound; i++ {
			name := "user" + itoa(i*31%10007) + "-" + itoa(round%7)
			r := m[name]
			if r == nil {
				r = &Record{name: name}
				m[name] = r
			}
			r.tags = append(r.tags, name[:1+i%5])
			r.score += len(name) + i%3
		}
		keep[round%4] = m
		for _, r := range m {
			sum += r.score + len(r.tags)
		}
		sum += len(m)
	}
	live := 0
	for _, m := range keep {
		live += len(m)
	}
	fmt.Println(sum)
	fmt.Println(live)
}
