"""Bad input from Python never crashes the process (issue 3 §3), checked on samples/kitchen
inside each interpreter: a wrong type is a TypeError naming the parameter and the type Go
expects, an integer out of range an OverflowError, None where Go takes no nil a TypeError,
a buffer of another element type is converted by value or refused (never reinterpreted), a string with an
embedded NUL survives unchanged. Where numpy is missing (Debian's PyPy) the buffer cases use
array.array and memoryview, so every case runs on both interpreters."""

import array
import platform

import kitchen

try:
    import numpy as np
except ImportError:
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
    except BaseException as e:
        raise AssertionError("%s%r raised %s(%s), not %s" % (getattr(fn, "__name__", fn), args,
                                                            type(e).__name__, e, exc_type))
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args,
                                                   getattr(exc_type, "__name__", exc_type)))


def names(e, *parts):
    """Asserts that the exception's text mentions every part (the parameter, the Go type)."""
    for part in parts:
        assert part in str(e), "%r does not mention %r" % (str(e), part)


class Square:
    def Area(self):
        return 4.0

    def Name(self):
        return "square"


# --- Wrong types --------------------------------------------------------------------------------

def check_wrong_scalar_type_names_parameter_and_type():
    names(raises(TypeError, kitchen.NewPoint, "1", 2, "x"), "'x'", "float")
    names(raises(TypeError, kitchen.NewPoint, 1, 2, 3), "'label'", "str")
    names(raises(TypeError, kitchen.Greet, 5), "'n'", "str")
    names(raises(TypeError, kitchen.ColorName, "red"), "'c'", "int")
    names(raises(TypeError, kitchen.Radians, "90"), "'d'", "float")
    names(raises(TypeError, kitchen.Grid, 2.0), "'n'", "int")


def check_wrong_struct_or_handle_type_names_parameter_and_type():
    names(raises(TypeError, kitchen.Midpoint, Point(), "not a point"), "'b'", "Point")
    names(raises(TypeError, kitchen.Translate, kitchen.Rect(W=1, H=1), 1, 1), "'p'", "Point")
    names(raises(TypeError, Point(1, 1).Dist, 5), "'q'", "Point")
    names(raises(TypeError, kitchen.Warmer, kitchen.Inventory({}), 1), "'t'", "Temps")
    names(raises(TypeError, kitchen.MoveAll, [Point(), "x"], 1, 1), "'pts'", "Point")
    names(raises(TypeError, kitchen.Labels, [Point(), kitchen.Rect()]), "'pts'", "Point")


def check_wrong_container_type_names_parameter_and_type():
    names(raises(TypeError, kitchen.SumFloat64s, 5), "'xs'")
    names(raises(TypeError, kitchen.SumFloat64s, "abc"), "'xs'")
    names(raises(TypeError, kitchen.JoinWords, "abc", ","), "'words'")  # a str is not a []string
    names(raises(TypeError, kitchen.Histogram, {"a": 1}.items()), "'words'")
    names(raises(TypeError, kitchen.Invert, [("a", 1)]), "'m'")
    names(raises(TypeError, kitchen.EchoBytes, "text"), "'xs'")  # no implicit encoding
    names(raises(TypeError, kitchen.Upper, 12), "'b'")
    names(raises(TypeError, kitchen.Map, [1.0], 5), "'f'")  # not callable


