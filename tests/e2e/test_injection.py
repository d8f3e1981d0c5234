"""Text from a .gpi never becomes code (issue 10 §1), and declarations whose generated names
would coincide are escaped apart or refused (§2):

- the injection file of the issue is refused at its package path, and nothing runs;
- a .gpi whose doc comments and string constants hold every hostile sequence builds, imports
  and shows those texts intact on every Python target, and its docs keep no script links;
- names that the targets used to merge (Point_Dist and Point.Dist, int and int_, C and C++
  keywords, the module's own helpers) bind as distinct names on every target."""

import os
import subprocess
import sys

import pytest

from conftest import CHECKS, ROOT, TARGETS, check_names

sys.path.insert(0, CHECKS)
import hostile_text  # noqa: E402  (the texts, shared with the checks file)

CHECKS_FILE = "hostile_checks.py"

INJECTION = ('package inj2 "strings\\" // */ int system(const char*); __attribute__((constructor)) static void '
             'f(void){ system(\\"touch PWNED\\"); } /*"\n'
             "func ToUpper(s string) string\n")

GO = '''package hostile

const Hostile = %(literal)s
const Raw = `%(raw)s`
const Hidden = %(hidden)s

func Echo(s string) string { return s }

type Point struct{ X, Y float64 }

func (p *Point) Dist(q *Point) float64 { return 2 }

func Point_Dist(p, q *Point) float64 { return 1 }

func Point_get_X(p *Point) float64 { return -p.X }

func Params(a, b int) int { return a*10 + b }

func Keywords(a, b, c, d, e, f, g, h, i, j int) int {
	return a*1 + b*2 + c*3 + d*4 + e*5 + f*6 + g*7 + h*8 + i*9 + j*10
}

func CTypes(a, b int, c string) string { return c + ":" + string(rune('0'+a)) + string(rune('0'+b)) }

func GoHandleError() string { return "Go's GoHandleError" }
func Release() string       { return "Go's Release" }
func Collect() string       { return "Go's Collect" }

type PyErr struct{}

func (e *PyErr) Occurred() bool { return true }
''' % {"literal": hostile_text.LITERAL, "raw": hostile_text.RAW, "hidden": hostile_text.HIDDEN_GO}


def gpi_text():
    doc = "".join("/// %s%s\n" % ("@en " if i == 0 else "", line) for i, line in enumerate(hostile_text.DOC_LINES))
    return (doc + 'package hostile "gpic.dev/fixtures/hostile"\n\n'
            + doc + "const Hostile string = %s\n" % hostile_text.LITERAL
            + "const Raw string = `%s`\n" % hostile_text.RAW
            + 'const Hidden string = "%s"\n\n' % hostile_text.HIDDEN_RAW
            + doc + "func Echo(s string) string\n\n"
            + doc + "type Point struct {\n" + doc.replace("///", "    ///") + "    X, Y float64\n}\n\n"
            + doc + "func (p *Point) Dist(q *Point) float64\n"
            "func Point_Dist(p, q *Point) float64\n"
            "func Point_get_X(p *Point) float64\n"
            "func Params(int, int_ int) int\n"
            "func Keywords(linux, unix, class, this, nullptr, template, operator, namespace, not, errno int) int\n"
            "func CTypes(int64_t, size_t int, gpic_status string) string\n"
            "func GoHandleError() string\n"
            "func Release() string\n"
            "func Collect() string\n"
            "type PyErr struct{}\n"
            "func (e *PyErr) Occurred() bool\n")


