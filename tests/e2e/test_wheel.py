"""From a Go module to `pip install` (issue 12 §4): `gpic extract` of a third-party module, then
`gpic build --wheel` for CPython and PyPy writes one PEP 427 wheel per interpreter, tagged as pip
expects, with the stub and py.typed inside, that installs into a fresh virtual environment and
imports there (typed: mypy reads the installed stub), and that auditwheel finds manylinux."""

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import gpic_binary, require_interpreter

HUMANIZE = "github.com/dustin/go-humanize@v1.0.1"
USE = "import humanize\nprint(humanize.Comma(-1234567), humanize.Ordinal(22), humanize.IBytes(82854982))\n"
TYPED_USE = "import humanize\n\ntext: str = humanize.Comma(1234567)\ncount: int = humanize.Comma(1)\n"


def gpic(args, cwd, env):
    return subprocess.run([gpic_binary(), *args], capture_output=True, text=True, cwd=cwd, env=env)


def wheel_tag(interpreter):
    """The tag pip gives this interpreter's binary wheels, as the interpreter reports it."""
    code = ("import sys, sysconfig\n"
            "impl = {'cpython': 'cp', 'pypy': 'pp'}[sys.implementation.name]\n"
            "soabi = sysconfig.get_config_var('SOABI').split('-')\n"
            "abi = 'cp' + soabi[1] if impl == 'cp' else '_'.join(soabi[:2])\n"
            "plat = sysconfig.get_platform().replace('-', '_').replace('.', '_')\n"
            "print('%s%d%d-%s-%s' % (impl, sys.version_info[0], sys.version_info[1], abi, plat))\n")
    return subprocess.run([require_interpreter(interpreter), "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return dict(os.environ, GPIC_CACHE_DIR=str(tmp_path_factory.mktemp("gpic-cache")))


@pytest.fixture(scope="module")
def wheels(tmp_path_factory, env):
    """The done-when of issue 12, as a user types it, from a directory with no Go module."""
    work = tmp_path_factory.mktemp("user")
    r = gpic(["extract", HUMANIZE, "-o", "humanize.gpi"], work, env)
    assert r.returncode == 0, r.stderr
    r = gpic(["build", "humanize.gpi", "--wheel", "--python", "python3", "--python", "pypy3", "-o", "dist"], work, env)
    assert r.returncode == 0, r.stderr
    return work / "dist", r.stderr


def venv(tmp_path, interpreter):
    """A fresh virtual environment of `interpreter`: nothing installed but pip."""
    path = tmp_path / ("venv-" + interpreter)
    subprocess.run([require_interpreter(interpreter), "-m", "venv", str(path)], check=True, capture_output=True)
    return path / "bin" / "python"


def test_one_wheel_per_interpreter_named_and_tagged_as_pip_expects(wheels):
    dist, stderr = wheels
    expected = sorted("humanize-1.0.1-%s.whl" % wheel_tag(i) for i in ("python3", "pypy3"))
    assert sorted(f for f in os.listdir(dist) if f.endswith(".whl")) == expected
    for name in expected:
        assert "gpic: wrote %s" % (dist / name) in stderr, stderr


@pytest.mark.parametrize("interpreter", ["python3", "pypy3"])
def test_the_wheel_holds_the_package_its_stub_and_a_valid_record(wheels, interpreter):
    dist, _ = wheels
    whl = zipfile.ZipFile(dist / ("humanize-1.0.1-%s.whl" % wheel_tag(interpreter)))
    names = set(whl.namelist())
    for member in ("humanize/__init__.py", "humanize/__init__.pyi", "humanize/py.typed", "humanize/go-source.txt",
                   "humanize-1.0.1.dist-info/METADATA", "humanize-1.0.1.dist-info/WHEEL",
                   "humanize-1.0.1.dist-info/RECORD"):
        assert member in names, sorted(names)
    # With no --target, CPython's wheel holds the cpython extension and PyPy's the cffi module.
    binding = "humanize/_gpic_cpython." if interpreter == "python3" else "humanize/_gpic_cffi."
    assert [n for n in names if n.endswith(".so")] == [n for n in names if n.startswith(binding)], sorted(names)
    assert any(n.startswith(binding) for n in names), sorted(names)
    wheel = whl.read("humanize-1.0.1.dist-info/WHEEL").decode()
    assert "Tag: %s\n" % wheel_tag(interpreter) in wheel and "Root-Is-Purelib: false\n" in wheel
    metadata = whl.read("humanize-1.0.1.dist-info/METADATA").decode()
    assert "Name: humanize\nVersion: 1.0.1\n" in metadata
    if interpreter == "pypy3":
        assert 'Requires-Dist: cffi>=' in metadata and 'platform_python_implementation != "PyPy"' in metadata
    else:
        assert "Requires-Dist" not in metadata, metadata
    # Every file but RECORD itself is listed with its sha256 and size, as pip verifies.
    rows = list(csv.reader(io.StringIO(whl.read("humanize-1.0.1.dist-info/RECORD").decode())))
    assert {row[0] for row in rows} == names
    for path, digest, size in rows:
        if path.endswith("RECORD"):
            assert digest == "" and size == ""
            continue
        data = whl.read(path)
        want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == "sha256=" + want and int(size) == len(data), path


@pytest.mark.parametrize("interpreter", ["python3", "pypy3"])
def test_pip_install_into_a_fresh_venv_gives_an_importable_package(wheels, tmp_path, interpreter):
    dist, _ = wheels
    python = venv(tmp_path, interpreter)
    # --no-index: neither wheel needs anything from the index (PyPy has cffi built in; CPython's
    # wheel holds the cpython extension).
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index",
                        str(dist / ("humanize-1.0.1-%s.whl" % wheel_tag(interpreter)))], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    # From an unrelated directory, with no PYTHONPATH: the venv's site-packages alone.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([str(python), "-c", USE], capture_output=True, text=True, cwd=str(tmp_path), env=clean)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["-1,234,567", "22nd", "79", "MiB"]
    if interpreter == "python3":
        # Typed: mypy, pointed at the venv, reads the installed stub and finds the wrong type.
        (tmp_path / "use.py").write_text(TYPED_USE)
        r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
                            str(python), "use.py"], capture_output=True, text=True, cwd=str(tmp_path), env=clean)
        assert r.returncode == 1, r.stdout + r.stderr
        assert 'use.py:4: error: Incompatible types in assignment (expression has type "str", variable has type ' \
               '"int")' in r.stdout, r.stdout
        assert "1 error" in r.stdout, r.stdout


