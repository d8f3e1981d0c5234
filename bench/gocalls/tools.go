//go:build tools

// Package tools pins the protobuf code generators the gRPC contender's Go stubs are generated
// with at bench time (go build -o BIN these two).
package tools

import (
	_ "google.golang.org/grpc/cmd/protoc-gen-go-grpc"
	_ "google.golang.org/protobuf/cmd/protoc-gen-go"
)
