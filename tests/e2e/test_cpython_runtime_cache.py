"""The cpython target compiles its runtime (gpic_cpython_runtime.cpp, the only file that parses
pybind11) once into gpic's cache and links it into every extension after that: a warm build
compiles only the package's own calls, while go build runs. Two packages built one after the other share the one
runtime object, and each extension works on its own and beside the other in one process."""

import os
import subprocess

from conftest import gpic_binary, run_python

GO_SOURCE = """package %(name)s

// Greet says hello.
func Greet(name string) string { return "%(name)s: hello, " + name }

// Twice doubles n.
func Twice(n int) int { return 2 * n }
"""

GPI_SOURCE = """/// @en A module for the runtime cache's test.
package %(name)s "example.com/%(name)s"

func Greet(name string) string
func Twice(n int) int
"""


def make_module(root, name):
    d = root / name
    d.mkdir()
    (d / "go.mod").write_text("module example.com/%s\n\ngo 1.23\n" % name)
    (d / (name + ".go")).write_text(GO_SOURCE % {"name": name})
    (d / (name + ".gpi")).write_text(GPI_SOURCE % {"name": name})
    return d / (name + ".gpi")


def build(gpi, out, cache):
    env = dict(os.environ, GPIC_CACHE_DIR=str(cache))
    r = subprocess.run([gpic_binary(), "build", str(gpi), "--target", "cpython", "--python", "python3",
                        "-o", str(out), "-v"], cwd=gpi.parent, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return r.stderr


def compiles_runtime(log):
    return any(" -c " in l and "gpic_cpython_runtime.cpp" in l for l in log.splitlines())


def test_the_runtime_is_compiled_once_and_shared(tmp_path):
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    first = build(make_module(tmp_path, "rta"), out, cache)
    assert compiles_runtime(first), first
    objects = sorted((cache / "cpython-runtime").glob("*.o"))
    assert len(objects) == 1, objects

    # A second package (and a rebuild of the first) links the same object, compiling only itself.
    second = build(make_module(tmp_path, "rtb"), out, cache)
    assert not compiles_runtime(second), second
    assert "the runtime, compiled earlier: " + str(objects[0]) in second, second
    again = build(tmp_path / "rta" / "rta.gpi", out, cache)
    assert not compiles_runtime(again), again
    assert sorted((cache / "cpython-runtime").glob("*.o")) == objects

    # The module's C++ is compiled (--compile-only) while go build makes the archive; the link
    # then takes that object and the runtime's.
    commands = [l[len("gpic: "):] for l in second.splitlines() if l.startswith("gpic: ")]
    early = [i for i, c in enumerate(commands) if "cpython_build.py" in c and "--compile-only" in c]
    go = [i for i, c in enumerate(commands) if " go build " in c]
    assert len(early) == 1 and len(go) == 1 and early[0] < go[0], second
    links = [l for l in second.splitlines() if " -shared " in l]
    assert len(links) == 1 and str(objects[0]) in links[0], second
    assert "rtb_cpython/rtb.o " in links[0] and "rtb.cpp" not in links[0], links[0]

    r = run_python("python3", str(out), "import rta; print(rta.Greet('go'), rta.Twice(21))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "rta: hello, go 42"


def test_an_unwritable_cache_still_builds(tmp_path):
    cache = tmp_path / "cache"
    (cache / "build").mkdir(parents=True)
    (cache / "cpython-runtime").write_text("not a directory")  # the runtime's folder cannot be made
    out = tmp_path / "out"
    log = build(make_module(tmp_path, "rtc"), out, cache)
    assert "cannot cache the compiled runtime" in log and compiles_runtime(log), log
    r = run_python("python3", str(out), "import rtc; print(rtc.Twice(4))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "8"
