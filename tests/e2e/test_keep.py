"""Memory safety in generated modules (issue 10 §3): tests/e2e/fixtures/keep built for every
Python target and interpreter, its checks (tests/e2e/checks/keep_checks.py) run inside each."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "keep", "keep.gpi")
CHECKS = "keep_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_keep(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
