"""gonum's floats bound by tests/e2e/fixtures/real/gonum/floats.gpi (issue 11 §1, §5): functions
that read a []float64, and ones that write their argument in place (a C-contiguous buffer,
two-dimensional too, is Go's memory for the call); every expected value is what gonum computed in
Go (gonum_expected.py)."""

import array

import gofloats
from gonum_expected import EXPECTED, GRID, X, Y

try:
    import numpy as np
except ImportError:
    np = None


def check_reductions():
    assert gofloats.Sum(GRID) == EXPECTED["sum"]
    assert gofloats.Dot(X, Y) == EXPECTED["dot"]
    assert gofloats.Max(GRID) == EXPECTED["max"]
    assert gofloats.MaxIdx(GRID) == EXPECTED["maxidx"]
    assert gofloats.Min(GRID) == EXPECTED["min"]
    assert gofloats.Norm(GRID, 2) == EXPECTED["norm2"]
    assert gofloats.Equal(X, list(X)) is True and gofloats.Equal(X, Y) is False
    assert gofloats.HasNaN([1.0, float("nan")]) is True and gofloats.HasNaN(X) is False
    assert gofloats.Count(lambda v: v > 2, GRID) == EXPECTED["count_gt2"]


def check_in_place_writes_land_in_the_callers_buffer():
    a = array.array("d", GRID)
    gofloats.Scale(2.5, a)
    assert list(a) == EXPECTED["scaled"]
    dst = array.array("d", X)
    gofloats.Add(dst, Y)
    assert list(dst) == EXPECTED["added"]
    out = array.array("d", bytes(8 * len(GRID)))
    assert list(gofloats.CumSum(out, GRID)) == EXPECTED["cumsum"] == list(out)
    assert list(gofloats.Span(array.array("d", bytes(40)), 0.0, 1.0)) == EXPECTED["span"]
    if np is not None:
        m = np.array(GRID).reshape(2, 3)
        gofloats.Scale(2.5, m)  # two-dimensional and C-contiguous: in place, row-major
        assert m.ravel().tolist() == EXPECTED["scaled"]


def check_integer_arrays_are_converted_exactly():
    assert gofloats.Dot(array.array("q", [int(v) for v in X]), Y) == EXPECTED["dot"]
    if np is not None:
        assert gofloats.Dot(np.array(X, dtype=np.int32), np.array(Y)) == EXPECTED["dot"]
        assert gofloats.Sum(np.array(GRID).reshape(2, 3).T) == EXPECTED["sum"]


def check_a_lossy_array_is_refused_naming_its_shape():
    try:
        gofloats.Sum(array.array("q", [2 ** 53 + 1, 0]))
    except TypeError as e:
        assert "float64" in str(e) and "shape (2,)" in str(e), str(e)
    else:
        raise AssertionError("a lossy int64 array was taken for []float64")
