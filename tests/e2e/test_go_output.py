"""The Go that the cgo target writes is gofmt-clean and passes go vet, and binding a
standard-library package needs no Go module of the user's."""

import os
import subprocess

import pytest

from conftest import INTERPRETERS, ROOT, TARGETS, run_python

SAMPLES = [
    os.path.join(ROOT, "tests", "e2e", "fixtures", "basics", "basics.gpi"),
    os.path.join(ROOT, "samples", "calculatePi", "calculatePi.gpi"),
    os.path.join(ROOT, "samples", "kitchen", "kitchen.gpi"),
    os.path.join(ROOT, "samples", "names", "names.gpi"),
    os.path.join(ROOT, "samples", "outliers", "outliers.gpi"),
    os.path.join(ROOT, "tests", "e2e", "fixtures", "fivelibs", "fivelibs.gpi"),
    os.path.join(ROOT, "tests", "e2e", "fixtures", "named", "named.gpi"),
    os.path.join(ROOT, "tests", "e2e", "fixtures", "chans", "chans.gpi"),
]


@pytest.mark.parametrize("gpi", SAMPLES, ids=os.path.basename)
def test_generated_go_is_gofmt_clean_and_vets(gpic, tmp_path, gpi):
    # The build's working files live in gpic's cache and go when it ends; --keep-build-dir keeps
    # them and says where.
    env = dict(os.environ, GPIC_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([gpic, "build", gpi, "-o", str(tmp_path / "out"), "--keep-build-dir"], capture_output=True,
                       text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    name = os.path.basename(gpi)[:-4]
    build = [l.split("gpic: build directory ", 1)[1] for l in r.stderr.splitlines() if "gpic: build directory " in l]
    assert len(build) == 1 and build[0].startswith(str(tmp_path / "cache" / "build")), r.stderr
    build = build[0]
    shim = os.path.join(build, name + "_cgo")
    r = subprocess.run(["gofmt", "-l", shim], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "", "gofmt would change: " + r.stdout + r.stderr
    env = dict(os.environ, GOWORK=os.path.join(build, "go.work"), GOTOOLCHAIN="local")
    r = subprocess.run(["go", "vet", shim], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("interpreter", INTERPRETERS)
def test_standard_library_package(gpic, tmp_path, interpreter):
    gpi = tmp_path / "gostrings.gpi"
    gpi.write_text('/// Go\'s strings package.\npackage gostrings "strings"\n\n'
                   "func ToUpper(s string) string\n"
                   "func Repeat(s string, count int) string\n"
                   "func Index(s, substr string) int\n"
                   "func EqualFold(s, t string) bool\n", encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", str(gpi), "-o", str(out), "--python", interpreter],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_python(interpreter, str(out), "import gostrings as s\n"
                   "assert s.ToUpper('héllo') == 'HÉLLO'\n"
                   "assert s.Index('chicken', 'ken') == 4\n"
                   "assert s.EqualFold('Go', 'GO') is True\n"
                   "try:\n    s.Repeat('x', -1)\nexcept s.GoPanic as e:\n    assert 'negative' in str(e)\n"
                   "else:\n    raise SystemExit('no panic')\n"
                   "print('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_snake_case_python_names(gpic, tmp_path):
    gpi = tmp_path / "gostrings.gpi"
    gpi.write_text('package gostrings "strings"\n\nfunc ToUpper(s string) string\nfunc HasPrefix(s, prefix string) bool\n',
                   encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", str(gpi), "-o", str(out), "--py-names", "snake"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = run_python("python3", str(out), "import gostrings as g\n"
                   "assert g.to_upper('abc') == 'ABC' and g.has_prefix('abc', 'a') is True\n"
                   "assert not hasattr(g, 'ToUpper')\nprint('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


@pytest.mark.parametrize("target", ["cffi", "cpython"])
def test_snake_case_struct_keywords(gpic, tmp_path, target):
    # Under --py-names=snake a struct's constructor takes the names its attributes have.
    gpi = tmp_path / "goimage.gpi"
    gpi.write_text('package goimage "image"\n\ntype Point struct {\n    X int\n    Y int\n}\n\n'
                   'func Pt(X, Y int) Point\n\nfunc (p Point) Add(q Point) Point\n', encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", str(gpi), "-o", str(out), "--target", target, "--py-names", "snake"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = run_python("python3", str(out), "import goimage as g\n"
                   "p = g.Point(x=1, y=2)\n"
                   "assert (p.x, p.y) == (1, 2)\n"
                   "q = g.pt(3, 4).add(p)\n"
                   "assert (q.x, q.y) == (4, 6)\n"
                   "try:\n    g.Point(X=1)\nexcept TypeError:\n    pass\nelse:\n    raise SystemExit('Go name taken')\n"
                   "print('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_snake_case_keeps_constant_names(gpic, tmp_path, target, interpreter):
    # PEP 8 spells constants in capitals: --py-names=snake leaves them (and IntEnum members,
    # and types) as Go names them, while functions become snake_case (docs/*/cli.md).
    gpi = tmp_path / "gounicode.gpi"
    gpi.write_text('package gounicode "unicode"\n\nconst MaxRune rune = 1114111\nconst UpperCase = 0\n'
                   "const MaxLatin1 = 255\nfunc IsUpper(r rune) bool\n", encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", str(gpi), "-o", str(out), "--target", target, "--python", interpreter,
                        "--py-names", "snake"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = run_python(interpreter, str(out), "import gounicode as g\n"
                   "assert g.MaxRune == 0x10FFFF and g.UpperCase == 0\n"
                   "assert not hasattr(g, 'max_rune')\n"
                   "assert g.MaxLatin1 == 0xFF and g.is_upper(ord('A')) is True\n"
                   "print('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
    # The stub says the same names (a package's __init__.pyi, or the extension's gounicode.pyi).
    stub_path = out / "gounicode" / "__init__.pyi" if target == "cffi" else out / "gounicode.pyi"
    stub = stub_path.read_text(encoding="utf-8")
    assert "MaxRune: Final[int]" in stub and "def is_upper(" in stub, stub


def test_project_go_sources_are_gofmt_clean():
    # The Go we write by hand (runtime, samples, fixtures, bench floors) is held to the same bar as
    # the Go we generate.
    dirs = [os.path.join(ROOT, d) for d in ("runtime", "samples", "tests", "bench")]
    r = subprocess.run(["gofmt", "-l", *dirs], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "", "gofmt would change: " + r.stdout + r.stderr
