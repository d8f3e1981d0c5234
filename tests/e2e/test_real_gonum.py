"""gonum (gonum.org/v1/gonum@v0.17.0, fetched through the Go module proxy) bound by the .gpi files
of tests/e2e/fixtures/real/gonum — stat, floats and mat, each its own module (one Go runtime per
process: each checks file runs in an interpreter of its own) — on every Python target and
interpreter (issue 11 §1, §5). The expected values are what gonum itself computes: the Go
program in fixtures/real/gonum/expect, run once per session."""

import os
import subprocess

import pytest

from conftest import ROOT, TARGETS, check_names

FIXTURES = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gonum")
PACKAGES = {"stat": "gonum_stat_checks.py", "floats": "gonum_floats_checks.py", "mat": "gonum_mat_checks.py"}
CASES = [(package, check) for package, checks in PACKAGES.items() for check in check_names(checks)]


@pytest.fixture(scope="session")
def gonum_expected(tmp_path_factory):
    """Runs the Go program over the same gonum; the checks read its JSON (GPIC_GONUM_EXPECTED)."""
    r = subprocess.run(["go", "run", "."], cwd=os.path.join(FIXTURES, "expect"), capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, "go run of the gonum expectations failed:\n%s" % r.stderr
    path = tmp_path_factory.mktemp("gonum") / "expected.json"
    path.write_text(r.stdout, encoding="utf-8")
    os.environ["GPIC_GONUM_EXPECTED"] = str(path)
    return str(path)


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("package, check", CASES)
def test_real_gonum(gonum_expected, check_results, target, interpreter, package, check):
    results = check_results(os.path.join(FIXTURES, package + ".gpi"), PACKAGES[package], interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
