"""In-out pointer parameters (issue 11, "Still not done" item 2): tests/e2e/fixtures/inout built
for every Python target and interpreter, its checks (tests/e2e/checks/inout_checks.py) run inside
each; and the stub types the box."""

import os

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "inout", "inout.gpi")
CHECKS = "inout_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_inout(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_stub_types_the_box(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    stub_file = os.path.join(out, "inout", "__init__.pyi") if target == "cffi" else os.path.join(out, "inout.pyi")
    with open(stub_file, encoding="utf-8") as f:
        stub = f.read()
    assert "class GoRef(Generic[_T]):" in stub and '_T = TypeVar("_T")' in stub
    typing = [line for line in stub.splitlines() if line.startswith("from typing import ")]
    assert len(typing) == 1 and "Generic" in typing[0] and "TypeVar" in typing[0], typing
    assert "def IncInt(i: int | GoRef[int] | None) -> None:" in stub
    assert "def Swap(a: int | GoRef[int] | None, b: int | GoRef[int] | None) -> int:" in stub
    assert "def Shift(p: Point | None) -> None:" in stub   # a struct pointer is no box
