"""gpic as a CMake package (issue 12 §5): `cmake --install` of gpic's own build into a fresh prefix,
then a user's CMake project that does `find_package(gpic CONFIG REQUIRED)` and
`gpic_add_python_module(...)` builds importable modules as part of its build - one package for
CPython and PyPy (the default), cffi for PyPy, and the cpython target - rebuilds only when an
input changes, and reports a bad .gpi at its line."""

import os
import shutil
import subprocess

import pytest

from conftest import gpic_binary, require_interpreter, run_python

GO_SOURCE = """package calc

// Add adds two integers.
func Add(a, b int) int { return a + b }
"""

GPI_SOURCE = """/// @en A calculator built by CMake.
package calc "example.com/calc"

/// @en Adds two integers.
func Add(a int, b int) int
"""

PROJECT = """cmake_minimum_required(VERSION 3.20)
project(uses_gpic NONE)

find_package(gpic 0.1 CONFIG REQUIRED)

gpic_add_python_module(NAME calc_both GPI calc/calc.gpi PYTHON python3 pypy3)
gpic_add_python_module(NAME calc_pypy GPI calc/calc.gpi TARGET cffi PYTHON pypy3)
gpic_add_python_module(NAME calc_cpython GPI calc/calc.gpi TARGET cpython
                       OUTPUT_DIR ${CMAKE_BINARY_DIR}/fast GO_MODULE calc)

# Where each module landed, as a user's test runner would read it.
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/pythonpath.txt CONTENT
     "calc_both=$<TARGET_PROPERTY:calc_both,GPIC_PYTHONPATH>
calc_pypy=$<TARGET_PROPERTY:calc_pypy,GPIC_PYTHONPATH>
calc_cpython=$<TARGET_PROPERTY:calc_cpython,GPIC_PYTHONPATH>
")
"""

BUILT_FOR = [("calc_both", "python3"), ("calc_both", "pypy3"), ("calc_pypy", "pypy3"), ("calc_cpython", "python3")]


def gpic_build_dir():
    """The CMake build directory the gpic under test came from (ctest passes it; otherwise the
    binary's own directory)."""
    build = os.environ.get("GPIC_BUILD_DIR") or os.path.dirname(gpic_binary())
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        pytest.fail("%s is not gpic's CMake build directory (set GPIC_BUILD_DIR)" % build)
    return build


def run(cmd, cwd, **kwargs):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("prefix")
    r = run(["cmake", "--install", gpic_build_dir(), "--prefix", str(prefix)], cwd=str(prefix))
    assert r.returncode == 0, r.stdout + r.stderr
    return prefix


@pytest.fixture(scope="module")
def project(installed, tmp_path_factory):
    """A user's project: calc/ is a Go module made by `go mod init` with its .gpi beside it."""
    for interpreter in ("python3", "pypy3"):
        require_interpreter(interpreter)
    src = tmp_path_factory.mktemp("project")
    (src / "calc").mkdir()
    subprocess.run(["go", "mod", "init", "example.com/calc"], cwd=src / "calc", check=True, capture_output=True)
    (src / "calc" / "calc.go").write_text(GO_SOURCE)
    (src / "calc" / "calc.gpi").write_text(GPI_SOURCE)
    (src / "CMakeLists.txt").write_text(PROJECT)
    build = src / "build"
    r = run(["cmake", "-S", str(src), "-B", str(build), "-G", "Ninja", "-DCMAKE_PREFIX_PATH=%s" % installed],
            cwd=str(src))
    assert r.returncode == 0, r.stdout + r.stderr
    r = run(["cmake", "--build", str(build)], cwd=str(src))
    assert r.returncode == 0, r.stdout + r.stderr
    return src, build


def pythonpaths(build):
    lines = (build / "pythonpath.txt").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line)


