"""Several packages over one Go runtime (issue 11 §3): `gpic build a.gpi b.gpi -o DIR` builds
each .gpi into its own Python module over one c-shared Go library and one handle table; a
second, separately built Go runtime is refused at import with an ImportError that names both;
and a joint build of twenty packages imports and runs in one process. On every target and
interpreter."""

import os
import subprocess

import pytest

from conftest import CHECKS, ROOT, TARGETS, check_names, gpic_binary, require_interpreter, run_python

FIXTURE = os.path.join(ROOT, "tests", "e2e", "fixtures", "joint")
SHAPES = os.path.join(FIXTURE, "shapes", "shapes.gpi")
COUNTER = os.path.join(FIXTURE, "counter", "counter.gpi")
CHECKS_FILE = "joint_checks.py"
UNSAFE = "GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES"


def gpic_build(gpis, out, target, interpreter, cwd=ROOT):
    require_interpreter(interpreter)
    r = subprocess.run([gpic_binary(), "build"] + list(gpis) + ["--target", target, "-o", str(out),
                        "--python", interpreter], capture_output=True, text=True, cwd=cwd)
    if r.returncode != 0:
        pytest.fail("gpic build %s for %s/%s failed:\n%s%s" % (" ".join(gpis), target, interpreter, r.stdout, r.stderr))
    return str(out)


@pytest.fixture(scope="module")
def joint_builds(tmp_path_factory):
    cache = {}

    def build(target, interpreter):
        if (target, interpreter) not in cache:
            out = tmp_path_factory.mktemp("joint-%s-%s" % (target, interpreter))
            cache[(target, interpreter)] = gpic_build([SHAPES, COUNTER], out, target, interpreter)
        return cache[(target, interpreter)]

    return build


@pytest.fixture(scope="module")
def joint_results(joint_builds):
    cache = {}

    def results(target, interpreter):
        if (target, interpreter) not in cache:
            out = joint_builds(target, interpreter)
            env = dict(os.environ, PYTHONPATH=out)
            env.pop(UNSAFE, None)
            r = subprocess.run([require_interpreter(interpreter), os.path.join(CHECKS, "runner.py"),
                                os.path.join(CHECKS, CHECKS_FILE)], capture_output=True, text=True, env=env,
                               timeout=600)
            lines = r.stdout.strip().splitlines()
            if r.returncode != 0 or not lines:
                pytest.fail("%s under %s died (exit %d):\n%s\n%s" % (CHECKS_FILE, interpreter, r.returncode,
                                                                    r.stdout[-4000:], r.stderr[-4000:]))
            import json
            cache[(target, interpreter)] = json.loads(lines[-1])
        return cache[(target, interpreter)]

    return results


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS_FILE))
def test_joint(joint_results, target, interpreter, check):
    results = joint_results(target, interpreter)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_joint_build_leaves_one_library(joint_builds, target, interpreter):
    out = joint_builds(target, interpreter)
    libraries = [f for f in os.listdir(out) if f.startswith("libgpic_joint_") and f.endswith(".so")]
    assert len(libraries) == 1, os.listdir(out)
    # Each extension links to it, found beside it ($ORIGIN), not by an absolute build path.
    if target == "cffi":
        ext = [os.path.join(out, "shapes", f) for f in os.listdir(os.path.join(out, "shapes")) if f.endswith(".so")]
    else:
        ext = [os.path.join(out, f) for f in os.listdir(out) if f.startswith("shapes.") and f.endswith(".so")]
    assert len(ext) == 1, ext
    dynamic = subprocess.run(["readelf", "-d", ext[0]], capture_output=True, text=True, check=True).stdout
    assert "[%s]" % libraries[0] in dynamic, dynamic
    assert "$ORIGIN" in dynamic, dynamic


@pytest.fixture(scope="module")
def separate_builds(tmp_path_factory):
    cache = {}

    def build(target, interpreter):
        if (target, interpreter) not in cache:
            out = tmp_path_factory.mktemp("separate-%s-%s" % (target, interpreter))
            gpic_build([SHAPES], out, target, interpreter)
            gpic_build([COUNTER], out, target, interpreter)
            cache[(target, interpreter)] = str(out)
        return cache[(target, interpreter)]

    return build


