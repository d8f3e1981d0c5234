// Package calculatePi estimates π by the Monte Carlo method, one goroutine per core: the
// example from the 2017 gopy talk, which showed a Go module 10× faster than Python.
package calculatePi

import (
	"math/rand"
	"runtime"
	"sync"
	"time"
)

// monteCarloPi throws reps random points at the unit square and counts those that land
// inside the quarter circle.
func monteCarloPi(reps int, seed int64) int {
	random := rand.New(rand.NewSource(seed))
	count := 0
	for i := 0; i < reps; i++ {
		x, y := random.Float64(), random.Float64()
		if x*x+y*y < 1.0 {
			count++
		}
	}
	return count
}

// GetPI estimates π from samples random points, split across all cores.
func GetPI(samples int) float64 {
	if samples <= 0 {
		return 0
	}
	cores := runtime.NumCPU()
	counts := make([]int, cores)
	var wait sync.WaitGroup
	seed := time.Now().UnixNano()
	for i := 0; i < cores; i++ {
		// The first samples%cores goroutines take one extra point, so every sample is thrown.
		reps := samples / cores
		if i < samples%cores {
			reps++
		}
		wait.Add(1)
		go func(i, reps int) {
			defer wait.Done()
			counts[i] = monteCarloPi(reps, seed+int64(i))
		}(i, reps)
	}
	wait.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	return float64(total) / float64(samples) * 4
}

// Cores reports how many goroutines GetPI runs at once.
func Cores() int { return runtime.NumCPU() }
