"""The scalar C ABI end to end: tests/e2e/fixtures/basics built by `gpic build` with the real
Go toolchain, imported and exercised by CPython 3 and PyPy 3."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "basics", "basics.gpi")
CHECKS = "basics_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_basics(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
