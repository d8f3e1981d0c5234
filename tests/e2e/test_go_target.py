"""The go target (issue 13): a `python:` .gpi becomes a Go package that calls the Python
module, tested from Go with `go test` (and `go test -race`) against real CPython and numpy.

The Go side of the tests is fixtures/gocalls/consumer/pyfeatures_test.go, a module that
requires the generated package through a `replace`, as any Go program would."""

import os
import shutil
import subprocess
import sys
import sysconfig

import pytest

from conftest import ROOT, gpic_binary

FIXTURES = os.path.join(ROOT, "tests", "e2e", "fixtures", "gocalls")
GPI = os.path.join(FIXTURES, "pyfeatures.gpi")


def go_env(**extra):
    env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", PYTHONPATH=FIXTURES)
    env.pop("VIRTUAL_ENV", None)
    env.update(extra)
    return env


def run(cmd, cwd=None, env=None, timeout=900):
    return subprocess.run(cmd, cwd=cwd, env=env or go_env(), capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def consumer(tmp_path_factory):
    """The generated package (built for this interpreter) and the consumer module beside it."""
    root = tmp_path_factory.mktemp("gocalls")
    r = run([gpic_binary(), "build", GPI, "--target", "go", "-o", str(root / "pyfeatures_go"),
             "--python", sys.executable])
    assert r.returncode == 0, r.stderr
    shutil.copytree(os.path.join(FIXTURES, "consumer"), root / "consumer")
    return root


def test_writes_a_go_module(consumer):
    pkg = consumer / "pyfeatures_go"
    names = sorted(n for n in os.listdir(pkg) if not n.startswith("."))
    assert names == ["go.mod", "gpic_config.go", "gpic_exports.go", "gpic_python.c", "gpic_python.go",
                     "gpic_python.h", "pyfeatures.go"]
    assert (pkg / "go.mod").read_text().startswith("module pyfeatures\n")
    api = (pkg / "pyfeatures.go").read_text()
    # The API is the declarations, in Go, documented from the @en docs.
    assert "func Detect(data []float64, threshold float64) ([]int64, error) {" in api
    assert "// Detect returns the indices of the values further than threshold standard deviations\n" in api
    assert "func (c *Counter) Add(n int) (int, error) {" in api
    assert "type Shape interface {" in api
    # It names the interpreter it was built for, whose libpython cgo links.
    config = (pkg / "gpic_config.go").read_text()
    assert sys.executable in config
    assert "-I" + sysconfig.get_config_var("INCLUDEPY") in config


def test_gofmt_and_vet_clean(consumer):
    pkg = consumer / "pyfeatures_go"
    r = run(["gofmt", "-l", "."], cwd=pkg)
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr
    r = run(["go", "vet", "./..."], cwd=pkg)
    assert r.returncode == 0, r.stdout + r.stderr


def test_go_test(consumer):
    r = run(["go", "test", "-count=1", "./..."], cwd=consumer / "consumer")
    assert r.returncode == 0, r.stdout + r.stderr


def test_go_test_race(consumer):
    r = run(["go", "test", "-race", "-count=1", "./..."], cwd=consumer / "consumer")
    assert r.returncode == 0, r.stdout + r.stderr


def test_module_that_cannot_be_imported_is_an_error(consumer):
    env = go_env(GPIC_GO_TEST_MODE="missing-module", PYTHONPATH="")
    r = run(["go", "test", "-count=1"], cwd=consumer / "consumer", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "No module named 'pyfeatures'" in r.stdout + r.stderr


def test_failed_import_is_retried(consumer, tmp_path):
    """A module missing at the first call is imported by a later call once it is on sys.path."""
    late = tmp_path / "late"
    late.mkdir()
    env = go_env(GPIC_GO_TEST_MODE="late-module", PYTHONPATH=str(late),
                 GPIC_GO_TEST_MODULE_DIR=str(late), GPIC_GO_TEST_MODULE_SRC=os.path.join(FIXTURES, "pyfeatures.py"))
    r = run(["go", "test", "-count=1"], cwd=consumer / "consumer", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "imported on retry: hello, later" in r.stdout + r.stderr


def test_virtual_environment(consumer, tmp_path):
    venv = tmp_path / "venv"
    # numpy comes from the base interpreter; sys.prefix says which environment Python started in.
    r = subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    env = go_env(GPIC_GO_TEST_MODE="venv", VIRTUAL_ENV=str(venv))
    r = run(["go", "test", "-count=1"], cwd=consumer / "consumer", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "prefix: " + str(venv) in r.stdout + r.stderr


MAIN_OF_TWO = """package main

import (
	"fmt"

	"pyfeatures"
	"pysecond"
)

func main() {
	a, err := pyfeatures.Greet("first")
	if err != nil {
		panic(err)
	}
	b, err := pysecond.Greet("second")
	if err != nil {
		panic(err)
	}
	s, err := pysecond.Sum32([]float32{1, 2})
	if err != nil {
		panic(err)
	}
	fmt.Println(a, "|", b, "|", s)
}
"""


def test_two_packages_in_one_program(consumer, tmp_path):
    r = run([gpic_binary(), "build", os.path.join(FIXTURES, "pysecond.gpi"), "--target", "go", "-o",
             str(tmp_path / "pysecond_go"), "--python", sys.executable])
    assert r.returncode == 0, r.stderr
    prog = tmp_path / "prog"
    prog.mkdir()
    (prog / "go.mod").write_text("module prog\n\ngo 1.24\n\nrequire (\n\tpyfeatures v0.0.0\n\tpysecond v0.0.0\n)\n\n"
                                 "replace pyfeatures => %s\n\nreplace pysecond => %s\n"
                                 % (consumer / "pyfeatures_go", tmp_path / "pysecond_go"))
    (prog / "main.go").write_text(MAIN_OF_TWO)
    r = run(["go", "run", "."], cwd=prog)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "hello, first | hello, second | 3\n"


def gpic_check(tmp_path, source, *args):
    """Runs `gpic ARGS m.gpi -o out` (ARGS may start with the build subcommand)."""
    gpi = tmp_path / "m.gpi"
    gpi.write_text(source)
    out = tmp_path / "out"
    cmd = [gpic_binary(), *args, str(gpi), "-o", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True), out


def test_python_function_must_end_in_error(tmp_path):
    src = 'package m "python:m"\n\nfunc Ok() error\nfunc Bad(x int) int\n\ntype T struct{}\n\nfunc (t *T) Meh()\n'
    r, out = gpic_check(tmp_path, src, "--target", "go")
    assert r.returncode == 1
    assert "m.gpi:4:6: error: function 'Bad' is backed by Python, whose calls can raise: its last result must be 'error'" in r.stderr
    assert "func Bad(x int) int\n     ^" in r.stderr
    assert "m.gpi:8:13: error: method 'T.Meh' is backed by Python" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("path,why", [
    ("python:", "'python:' must name a Python module"),
    ("python:a..b", "empty name between dots"),
    ("python:a b", "invalid char ' '"),
    ("python:1a", "starts with a digit"),
    ("python:class", "'class' is a Python keyword"),
    ("python:m@v1.0.0", "invalid char '@'"),
    ("Python:m", "is not a Go import path: invalid char ':'"),
])
def test_python_package_clause(tmp_path, path, why):
    r, out = gpic_check(tmp_path, 'package m "%s"\n\nfunc F() error\n' % path, "--target", "go")
    assert r.returncode == 1
    assert "m.gpi:1:11: error: " in r.stderr and why in r.stderr, r.stderr
    assert not out.exists()


def test_dotted_module_name(tmp_path):
    r, out = gpic_check(tmp_path, 'package m "python:pkg.sub_2"\n\nfunc F() error\n', "--target", "go")
    assert r.returncode == 0, r.stderr
    assert 'module: "pkg.sub_2"' in (out / "m.go").read_text()


def test_targets_read_their_own_kind(tmp_path):
    r, out = gpic_check(tmp_path, 'package m "python:m"\n\nfunc F() error\n', "--target", "cgo")
    assert r.returncode == 1
    assert "m.gpi:1:11: error: package m describes a Python module that Go calls" in r.stderr
    r, out = gpic_check(tmp_path, 'package m "python:m"\n\nfunc F() error\n', "build", "--target", "cffi")
    assert r.returncode == 1
    assert "describes a Python module that Go calls" in r.stderr
    r, out = gpic_check(tmp_path, 'package m\n\nfunc F() error\n', "--target", "go")
    assert r.returncode == 1
    assert "m.gpi:1:9: error: the go target writes Go that calls a Python module" in r.stderr
    # The docs read both kinds.
    src = '// @en M is Python.\npackage m "python:m"\n\n// @en F does.\nfunc F() error\n'
    r, out = gpic_check(tmp_path, src, "--target", "docs")
    assert r.returncode == 0, r.stderr
    assert (out / "en" / "m.md").exists()
    # A stub of a Python module written from the .gpi would hide the module's own annotations
    # from type checkers: the pyi target refuses it, at the package clause, and writes nothing.
    r, out = gpic_check(tmp_path, src, "--target", "pyi")
    assert r.returncode == 1
    assert "m.gpi:2:11: error: package m describes the Python module m, whose source is its own stub" in r.stderr
    assert not (out / "m.pyi").exists()


def test_build_go_refuses_pypy(tmp_path):
    r, out = gpic_check(tmp_path, 'package m "python:m"\n\nfunc F() error\n', "build", "--target", "go",
                        "--python", "pypy3")
    assert r.returncode == 1
    assert "embeds CPython, and pypy3 is pypy" in r.stderr