@pytest.mark.parametrize("interpreter", ["python3", "pypy3"])
def test_auditwheel_reports_a_manylinux_policy(wheels, interpreter):
    dist, _ = wheels
    r = subprocess.run([sys.executable, "-m", "auditwheel", "show",
                        str(dist / ("humanize-1.0.1-%s.whl" % wheel_tag(interpreter)))], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    said = " ".join(r.stdout.split())  # auditwheel wraps its lines at the file name's length
    assert 'is consistent with the following platform tag: "manylinux_2_' in said, r.stdout
    # The extension needs nothing but glibc: the Go runtime is linked in.
    assert "system-provided shared libraries: libc.so.6 with versions" in said, r.stdout


def test_a_cpython_target_wheel_installs_a_single_file_module(wheels, env, tmp_path):
    work = wheels[0].parent
    dist = tmp_path / "dist"
    r = gpic(["build", "humanize.gpi", "--target", "cpython", "--wheel", "--wheel-name", "go-humanize",
              "--wheel-version", "1.0.1.post1", "-o", str(dist)], work, env)
    assert r.returncode == 0, r.stderr
    name = "go_humanize-1.0.1.post1-%s.whl" % wheel_tag("python3")
    assert sorted(os.listdir(dist)) == [".gpic-manifest", name]
    whl = zipfile.ZipFile(dist / name)
    assert "humanize.pyi" in whl.namelist() and "py.typed" not in whl.namelist()
    assert "Requires-Dist" not in whl.read("go_humanize-1.0.1.post1.dist-info/METADATA").decode()
    python = venv(tmp_path, "python3")
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", str(dist / name)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run([str(python), "-c", USE], capture_output=True, text=True, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["-1,234,567", "22nd", "79", "MiB"]


def test_a_cffi_target_wheel_for_cpython_requires_cffi(wheels, env, tmp_path):
    work = wheels[0].parent
    dist = tmp_path / "dist"
    r = gpic(["build", "humanize.gpi", "--target", "cffi", "--wheel", "-o", str(dist)], work, env)
    assert r.returncode == 0, r.stderr
    name = "humanize-1.0.1-%s.whl" % wheel_tag("python3")
    metadata = zipfile.ZipFile(dist / name).read("humanize-1.0.1.dist-info/METADATA").decode()
    assert 'Requires-Dist: cffi>=' in metadata, metadata
    python = venv(tmp_path, "python3")
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", str(dist / name)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr  # pip fetches cffi from the index
    r = subprocess.run([str(python), "-c", USE], capture_output=True, text=True, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["-1,234,567", "22nd", "79", "MiB"]


def test_wheel_options_are_checked(env, tmp_path):
    (tmp_path / "go.mod").write_text("module example.com/local\n\ngo 1.23\n")
    (tmp_path / "local.go").write_text("package local\n\nfunc One() int { return 1 }\n")
    (tmp_path / "local.gpi").write_text('package local "example.com/local"\n\nfunc One() int\n')
    # A local module has no version for the wheel: gpic asks for one, at the package clause.
    r = gpic(["build", "local.gpi", "--wheel", "-o", "dist"], tmp_path, env)
    assert r.returncode == 1
    assert "local.gpi:1:15: error: the wheel needs a version and the Go package comes from example.com/local " \
           "(the local module in" in r.stderr and "give --wheel-version" in r.stderr, r.stderr
    assert not (tmp_path / "dist").exists()
    for args, message in (
            (["--wheel", "--wheel-version", "1.0-beta"], "--wheel-version 1.0-beta is not a PEP 440 version"),
            (["--wheel", "--wheel-name", "../x"], "--wheel-name ../x is not a distribution name"),
            (["--wheel-version", "1.0"], "--wheel-name and --wheel-version describe a wheel: add --wheel")):
        r = gpic(["build", "local.gpi", "-o", "dist", *args], tmp_path, env)
        assert r.returncode == 2 and message in r.stderr, r.stderr
    r = gpic(["build", "local.gpi", "--wheel", "--wheel-version", "0.3", "-o", "dist"], tmp_path, env)
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(tmp_path / "dist")) == [".gpic-manifest", "local-0.3-%s.whl" % wheel_tag("python3")]