def test_install_lays_out_the_binary_and_the_cmake_package(installed):
    assert os.access(installed / "bin" / "gpic", os.X_OK)
    package = installed / "lib" / "cmake" / "gpic"
    assert sorted(os.listdir(package)) == ["gpicConfig.cmake", "gpicConfigVersion.cmake", "gpicModule.cmake"]
    r = run([str(installed / "bin" / "gpic"), "--version"], cwd=str(installed))
    assert r.returncode == 0 and "0.1.0" in r.stdout, r.stdout + r.stderr


@pytest.mark.parametrize("name, interpreter", BUILT_FOR)
def test_each_module_imports_from_its_pythonpath(project, name, interpreter):
    _, build = project
    path = pythonpaths(build)[name]
    expected = str(build / "fast") if name == "calc_cpython" else str(build / name)
    assert path == expected
    if name == "calc_both":
        # One package: the cpython extension for CPython, the cffi module for PyPy.
        so = [f for f in os.listdir(os.path.join(path, "calc")) if f.endswith(".so")]
        assert len(so) == 2 and all(f.startswith(("_gpic_cffi.pypy", "_gpic_cpython.cpython")) for f in so), so
    r = run_python(interpreter, path, "import calc; print(calc.Add(40, 2)); print(calc.Add.__doc__)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "42"
    assert "Adds two integers." in r.stdout


def test_the_cpython_target_builds_an_extension_module(project):
    _, build = project
    built = [f for _, _, files in os.walk(build / "fast") for f in files]
    assert any(f.endswith(".so") and "cpython" in f for f in built), built


def test_a_second_build_runs_nothing_and_a_changed_go_file_rebuilds(project):
    src, build = project
    r = run(["cmake", "--build", str(build), "-v"], cwd=str(src))
    assert r.returncode == 0 and "gpic: building" not in r.stdout, r.stdout
    go_file = src / "calc" / "calc.go"
    go_file.write_text(GO_SOURCE + "\n// Touched by the test.\n")
    r = run(["cmake", "--build", str(build)], cwd=str(src))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("gpic: building Python module") == 3, r.stdout


def test_a_bad_gpi_fails_the_build_at_its_line(installed, tmp_path):
    shutil.copytree(os.path.join(os.path.dirname(__file__), "fixtures", "basics"), tmp_path / "basics")
    (tmp_path / "bad.gpi").write_text('package bad "example.com/bad"\n\nfunc Add(a int, b) int\n')
    (tmp_path / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.20)\nproject(bad NONE)\nfind_package(gpic CONFIG REQUIRED)\n"
        "gpic_add_python_module(NAME bad GPI bad.gpi GO_MODULE basics)\n")
    build = tmp_path / "build"
    r = run(["cmake", "-S", str(tmp_path), "-B", str(build), "-G", "Ninja",
             "-DCMAKE_PREFIX_PATH=%s" % installed], cwd=str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    r = run(["cmake", "--build", str(build)], cwd=str(tmp_path))
    assert r.returncode != 0
    assert "bad.gpi:3:" in r.stdout and "error:" in r.stdout, r.stdout
    assert not (build / "bad").exists()


def test_a_wrong_version_or_option_is_refused_at_configure_time(installed, tmp_path):
    cases = {
        "find_package(gpic 9.0 CONFIG REQUIRED)\n": "gpic",
        "find_package(gpic CONFIG REQUIRED)\ngpic_add_python_module(NAME x GPI x.gpi TARGET go)\n":
            "TARGET must be auto, cffi or cpython",
        "find_package(gpic CONFIG REQUIRED)\ngpic_add_python_module(NAME x)\n": "GPI is required",
    }
    for i, (body, message) in enumerate(cases.items()):
        src = tmp_path / ("case%d" % i)
        src.mkdir()
        (src / "CMakeLists.txt").write_text("cmake_minimum_required(VERSION 3.20)\nproject(p NONE)\n" + body)
        r = run(["cmake", "-S", str(src), "-B", str(src / "build"), "-DCMAKE_PREFIX_PATH=%s" % installed],
                cwd=str(src))
        assert r.returncode != 0 and message in r.stderr, r.stderr
