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


# Users annotate their own code with the exported classes: mypy --strict accepts them, they
# are the classes of what Go returns, and a wrong element type is caught. An async iterable is
# a channel's values only for a call's awaitable form: the blocking form's stub refuses it, as
# the call itself does (TypeError).
ANNOTATED = '''\
import asyncio
from typing import AsyncIterator, Iterable

import chans


def drain(ch: chans.GoChan[int]) -> list[int]:
    return list(ch)


def first(it: chans.GoIter[tuple[int, str]]) -> tuple[int, str]:
    with it:
        return next(it)


def feed(into: chans.GoChan[str], values: Iterable[str]) -> None:
    for v in values:
        into.send(v)
    into.close()


counted: chans.GoChan[int] = chans.Count(3)
pipe = chans.Pipe(4)
feed(pipe, ["a", "b"])
assert drain(counted) == [0, 1, 2] and list(pipe) == ["a", "b"]
assert first(chans.Enumerate(["a", "b"])) == (0, "a")
assert isinstance(chans.Range(1), chans.GoIter) and isinstance(counted, chans.GoChan)


async def numbers() -> AsyncIterator[int]:
    for i in range(4):
        yield i


async def total() -> int:
    return await chans.aio.Sum(numbers())


assert asyncio.run(total()) == 6
'''

ANNOTATED_WRONG = '''\
from typing import AsyncIterator
import chans

words: chans.GoChan[str] = chans.Count(3)  # wrong
seq: chans.GoIter[str] = chans.Range(2)  # wrong


async def numbers() -> AsyncIterator[int]:
    yield 1


total = chans.Sum(numbers())  # wrong: only the awaitable form takes an async iterable
'''


@pytest.mark.parametrize("target", sorted(set(t for t, _ in TARGETS)))
def test_stub_exports_channel_and_iterator_classes(build_cache, tmp_path, target):
    out = build_cache(GPI, "python3", target)
    program = tmp_path / "annotated.py"
    program.write_text(ANNOTATED)
    wrong = tmp_path / "annotated_wrong.py"
    wrong.write_text(ANNOTATED_WRONG)

    def mypy(path):
        return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
                               "--cache-dir", str(tmp_path / ".mypy_cache"), str(path)], capture_output=True,
                              text=True, env=dict(os.environ, MYPYPATH=out), cwd=str(tmp_path), timeout=600)

    r = mypy(program)
    assert r.returncode == 0, "mypy --strict rejected code annotated with GoChan and GoIter:\n" + r.stdout + r.stderr
    r = mypy(wrong)
    flagged = sorted({int(line.split(":")[1]) for line in r.stdout.splitlines() if ": error:" in line})
    assert flagged == [4, 5, 12], r.stdout
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=out), timeout=120)
    assert run.returncode == 0, run.stderr
