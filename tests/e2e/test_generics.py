"""Generics (issue 11 §2): tests/e2e/fixtures/generics built by `gpic build` for every Python
target and interpreter and checked inside each (tests/e2e/checks/generics_checks.py); a type
argument the real package refuses fails the build at its position in the .gpi."""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, TARGETS, check_names

FIXTURE = os.path.join(ROOT, "tests", "e2e", "fixtures", "generics")
GPI = os.path.join(FIXTURE, "generics.gpi")
CHECKS = "generics_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_generics(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


def build_variant(gpic, tmp_path, gpi_text):
    """Builds a copy of the fixture whose .gpi is gpi_text; returns (result, gpi path)."""
    src = tmp_path / "src"
    shutil.copytree(FIXTURE, src)
    gpi = src / "generics.gpi"
    gpi.write_text(gpi_text)
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", str(gpi), "--target", "cffi", "--python", "python3", "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    return r, gpi, out


HEAD = 'package generics "gpic.dev/fixtures/generics"\n'


def test_a_type_argument_go_refuses_is_reported_at_its_position(gpic, tmp_path):
    # cmp.Ordered is Go's to check: gpic passes it on, and go build reports it on the .gpi line.
    text = HEAD + "func Max[T cmp.Ordered](a, b T) T\nfunc MaxBool = Max[bool]\n"
    r, gpi, out = build_variant(gpic, tmp_path, text)
    assert r.returncode != 0
    assert "%s:3:20" % gpi in r.stderr, r.stderr
    assert "bool does not satisfy cmp.Ordered" in r.stderr, r.stderr
    assert not (out / "generics").exists()  # no package (only gpic build's work folder)


def test_a_generic_whose_real_constraint_is_stricter_is_reported(gpic, tmp_path):
    # The .gpi says any; the package says comparable: []int is refused by Go, at the argument.
    text = HEAD + "type Set[T any] struct {\n    Name string\n}\ntype SliceSet = Set[[]int]\n"
    r, gpi, out = build_variant(gpic, tmp_path, text)
    assert r.returncode != 0
    assert "%s:5:21" % gpi in r.stderr, r.stderr
    assert "[]int does not satisfy comparable" in r.stderr, r.stderr
    assert not (out / "generics").exists()


def test_a_union_constraint_of_the_gpi_is_checked_by_gpic(gpic, tmp_path):
    text = HEAD + "func Sum[T ~int | ~int64 | ~float64](xs []T) T\nfunc SumStrings = Sum[string]\n"
    r, gpi, out = build_variant(gpic, tmp_path, text)
    assert r.returncode == 1
    assert "%s:3:23: error: 'string' does not satisfy ~int | ~int64 | ~float64 (the constraint of T in Sum)" % gpi \
        in r.stderr, r.stderr
    assert not out.exists()
