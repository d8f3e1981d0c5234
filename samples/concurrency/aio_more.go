package concurrency

import (
	"sync/atomic"
	"time"
)

// Extend waits d, then appends k numbers to *xs, counting on from its last one (or 0), adds k
// to *total, and returns how many numbers *xs holds.
func Extend(xs *[]int, total *int, k int, d time.Duration) int {
	time.Sleep(d)
	next := 0
	if n := len(*xs); n > 0 {
		next = (*xs)[n-1]
	}
	for i := 1; i <= k; i++ {
		*xs = append(*xs, next+i)
	}
	*total += k
	return len(*xs)
}

// Celsius is a temperature in degrees Celsius.
type Celsius float64

// Fahrenheit is the temperature in degrees Fahrenheit, after waiting d.
func (c Celsius) Fahrenheit(d time.Duration) float64 {
	time.Sleep(d)
	return float64(c)*9/5 + 32
}

// Triple is three numbers, a value.
type Triple [3]int

// Sum is the sum of the three numbers, after waiting d.
func (t Triple) Sum(d time.Duration) int {
	time.Sleep(d)
	return t[0] + t[1] + t[2]
}

// Numbers are numbers Go holds.
type Numbers []int

// Len is how many numbers there are, after waiting d.
func (n Numbers) Len(d time.Duration) int {
	time.Sleep(d)
	return len(n)
}

// NewNumbers makes Numbers from values.
func NewNumbers(values []int) Numbers { return Numbers(values) }

// Meter is something that measures, for a while.
type Meter interface {
	Measure(d time.Duration) float64
}

type fixedMeter float64

func (m fixedMeter) Measure(d time.Duration) float64 {
	time.Sleep(d)
	return float64(m)
}

// NewMeter is a Meter implemented in Go that always measures v.
func NewMeter(v float64) Meter { return fixedMeter(v) }

var visitsUnwound atomic.Int64

// Visit waits d, then calls f with 1, 2, ..., n in turn and returns the sum of what it
// returned. When f fails (a Python callback raised), the failure unwinds Visit, whose
// deferred code counts it.
func Visit(n int, d time.Duration, f func(int) int) (sum int) {
	time.Sleep(d)
	finished := false
	defer func() {
		if !finished {
			visitsUnwound.Add(1)
		}
	}()
	for i := 1; i <= n; i++ {
		sum += f(i)
	}
	finished = true
	return sum
}

// VisitsUnwound is how many Visit calls a failing callback unwound.
func VisitsUnwound() int64 { return visitsUnwound.Load() }
