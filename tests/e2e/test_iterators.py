"""Go iterators end to end (tests/e2e/fixtures/chans): `iter.Seq[V]` and `iter.Seq2[K, V]`
results are lazy Python iterators that stop the Go loop cleanly, on every Python target."""

import os
import subprocess
import sys

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


# Ordinary code over channels and iterators: mypy --strict must accept it without narrowing,
# and it runs.
TYPED = '''\
import asyncio
from collections.abc import AsyncIterator

import chans


async def agen() -> AsyncIterator[int]:
    yield 2


async def atotal() -> int:
    n = await chans.aio.Sum(agen())  # an async iterable for a channel Go receives from
    async for v in chans.Count(2):
        n += v
    return n


def total() -> int:
    n = 0
    for v in chans.Range(4):
        n += v
    for i, w in chans.Enumerate(["a"]):
        n += i + len(w)
    with chans.Forever() as it:
        n += next(it)
    for x in chans.Count(3):
        n += x
    into, out = chans.Doubler()
    into.send(1)
    into.close()
    n += sum(out)
    return n + chans.Sum(range(3)) + chans.Sum(chans.Count(2)) + len(chans.NewJob("j", 1).Name)


assert total() == 6 + 1 + 0 + 3 + 2 + 3 + 1 + 1
assert asyncio.run(atotal()) == 3
'''

WRONG = '''\
import chans

s: str = next(chans.Range(1))  # wrong
chans.Pipe(1).send(3)  # wrong
chans.Sum(["x"])  # wrong
'''


@pytest.mark.parametrize("target", sorted(set(t for t, _ in TARGETS)))
def test_stub_types_channels_and_iterators(build_cache, tmp_path, target):
    out = build_cache(GPI, "python3", target)
    program = tmp_path / "program.py"
    program.write_text(TYPED)
    wrong = tmp_path / "wrong.py"
    wrong.write_text(WRONG)

    def mypy(path):
        return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
                               "--cache-dir", str(tmp_path / ".mypy_cache"), str(path)], capture_output=True,
                              text=True, env=dict(os.environ, MYPYPATH=out), cwd=str(tmp_path), timeout=600)

    r = mypy(program)
    assert r.returncode == 0, "mypy --strict rejected ordinary code:\n" + r.stdout + r.stderr
    r = mypy(wrong)
    flagged = sorted({int(line.split(":")[1]) for line in r.stdout.splitlines() if ": error:" in line})
    assert flagged == [3, 4, 5], r.stdout
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=out), timeout=120)
    assert run.returncode == 0, run.stderr
