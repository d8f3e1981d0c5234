"""None as Go's nil and numeric buffers of other shapes (issue 11 §1), on
tests/e2e/fixtures/nilnum inside each interpreter: None for a slice, map, pointer, func or
interface parameter (also a field, a variable, a method's or a constructor's argument) reaches Go
as nil, and an empty sequence as an empty, non-nil value; a strided or multi-dimensional buffer
is read in row-major order (in place when C-contiguous, else one copy); a buffer of other
numbers is converted by value when every value converts exactly, and is otherwise refused with
its element type, shape and strides. Where numpy is missing (Debian's PyPy) the cases use
array.array and memoryview, so every case runs on every interpreter."""

import array
import platform

import nilnum

try:
    import numpy as np
except ImportError:
    np = None

PYPY = platform.python_implementation() == "PyPy"


def raises(exc_type, fn, *args, match=()):
    try:
        fn(*args)
    except exc_type as e:
        for m in (match,) if isinstance(match, str) else match:
            assert m in str(e), "%r does not mention %r" % (str(e), m)
        return e
    except BaseException as e:
        raise AssertionError("%s%r raised %s(%s), not %s" % (fn.__name__, args, type(e).__name__, e,
                                                            exc_type.__name__))
    raise AssertionError("%s%r raised nothing, not %s" % (fn.__name__, args, exc_type.__name__))


def matrix(values, rows, cols):
    """A two-dimensional, C-contiguous memoryview over an array('d') of `values`."""
    a = array.array("d", values)
    return a, memoryview(a).cast("B").cast("d", (rows, cols))


# --- None is nil ------------------------------------------------------------------------------

def check_none_reaches_go_as_nil_for_every_nilable_parameter():
    for fn in (nilnum.Floats, nilnum.Bytes, nilnum.Strings, nilnum.Map, nilnum.Nested, nilnum.PointPtr,
               nilnum.IntPtr, nilnum.Func, nilnum.Iface):
        assert fn(None) == "nil", (fn.__name__, fn(None))


def check_an_empty_sequence_is_empty_not_nil():
    cases = [(nilnum.Floats, []), (nilnum.Floats, ()), (nilnum.Floats, array.array("d")),
             (nilnum.Floats, memoryview(array.array("d"))), (nilnum.Bytes, b""), (nilnum.Bytes, bytearray()),
             (nilnum.Strings, []), (nilnum.Map, {}), (nilnum.Nested, [])]
    if np is not None:
        cases += [(nilnum.Floats, np.zeros(0)), (nilnum.Floats, np.zeros((0, 3)))]
    for fn, value in cases:
        assert fn(value) == "len 0", (fn.__name__, value, fn(value))


def check_nil_weights_mean_unweighted_and_empty_weights_do_not():
    assert nilnum.Weighted([1.0, 2.0, 6.0], None) == 3.0
    assert nilnum.Weighted([1.0, 2.0], [1.0, 3.0]) == 1.75
    # [] is an empty, non-nil slice: gonum's length check panics, as it does in Go.
    raises(nilnum.GoPanic, nilnum.Weighted, [1.0, 2.0], [], match="slice length mismatch")


def check_none_for_fields_variables_methods_and_constructors_is_nil():
    b = nilnum.Bag()
    assert b.Describe() == "Items nil, Names nil, Tags nil", b.Describe()
    b = nilnum.Bag(Items=[], Names=[], Tags={})
    assert b.Describe() == "Items len 0, Names len 0, Tags len 0", b.Describe()
    b.Items, b.Names, b.Tags = [1.0], ["a"], {"a": 1}
    assert b.Describe() == "Items len 1, Names len 1, Tags len 1", b.Describe()
    b.Items, b.Names, b.Tags = None, None, None
    assert b.Describe() == "Items nil, Names nil, Tags nil", b.Describe()
    b = nilnum.Bag(Items=None, Names=None, Tags=None)
    assert b.Describe() == "Items nil, Names nil, Tags nil", b.Describe()
    assert b.Replace(None) == "nil" and b.Replace([]) == "len 0" and b.Replace([2.0]) == "len 1"
    assert nilnum.Weights == array.array("d", [1.0])
    nilnum.Weights = None
    assert nilnum.WeightsNil() is True
    nilnum.Weights = []
    assert nilnum.WeightsNil() is False
    m = nilnum.NewMatrix(2, 2, None)  # gonum's NewDense: nil data is a new zero matrix
    assert m.At(1, 1) == 0.0


def check_an_array_has_no_nil():
    raises(TypeError, nilnum.Triple, None, match=("'a'", "[3]int", "None"))
    assert nilnum.Triple([1, 2, 3]) == 6


def check_a_bad_argument_beside_a_none_is_the_one_named():
    raises(TypeError, nilnum.Weighted, None, "x", match="'weights'")
    raises(TypeError, nilnum.Weighted, "x", None, match="'x'")


# --- Numeric buffers of other shapes ------------------------------------------------------------

