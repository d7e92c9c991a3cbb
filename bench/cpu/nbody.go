// nbody: the Computer Language Benchmarks Game n-body simulation of the
// Jovian planets. Measures float64 arithmetic, struct field access through
// pointers and math.Sqrt. Prints the system energy before and after.
//
// The constants are variables on purpose: Go folds constant expressions with
// exact arithmetic, Lua evaluates them in float64, so only run-time float64
// arithmetic gives both languages the same bits.
package main

import (
	"fmt"
	"math"
)

type Body struct {
	x, y, z, vx, vy, vz, mass float64
}

func newSystem() []*Body {
	pi := 3.141592653589793
	solarMass := 4 * pi * pi
	daysPerYear := 365.24
	sun := &Body{0, 0, 0, 0, 0, 0, solarMass}
	jupiter := &Body{
		4.84143144246472090e+00,
		-1.16032004402742839e+00,
		-1.03622044471123109e-01,
		1.66007664274403694e-03 * daysPerYear,
		7.69901118419740425e-03 * daysPerYear,
		-6.90460016972063023e-05 * daysPerYear,
		9.54791938424326609e-04 * solarMass,
	}
	saturn := &Body{
		8.34336671824457987e+00,
		4.12479856412430479e+00,
		-4.03523417114321381e-01,
		-2.76742510726862411e-03 * daysPerYear,
		4.99852801234917238e-03 * daysPerYear,
		2.30417297573763929e-05 * daysPerYear,
		2.85885980666130812e-04 * solarMass,
	}
	uranus := &Body{
		1.28943695621391310e+01,
		-1.51111514016986312e+01,
		-2.23307578892655734e-01,
		2.96460137564761618e-03 * daysPerYear,
		2.37847173959480950e-03 * daysPerYear,
		-2.96589568540237556e-05 * daysPerYear,
		4.36624404335156298e-05 * solarMass,
	}
	neptune := &Body{
		1.53796971148509165e+01,
		-2.59193146099879641e+01,
		1.79258772950371181e-01,
		2.68067772490389322e-03 * daysPerYear,
		1.62824170038242295e-03 * daysPerYear,
		-9.51592254519715870e-05 * daysPerYear,
		5.15138902046611451e-05 * solarMass,
	}
	bodies := []*Body{sun, jupiter, saturn, uranus, neptune}
	px, py, pz := 0.0, 0.0, 0.0
	for _, b := range bodies {
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	sun.vx = -px / solarMass
	sun.vy = -py / solarMass
	sun.vz = -pz / solarMass
	return bodies
}

func advance(bodies []*Body, dt float64) {
	n := len(bodies)
	for i := 0; i < n; i++ {
		bi := bodies[i]
		for j := i + 1; j < n; j++ {
			bj := bodies[j]
			dx := bi.x - bj.x
			dy := bi.y - bj.y
			dz := bi.z - bj.z
			dsq := dx*dx + dy*dy + dz*dz
			dist := math.Sqrt(dsq)
			mag := dt / (dsq * dist)
			bm := bj.mass * mag
			bi.vx -= dx * bm
			bi.vy -= dy * bm
			bi.vz -= dz * bm
			bm = bi.mass * mag
			bj.vx += dx * bm
			bj.vy += dy * bm
			bj.vz += dz * bm
		}
	}
	for i := 0; i < n; i++ {
		b := bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func energy(bodies []*Body) float64 {
	e := 0.0
	n := len(bodies)
	for i := 0; i < n; i++ {
		bi := bodies[i]
		e += 0.5 * bi.mass * (bi.vx*bi.vx + bi.vy*bi.vy + bi.vz*bi.vz)
		for j := i + 1; j < n; j++ {
			bj := bodies[j]
			dx := bi.x - bj.x
			dy := bi.y - bj.y
			dz := bi.z - bj.z
			e -= (bi.mass * bj.mass) / math.Sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func main() {
	steps := 500000
	bodies := newSystem()
	fmt.Printf("%.9f\n", energy(bodies))
	for i := 0; i < steps; i++ {
		advance(bodies, 0.01)
	}
	fmt.Printf("%.9f\n", energy(bodies))
}
