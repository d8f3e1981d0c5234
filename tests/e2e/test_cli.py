"""The gpic command line on bad input and bad usage: clang-style diagnostics with the exact
format, every error of a file in one run, exit status 1 (2 for usage), and nothing written."""

import os
import re
import subprocess

import pytest

from conftest import ROOT


def gpic_run(gpic, *args, cwd=None):
    return subprocess.run([gpic, *args], capture_output=True, text=True, cwd=cwd)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def assert_nothing_written(out_dir):
    assert not out_dir.exists() or not any(out_dir.iterdir()), list(out_dir.iterdir())


@pytest.mark.parametrize("case, source, expected", [
    ("syntax error",
     'package calc "example.com/calc"\n\nfunc Add(a, b int int\n',
     ["calc.gpi:3:19: error: "]),
    ("unknown type",
     'package calc "example.com/calc"\n\nfunc Area(s Shape) float64\n',
     ["calc.gpi:3:13: error: unknown type 'Shape'"]),
    ("lowercase name",
     'package calc "example.com/calc"\n\nfunc add(a, b int) int\n',
     ["calc.gpi:3:6: error: function 'add' must start with an upper-case letter"]),
    ("duplicate name",
     'package calc "example.com/calc"\n\nfunc Add(a, b int) int\nfunc Add(a int) int\n',
     ["calc.gpi:4:6: error: redefinition of 'Add'", "calc.gpi:3:6: note: previous declaration is here"]),
])
def test_bad_input_is_a_clang_style_error_and_writes_nothing(gpic, tmp_path, case, source, expected):
    gpi = write(tmp_path / "calc.gpi", source)
    out = tmp_path / "out"
    r = gpic_run(gpic, "--target", "cgo", "--target", "cffi", "-o", str(out), "calc.gpi", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    for line in expected:
        assert line in r.stderr, r.stderr
    # The source line and a caret under the column.
    first = r.stderr.splitlines()
    m = re.match(r"calc\.gpi:(\d+):(\d+): error: ", first[0])
    assert m, first[0]
    line_no, col = int(m.group(1)), int(m.group(2))
    assert first[1] == source.splitlines()[line_no - 1]
    assert first[2] == " " * (col - 1) + "^"
    assert r.stdout == ""
    assert_nothing_written(out)
    assert gpi.read_text(encoding="utf-8") == source


def test_three_mistakes_three_errors_in_one_run(gpic, tmp_path):
    write(tmp_path / "three.gpi",
          'package three "example.com/three"\n\n'
          'func add(a, b int) int\n'
          'func Area(s Shape) float64\n'
          'func Area(r float64) float64\n')
    out = tmp_path / "out"
    r = gpic_run(gpic, "-t", "cffi", "-o", str(out), "three.gpi", cwd=tmp_path)
    assert r.returncode == 1
    errors = [l for l in r.stderr.splitlines() if re.match(r"three\.gpi:\d+:\d+: error: ", l)]
    assert len(errors) == 3, r.stderr
    assert [e.split(":")[1] for e in errors] == ["3", "4", "5"]
    assert r.stderr.rstrip().endswith("3 errors generated.")
    assert_nothing_written(out)


# A value the wire format cannot carry: nested deeper than 32.
TOO_DEEP = "[]" * 34 + "int"


def test_unsupported_construct_names_construct_and_target(gpic, tmp_path):
    write(tmp_path / "s.gpi", 'package s "example.com/s"\n\nfunc Adder(n int) %s\n' % TOO_DEEP)
    out = tmp_path / "out"
    r = gpic_run(gpic, "-t", "cgo", "-o", str(out), "s.gpi", cwd=tmp_path)
    assert r.returncode == 1
    assert "s.gpi:3:19: error: the cgo target cannot bind type []int (nested too deeply) (in func Adder)" in r.stderr
    assert_nothing_written(out)


def test_one_failing_target_writes_nothing_for_any(gpic, tmp_path):
    # cgo and cffi both fail here; a later target never writes what an earlier one generated.
    write(tmp_path / "s.gpi", 'package s "example.com/s"\n\nfunc Ok() int\nfunc Adder(n int) %s\n' % TOO_DEEP)
    out = tmp_path / "out"
    r = gpic_run(gpic, "-t", "cgo", "-t", "cffi", "-o", str(out), "s.gpi", cwd=tmp_path)
    assert r.returncode == 1
    assert_nothing_written(out)


def test_a_users_file_is_never_overwritten(gpic, tmp_path):
    write(tmp_path / "calc.gpi", 'package calc "example.com/calc"\n\nfunc Add(a, b int) int\n')
    out = tmp_path / "out"
    (out / "calc").mkdir(parents=True)
    mine = write(out / "calc" / "__init__.py", "# my own module\n")
    r = gpic_run(gpic, "-t", "cffi", "-o", str(out), "calc.gpi", cwd=tmp_path)
    assert r.returncode == 1
    assert "refusing to overwrite" in r.stderr and "__init__.py" in r.stderr
    assert mine.read_text() == "# my own module\n"
    assert not (out / "calc" / "_gpic_rt.py").exists()


def test_regenerating_replaces_gpics_own_files(gpic, tmp_path):
    gpi = write(tmp_path / "calc.gpi", 'package calc "example.com/calc"\n\nfunc Add(a, b int) int\n')
    out = tmp_path / "out"
    assert gpic_run(gpic, "-t", "cffi", "-o", str(out), "calc.gpi", cwd=tmp_path).returncode == 0
    write(gpi, 'package calc "example.com/calc"\n\nfunc Add(a, b int) int\nfunc Sub(a, b int) int\n')
    r = gpic_run(gpic, "-t", "cffi", "-o", str(out), "calc.gpi", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "def Sub(" in (out / "calc" / "__init__.py").read_text()


@pytest.mark.parametrize("args", [
    [],                                   # no input
    ["x.gpi"],                            # no target
    ["--no-such-option", "x.gpi"],
    ["--target", "no-such-target", "x.gpi"],
    ["--py-names", "camel", "-t", "cffi", "x.gpi"],
    ["build"],                            # build without input or -o
    ["build", "x.gpi", "--target", "cgo", "-o", "out"],
])
def test_usage_errors_exit_2(gpic, tmp_path, args):
    write(tmp_path / "x.gpi", 'package x "example.com/x"\n')
    r = gpic_run(gpic, *args, cwd=tmp_path)
    assert r.returncode == 2, (args, r.stdout, r.stderr)
    assert "error" in r.stderr
    assert not (tmp_path / "out").exists()


def test_help_version_and_targets(gpic):
    r = gpic_run(gpic, "--help")
    assert r.returncode == 0 and "usage: gpic" in r.stdout and "--target" in r.stdout
    r = gpic_run(gpic, "--version")
    assert r.returncode == 0 and re.match(r"gpic \d+\.\d+\.\d+", r.stdout)
    r = gpic_run(gpic, "--list-targets")
    assert r.returncode == 0
    for name in ("cgo", "cffi"):
        assert re.search(r"^\s+%s\s+\S" % name, r.stdout, re.M), r.stdout


def test_missing_input_file(gpic, tmp_path):
    r = gpic_run(gpic, "-t", "cffi", "-o", str(tmp_path / "out"), "nope.gpi", cwd=tmp_path)
    assert r.returncode == 1
    assert "nope.gpi: error: cannot read file" in r.stderr


def test_build_reports_a_go_mismatch_at_the_gpi_line(gpic, tmp_path):
    # The .gpi disagrees with the Go package three ways: go build's errors come back as gpic's
    # own, each once, at the .gpi's line and column with a caret, in words about the .gpi, and
    # with nothing from the generated files (they only repeat the same mistakes).
    fixture = os.path.join(ROOT, "tests", "e2e", "fixtures", "basics")
    for name in ("go.mod", "basics.go"):
        write(tmp_path / name, open(os.path.join(fixture, name), encoding="utf-8").read())
    write(tmp_path / "basics.gpi", 'package basics "gpic.dev/fixtures/basics"\n\n'
                                   "func Add(a, b int8) int\n"
                                   "const MaxItems int = 1000\n"
                                   "func Subtract(a, b int) int\n")
    out = tmp_path / "out"
    r = gpic_run(gpic, "build", "basics.gpi", "-o", str(out), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert ("basics.gpi:3:6: error: Add is declared here as func(int8, int8) int, but in the Go package it is "
            "func(a int, b int) int\nfunc Add(a, b int8) int\n     ^\n") in r.stderr, r.stderr
    assert ("basics.gpi:4:7: error: the package's MaxItems does not have the value the .gpi gives it\n"
            "const MaxItems int = 1000\n      ^\n") in r.stderr, r.stderr
    assert "basics.gpi:5:6: error: Subtract is not in the Go package" in r.stderr, r.stderr
    assert r.stderr.count("error:") == 3 and "3 errors generated." in r.stderr, r.stderr
    assert "_shim.go" not in r.stderr and "gopkg" not in r.stderr, r.stderr
    assert not (out / "basics").exists()


def test_build_warns_when_the_module_name_shadows_python(gpic, tmp_path):
    # Bound as `math`, the package would hide Python's math (or be hidden by it): a warning at the
    # package clause, given once however many interpreters are built for, and the build goes on.
    write(tmp_path / "math.gpi", 'package math "strings"\n\nfunc ToUpper(s string) string\n')
    out = tmp_path / "out"
    r = gpic_run(gpic, "build", "math.gpi", "-o", str(out), "--python", "python3", "--python", "pypy3", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    warning = ("math.gpi:1:9: warning: the module name 'math' shadows Python's own 'math' module: `import math` "
               "finds one or the other, depending on sys.path; name it gomath in the package clause "
               "[-Wshadows-python-module]\npackage math \"strings\"\n        ^\n")
    assert warning in r.stderr and r.stderr.count("warning:") == 1, r.stderr
    # One package for both: the cpython extension for CPython, cffi for PyPy (no --target: auto).
    assert len(list((out / "math").glob("_gpic_cpython.cpython-*.so"))) == 1
    assert len(list((out / "math").glob("_gpic_cffi.pypy*.so"))) == 1


def test_build_needs_the_go_package(gpic, tmp_path):
    write(tmp_path / "calc.gpi", 'package calc "example.com/nowhere/calc"\n\nfunc Add(a, b int) int\n')
    r = gpic_run(gpic, "build", "calc.gpi", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert r.returncode == 1
    assert 'calc.gpi:1:9: error: cannot find the Go package "example.com/nowhere/calc"' in r.stderr, r.stderr


def test_build_with_a_missing_interpreter_fails_clearly(gpic, tmp_path):
    write(tmp_path / "s.gpi", 'package gostrings "strings"\n\nfunc ToUpper(s string) string\n')
    r = gpic_run(gpic, "build", "s.gpi", "-o", str(tmp_path / "out"), "--python", "no-such-python", cwd=tmp_path)
    assert r.returncode == 1
    assert "no-such-python" in r.stderr and "not found" in r.stderr


def test_build_takes_the_error_limit(gpic, tmp_path):
    # gpic build reports .gpi mistakes like gpic does, --error-limit included.
    write(tmp_path / "many.gpi", 'package many "example.com/many"\n\n' +
          "".join("func f%d()\n" % i for i in range(5)))
    r = gpic_run(gpic, "build", "many.gpi", "--error-limit", "2", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    errors = [l for l in r.stderr.splitlines() if re.match(r"many\.gpi:\d+:\d+: error: ", l)]
    assert len(errors) == 2, r.stderr
    assert "too many errors emitted; 3 more not shown" in r.stderr, r.stderr
    assert r.stderr.rstrip().endswith("5 errors generated."), r.stderr
    r = gpic_run(gpic, "build", "many.gpi", "--error-limit", "-1", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert r.returncode == 2 and "--error-limit must be 0 (no limit) or more" in r.stderr, r.stderr
