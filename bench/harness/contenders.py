"""Who is measured, on what, and against which floor: the one table the harness and report share."""

# Workloads, in table order. `heavy`: one call per sample (the call itself takes milliseconds).
# `size`: the key of the size parameter shown in the label. Labels take the sizes of the run.
WORKLOADS = [
    ("loop", "timing loop alone (`pass`)", False, None),
    ("add", "Add(1, 2)", False, None),
    ("add_attr", "mod.Add(1, 2), looked up on the module", False, None),
    ("noop", "Noop()", False, None),
    ("concat", 'Concat("hello", "world")', False, None),
    ("error", "Fail(msg) raises, caught", False, None),
    ("field_get", "p.X (struct field get)", False, None),
    ("field_set", "p.X = 2.5 (struct field set)", False, None),
    ("method", "p.Manhattan() (method call)", False, None),
    ("callback", "Call(py_func, 1) (Go → Python → Go)", False, None),
    ("sum_1", "Sum([]float64 of 1)", False, None),
    ("sum_big", "Sum([]float64 of {n}), zero-copy", True, "sum_big"),
    ("sum_list", "Sum(list of {n} floats)", True, "sum_list"),
    ("ints", "Ints({n}) → list of {n} ints", False, "ints"),
    ("getpi_s", "GetPI(n={n})", True, "getpi_s"),
    ("getpi_m", "GetPI(n={n})", True, "getpi_m"),
    ("getpi_l", "GetPI(n={n})", True, "getpi_l"),
    # Sum64(b []byte) with b marked //gpic:readonly: a bytes must reach Go without a copy.
    ("hash_64_bytes", "Sum64(bytes of 64 B)", False, None),
    ("hash_64_bytearray", "Sum64(bytearray of 64 B)", False, None),
    ("hash_big_bytes", "Sum64(bytes of {b})", False, "hash_big"),
    ("hash_big_bytearray", "Sum64(bytearray of {b})", False, "hash_big"),
]
WORKLOAD_IDS = [w[0] for w in WORKLOADS]
HEAVY = [w[0] for w in WORKLOADS if w[2]]
HASH_WORKLOADS = ["hash_64_bytes", "hash_64_bytearray", "hash_big_bytes", "hash_big_bytearray"]

# (id, label, kind, interpreter, floor id for the ×floor column)
# kind: "floor" (hand-written, the least a binding can cost), "reference" (what Python itself
# costs), "gpic" (our targets), "contender" (what a user would pick instead).
CONTENDERS = [
    ("c_go", "C → Go //export, C loop", "floor", None, None),
    ("fastcall", "CPython METH_FASTCALL by hand, GIL held", "floor", "python3", "c_go"),
    ("fastcall_nogil", "CPython METH_FASTCALL by hand, GIL released", "floor", "python3", "c_go"),
    ("cffi_cpython", "cffi API mode by hand (CPython)", "floor", "python3", "c_go"),
    ("cffi_pypy", "cffi API mode by hand (PyPy)", "floor", "pypy3", "c_go"),
    ("ctypes", "ctypes (CPython)", "floor", "python3", "c_go"),
    ("python_cpython", "pure Python (CPython)", "reference", "python3", None),
    ("python_pypy", "pure Python (PyPy)", "reference", "pypy3", None),
    ("numpy", "numpy (CPython)", "reference", "python3", None),
    ("gpic_cffi_cpython", "gpic cffi (CPython)", "gpic", "python3", "cffi_cpython"),
    ("gpic_cffi_pypy", "gpic cffi (PyPy)", "gpic", "pypy3", "cffi_pypy"),
    ("gpic_cpython", "gpic cpython (CPython)", "gpic", "python3", "fastcall_nogil"),
    ("gopy", "gopy v0.5.0 (CPython)", "contender", "python3", "fastcall_nogil"),
]
CONTENDER_IDS = [c[0] for c in CONTENDERS]
LABEL = dict((c[0], c[1]) for c in CONTENDERS)
KIND = dict((c[0], c[2]) for c in CONTENDERS)
INTERP = dict((c[0], c[3]) for c in CONTENDERS)
FLOOR = dict((c[0], c[4]) for c in CONTENDERS)

