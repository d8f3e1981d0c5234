"""github.com/tidwall/gjson at a pinned version, fetched through the Go module proxy by gpic
(the version is in the .gpi's import path): Get/Parse returning Result, Result's methods, the
Type enum, callbacks, and Result.Value() returning Go's any. The expected values come from the
real Go code: a small `go run` program prints what gjson gives for each case."""

import json
import os
import subprocess

import pytest

from conftest import ROOT, TARGETS, require_interpreter

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "gjson", "gjson.gpi")

DOC = json.dumps({
    "name": {"first": "Tom", "last": "Anderson"},
    "age": 37,
    "children": ["Sara", "Alex", "Jack"],
    "fav.movie": "Deer Hunter",
    "friends": [
        {"first": "Dale", "last": "Murphy", "age": 44, "nets": ["ig", "fb", "tw"]},
        {"first": "Roger", "last": "Craig", "age": 68, "nets": ["fb", "tw"]},
        {"first": "Jane", "last": "Murphy", "age": 47, "nets": ["ig", "tw"]},
    ],
    "ratio": -0.25,
    "big": 18446744073709551615,
    "ok": True,
    "no": False,
    "nothing": None,
    "escaped": "tab\there \u00e9",
})

PATHS = ["name.last", "age", "children", "children.#", "children.1", "child*.2", "c?ildren.0",
         "fav\\.movie", "friends.#.first", "friends.1.last", 'friends.#(last=="Murphy").first',
         'friends.#(last=="Murphy")#.first', "friends.#(age>45)#.last", "friends.#(nets.#(=\"fb\"))#.first",
         "ratio", "big", "ok", "no", "nothing", "missing", "name", "friends", "escaped", "@reverse",
         "children|@reverse", "name.@pretty:{\"sortKeys\":true}", "{name.first,age}", "[age,ok]"]

GO_PROGRAM = r'''package main

import (
	"encoding/json"
	"os"

	"github.com/tidwall/gjson"
)

func main() {
	var in struct {
		Doc   string
		Paths []string
	}
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	out := []map[string]any{}
	for _, p := range in.Paths {
		r := gjson.Get(in.Doc, p)
		arr := []string{}
		for _, e := range r.Array() {
			arr = append(arr, e.Raw)
		}
		keys := map[string]string{}
		for k, v := range r.Map() {
			keys[k] = v.Raw
		}
		out = append(out, map[string]any{
			"path": p, "type": int(r.Type), "type_name": r.Type.String(), "raw": r.Raw, "str": r.Str,
			"num": r.Num, "index": r.Index, "indexes": r.Indexes, "string": r.String(), "bool": r.Bool(),
			"int": r.Int(), "uint": r.Uint(), "float": r.Float(), "exists": r.Exists(),
			"is_object": r.IsObject(), "is_array": r.IsArray(), "is_bool": r.IsBool(),
			"array": arr, "map": keys, "value": r.Value(),
		})
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"cases":  out,
		"valid":  []bool{gjson.Valid(in.Doc), gjson.Valid("{\"a\":"), gjson.Valid("[1,2]")},
		"escape": gjson.Escape("fav.movie*?"),
		"append": string(gjson.AppendJSONString([]byte("x:"), "a\"b\u00e9\n")),
		"many":   len(gjson.GetMany(in.Doc, "age", "name.first", "missing")),
	})
}
'''

