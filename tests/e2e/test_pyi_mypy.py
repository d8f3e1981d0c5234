"""The pyi target (issue 4 §5): the stub `gpic build` ships with every Python target is checked
by `mypy --strict` (from PyPI) against a typed program that uses the kitchen API, which must
pass, and against a deliberately wrong one, which must be rejected on exactly the lines marked
`# wrong`. The typed program also runs, on each target, so the stub cannot drift from what the
module really does."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, TARGETS

GPI = os.path.join(ROOT, "samples", "kitchen", "kitchen.gpi")

TYPED = '''\
"""Uses the kitchen API the way a typed program would; mypy --strict must accept it."""
import array
from collections.abc import Sequence

import kitchen


class Square:
    def __init__(self, side: float) -> None:
        self.side = side

    def Area(self) -> float:
        return self.side * self.side

    def Name(self) -> str:
        return "square"


def total(shapes: Sequence[kitchen.Shape]) -> float:
    return sum(s.Area() for s in shapes)


def main() -> None:
    # Structs: constructors, fields, methods, pointer results.
    p = kitchen.Point(X=1.0, Y=2.0, Label="p")
    q = kitchen.NewPoint(4.0, 6.0, "q")
    d: float = p.Dist(q)  # a pointer result is typed Point, not Point | None: no narrowing
    assert d == 5.0 and q.Label == "q"
    p.Move(1.0, 1.0)
    moved: kitchen.Point = p.Scaled(2.0)
    assert (moved.X, moved.Y) == (4.0, 6.0)
    line = kitchen.NewLine(p, q)
    line.Start.X = 0.0
    length: float = line.Length()
    assert length > 0
    node = kitchen.Chain(1, 2, 3)
    assert node is not None and node.Sum() == 6
    nxt: kitchen.Node | None = node.Next
    assert nxt is not None and nxt.Value == 2
    with kitchen.Point(X=3.0) as tmp:
        assert tmp.X == 3.0
    label: str = str(kitchen.Origin())
    assert label

    # Slices, arrays, maps, pointers to scalars.
    ramp: array.array[float] = kitchen.Ramp(4)
    assert list(ramp) == [0.0, 1.0, 2.0, 3.0]
    kitchen.DoubleFloat64s(ramp)
    assert kitchen.SumFloat64s([1.0, 2.0]) == 3.0
    raw: bytes = kitchen.EchoBytes(b"abc")
    assert raw == b"abc"
    octets: bytes = kitchen.EchoUint8s(b"\\x01\\x02")  # []uint8 is bytes too
    assert octets == b"\\x01\\x02" and type(octets) is bytes
    be: bytes = kitchen.BigEndian(0x01020304)  # and so is [4]byte
    assert be == b"\\x01\\x02\\x03\\x04" and type(be) is bytes
    words: list[str] = kitchen.Words("a b c")
    hist: dict[str, int] = kitchen.Histogram(words)
    assert hist["a"] == 1
    where: int | None = kitchen.Index([1, 2, 3], 2)
    assert where == 1
    given = kitchen.GoRef("given")  # a pointer parameter takes the box, typed GoRef[str]
    assert kitchen.OrDefault(given, "default") == "given" and kitchen.OrDefault(None, "d") == "d"
    held: str = given.value
    assert held == "given"
    cross = kitchen.Cross([1.0, 0.0, 0.0], [0.0, 1.0, 0.0])
    assert list(cross) == [0.0, 0.0, 1.0]

    # Named types, enums.
    f: float = kitchen.CToF(100.0)
    assert f == 212.0
    c: kitchen.Color = kitchen.Next(kitchen.Color.Red)
    assert c == kitchen.Green
    temps = kitchen.Temps([1.0, 5.0])
    assert temps.Max() == 5.0
    assert list(temps.value) == [1.0, 5.0]

    # Interfaces: Python objects in, Go objects out.
    assert total([Square(2.0)]) == 4.0
    assert kitchen.TotalArea(Square(1.0), kitchen.Rect(W=2.0, H=1.0)) == 3.0
    shape = kitchen.NewRect(2.0, 3.0)
    assert shape is not None and shape.Area() == 6.0
    nothing: kitchen.Shape | None = kitchen.NoShape()  # a nil interface is None
    assert nothing is None
    described: str = kitchen.Describe(Square(3.0))
    assert "square" in described

    # Callbacks.
    doubled = kitchen.Map([1.0, 2.0], lambda x: x * 2)
    assert list(doubled) == [2.0, 4.0]
    assert kitchen.Reduce([1, 2, 3], 0, lambda acc, x: acc + x) == 6
    visited: int = kitchen.Walk(["a", "b"], lambda i, item: i == 0)
    assert visited == 2

    # Variadics, several results, errors, constants and variables.
    assert kitchen.Sum(1.0, 2.0) == 3.0
    lo, hi = kitchen.MinMax([3.0, 1.0, 2.0])
    assert (lo, hi) == (1.0, 3.0)
    try:
        kitchen.MinMax([])
    except kitchen.Error as e:
        go_type: str = e.go_type
        assert go_type
    try:
        kitchen.Boom("x")
    except kitchen.GoPanic as e:
        assert e.go_stack
    version: str = kitchen.Version
    assert version == "1.0" and kitchen.MaxWorkers == 64
    kitchen.Motto = "typed"
    assert kitchen.Motto == "typed"
    assert kitchen.handle_count() >= 0
    kitchen.collect()
    kitchen.release(p)
    print("ok")


main()
'''

# Every line marked `# wrong` must be an error, and no other line.
WRONG = '''\
import kitchen

kitchen.Add = 1  # wrong
kitchen.MaxWorkers = 3  # wrong
p = kitchen.Point(X="one")  # wrong
s: str = p.X  # wrong
kitchen.Point().Dist(None)  # wrong
kitchen.Sum("1", "2")  # wrong
kitchen.Map([1.0], lambda x: "not a float")  # wrong
kitchen.Histogram("not a list of str", 1)  # wrong
n: int = kitchen.Words("a b")  # wrong
kitchen.Describe(42)  # wrong
kitchen.NoShape().Area()  # wrong
kitchen.NoSuchFunction()  # wrong
c: kitchen.Color = 3  # wrong
kitchen.Version = "2.0"  # wrong
i: int = kitchen.Index([1], 1)  # wrong
kitchen.OrDefault(kitchen.GoRef(1), "d")  # wrong
'''


def mypy(program, stubs_dir, tmp_path):
    path = tmp_path / "program.py"
    path.write_text(program)
    env = dict(os.environ, MYPYPATH=stubs_dir)
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
                        "--cache-dir", str(tmp_path / ".mypy_cache"), str(path)],
                       capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=600)
    return r, str(path)


@pytest.fixture(scope="module")
def mypy_available():
    r = subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail("mypy is required (python3 -m pip install mypy; scripts/install-deps does it)")


# The stub is the same for every target; each target places it (a package's __init__.pyi, or
# <module>.pyi beside a single-file extension): check every layout, on CPython.
LAYOUTS = sorted(set(t for t, interp in TARGETS))


@pytest.mark.parametrize("target", LAYOUTS)
def test_typed_program_passes_mypy_strict_and_runs(build_cache, mypy_available, tmp_path, target):
    out = build_cache(GPI, "python3", target)
    assert os.path.exists(os.path.join(out, "py.typed") if target == "cpython"
                          else os.path.join(out, "kitchen", "py.typed"))
    r, _ = mypy(TYPED, out, tmp_path)
    assert r.returncode == 0, "mypy --strict rejected the typed program:\n" + r.stdout + r.stderr
    run = subprocess.run([sys.executable, str(tmp_path / "program.py")], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stdout + run.stderr


@pytest.mark.parametrize("target", LAYOUTS)
def test_wrong_program_is_rejected_on_every_marked_line(build_cache, mypy_available, tmp_path, target):
    out = build_cache(GPI, "python3", target)
    r, _ = mypy(WRONG, out, tmp_path)
    assert r.returncode != 0, "mypy accepted the wrong program"
    flagged = set()
    for line in r.stdout.splitlines():
        m = re.match(r"(?:.*/)?program\.py:(\d+): error:", line)
        if m:
            flagged.add(int(m.group(1)))
    marked = {i + 1 for i, text in enumerate(WRONG.splitlines()) if text.endswith("# wrong")}
    assert flagged == marked, "lines flagged %s, lines marked wrong %s\n%s" % (sorted(flagged), sorted(marked), r.stdout)


# The example: a stub from `gpic extract` (which marks nothing //gpic:nilable) types
# constructors and Must* functions as returning their class, so ordinary code needs no narrowing.
REGEXP_TYPED = '''\
import regexp


def main() -> None:
    ok: bool = regexp.MustCompile("a+").MatchString("caat")
    r = regexp.MustCompile("(b+)")
    parts: list[str] = r.FindStringSubmatch("abbc")
    compiled = regexp.Compile("x*")
    print(ok, parts, compiled.String(), r.NumSubexp())


main()
'''


def test_extracted_stub_needs_no_narrowing(gpic, mypy_available, tmp_path):
    gpi = tmp_path / "regexp.gpi"
    r = subprocess.run([gpic, "extract", "regexp", "-o", str(gpi)], capture_output=True, text=True,
                       cwd=str(tmp_path), timeout=600)
    assert r.returncode == 0, r.stderr
    assert "//gpic:nilable" not in gpi.read_text()
    stubs = tmp_path / "stubs"
    r = subprocess.run([gpic, "--target", "pyi", "-o", str(stubs), str(gpi)], capture_output=True, text=True,
                       cwd=str(tmp_path), timeout=60)
    assert r.returncode == 0, r.stderr
    stub = (stubs / "regexp.pyi").read_text()
    assert "def MustCompile(str: str) -> Regexp:" in stub, stub
    r, _ = mypy(REGEXP_TYPED, str(stubs), tmp_path)
    assert r.returncode == 0, "mypy --strict rejected ordinary regexp code:\n" + r.stdout + r.stderr


FIVELIBS = os.path.join(ROOT, "tests", "e2e", "fixtures", "fivelibs", "fivelibs.gpi")

FIVELIBS_TYPED = '''\
"""Sentinel error classes, a named int with methods, []error and opaque options, as typed code."""
import fivelibs


def decode(data: str) -> str:
    try:
        return fivelibs.Decode(data)
    except fivelibs.ErrMagicMismatch as e:
        return "bad magic: " + str(e) + " " + e.go_type
    except fivelibs.Error:
        return "other"


def main() -> None:
    assert decode("wrap:1").startswith("bad magic")
    form: fivelibs.Form = fivelibs.NFC
    upper: str = form.String("abc")
    assert upper == "ABC" and form == fivelibs.Form(0)
    constraints = fivelibs.NewConstraints(3)
    assert constraints is not None
    ok, errs = constraints.Validate([1])
    problems: list[fivelibs.Error | None] = errs
    assert not ok and isinstance(problems[0], fivelibs.ErrInvalidSemVer)
    opt: fivelibs.EOption = fivelibs.WithEncoderLevel(fivelibs.Better)
    writer = fivelibs.NewWriter(opt)
    assert writer is not None and writer.Level() == fivelibs.Better
    print("ok")


main()
'''


@pytest.mark.parametrize("target", LAYOUTS)
def test_fivelibs_stub_passes_mypy_strict_and_runs(build_cache, mypy_available, tmp_path, target):
    out = build_cache(FIVELIBS, "python3", target)
    r, _ = mypy(FIVELIBS_TYPED, out, tmp_path)
    assert r.returncode == 0, "mypy --strict rejected the typed program:\n" + r.stdout + r.stderr
    run = subprocess.run([sys.executable, str(tmp_path / "program.py")], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stdout + run.stderr


@pytest.mark.parametrize("name", sorted(n for n in os.listdir(os.path.join(ROOT, "tests", "golden", "pyi"))
                                       if n.endswith(".pyi")))
def test_golden_stubs_are_python(name):
    # The golden files pin the stub's text; this pins that the text is a stub at all (an
    # undocumented interface method once left an `async def` with no body in calc.pyi).
    import ast

    with open(os.path.join(ROOT, "tests", "golden", "pyi", name), encoding="utf-8") as f:
        ast.parse(f.read(), filename=name)
