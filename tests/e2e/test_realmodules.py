"""Real modules at pinned versions, fetched through the Go module proxy (issue 15): the shapes
the fixtures reproduce, as the libraries have them. golang.org/x/text/unicode/norm's Form (a
named int with methods and constants) and github.com/Masterminds/semver/v3's sentinel errors
and Constraints.Validate's []error."""

import json
import subprocess

import pytest

from conftest import TARGETS, run_python

NORM_GPI = '''/// Unicode normalization (golang.org/x/text/unicode/norm).
package norm "golang.org/x/text/unicode/norm"

type Form int

const (
    NFC Form = iota
    NFD
    NFKC
    NFKD
)

func (f Form) String(s string) string
func (f Form) Bytes(b []byte) []byte
func (f Form) IsNormalString(s string) bool
'''

SEMVER_GPI = '''/// Semantic versions (github.com/Masterminds/semver/v3).
package semver "github.com/Masterminds/semver/v3"

var ErrInvalidSemVer error
var ErrEmptyString error

type Version struct {}

func NewVersion(v string) (*Version, error)
func (v *Version) String() string
func (v *Version) Major() uint64

type Constraints struct {}

func NewConstraint(c string) (*Constraints, error)
func (cs *Constraints) Validate(v *Version) (bool, []error)
'''

CHECK = r'''
import norm, semver
assert norm.Form(0) == norm.Form(0) == norm.NFC == 0
assert norm.NFC.String("e\u0301") == "\u00e9"
assert norm.NFD.String("\u00e9") == "e\u0301"
assert norm.NFC.IsNormalString("\u00e9") is True and norm.NFD.IsNormalString("\u00e9") is False
assert norm.NFKC.Bytes("\ufb01".encode()) == b"fi"
try:
    semver.NewVersion("x.y")
except semver.ErrInvalidSemVer as e:
    assert str(e) == "Invalid Semantic Version" and isinstance(e, semver.Error)
else:
    raise SystemExit("no ErrInvalidSemVer")
v = semver.NewVersion("1.0.0")
assert v.Major() == 1 and str(v) == "1.0.0"
ok, errs = semver.NewConstraint(">= 1.2").Validate(v)
assert ok is False and len(errs) == 1 and isinstance(errs[0], semver.Error), errs
assert "1.0.0" in str(errs[0]), str(errs[0])
print("ok")
'''


def module_dir(path_at_version):
    r = subprocess.run(["go", "mod", "download", "-json", path_at_version], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return json.loads(r.stdout)["Dir"]


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_norm_and_semver(gpic, tmp_path, target, interpreter, monkeypatch):
    # Two separately built modules (each from its own --go-module) in one process: a second Go
    # runtime is refused at import unless GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES=1 (issue 11 §3).
    monkeypatch.setenv("GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES", "1")
    out = tmp_path / "out"
    for name, text, module in [("norm", NORM_GPI, "golang.org/x/text@v0.21.0"),
                               ("semver", SEMVER_GPI, "github.com/Masterminds/semver/v3@v3.3.1")]:
        gpi = tmp_path / (name + ".gpi")
        gpi.write_text(text, encoding="utf-8")
        r = subprocess.run([gpic, "build", str(gpi), "--target", target, "--python", interpreter, "-o", str(out),
                            "--go-module", module_dir(module)], capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stdout + r.stderr
    r = run_python(interpreter, str(out), CHECK)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
