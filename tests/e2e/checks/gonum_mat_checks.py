"""gonum's mat bound by tests/e2e/fixtures/real/gonum/mat.gpi (issue 11 §1, §5): NewDense keeps
the slice it is given (a numpy array stays the matrix's memory), None data is a new zero matrix,
At/Dims/T, Mul into a receiver, and a Python class implementing mat.Matrix; every expected
value is what gonum computed in Go (gonum_expected.py)."""

import array
import gc
import platform

import gomat
from gonum_expected import EXPECTED, GRID, SQUARE

try:
    import numpy as np
except ImportError:
    np = None

PYPY = platform.python_implementation() == "PyPy"


class Eye:
    """The n×n identity, as a Python implementation of mat.Matrix."""

    def __init__(self, n):
        self.n = n

    def Dims(self):
        return self.n, self.n

    def At(self, i, j):
        return 1.0 if i == j else 0.0

    def T(self):
        return self


def data(m):
    r, c = m.Dims()
    return [m.At(i, j) for i in range(r) for j in range(c)]


def check_new_dense_reads_its_data_row_major():
    d = gomat.NewDense(2, 3, GRID)
    assert d.Dims() == (2, 3)
    assert data(d) == GRID
    assert (d.At(0, 2), d.At(1, 0)) == (GRID[2], GRID[3])
    assert gomat.Det(gomat.NewDense(2, 2, SQUARE)) == EXPECTED["det"]
    assert gomat.NewDense(2, 2, SQUARE).Trace() == EXPECTED["trace"]
    assert gomat.Sum(d) == EXPECTED["sum_grid"] and gomat.Max(d) == EXPECTED["max_grid"]


def check_new_dense_keeps_its_slice():
    a = array.array("d", SQUARE)
    d = gomat.NewDense(2, 2, a)
    del a
    gc.collect()
    assert data(d) == SQUARE
    if not PYPY:  # PyPy lends Go a copy of an array.array (ABI.md): it cannot lock its buffer
        b = array.array("d", SQUARE)
        d = gomat.NewDense(2, 2, b)
        b[0] = 40.0
        assert d.At(0, 0) == 40.0
        d.Set(1, 1, 60.0)
        assert b[3] == 60.0
    if np is not None:
        x = np.array(GRID).reshape(2, 3)  # two-dimensional: its own memory, row-major
        d = gomat.NewDense(2, 3, x)
        x[1, 2] = 66.0
        assert d.At(1, 2) == 66.0
        assert list(d.RawRowView(1)) == [4.0, 5.0, 66.0]


def check_none_data_is_a_new_zero_matrix():
    d = gomat.NewDense(2, 2, None)
    assert data(d) == [0.0] * 4
    d.Set(0, 1, 3.0)
    assert d.At(0, 1) == 3.0


def check_transpose_and_mul_into_a_receiver():
    d = gomat.NewDense(2, 2, SQUARE)
    t = d.T()
    assert t.Dims() == (2, 2) and t.At(0, 1) == SQUARE[2]
    p = gomat.NewDense(2, 2, None)
    p.Mul(d, d)
    assert data(p) == EXPECTED["mul"]
    g = gomat.NewDense(2, 3, GRID)
    q = gomat.NewDense(2, 2, None)
    q.Mul(g, g.T())
    assert data(q) == EXPECTED["mul_gt"]


def check_a_python_class_implements_matrix():
    g = gomat.NewDense(2, 3, GRID)
    p = gomat.NewDense(2, 3, None)
    p.Mul(g, Eye(3))
    assert data(p) == EXPECTED["mul_eye"]
    assert gomat.Det(Eye(3)) == EXPECTED["det_eye3"]
    assert gomat.Sum(Eye(3)) == EXPECTED["sum_eye3"]
