// Command driver times one contender of the Go -> Python benchmark: the same outliers.detect
// (samples/outliers_py/outliers.py) called from Go through gpic's generated package (-tags gpic),
// the hand-written cgo floor (-tags floor) or gRPC (-tags grpc). Each build links one contender,
// so that each runs alone in its own process with its own Python.
//
//	driver -workload noop|detect [-data FILE] [-target SECONDS] [-samples S]
//
// FILE holds the series as little-endian float64s (the harness writes it). The driver finds how
// many calls take about SECONDS (as Python's timeit does), then times S samples of that many. The output is one JSON object: the seconds per call of every sample, and the indices
// the first detect call returned (the harness checks that every contender finds the same).
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"time"
)

// contender is what each build-tagged file provides.
type contender interface {
	Noop() error
	Detect(data []float64, threshold float64) ([]int64, error)
}

// impl is set by the build-tagged file's init; name says which it is.
var (
	impl contender
	name string
)

const threshold = 3.0

func readSeries(path string) ([]float64, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data := make([]float64, len(raw)/8)
	for i := range data {
		data[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return data, nil
}

type result struct {
	Contender string    `json:"contender"`
	Workload  string    `json:"workload"`
	N         int       `json:"n"`
	Calls     int       `json:"calls"`
	Samples   []float64 `json:"samples"`
	Indices   []int64   `json:"indices"` // null for noop
}

func run() error {
	dataPath := flag.String("data", "", "the series, little-endian float64 (detect)")
	target := flag.Float64("target", 0.2, "seconds each sample should take")
	samples := flag.Int("samples", 5, "samples")
	workload := flag.String("workload", "noop", "noop or detect")
	flag.Parse()
	if impl == nil {
		return fmt.Errorf("built without a contender: use -tags gpic, floor or grpc")
	}
	var data []float64
	if *workload == "detect" {
		var err error
		if data, err = readSeries(*dataPath); err != nil {
			return err
		}
	}
	call := func() error { return impl.Noop() }
	res := result{Contender: name, Workload: *workload, N: len(data)}
	switch *workload {
	case "noop":
	case "detect":
		call = func() error {
			_, err := impl.Detect(data, threshold)
			return err
		}
	default:
		return fmt.Errorf("unknown workload %q", *workload)
	}
	// Warm up (Python starts, numpy imports, the connection opens) and keep the answer.
	if err := impl.Noop(); err != nil {
		return err
	}
	if *workload == "detect" {
		idx, err := impl.Detect(data, threshold)
		if err != nil {
			return err
		}
		res.Indices = idx
		if res.Indices == nil {
			res.Indices = []int64{}
		}
	}
	batch := func(calls int) (float64, error) {
		start := time.Now()
		for k := 0; k < calls; k++ {
			if err := call(); err != nil {
				return 0, err
			}
		}
		return time.Since(start).Seconds(), nil
	}
	// Calibrate: grow the batch tenfold until it takes a tenth of the target, then scale.
	calls := 1
	for {
		took, err := batch(calls)
		if err != nil {
			return err
		}
		if took >= *target/10 || calls >= 1<<30 {
			calls = max(1, int(float64(calls)**target/max(took, 1e-9)))
			break
		}
		calls *= 10
	}
	res.Calls = calls
	for s := 0; s < *samples; s++ {
		took, err := batch(calls)
		if err != nil {
			return err
		}
		res.Samples = append(res.Samples, took/float64(calls))
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}