def check_wrong_type_in_fields_and_constructors():
    p = Point()
    names(raises(TypeError, setattr, p, "X", "a"), "X", "float")
    names(raises(TypeError, setattr, p, "Label", 5), "Label", "str")
    names(raises(TypeError, Point, X="a"), "X", "float")
    line = kitchen.Line()
    names(raises(TypeError, setattr, line, "Start", (1, 2)), "Start", "Point")
    b = kitchen.Bag()
    names(raises(TypeError, setattr, b, "Weights", ["x"]), "Weights")
    names(raises(TypeError, setattr, b, "Counts", {1: 1}), "Counts")
    names(raises(TypeError, setattr, b, "Shape", 5), "Shape")
    raises(AttributeError, setattr, p, "Z", 1)  # no such field: no silent new attribute
    assert (p.X, p.Y, p.Label) == (0.0, 0.0, "")
    # A constructor names the field that is wrong, not one left out (None: Go's zero value)
    # before it; and a field it does not have, by the class's name.
    names(raises(TypeError, kitchen.Bag, Tint="red"), "'Tint'")
    names(raises(TypeError, kitchen.Bag, Items=None, Raw=5), "'Raw'")
    names(raises(TypeError, kitchen.Bag, Corner=["x", 1.0]), "'Corner'")
    e = raises(TypeError, kitchen.Bag, Name="b")
    # As for any class's __init__: CPython says "Bag.__init__()", PyPy "__init__()".
    names(e, "__init__()" if PYPY else "Bag", "'Name'")
    assert "_g" not in str(e), str(e)


def check_wrong_arity_and_keywords():
    raises(TypeError, kitchen.Midpoint, Point())
    raises(TypeError, kitchen.Midpoint, Point(), Point(), Point())
    raises(TypeError, kitchen.Greet, m="x")
    assert kitchen.Greet(n="kw") == "hello, kw"


# --- Out of range -------------------------------------------------------------------------------

def check_out_of_range_is_overflow_error():
    names(raises(OverflowError, kitchen.BigEndian, 1 << 32), "'x'", "uint32")
    names(raises(OverflowError, kitchen.BigEndian, -1), "'x'", "uint32")
    names(raises(OverflowError, kitchen.EchoInt8s, [1, 200]), "'xs'", "int8")
    names(raises(OverflowError, kitchen.EchoUint16s, [-1]), "'xs'", "uint16")
    raises(OverflowError, kitchen.EchoInts, [1 << 63])
    raises(OverflowError, kitchen.EchoUint64s, [1 << 64])
    raises(OverflowError, kitchen.EchoUint8s, [256])
    raises(OverflowError, kitchen.EchoFloat32s, [1e39])  # finite, beyond float32 (caa3628)
    raises(OverflowError, kitchen.EchoMapBoolFloat32, {True: -1e39})
    assert list(kitchen.EchoFloat32s([float("inf")])) == [float("inf")]
    raises(OverflowError, kitchen.Chain, 1, 1 << 63)  # variadic int
    raises(OverflowError, kitchen.ColorName, 1 << 63)
    raises(OverflowError, kitchen.EchoMapInt64Bytes, {1 << 63: b""})
    raises(OverflowError, kitchen.Invert, {"a": 1 << 64})
    raises(OverflowError, kitchen.SumArray, [1, 2, 3, 1 << 63])
    n = kitchen.Node()
    raises(OverflowError, setattr, n, "Value", 1 << 63)
    assert n.Value == 0


def check_out_of_range_callback_result_reaches_the_caller():
    raises(OverflowError, kitchen.Apply, 1, lambda x: 1 << 70)
    assert kitchen.Apply(1, lambda x: x + 1) == 2


# --- None where Go takes no nil -----------------------------------------------------------------

def check_none_where_go_takes_no_nil_is_type_error():
    names(raises(TypeError, kitchen.Greet, None), "'n'")
    names(raises(TypeError, kitchen.CToF, None), "'c'")
    names(raises(TypeError, kitchen.ColorName, None), "'c'")
    names(raises(TypeError, kitchen.Midpoint, None, Point()), "'a'", "Point")  # a struct value is never nil
    names(raises(TypeError, kitchen.Cross, None, [0, 0, 1]), "'a'")  # nor is an array
    names(raises(TypeError, kitchen.Sum, 1.0, None), "float")
    raises(TypeError, kitchen.Histogram, ["a", None])
    raises(TypeError, kitchen.Invert, {"a": None})
    raises(TypeError, Point, Label=None)
    p = Point()
    raises(TypeError, setattr, p, "Label", None)
    raises(TypeError, setattr, kitchen.Line(), "Start", None)
    # Where Go does take nil, None is nil.
    assert kitchen.IsNil(None) is True
    assert kitchen.Apply(3, None) == 3
    assert kitchen.OrDefault(None, "d") == "d"


