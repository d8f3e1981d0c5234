"""The gopy talk's sample: calculatePi built by gpic for CPython 3 and PyPy 3, and its demo."""

import os
import re
import subprocess

import pytest

from conftest import INTERPRETERS, ROOT, require_interpreter, run_python

GPI = os.path.join(ROOT, "samples", "calculatePi", "calculatePi.gpi")


@pytest.mark.parametrize("interpreter", INTERPRETERS)
def test_get_pi(build_cache, interpreter):
    out = build_cache(GPI, interpreter)
    r = run_python(interpreter, out,
                   "import calculatePi\n"
                   "pi = calculatePi.GetPI(2000000)\n"
                   "assert abs(pi - 3.14159) < 0.01, pi\n"
                   "assert calculatePi.GetPI(0) == 0\n"
                   "assert calculatePi.Cores() >= 1\n"
                   "assert '원주율' in calculatePi.GetPI.__doc__ and 'Monte Carlo' in calculatePi.__doc__\n"
                   "print('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr


@pytest.mark.parametrize("interpreter", INTERPRETERS)
def test_demo_compares_pure_python_and_go(build_cache, interpreter):
    out = build_cache(GPI, interpreter)
    env = dict(os.environ, PYTHONPATH=out)
    r = subprocess.run([require_interpreter(interpreter), os.path.join(ROOT, "samples", "calculatePi", "demo.py"),
                        "20000", "200000"], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = [l for l in r.stdout.splitlines() if re.match(r"\s+\d+\s+\d\.\d+ in", l)]
    assert len(rows) == 2, r.stdout
    for row in rows:
        py_pi, go_pi = [float(x) for x in re.findall(r"(\d\.\d{6}) in", row)]
        assert abs(py_pi - 3.14) < 0.1 and abs(go_pi - 3.14) < 0.1, row


@pytest.mark.parametrize("interpreter", INTERPRETERS)
def test_two_gpic_packages_in_one_process(build_cache, interpreter, monkeypatch):
    # Each extension carries its own Go runtime, kept private to it. A process runs one Go
    # runtime (issue 11 §3): the second separately built package is refused at import
    # (tests/e2e/test_joint.py) unless GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES=1, and then both work
    # side by side, panics included.
    monkeypatch.setenv("GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES", "1")
    pi = build_cache(GPI, interpreter)
    basics = build_cache(os.path.join(ROOT, "tests", "e2e", "fixtures", "basics", "basics.gpi"), interpreter)
    r = run_python(interpreter, pi + os.pathsep + basics,
                   "import basics, calculatePi\n"
                   "assert basics.Add(1, 2) == 3\n"
                   "assert abs(calculatePi.GetPI(200000) - 3.14) < 0.05\n"
                   "try:\n    basics.Explode('x')\nexcept basics.GoPanic:\n    pass\n"
                   "assert abs(calculatePi.GetPI(200000) - 3.14) < 0.05 and basics.Add(2, 2) == 4\n"
                   "print('ok')\n")
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
