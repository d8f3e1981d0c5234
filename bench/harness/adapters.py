"""What each contender's workloads look like from Python.

Runs inside the interpreter being measured (CPython 3 or PyPy 3.9: no `match`, no `X | Y`).
`make(contender, group, ctx)` returns {workload id: Work or NA}. A Work is a timeit statement
plus the namespace it runs in and a check of its result, so that a contender that computes the
wrong thing fails instead of looking fast.
"""
import array
import importlib
import os
import sys
import types

from contenders import HASH_WORKLOADS


class Work(object):
    """One timed statement: `stmt` run in `ns`; `check()` raises if the contender is wrong."""

    def __init__(self, stmt, ns, check=None, note=""):
        self.stmt = stmt
        self.ns = ns
        self.check = check
        self.note = note


class NA(object):
    """A workload this contender does not offer (or cannot build yet), with the reason."""

    def __init__(self, reason):
        self.reason = reason


def _expect(got, want, what):
    if isinstance(want, float):
        ok = abs(got - want) <= 1e-9 * max(1.0, abs(want))
    else:
        ok = got == want
    if not ok:
        raise AssertionError("%s returned %r, expected %r" % (what, got, want))


def _pi_ok(x):
    if not (3.0 < x < 3.3):
        raise AssertionError("GetPI returned %r" % (x,))


def float_buffer(n):
    """n float64 ones, zero-copy capable: numpy where it is installed, else array.array."""
    try:
        import numpy

        return numpy.ones(n, dtype=numpy.float64)
    except ImportError:
        return array.array("d", [1.0]) * n


def buffer_kind():
    try:
        import numpy  # noqa: F401

        return "numpy"
    except ImportError:
        return "array.array"


def _common_checks(ns, ctx, names):
    """Checks shared by every binding of example.com/gpicbench, by workload id."""
    p = ctx["params"]
    checks = {
        "add": lambda: _expect(ns["Add"](1, 2), 3, "Add(1, 2)"),
        "noop": lambda: _expect(ns["Noop"](), None, "Noop()"),
        "concat": lambda: _expect(ns["Concat"]("hello", "world"), "helloworld", "Concat"),
        "sum_1": lambda: _expect(float(ns["Sum"](ns["xs1"])), 1.0, "Sum(1 element)"),
        "sum_big": lambda: _expect(float(ns["Sum"](ns["xsbig"])), float(p["sum_big"]), "Sum(big)"),
        "sum_list": lambda: _expect(float(ns["Sum"](ns["xslist"])), float(p["sum_list"]), "Sum(list)"),
        "ints": lambda: _expect(ns["Ints"](p["ints"]), list(range(p["ints"])), "Ints"),
        "getpi_s": lambda: _pi_ok(ns["GetPI"](p["getpi_s"])),
        "getpi_m": lambda: _pi_ok(ns["GetPI"](p["getpi_m"])),
        "getpi_l": lambda: _pi_ok(ns["GetPI"](p["getpi_l"])),
    }
    return dict((k, checks[k]) for k in names if k in checks)


def hash_data(n):
    """n deterministic pseudo-random bytes, the input of every Sum64 workload."""
    import random

    return random.Random(64).getrandbits(8 * n).to_bytes(n, "little") if n else b""


_HASH_INPUTS = {"hash_64_bytes": ("h64", 64), "hash_64_bytearray": ("h64a", 64),
                "hash_big_bytes": ("hbig", "hash_big"), "hash_big_bytearray": ("hbiga", "hash_big")}


def _hash_data(ns, ctx):
    """The Sum64 inputs (a bytes and a bytearray of each size) and their checks."""
    p = ctx["params"]
    small, big = hash_data(64), hash_data(p["hash_big"])
    ns["h64"], ns["h64a"] = small, bytearray(small)
    ns["hbig"], ns["hbiga"] = big, bytearray(big)
    want = {}

    def check(w):
        import hash64

        var, size = _HASH_INPUTS[w]
        if size not in want:
            want[size] = hash64.xxh64(ns[var])
        data = ns[var]
        _expect(ns["Sum64"](data), want[size], "Sum64(%s of %d B)" % (type(data).__name__, len(data)))
        if type(data) is not (bytes if w.endswith("_bytes") else bytearray):
            raise AssertionError("%s is measured on a %s" % (w, type(data).__name__))

    return dict((w, (lambda w=w: check(w))) for w in _HASH_INPUTS)


