// Stop-the-world pauses with a large live heap: records (a struct, a slice, a string each,
// ~400 bytes under gol, ~100 under Go) in shards, replaced at random by goroutines so that
// collections keep running while the heap stays full. The first argument is the live heap in
// MiB (default 64), measured with runtime.ReadMemStats on each implementation; the second how
// many times over the records are replaced (default 3);
// bench/gc/pauses.py runs it under GOLDEBUG=gctrace=1 / GODEBUG=gctrace=1 and reports the pause
// percentiles of gol's concurrent and stop-the-world modes and of Go.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

type Rec struct {
	id   int
	next *Rec
	data []int
	name string
}

func newRec(id int, next *Rec) *Rec {
	return &Rec{id: id, next: next, data: []int{id, id + 1, id + 2, id + 3}, name: "r" + strconv.Itoa(id%1000)}
}

const shards = 4

func fill(shard []*Rec, base int) {
	var prev *Rec
	for i := range shard {
		r := newRec(base+i, prev)
		if i%64 == 0 {
			r.next = nil // short chains: the heap is wide, not one deep list
		}
		shard[i] = r
		prev = r
	}
}

// Replaces records at pseudo-random positions: each replacement makes ~256 bytes of garbage.
func mutate(shard []*Rec, rounds int, seed uint32, sum *int, wg *sync.WaitGroup) {
	defer wg.Done()
	x := seed
	s := 0
	for r := 0; r < rounds; r++ {
		x = x*1664525 + 1013904223
		i := int(x>>8) % len(shard)
		old := shard[i]
		s += old.data[3] - old.id
		shard[i] = newRec(old.id, nil)
	}
	*sum = s
}

// bytesPerRec measures what one record costs on this implementation's heap (gol's objects are
// larger than Go's), so that the live heap asked for is the live heap built.
func bytesPerRec() int {
	const probe = 1 << 16
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	recs := make([]*Rec, probe)
	fill(recs, 0)
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := int(after.HeapAlloc-before.HeapAlloc) / probe
	if recs[probe-1] == nil || per < 1 {
		per = 1
	}
	return per
}

func main() {
	mb, turnover := 64, 3
	if len(os.Args) > 1 {
		mb, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		turnover, _ = strconv.Atoi(os.Args[2])
	}
	per := bytesPerRec()
	n := (mb << 20) / per / shards
	recs := make([][]*Rec, shards)
	for s := range recs {
		recs[s] = make([]*Rec, n)
		fill(recs[s], s*n)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "pauses: %d records of %d bytes, live heap %d MiB\n", n*shards, per, ms.HeapAlloc>>20)
	// Each shard's records are replaced `turnover` times over (on average): turnover times the
	// live heap in garbage, about that many collections at any heap size.
	rounds := turnover * n
	sums := make([]int, shards)
	var wg sync.WaitGroup
	for s := 0; s < shards; s++ {
		wg.Add(1)
		go mutate(recs[s], rounds, uint32(s+1), &sums[s], &wg)
	}
	wg.Wait()
	total := 0
	for _, v := range sums {
		total += v
	}
	fmt.Println("records", n*shards, "replaced", rounds*shards, "check", total)
}