def run_without_unsafe(interpreter, path, code, **env):
    full = dict(os.environ, PYTHONPATH=path, **env)
    if not env:
        full.pop(UNSAFE, None)
    return subprocess.run([require_interpreter(interpreter), "-c", code], capture_output=True, text=True,
                          env=full, timeout=300)


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_second_separate_runtime_is_refused(separate_builds, target, interpreter):
    out = separate_builds(target, interpreter)
    code = ("import shapes\n"
            "try:\n"
            "    import counter\n"
            "except ImportError as e:\n"
            "    print('REFUSED', e)\n"
            "else:\n"
            "    print('LOADED')\n"
            "print('STILL', shapes.NewPoint(3.0, 4.0).Norm2())\n")
    r = run_without_unsafe(interpreter, out, code)
    assert r.returncode == 0, r.stderr
    assert "REFUSED" in r.stdout, r.stdout
    message = r.stdout.split("REFUSED", 1)[1]
    # It names both modules, says why, and how to build them together.
    assert "cannot import counter" in message and "shapes" in message, message
    assert "one runtime per process" in message, message
    assert "gpic build shapes.gpi counter.gpi" in message, message
    assert UNSAFE + "=1" in message, message
    # The module already loaded keeps working.
    assert "STILL 25.0" in r.stdout, r.stdout


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_unsafe_variable_loads_a_second_runtime(separate_builds, target, interpreter):
    out = separate_builds(target, interpreter)
    code = ("import shapes, counter\n"
            "c = counter.New()\n"
            "print(shapes.NewPoint(3.0, 4.0).Norm2(), c.Add(7))\n")
    r = run_without_unsafe(interpreter, out, code, **{UNSAFE: "1"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["25.0", "7"], r.stdout


TWENTY = 20


def write_twenty_packages(root):
    """A Go module with TWENTY packages p00..p19, each with a struct, a method, a function and a
    callback, and a .gpi for each."""
    with open(os.path.join(root, "go.mod"), "w") as f:
        f.write("module example.com/twenty\n\ngo 1.23\n")
    gpis = []
    for i in range(TWENTY):
        name = "p%02d" % i
        os.makedirs(os.path.join(root, name))
        with open(os.path.join(root, name, name + ".go"), "w") as f:
            f.write("package %s\n\n"
                    "type Box struct{ N int }\n\n"
                    "func NewBox(n int) *Box { return &Box{N: n} }\n\n"
                    "func (b *Box) Plus() int { return b.N + %d }\n\n"
                    "func Call(f func(n int) int) int { return f(%d) }\n" % (name, i, i))
        gpi = os.path.join(root, name, name + ".gpi")
        with open(gpi, "w") as f:
            f.write('package %s "example.com/twenty/%s"\n\n'
                    "type Box struct {\n    N int\n}\n\n"
                    "func NewBox(n int) *Box\n"
                    "func (b *Box) Plus() int\n"
                    "func Call(f func(n int) int) int\n" % (name, name))
        gpis.append(gpi)
    return gpis


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_twenty_packages_in_one_process(tmp_path, target, interpreter):
    src = tmp_path / "src"
    src.mkdir()
    gpis = write_twenty_packages(str(src))
    out = gpic_build(gpis, tmp_path / "out", target, interpreter)
    code = ("import importlib, sys\n"
            "mods = [importlib.import_module('p%%02d' %% i) for i in range(%d)]\n"
            "for i, m in enumerate(mods):\n"
            "    assert m.NewBox(100).Plus() == 100 + i, i\n"
            "    assert m.Call(lambda n, i=i: n * 2 + i) == 3 * i, i\n"
            "runtimes = sys.modules['_gpic_go_runtimes'].runtimes\n"
            "assert len(runtimes) == 1, runtimes\n"
            "print('OK', len(mods), len(next(iter(runtimes.values()))))\n" % TWENTY)
    r = run_python(interpreter, out, code)
    assert r.returncode == 0, r.stderr[-4000:]
    assert r.stdout.split() == ["OK", str(TWENTY), str(TWENTY)], r.stdout


def test_duplicate_module_names_are_refused(tmp_path):
    r = subprocess.run([gpic_binary(), "build", SHAPES, SHAPES, "-o", str(tmp_path / "out")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1, r.stderr
    assert "package shapes is built twice" in r.stderr, r.stderr
    assert not (tmp_path / "out" / "shapes").exists()


def test_go_version_needs_one_package(tmp_path):
    r = subprocess.run([gpic_binary(), "build", SHAPES, COUNTER, "--go-version", "v1.0.0", "-o",
                        str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2, r.stderr
    assert "--go-version" in r.stderr and "package clause" in r.stderr, r.stderr


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_joint_build_speed_ups_keep_the_build_right(tmp_path, target, interpreter):
    """What makes a joint build cheap (docs/en/cli.md) changes nothing a user sees but the time:
    the interpreter named by --python is started once, to ask for its own executable, which the
    build then runs (a launcher such as a pyenv shim costs a process tree per start); the
    extensions compile side by side (GPIC_JOBS) and -v still prints each module's commands in
    the order of the .gpi files; go build -trimpath leaves no build directory in the library."""
    real = require_interpreter(interpreter)
    starts = tmp_path / "starts.log"
    launcher = tmp_path / "launcher-python"
    launcher.write_text("#!/bin/sh\necho started >> '%s'\nexec '%s' \"$@\"\n" % (starts, real))
    launcher.chmod(0o755)
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "build", SHAPES, COUNTER, "--target", target, "-o", str(out),
                        "--python", str(launcher), "-v"], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, GPIC_JOBS="2"))
    assert r.returncode == 0, r.stderr
    assert starts.read_text().split() == ["started"], r.stderr
    builder = "cffi_build.py" if target == "cffi" else "cpython_build.py"
    builds = [line for line in r.stderr.splitlines() if builder in line and "--compile-only" not in line]
    assert [("/shapes/shapes_" in line, "/counter/counter_" in line) for line in builds] == [(True, False),
                                                                                          (False, True)], builds
    assert all(line.startswith("gpic: %s " % real) for line in builds), builds
    work_dirs = {os.path.dirname(line.split("gpic: build directory ", 1)[1])
                 for line in r.stderr.splitlines() if line.startswith("gpic: build directory ")}
    assert len(work_dirs) == 1, r.stderr
    library = [f for f in os.listdir(out) if f.startswith("libgpic_joint_") and f.endswith(".so")]
    assert len(library) == 1, os.listdir(out)
    with open(out / library[0], "rb") as f:
        assert work_dirs.pop().encode() not in f.read()
    code = "import shapes, counter\nc = counter.New()\nprint(shapes.NewPoint(3.0, 4.0).Norm2(), c.Add(7))\n"
    r = run_python(interpreter, str(out), code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["25.0", "7"], r.stdout
