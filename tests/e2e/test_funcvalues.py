"""Go func values end to end (tests/e2e/fixtures/funcvalues): func-typed results, package
variables, struct fields and container elements, on every Python target."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "funcvalues", "funcvalues.gpi")
CHECKS = "funcvalues_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_funcvalues(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
