// Package concurrency is gpic's sample of concurrent Go bound to Python: calls that wait or
// compute for a while, which Python awaits from asyncio (`await concurrency.aio.Fetch(...)`)
// while Go runs them on goroutines.
package concurrency

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// ErrNegative is returned by Fetch for a negative wait.
var ErrNegative = errors.New("concurrency: negative duration")

var cancelled atomic.Int64

// Fetch waits d, as an I/O-bound call would (a network request), and returns what it
// fetched. It honours ctx: when ctx is cancelled first it returns ctx's error at once.
func Fetch(ctx context.Context, d time.Duration) (string, error) {
	if d < 0 {
		return "", ErrNegative
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return fmt.Sprintf("fetched after %v", d), nil
	case <-ctx.Done():
		cancelled.Add(1)
		return "", ctx.Err()
	}
}

// Cancelled counts the Fetch calls whose context was cancelled before their wait was over.
func Cancelled() int64 { return cancelled.Load() }

// Collatz is a long CPU-bound computation: the total number of Collatz steps of every start
// value in [1, n].
func Collatz(n int64) int64 {
	var total int64
	for i := int64(1); i <= n; i++ {
		for x := i; x != 1; total++ {
			if x%2 == 0 {
				x /= 2
			} else {
				x = 3*x + 1
			}
		}
	}
	return total
}

// Sleep waits d, ignoring cancellation (it takes no context).
func Sleep(d time.Duration) { time.Sleep(d) }

// Checksum sums the bytes of data after waiting d: the buffer is read by Go after the wait,
// so it must stay valid for the whole call.
func Checksum(data []byte, d time.Duration) uint64 {
	time.Sleep(d)
	var s uint64
	for _, b := range data {
		s += uint64(b)
	}
	return s
}

// Fill writes v into every element of data after waiting d (Go writes into Python's buffer).
func Fill(data []float64, v float64, d time.Duration) {
	time.Sleep(d)
	for i := range data {
		data[i] = v
	}
}

// Explode panics with msg: a Go panic that Python sees as GoPanic.
func Explode(msg string) int {
	panic("concurrency: " + msg)
}

// Counter counts, from Python and Go alike.
type Counter struct {
	N int64
}

// Add adds k to the counter after waiting d, and returns the new count.
func (c *Counter) Add(k int64, d time.Duration) int64 {
	time.Sleep(d)
	return atomic.AddInt64(&c.N, k)
}
