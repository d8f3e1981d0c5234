"""The outliers case, Python -> Go: a large series with a few planted outliers is handed to
Go's z-score detector without a copy, and the indices come back.

    PYTHONPATH=out python3 samples/outliers/demo.py [N]      (N defaults to 10,000,000)

With numpy (CPython) the series is a numpy array; where numpy is missing (Debian's PyPy) it
is an array.array('d'), which crosses without a copy just the same.
"""

import array
import platform
import random
import sys
import time

import outliers

try:
    import numpy
except ImportError:
    numpy = None


def series(n, planted, seed=1):
    """n values uniform in [-1, 1) (no natural outliers at 3 sigma), with spikes of +-50 at the
    planted indices."""
    if numpy is not None:
        data = numpy.random.default_rng(seed).uniform(-1.0, 1.0, n)
        for k, i in enumerate(planted):
            data[i] = 50.0 if k % 2 == 0 else -50.0
        return data
    rng = random.Random(seed)
    data = array.array("d", (rng.uniform(-1.0, 1.0) for _ in range(n)))
    for k, i in enumerate(planted):
        data[i] = 50.0 if k % 2 == 0 else -50.0
    return data


def main(argv):
    n = int(argv[0]) if argv else 10_000_000
    planted = sorted({n // 7, n // 3, n // 2 + 1, (5 * n) // 7, n - 2})
    impl = "%s %s" % (platform.python_implementation(), platform.python_version())
    t0 = time.perf_counter()
    data = series(n, planted)
    made = time.perf_counter() - t0
    kind = "numpy.ndarray" if numpy is not None else "array.array('d')"
    print("interpreter: %s" % impl)
    print("series:      %d float64 values in a %s (%.2f s to generate)" % (n, kind, made))
    print("planted:     %s" % planted)

    t0 = time.perf_counter()
    found = outliers.Detect(data)  # Go reads the buffer in place: no copy, no conversion
    took = time.perf_counter() - t0
    print("found:       %s" % list(found))
    print("Detect took: %.4f s (%.1f ns per value)" % (took, took / n * 1e9))

    if numpy is not None:
        t0 = time.perf_counter()
        z = numpy.abs(data - data.mean()) / data.std()
        by_numpy = numpy.flatnonzero(z > outliers.DefaultThreshold)
        took_np = time.perf_counter() - t0
        print("numpy alone: %.4f s, same indices: %s" % (took_np, list(by_numpy) == list(found)))
    return 0 if list(found) == planted else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