def check_nil_interface_method_call_is_a_panic_not_a_crash():
    raises(kitchen.GoPanic, kitchen.Describe, None)
    assert kitchen.Describe(Square()) == "square with area 4.00"


# --- NUL bytes ----------------------------------------------------------------------------------

def check_embedded_nul_round_trips_everywhere():
    s = "a\x00b\x00"
    assert kitchen.Greet(s) == "hello, " + s
    assert kitchen.EchoStrings([s, "\x00"]) == [s, "\x00"]
    assert kitchen.JoinWords([s, s], "\x00") == s + "\x00" + s
    assert kitchen.Histogram(["\x00", "\x00", s]) == {"\x00": 2, s: 1}
    p = Point(Label=s)
    assert p.Label == s and str(p) == s + "(0, 0)"
    p.Label = "\x00"
    assert p.Label == "\x00"
    got = []
    kitchen.Walk([s], lambda i, item: got.append(item) or True)
    assert got == [s]

    class Named(Square):
        def Name(self):
            return "x\x00y"

    assert kitchen.Describe(Named()) == "x\x00y with area 4.00"
    assert kitchen.EchoBytes(b"\x00" * 5) == b"\x00" * 5
    odd = "surrogate-escaped \udcff bytes"
    assert kitchen.EchoStrings([odd]) == [odd] and kitchen.Histogram([odd]) == {odd: 1}
    assert kitchen.Invert({"\x00k": 1}) == {1: "\x00k"}


# --- Wrong elements, wrong buffers, wrong lengths -------------------------------------------------

def check_wrong_element_type_in_a_list():
    names(raises(TypeError, kitchen.EchoInts, [1, "2"]), "'xs'", "int")
    names(raises(TypeError, kitchen.EchoInts, [1, 2.5]), "'xs'", "int")
    raises(TypeError, kitchen.EchoInts, [1, None])
    names(raises(TypeError, kitchen.SumFloat64s, [1.0, "x"]), "'xs'", "float")
    raises(TypeError, kitchen.EchoBools, [1, 0])
    raises(TypeError, kitchen.EchoStrings, ["a", b"b"])
    raises(TypeError, kitchen.Transpose, [[1], [2.5]])
    raises(TypeError, kitchen.Transpose, [[1], "ab"])
    raises(TypeError, kitchen.Means, {"a": ["x"]})
    raises(TypeError, kitchen.EchoComplex128s, ["1+2j"])


def _float32_buffer(values):
    if np is not None:
        return np.array(values, dtype=np.float32)
    return array.array("f", values)


def check_buffer_of_another_element_type_is_converted_by_value_or_refused_never_reinterpreted():
    # Issue 11: a buffer of other numbers is converted by value into a copy when every value
    # converts exactly (Go's writes then stay in the copy); otherwise it is refused. Its memory
    # is never read as the slice's element type.
    f32 = _float32_buffer([1.0, 2.0, 3.0])
    assert kitchen.SumFloat64s(f32) == 6.0
    kitchen.DoubleFloat64s(f32)
    assert list(f32) == [1.0, 2.0, 3.0], "a converted copy was written back"
    assert kitchen.SumFloat64s(memoryview(array.array("f", [1.0, 2.0]))) == 3.0
    assert kitchen.SumFloat64s(array.array("q", [1, 2])) == 3.0  # same size, other kind: by value
    names(raises(TypeError, kitchen.SumFloat64s, array.array("q", [2 ** 53 + 1])), "'xs'", "float64")
    names(raises(TypeError, kitchen.DoubleFloat32s, array.array("d", [0.1])), "'xs'", "float32")  # inexact
    ints = array.array("i", [1, 2])  # int32 for Go int: widened by value
    kitchen.DoubleInts(ints)
    assert list(ints) == [1, 2]
    names(raises(TypeError, kitchen.DoubleInt32s, array.array("q", [1, 2 ** 40])), "'xs'", "int32")
    raises(TypeError, kitchen.SumInt32s, bytearray(b"\x01\x00\x00\x00"))  # bytes are never numbers
    raises(TypeError, kitchen.DoubleInt64s, array.array("d", [1.0]))  # floats never become integers
    raises(TypeError, kitchen.Upper, array.array("h", [1]))  # nor anything else bytes
    if np is not None:
        assert kitchen.SumFloat64s(np.arange(3, dtype=np.int64)) == 3.0
        raises(TypeError, kitchen.DoubleInt32s, np.arange(3, dtype=np.float32))
        assert kitchen.SumFloat64s(np.ones((2, 2))) == 4.0  # 2-D: row-major, in place
        assert kitchen.SumFloat64s(np.array([1.0, 2.0], dtype=">f8")) == 3.0  # byte order: by value
        raises(TypeError, kitchen.SumFloat64s, np.zeros(2, dtype=[("a", "<f8"), ("b", "<f8")]))
    raises(TypeError, kitchen.SumFloat64s, memoryview(array.array("d", [1.0])).cast("B"))


