"""Go's any (interface{}) and embedded structs end to end: tests/e2e/fixtures/dynamic built by
`gpic build`, on every Python target and interpreter."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "dynamic", "dynamic.gpi")
CHECKS = "dynamic_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_dynamic(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
