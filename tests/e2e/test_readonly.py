"""The //gpic:readonly mark (issue 15 §4): a slice parameter Go only reads takes bytes and other
read-only buffers without a copy, on every Python target and interpreter; an unmarked one keeps
copying them, so that Go's writes never reach an immutable object.

"Without a copy" is checked where it can be seen: Go returns the address where it found the
slice, and Python compares it with the address of the buffer it passed (cffi's from_buffer,
numpy's __array_interface__, array.array's buffer_info)."""

import os

import pytest

from conftest import ROOT, TARGETS, run_python

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "readonly", "readonly.gpi")

CODE = r'''
import array, platform
import cffi
import readonly as m

PYPY = platform.python_implementation() == "PyPy"
try:
    import numpy
except ImportError:
    numpy = None
ffi = cffi.FFI()


def addr(buf):
    """Where a buffer's bytes are, as cffi lends them (the same place gpic lends them from)."""
    return int(ffi.cast("uintptr_t", ffi.from_buffer(buf)))


def fnv(b):
    h = 14695981039346656037
    for c in bytes(b):
        h = ((h ^ c) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


small = bytes(range(256)) * 4 + b"tail"
big = bytes(range(256)) * 4096   # 1 MiB: outside PyPy's nursery, where bytes do not move

# Correct results for every kind of bytes-like value, marked or not.
for value in (small, big, bytearray(small), memoryview(small), memoryview(small)[5:900],
              memoryview(bytearray(small)), b"", bytearray(), [1, 2, 3], (4, 5)):
    assert m.Sum64(value) == fnv(value), type(value)

# readonly: a bytes reaches Go where it is (on PyPy a small bytes is lent as cffi lends it:
# one copy, made once and kept as long as the bytes; a large one in place).
for b in (small, big):
    keep = ffi.from_buffer(b)   # held, so that a fresh copy could not land at the same address
    assert m.Addr(b) == int(ffi.cast("uintptr_t", keep)) != 0, len(b)
    assert m.Addr(b) == m.Addr(b)
    del keep
assert m.Addr(b"") == 0
if not PYPY:
    assert m.Addr(memoryview(small)) == addr(small)
    assert m.Addr(memoryview(small)[8:]) == addr(small) + 8
    # A bytearray is lent in place (CPython locks it against resizing while Go reads). PyPy
    # does not lock exported buffers, so there it is copied, readonly or not.
    ba = bytearray(small)
    assert m.Addr(ba) == addr(ba)
    floats = array.array("d", [1.0, 2.0, 3.5])
    assert m.AddrFloats(floats) == floats.buffer_info()[0]
assert m.SumFloats(array.array("d", [1.0, 2.0, 3.5])) == 6.5
assert m.SumFloats([1.0, 2.0]) == 3.0
if numpy is not None:
    u8 = numpy.frombuffer(small, dtype=numpy.uint8)   # read-only: a view of the bytes
    assert not u8.flags.writeable
    assert m.Addr(u8) == u8.__array_interface__["data"][0] == addr(small)
    assert m.Sum64(u8) == fnv(small)
    f = numpy.arange(10.0)
    f.flags.writeable = False
    assert m.AddrFloats(f) == f.__array_interface__["data"][0]
    assert m.SumFloats(f) == 45.0

# Not marked: Go may write, so a read-only buffer is copied and never changes...
for b in (bytes(small), b"\x01", big):
    before = bytes(b)
    assert m.Scribble(b) == len(b)
    assert b == before
    assert m.ScribbleAddr(b) != addr(b)
assert b"\x01" == bytes([1])   # CPython shares one-byte bytes: still intact
mv = memoryview(small)
m.Scribble(mv)
assert small == bytes(range(256)) * 4 + b"tail"
if numpy is not None:
    ro = numpy.frombuffer(small, dtype=numpy.uint8)
    m.Scribble(ro)
    assert small == bytes(range(256)) * 4 + b"tail"
# ...and a writable one still sees Go's writes.
ba = bytearray(small)
assert m.Scribble(ba) == len(ba)
assert ba == b"\xff" * len(small)
if not PYPY:
    ba = bytearray(small)
    assert m.ScribbleAddr(ba) == addr(ba) and ba[0] == 0xFF

# None is Go's nil (issue 11), marked or not: FNV-1a of no bytes, as for an empty slice.
assert m.Sum64(None) == m.Sum64(b"") == 14695981039346656037

# Refused as before, marked or not.
for bad in ("text", 3, array.array("d", [1.0])):
    try:
        m.Sum64(bad)
    except TypeError:
        pass
    else:
        raise AssertionError("Sum64(%r) was accepted" % (bad,))
print("ok")
'''


@pytest.mark.parametrize("target,interp", TARGETS)
def test_readonly(build_cache, target, interp):
    out = build_cache(GPI, interp, target)
    r = run_python(interp, out, CODE)
    assert r.returncode == 0 and r.stdout.strip().endswith("ok"), r.stdout[-3000:] + r.stderr[-3000:]