def _slice_data(ns, ctx):
    p = ctx["params"]
    ns["xs1"] = float_buffer(1)
    ns["xsbig"] = float_buffer(p["sum_big"])
    ns["xslist"] = [1.0] * p["sum_list"]


STMTS = {
    "loop": "pass",
    "add": "Add(1, 2)",
    "add_attr": "mod.Add(1, 2)",
    "noop": "Noop()",
    "concat": "Concat(a, b)",
    "error": "try:\n    Fail(msg)\nexcept Err:\n    pass",
    "field_get": "p.X",
    "field_set": "p.X = 2.5",
    "method": "p.Manhattan()",
    "callback": "Call(cb, 1)",
    "sum_1": "Sum(xs1)",
    "sum_big": "Sum(xsbig)",
    "sum_list": "Sum(xslist)",
    "ints": "Ints(nints)",
    "getpi_s": "GetPI(npi_s)",
    "getpi_m": "GetPI(npi_m)",
    "getpi_l": "GetPI(npi_l)",
    "hash_64_bytes": "Sum64(h64)",
    "hash_64_bytearray": "Sum64(h64a)",
    "hash_big_bytes": "Sum64(hbig)",
    "hash_big_bytearray": "Sum64(hbiga)",
}


def _works(ns, ctx, names, extra_checks=None, notes=None):
    p = ctx["params"]
    ns.setdefault("a", "hello")
    ns.setdefault("b", "world")
    ns.setdefault("msg", "boom")
    ns.setdefault("nints", p["ints"])
    ns.setdefault("npi_s", p["getpi_s"])
    ns.setdefault("npi_m", p["getpi_m"])
    ns.setdefault("npi_l", p["getpi_l"])
    checks = _common_checks(ns, ctx, names)
    checks.update(extra_checks or {})
    out = {}
    for n in names:
        out[n] = Work(STMTS[n], ns, checks.get(n), (notes or {}).get(n, ""))
    if "add_attr" in out:
        w = out["add_attr"]  # its statement may be replaced after this: read it when checking
        w.check = lambda: _expect(eval(w.stmt, ns), 3, w.stmt)
    return out


def _error_check(ns):
    def check():
        try:
            ns["Fail"]("boom")
        except ns["Err"] as e:
            if "boom" not in str(e):
                raise AssertionError("error text lost: %r" % (str(e),))
            return
        raise AssertionError("Fail('boom') did not raise")

    return check


def _struct_checks(ns):
    def field_get():
        _expect(float(ns["p"].X), 1.0, "p.X")

    def field_set():
        q = ns["NewPoint"](1.0, 2.0)
        q.X = 7.5
        _expect(float(q.X), 7.5, "p.X after set")

    def method():
        _expect(float(ns["NewPoint"](-1.0, 2.0).Manhattan()), 3.0, "Manhattan")

    return {"field_get": field_get, "field_set": field_set, "method": method}


# --- floors ----------------------------------------------------------------------------------


def floor_fastcall(ctx, nogil):
    sys.path.insert(0, ctx["paths"]["fastcall"])
    m = importlib.import_module("floor_fastcall")
    sfx = "_nogil" if nogil else ""
    ns = {
        "Add": getattr(m, "add" + sfx),
        "Noop": getattr(m, "noop" + sfx),
        "Concat": getattr(m, "concat" + sfx),
        "Sum": getattr(m, "sum" + sfx),
        "Ints": getattr(m, "ints" + sfx),
        "Sum64": getattr(m, "sum64" + sfx),
    }
    names = ["add", "add_attr", "noop", "concat", "sum_1", "sum_big", "sum_list", "ints"]
    ns["mod"] = m
    if nogil:
        ns["GetPI"] = m.getpi
        names += ["getpi_s", "getpi_m", "getpi_l"]
    names += HASH_WORKLOADS
    _slice_data(ns, ctx)
    works = _works(ns, ctx, names, extra_checks=_hash_data(ns, ctx))
    works["add_attr"].stmt = "mod.add%s(1, 2)" % sfx
    return works


