"""Types of another bound package in a package's signatures (issue 11 §2, §3): in a joint build
(`gpic build geo.gpi scene.gpi`), scene's .gpi imports geo.gpi and uses geo.Vec as parameter,
result, field and container element; a vector crosses between the two Python modules as the
same Go object, of geo's class. A third package, route, uses scene's interface whose methods use
geo's types without naming geo itself. Outside a joint build, or for a type geo does not
declare, gpic gives a positioned error and writes nothing. On every target and interpreter."""

import json
import os
import subprocess

import pytest

from conftest import CHECKS, ROOT, TARGETS, check_names, gpic_binary, require_interpreter

FIXTURE = os.path.join(ROOT, "tests", "e2e", "fixtures", "xpkg")
GEO = os.path.join(FIXTURE, "geo", "geo.gpi")
SCENE = os.path.join(FIXTURE, "scene", "scene.gpi")
ROUTE = os.path.join(FIXTURE, "route", "route.gpi")
CHECKS_FILE = "xpkg_checks.py"


def gpic_build(gpis, out, target, interpreter):
    require_interpreter(interpreter)
    return subprocess.run([gpic_binary(), "build"] + list(gpis) + ["--target", target, "-o", str(out),
                          "--python", interpreter], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def xpkg_results(tmp_path_factory):
    cache = {}

    def results(target, interpreter):
        if (target, interpreter) not in cache:
            out = tmp_path_factory.mktemp("xpkg-%s-%s" % (target, interpreter))
            r = gpic_build([GEO, SCENE, ROUTE], out, target, interpreter)
            if r.returncode != 0:
                pytest.fail("gpic build failed:\n%s%s" % (r.stdout, r.stderr))
            env = dict(os.environ, PYTHONPATH=str(out))
            r = subprocess.run([require_interpreter(interpreter), os.path.join(CHECKS, "runner.py"),
                                os.path.join(CHECKS, CHECKS_FILE)], capture_output=True, text=True, env=env,
                               timeout=600)
            lines = r.stdout.strip().splitlines()
            if r.returncode != 0 or not lines:
                pytest.fail("%s under %s died (exit %d):\n%s\n%s" % (CHECKS_FILE, interpreter, r.returncode,
                                                                    r.stdout[-4000:], r.stderr[-4000:]))
            cache[(target, interpreter)] = (str(out), json.loads(lines[-1]))
        return cache[(target, interpreter)]

    return results


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS_FILE))
def test_xpkg(xpkg_results, target, interpreter, check):
    _, results = xpkg_results(target, interpreter)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_stub_imports_the_other_module(xpkg_results, target, interpreter):
    out, _ = xpkg_results(target, interpreter)
    stub_path = os.path.join(out, "scene", "__init__.pyi") if target == "cffi" else os.path.join(out, "scene.pyi")
    with open(stub_path, encoding="utf-8") as f:
        stub = f.read()
    assert "\nimport geo\n" in stub, stub[:600]
    assert "def Echo(v: geo.Vec | None) -> geo.Vec | None:" in stub, stub
    assert "def Grid(n: int) -> list[geo.Vec | None]:" in stub, stub
    # Another package's interface is spelled as that package's type.
    assert "def Area(s: geo.Shape | None) -> float:" in stub, stub
    assert "def AsShape(v: geo.Vec | None) -> geo.Shape | None:" in stub, stub
    assert "def FacingOf(h: geo.Heading | None) -> geo.Dir:" in stub, stub
    # route names only scene's types: its stub imports scene alone, though its shim spells geo's.
    stub_path = os.path.join(out, "route", "__init__.pyi") if target == "cffi" else os.path.join(out, "route.pyi")
    with open(stub_path, encoding="utf-8") as f:
        stub = f.read()
    assert "\nimport scene\n" in stub and "import geo" not in stub, stub[:600]
    assert "def Describe(a: scene.Actor | None) -> str:" in stub, stub


