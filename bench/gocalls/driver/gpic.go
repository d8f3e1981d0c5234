//go:build gpic

package main

import "outliers"

type gpicContender struct{}

func (gpicContender) Noop() error { return outliers.Noop() }

func (gpicContender) Detect(data []float64, threshold float64) ([]int64, error) {
	return outliers.Detect(data, threshold)
}

func init() {
	name = "gpic"
	impl = gpicContender{}
}
