"""gopy's own _examples/funcs (module github.com/go-python/gopy, pinned at v0.5.0 and fetched
through the Go module proxy by the .gpi's import path): callbacks, and funcs held in package
variables, struct fields, slices and arrays, on every Python target. The checks follow what
funcs.go declares and prints. CallBackIf, CallBackRval and RecvFunc take interface{}, which
this .gpi leaves out."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gopy_funcs", "funcs.gpi")
CHECKS = "gopy_funcs_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_gopy_funcs(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
