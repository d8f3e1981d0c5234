"""github.com/dustin/go-humanize@v1.1.0 bound whole, less what needs time.Time or math/big
(tests/e2e/fixtures/real/humanize/humanize.gpi, fetched through the Go module proxy by the
version in its package clause). Every expected value is computed by the real Go code: the
cases below become a small Go program run with `go run`, and each target and interpreter
must give exactly what it printed."""

import json
import os
import subprocess

import pytest

from conftest import ROOT, TARGETS, run_python

MODULE, VERSION = "github.com/dustin/go-humanize", "v1.1.0"
GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "humanize", "humanize.gpi")

CONSTANTS = ["Byte", "KiByte", "MiByte", "GiByte", "TiByte", "PiByte", "EiByte",
             "IByte", "KByte", "MByte", "GByte", "TByte", "PByte", "EByte"]

# (function, arguments, shape of its results): "one" value; "two" values; "err": a value and
# an error; "err2": two values and an error. Arguments are ints, floats or str.
CASES = [
    ("Bytes", [0], "one"), ("Bytes", [82854982], "one"), ("Bytes", [18446744073709551615], "one"),
    ("BytesN", [82854982, 4], "one"), ("IBytes", [1024], "one"), ("IBytes", [82854982], "one"),
    ("IBytesN", [82854982, 1], "one"),
    ("ParseBytes", ["42 MB"], "err"), ("ParseBytes", ["42 mib"], "err"), ("ParseBytes", ["1,000 KB"], "err"),
    ("ParseBytes", ["bogus"], "err"), ("ParseBytes", ["999999999 EB"], "err"),
    ("Comma", [0], "one"), ("Comma", [-123456789], "one"), ("Comma", [-9223372036854775808], "one"),
    ("Commaf", [1234567.891], "one"), ("Commaf", [-0.5], "one"),
    ("CommafWithDigits", [1234567.891, 1], "one"),
    ("ParseComma", ["1,234,567"], "err"), ("ParseComma", ["1,2x"], "err"),
    ("ParseCommaf", ["-1,234.5"], "err"),
    ("Ftoa", [2.24], "one"), ("Ftoa", [100.0], "one"), ("FtoaWithDigits", [2.2345, 2], "one"),
    ("FormatFloat", ["#,###.##", 1234567.891], "one"), ("FormatFloat", ["#.###,###", -1234.5], "one"),
    ("FormatFloat", ["", 12.5], "one"), ("FormatInteger", ["#,###.", 1234567], "one"),
    ("Ordinal", [1], "one"), ("Ordinal", [22], "one"), ("Ordinal", [113], "one"), ("Ordinal", [-3], "one"),
    ("ComputeSI", [2.2345e-12], "two"), ("ComputeSI", [1e9], "two"), ("ComputeSI", [0.0], "two"),
    ("SI", [1000000.0, "B"], "one"), ("SI", [2.2345e-12, "F"], "one"),
    ("SIWithDigits", [2.2345e-12, 2, "F"], "one"),
    ("ParseSI", ["2.2345 pF"], "err2"), ("ParseSI", ["1 MB"], "err2"), ("ParseSI", ["x"], "err2"),
]


def go_literal(value):
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def go_program():
    lines = ["package main", "", "import (", '\t"encoding/json"', '\t"fmt"', "",
             '\th "%s"' % MODULE, ")", "",
             "func failed(err error) any {", "\tif err != nil {",
             '\t\treturn map[string]string{"error": err.Error()}', "\t}", "\treturn nil", "}", "",
             "func main() {", "\tout := map[string]any{}"]
    for name in CONSTANTS:
        lines.append('\tout["%s"] = h.%s' % (name, name))
    for i, (func, args, shape) in enumerate(CASES):
        call = "h.%s(%s)" % (func, ", ".join(go_literal(a) for a in args))
        key = json.dumps("case%d" % i)
        if shape == "one":
            lines.append("\tout[%s] = %s" % (key, call))
        elif shape == "two":
            lines.append("\t{\n\t\ta, b := %s\n\t\tout[%s] = []any{a, b}\n\t}" % (call, key))
        elif shape == "err":
            lines.append("\t{\n\t\ta, err := %s\n\t\tif e := failed(err); e != nil {\n\t\t\tout[%s] = e\n"
                         "\t\t} else {\n\t\t\tout[%s] = a\n\t\t}\n\t}" % (call, key, key))
        else:
            lines.append("\t{\n\t\ta, b, err := %s\n\t\tif e := failed(err); e != nil {\n\t\t\tout[%s] = e\n"
                         "\t\t} else {\n\t\t\tout[%s] = []any{a, b}\n\t\t}\n\t}" % (call, key, key))
    lines += ["\tb, err := json.Marshal(out)", "\tif err != nil {", "\t\tpanic(err)", "\t}",
              "\tfmt.Println(string(b))", "}", ""]
    return "\n".join(lines)


PYTHON = r'''
import json, sys
import humanize as h
CONSTANTS, CASES = json.loads(sys.argv[1])
out = {name: getattr(h, name) for name in CONSTANTS}
for i, (func, args, shape) in enumerate(CASES):
    try:
        r = getattr(h, func)(*args)
    except h.Error as e:
        out["case%d" % i] = {"error": str(e)}
        continue
    out["case%d" % i] = list(r) if isinstance(r, tuple) else r
print(json.dumps(out))
'''


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    work = tmp_path_factory.mktemp("humanize_go")
    (work / "main.go").write_text(go_program(), encoding="utf-8")
    env = dict(os.environ, GOFLAGS="-mod=mod", GOWORK="off")
    for cmd in (["go", "mod", "init", "gpic.test/humanize_expected"], ["go", "get", "%s@%s" % (MODULE, VERSION)]):
        r = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run(["go", "run", "."], cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_humanize_matches_go(build_cache, expected, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = subprocess.run([interpreter, "-c", PYTHON, json.dumps([CONSTANTS, CASES])], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    got = json.loads(r.stdout)
    assert set(got) == set(expected)
    for key in expected:
        what = key if not key.startswith("case") else "%s%r" % tuple(CASES[int(key[4:])][:2])
        assert got[key] == expected[key], "%s: Python %r, Go %r" % (what, got[key], expected[key])
    # Every shape of result was exercised, failures included.
    assert any(isinstance(v, dict) and "error" in v for v in expected.values())


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_humanize_sizes_are_plain_ints_and_errors_are_the_package_s(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    code = ("import humanize as h\n"
            "assert type(h.EiByte) is int and h.EiByte == 1 << 60 and h.KByte == 1000\n"
            "assert h.IBytes(h.MiByte) == '1.0 MiB'\n"
            "try:\n    h.ParseBytes('bogus')\nexcept h.Error as e:\n    assert isinstance(e, h.GoError)\n"
            "else:\n    raise SystemExit('no error')\nprint('ok')\n")
    r = run_python(interpreter, out, code)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
