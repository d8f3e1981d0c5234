"""Memory safety of generated modules (issue 10 §3), on tests/e2e/fixtures/keep inside each
interpreter: slices Go keeps stay valid after Python drops them (the keep-alive rule and the
`//gpic:` directives), a kept buffer cannot be resized under Go on CPython, an exception raised
by a call that took a buffer survives a reference cycle and the cycle collector, and Go
objects holding Go memory do not pile up on PyPy.

Crashes and resident-memory measurements run in a fresh interpreter of their own (the one
under test, sys.executable), so that a crash fails one check and the others still report."""

import array
import gc
import os
import subprocess
import sys

import keep

PYPY = hasattr(sys, "pypy_version_info")
MB = 1 << 20


def churn_memory():
    """Allocates and frees enough to reuse the memory of anything freed too early."""
    junk = []
    for i in range(2000):
        junk.append(array.array("d", [float(i)] * 64))
        junk.append(bytearray(b"\xab" * 512))
    del junk
    gc.collect()


def run_child(code, timeout=600):
    """Runs `code` in a fresh interpreter like this one; returns (exit status, stdout, stderr)."""
    env = dict(os.environ)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=timeout)
    return r.returncode, r.stdout, r.stderr


# --- Go keeps a lent slice --------------------------------------------------------------------------

def check_constructor_keeps_its_slice_after_python_drops_it():
    for make in (lambda v: array.array("d", v), list, tuple, lambda v: memoryview(array.array("d", v))):
        d = keep.NewDense(2, 2, make([4.0, 7.0, 2.0, 6.0]))
        gc.collect()
        churn_memory()
        assert d.Det() == 10.0, (make, d.Det())
        assert d.Sum() == 19.0
        assert d.At(1, 0) == 2.0


def check_many_kept_matrices_read_back_correctly():
    ms = [keep.NewDense(2, 2, array.array("d", [float(i), 1.0, 2.0, 3.0])) for i in range(2000)]
    gc.collect()
    churn_memory()
    for i, m in enumerate(ms):
        assert m.Det() == 3.0 * i - 2.0, (i, m.Det())


def check_kept_slice_is_shared_on_cpython_and_a_copy_on_pypy():
    a = array.array("d", [4.0, 7.0, 2.0, 6.0])
    d = keep.NewDense(2, 2, a)
    a[0] = 5.0
    # CPython lends the buffer itself; PyPy lends a copy made at the call (it cannot lock a buffer).
    assert d.Det() == (10.0 if PYPY else 16.0), d.Det()


def check_reader_keeps_its_bytes():
    r = keep.NewReader(b"hello, " + b"world" * 3)
    gc.collect()
    churn_memory()
    assert r.Len() == 22
    assert r.ReadAll() == "hello, worldworldworld"
    r2 = keep.NewReader(bytearray(b"abc"))
    churn_memory()
    assert r2.ReadAll() == "abc"


def check_kept_buffer_cannot_be_resized_on_cpython():
    a = array.array("d", [4.0, 7.0, 2.0, 6.0])
    b = bytearray(b"abcdef")
    d = keep.NewDense(2, 2, a)
    r = keep.NewReader(b)
    if PYPY:
        # PyPy cannot lock a buffer: Go keeps a copy made at the call instead.
        a.extend([0.0] * 1000)
        b.extend(b"x" * 1000)
        churn_memory()
        assert d.Det() == 10.0 and r.ReadAll() == "abcdef"
        return
    for grow in (lambda: a.append(1.0), lambda: b.extend(b"x"), lambda: a.frombytes(b"\0" * 8)):
        try:
            grow()
        except BufferError:
            pass
        else:
            raise AssertionError("a buffer Go keeps was resized")
    assert d.Det() == 10.0
    del d, r
    gc.collect()
    a.append(1.0)  # the owners are gone: the buffers are free again
    b.extend(b"x")


def check_release_lets_the_kept_buffer_go():
    a = array.array("d", [1.0, 2.0, 3.0, 4.0])
    d = keep.NewDense(2, 2, a)
    e = keep.NewDense(2, 2, a)  # kept by two owners
    keep.release(d)
    if not PYPY:
        try:
            a.append(5.0)
        except BufferError:
            pass
        else:
            raise AssertionError("the second owner's buffer was let go with the first")
    assert e.Sum() == 10.0
    keep.release(e)
    a.append(5.0)  # no owner left
    try:
        d.Det()
    except keep.GoHandleError:
        pass
    else:
        raise AssertionError("a released matrix was read")


def check_borrowed_slice_is_not_kept():
    a = array.array("d", [1.0, 2.0, 3.0])
    s = keep.Summarize(a)
    assert s.Total == 6.0
    a.append(4.0)  # not kept: free to resize at once, even on CPython


def check_method_keeps_its_slice_with_the_receiver():
    ring = keep.NewRing()
    for i in range(50):
        ring.Attach(array.array("i", [i, 1]))
    ring.Attach([1000, 1])
    gc.collect()
    churn_memory()
    assert ring.Total() == sum(range(50)) + 50 + 1001
    if not PYPY:
        a = array.array("i", [1, 2])
        ring.Attach(a)
        try:
            a.append(3)
        except BufferError:
            pass
        else:
            raise AssertionError("a buffer the ring keeps was resized")


