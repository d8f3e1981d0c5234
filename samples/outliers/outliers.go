// Package outliers finds outliers in a series by their z-score: the values farther than a
// threshold (3 by default) standard deviations from the mean. It is the Go side of the
// outliers case, called from Python with a large numpy array that crosses without a copy.
package outliers

import (
	"errors"
	"fmt"
	"math"
)

// DefaultThreshold is the z-score above which Detect reports a value.
const DefaultThreshold = 3.0

// Detect returns the indices, in increasing order, of the values of data whose z-score
// exceeds DefaultThreshold.
func Detect(data []float64) ([]int, error) { return DetectWith(data, DefaultThreshold) }

// DetectWith is Detect with a chosen threshold.
func DetectWith(data []float64, threshold float64) ([]int, error) {
	if len(data) == 0 {
		return nil, errors.New("outliers: empty input")
	}
	if !(threshold > 0) {
		return nil, fmt.Errorf("outliers: threshold %g is not positive", threshold)
	}
	mean, std, err := stats(data)
	if err != nil {
		return nil, err
	}
	indices := []int{}
	limit := threshold * std
	for i, x := range data {
		if math.Abs(x-mean) > limit {
			indices = append(indices, i)
		}
	}
	return indices, nil
}

// ZScores returns the z-score of every value.
func ZScores(data []float64) ([]float64, error) {
	if len(data) == 0 {
		return nil, errors.New("outliers: empty input")
	}
	mean, std, err := stats(data)
	if err != nil {
		return nil, err
	}
	z := make([]float64, len(data))
	for i, x := range data {
		z[i] = (x - mean) / std
	}
	return z, nil
}

// stats returns the mean and the population standard deviation (two passes, for accuracy).
func stats(data []float64) (mean, std float64, err error) {
	sum := 0.0
	for i, x := range data {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, 0, fmt.Errorf("outliers: value %d is %g", i, x)
		}
		sum += x
	}
	mean = sum / float64(len(data))
	ss := 0.0
	for _, x := range data {
		d := x - mean
		ss += d * d
	}
	std = math.Sqrt(ss / float64(len(data)))
	if std == 0 {
		return 0, 0, errors.New("outliers: zero variance (all values are equal)")
	}
	return mean, std, nil
}