CHECK = r'''
import json, sys
import gjson

expected = json.loads(sys.stdin.read())


def floats(x):
    # JSON numbers as gjson gives them (float64); encoding/json writes 1.8446744073709552e19
    # as an integer, which Python's json reads back as a different int.
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, list):
        return [floats(e) for e in x]
    if isinstance(x, dict):
        return {k: floats(v) for k, v in x.items()}
    return x

doc = expected["doc"]
for case in expected["cases"]:
    p = case["path"]
    r = gjson.Get(doc, p)
    assert isinstance(r, gjson.Result), (p, r)
    assert r.Type == case["type"] and isinstance(r.Type, gjson.Type), (p, r.Type, case["type"])
    # Go's Type.String() is the constant's name (True and False are True_ and False_ in Python).
    assert r.Type.name.rstrip("_") == case["type_name"], (p, r.Type.name, case["type_name"])
    assert r.Raw == case["raw"] and r.Str == case["str"], (p, r.Raw, case["raw"])
    # encoding/json writes a float64 such as 1.8446744073709552e19 as an integer: compare as floats.
    assert r.Num == float(case["num"]) and r.Index == case["index"], (p, r.Num, r.Index, case)
    assert list(r.Indexes) == (case["indexes"] or []), (p, list(r.Indexes), case["indexes"])
    assert r.String() == case["string"] and str(r) == case["string"], (p, r.String(), case["string"])
    assert r.Bool() is case["bool"] and r.Exists() is case["exists"], p
    assert r.Int() == case["int"] and r.Uint() == case["uint"] and r.Float() == float(case["float"]), (p, r.Int(), r.Uint(), r.Float(), case)
    assert (r.IsObject(), r.IsArray(), r.IsBool()) == (case["is_object"], case["is_array"], case["is_bool"]), p
    assert [e.Raw for e in r.Array()] == case["array"], (p, [e.Raw for e in r.Array()], case["array"])
    assert {k: v.Raw for k, v in r.Map().items()} == case["map"], p
    # Value(): Go's any, as Python's natural values (numbers are float64 in gjson).
    v = r.Value()
    assert v == floats(case["value"]), (p, v, case["value"])
    if r.Type == gjson.Number:
        assert type(v) is float, (p, type(v))
    # Parse of the raw text gives the same value; a Result's own Get walks further.
    if r.Exists():
        assert gjson.Parse(r.Raw).Value() == v, p

# Value() of a whole document: nested dicts and lists of Python values.
whole = gjson.Parse(doc).Value()
assert whole == floats(json.loads(doc)), whole
assert type(whole["friends"][0]["age"]) is float and whole["nothing"] is None and whole["ok"] is True
assert gjson.ParseBytes(doc.encode()).Get("name").Get("first").Str == "Tom"
assert gjson.GetBytes(doc.encode(), "children.2").String() == "Jack"
assert gjson.Get(doc, "name").Get("last").Value() == "Anderson"

assert [gjson.Valid(doc), gjson.Valid('{"a":'), gjson.Valid("[1,2]")] == expected["valid"]
assert gjson.ValidBytes(b"[1,2]") is True and gjson.ValidBytes(b"[1,") is False
assert gjson.Escape("fav.movie*?") == expected["escape"]
assert gjson.AppendJSONString(b"x:", 'a"b\u00e9\n').decode() == expected["append"]
many = gjson.GetMany(doc, "age", "name.first", "missing")
assert len(many) == expected["many"] and many[0].Int() == 37 and many[1].Str == "Tom" and not many[2].Exists()

# ForEach calls back into Python with (key, value) Results; returning False stops it.
seen = []
gjson.Get(doc, "name").ForEach(lambda k, v: seen.append((k.Str, v.Str)) or True)
assert seen == [("first", "Tom"), ("last", "Anderson")], seen
first = []
gjson.Get(doc, "children").ForEach(lambda k, v: first.append(v.Value()) or False)
assert first == ["Sara"], first
lines = []
gjson.ForEachLine('{"a":1}\n{"a":2}\n', lambda line: lines.append(line.Get("a").Int()) or True)
assert lines == [1, 2], lines

# A modifier written in Python: gjson calls it from Go.
gjson.AddModifier("upper", lambda js, arg: js.upper())
assert gjson.Get(doc, "children|@upper").Value() == ["SARA", "ALEX", "JACK"]
assert gjson.Get('{"a":"b"}', "@upper").Raw == '{"A":"B"}'

# Results are Go values: a Result made in Python has Go's zero values, and Less compares.
zero = gjson.Result()
assert zero.Type == gjson.Null and not zero.Exists() and zero.Value() is None
assert gjson.Parse("1").Less(gjson.Parse("2"), True) is True
assert gjson.Parse('"b"').Less(gjson.Parse('"a"'), True) is False
print("ok")
'''


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """What the real gjson returns for each case, from a `go run` of GO_PROGRAM."""
    d = tmp_path_factory.mktemp("gjson_expected")
    (d / "main.go").write_text(GO_PROGRAM, encoding="utf-8")
    for cmd in (["go", "mod", "init", "gpic.test/gjson_expected"], ["go", "get", "github.com/tidwall/gjson@v1.20.4"]):
        r = subprocess.run(cmd, cwd=d, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run(["go", "run", "."], cwd=d, input=json.dumps({"Doc": DOC, "Paths": PATHS}), capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    out = json.loads(r.stdout)
    out["doc"] = DOC
    return out


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_gjson(build_cache, expected, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = subprocess.run([require_interpreter(interpreter), "-c", CHECK], input=json.dumps(expected), capture_output=True,
                       text=True, env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
