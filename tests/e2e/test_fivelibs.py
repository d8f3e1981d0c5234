"""Shapes of five real libraries' APIs (issue 15): tests/e2e/fixtures/fivelibs built by `gpic
build` for every Python target and interpreter, then checked inside each
(tests/e2e/checks/fivelibs_checks.py)."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "fivelibs", "fivelibs.gpi")
CHECKS = "fivelibs_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_fivelibs(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