def check_package_setter_keeps_a_go_copy():
    a = array.array("d", [1.0, 2.0, 3.0])
    keep.SetGlobal(a)
    a.append(100.0)  # Go kept its own copy: the caller's buffer is free
    a[0] = 50.0
    del a
    gc.collect()
    churn_memory()
    assert keep.GlobalSum() == 6.0


def check_kept_numpy_array():
    if PYPY:
        return  # Debian's PyPy has no numpy (scripts/install-deps installs it for CPython)
    import numpy
    a = numpy.array([4.0, 7.0, 2.0, 6.0])
    d = keep.NewDense(2, 2, a)
    del a
    gc.collect()
    churn_memory()
    assert d.Det() == 10.0
    b = numpy.array([1.0, 2.0, 3.0, 4.0])
    e = keep.NewDense(2, 2, b)
    try:
        b.resize(8)  # numpy refuses to resize an array whose buffer is exported
    except (ValueError, BufferError):
        pass
    else:
        raise AssertionError("a numpy array Go keeps was resized")
    assert e.Sum() == 10.0


# --- An exception raised by a call that took a buffer ---------------------------------------------

CYCLE = r"""
import array, gc, sys
import keep
sys.unraisablehook = lambda u: print("UNRAISABLE", u.exc_type.__name__, u.exc_value, flush=True)

def kept_in_a_cycle(call):
    try:
        call()
    except (keep.GoError, keep.GoPanic) as e:
        err = e      # err -> the exception -> its traceback -> this frame -> err: a cycle
        return None
    raise AssertionError("no exception")

for i in range(200):
    for call in (lambda: keep.Fail(bytearray(b"abc")), lambda: keep.Fail(b"abcd"),
                 lambda: keep.Boom(array.array("d", [1.0, 2.0])), lambda: keep.Boom([1.0]),
                 lambda: keep.Boom(memoryview(array.array("d", [3.0])))):
        kept_in_a_cycle(call)
    gc.collect()   # the cycles are garbage now: the collector clears them
print("ok")
"""


def check_exception_in_a_cycle_after_a_buffer_call_does_not_crash():
    code, out, err = run_child(CYCLE)
    assert code == 0 and out.strip().endswith("ok"), (code, out[-2000:], err[-2000:])
    assert "UNRAISABLE" not in out and "BufferError" not in err + out, (out[-2000:], err[-2000:])


def check_error_and_panic_from_buffer_calls_are_raised():
    try:
        keep.Fail(b"ab")
    except keep.Error as e:
        assert str(e) == "fail: xx"
    else:
        raise AssertionError("no error")
    try:
        keep.Boom(array.array("d", [1.0]))
    except keep.GoPanic as e:
        assert "boom" in str(e)
    else:
        raise AssertionError("no panic")


# --- Memory Go objects hold -------------------------------------------------------------------------

MEMORY = r"""
import gc, os, sys
import keep
PAGE = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE
def blobs(n):
    for i in range(n):
        b = keep.NewBlob(8192)
def pairs(n):
    for i in range(n):
        p = keep.NewPair(i, i)
        q = keep.NewPair(i, 1)
work = {"blobs": lambda: blobs(100000), "pairs": lambda: pairs(500000)}[sys.argv[1]]
blobs(2000) if sys.argv[1] == "blobs" else pairs(2000)
gc.collect(); keep.collect()
start = rss()
work()
print((rss() - start) / float(1 << 20))
"""


def memory_growth(workload):
    code, out, err = run_child(MEMORY.replace("sys.argv[1]", repr(workload)))
    assert code == 0, (code, out[-2000:], err[-2000:])
    return float(out.strip().splitlines()[-1])


def check_memory_100000_structs_holding_8kb_strings():
    growth = memory_growth("blobs")
    assert growth < 50, "100,000 structs holding 8 KB grew resident memory by %.0f MB" % growth


def check_memory_500000_small_struct_pairs():
    growth = memory_growth("pairs")
    assert growth < 50, "500,000 small struct pairs grew resident memory by %.0f MB" % growth


# --- Small inconsistencies --------------------------------------------------------------------------

def check_released_handle_in_a_list_raises_go_handle_error():
    sq = keep.Square(Side=2.0)
    assert keep.TotalArea([sq]) == 4.0
    keep.release(sq)
    try:
        keep.TotalArea([sq])
    except keep.GoHandleError:
        pass
    else:
        raise AssertionError("a released handle in a list was accepted")


def check_callback_returning_a_non_error_raises_type_error():
    assert keep.Check(lambda n: None) == "nil"
    try:
        keep.Check(lambda n: 5)
    except TypeError:
        pass
    else:
        raise AssertionError("a callback typed func(...) error returned 5 and Go saw a nil error")


def check_byte_slice_refuses_a_dict():
    assert keep.Len(b"abc") == 3
    for bad in ({1: 2}, {}, {"a": 1}):
        try:
            keep.Len(bad)
        except TypeError:
            pass
        else:
            raise AssertionError("[]byte accepted %r" % (bad,))
