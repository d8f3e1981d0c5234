"""gopy's _examples (module github.com/go-python/gopy, pinned at v0.5.0 and fetched through the
Go module proxy by each .gpi's import path) bound whole, issue 11 §5: every example package but
those lane xpkg binds across packages (hi, cpkg, structs, iface, funcs), one .gpi each under
tests/e2e/fixtures/real/gopy/, written by `gpic extract` and curated. All of them are built in
ONE joint build, so the 28 real packages share one Go runtime, and checked on every target and
interpreter against what each example's Go source computes (gopy_examples_checks.py)."""

import json
import os
import re
import subprocess

import pytest

from conftest import CHECKS, ROOT, TARGETS, check_names, gpic_binary, require_interpreter

FIXTURES = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gopy")
CHECKS_FILE = "gopy_examples_checks.py"
MODULE = "github.com/go-python/gopy"
VERSION = "v0.5.0"

# fixture name -> the example's package directory under _examples.
EXAMPLES = {name: name for name in (
    "arrays", "cgo", "consts", "cstrings", "empty", "gilstring", "gobytes", "gopyerrors", "gopygc", "gostrings",
    "lot", "maps", "named", "osfile", "pkgconflict", "pointers", "pyerrors", "rename", "seqs", "simple",
    "sliceptr", "slices", "unicode", "variadic", "vars", "wrapper")}
EXAMPLES["package"] = "package/mypkg"
EXAMPLES["pywrapper"] = "wrapper/pywrapper"

# The standard-library types the examples' signatures use (gopygc's *bytes.Buffer, osfile's
# *os.File, pkgconflict's *template.Template of text/template and of html/template) come from
# the .gpi files gpic ships: the examples import "gpic:std/...", `gpic build` builds those files
# in the same joint build, and `gpic extract` writes those imports.
SHIPPED_IMPORTS = {
    "gopygc": ['import "gpic:std/bytes"'],
    "osfile": ['import os "gpic:std/os"'],
    "pkgconflict": ['"gpic:std/html/template"', '"gpic:std/text/template"'],
}

# What `gpic extract` still leaves out: nothing.
LEFT_OUT = {}

SUMMARY = re.compile(r"gpic extract: (\S+): (\d+) declarations bound, (\d+) left as comments")


def gpis():
    return [os.path.join(FIXTURES, name + ".gpi") for name in sorted(EXAMPLES)]


@pytest.fixture(scope="module")
def joint_builds(tmp_path_factory):
    cache = {}

    def build(target, interpreter):
        if (target, interpreter) not in cache:
            require_interpreter(interpreter)
            out = tmp_path_factory.mktemp("gopy-%s-%s" % (target, interpreter))
            r = subprocess.run([gpic_binary(), "build"] + gpis() + ["--target", target, "-o", str(out),
                                "--python", interpreter], capture_output=True, text=True, cwd=ROOT)
            if r.returncode != 0:
                pytest.fail("joint build of gopy's examples for %s/%s failed:\n%s%s" % (target, interpreter, r.stdout,
                                                                                        r.stderr))
            cache[(target, interpreter)] = str(out)
        return cache[(target, interpreter)]

    return build


@pytest.fixture(scope="module")
def results(joint_builds):
    cache = {}

    def get(target, interpreter):
        if (target, interpreter) not in cache:
            out = joint_builds(target, interpreter)
            env = dict(os.environ, PYTHONPATH=out)
            env.pop("GPIC_UNSAFE_MULTIPLE_GO_RUNTIMES", None)
            r = subprocess.run([require_interpreter(interpreter), os.path.join(CHECKS, "runner.py"),
                                os.path.join(CHECKS, CHECKS_FILE)], capture_output=True, text=True, env=env, timeout=900)
            lines = r.stdout.strip().splitlines()
            if r.returncode != 0 or not lines:
                pytest.fail("%s under %s/%s died (exit %d):\n%s\n%s" % (CHECKS_FILE, target, interpreter, r.returncode,
                                                                       r.stdout[-4000:], r.stderr[-4000:]))
            cache[(target, interpreter)] = json.loads(lines[-1])
        return cache[(target, interpreter)]

    return get


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS_FILE))
def test_gopy_examples(results, target, interpreter, check):
    got = results(target, interpreter)
    assert check in got, "check %s did not run" % check
    assert got[check] is None, got[check]


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_one_go_library_for_all_examples(joint_builds, target, interpreter):
    out = joint_builds(target, interpreter)
    libraries = [f for f in os.listdir(out) if f.startswith("libgpic_joint_") and f.endswith(".so")]
    assert len(libraries) == 1, os.listdir(out)


def test_extract_leaves_nothing_else_out(tmp_path):
    """Each fixture binds every declaration `gpic extract` finds in its example, but LEFT_OUT;
    the fixture is extract's file with its docs curated, so their declarations are the same
    (imports of the .gpi files gpic ships included)."""
    env = dict(os.environ, GPIC_CACHE_DIR=os.environ.get("GPIC_CACHE_DIR", str(tmp_path / "cache")))
    for name, directory in sorted(EXAMPLES.items()):
        spec = "%s/_examples/%s@%s" % (MODULE, directory, VERSION)
        r = subprocess.run([gpic_binary(), "extract", spec], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert r.returncode == 0, r.stderr
        assert SUMMARY.search(r.stderr), r.stderr
        gpi = r.stdout
        for line in SHIPPED_IMPORTS.get(name, []):
            assert "\n" + line + "\n" in gpi or "\n\t" + line + "\n" in gpi, (name, line, gpi[:1200])
        not_bound = [line.split("gpic: not bound: ", 1)[1].split(" — ")[0]
                     for line in gpi.splitlines() if "gpic: not bound: " in line]
        assert not_bound == LEFT_OUT.get(name, []), (name, not_bound)
        with open(os.path.join(FIXTURES, name + ".gpi"), encoding="utf-8") as f:
            fixture = declarations(f.read())
        assert fixture == declarations(gpi), name


def declarations(gpi):
    """The declaration lines of a .gpi: no comments, docs or blank lines."""
    return [line.strip() for line in gpi.splitlines() if line.strip() and not line.strip().startswith("//")]
