"""A Go module made the way a user makes one today: `go mod init` with the toolchain's default
`go` line (the full version, e.g. `go 1.26.8`), bound and imported on every target and
interpreter. The samples all say `go 1.23`, which hid a go.work that named only `go 1.26`."""

import subprocess

import pytest

from conftest import TARGETS, gpic_binary, require_interpreter, run_python

GO_SOURCE = """package fresh

// Greet says hello.
func Greet(name string) string { return "hello, " + name }

// Twice doubles n.
func Twice(n int) int { return 2 * n }
"""

GPI_SOURCE = """/// @en A module made by go mod init.
package fresh "example.com/fresh"

func Greet(name string) string
func Twice(n int) int
"""


@pytest.fixture(scope="module")
def fresh_module(tmp_path_factory):
    root = tmp_path_factory.mktemp("fresh")
    subprocess.run(["go", "mod", "init", "example.com/fresh"], cwd=root, check=True, capture_output=True)
    go_line = [l for l in (root / "go.mod").read_text().splitlines() if l.startswith("go ")][0]
    (root / "fresh.go").write_text(GO_SOURCE)
    (root / "fresh.gpi").write_text(GPI_SOURCE)
    return root, go_line


def test_go_mod_init_writes_a_full_version(fresh_module):
    # The case this file exists for: a go line with a patch version, above any `go 1.N`.
    _, go_line = fresh_module
    assert go_line.count(".") == 2, go_line


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_a_go_mod_init_module_builds_and_imports(fresh_module, tmp_path, target, interpreter):
    root, _ = fresh_module
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "build", "fresh.gpi", "--target", target, "--python", interpreter,
                        "-o", str(out), "-v"], cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    # -v shows each command as a shell would take it: go build with its environment, then the
    # target's extension builder run by the interpreter.
    commands = [l[len("gpic: "):] for l in r.stderr.splitlines() if l.startswith("gpic: ")]
    go = [c for c in commands if " go build -buildmode=c-archive " in c]
    assert len(go) == 1 and "GOWORK=" in go[0] and "GOTOOLCHAIN=local" in go[0], r.stderr
    builder = "cffi_build.py" if target == "cffi" else "cpython_build.py"
    # gpic runs the interpreter's own executable (sys.executable), not the launcher on PATH.
    assert any(c.startswith(require_interpreter(interpreter) + " ") and builder in c for c in commands), r.stderr
    # ... and the compiler and linker commands the builder ran: every command of the build.
    links = [l for l in r.stderr.splitlines() if not l.startswith("gpic: ") and " -shared " in l]
    assert len(links) == 1 and "libgpic_fresh.a" in links[0], r.stderr
    r = run_python(interpreter, str(out), "import fresh; print(fresh.Greet('go'), fresh.Twice(21))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "hello, go 42"


def test_with_no_target_one_package_serves_cpython_and_pypy(fresh_module, tmp_path):
    # The default target, auto: one package holding the cpython extension for CPython and the
    # cffi module for PyPy, whose __init__.py loads the one the running interpreter can use.
    root, _ = fresh_module
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "build", "fresh.gpi", "--python", "python3", "--python", "pypy3", "-o", str(out)],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    code = "import fresh; print(fresh.Greet('go'), fresh.Twice(21)); print(fresh.__file__); print(fresh.Twice.__doc__)"
    for interpreter, binding in (("python3", "_gpic_cpython.cpython-"), ("pypy3", "__init__.py")):
        r = run_python(interpreter, str(out), code)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert lines[0] == "hello, go 42"
        assert binding in lines[1], lines[1]
        assert "Twice doubles n." in r.stdout or "Go: func Twice(n int) int" in r.stdout, r.stdout
    # Built for PyPy alone, the package says so on CPython.
    only = tmp_path / "only"
    r = subprocess.run([gpic_binary(), "build", "fresh.gpi", "--python", "pypy3", "-o", str(only)], cwd=root,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = run_python("python3", str(only), "import fresh")
    assert r.returncode == 1
    assert "ImportError: fresh was built for other interpreters than cpython 3." in r.stderr, r.stderr
    assert "gpic build --python " in r.stderr, r.stderr
