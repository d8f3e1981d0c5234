"""The gopy talk's comparison (2017): π by Monte Carlo in pure Python with multiprocessing,
against the Go package bound by gpic. Runs on CPython 3 and PyPy 3 alike.

    PYTHONPATH=out python3 samples/calculatePi/demo.py [N ...]
"""

import multiprocessing
import platform
import random
import sys
import time

import calculatePi


def monte_carlo_pi_part(n):
    count = 0
    for _ in range(int(n)):
        x = random.random()
        y = random.random()
        # if it is within the unit circle
        if x * x + y * y <= 1:
            count += 1
    return count


def get_pi(n, pool, processes):
    part_count = [n // processes + (1 if i < n % processes else 0) for i in range(processes)]
    count = pool.map(monte_carlo_pi_part, part_count)
    return sum(count) / (n * 1.0) * 4


def main(argv):
    sizes = [int(a) for a in argv] or [100_000, 1_000_000, 10_000_000]
    processes = multiprocessing.cpu_count()
    impl = "%s %s" % (platform.python_implementation(), platform.python_version())
    print("interpreter: %s   cores: %d" % (impl, processes))
    print("%12s  %-24s  %-24s  %s" % ("n", "pure Python (multiproc.)", "gpic (Go)", "speed-up"))
    with multiprocessing.Pool(processes=processes) as pool:
        pool.map(monte_carlo_pi_part, [1] * processes)  # start the workers before timing
        for n in sizes:
            t0 = time.perf_counter()
            py_result = get_pi(n, pool, processes)
            py_time = time.perf_counter() - t0
            t0 = time.perf_counter()
            go_result = calculatePi.GetPI(n)
            go_time = time.perf_counter() - t0
            print("%12d  %8.6f in %9.4f s   %8.6f in %9.4f s   %6.1fx"
                  % (n, py_result, py_time, go_result, go_time, py_time / go_time))


if __name__ == "__main__":
    main(sys.argv[1:])
