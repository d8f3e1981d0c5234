"""What Python sees for every Go construct (targets/common/ABI.md, issue 3 §1), checked on
samples/kitchen inside each interpreter (CPython 3 and PyPy 3; PyPy has no pytest, so every
check is a plain function).

numpy is used where the interpreter has it (CPython); where it has not (Debian's PyPy), the
same behaviour is asserted through array.array, bytearray and memoryview instead, so no
behaviour is skipped on either interpreter.
"""

import array
import enum
import gc
import math
import platform
import sys
import threading
import time

import kitchen

try:
    import numpy as np
except ImportError:  # Debian's PyPy has no numpy: the checks fall back to array.array
    np = None

PYPY = platform.python_implementation() == "PyPy"
Point = kitchen.Point


def raises(exc_type, fn, *args, match=None, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


def close(a, b, eps=1e-9):
    return abs(a - b) <= eps * max(1.0, abs(a), abs(b))


def coords(p):
    return (p.X, p.Y, p.Label)


# Array typecodes by (item size, signed); array.array results may use 'l' or 'q' for 8 bytes.
SIGNED = {1: "b", 2: "h", 4: "i", 8: "q"}
UNSIGNED = {1: "B", 2: "H", 4: "I", 8: "Q"}

# (Go element type, Echo/Double suffix, item size, kind, values for Echo)
NUMERIC = [
    ("int", "Ints", 8, "i", [-(1 << 63), -1, 0, 1, (1 << 63) - 1]),
    ("int8", "Int8s", 1, "i", [-128, -1, 0, 127]),
    ("int16", "Int16s", 2, "i", [-32768, 0, 32767]),
    ("int32", "Int32s", 4, "i", [-(1 << 31), 0, (1 << 31) - 1]),
    ("int64", "Int64s", 8, "i", [-(1 << 63), 0, (1 << 63) - 1]),
    ("uint", "Uints", 8, "u", [0, 1, (1 << 64) - 1]),
    ("uint8", "Uint8s", 1, "u", [0, 1, 255]),
    ("uint16", "Uint16s", 2, "u", [0, 65535]),
    ("uint32", "Uint32s", 4, "u", [0, (1 << 32) - 1]),
    ("uint64", "Uint64s", 8, "u", [0, 1 << 63, (1 << 64) - 1]),
    ("uintptr", "Uintptrs", 8, "u", [0, (1 << 64) - 1]),
    ("float32", "Float32s", 4, "f", [0.5, -1.25, 3.0e38, float("inf")]),
    ("float64", "Float64s", 8, "f", [0.1, -1e308, 5e-324, float("inf")]),
]


def typecode(size, kind):
    if kind == "f":
        return "f" if size == 4 else "d"
    return (SIGNED if kind == "i" else UNSIGNED)[size]


def np_dtype(size, kind):
    return {"i": "int%d", "u": "uint%d", "f": "float%d"}[kind] % (size * 8)


def assert_array_result(r, size, kind, what):
    assert isinstance(r, array.array), "%s returned %s, not array.array" % (what, type(r).__name__)
    assert r.itemsize == size, "%s: itemsize %d, want %d" % (what, r.itemsize, size)
    if kind == "f":
        assert r.typecode == typecode(size, kind), (what, r.typecode)
    elif kind == "i":
        assert r.typecode in "bhilq", (what, r.typecode)
    else:
        assert r.typecode in "BHILQ", (what, r.typecode)


# --- Environment --------------------------------------------------------------------------------

def check_numpy_is_present_on_cpython():
    # The numpy checks must not be skipped silently where numpy is expected.
    if not PYPY:
        assert np is not None, "numpy is not importable on CPython"


# --- Structs ------------------------------------------------------------------------------------

def check_struct_construction_by_keyword_and_position():
    p = Point(X=1, Y=2)
    assert (p.X, p.Y, p.Label) == (1.0, 2.0, ""), coords(p)
    assert type(p.X) is float and type(p.Label) is str
    q = Point(3, 4, "q")
    assert coords(q) == (3.0, 4.0, "q")
    r = Point(5, Y=6)
    assert coords(r) == (5.0, 6.0, "")
    z = Point()
    assert coords(z) == (0.0, 0.0, ""), "missing fields take Go's zero values"
    assert isinstance(p, Point)
    raises(TypeError, Point, Z=1)
    raises(TypeError, Point, 1, 2, "x", "too many")
    raises(TypeError, Point, 1, X=2)  # X given twice


def check_constructor_function_returns_the_struct_class():
    p = kitchen.NewPoint(1.5, -2, "n")
    assert isinstance(p, Point)
    assert coords(p) == (1.5, -2.0, "n")
    o = kitchen.Origin()
    assert isinstance(o, Point) and coords(o) == (0.0, 0.0, "origin")


def check_field_set_writes_through_to_the_go_object():
    p = Point(1, 2)
    p.X = 10
    p.Label = "moved"
    assert p.X == 10.0 and type(p.X) is float
    # Go sees the new values: its methods read the Go object, not a Python copy.
    assert close(p.Dist(Point(0, 0)), math.hypot(10, 2))
    assert str(p) == "moved(10, 2)", str(p)
    p.Y = 3
    assert p.Y == 3.0


def check_value_and_pointer_receivers():
    p = Point(3, 4)
    assert p.Dist(Point(0, 0)) == 5.0
    assert p.Move(1, 1) is None
    assert (p.X, p.Y) == (4.0, 5.0), "a pointer receiver changes the Go object"
    s = p.Scaled(2)
    assert isinstance(s, Point) and (s.X, s.Y) == (8.0, 10.0)
    assert (p.X, p.Y) == (4.0, 5.0), "a value receiver does not change the receiver"
    assert s != p


def check_nested_struct_fields_are_live_views():
    line = kitchen.Line(Start=Point(0, 0), End=Point(3, 4))
    assert line.Length() == 5.0
    assert isinstance(line.Start, Point)
    assert line.Start == line.Start and line.Start != line.End, "views of one field are one Go object"
    line.Start.X = 3  # writes into the Line's own Start
    assert line.Start.X == 3.0
    assert line.Length() == 4.0, line.Length()
    start = line.Start
    start.Y = 4
    assert line.Length() == 0.0, "a held field view still writes through"
    # Assigning a struct value to a field copies it into the Go struct (Go value semantics).
    e = Point(6, 8)
    line.End = e
    e.X = 100
    assert line.End.X == 6.0
    line.Reverse()
    assert (line.Start.X, line.End.X) == (6.0, 3.0)


def check_struct_value_params_and_results_are_copies():
    a = Point(1, 1, "a")
    b = Point(3, 3, "b")
    m = kitchen.Midpoint(a, b)
    assert coords(m) == (2.0, 2.0, "mid")
    line = kitchen.NewLine(a, b)
    a.X = 50
    assert line.Start.X == 1.0, "NewLine received a copy of a"
    x, y, label = kitchen.Split(Point(1, 2, "s"))
    assert (x, y, label) == (1.0, 2.0, "s")
    v, p = kitchen.Pair(1, 2)
    assert isinstance(v, Point) and isinstance(p, Point)
    assert (v.X, v.Y, p.X, p.Y) == (1.0, 2.0, 2.0, 1.0)


def check_pointer_params_share_the_go_object():
    a = Point(1, 1)
    kitchen.Translate(a, 1, 2)
    assert (a.X, a.Y) == (2.0, 3.0), "Go wrote through the *Point parameter"
    c = kitchen.Clone(a)
    assert isinstance(c, Point) and (c.X, c.Y) == (2.0, 3.0)
    assert c != a, "Clone made a new Go object"
    c.X = 99
    assert a.X == 2.0
    assert kitchen.IsNil(None) is True
    assert kitchen.IsNil(a) is False
    b = Point(0, 0)
    kitchen.MoveAll([a, b], 1, 2)
    assert (a.X, a.Y, b.X, b.Y) == (3.0, 5.0, 1.0, 2.0), "[]*Point elements are the caller's objects"


def check_pointer_field():
    n = kitchen.Chain(1, 2, 3)
    assert isinstance(n, kitchen.Node)
    assert (n.Len(), n.Sum()) == (3, 6)
    assert n.Next.Value == 2 and n.Next.Name == "n1"
    assert n.Next.Next.Next is None
    n.Next.Value = 20  # the field is the same Go object
    assert n.Sum() == 24
    n.Next = kitchen.Node(Name="x", Value=5)
    assert (n.Len(), n.Sum()) == (2, 6)
    n.Next = None
    assert n.Len() == 1
    assert kitchen.Node().Next is None


def check_struct_fields_of_every_kind():
    b = kitchen.Bag()
    assert len(b.Items) == 0 and len(b.Weights) == 0 and len(b.Counts) == 0
    b.Add("apple", 1.5)
    b.Add("pear", 2)
    b.Add("apple", 0.5)
    assert list(b.Items) == ["apple", "pear", "apple"]
    assert list(b.Weights) == [1.5, 2.0, 0.5]
    assert b.Counts == {"apple": 2, "pear": 1}
    assert b.Total() == 4.0
    b.Items = ["x", "y"]
    assert b.Pick(1) == "y"
    b.Counts = {"k": 1}
    assert b.Counts == {"k": 1}
    b.Grid = [[1, 2], [3, 4]]
    assert [list(r) for r in b.Grid] == [[1, 2], [3, 4]]
    b.Corner = [1.0, 2.0]
    assert list(b.Corner) == [1.0, 2.0]
    b.Raw = b"\x00\xff"
    assert b.Raw == b"\x00\xff" and type(b.Raw) is bytes
    b.Tint = kitchen.Blue
    assert b.Tint is kitchen.Blue
    b.Temps = kitchen.Temps([1, 5])
    assert isinstance(b.Temps, kitchen.Temps) and b.Temps.Max() == 5.0
    b.Shape = kitchen.Rect(W=2, H=3)
    assert isinstance(b.Shape, kitchen.Rect) and b.Shape.Area() == 6.0
    b.Shape = None
    assert b.Shape is None


def check_embedded_struct_field():
    cp = kitchen.ColoredPoint(Point=Point(1, 2), Tint=kitchen.Green)
    assert isinstance(cp.Point, Point)
    assert cp.Point.X == 1.0
    assert cp.Describe() == "green at (1, 2)", cp.Describe()
    cp.Point.X = 5
    assert cp.Describe() == "green at (5, 2)", cp.Describe()


def check_go_string_method_is_str():
    assert str(Point(1, 2.5, "A")) == "A(1, 2.5)"
    assert str(Point()) == "Point(0, 0)"
    assert "%s" % kitchen.NewPoint(0.5, 0, "") == "Point(0.5, 0)"
    r = repr(Point(1, 2, "A"))
    for part in ("Point", "X", "Y", "Label", "A"):
        assert part in r, "repr %r does not show %r" % (r, part)


def check_equality_is_go_identity():
    p = kitchen.NewPoint(1, 2, "")
    p2 = p.Self()
    assert p2 == p and not (p2 != p), "two handles to the same Go object are equal"
    assert hash(p2) == hash(p)
    p2.X = 7
    assert p.X == 7.0
    assert Point(1, 2) != Point(1, 2), "equal values in two Go objects are different objects"
    s1, s2 = kitchen.Shared(), kitchen.Shared()
    assert s1 == s2 and len({s1, s2}) == 1
    assert (p == None) is False and (p == 5) is False  # noqa: E711


def check_slices_of_structs():
    pts = kitchen.Grid(2)
    assert isinstance(pts, list) and len(pts) == 4
    assert all(isinstance(q, Point) for q in pts)
    assert [(q.X, q.Y) for q in pts] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert kitchen.Labels([Point(Label="a"), Point(Label="b")]) == ["a", "b"]
    assert kitchen.Labels([]) == []
    c = kitchen.Centroid(Point(0, 0), Point(2, 4))
    assert coords(c) == (1.0, 2.0, "centroid")
    assert coords(kitchen.Centroid()) == (0.0, 0.0, "")


def check_plain_error_result():
    assert kitchen.Check(Point(1, 1)) is None
    e = raises(kitchen.Error, kitchen.Check, Point(float("nan"), 0, "bad"), match='"bad"')
    assert isinstance(e, kitchen.GoError)


# --- Slices and arrays --------------------------------------------------------------------------

def check_slices_of_every_numeric_type_round_trip():
    for go, suffix, size, kind, values in NUMERIC:
        echo = getattr(kitchen, "Echo" + suffix)
        for arg in (values, array.array(typecode(size, kind), values)):
            r = echo(arg)
            if go == "uint8":  # []uint8 is []byte in Go: bytes or array('B') both carry it
                assert bytes(r) == bytes(values), (go, r)
                continue
            assert_array_result(r, size, kind, "Echo" + suffix)
            if go == "float32":
                assert list(r) == [float(array.array("f", [v])[0]) for v in values], (go, list(r))
            else:
                assert list(r) == values, (go, list(r), values)
        empty = echo([])
        assert len(empty) == 0, (go, empty)


def check_slices_of_bools_complex_strings_runes():
    r = kitchen.EchoBools([True, False, True])
    assert list(r) == [True, False, True] and all(type(x) is bool for x in r)
    assert list(kitchen.EchoComplex128s([1 + 2j, -0.5j])) == [1 + 2j, -0.5j]
    assert list(kitchen.EchoComplex64s([0.5 + 0.25j])) == [0.5 + 0.25j]
    assert kitchen.EchoStrings(["", "nul\x00inside", "한글", "a" * 1000]) == ["", "nul\x00inside", "한글", "a" * 1000]
    assert isinstance(kitchen.EchoStrings(["x"]), list)
    runes = kitchen.EchoRunes([ord(c) for c in "안녕"])
    assert "".join(chr(c) for c in runes) == "안녕"
    assert kitchen.Words(" a b\tc\n") == ["a", "b", "c"]
    assert kitchen.JoinWords(["x", "안녕", "\x00"], "-") == "x-안녕-\x00"


def check_numeric_results_are_array_array_viewable_without_copy():
    r = kitchen.EchoFloat64s([1.0, 2.0, 3.0])
    assert_array_result(r, 8, "f", "EchoFloat64s")
    m = memoryview(r)
    assert m.format == "d" and m.nbytes == 24 and m.contiguous
    if np is not None:
        v = np.asarray(r)
        assert v.dtype == np.float64 and v.shape == (3,)
        v[1] = 7.0  # a view, not a copy: the write shows in the array.array
        assert r[1] == 7.0, "numpy.asarray copied the result"
        assert np.shares_memory(v, np.frombuffer(r, dtype=np.float64))
    else:
        m[1] = 7.0
        assert r[1] == 7.0
    big = kitchen.Ramp(1000000)
    assert_array_result(big, 8, "f", "Ramp")
    assert len(big) == 1000000 and big[0] == 0.0 and big[999999] == 999999.0
    if np is not None:
        v = np.frombuffer(big, dtype=np.float64)
        assert v.sum() == 999999 * 1000000 / 2
        assert v.base is not None


def _builtin_calls(fn, *args):
    """The builtin (C) functions called while fn(*args) runs, by name, seen by sys.setprofile."""
    names = []

    def profile(frame, event, arg):
        if event == "c_call":
            names.append(getattr(arg, "__name__", "?"))

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return names


def check_slices_cross_in_bulk_not_per_element():
    # Numeric slices: the work a call does in Python does not grow with the length.
    for fn, small, big in ((kitchen.Ramp, 10, 100000),
                           (kitchen.EchoFloat64s, array.array("d", range(10)), array.array("d", range(100000))),
                           (kitchen.EchoInt32s, array.array("i", range(10)), array.array("i", range(100000))),
                           (kitchen.SumFloat64s, array.array("d", range(10)), array.array("d", range(100000))),
                           (kitchen.EchoBytes, bytes(10), bytes(100000))):
        n_small, n_big = len(_builtin_calls(fn, small)), len(_builtin_calls(fn, big))
        assert n_big == n_small, "%s: %d builtin calls for a long slice, %d for a short one" % (fn.__name__, n_big, n_small)
    # Other slices and maps: Python builds the elements, but calls into Go only once.
    for fn, args in ((kitchen.Grid, (30,)), (kitchen.EchoStrings, (["a"] * 1000,)),
                     (kitchen.Histogram, (["a", "b"] * 500,)), (kitchen.Transpose, ([[1] * 50] * 50,)),
                     (kitchen.Labels, ([Point()] * 100,))):
        go = [n for n in _builtin_calls(fn, *args) if n.startswith("gpic") and "release" not in n]
        assert len(go) <= 2, "%s made %d calls into Go: %s" % (fn.__name__, len(go), sorted(set(go)))


def _address(buf):
    """The address of a buffer's first byte, found without gpic."""
    if isinstance(buf, array.array):
        return buf.buffer_info()[0]
    if np is not None and isinstance(buf, np.ndarray):
        return buf.__array_interface__["data"][0]
    import ctypes
    return ctypes.addressof((ctypes.c_char * len(buf)).from_buffer(buf))


def check_numeric_slice_params_cross_without_a_copy():
    if sys.implementation.name == "pypy":
        # PyPy cannot lock a buffer while Go reads it (a resize during the call would free the
        # memory: badinput_checks.py), so there Go works on one copy that is written back after
        # the call (ABI.md): not the caller's address, but the caller's contents, both ways.
        a = array.array("d", [1.0, 2.0, 3.0, 4.0])
        assert kitchen.AddrFloat64s(a) != _address(a)
        kitchen.DoubleFloat64s(a)
        assert list(a) == [2.0, 4.0, 6.0, 8.0]
        kitchen.DoubleFloat64s(memoryview(a)[1:])
        assert list(a) == [2.0, 8.0, 12.0, 16.0]
        return
    a = array.array("d", [1.0, 2.0, 3.0, 4.0])
    assert kitchen.AddrFloat64s(a) == _address(a), "array.array('d') was copied"
    assert kitchen.AddrFloat64s(memoryview(a)) == _address(a), "memoryview was copied"
    assert kitchen.AddrFloat64s(memoryview(a)[1:]) == _address(a) + 8, "a memoryview slice was copied"
    ai = array.array("q", [1, 2, 3])
    assert kitchen.AddrInts(ai) == _address(ai), "array.array('q') for []int was copied"
    ai = array.array("l", [1, 2, 3])
    if ai.itemsize == 8:
        assert kitchen.AddrInts(ai) == _address(ai), "array.array('l') for []int was copied"
    a32 = array.array("i", [1, 2, 3])
    assert kitchen.AddrInt32s(a32) == _address(a32), "array.array('i') for []int32 was copied"
    ba = bytearray(b"hello")
    assert kitchen.AddrBytes(ba) == _address(ba), "bytearray was copied"
    ab = array.array("B", b"hello")
    assert kitchen.AddrBytes(ab) == _address(ab), "array.array('B') for []byte was copied"
    # Read-only buffers (bytes, read-only numpy arrays) are copied once (ABI.md): Go may write
    # into its slice argument, and bytes are immutable and shared. badinput_checks.py checks
    # that Go never writes into them.
    if np is not None:
        x = np.arange(10.0)
        assert kitchen.AddrFloat64s(x) == _address(x), "numpy float64 array was copied"
        assert kitchen.AddrFloat64s(x[3:]) == _address(x) + 24, "a numpy slice was copied"
        xi = np.arange(4, dtype=np.int64)
        assert kitchen.AddrInts(xi) == _address(xi)
        x32 = np.arange(4, dtype=np.int32)
        assert kitchen.AddrInt32s(x32) == _address(x32)
        xb = np.frombuffer(bytearray(b"abc"), dtype=np.uint8)
        assert kitchen.AddrBytes(xb) == _address(xb)


def check_go_writes_into_the_callers_buffer():
    for go, suffix, size, kind, _ in NUMERIC:
        if go == "uintptr":
            continue  # no DoubleUintptrs
        double = getattr(kitchen, "Double" + suffix)
        values = [1, -2, 3] if kind == "i" else ([1, 2, 3] if kind == "u" else [1.5, -2.0, 3.0])
        want = [v * 2 for v in values]
        a = array.array(typecode(size, kind), values)
        assert double(a) is None
        assert list(a) == want, ("Double" + suffix, list(a))
        mv_base = array.array(typecode(size, kind), values + values)
        double(memoryview(mv_base)[3:])
        assert list(mv_base) == values + want, ("memoryview slice", go, list(mv_base))
        if np is not None:
            x = np.array(values + values, dtype=np_dtype(size, kind))
            double(x[:3])
            assert list(x) == want + values, ("numpy slice", go, list(x))
    ba = bytearray(b"\x01\x02\x03")
    kitchen.DoubleUint8s(ba)
    assert ba == bytearray(b"\x02\x04\x06")
    a = array.array("d", [3.0, 1.0, 2.0, -5.0])
    kitchen.SortFloat64s(a)
    assert list(a) == [-5.0, 1.0, 2.0, 3.0], "sort in place did not reach the caller's array"
    if np is not None:
        x = np.array([3.0, 1.0, 2.0])
        kitchen.SortFloat64s(x)
        assert list(x) == [1.0, 2.0, 3.0]
    buf = bytearray(b"hello, World")
    kitchen.Upper(buf)
    assert buf == bytearray(b"HELLO, WORLD")
    buf = bytearray(b"abcdef")
    kitchen.Upper(memoryview(buf)[2:4])
    assert buf == bytearray(b"abCDef")


def check_lists_and_iterables_are_accepted_for_numeric_slices():
    assert kitchen.SumFloat64s([1, 2.5, 3]) == 6.5
    assert kitchen.SumFloat64s((1.0, 2.0)) == 3.0
    assert kitchen.SumFloat64s(x / 2 for x in range(4)) == 3.0
    assert kitchen.SumFloat64s([]) == 0.0
    assert kitchen.SumInt32s([1, 2, 3]) == 6
    assert kitchen.SumInt32s(range(5)) == 10
    lst = [1.0, 2.0]
    assert kitchen.DoubleFloat64s(lst) is None  # accepted (Go writes into a temporary copy)
    # ABI.md: integers accept bool, as the FFI's own conversion does.
    assert list(kitchen.EchoInts([True, False])) == [1, 0] and kitchen.Index([5, 1], True) == 1


def check_numeric_slices_stored_into_go_are_copies():
    # ABI.md: numeric slices stored into Go (fields, variables, constructor arguments) are
    # copied, never viewed: Go may keep them after the call.
    a = array.array("d", [1.0, 2.0])
    b = kitchen.Bag(Weights=a)
    a[0] = 99.0
    assert list(b.Weights) == [1.0, 2.0]
    b.Weights = a
    a[1] = -5.0
    assert list(b.Weights) == [99.0, 2.0]
    t = kitchen.Temps(a)
    a[0] = 1000.0
    assert t.Max() == 99.0
    raw = bytearray(b"ab")
    b.Raw = raw
    raw[0] = ord("z")
    assert b.Raw == b"ab"
    w = b.Weights  # a read is a copy too
    w[0] = 7.0
    assert list(b.Weights) == [99.0, 2.0]


def check_bytes_in_and_out():
    def checksum(b):
        s = 0
        for c in b:
            s = (s * 31 + c) & 0xFFFFFFFF
        return s

    data = bytes(range(256)) * 3
    assert kitchen.Checksum(data) == checksum(data)
    assert kitchen.Checksum(bytearray(data)) == checksum(data)
    assert kitchen.Checksum(memoryview(data)[10:20]) == checksum(data[10:20])
    r = kitchen.EchoBytes(b"\x00\x01\xff")
    assert r == b"\x00\x01\xff" and type(r) is bytes
    assert kitchen.EchoBytes(bytearray(b"ab")) == b"ab"
    assert kitchen.EchoBytes(b"") == b""
    assert kitchen.Repeat(b"ab", 3) == b"ababab"
    big = bytes(range(256)) * 4096
    assert kitchen.EchoBytes(big) == big


def check_nested_slices_and_arrays():
    t = kitchen.Transpose([[1, 2, 3], [4, 5, 6]])
    assert [list(r) for r in t] == [[1, 4], [2, 5], [3, 6]]
    assert list(kitchen.Transpose([])) == []
    raises(kitchen.Error, kitchen.Transpose, [[1], [2, 3]], match="row 1 has 2 columns")
    assert list(kitchen.Cross([1, 0, 0], [0, 1, 0])) == [0.0, 0.0, 1.0]
    assert list(kitchen.Cross(array.array("d", [0, 1, 0]), [0, 0, 1])) == [1.0, 0.0, 0.0]
    assert [list(r) for r in kitchen.Identity3()] == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert bytes(kitchen.BigEndian(0x01020304)) == b"\x01\x02\x03\x04"
    assert kitchen.SumArray([1, 2, 3, 4]) == 10
    assert kitchen.SumArray(array.array("q", [1, 2, 3, 4])) == 10


# --- Maps ---------------------------------------------------------------------------------------

def check_maps_in_and_out_as_dicts():
    h = kitchen.Histogram(["a", "b", "a", "\x00"])
    assert type(h) is dict and h == {"a": 2, "b": 1, "\x00": 1}
    assert kitchen.Histogram([]) == {}
    assert kitchen.Invert({"one": 1, "two": 2}) == {1: "one", 2: "two"}
    assert kitchen.Means({"a": [1.0, 3.0], "b": [2.0], "c": array.array("d", [4.0])}) == {"a": 2.0, "b": 2.0, "c": 4.0}
    g = kitchen.GroupByLength(["a", "bb", "cc"])
    assert {k: list(v) for k, v in g.items()} == {1: ["a"], 2: ["bb", "cc"]}
    assert kitchen.EchoMapBoolFloat32({True: 0.5, False: -1.0}) == {True: 0.5, False: -1.0}
    m = kitchen.EchoMapInt64Bytes({-(1 << 63): b"\x00", 5: b"abc", 7: b""})
    assert m == {-(1 << 63): b"\x00", 5: b"abc", 7: b""}
    assert all(type(v) is bytes for v in m.values())
    assert kitchen.EchoMapFloat64Bool({0.5: True, -2.25: False}) == {0.5: True, -2.25: False}
    assert kitchen.Nest({"x": {"a": 1, "b": 2}, "y": {}}) == {"x": 3, "y": 0}


def check_maps_with_struct_values_array_keys_and_enum_keys():
    named = kitchen.NamedPoints([Point(1, 2, "a"), Point(3, 4, "b")])
    assert sorted(named) == ["a", "b"]
    assert isinstance(named["a"], Point) and coords(named["b"]) == (3.0, 4.0, "b")
    cells = kitchen.Cells(2)
    # Array keys must be hashable in Python: they come back as tuples.
    assert cells == {(0, 0): "a1", (0, 1): "a2", (1, 0): "b1", (1, 1): "b2"}, cells
    names = kitchen.ColorNames()
    assert names == {kitchen.Red: "red", kitchen.Green: "green", kitchen.Blue: "blue"}
    assert all(isinstance(k, kitchen.Color) for k in names), [type(k) for k in names]


# --- Pointers to non-struct types -----------------------------------------------------------------

def check_pointers_to_scalars_are_value_or_none():
    assert kitchen.Index([5, 6, 7], 7) == 2
    assert kitchen.Index([5, 6, 7], 8) is None
    assert kitchen.OrDefault("given", "default") == "given"
    assert kitchen.OrDefault(None, "default") == "default"


# --- Named types --------------------------------------------------------------------------------

def check_named_scalar_types_are_plain_values():
    f = kitchen.CToF(100)
    assert f == 212.0 and isinstance(f, float)
    assert kitchen.CToF(kitchen.Celsius(0)) == 32.0
    assert kitchen.Celsius(3) == 3.0 and kitchen.Fahrenheit(1) == 1.0
    assert close(kitchen.Radians(180), math.pi)
    assert kitchen.Degrees(2) == 2.0
    assert kitchen.Greet("Ann") == "hello, Ann"
    assert kitchen.Greet(kitchen.Name("Bo")) == "hello, Bo"


def check_typed_const_group_is_an_intenum():
    Color = kitchen.Color
    assert issubclass(Color, enum.IntEnum)
    assert [c.name for c in Color] == ["Red", "Green", "Blue"]
    assert Color.Red is kitchen.Red and Color.Blue is kitchen.Blue
    assert (kitchen.Red, kitchen.Green, kitchen.Blue) == (0, 1, 2)
    assert kitchen.ColorName(kitchen.Green) == "green"
    assert kitchen.ColorName(2) == "blue", "a plain int is accepted for an enum parameter"
    nxt = kitchen.Next(kitchen.Blue)
    assert nxt is kitchen.Red, repr(nxt)
    assert kitchen.ParseColor("BLUE") is kitchen.Blue
    raises(kitchen.Error, kitchen.ParseColor, "mauve", match='unknown color "mauve"')
    w = kitchen.Wild()
    assert w == 42, "a value outside the const group still comes back"
    assert list(kitchen.AllColors()) == [kitchen.Red, kitchen.Green, kitchen.Blue]


def check_named_types_with_methods_are_classes():
    t = kitchen.Temps([1.0, 5.0, 3.0])
    assert t.Max() == 5.0 and t.Mean() == 3.0
    t.Append(11)
    assert t.Max() == 11.0, "a pointer receiver on a named slice changed it"
    assert list(t.Values()) == [1.0, 5.0, 3.0, 11.0]
    raises(kitchen.Error, kitchen.Temps([]).Mean, match="no temperatures")
    w = kitchen.Warmer(t, 1)
    assert isinstance(w, kitchen.Temps) and w.Max() == 12.0
    assert kitchen.Temps(array.array("d", [2.0, 4.0])).Mean() == 3.0
    inv = kitchen.Inventory({"a": 1})
    inv.Put("b", 2)
    assert inv.Total() == 3 and inv.Count("b") == 2 and inv.Count("zzz") == 0
    m = kitchen.Meters(10)
    assert close(m.Feet(), 32.8084)


# --- Interfaces ---------------------------------------------------------------------------------

class Square:
    def __init__(self, side):
        self.side = side

    def Area(self):
        return float(self.side * self.side)

    def Name(self):
        return "square"


class Box(Square):
    def Volume(self):
        return float(self.side ** 3)


def check_go_interface_values_are_objects_with_the_methods():
    r = kitchen.NewRect(2, 3)
    assert isinstance(r, kitchen.Rect), "a bound dynamic type comes back as its class"
    assert r.Area() == 6.0 and r.Name() == "rect" and r.W == 2.0
    t = kitchen.Triangle(3, 4, 5)
    assert not isinstance(t, kitchen.Rect)
    assert t.Area() == 6.0 and t.Name() == "triangle"
    assert kitchen.NoShape() is None
    assert kitchen.Describe(kitchen.Circle(R=1)) == "circle with area 3.14"
    assert kitchen.Describe(t) == "triangle with area 6.00", "a Go interface value goes back to Go"
    best = kitchen.Largest([kitchen.Rect(W=1, H=1), kitchen.Circle(R=1), t])
    assert best.Name() == "triangle"
    raises(kitchen.Error, kitchen.Largest, [], match="no shapes")
    assert kitchen.Density(kitchen.Cube(Side=2), 16) == 2.0


def check_python_objects_implement_go_interfaces():
    assert kitchen.Describe(Square(2)) == "square with area 4.00"
    assert kitchen.TotalArea(Square(1), kitchen.Rect(W=2, H=1), kitchen.Circle(R=0)) == 3.0
    small, big = Square(1), Square(3)
    best = kitchen.Largest([small, big, kitchen.Rect(W=2, H=2)])
    assert best is big, "Go handed back the very Python object"
    sq = Square(5)
    assert kitchen.Keep(sq) is sq
    assert kitchen.Density(Box(2), 16) == 2.0
    areas = kitchen.AreasConcurrently([Square(i) for i in range(20)])
    assert list(areas) == [float(i * i) for i in range(20)], "Go called Python from 20 goroutines"


def check_python_exception_in_error_method_becomes_go_error():
    class Picky:
        def Validate(self, value):
            if "x" in value:
                raise ValueError("no x allowed in " + value)
            return None

    assert kitchen.CheckAll(Picky(), ["a", "b"]) == 2
    e = raises(kitchen.Error, kitchen.CheckAll, Picky(), ["a", "bx", "c"])
    assert "value 1" in str(e) and "no x allowed in bx" in str(e), str(e)
    e = raises(kitchen.Error, kitchen.CheckAll, kitchen.MinLength(N=2), ["ab", "a"])
    assert str(e) == 'value 1: "a" is shorter than 2', str(e)


def check_python_exception_in_plain_method_reaches_the_caller():
    class Broken(Square):
        def Area(self):
            raise ZeroDivisionError("flat")

    raises(ZeroDivisionError, kitchen.Describe, Broken(1), match="flat")

    class MyError(Exception):
        pass

    err = MyError("the very object")

    class Nameless(Square):
        def Name(self):
            raise err

    e = raises(MyError, kitchen.Describe, Nameless(1))
    assert e is err
    assert kitchen.Describe(Square(1)) == "square with area 1.00", "the binding still works"


class DictStore:
    def __init__(self, data=None):
        self.data = dict(data or {})

    def Get(self, key):
        if key in self.data:
            return self.data[key], True
        return b"", False

    def Put(self, key, value):
        self.data[key] = value

    def Keys(self):
        return sorted(self.data)


def check_interface_methods_with_several_results():
    src = DictStore({"a": b"1", "b": b"\x00\xff"})
    dst = kitchen.NewMemStore()
    assert kitchen.CopyStore(dst, src) == 2
    assert dst.Data == {"a": b"1", "b": b"\x00\xff"}
    back = DictStore()
    assert kitchen.CopyStore(back, dst) == 2
    assert back.data == {"a": b"1", "b": b"\x00\xff"}
    assert all(type(v) is bytes for v in back.data.values()), [type(v) for v in back.data.values()]

    class Full(DictStore):
        def Put(self, key, value):
            raise RuntimeError("store is full")

    raises(kitchen.Error, kitchen.CopyStore, Full(), src, match="store is full")
    raises(kitchen.Error, kitchen.CopyStore, kitchen.NewMemStore(), DictStore({"": b"x"}), match="empty key")


def check_kept_interface_called_from_other_goroutines():
    class Counter:
        def __init__(self):
            self.lock = threading.Lock()
            self.events = []

        def Notify(self, event, n):
            with self.lock:
                self.events.append((event, n, threading.get_ident()))

    counters = [Counter() for _ in range(4)]
    ids = [kitchen.Subscribe(c) for c in counters]
    try:
        assert kitchen.Publish("tick", 50) == 4
    finally:
        for i in ids:
            assert kitchen.Unsubscribe(i) is True
    for c in counters:
        assert sorted(n for _, n, _ in c.events) == list(range(50))
        assert all(ev == "tick" for ev, _, _ in c.events)
    others = {t for c in counters for _, _, t in c.events} - {threading.get_ident()}
    assert others, "every notification ran on the calling thread"
    assert kitchen.Publish("tock", 1) == 0


# --- Callbacks ----------------------------------------------------------------------------------

def check_callbacks_on_the_calling_goroutine():
    me = threading.get_ident()
    seen = set()

    def tenfold(x):
        seen.add(threading.get_ident())
        return x * 10

    assert list(kitchen.Map([1.0, 2.5], tenfold)) == [10.0, 25.0]
    assert seen == {me}, "Map's callback ran on another thread"
    assert len(kitchen.Map([], tenfold)) == 0
    assert kitchen.Reduce([1, 2, 3, 4], 100, lambda acc, x: acc + x) == 110
    assert kitchen.Compose(3, lambda x: x + 1, lambda x: x * 10) == 40
    assert kitchen.Apply(5, None) == 5
    assert kitchen.Apply(-5, abs) == 5, "a builtin is a callable too"

    class Triple:
        def __call__(self, x):
            return 3 * x

    assert kitchen.Apply(5, Triple()) == 15
    visited = []

    def visit(i, s):
        visited.append((i, s))
        return s != "b"

    assert kitchen.Walk(["a", "b", "c"], visit) == 2
    assert visited == [(0, "a"), (1, "b")]
    assert kitchen.SortBy(["bb", "a", "ccc"], lambda a, b: len(a) < len(b)) == ["a", "bb", "ccc"]

    def swap(p):
        assert isinstance(p, Point)
        return Point(p.Y, p.X, p.Label + "'")

    out = kitchen.TransformPoints([Point(1, 2, "p")], swap)
    assert len(out) == 1 and coords(out[0]) == (2.0, 1.0, "p'")
    assert kitchen.Lookup(["a", "b"], lambda k: (1, True) if k == "a" else (0, False)) == {"a": 1}
    calls = []
    assert kitchen.TryEach(["a", "b"], lambda s: calls.append(s)) == 2 and calls == ["a", "b"]


def check_callback_receives_every_kind_of_value():
    got = {}

    def f(b, i8, u64, f32, c, s, raw, xs, m, p, v, c2, sh):
        got.update(b=b, i8=i8, u64=u64, f32=f32, c=c, s=s, raw=raw, xs=xs, m=m, p=p, v=v, c2=c2, sh=sh)
        return "ok:" + s

    assert kitchen.Everything(f) == "ok:안녕"
    assert got["b"] is True
    assert got["i8"] == -8 and got["u64"] == 1 << 63
    assert got["f32"] == 0.5 and got["c"] == 1 + 2j
    assert got["s"] == "안녕"
    assert got["raw"] == b"\x00\x01\xff" and type(got["raw"]) is bytes
    assert list(got["xs"]) == [1.5, 2.5]
    assert got["m"] == {"a": 1}
    assert isinstance(got["p"], Point) and coords(got["p"]) == (1.0, 2.0, "p")
    assert isinstance(got["v"], Point) and coords(got["v"]) == (3.0, 4.0, "v")
    assert got["c2"] is kitchen.Blue
    assert isinstance(got["sh"], kitchen.Rect) and got["sh"].Area() == 6.0


def check_callback_exceptions():
    err = KeyError("k")

    def bad(x):
        raise err

    e = raises(KeyError, kitchen.Map, [1.0, 2.0], bad)
    assert e is err, "the callback's own exception reaches the caller"

    def picky(s):
        if s == "b":
            raise ValueError("b is bad")

    e = raises(kitchen.Error, kitchen.TryEach, ["a", "b", "c"], picky)
    assert "item 1" in str(e) and "b is bad" in str(e), str(e)
    assert list(kitchen.Map([1.0], lambda x: x + 1)) == [2.0], "the binding still works"


def _run_with_deadline(fn, seconds=60):
    """Runs fn in a daemon thread: a deadlock fails the check instead of hanging the run."""
    box = {}

    def run():
        try:
            box["result"] = fn()
        except BaseException as e:  # re-raised below
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "deadlock: %s did not return within %d s" % (getattr(fn, "__name__", fn), seconds)
    if "error" in box:
        raise box["error"]
    return box["result"]


def check_callbacks_from_other_goroutines_concurrently():
    lock = threading.Lock()
    threads = set()

    def square(x):
        with lock:
            threads.add(threading.get_ident())
        return x * x

    kitchen.Calls = 0
    xs = list(range(3000))
    caller = []

    def call():
        caller.append(threading.get_ident())
        return kitchen.ParallelMap(xs, 8, square)

    out = _run_with_deadline(call)
    assert list(out) == [x * x for x in xs]
    assert kitchen.Calls == 3000
    assert threads - set(caller), "every callback ran on the calling thread: %r" % threads

    # Several Python threads, each inside Go, each receiving callbacks from many goroutines.
    results = [None] * 4

    def one(k):
        results[k] = list(kitchen.ParallelMap(list(range(500)), 4, lambda x: x + k))

    def all_threads():
        ts = [threading.Thread(target=one, args=(k,)) for k in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    _run_with_deadline(all_threads)
    for k in range(4):
        assert results[k] == [x + k for x in range(500)], k


def check_callback_after_the_call_returned():
    done = threading.Event()
    got = []

    def f(i):
        got.append((i, threading.get_ident()))
        if i == 9:
            done.set()

    assert kitchen.Background(10, f) is None
    # Keep the main thread busy in Python for a moment: the callback must still get the GIL.
    t0 = time.time()
    while time.time() - t0 < 0.2:
        sum(range(1000))
    assert done.wait(30), "the goroutine's callbacks never ran: got %r" % got
    assert [i for i, _ in got] == list(range(10))
    assert got[0][1] != threading.get_ident()


def check_exception_in_callback_on_another_goroutine_is_unraisable():
    reported = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: reported.append(u.exc_value)

    def f(x):
        if x == 3:
            raise ValueError("boom3")
        return x + 100

    try:
        out = _run_with_deadline(lambda: kitchen.ParallelMap([0, 1, 2, 3, 4, 5], 2, f))
    finally:
        sys.unraisablehook = old
    assert list(out) == [100, 101, 102, 0, 104, 105], "Go receives zero values from a failed callback"
    assert any(isinstance(e, ValueError) and "boom3" in str(e) for e in reported), reported


def check_callback_kept_by_go():
    b = kitchen.NewButton("ok")
    assert b.Label == "ok"
    assert b.Click() == ""
    b.OnClick(lambda n: "clicked %d" % n)
    assert b.Click() == "clicked 2"
    assert b.Click() == "clicked 3"
    b.OnClick(None)
    assert b.Click() == ""


def check_go_calls_from_inside_a_callback():
    # A callback on the calling thread calls Go again: results of both calls stay intact.
    def less(a, b):
        return kitchen.Greet(kitchen.JoinWords([a], "")) < kitchen.Greet(b)

    assert kitchen.SortBy(["pear", "apple", "fig", "안녕"], less) == ["apple", "fig", "pear", "안녕"]

    def inner(p):
        q = kitchen.Midpoint(p, Point(0, 0))
        return Point(q.X, q.Y, kitchen.Greet(p.Label))

    out = kitchen.TransformPoints([Point(2, 4, "a"), Point(6, 8, "b")], inner)
    assert [coords(p) for p in out] == [(1.0, 2.0, "hello, a"), (3.0, 4.0, "hello, b")]
    nested = kitchen.Map([1.0, 2.0], lambda x: kitchen.SumFloat64s(kitchen.Map([x, x], lambda y: y * 2)))
    assert list(nested) == [4.0, 8.0]


def check_goroutine_callbacks_call_go_again():
    # A callback on a Go-created thread calls back into Go (strings, structs, handles).
    def f(x):
        p = Point(x, x, kitchen.Greet(str(x)))
        return len(str(p)) + len(kitchen.Words("a b c"))

    xs = list(range(300))
    out = _run_with_deadline(lambda: kitchen.ParallelMap(xs, 6, f))
    assert list(out) == [len("hello, %d(%d, %d)" % (x, x, x)) + 3 for x in xs]


def check_deeply_nested_callbacks():
    def f(x):
        return x if x >= 100 else kitchen.Apply(x + 1, f)

    assert kitchen.Apply(0, f) == 100
    err = ValueError("deep")

    def g(x):
        if x >= 50:
            raise err
        return kitchen.Apply(x + 1, g)

    assert raises(ValueError, kitchen.Apply, 0, g) is err


def check_callback_gets_the_callers_own_go_object():
    p = Point(1, 2)
    seen = []

    def f(q):
        seen.append(q)
        q.X = 10
        return q == p

    assert kitchen.Visit(p, f) is True, "Go passed back the same *Point: equal by Go identity"
    assert p.X == 10.0 and seen[0] == p and hash(seen[0]) == hash(p)


def check_base_exceptions_in_callbacks_are_not_go_errors():
    # KeyboardInterrupt and SystemExit are not errors a Go caller should handle: they reach
    # the Python caller even through a callback whose Go signature returns error.
    for exc in (KeyboardInterrupt, SystemExit):
        def f(s, exc=exc):
            raise exc()

        try:
            kitchen.TryEach(["a"], f)
        except exc:
            pass
        except BaseException as e:
            raise AssertionError("%s in a callback became %s: %s" % (exc.__name__, type(e).__name__, e))
        else:
            raise AssertionError("%s in a callback was swallowed" % exc.__name__)
    assert kitchen.TryEach(["a"], lambda s: None) == 1


def check_gil_is_released_while_go_runs():
    entered = threading.Event()

    def sleeper():
        entered.set()
        kitchen.Sleep(600)

    t = threading.Thread(target=sleeper)
    t.start()
    entered.wait(10)
    time.sleep(0.05)  # let the thread enter Go
    t0 = time.time()
    n = sum(range(10000))  # needs the GIL
    took = time.time() - t0
    t.join()
    assert n == 49995000
    assert took < 0.3, "Python waited %.2f s for a Go call to finish: the GIL was held" % took


def check_interpreter_exit_while_goroutines_call_back():
    # Go may still be calling a Python callback when the interpreter exits: the process must
    # end normally, never crash.
    import subprocess
    code = ("import kitchen, threading\n"
            "kitchen.Subscribe(type('L', (), {'Notify': lambda self, e, n: None})())\n"
            "kitchen.Background(10**9, lambda i: None)\n"
            "keep = [kitchen.Point(i, i) for i in range(1000)]\n"
            "threading.Thread(target=kitchen.Publish, args=('x', 10**9), daemon=True).start()\n"
            "import time; time.sleep(0.2)\n"
            "print('exiting')\n")
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert r.returncode == 0 and r.stdout.strip() == "exiting", \
            "exit %d\n%s\n%s" % (r.returncode, r.stdout[-2000:], r.stderr[-2000:])


def check_ctrl_c_during_a_go_call_is_keyboard_interrupt():
    # Go's runtime must not take SIGINT from Python: Ctrl-C during a Go call becomes
    # KeyboardInterrupt in Python once the call returns, and the process carries on.
    import signal
    import subprocess
    code = ("import kitchen, time\n"
            "print('ready', flush=True)\n"
            "try:\n"
            "    kitchen.Sleep(2000)\n"
            "    time.sleep(0.2)\n"
            "    print('no interrupt')\n"
            "except KeyboardInterrupt:\n"
            "    print('KeyboardInterrupt')\n"
            "print('alive', kitchen.Sum(1, 2), flush=True)\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0 and out.split() == ["KeyboardInterrupt", "alive", "3.0"], \
        "exit %d\n%s\n%s" % (p.returncode, out, err[-1500:])


# --- Variadics, multiple results, errors, panics --------------------------------------------------

def check_variadics_are_star_args():
    assert kitchen.Sum() == 0.0
    assert kitchen.Sum(1, 2.5) == 3.5
    assert kitchen.Sum(*range(100)) == 4950.0
    assert kitchen.Sum(*array.array("d", [1.0, 2.0])) == 3.0
    assert kitchen.Join("-", "a", "b", "c") == "a-b-c"
    assert kitchen.Join(",") == ""
    assert kitchen.MaxOf(3) == 3 and kitchen.MaxOf(1, 5, 2) == 5
    raises(TypeError, kitchen.MaxOf)
    raises(TypeError, kitchen.Sum, [1.0, 2.0])  # a list is one argument, not the variadic list
    assert kitchen.Centroid(*[Point(0, 0), Point(4, 4)]).X == 2.0
    assert kitchen.TotalArea() == 0.0
    assert kitchen.Chain() is None, "a nil *Node is None"


def check_multiple_results_are_tuples_and_errors_raise():
    assert kitchen.MinMax([3, 1, 2]) == (1.0, 3.0)
    e = raises(kitchen.Error, kitchen.MinMax, [], match="empty input")
    assert isinstance(e, kitchen.GoError) and e.go_type == "*errors.errorString"
    assert kitchen.ParseColor("red") is kitchen.Red


def check_panics_become_go_panic():
    e = raises(kitchen.GoPanic, kitchen.Boom, "kaboom")
    assert str(e) == "kaboom" and e.go_type == "string"
    b = kitchen.Bag()
    e = raises(kitchen.GoPanic, b.Pick, 5, match="index out of range")
    assert not isinstance(e, kitchen.GoError)
    assert kitchen.Sum(1, 1) == 2.0


# --- Constants, variables, docs, threads ----------------------------------------------------------

def check_constants_and_variables():
    assert kitchen.Version == "1.0"
    assert kitchen.MaxWorkers == 64
    assert (kitchen.KB, kitchen.MB, kitchen.GB) == (1 << 10, 1 << 20, 1 << 30)
    assert kitchen.Motto == "Go fast, stay safe"
    kitchen.Motto = "간결하게"
    assert kitchen.Motto == "간결하게"
    assert list(kitchen.Names) == ["alpha", "beta"]
    kitchen.Names = ["x", "y", "z"]
    assert list(kitchen.Names) == ["x", "y", "z"]
    raises(AttributeError, setattr, kitchen, "Version", "2.0")


def check_docstrings_in_both_languages():
    assert "conformance sample" in kitchen.__doc__ and "적합성 예제입니다" in kitchen.__doc__
    assert "A point in the plane" in Point.__doc__ and "평면 위의 점입니다" in Point.__doc__
    assert "pointer receiver" in Point.Move.__doc__ and "포인터 리시버" in Point.Move.__doc__
    assert "The coordinates." in Point.X.__doc__ and "좌표입니다." in Point.X.__doc__
    assert "enumeration" in kitchen.Color.__doc__ and "열거형입니다" in kitchen.Color.__doc__
    assert "area and a name" in kitchen.Shape.__doc__
    assert "호출한 고루틴에서" in kitchen.Map.__doc__
    # Every bound declaration carries its Korean text.
    missing = []
    for name in dir(kitchen):
        obj = getattr(kitchen, name)
        if name[:1].isupper() and (callable(obj) and not isinstance(obj, type) or isinstance(obj, type)
                                   and obj.__module__ == kitchen.__name__):
            if name in ("Error", "GoError", "GoPanic", "GoHandleError"):
                continue
            doc = getattr(obj, "__doc__", None) or ""
            if not any("\uac00" <= ch <= "\ud7a3" for ch in doc):
                missing.append(name)
    assert not missing, "no Korean doc on: %s" % ", ".join(sorted(missing))


def check_structs_used_from_many_threads():
    errors = []

    def work(k):
        try:
            for i in range(2000):
                p = Point(i, k)
                p.Move(1, 1)
                assert (p.X, p.Y) == (i + 1.0, k + 1.0)
                assert str(p) == "Point(%g, %g)" % (i + 1, k + 1)
        except BaseException as e:  # reported below
            errors.append(e)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors, errors


def check_handle_count_and_collect():
    assert callable(kitchen.handle_count) and callable(kitchen.collect)
    for _ in range(3):
        gc.collect()
        kitchen.collect()
    start = kitchen.handle_count()
    assert isinstance(start, int) and start >= 0
    p = Point(1, 2)
    assert kitchen.handle_count() == start + 1, "one wrapper, one handle"
    del p
    deadline = time.time() + 10
    while kitchen.handle_count() != start and time.time() < deadline:
        gc.collect()
        kitchen.collect()
    assert kitchen.handle_count() == start
