"""Shared fixtures for the end-to-end tests: the gpic binary, the interpreters (CPython 3 and
PyPy 3 are both required: a missing one fails the run), and `gpic build` results cached per
session so each (sample, interpreter) pair is built once."""

import json
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECKS = os.path.join(ROOT, "tests", "e2e", "checks")
INTERPRETERS = ["python3", "pypy3"]
# Every Python target, with each interpreter it serves: suites that check the Python API are
# parametrised over these, so a difference between targets is a failing test.
TARGETS = [("cffi", "python3"), ("cffi", "pypy3"), ("cpython", "python3")]


def gpic_binary():
    path = os.environ.get("GPIC") or os.path.join(ROOT, "build", "gpic")
    if not os.path.exists(path):
        pytest.fail("gpic binary not found at %s (build it, or set GPIC)" % path)
    return path


@pytest.fixture(scope="session")
def gpic():
    return gpic_binary()


_EXECUTABLES = {}


def require_interpreter(name):
    """The interpreter's own executable (sys.executable), asked once per session: `python3` on
    PATH is often a launcher (a pyenv shim is a shell script starting dozens of processes), and
    the suite starts the interpreters thousands of times."""
    if name not in _EXECUTABLES:
        path = shutil.which(name)
        if path is None:
            pytest.fail("interpreter %s is required for the end-to-end tests and is missing" % name)
        r = subprocess.run([path, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.fail("interpreter %s (%s) does not start:\n%s" % (name, path, r.stderr))
        executable = r.stdout.strip()
        _EXECUTABLES[name] = executable if executable and os.path.isfile(executable) else path
    return _EXECUTABLES[name]


@pytest.fixture(scope="session")
def build_cache(tmp_path_factory):
    """build(gpi, interpreter) -> the directory holding the importable package."""
    root = tmp_path_factory.mktemp("built")
    cache = {}

    def build(gpi, interpreter, target="cffi"):
        key = (gpi, interpreter, target)
        if key not in cache:
            require_interpreter(interpreter)
            out = root / ("%s-%s-%s" % (os.path.basename(gpi).replace(".gpi", ""), interpreter, target))
            r = subprocess.run([gpic_binary(), "build", gpi, "--target", target, "-o", str(out),
                                "--python", interpreter], capture_output=True, text=True, cwd=ROOT)
            if r.returncode != 0:
                pytest.fail("gpic build %s for %s failed:\n%s%s" % (gpi, interpreter, r.stdout, r.stderr))
            cache[key] = str(out)
        return cache[key]

    return build


def run_python(interpreter, path_dir, code, timeout=300):
    """Runs code in a fresh interpreter with the built package importable."""
    env = dict(os.environ, PYTHONPATH=path_dir)
    return subprocess.run([require_interpreter(interpreter), "-c", code], capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.fixture(scope="session")
def check_results(build_cache):
    """check_results(gpi, checks_file, interpreter[, target]) -> {check name: None or traceback}, running
    the whole checks file once per interpreter in a subprocess (PyPy has no pytest)."""
    cache = {}

    def results(gpi, checks_file, interpreter, target="cffi"):
        key = (gpi, checks_file, interpreter, target)
        if key not in cache:
            out = build_cache(gpi, interpreter, target)
            env = dict(os.environ, PYTHONPATH=out)
            r = subprocess.run([require_interpreter(interpreter), os.path.join(CHECKS, "runner.py"),
                                os.path.join(CHECKS, checks_file)], capture_output=True, text=True, env=env,
                               timeout=900)
            lines = r.stdout.strip().splitlines()
            if r.returncode != 0 or not lines:
                pytest.fail("%s under %s died (exit %d):\n%s\n%s" % (checks_file, interpreter, r.returncode,
                                                                    r.stdout[-4000:], r.stderr[-4000:]))
            cache[key] = json.loads(lines[-1])
        return cache[key]

    return results


def check_names(checks_file):
    """The check_* functions a checks file defines, read without importing it."""
    names = []
    with open(os.path.join(CHECKS, checks_file), encoding="utf-8") as f:
        for line in f:
            if line.startswith("def check_"):
                names.append(line[4:line.index("(")])
    return names
