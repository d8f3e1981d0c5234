"""The gRPC contender's server: samples/outliers_py/outliers.py's detect and noop behind the
Outliers service of outliers.proto, on loopback.

    python3 grpc_server.py PB_DIR PORT_FILE

PB_DIR holds the stubs grpc_tools.protoc generated at bench time; the server binds an
ephemeral port on 127.0.0.1 and writes it to PORT_FILE once it serves.
"""
import concurrent.futures
import os
import sys

import grpc
import numpy as np

sys.path.insert(0, sys.argv[1])
import outliers  # noqa: E402  (samples/outliers_py on PYTHONPATH)
import outliers_pb2  # noqa: E402
import outliers_pb2_grpc  # noqa: E402

MAX_MESSAGE = 64 << 20  # 10^6 float64 is 8 MB: above gRPC's default 4 MB limit


class Outliers(outliers_pb2_grpc.OutliersServicer):
    def Detect(self, request, context):
        data = np.asarray(request.data, dtype=np.float64)
        indices = outliers.detect(data, request.threshold)
        return outliers_pb2.DetectResponse(indices=indices.tolist())

    def Noop(self, request, context):
        outliers.noop()
        return outliers_pb2.NoopResponse()


def main():
    server = grpc.server(concurrent.futures.ThreadPoolExecutor(max_workers=2),
                         options=[("grpc.max_receive_message_length", MAX_MESSAGE),
                                  ("grpc.max_send_message_length", MAX_MESSAGE)])
    outliers_pb2_grpc.add_OutliersServicer_to_server(Outliers(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(port))
    os.replace(tmp, sys.argv[2])
    server.wait_for_termination()


if __name__ == "__main__":
    main()
