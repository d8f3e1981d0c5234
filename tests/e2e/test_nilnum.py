"""None as Go's nil, and numeric buffers of other shapes (issue 11 §1): tests/e2e/fixtures/nilnum
built for every Python target and interpreter, its checks (tests/e2e/checks/nilnum_checks.py)
run inside each."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "nilnum", "nilnum.gpi")
CHECKS = "nilnum_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_nilnum(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