def floor_cffi(ctx):
    key = "cffi_pypy" if hasattr(sys, "pypy_version_info") else "cffi_cpython"
    sys.path.insert(0, ctx["paths"][key])
    m = importlib.import_module("floor_cffi")
    lib, ffi = m.lib, m.ffi
    outn = ffi.new("size_t *")

    # The least Python a hand-written cffi binding needs around each call.
    def Concat(a, b):
        ab = a.encode("utf-8")
        bb = b.encode("utf-8")
        p = lib.FloorConcat(ab, len(ab), bb, len(bb), outn)
        try:
            return ffi.unpack(p, outn[0]).decode("utf-8")
        finally:
            lib.free(p)

    def Sum(xs):
        if isinstance(xs, list):
            return lib.FloorSum(ffi.new("double[]", xs), len(xs))
        return lib.FloorSum(ffi.from_buffer("double[]", xs), len(xs))

    def Ints(n):
        p = lib.FloorInts(n, outn)
        try:
            return ffi.unpack(p, outn[0])
        finally:
            lib.free(p)

    # Any bytes-like object in place (bytes too: the Go side only reads).
    def Sum64(b):
        return lib.FloorSum64(ffi.from_buffer(b), len(b))

    # A Go -> Python round trip by hand: one extern "Python" function, the callable in a slot
    # (no handle table, no exception carried back to the caller).
    slot = [None]

    @ffi.def_extern(name="floor_py_callback")
    def _callback(x):
        return slot[0](x)

    lib.FloorSetCallback(lib.floor_py_callback)

    def Call(f, x):
        slot[0] = f
        return lib.FloorCall(x)

    ns = {"Add": lib.FloorAdd, "Noop": lib.FloorNoop, "Concat": Concat, "Sum": Sum,
          "Ints": Ints, "GetPI": lib.FloorGetPI, "Call": Call, "cb": lambda x: x + 1, "lib": lib,
          "Sum64": Sum64}
    _slice_data(ns, ctx)
    names = ["add", "add_attr", "noop", "concat", "callback", "sum_1", "sum_big", "sum_list", "ints",
             "getpi_s", "getpi_m", "getpi_l"] + HASH_WORKLOADS
    notes = {"add": "lib.FloorAdd called bare", "noop": "lib.FloorNoop called bare",
             "add_attr": "lib.FloorAdd(1, 2)",
             "callback": "one extern \"Python\" callback, the callable in a slot"}
    if buffer_kind() != "numpy":
        notes["sum_big"] = notes["sum_1"] = "array.array (no numpy on this interpreter)"
    for w in HASH_WORKLOADS:
        notes[w] = "lib.FloorSum64(ffi.from_buffer(b), len(b))"
    checks = {"callback": lambda: _expect(Call(ns["cb"], 41), 42, "Call(cb, 41)")}
    checks.update(_hash_data(ns, ctx))
    works = _works(ns, ctx, names, extra_checks=checks, notes=notes)
    works["add_attr"].stmt = "lib.FloorAdd(1, 2)"
    return works