def check_strided_buffer_is_read_correctly_or_refused():
    a = array.array("d", [1.0, 10.0, 2.0, 20.0, 3.0, 30.0])
    view = memoryview(a)[::2]
    try:
        got = kitchen.SumFloat64s(view)
    except (TypeError, ValueError, BufferError):
        pass
    else:
        assert got == 6.0, "a strided view was read as contiguous memory: %r" % got
    if np is not None:
        x = np.array([1.0, 10.0, 2.0, 20.0, 3.0, 30.0])
        try:
            got = kitchen.SumFloat64s(x[::2])
        except (TypeError, ValueError, BufferError):
            pass
        else:
            assert got == 6.0, "a strided numpy view was read as contiguous memory: %r" % got
        y = np.array([1.0, 10.0, 2.0, 20.0])
        try:
            kitchen.DoubleFloat64s(y[::2])
        except (TypeError, ValueError, BufferError):
            pass
        assert list(y[1::2]) == [10.0, 20.0], "Go wrote between the elements of a strided view"


def check_go_never_writes_into_an_immutable_or_read_only_buffer():
    # bytes are immutable and CPython shares them (every b"q" is one cached object; literals
    # are constants; dict keys cache their hash): a Go function that writes into its []byte
    # argument must not reach them. Refusing the buffer or writing into a copy are both fine.
    def attempt(fn, buf):
        try:
            fn(buf)
        except (TypeError, ValueError, BufferError):
            pass

    attempt(kitchen.Upper, b"q")
    assert b"q" != b"Q" and "q".encode() == bytes([113]), "Go wrote into the interpreter's cached b'q'"
    data = bytes(bytearray(b"abc"))
    attempt(kitchen.Upper, data)
    assert data == b"abc", "Go wrote into an immutable bytes object: %r" % data
    ro = memoryview(bytearray(b"xy")).toreadonly()
    attempt(kitchen.Upper, ro)
    assert bytes(ro) == b"xy", "Go wrote through a read-only memoryview"
    attempt(kitchen.DoubleFloat64s, memoryview(array.array("d", [1.0])).toreadonly())
    if np is not None:
        x = np.arange(3.0)
        x.flags.writeable = False
        attempt(kitchen.DoubleFloat64s, x)
        assert list(x) == [0.0, 1.0, 2.0], "Go wrote into a read-only numpy array"
    # Reading them is still fine.
    assert kitchen.Checksum(b"abc") == kitchen.Checksum(bytearray(b"abc"))
    assert kitchen.SumFloat64s(memoryview(array.array("d", [1.0, 2.0])).toreadonly()) == 3.0


