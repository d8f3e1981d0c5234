// Command outliers_py is the article's case end to end: a Go program hands 10^6 float64 values
// to the Python function outliers.detect (numpy, z-score) through the Go package gpic generates
// from outliers.gpi, and prints the outlier indices and how long the call took.
//
//	gpic build outliers.gpi --target go -o ../../out/outliers_go
//	PYTHONPATH=. go run . [-n N] [-threshold T] [-dump FILE]
//
// scripts/demo does both. The series is a sine wave with uniform noise (no value is naturally
// more than 3 standard deviations out) and spikes planted at known indices, so the indices
// printed are the planted ones.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"time"

	"outliers"
)

// planted are the indices of the spikes, as fractions of the series' length.
var planted = []float64{0.0001, 0.123, 0.25, 0.5, 0.618, 0.75, 0.999}

func series(n int) []float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]float64, n)
	for i := range data {
		data[i] = math.Sin(float64(i)*1e-3) + rng.Float64() - 0.5
	}
	for k, f := range planted {
		i := int(f * float64(n))
		if k%2 == 0 {
			data[i] = 40
		} else {
			data[i] = -40
		}
	}
	return data
}

// dump writes data as little-endian float64s, for numpy.fromfile: the test calls the Python
// function directly on the same values and compares the indices.
func dump(path string, data []float64) error {
	buf := make([]byte, 8*len(data))
	for i, v := range data {
		binary.LittleEndian.PutUint64(buf[8*i:], math.Float64bits(v))
	}
	return os.WriteFile(path, buf, 0o644)
}

func main() {
	n := flag.Int("n", 1_000_000, "number of values")
	threshold := flag.Float64("threshold", 3.0, "z-score above which a value is an outlier")
	dumpPath := flag.String("dump", "", "also write the values to this file (little-endian float64)")
	flag.Parse()

	data := series(*n)
	if *dumpPath != "" {
		if err := dump(*dumpPath, data); err != nil {
			fmt.Fprintln(os.Stderr, "outliers_py:", err)
			os.Exit(1)
		}
	}
	// The first call starts Python and imports numpy; time a warm call, as a service would see it.
	if err := outliers.Noop(); err != nil {
		fmt.Fprintln(os.Stderr, "outliers_py:", err)
		os.Exit(1)
	}
	start := time.Now()
	indices, err := outliers.Detect(data, *threshold)
	took := time.Since(start)
	if err != nil {
		fmt.Fprintln(os.Stderr, "outliers_py:", err)
		os.Exit(1)
	}
	fmt.Printf("outliers at: %v\n", indices)
	fmt.Printf("detect on %d values took %v\n", len(data), took)
}
