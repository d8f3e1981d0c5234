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
