package concurrency

import (
	"iter"
	"sync/atomic"
	"time"
)

// Channels and iterators of the concurrency sample (docs/en/concurrency.md, "Channels" and "Go
// iterators"): a producer of a channel, and an iter.Seq generator whose defer Python observes.

// Ticks sends 0..n-1 on the channel it returns, one every `every`, then closes it.
func Ticks(n int, every time.Duration) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			time.Sleep(every)
			ch <- i
		}
	}()
	return ch
}

// SumAll receives numbers until the channel is closed and returns their sum.
func SumAll(numbers <-chan int) int {
	total := 0
	for v := range numbers {
		total += v
	}
	return total
}

var primesStopped atomic.Int64

// Primes yields the primes below limit, lazily; its deferred code counts in PrimesStopped,
// whether the loop ran to the end or the caller stopped it early.
func Primes(limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer primesStopped.Add(1)
		for n := 2; n < limit; n++ {
			prime := true
			for d := 2; d*d <= n; d++ {
				if n%d == 0 {
					prime = false
					break
				}
			}
			if prime && !yield(n) {
				return
			}
		}
	}
}

// PrimesStopped counts the Primes loops that have ended (their deferred code ran).
func PrimesStopped() int { return int(primesStopped.Load()) }