def check_resizing_a_buffer_while_go_reads_it_never_crashes():
    # A callback (or another thread: the GIL is released while Go runs) may resize the
    # array.array whose memory Go is reading. CPython refuses while the buffer is exported
    # (BufferError); PyPy does not lock exported buffers, so the binding must not leave Go
    # reading freed memory there either. Run in a child process: a failure is a crash.
    import subprocess
    import sys
    code = ("import array, kitchen\n"
            "a = array.array('d', bytes(8 * 4000000))\n"
            "n = [0]\n"
            "def f(x):\n"
            "    n[0] += 1\n"
            "    if n[0] == 1:\n"
            "        a.extend(a)  # moves the buffer\n"
            "    return x + 1\n"
            "try:\n"
            "    r = kitchen.Map(a, f)\n"
            "except BufferError:\n"
            "    print('refused')\n"
            "else:\n"
            "    assert len(r) == 4000000 and r[0] == 1.0 and r[-1] == 1.0, (len(r), r[0], r[-1])\n"
            "    print('copied')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stdout.strip() in ("refused", "copied"), \
        "exit %d\n%s\n%s" % (r.returncode, r.stdout[-1000:], r.stderr[:1500])


def check_wrong_array_length_names_parameter():
    for bad in ([1, 0], [1, 0, 0, 0], []):
        try:
            kitchen.Cross(bad, [0, 1, 0])
        except (ValueError, TypeError) as e:
            names(e, "'a'", "3")
        else:
            raise AssertionError("Cross(%r) did not raise" % (bad,))
    try:
        kitchen.SumArray(array.array("q", [1, 2, 3]))
    except (ValueError, TypeError) as e:
        names(e, "'xs'", "4")
    else:
        raise AssertionError("SumArray of 3 elements did not raise")
    b = kitchen.Bag()
    try:
        b.Corner = [1.0]
    except (ValueError, TypeError) as e:
        names(e, "Corner")
    else:
        raise AssertionError("a [2]float64 field took one element")


def check_dict_with_wrong_key_or_value_type():
    names(raises(TypeError, kitchen.Invert, {1: 1}), "'m'", "str")
    names(raises(TypeError, kitchen.EchoMapInt64Bytes, {"a": b""}), "'m'", "int")
    raises(TypeError, kitchen.EchoMapInt64Bytes, {1: "not bytes"})
    raises(TypeError, kitchen.EchoMapBoolFloat32, {1: 0.5})
    raises(TypeError, kitchen.Means, {"a": 1.0})
    raises(TypeError, kitchen.Nest, {"a": {"b": "c"}})
    raises(TypeError, kitchen.Inventory, {"a": "one"})


# --- Interfaces and callbacks ---------------------------------------------------------------------

def check_object_missing_an_interface_method_is_type_error():
    class Half:
        def Area(self):
            return 1.0

    names(raises(TypeError, kitchen.Describe, Half()), "'s'", "Shape", "Name")
    raises(TypeError, kitchen.TotalArea, Square(), Half())
    raises(TypeError, kitchen.Largest, [Half()])
    names(raises(TypeError, kitchen.Density, Square(), 1.0), "'s'", "Solid", "Volume")
    names(raises(TypeError, kitchen.Subscribe, object()), "'l'", "Listener", "Notify")
    # A bound Go struct that does not implement the interface is refused the same way.
    names(raises(TypeError, kitchen.Describe, Point()), "'s'", "Shape")
    names(raises(TypeError, kitchen.CheckAll, kitchen.Rect(), ["a"]), "'v'", "Validator")
    raises(TypeError, setattr, kitchen.Bag(), "Shape", Half())

    class NotCallable:
        Area = 5.0
        Name = "n"

    raises(TypeError, kitchen.Describe, NotCallable())


def check_python_method_returning_the_wrong_type():
    class BadArea(Square):
        def Area(self):
            return "big"

    raises(TypeError, kitchen.Describe, BadArea())

    class BadGet:
        def Get(self, key):
            return b"x"  # not a (bytes, bool) tuple

        def Put(self, key, value):
            return None

        def Keys(self):
            return ["k"]

    raises(TypeError, kitchen.CopyStore, kitchen.NewMemStore(), BadGet())
    assert kitchen.Describe(Square()) == "square with area 4.00"


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("__str__ failed")


def check_exception_that_cannot_be_printed_in_a_callback():
    # The binding turns a callback's exception into text for Go; an exception whose __str__
    # fails must still fail the call, never pass for success or kill the process.
    class V:
        def Validate(self, value):
            raise Unprintable()

    try:
        n = kitchen.CheckAll(V(), ["a", "b"])
    except kitchen.Error:
        pass
    except Unprintable:
        pass
    else:
        raise AssertionError("a failing Validate counted as a pass: CheckAll returned %r" % (n,))

    class S(Square):
        def Name(self):
            raise Unprintable()

    raises(Unprintable, kitchen.Describe, S())
    # From other goroutines (unraisable): run in a child process, where a failure is a crash.
    import subprocess
    import sys
    code = ("import kitchen\n"
            "class Unprintable(Exception):\n"
            "    def __str__(self):\n"
            "        raise RuntimeError('__str__ failed')\n"
            "def f(x):\n"
            "    raise Unprintable()\n"
            "print(list(kitchen.ParallelMap([1, 2, 3], 2, f)))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "[0, 0, 0]", \
        "exit %d\n%s\n%s" % (r.returncode, r.stdout[-1000:], r.stderr[:1500])


def check_go_call_in_a_forked_child_raises_instead_of_hanging():
    # Go's runtime does not survive fork() (its threads stay in the parent): a forked child
    # that calls Go hangs forever. multiprocessing forks by default on Linux, so this is easy
    # to hit; the binding knows (os.register_at_fork) and can raise instead.
    import subprocess
    import sys
    code = ("import os, kitchen\n"
            "kitchen.Sum(1, 2)\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    try:\n"
            "        kitchen.ParallelMap([1, 2, 3], 2, lambda x: x)  # needs Go's other threads\n"
            "        kitchen.collect()\n"
            "        print('child ran Go', flush=True)\n"
            "    except Exception as e:\n"
            "        print('child raised', type(e).__name__, flush=True)\n"
            "    os._exit(0)\n"
            "import time\n"
            "for _ in range(200):\n"
            "    if os.waitpid(pid, os.WNOHANG)[0]:\n"
            "        break\n"
            "    time.sleep(0.05)\n"
            "else:\n"
            "    os.kill(pid, 9)\n"
            "    os.waitpid(pid, 0)\n"
            "    print('child hung', flush=True)\n"
            "print('parent', kitchen.Sum(3, 4), flush=True)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "child hung" not in r.stdout, "a Go call in a forked child hung (killed after 10 s)"
    lines = r.stdout.split("\n")
    assert r.returncode == 0 and "parent 7.0" in lines, (r.returncode, r.stdout, r.stderr[-1000:])
    assert any(l.startswith("child raised") or l == "child ran Go" for l in lines), r.stdout


def check_callback_with_wrong_result_or_arity():
    raises(TypeError, kitchen.Map, [1.0], lambda x: "str")
    raises(TypeError, kitchen.Map, [1.0], lambda x: None)
    raises(TypeError, kitchen.Map, [1.0], lambda: 1.0)
    raises(TypeError, kitchen.Lookup, ["a"], lambda k: 5)
    raises(TypeError, kitchen.Lookup, ["a"], lambda k: (1, True, 3))
    raises(TypeError, kitchen.Walk, ["a"], lambda i, s: None)
    raises(TypeError, kitchen.TransformPoints, [Point()], lambda p: (1, 2))
    assert list(kitchen.Map([1.0], lambda x: x * 3)) == [3.0]


def check_bad_input_from_many_threads_at_once():
    import threading
    errors = []

    def work():
        try:
            for i in range(500):
                raises(TypeError, kitchen.SumFloat64s, [1.0, "x"])
                raises(OverflowError, kitchen.BigEndian, 1 << 40)
                raises(TypeError, kitchen.Describe, object())
                assert kitchen.SumFloat64s([float(i)]) == float(i)
        except BaseException as e:  # reported below
            errors.append(e)

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors, errors