# The workloads each contender offers. gpic offers everything; rows it cannot build yet are
# "n/a" with gpic's own diagnostic as the reason.
OFFERS = {
    "c_go": ["add", "noop", "concat", "sum_1", "sum_big", "ints", "getpi_s", "getpi_m", "getpi_l"] + HASH_WORKLOADS,
    "fastcall": ["add", "add_attr", "noop", "concat", "sum_1", "sum_big", "sum_list", "ints"] + HASH_WORKLOADS,
    "fastcall_nogil": ["add", "add_attr", "noop", "concat", "sum_1", "sum_big", "sum_list", "ints",
                       "getpi_s", "getpi_m", "getpi_l"] + HASH_WORKLOADS,
    "cffi_cpython": ["add", "add_attr", "noop", "concat", "callback", "sum_1", "sum_big", "sum_list", "ints",
                     "getpi_s", "getpi_m", "getpi_l"] + HASH_WORKLOADS,
    "ctypes": ["add", "add_attr", "noop", "concat", "sum_1", "sum_big", "getpi_s", "getpi_m", "getpi_l"],
    "python_cpython": ["loop", "add", "add_attr", "noop", "concat", "error", "field_get", "field_set", "method",
                       "callback", "ints", "getpi_s", "getpi_m", "getpi_l"],
    "numpy": ["sum_1", "sum_big", "sum_list"],
    "gopy": [w for w in WORKLOAD_IDS if w != "loop"],
}
OFFERS["cffi_pypy"] = OFFERS["cffi_cpython"]
OFFERS["python_pypy"] = OFFERS["python_cpython"]

# gpic's workloads by .gpi group (bench/gopkg/bench_<group>.gpi): one module, one process each.
GPIC_GROUP_WORKLOADS = {
    "scalar": ["add", "add_attr", "noop", "concat", "error", "getpi_s", "getpi_m", "getpi_l"],
    "struct": ["field_get", "field_set", "method"],
    "callback": ["callback"],
    "slice": ["sum_1", "sum_big", "sum_list", "ints"],
    "bytes": HASH_WORKLOADS,
}
for _c in ("gpic_cffi_cpython", "gpic_cffi_pypy", "gpic_cpython"):
    OFFERS[_c] = [w for w in WORKLOAD_IDS if w != "loop"]

# Sizes. The full run uses the sizes; --quick shrinks them so every code path runs in
# seconds.
PARAMS = {
    "full": {"sum_big": 10 ** 7, "sum_list": 10 ** 6, "ints": 1000,
             "getpi_s": 10 ** 5, "getpi_m": 10 ** 6, "getpi_l": 10 ** 7, "hash_big": 1 << 20},
    "quick": {"sum_big": 10 ** 4, "sum_list": 10 ** 3, "ints": 1000,
              "getpi_s": 10 ** 3, "getpi_m": 10 ** 4, "getpi_l": 10 ** 5, "hash_big": 1 << 12},
}
TIMING = {
    # target: seconds per sample; samples: per round for per-call work; heavy_samples likewise.
    "full": {"target": 0.1, "samples": 3, "heavy_samples": 1, "rounds": 5},
    "quick": {"target": 0.002, "samples": 1, "heavy_samples": 1, "rounds": 1},
}


def workload_label(wid, params):
    for w in WORKLOADS:
        if w[0] == wid:
            label, size = w[1], w[3]
            if size:
                label = label.replace("{n}", pretty_int(params[size])).replace("{b}", pretty_bytes(params[size]))
            return label
    return wid


def pretty_int(n):
    if n >= 1000 and str(n).strip("0") == "1":
        return "10^%d" % (len(str(n)) - 1)
    return "{:,}".format(n)


def pretty_bytes(n):
    for unit, k in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= k and n % k == 0:
            return "%d %s" % (n // k, unit)
    return "%d B" % n


def restrict(what, ids):
    """--contenders / --workloads: measure a subset (a filtered run, for iterating on one fix).
    Drops the rest from OFFERS, which every phase and the report read."""
    for c in CONTENDER_IDS:
        if what == "contenders" and c not in ids:
            OFFERS[c] = []
        elif what == "workloads":
            OFFERS[c] = [w for w in OFFERS.get(c, []) if w in ids]
