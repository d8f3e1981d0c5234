//go:build grpc

package main

import (
	"context"
	"os"

	"example.com/gpicbench/gocalls/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// A series of 10^6 float64 is 8 MB on the wire: above gRPC's default 4 MB limit.
const maxMessage = 64 << 20

type grpcContender struct{ client pb.OutliersClient }

func (g grpcContender) Noop() error {
	_, err := g.client.Noop(context.Background(), &pb.NoopRequest{})
	return err
}

func (g grpcContender) Detect(data []float64, threshold float64) ([]int64, error) {
	r, err := g.client.Detect(context.Background(), &pb.DetectRequest{Data: data, Threshold: threshold})
	if err != nil {
		return nil, err
	}
	return r.Indices, nil
}

func init() {
	name = "grpc"
	// The harness starts the Python server and passes its address.
	conn, err := grpc.NewClient(os.Getenv("GOCALLS_GRPC_ADDR"),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessage), grpc.MaxCallSendMsgSize(maxMessage)))
	if err != nil {
		panic(err)
	}
	impl = grpcContender{client: pb.NewOutliersClient(conn)}
}
