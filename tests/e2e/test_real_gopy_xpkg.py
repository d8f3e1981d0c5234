"""gopy's _examples that use other example packages (module github.com/go-python/gopy, pinned
at v0.5.0 and fetched through the Go module proxy by each .gpi's import path), bound whole and
built together over one Go runtime: hi takes and returns structs.S2 (a type of another bound
package) and prints through cpkg; iface and funcs print through cpkg; cpkg prints through C's
stdio. Expectations come from each example's Go source and gopy's _examples/*/test.py, on
every target and interpreter."""

import json
import os
import subprocess

import pytest

from conftest import CHECKS, ROOT, TARGETS, check_names, gpic_binary, require_interpreter

GOPY = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gopy")
PACKAGES = [os.path.join(GOPY, name + ".gpi") for name in ("cpkg", "structs", "hi", "iface")]
FUNCS = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gopy_funcs", "funcs.gpi")
CHECKS_FILE = "gopy_xpkg_checks.py"


@pytest.fixture(scope="module")
def gopy_build(tmp_path_factory):
    cache = {}

    def build(target, interpreter):
        if (target, interpreter) not in cache:
            out = tmp_path_factory.mktemp("gopy-xpkg-%s-%s" % (target, interpreter))
            r = subprocess.run([gpic_binary(), "build"] + PACKAGES + [FUNCS, "--target", target, "-o", str(out),
                                "--python", require_interpreter(interpreter)], capture_output=True, text=True, cwd=ROOT)
            if r.returncode != 0:
                pytest.fail("gpic build of gopy's examples failed:\n%s%s" % (r.stdout, r.stderr))
            cache[(target, interpreter)] = str(out)
        return cache[(target, interpreter)]

    return build


@pytest.fixture(scope="module")
def gopy_results(gopy_build):
    cache = {}

    def results(target, interpreter):
        if (target, interpreter) not in cache:
            env = dict(os.environ, PYTHONPATH=gopy_build(target, interpreter))
            r = subprocess.run([require_interpreter(interpreter), os.path.join(CHECKS, "runner.py"),
                                os.path.join(CHECKS, CHECKS_FILE)], capture_output=True, text=True, env=env,
                               timeout=600)
            lines = r.stdout.strip().splitlines()
            if r.returncode != 0 or not lines:
                pytest.fail("%s under %s died (exit %d):\n%s\n%s" % (CHECKS_FILE, interpreter, r.returncode,
                                                                    r.stdout[-4000:], r.stderr[-4000:]))
            cache[(target, interpreter)] = json.loads(lines[-1])
        return cache[(target, interpreter)]

    return results


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS_FILE))
def test_gopy_xpkg(gopy_results, target, interpreter, check):
    results = gopy_results(target, interpreter)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


# What the examples print goes through C's stdio (cpkg's cpkg_printf), buffered apart from
# Python's: each case runs in its own process, Python reports on stderr, and stdout holds
# exactly what Go printed.
PRINTS = {
    "cpkg": ("import cpkg\n"
             "cpkg.Hi()\n"
             "cpkg.Hello('me')\n"
             "cpkg.Hello('')\n"
             "cpkg.Printf('%d-%s|%v|%q\\n', 3, 'x', 1.5, 'y')\n",
             "hi from go\nhello me from go\nhello you from go\n3-x|1.5|\"y\"\n"),
    "hi": ("import hi\n"
           "hi.Hi()\n"
           "hi.Hello('you')\n",
           "hi from go\nhello you from go\n"),
    "hi_work": ("import sys, hi\n"
                "p = hi.NewActivePerson(4)\n"
                "sys.stderr.write('NEW %s\\n' % p)\n"
                "p.Work(2)\n"
                "try:\n"
                "    p.Work(24)\n"
                "except hi.Error as e:\n"
                "    sys.stderr.write('ERR %s\\n' % e)\n"
                "try:\n"
                "    hi.NewActivePerson(8)\n"
                "except hi.Error as e:\n"
                "    sys.stderr.write('ERR %s\\n' % e)\n",
                "working...\nworked for 4 hours\nworking...\nworked for 2 hours\nworking...\nworking...\n"),
    "iface": ("import iface\n"
              "t = iface.T()\n"
              "t.F()\n"
              "iface.CallIface(t)\n"
              "iface.IfaceString('test string')\n"
              "iface.IfaceString(str(42))\n"
              "iface.IfaceHandle(t)\n"
              "iface.IfaceHandle(None)\n"
              "class Py:\n"
              "    def F(self):\n"
              "        import sys\n"
              "        sys.stderr.write('PY F\\n')\n"
              "iface.CallIface(Py())\n",
              "t.F [CALLED]\n"
              "iface.CallIface...\nt.F [CALLED]\niface.CallIface... [DONE]\n"
              "iface as string: test string\niface as string: 42\n"
              "iface as handle: &{0 }\niface as handle: <nil>\n"
              "iface.CallIface...\niface.CallIface... [DONE]\n"),
    # F1 is a func(): Python calls it. (F2 is of the named func type Func, which lane gopy
    # makes callable: not here.)
    "funcs": ("import funcs\n"
              "funcs.F1()\n"
              "s = funcs.S2()\n"
              "s.F1 = funcs.F1\n"
              "s.F1()\n",
              "calling F1\ncalling F1\n"),
}


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("case", sorted(PRINTS))
def test_gopy_xpkg_prints(gopy_build, target, interpreter, case):
    code, expected = PRINTS[case]
    env = dict(os.environ, PYTHONPATH=gopy_build(target, interpreter))
    r = subprocess.run([require_interpreter(interpreter), "-c", code], capture_output=True, text=True, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected, (r.stdout, r.stderr)
    if case == "hi_work":
        assert r.stderr.splitlines() == ['NEW hi.Person{Name="", Age=0}', "ERR can't work for 24 hours!",
                                         "ERR can't work for 8 hours!"], r.stderr
    if case == "iface":
        assert r.stderr == "PY F\n", r.stderr


def test_extract_leaves_only_the_cross_package_methods_to_hi(tmp_path):
    """`gpic extract` of hi leaves out exactly the three methods that use structs.S2, which
    the curated hi.gpi binds through `import "structs.gpi"`: nothing else of hi is left out."""
    out = tmp_path / "hi.gpi"
    r = subprocess.run([gpic_binary(), "extract", "github.com/go-python/gopy/_examples/hi@v0.5.0", "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    extracted = out.read_text()
    left = [line.split(" — ")[0] for line in extracted.splitlines() if line.startswith("// gpic: not bound: ")]
    assert left == ["// gpic: not bound: func (*Person) ReturnS2Ptr() *structs.S2",
                    "// gpic: not bound: func (*Person) SetFmS2(s2 structs.S2)",
                    "// gpic: not bound: func (*Person) SetFmS2Ptr(s2 *structs.S2)"], left
    with open(os.path.join(GOPY, "hi.gpi"), encoding="utf-8") as f:
        curated = f.read()
    for method in ("func (p *Person) ReturnS2Ptr() *structs.S2", "func (p *Person) SetFmS2(s2 structs.S2)",
                   "func (p *Person) SetFmS2Ptr(s2 *structs.S2)"):
        assert method in curated, method
    # Everything extract did bind is in the curated file too.
    for line in extracted.splitlines():
        if line.startswith("func ") or line.startswith("type "):
            assert line in curated, line