@pytest.fixture(scope="session")
def hostile_gpi(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    (d / "go.mod").write_text("module gpic.dev/fixtures/hostile\n\ngo 1.23\n", encoding="utf-8")
    (d / "hostile.go").write_text(GO, encoding="utf-8")
    (d / "hostile.gpi").write_text(gpi_text(), encoding="utf-8")
    return str(d / "hostile.gpi")


def gpic_run(gpic, *args, cwd):
    return subprocess.run([gpic, *args], capture_output=True, text=True, cwd=cwd, errors="replace")


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS_FILE))
def test_hostile_texts_and_names(check_results, hostile_gpi, target, interpreter, check):
    results = check_results(hostile_gpi, CHECKS_FILE, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


@pytest.mark.parametrize("target", ["cffi", "cpython"])
def test_the_injection_file_is_refused_at_its_path(gpic, tmp_path, target):
    (tmp_path / "inj2.gpi").write_text(INJECTION, encoding="utf-8")
    r = gpic_run(gpic, "build", "inj2.gpi", "--target", target, "-o", "out", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "inj2.gpi:1:14: error: package path 'strings\" // */ int system(" in r.stderr, r.stderr
    assert "is not a Go import path: double slash" in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "PWNED").exists() and not os.path.exists(os.path.join(ROOT, "PWNED"))
    r = gpic_run(gpic, "inj2.gpi", "-t", "cgo", "-t", target, "-t", "pyi", "-t", "docs", "-o", "gen", cwd=tmp_path)
    assert r.returncode == 1 and not (tmp_path / "gen").exists(), r.stderr


def test_a_file_name_that_would_be_code_is_refused(gpic, tmp_path):
    name = "x\nimport os; os.system('touch PWNED')\n#.gpi"
    (tmp_path / name).write_text('package x "example.com/x"\nfunc F() int\n', encoding="utf-8")
    r = gpic_run(gpic, name, "-t", "cgo", "-t", "cffi", "-t", "cpython", "-t", "pyi", "-o", "out", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "x\\x0aimport os; os.system('touch PWNED')\\x0a#.gpi: error: the file's path contains a control" in r.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "PWNED").exists()


def test_diagnostics_show_control_and_bidi_characters_escaped(gpic, tmp_path):
    (tmp_path / "t.gpi").write_text("package t\nfunc f\x1b[2J\u202e()\n", encoding="utf-8")
    r = gpic_run(gpic, "t.gpi", "-t", "pyi", "-o", "out", cwd=tmp_path)
    assert r.returncode == 1
    assert "\x1b" not in r.stderr and "\u202e" not in r.stderr, repr(r.stderr)
    assert "func f\\x1b[2J\\u202e()" in r.stderr, r.stderr


def test_python_names_that_coincide_are_diagnostics(gpic, tmp_path):
    (tmp_path / "c.gpi").write_text('package c "example.com/c"\nfunc None()\nfunc None_()\n'
                                    "func GetPI() int\nfunc GetPi() int\n", encoding="utf-8")
    for target in ("cffi", "cpython", "pyi"):
        r = gpic_run(gpic, "c.gpi", "-t", target, "-o", "out", cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        assert ("c.gpi:3:6: error: function 'None_' is named 'None_' in Python, as function 'None' is: "
                "rename one of them in the .gpi") in r.stderr, r.stderr
        assert "c.gpi:2:6: note: function 'None' is declared here" in r.stderr, r.stderr
        assert "get_pi" not in r.stderr
        r = gpic_run(gpic, "c.gpi", "-t", target, "--py-names=snake", "-o", "out", cwd=tmp_path)
        assert "c.gpi:5:6: error: function 'GetPi' is named 'get_pi' in Python" in r.stderr, r.stderr
        assert not (tmp_path / "out").exists()


def test_docs_keep_no_script_links(gpic, hostile_gpi, tmp_path):
    r = gpic_run(gpic, hostile_gpi, "-t", "docs", "--lang", "en", "-o", str(tmp_path / "docs"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    pages = [p for p in (tmp_path / "docs").rglob("*") if p.suffix in (".md", ".html")]
    assert any(p.suffix == ".md" for p in pages) and any(p.suffix == ".html" for p in pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for scheme in ("javascript:", "vbscript:", "data:"):
            assert "](" + scheme not in text and 'href="' + scheme not in text, (page, scheme)
        if "hostile" in page.name:
            assert "](https://go.dev/)" in text or 'href="https://go.dev/"' in text, page
