"""The standard library's well-known types (issue 11 §2): tests/e2e/fixtures/wellknown built for
every Python target and interpreter, its checks (checks/wellknown_checks.py) run inside each;
Ctrl-C (SIGINT to the process) cancels a long Go call's context promptly; the stub and the
docs spell the Python types; a well-known type where it cannot be is a positioned error."""

import os
import signal
import subprocess
import time

import pytest

from conftest import ROOT, TARGETS, check_names, gpic_binary, require_interpreter

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "wellknown", "wellknown.gpi")
CHECKS = "wellknown_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_wellknown(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


SPIN = """
import wellknown
print("ready", flush=True)
try:
    wellknown.Spin(None)
    print("returned", flush=True)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt:", e, flush=True)
print(wellknown.Wait(None, __import__("datetime").timedelta(milliseconds=1)), flush=True)
import time
try:
    for _ in range(3000):
        time.sleep(0.01)
    print("no KeyboardInterrupt in Python", flush=True)
except KeyboardInterrupt:
    print("Python's KeyboardInterrupt", flush=True)
"""


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_sigint_cancels_a_long_go_call(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    p = subprocess.Popen([require_interpreter(interpreter), "-c", SPIN], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=out))
    try:
        assert p.stdout.readline() == "ready\n"
        time.sleep(0.5)  # well inside Spin, which runs until its context is cancelled
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        line = p.stdout.readline()
        took = time.monotonic() - sent
        after = p.stdout.readline()
        # No Go call runs now: SIGINT is Python's again.
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
        rest, err = p.communicate(timeout=60)
    finally:
        p.kill()
    # Go saw its context cancelled and returned; the call raised KeyboardInterrupt, and the
    # next call with a context runs normally.
    assert line == "KeyboardInterrupt: interrupted by SIGINT (Ctrl-C) during the Go call\n", line + rest + err
    assert after == "None\n", after + rest + err
    assert rest == "Python's KeyboardInterrupt\n", rest + err
    assert p.returncode == 0, err
    # Within ~100 ms on an idle machine; the bound leaves room for a loaded one.
    assert took < 1.0, took


def test_stub_and_docs_spell_the_python_types(tmp_path):
    r = subprocess.run([gpic_binary(), "--target", "pyi", "--target", "docs", "--lang", "en,ko", "-o", str(tmp_path), GPI],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    stub = (tmp_path / "wellknown.pyi").read_text(encoding="utf-8")
    assert "import datetime\n" in stub
    assert "def Unix(sec: int, nsec: int) -> datetime.datetime:" in stub, stub
    assert "def Between(a: datetime.datetime, b: datetime.datetime) -> datetime.timedelta:" in stub, stub
    assert "def Mul(a: int | None, b: int | None) -> int:" in stub, stub  # nil only if marked //gpic:nilable
    assert "def Copy(dst: BinaryIO | None, src: BinaryIO | None) -> int:" in stub, stub
    assert "def Wait(ctx: float | datetime.timedelta | None, d: datetime.timedelta) -> None:" in stub, stub
    assert "import decimal\n" in stub
    assert "def HalfOf(x: decimal.Decimal | int | float | None) -> decimal.Decimal | None:" in stub, stub
    assert "def Endless() -> BinaryIO | None:" in stub, stub
    assert "def Open(s: str) -> BinaryIO | None:" in stub, stub
    assert "Day: Final[datetime.timedelta]\n" in stub, stub
    en = (tmp_path / "en" / "wellknown.md").read_text(encoding="utf-8")
    assert "datetime.datetime" in en and "time.Time" in en


@pytest.mark.parametrize("decl, message", [
    ("type S struct {\n\tC context.Context\n}\n", "the cgo target cannot bind context.Context other than as a parameter"),
    ("func F(x big.Float)\n", "'big.Float' is only bound as '*big.Float'"),
    ("func F() context.Context\n", "the cgo target cannot bind context.Context other than as a parameter"),
    ("func F(x big.Int)\n", "'big.Int' is only bound as '*big.Int'"),
])
def test_misplaced_well_known_type_is_a_positioned_error(tmp_path, decl, message):
    gpi = tmp_path / "bad.gpi"
    gpi.write_text('package bad "example.com/bad"\n\n' + decl, encoding="utf-8")
    r = subprocess.run([gpic_binary(), "--target", "cgo", "-o", str(tmp_path / "out"), str(gpi)],
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "bad.gpi:" in r.stderr and message in r.stderr, r.stderr
    assert "^" in r.stderr
    assert not (tmp_path / "out").exists()