def test_outside_a_joint_build_is_a_positioned_error(tmp_path):
    out = tmp_path / "out"
    r = gpic_build([SCENE], out, "cffi", "python3")
    assert r.returncode == 1, r.stdout + r.stderr
    # One error, at the first use of geo's type, with the line and a caret, saying how to build them.
    errors = [line for line in r.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, r.stderr
    assert "scene.gpi:11:11: error: type geo.Vec is of package geo (" in errors[0], r.stderr
    assert "which is not built with scene" in errors[0], r.stderr
    assert errors[0].endswith("build them together: gpic build %s %s" % (SCENE, GEO)), r.stderr
    assert "    Pos  *geo.Vec\n          ^\n" in r.stderr, r.stderr
    assert not out.exists()


def test_a_type_the_other_package_does_not_declare(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bad.gpi").write_text('package bad "example.com/xpkg/scene"\n\nimport "%s"\n\n'
                                 "func Echo(v *geo.Point) *geo.Point\n" % GEO)
    out = tmp_path / "out"
    r = gpic_build([GEO, str(bad / "bad.gpi")], out, "cffi", "python3")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "bad.gpi:5:14: error: unknown type 'geo.Point' (package 'geo' declares no type 'Point')" in r.stderr, r.stderr
    assert not out.exists()


def test_an_interface_whose_methods_use_its_packages_types_is_spelled_by_the_importing_shim(tmp_path):
    """geo.Heading's methods use geo's own Dir and Vec: scene's proxy of it names them geo.Dir and
    geo.Vec (xpkg_checks.py calls it both ways). route's proxy of scene.Actor names geo's types
    too, though route's .gpi imports only scene: its shim imports geo's Go package."""
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "--target", "cgo", GEO, SCENE, ROUTE, "-o", str(out)], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    scene = (out / "scene_cgo" / "scene_values.go").read_text()
    assert "func (p *gpicProxy__geo_Heading) Facing() (r0 gopkg_geo.Dir) {" in scene, scene
    assert "func (p *gpicProxy__geo_Heading) Toward(a0 *gopkg_geo.Vec) (r0 gopkg_geo.Dir) {" in scene, scene
    route = (out / "route_cgo" / "route_values.go").read_text()
    assert '\tgopkg_geo "example.com/xpkg/geo"\n' in route, route
    assert "func (p *gpicProxy__scene_Actor) Where() (r0 *gopkg_geo.Vec) {" in route, route


