// Package gpicbench is the Go code every contender of gpic's benchmark binds:
// gpic (through the .gpi files beside this file), gopy (directly from this
// package) and the hand-written floors (bench/floors, which call it from
// //export functions). One package, so every contender runs the same Go.
package gpicbench

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"math/rand"
	"runtime"
	"sync"
	"time"
)

// Add returns a + b: the smallest call that carries data both ways.
func Add(a, b int) int { return a + b }

// Noop does nothing: the cost of the call itself.
func Noop() {}

// Concat returns a + b: one string in each direction.
func Concat(a, b string) string { return a + b }

// Fail returns an error with the given message when msg is not empty.
func Fail(msg string) error {
	if msg == "" {
		return nil
	}
	return errors.New(msg)
}

// Point is a small struct held by handle on the Python side.
type Point struct {
	X, Y float64
}

// NewPoint makes a Point.
func NewPoint(x, y float64) *Point { return &Point{X: x, Y: y} }

// Manhattan is a method call with a pointer receiver.
func (p *Point) Manhattan() float64 { return math.Abs(p.X) + math.Abs(p.Y) }

// Call calls f(x) and returns its result: a Go -> Python -> Go round trip.
func Call(f func(x int) int, x int) int { return f(x) }

// Sum adds the elements of xs in order.
func Sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// Ints returns the slice 0, 1, ..., n-1.
func Ints(n int) []int {
	r := make([]int, n)
	for i := range r {
		r[i] = i
	}
	return r
}

// XXH64's five primes.
const (
	prime1 uint64 = 11400714785074694791
	prime2 uint64 = 14029467366897019727
	prime3 uint64 = 1609587929392839161
	prime4 uint64 = 9650029242287828579
	prime5 uint64 = 2870177450012600261
)

// Sum64 returns the XXH64 hash (seed 0) of b: a real 64-bit hash that reads b
// eight bytes at a time in four lanes, fast enough that a copy of b on the way
// in shows. It only reads b, which bench_bytes.gpi declares.
func Sum64(b []byte) uint64 {
	n := len(b)
	var h uint64
	if n >= 32 {
		v1, v2, v3, v4 := prime1, prime2, uint64(0), uint64(0)
		v1 += prime2 // wraps, as the algorithm means (a constant expression would not compile)
		v4 -= prime1
		for len(b) >= 32 {
			v1 = xxRound(v1, binary.LittleEndian.Uint64(b[0:8]))
			v2 = xxRound(v2, binary.LittleEndian.Uint64(b[8:16]))
			v3 = xxRound(v3, binary.LittleEndian.Uint64(b[16:24]))
			v4 = xxRound(v4, binary.LittleEndian.Uint64(b[24:32]))
			b = b[32:]
		}
		h = bits.RotateLeft64(v1, 1) + bits.RotateLeft64(v2, 7) + bits.RotateLeft64(v3, 12) + bits.RotateLeft64(v4, 18)
		h = xxMerge(h, v1)
		h = xxMerge(h, v2)
		h = xxMerge(h, v3)
		h = xxMerge(h, v4)
	} else {
		h = prime5
	}
	h += uint64(n)
	for ; len(b) >= 8; b = b[8:] {
		h ^= xxRound(0, binary.LittleEndian.Uint64(b[0:8]))
		h = bits.RotateLeft64(h, 27)*prime1 + prime4
	}
	if len(b) >= 4 {
		h ^= uint64(binary.LittleEndian.Uint32(b[0:4])) * prime1
		h = bits.RotateLeft64(h, 23)*prime2 + prime3
		b = b[4:]
	}
	for _, c := range b {
		h ^= uint64(c) * prime5
		h = bits.RotateLeft64(h, 11) * prime1
	}
	h ^= h >> 33
	h *= prime2
	h ^= h >> 29
	h *= prime3
	h ^= h >> 32
	return h
}

func xxRound(acc, input uint64) uint64 {
	acc += input * prime2
	return bits.RotateLeft64(acc, 31) * prime1
}

func xxMerge(h, v uint64) uint64 {
	h ^= xxRound(0, v)
	return h*prime1 + prime4
}

// monteCarloPi is the worker of the gopy talk's calculatePi example.
func monteCarloPi(reps int, result *int, wait *sync.WaitGroup) {
	var x, y float64
	count := 0
	seed := rand.NewSource(time.Now().UnixNano())
	random := rand.New(seed)
	for i := 0; i < reps; i++ {
		x = random.Float64() * 1.0
		y = random.Float64() * 1.0
		if num := math.Sqrt(x*x + y*y); num < 1.0 {
			count++
		}
	}
	*result = count
	wait.Done()
}

// GetPI estimates pi from samples random points, one goroutine per core,
// exactly as in the gopy talk (2017).
func GetPI(samples int) float64 {
	cores := runtime.NumCPU()
	runtime.GOMAXPROCS(cores)
	var wait sync.WaitGroup
	counts := make([]int, cores)
	wait.Add(cores)
	for i := 0; i < cores; i++ {
		go monteCarloPi(samples/cores, &counts[i], &wait)
	}
	wait.Wait()
	total := 0
	for i := 0; i < cores; i++ {
		total += counts[i]
	}
	return (float64(total) / float64(samples)) * 4
}
