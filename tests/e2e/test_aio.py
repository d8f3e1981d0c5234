"""Awaitable Go calls (issue 14 item 1): samples/concurrency built for every Python target and
interpreter, its checks (checks/aio_checks.py) run inside each, one build per configuration; and
the stub types the awaitable forms (mypy --strict)."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, TARGETS, check_names

GPI = os.path.join(ROOT, "samples", "concurrency", "concurrency.gpi")
CHECKS = "aio_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_aio(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


# The stub types the awaitable forms: coroutine functions with the blocking form's parameters
# and results, for module functions (`concurrency.aio.F`) and methods (`obj.aio.M`).
TYPED = '''\
import asyncio
from datetime import timedelta

import concurrency


async def main() -> None:
    text: str = await concurrency.aio.Fetch(None, timedelta(milliseconds=1))
    steps: int = await concurrency.aio.Collatz(10)
    counter = concurrency.Counter(N=1)
    n: int = await counter.aio.Add(2, timedelta(milliseconds=1))
    await concurrency.aio.Sleep(timedelta(milliseconds=1))
    print(text, steps, n)
    # Methods of named number and array types, and in-out pointers (issue 14 (d), (e)).
    f: float = await concurrency.Celsius(100.0).aio.Fahrenheit(timedelta(milliseconds=1))
    total: int = await concurrency.Triple([1, 2, 3]).aio.Sum(timedelta(milliseconds=1))
    xs = [1]
    held: int = await concurrency.aio.Extend(xs, concurrency.GoRef(0), 2, timedelta(milliseconds=1))
    count: int = await counter.aio.N()  # a field read
    meter = concurrency.NewMeter(0.5)  # a Go value of an interface: its methods' awaitable forms
    assert meter is not None
    measured: float = await meter.aio.Measure(timedelta(milliseconds=1))
    print(f, total, held, xs, count, measured)


asyncio.run(main())
'''

WRONG = '''\
import asyncio
from datetime import timedelta

import concurrency


async def main() -> None:
    text: int = await concurrency.aio.Fetch(None, timedelta(milliseconds=1))  # wrong
    steps: int = concurrency.aio.Collatz(10)  # wrong
    n: str = await concurrency.Counter().aio.Add(2, timedelta(milliseconds=1))  # wrong
    await concurrency.aio.Collatz("ten")  # wrong
    c: str = await concurrency.Celsius(1.0).aio.Fahrenheit(timedelta(milliseconds=1))  # wrong
    await concurrency.aio.Extend([1], "zero", 1, timedelta(milliseconds=1))  # wrong
    label: str = await concurrency.Counter().aio.N()  # wrong
    await concurrency.NewMeter(1.0).aio.Measure(timedelta(milliseconds=1))  # wrong
    print(text, steps, n)


asyncio.run(main())
'''


def mypy(program, stubs_dir, tmp_path):
    path = tmp_path / "program.py"
    path.write_text(program)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
                           "--cache-dir", str(tmp_path / ".mypy_cache"), str(path)], capture_output=True, text=True,
                          env=dict(os.environ, MYPYPATH=stubs_dir), cwd=str(tmp_path), timeout=600)


@pytest.mark.parametrize("target", sorted(set(t for t, _ in TARGETS)))
def test_awaitable_forms_are_typed_in_the_stub(build_cache, tmp_path, target):
    out = build_cache(GPI, "python3", target)
    r = mypy(TYPED, out, tmp_path)
    assert r.returncode == 0, "mypy --strict rejected the typed program:\n" + r.stdout + r.stderr
    run = subprocess.run([sys.executable, str(tmp_path / "program.py")], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert run.returncode == 0 and run.stdout.strip().splitlines() == ["fetched after 1ms 67 3", "212.0 6 3 [1, 2, 3] 3 0.5"], \
        run.stdout + run.stderr
    r = mypy(WRONG, out, tmp_path)
    flagged = {int(m.group(1)) for m in re.finditer(r"program\.py:(\d+): error:", r.stdout)}
    marked = {i + 1 for i, text in enumerate(WRONG.splitlines()) if text.endswith("# wrong")}
    assert flagged == marked, "lines flagged %s, lines marked wrong %s\n%s" % (sorted(flagged), sorted(marked), r.stdout)
