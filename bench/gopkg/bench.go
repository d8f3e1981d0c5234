// Package gpicbench is the Go code every contender of gpic's benchmark binds:
// gpic (through the .gpi files beside this file), gopy (directly from this
// package) and the hand-written floors (bench/floors, which call it from
// //export functions). One package, so every contender runs the same Go.
package gpicbench

import (
	"errors"
	"math"
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
