"""The channel producer and the iter.Seq generator of samples/concurrency (streams.go), checked
inside each interpreter."""

import datetime
import gc
import platform

import concurrency

PYPY = platform.python_implementation() == "PyPy"


def check_ticks_channel_is_an_iterator():
    assert list(concurrency.Ticks(4, datetime.timedelta(milliseconds=2))) == [0, 1, 2, 3]


def check_sum_all_takes_a_go_channel_or_an_iterable():
    assert concurrency.SumAll(concurrency.Ticks(3, datetime.timedelta(0))) == 3
    assert concurrency.SumAll(x for x in range(101)) == 5050


def check_primes_is_lazy_and_stops_cleanly():
    before = concurrency.PrimesStopped()
    assert list(concurrency.Primes(30)) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    assert concurrency.PrimesStopped() == before + 1
    for p in concurrency.Primes(10 ** 9):  # stopping early: Go's loop ends, its defer runs
        if p > 100:
            break
    if PYPY:
        gc.collect()
    assert concurrency.PrimesStopped() == before + 2
