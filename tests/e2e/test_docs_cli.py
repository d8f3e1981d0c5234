"""`gpic --target docs` and `gpic docs` from the command line: the coverage summary, warnings as
CI gates (--Werror=missing-translation, --Werror=stale-translation), reference warnings with
their position, and the stamp workflow on a real file."""

import glob
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, gpic_binary

SAMPLES = sorted(glob.glob(os.path.join(ROOT, "samples", "*", "*.gpi")))

GPI = """\
/// @en Greetings.
/// @ko 인사말입니다.
package hello "example.com/hello"

/// @en Hello returns a greeting for `name`.
/// @ko `name`에게 건넬 인사말을 반환합니다.
func Hello(name string) string

/// @en Shout is [Hello], louder. See also [Helo].
func Shout(name string) string
"""


def gpic(*args, cwd=None):
    return subprocess.run([gpic_binary(), *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "hello.gpi").write_text(GPI, encoding="utf-8")
    return tmp_path


def test_coverage_summary_and_warnings(project):
    r = gpic("--target", "docs", "--lang", "en,ko", "-o", "out", "hello.gpi", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "gpic: note: docs coverage of hello, en: 3 written, 0 missing of 3 documented (100%)" in r.stderr
    assert "gpic: note: docs coverage of hello, ko: 2 translated, 0 stale, 1 missing of 3 documented (66%)" in r.stderr
    assert "hello.gpi:9:1: warning: Shout has no ko text; the en text is shown instead [-Wmissing-translation]" in r.stderr
    # The unknown reference, at its column, with a suggestion and the clang-style caret.
    assert ("hello.gpi:9:44: warning: unknown reference [Helo] in the en doc of Shout; did you mean [Hello]? "
            "[-Wunknown-reference]\n/// @en Shout is [Hello], louder. See also [Helo].\n"
            + " " * 43 + "^") in r.stderr
    assert (project / "out" / "ko" / "hello.html").is_file()


def test_werror_missing_translation_fails_and_writes_nothing(project):
    r = gpic("--target", "docs", "--lang", "en,ko", "--Werror=missing-translation", "-o", "out", "hello.gpi",
             cwd=project)
    assert r.returncode == 1
    assert "hello.gpi:9:1: error: Shout has no ko text" in r.stderr
    assert not (project / "out").exists()
    # English alone has no gap to fail on.
    assert gpic("--target", "docs", "--Werror=missing-translation", "-o", "out", "hello.gpi", cwd=project).returncode == 0


def test_stamp_then_edit_english_makes_the_translation_stale(project):
    path = project / "hello.gpi"
    r = gpic("docs", "--stamp", "hello.gpi", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "hello.gpi:2:5: stamped package hello @ko[" in r.stdout
    stamped = path.read_text(encoding="utf-8")
    # Only the markers changed.
    assert stamped.replace("@ko[", "@ko").count("\n") == GPI.count("\n")
    assert [l for l in stamped.splitlines() if "@ko" not in l] == [l for l in GPI.splitlines() if "@ko" not in l]
    assert gpic("docs", "--check", "hello.gpi", cwd=project).returncode == 0

    path.write_text(stamped.replace("returns a greeting for", "returns a friendly greeting for"), encoding="utf-8")
    r = gpic("--target", "docs", "--lang", "en,ko", "--Werror=stale-translation", "-o", "out", "hello.gpi", cwd=project)
    assert r.returncode == 1
    assert "hello.gpi:6:5: error: the ko text of Hello was translated from English text that has changed" in r.stderr
    assert gpic("docs", "--check", "hello.gpi", cwd=project).returncode == 1

    r = gpic("--target", "docs", "--lang", "en,ko", "-o", "out", "hello.gpi", cwd=project)
    assert r.returncode == 0
    page = (project / "out" / "ko" / "hello.html").read_text(encoding="utf-8")
    assert 'class="badge badge-stale"' in page
    r = gpic("docs", "--stat", "hello.gpi", cwd=project)
    assert "hello.gpi: ko: 1 translated, 1 stale, 1 missing of 3 documented (33%)" in r.stdout


def test_unknown_language_is_an_error(project):
    r = gpic("--target", "docs", "--lang", "en,fr", "-o", "out", "hello.gpi", cwd=project)
    assert r.returncode == 1
    assert "gpic: error: the docs target has no words for language 'fr' (it knows: en, ko)" in r.stderr


@pytest.mark.parametrize("sample", SAMPLES, ids=[os.path.basename(s) for s in SAMPLES])
def test_samples_are_fully_documented_in_both_languages(sample, tmp_path):
    r = gpic("--target", "docs", "--lang", "en,ko", "--Werror=missing-translation", "--Werror=stale-translation",
             "--Werror=unknown-reference", "-o", str(tmp_path), sample, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "warning" not in r.stderr, r.stderr
    assert "0 missing" in r.stderr and " undocumented" in r.stderr
