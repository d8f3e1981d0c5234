"""Memory safety in generated modules (issue 10 §3): tests/e2e/fixtures/keep built for every
Python target and interpreter, its checks (tests/e2e/checks/keep_checks.py) run inside each."""

import os
import subprocess

import pytest

from conftest import ROOT, TARGETS, check_names, gpic_binary, require_interpreter, run_python

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "keep", "keep.gpi")
CHECKS = "keep_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_keep(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


def test_docs_say_what_go_keeps(tmp_path):
    """The docs target states the keep-alive rule under each signature, in both languages."""
    r = subprocess.run([gpic_binary(), "--target", "docs", "--lang", "en,ko", "-o", str(tmp_path), GPI],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    en = (tmp_path / "en" / "keep.md").read_text(encoding="utf-8", errors="replace")
    ko = (tmp_path / "ko" / "keep.md").read_text(encoding="utf-8", errors="replace")
    by_result = "after the call: it stays alive, and cannot be resized on CPython, for as long as the returned object lives."
    assert "Go keeps `data` (a buffer lent without a copy) " + by_result in en
    assert "Go keeps `b` (a buffer lent without a copy) " + by_result in en
    assert "Go keeps `buf` (a buffer lent without a copy) after the call: it stays alive, and cannot be resized " \
           "on CPython, for as long as this object lives." in en
    assert "Go keeps `data`: it receives a copy in Go memory" in en
    assert en.count("Go keeps `") == 4  # Summarize borrows its data: nothing said
    assert "Go는 호출 뒤에도 `buf`(복사 없이 빌려 준 버퍼)를 간직합니다. 이 객체가 살아 있는" in ko
    assert ko.count("Go는 호출 뒤에도") == 3


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_docstring_keeps_the_text_after_an_embedded_nul(tmp_path, target, interpreter):
    # cffi's docstrings are Python strings and keep the NUL; the cpython target's are C strings
    # (ml_doc), which a NUL would end: it shows U+2400 instead and keeps the rest. Written here,
    # not in a fixture, so that no fixture file holds a NUL byte.
    gpi = tmp_path / "nuldoc.gpi"
    gpi.write_bytes(b'package nuldoc "strings"\n\n/// Text with an embedded NUL: a\x00b, and after it.\n'
                    b"func ToUpper(s string) string\n")
    out = tmp_path / "out"
    require_interpreter(interpreter)
    r = subprocess.run([gpic_binary(), "build", str(gpi), "--target", target, "-o", str(out), "--python", interpreter],
                       capture_output=True, text=True, cwd=str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    r = run_python(interpreter, str(out), "import nuldoc; print(ascii(nuldoc.ToUpper.__doc__))")
    assert r.returncode == 0, r.stderr
    nul = "\\u2400" if target == "cpython" else "\\x00"
    assert "Text with an embedded NUL: a%sb, and after it." % nul in r.stdout, r.stdout
