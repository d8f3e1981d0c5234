"""gonum's stat bound by tests/e2e/fixtures/real/gonum/stat.gpi (issue 11 §1, §5): None weights
are Go's nil ("every weight is 1"), given weights are used, and numpy arrays of any layout are
taken; every expected value is what gonum computed in Go (gonum_expected.py)."""

import array

import gostat
from gonum_expected import DIVIDERS, EXPECTED, WEIGHTS, X, Y

try:
    import numpy as np
except ImportError:
    np = None


def check_nil_weights_are_unweighted():
    assert gostat.Mean(X, None) == EXPECTED["mean_nil"]
    assert gostat.Variance(X, None) == EXPECTED["variance_nil"]
    assert gostat.StdDev(X, None) == EXPECTED["stddev_nil"]
    assert gostat.Correlation(X, Y, None) == EXPECTED["correlation_nil"]
    assert list(gostat.LinearRegression(X, Y, None, False)) == EXPECTED["linreg_nil"]


def check_given_weights_are_used():
    assert gostat.Mean(X, WEIGHTS) == EXPECTED["mean_w"]
    assert gostat.Variance(array.array("d", X), array.array("d", WEIGHTS)) == EXPECTED["variance_w"]
    assert list(gostat.MeanVariance(X, WEIGHTS)) == EXPECTED["meanvariance_w"]
    assert gostat.Covariance(X, Y, WEIGHTS) == EXPECTED["covariance_w"]


def check_empty_weights_are_not_nil():
    # [] is an empty slice, not nil: gonum panics on the length mismatch, as in Go.
    try:
        gostat.Mean(X, [])
    except gostat.GoPanic as e:
        assert "length" in str(e), str(e)
    else:
        raise AssertionError("stat.Mean(x, []) did not panic")


def check_nil_destination_is_allocated():
    assert list(gostat.Histogram(None, DIVIDERS, X, None)) == EXPECTED["histogram_nil"]
    assert list(gostat.Histogram(None, DIVIDERS, X, WEIGHTS)) == EXPECTED["histogram_w"]


def check_integer_and_strided_arrays_are_taken():
    assert gostat.Mean(array.array("q", [int(v) for v in X]), None) == EXPECTED["mean_nil"]
    interleaved = array.array("d", [v for pair in zip(X, WEIGHTS) for v in pair])
    assert gostat.Mean(memoryview(interleaved)[::2], memoryview(interleaved)[1::2]) == EXPECTED["mean_w"]
    if np is not None:
        assert gostat.Mean(np.array(X, dtype=np.int64), None) == EXPECTED["mean_nil"]
        table = np.array([X, WEIGHTS]).T  # one row per sample: columns are strided views
        assert gostat.Mean(table[:, 0], table[:, 1]) == EXPECTED["mean_w"]
        assert gostat.Variance(np.array(X).reshape(2, 4), None) == EXPECTED["variance_nil"]
