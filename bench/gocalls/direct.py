"""The interpreter's own floor of the Go -> Python benchmark: outliers.detect and noop called
directly from Python, with the driver's protocol and output (bench/gocalls/driver/main.go).

    python3 direct.py -workload noop|detect [-data FILE] [-target SECONDS] [-samples S]
"""
import argparse
import json
import sys
import time

import numpy as np

import outliers  # samples/outliers_py on PYTHONPATH

THRESHOLD = 3.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-data")
    ap.add_argument("-target", type=float, default=0.2)
    ap.add_argument("-samples", type=int, default=5)
    ap.add_argument("-workload", default="noop", choices=["noop", "detect"])
    a = ap.parse_args()
    res = {"contender": "python", "workload": a.workload, "samples": [], "n": 0}
    detect, noop = outliers.detect, outliers.noop
    clock = time.perf_counter
    if a.workload == "detect":
        data = np.fromfile(a.data, dtype="<f8")
        res["n"] = len(data)
        res["indices"] = detect(data, THRESHOLD).tolist()

        def batch(n):
            start = clock()
            for _ in range(n):
                detect(data, THRESHOLD)
            return clock() - start
    else:
        def batch(n):
            start = clock()
            for _ in range(n):
                noop()
            return clock() - start
    # Calibrate as the Go driver does: tenfold until a tenth of the target, then scale.
    calls = 1
    while True:
        took = batch(calls)
        if took >= a.target / 10 or calls >= 1 << 30:
            calls = max(1, int(calls * a.target / max(took, 1e-9)))
            break
        calls *= 10
    res["calls"] = calls
    for _ in range(a.samples):
        res["samples"].append(batch(calls) / calls)
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
