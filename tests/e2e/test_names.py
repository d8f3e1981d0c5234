"""Names that collide with Python and doc text that is hard to quote (issue 3 §4):
samples/names built for every Python target and checked on CPython 3 and PyPy 3."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "samples", "names", "names.gpi")
CHECKS = "names_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_names(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
