//go:build floor

package main

import "example.com/gpicbench/gocalls/floor"

type floorContender struct{}

func (floorContender) Noop() error { return floor.Noop() }

func (floorContender) Detect(data []float64, threshold float64) ([]int64, error) {
	return floor.Detect(data, threshold)
}

func init() {
	name = "floor"
	if err := floor.Init("outliers"); err != nil {
		panic(err)
	}
	impl = floorContender{}
}
