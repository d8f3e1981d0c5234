"""Go iterators end to end (tests/e2e/fixtures/chans): `iter.Seq[V]` and `iter.Seq2[K, V]`
results are lazy Python iterators that stop the Go loop cleanly, on every Python target."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "chans", "chans.gpi")
CHECKS = "iterators_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_iterators(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