def test_docs_link_to_the_other_package(tmp_path):
    out = tmp_path / "docs"
    r = subprocess.run([gpic_binary(), "--target", "docs", "--lang", "en,ko", GEO, SCENE, "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    md = (out / "en" / "scene.md").read_text()
    assert ("Uses types of other bound packages: [`geo.Vec`](geo.md#type-Vec), [`geo.Unit`](geo.md#type-Unit), "
            "[`geo.Dir`](geo.md#type-Dir), [`geo.Eval`](geo.md#type-Eval), [`geo.Shape`](geo.md#type-Shape), "
            "[`geo.Heading`](geo.md#type-Heading).") in md, md
    ko = (out / "ko" / "scene.md").read_text()
    assert ("다른 바인딩 패키지의 타입을 씁니다: [`geo.Vec`](geo.md#type-Vec), [`geo.Unit`](geo.md#type-Unit), "
            "[`geo.Dir`](geo.md#type-Dir), [`geo.Eval`](geo.md#type-Eval), [`geo.Shape`](geo.md#type-Shape), "
            "[`geo.Heading`](geo.md#type-Heading).") in ko, ko
    html = (out / "en" / "scene.html").read_text()
    assert '<a class="ref" href="geo.html#type-Vec"><code>geo.Vec</code></a>' in html, html
    # geo uses no other package: its page says nothing of the kind.
    assert "other bound packages" not in (out / "en" / "geo.md").read_text()


def test_generated_alone_is_a_positioned_error(tmp_path):
    """`gpic --target cffi scene.gpi` (no build) says what `gpic build` says: a binding that takes
    geo's objects needs geo in the same run. Stubs and docs of scene alone are fine."""
    for target in ("cgo", "cffi", "cpython"):
        out = tmp_path / target
        r = subprocess.run([gpic_binary(), "--target", target, SCENE, "-o", str(out)], capture_output=True, text=True,
                           cwd=ROOT)
        assert r.returncode == 1, (target, r.stdout + r.stderr)
        assert "scene.gpi:11:11: error: type geo.Vec is of package geo (" in r.stderr, (target, r.stderr)
        assert "build them together: gpic build %s %s" % (SCENE, GEO) in r.stderr, (target, r.stderr)
        assert "    Pos  *geo.Vec\n          ^\n" in r.stderr, r.stderr
        assert not out.exists()
    out = tmp_path / "pyi"
    r = subprocess.run([gpic_binary(), "--target", "pyi", SCENE, "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    # With geo in the same run, the binding is generated.
    out = tmp_path / "both"
    r = subprocess.run([gpic_binary(), "--target", "cffi", GEO, SCENE, "-o", str(out)], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_an_import_alias_names_the_package_in_its_file(tmp_path):
    """`import g "geo.gpi"` names geo `g` in this file, as Go's `import g "path"`: `g.Vec` is
    geo's Vec, and the stub, like every target, spells it by the package's name."""
    (tmp_path / "alias.gpi").write_text('package alias "example.com/xpkg/scene"\n\nimport g "%s"\n\n'
                                        "func Echo(v *g.Vec) *g.Vec\nfunc Turn(d g.Dir) g.Dir\n" % GEO)
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "--target", "pyi", GEO, str(tmp_path / "alias.gpi"), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    stub = (out / "alias.pyi").read_text()
    assert "\nimport geo\n" in stub and "def Echo(v: geo.Vec | None) -> geo.Vec:" in stub, stub
    assert "def Turn(d: geo.Dir) -> geo.Dir:" in stub, stub


def test_a_renamed_package_is_unknown_by_its_own_name(tmp_path):
    (tmp_path / "bad.gpi").write_text('package bad "example.com/xpkg/scene"\n\nimport g "%s"\n\n'
                                      "func Echo(v *geo.Vec) *geo.Vec\n" % GEO)
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "--target", "pyi", GEO, str(tmp_path / "bad.gpi"), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1, r.stdout + r.stderr
    # At each use: the parameter's type and the result's.
    assert "bad.gpi:5:14: error: package 'geo' is imported as 'g' in this file: write g.<name>" in r.stderr, r.stderr
    assert "bad.gpi:5:24: error: package 'geo' is imported as 'g'" in r.stderr, r.stderr
    assert "func Echo(v *geo.Vec) *geo.Vec\n             ^\n" in r.stderr, r.stderr
    assert not out.exists()


def test_two_packages_of_one_name(tmp_path):
    """Go's text/template and html/template are both `template`; their .gpi files must name them
    apart (a package's name is its Python module's), and an alias may not take a name another
    import has."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "geo.gpi").write_text('package geo "example.com/other/geo"\n\ntype Vec struct {\n    Z float64\n}\n')
    (tmp_path / "both.gpi").write_text('package both "example.com/both"\n\nimport "%s"\nimport ogeo "other/geo.gpi"\n\n'
                                       "func F(v *geo.Vec)\n" % GEO)
    out = tmp_path / "out"
    r = subprocess.run([gpic_binary(), "--target", "pyi", str(tmp_path / "both.gpi"), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ("both.gpi:4:13: error: imported package 'geo' is already imported from '%s'; their types could not be "
            "told apart: rename one in its package clause" % GEO) in r.stderr, r.stderr
    assert not out.exists()
    (other / "geo.gpi").write_text('package ogeo "example.com/other/geo"\n\ntype Vec struct {\n    Z float64\n}\n')
    (tmp_path / "both.gpi").write_text('package both "example.com/both"\n\nimport "%s"\nimport geo "other/geo.gpi"\n\n'
                                       "func F(v *geo.Vec)\n" % GEO)
    r = subprocess.run([gpic_binary(), "--target", "pyi", str(tmp_path / "both.gpi"), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ("both.gpi:4:8: error: the name 'geo' is already taken by the import of '%s': name this one otherwise, "
            "as Go does (import geo2 \"other/geo.gpi\")" % GEO) in r.stderr, r.stderr
    (tmp_path / "both.gpi").write_text('package both "example.com/both"\n\nimport "%s"\nimport g2 "other/geo.gpi"\n\n'
                                       "func F(v *geo.Vec, w *g2.Vec)\n" % GEO)
    r = subprocess.run([gpic_binary(), "--target", "pyi", str(tmp_path / "both.gpi"), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "def F(v: geo.Vec | None, w: ogeo.Vec | None) -> None:" in (out / "both.pyi").read_text()


def test_extract_together_imports_the_other_gpi(tmp_path):
    """`gpic extract route scene geo -o DIR`: scene's .gpi imports geo.gpi and uses geo's types
    where, extracted alone, those declarations are comments, interfaces over geo's types
    included; route uses scene's Actor, which scene binds only with geo; and the three build as
    written."""
    out = tmp_path / "gpi"
    env = dict(os.environ, GPIC_CACHE_DIR=os.environ.get("GPIC_CACHE_DIR", str(tmp_path / "cache")))
    r = subprocess.run([gpic_binary(), "extract", "example.com/xpkg/route", "example.com/xpkg/scene",
                        "example.com/xpkg/geo", "-o", str(out)], capture_output=True, text=True, cwd=FIXTURE, env=env)
    assert r.returncode == 0, r.stderr
    assert "gpic extract: example.com/xpkg/geo: " in r.stderr, r.stderr
    scene = (out / "scene.gpi").read_text()
    assert '\npackage scene "example.com/xpkg/scene"\n\nimport "geo.gpi"\n' in scene, scene
    for decl in ("func Echo(v *geo.Vec) *geo.Vec", "func Turn(d geo.Dir) geo.Dir", "func Grid(n int) []*geo.Vec",
                 "func Apply(f geo.Eval, x float64) float64",
                 "\tPos *geo.Vec\n", "\tFacing geo.Dir\n", "func FacingOf(h geo.Heading) geo.Dir",
                 "type Actor interface {\n\tWhere() *geo.Vec\n\tFacing() geo.Dir\n}"):
        assert decl in scene, (decl, scene)
    assert "gpic: not bound" not in scene, scene
    assert (out / "geo.gpi").read_text().count("gpic: not bound") == 0
    route = (out / "route.gpi").read_text()
    assert 'import "scene.gpi"\n' in route and "func Describe(a scene.Actor) string" in route, route
    assert "gpic: not bound" not in route, route
    # Alone, the same declarations are comments.
    r = subprocess.run([gpic_binary(), "extract", "example.com/xpkg/scene"], capture_output=True, text=True,
                       cwd=FIXTURE, env=env)
    assert r.returncode == 0, r.stderr
    assert "// gpic: not bound: func Echo(v *geo.Vec) *geo.Vec — uses geo.Vec from another package" in r.stdout
    # Several packages go to a directory.
    r = subprocess.run([gpic_binary(), "extract", "example.com/xpkg/scene", "example.com/xpkg/geo"],
                       capture_output=True, text=True, cwd=FIXTURE, env=env)
    assert r.returncode == 2 and "give -o DIR" in r.stderr, r.stderr
    # What it wrote builds together.
    built = tmp_path / "built"
    r = subprocess.run([gpic_binary(), "build", str(out / "geo.gpi"), str(out / "scene.gpi"), str(out / "route.gpi"),
                        "--go-module", FIXTURE, "--target", "cffi", "-o", str(built), "--python", "python3"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    probe = ("import geo, route\n"
             "class A:\n    def Where(self): return geo.NewVec(1.0, 2.0)\n    def Facing(self): return geo.South\n"
             "print(route.Describe(A()))\n")
    r = subprocess.run([require_interpreter("python3"), "-c", probe], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(built)))
    assert r.returncode == 0 and r.stdout == "Vec(1, 2) facing S\n", r.stdout + r.stderr