def floor_ctypes(ctx):
    import ctypes

    lib = ctypes.CDLL(os.path.join(ctx["paths"]["ctypes"], "libfloor.so"))
    lib.FloorAdd.argtypes = [ctypes.c_longlong, ctypes.c_longlong]
    lib.FloorAdd.restype = ctypes.c_longlong
    lib.FloorNoop.argtypes = []
    lib.FloorNoop.restype = None
    lib.FloorConcat.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                ctypes.POINTER(ctypes.c_size_t)]
    lib.FloorConcat.restype = ctypes.c_void_p
    lib.FloorSum.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.FloorSum.restype = ctypes.c_double
    lib.FloorGetPI.argtypes = [ctypes.c_longlong]
    lib.FloorGetPI.restype = ctypes.c_double
    lib.FloorFree.argtypes = [ctypes.c_void_p]
    lib.FloorFree.restype = None
    outn = ctypes.c_size_t()
    outref = ctypes.byref(outn)

    def Concat(a, b):
        ab = a.encode("utf-8")
        bb = b.encode("utf-8")
        p = lib.FloorConcat(ab, len(ab), bb, len(bb), outref)
        try:
            return ctypes.string_at(p, outn.value).decode("utf-8")
        finally:
            lib.FloorFree(p)

    def Sum(xs):
        c = (ctypes.c_double * len(xs)).from_buffer(xs)  # no copy
        return lib.FloorSum(c, len(xs))

    ns = {"Add": lib.FloorAdd, "Noop": lib.FloorNoop, "Concat": Concat, "Sum": Sum,
          "GetPI": lib.FloorGetPI, "lib": lib}
    _slice_data(ns, ctx)
    names = ["add", "add_attr", "noop", "concat", "sum_1", "sum_big", "getpi_s", "getpi_m", "getpi_l"]
    works = _works(ns, ctx, names, notes={"add_attr": "lib.FloorAdd(1, 2)"})
    works["add_attr"].stmt = "lib.FloorAdd(1, 2)"
    return works


def pure_python(ctx):
    import pi_mp

    def Add(a, b):
        return a + b

    def Noop():
        pass

    def Concat(a, b):
        return a + b

    def Fail(msg):
        if msg:
            raise ValueError(msg)

    class Point(object):
        __slots__ = ("X", "Y")

        def __init__(self, x, y):
            self.X = x
            self.Y = y

        def Manhattan(self):
            return abs(self.X) + abs(self.Y)

    def Call(f, x):
        return f(x)

    def Ints(n):
        return list(range(n))

    mod = types.ModuleType("purepy")
    mod.Add = Add
    ns = {"Add": Add, "Noop": Noop, "Concat": Concat, "Fail": Fail, "Err": ValueError,
          "NewPoint": Point, "p": Point(1.0, 2.0), "Call": Call, "cb": lambda x: x + 1,
          "Ints": Ints, "GetPI": pi_mp.GetPI, "mod": mod}
    names = ["loop", "add", "add_attr", "noop", "concat", "error", "field_get", "field_set", "method",
             "callback", "ints", "getpi_s", "getpi_m", "getpi_l"]
    checks = {"error": _error_check(ns)}
    checks.update(_struct_checks(ns))
    notes = {"getpi_s": "the talk's multiprocessing.Pool version (pool started per call)"}
    notes["getpi_m"] = notes["getpi_l"] = notes["getpi_s"]
    notes["loop"] = "timeit loop around `pass`: included in every per-call figure"
    return _works(ns, ctx, names, checks, notes)


def numpy_ref(ctx):
    import numpy

    ns = {"Sum": numpy.sum, "asarray": numpy.array}
    _slice_data(ns, ctx)
    works = _works(ns, ctx, ["sum_1", "sum_big"])
    works["sum_list"] = Work("asarray(xslist)", ns,
                             lambda: _expect(len(numpy.array(ns["xslist"])), ctx["params"]["sum_list"],
                                             "numpy.array(list)"),
                             "numpy.array(list) alone, the cost a list argument may add")
    return works


# --- contenders ------------------------------------------------------------------------------


