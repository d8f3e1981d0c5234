"""The usual Go enum and constants of every legal form (issue 11 §1):
tests/e2e/fixtures/enums built by `gpic build` for every Python target and interpreter, then
checked inside each (tests/e2e/checks/enums_checks.py); and where Go refuses a constant's
value, gpic build fails with the error at the constant's position in the .gpi."""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, TARGETS, check_names

FIXTURE = os.path.join(ROOT, "tests", "e2e", "fixtures", "enums")
GPI = os.path.join(FIXTURE, "enums.gpi")
CHECKS = "enums_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_enums(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


# Values Go refuses, each with the error gpic must report at that place of the .gpi (line,
# column, message), in the .gpi's own words.
BAD_GPI = '''package enums "gpic.dev/fixtures/enums"

type Domain byte
type Variant byte

const (
    Person = Domain(0)
    Group  = Domain(300)
    Org Domain = "x"
)
const Invalid = Domain(1) + Variant(0)
const RFC4122 = Variant(7)
const KB = 1 << 70
'''

BAD_ERRORS = [
    (8, 18, "constant 300 overflows enums.Domain"),
    (9, 5, 'cannot use "x" (untyped string constant) as enums.Domain value in constant declaration'),
    (11, 7, "invalid operation: Domain(1) + Variant(0) (mismatched types enums.Domain and enums.Variant)"),
    (12, 7, "the package's RFC4122 does not have the value the .gpi gives it"),
    (13, 7, "cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in constant "
            "declaration (overflows)"),
]


@pytest.mark.parametrize("target", ["cffi", "cpython"])
def test_values_go_refuses_are_errors_at_the_constant(gpic, tmp_path, target):
    gpi = tmp_path / "bad.gpi"
    gpi.write_text(BAD_GPI, encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([gpic, "build", "bad.gpi", "--target", target, "--python", "python3", "-o", str(out),
                        "--go-module", FIXTURE], capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stderr.splitlines()
    source = BAD_GPI.splitlines()
    for line, col, message in BAD_ERRORS:
        head = "bad.gpi:%d:%d: error: %s" % (line, col, message)
        assert head in lines, "missing %r in:\n%s" % (head, r.stderr)
        at = lines.index(head)
        assert lines[at + 1] == source[line - 1], r.stderr  # the source line, then a caret under the column
        assert lines[at + 2] == " " * (col - 1) + "^", r.stderr
    # The shim's own names never reach the user; the value comparison is said once per constant.
    assert "gopkg" not in r.stderr and "gpicWant" not in r.stderr and "map literal" not in r.stderr, r.stderr
    assert r.stderr.count("bad.gpi:8:") == 1 and r.stderr.count("bad.gpi:9:") == 1, r.stderr
    assert not (out / "enums").exists() and not (out / "enums.pyi").exists()
