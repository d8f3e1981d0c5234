"""The whole Go surface (issue 3): samples/kitchen built by `gpic build` with the real Go
toolchain for every Python target, imported and exercised by CPython 3 and PyPy 3.

Three checks files run, each in its own interpreter process per (target, interpreter):
kitchen_checks.py (what Python sees for every construct, §1), lifetime_checks.py (handles
released, a million objects, use after release, §2) and badinput_checks.py (bad input from
Python never crashes, §3)."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "samples", "kitchen", "kitchen.gpi")


def _check(check_results, checks_file, target, interpreter, check):
    results = check_results(GPI, checks_file, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names("kitchen_checks.py"))
def test_kitchen(check_results, target, interpreter, check):
    _check(check_results, "kitchen_checks.py", target, interpreter, check)


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names("lifetime_checks.py"))
def test_lifetimes(check_results, target, interpreter, check):
    _check(check_results, "lifetime_checks.py", target, interpreter, check)


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names("badinput_checks.py"))
def test_bad_input(check_results, target, interpreter, check):
    _check(check_results, "badinput_checks.py", target, interpreter, check)