def check_a_strided_view_is_read_in_order_from_one_copy():
    a = array.array("d", [1.0, 10.0, 2.0, 20.0, 3.0, 30.0])
    assert nilnum.Join(memoryview(a)[::2]) == "[1 2 3]"
    assert nilnum.Sum(memoryview(a)[1::2]) == 60.0
    nilnum.Scale(memoryview(a)[::2], 2.0)  # Go writes into the copy: nothing lands between
    assert list(a) == [1.0, 10.0, 2.0, 20.0, 3.0, 30.0], list(a)
    if np is not None:
        x = np.arange(12.0)
        assert nilnum.Join(x[::3]) == "[0 3 6 9]"
        assert nilnum.Join(x[::-1][:3]) == "[11 10 9]"
        assert nilnum.Join(x.reshape(3, 4)[:, 1]) == "[1 5 9]"  # a column


def check_a_two_dimensional_buffer_is_read_in_row_major_order():
    a, m = matrix(range(6), 2, 3)
    assert nilnum.Join(m) == "[0 1 2 3 4 5]"
    nilnum.Scale(m, 10.0)  # C-contiguous: in place, no copy
    assert list(a) == [0.0, 10.0, 20.0, 30.0, 40.0, 50.0], list(a)
    if np is not None:
        x = np.arange(6.0).reshape(2, 3)
        assert nilnum.Join(x) == "[0 1 2 3 4 5]"
        nilnum.Scale(x, 2.0)
        assert x.tolist() == [[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]], x.tolist()
        assert nilnum.Join(x.T) == "[0 6 2 8 4 10]"  # the transpose, row by row: one copy
        f = np.asfortranarray(np.arange(6.0).reshape(2, 3))
        assert nilnum.Join(f) == "[0 1 2 3 4 5]"
        assert nilnum.Sum(np.ones((2, 3, 4))) == 24.0


def check_a_kept_two_dimensional_buffer_is_the_callers_memory():
    a, m = matrix([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3)
    d = nilnum.NewMatrix(2, 3, m)
    assert (d.At(0, 2), d.At(1, 0)) == (3.0, 4.0)
    if not PYPY:  # PyPy lends Go a copy of an array.array (ABI.md): it cannot lock its buffer
        a[5] = 60.0
        assert d.At(1, 2) == 60.0
    if np is not None:
        x = np.arange(6.0).reshape(3, 2)
        d = nilnum.NewMatrix(3, 2, x)
        x[2, 1] = 50.0
        assert d.At(2, 1) == 50.0


def check_integers_convert_to_floats_when_every_value_is_exact():
    assert nilnum.Sum(array.array("q", [1, 2, 3])) == 6.0
    assert nilnum.Sum(array.array("i", [-4, 5])) == 1.0
    assert nilnum.Join(array.array("q", [2 ** 53])) == "[9.007199254740992e+15]"
    assert nilnum.SumInt32(array.array("q", [1, -2, 2 ** 31 - 1])) == 2 ** 31 - 2
    assert nilnum.SumInt32(array.array("h", [7, 8])) == 15
    assert nilnum.Join(array.array("f", [0.5, 1.25])) == "[0.5 1.25]"
    data = array.array("q", [1, 2])
    nilnum.Scale(data, 3.0)  # converted into a copy: Go's writes stay in it
    assert list(data) == [1, 2]
    if np is not None:
        assert nilnum.Sum(np.arange(5)) == 10.0
        assert nilnum.Sum(np.arange(5, dtype=np.int32)) == 10.0
        assert nilnum.Sum(np.arange(6).reshape(2, 3)[:, ::2]) == 10.0
        assert nilnum.SumInt32(np.array([3, 4], dtype=np.uint16)) == 7
        assert nilnum.Join(np.array([1.5, float("nan")], dtype=np.float32)) == "[1.5 NaN]"
        assert nilnum.Join(np.array([1.0, 2.0], dtype=">f8")) == "[1 2]"  # byte-swapped: by value


def check_a_lossy_conversion_is_refused_saying_what_was_given():
    e = raises(TypeError, nilnum.Sum, array.array("q", [2 ** 53 + 1]),
               match=("'xs'", "float64", "format 'q'", "shape (1,)", "strides (8,)", "exactly"))
    raises(TypeError, nilnum.SumInt32, array.array("q", [2 ** 31]), match=("int32", "exactly"))
    raises(TypeError, nilnum.SumInt32, array.array("d", [1.0]), match="floats are not converted")
    raises(TypeError, nilnum.Sum, array.array("b", [1]), match=("float64", "format 'b'"))  # one-byte
    raises(TypeError, nilnum.Sum, memoryview(b"\x00" * 8).cast("?"), match="format '?'")
    assert "2 ** 53" not in str(e)
    if np is not None:
        raises(TypeError, nilnum.Sum, np.array([2 ** 53 + 1]), match=("dtype int64", "shape (1,)", "strides (8,)"))
        raises(TypeError, nilnum.SumInt32, np.ones((2, 2)),
               match=("int32", "dtype float64", "shape (2, 2)", "strides (16, 8)", "floats are not converted"))
        raises(TypeError, nilnum.Sum, np.ones(2, dtype=complex), match="dtype complex128")
        raises(TypeError, nilnum.Sum, np.ones(2, dtype=bool), match="dtype bool")
        raises(TypeError, nilnum.Sum, np.zeros(2, dtype=[("a", "<f8"), ("b", "<f8")]))
        raises(TypeError, nilnum.Sum, np.float64(1.0), match="shape ()")


def check_a_refused_buffer_is_never_written():
    x = array.array("q", [2 ** 60 + 1, 1])
    raises(TypeError, nilnum.Scale, x, 2.0)
    assert list(x) == [2 ** 60 + 1, 1]
