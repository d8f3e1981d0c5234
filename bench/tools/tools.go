//go:build tools

// Package tools pins the Go programs the benchmark harness builds for itself:
// gopy (the contender) and goimports (which gopy runs). scripts/bench builds
// them from this module with `go build`, so their versions live in go.mod.
package tools

import (
	_ "github.com/go-python/gopy"
	_ "golang.org/x/tools/cmd/goimports"
)
