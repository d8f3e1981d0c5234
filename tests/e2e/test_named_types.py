"""Named slice, array and map types (issue 11 §1): tests/e2e/fixtures/named built for every
Python target and interpreter, its checks (tests/e2e/checks/named_checks.py) run inside each;
the stub and the docs spell each class as the module defines it; and every declared type, also
one without methods, is checked against the real Go type at its .gpi line."""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, TARGETS, check_names

FIXTURE = os.path.join(ROOT, "tests", "e2e", "fixtures", "named")
GPI = os.path.join(FIXTURE, "named.gpi")
CHECKS = "named_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_named(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


def test_stub_and_docs_spell_the_classes(gpic, tmp_path):
    r = subprocess.run([gpic, "-t", "pyi", "-t", "docs", "--lang", "en,ko", "-o", str(tmp_path), GPI], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    stub = (tmp_path / "named.pyi").read_text(encoding="utf-8")
    for line in ["class ID(bytes):", "class SliceInt16(array.array[int]):", "class Names(list[str]):",
                 "class Counts(dict[str, int]):", "class ByID(dict[ID, Names]):",
                 "def __new__(cls, value: bytes | bytearray | memoryview | None = None) -> ID: ...",
                 "def __init__(self, value: Mapping[str, int] | None = None) -> None: ...",
                 # a parameter takes any value of the underlying type (None is nil), a result is
                 # the class
                 "def Sum16(s: Sequence[int] | Buffer | None) -> int:", "def Halves(n: int) -> Floats:"]:
        assert line in stub, line + "\n" + stub
    for lang in ("en", "ko"):
        doc = (tmp_path / lang / "named.md").read_text(encoding="utf-8")
        assert "class SliceInt16(array.array[int])" in doc and "class Counts(dict[str, int])" in doc, doc


def copy_fixture(tmp_path, gpi_text):
    for name in ("go.mod", "named.go"):
        shutil.copy(os.path.join(FIXTURE, name), tmp_path / name)
    (tmp_path / "named.gpi").write_text(gpi_text, encoding="utf-8")


def test_a_method_less_type_is_checked_against_go(gpic, tmp_path):
    copy_fixture(tmp_path, 'package named "gpic.dev/fixtures/named"\n\n'
                           "type SliceUint8 []string\n"
                           "type Pair [3]int32\n"
                           "type Counts map[string]int\n")
    r = subprocess.run([gpic, "build", "named.gpi", "-o", str(tmp_path / "out")], capture_output=True, text=True,
                       cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    # As gpic's own diagnostics, at the declaration, with its line and a caret.
    assert ("named.gpi:3:6: error: named.SliceUint8 does not satisfy ~[]string (named.SliceUint8 missing in "
            "~[]string)\ntype SliceUint8 []string\n     ^\n") in r.stderr, r.stderr
    assert "named.gpi:4:6: error: named.Pair does not satisfy ~[3]int32" in r.stderr, r.stderr
    assert "named.gpi:5:" not in r.stderr, r.stderr
    assert not (tmp_path / "out" / "named").exists()


def test_a_gpi_of_only_method_less_types_builds(gpic, tmp_path):
    # Its checks are all the shim has that names the package: nothing imported and unused.
    copy_fixture(tmp_path, 'package named "gpic.dev/fixtures/named"\n\ntype SliceUint8 []uint8\ntype Counts map[string]int\n')
    r = subprocess.run([gpic, "build", "named.gpi", "-o", str(tmp_path / "out")], capture_output=True, text=True,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (tmp_path / "empty.gpi").write_text('package named "gpic.dev/fixtures/named"\n', encoding="utf-8")
    r = subprocess.run([gpic, "build", "empty.gpi", "-o", str(tmp_path / "out2")], capture_output=True, text=True,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