def gopy(ctx):
    sys.path.insert(0, ctx["paths"]["gopy"])
    g = importlib.import_module("gopy_gpicbench.gpicbench")
    go = importlib.import_module("gopy_gpicbench.go")

    def Sum(xs):
        # gopy takes a Go slice handle only: a Python sequence is copied into one element by element.
        return g.Sum(go.Slice_float64(xs))

    def Ints(n):
        return list(g.Ints(n))

    from_bytes = go.Slice_byte.from_bytes

    def Sum64(b):
        # gopy takes a Go slice handle only; from_bytes copies a bytes into a new one in one go
        # (it reads PyBytes only: a bytearray becomes a bytes first).
        return g.Sum64(from_bytes(b if type(b) is bytes else bytes(b)))

    ns = {"Add": g.Add, "Noop": g.Noop, "Concat": g.Concat, "Fail": g.Fail, "Err": Exception,
          "NewPoint": g.NewPoint, "p": g.NewPoint(1.0, 2.0), "Call": g.Call, "cb": lambda x: x + 1,
          "Sum": Sum, "Ints": Ints, "GetPI": g.GetPI, "mod": g, "Sum64": Sum64}
    _slice_data(ns, ctx)
    names = ["add", "add_attr", "noop", "concat", "error", "field_get", "field_set", "method", "callback",
             "sum_1", "sum_big", "sum_list", "ints", "getpi_s", "getpi_m", "getpi_l"] + HASH_WORKLOADS
    checks = {"error": _error_check(ns)}
    checks.update(_struct_checks(ns))
    checks.update(_hash_data(ns, ctx))
    notes = {"sum_big": "go.Slice_float64(array): element-by-element copy, then Sum",
             "sum_list": "go.Slice_float64(list): element-by-element copy, then Sum",
             "ints": "list(Slice_int handle)", "error": "raises RuntimeError"}
    for w in HASH_WORKLOADS:
        notes[w] = ("go.Slice_byte.from_bytes(b): one copy into a Go slice" if w.endswith("_bytes")
                    else "go.Slice_byte.from_bytes(bytes(b)): two copies")
    return _works(ns, ctx, names, checks, notes)


GPIC_GROUPS = {
    "scalar": ["add", "add_attr", "noop", "concat", "error", "getpi_s", "getpi_m", "getpi_l"],
    "struct": ["field_get", "field_set", "method"],
    "callback": ["callback"],
    "slice": ["sum_1", "sum_big", "sum_list", "ints"],
    "bytes": HASH_WORKLOADS,
}


def _to_list(r):
    """A result as a list, the way a user would do it fastest on this interpreter: tolist() on
    CPython; list(a) on PyPy, whose array.tolist() costs five times as much."""
    if isinstance(r, list):
        return r
    if hasattr(r, "tolist") and not hasattr(sys, "pypy_version_info"):
        return r.tolist()
    return list(r)


def gpic(ctx, group):
    """A module that `gpic build` produced from bench/gopkg/bench_<group>.gpi."""
    path, modname = ctx["paths"]["gpic_" + group], ctx["modules"]["gpic_" + group]
    sys.path.insert(0, path)
    m = importlib.import_module(modname)
    ns = {"mod": m}
    for name in ("Add", "Noop", "Concat", "Fail", "NewPoint", "Call", "Sum", "GetPI", "Sum64"):
        if hasattr(m, name):
            ns[name] = getattr(m, name)
    names = GPIC_GROUPS[group]
    checks = {}
    notes = {}
    if group == "scalar":
        ns["Err"] = getattr(m, "GoError", Exception)
        checks["error"] = _error_check(ns)
    elif group == "struct":
        ns["p"] = m.NewPoint(1.0, 2.0)
        checks.update(_struct_checks(ns))
    elif group == "callback":
        ns["cb"] = lambda x: x + 1
        checks["callback"] = lambda: _expect(ns["Call"](ns["cb"], 41), 42, "Call(cb, 41)")
    elif group == "slice":
        ints = m.Ints

        def Ints(n):
            return _to_list(ints(n))

        ns["Ints"] = Ints
        _slice_data(ns, ctx)
        if buffer_kind() != "numpy":
            notes["sum_big"] = notes["sum_1"] = "array.array (no numpy on this interpreter)"
    elif group == "bytes":
        checks.update(_hash_data(ns, ctx))
    return _works(ns, ctx, names, checks, notes)


def make(contender, group, ctx):
    if contender == "fastcall":
        return floor_fastcall(ctx, nogil=False)
    if contender == "fastcall_nogil":
        return floor_fastcall(ctx, nogil=True)
    if contender in ("cffi_cpython", "cffi_pypy"):
        return floor_cffi(ctx)
    if contender == "ctypes":
        return floor_ctypes(ctx)
    if contender in ("python_cpython", "python_pypy"):
        return pure_python(ctx)
    if contender == "numpy":
        return numpy_ref(ctx)
    if contender == "gopy":
        return gopy(ctx)
    if contender.startswith("gpic_"):
        return gpic(ctx, group)
    raise ValueError("unknown contender %r" % (contender,))
