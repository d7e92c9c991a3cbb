// steady_state: allocates in a loop with a bounded live set, the shape of a
// long-running server. A ring of 50 000 slots holds the live objects; every
// iteration allocates a new object (a struct, a small slice, a short string
// and a link to an older object) and overwrites one slot, dropping what it
// held. Run it long enough (the iteration count is the first argument,
// default 10 000 000) to reach a steady state and watch pause times and RSS
// stay flat.
package main

import (
	"fmt"
	"os"
)

type Obj struct {
	id      int
	payload []int
	label   string
	prev    *Obj
}

var labels = []string{"a", "bb", "ccc", "dddd", "eeeee", "ffffff"}

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
	iters := argInt(10000000)
	ringSize := 50000
	ring := make([]*Obj, ringSize)
	sum := 0
	for i := 0; i < iters; i++ {
		slot := (i * 7919) % ringSize
		old := ring[slot]
		o := &Obj{id: i, payload: make([]int, 4+i%8), label: labels[i%6] + labels[(i/6)%6]}
		o.payload[0] = i % 1000
		if old != nil {
			sum += old.payload[0] + len(old.label)
			// Link to a surviving neighbour so the live set is a graph,
			// not only a flat array. The chain is cut at depth one to keep
			// the live set bounded.
			o.prev = ring[(slot+1)%ringSize]
			if o.prev != nil {
				o.prev.prev = nil
			}
		}
		ring[slot] = o
		if sum > 1000000000 {
			sum -= 1000000000
		}
	}
	live := 0
	for _, o := range ring {
		if o != nil {
			live += len(o.payload)
		}
	}
	fmt.Println(sum)
	fmt.Println(live)
}
