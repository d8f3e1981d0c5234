"""go-humanize v1.1.0 (through the Go module proxy) where it takes and gives the standard
library's well-known types: RelTime, Time and CustomRelTime over time.Time and time.Duration
(a struct of Durations in a slice), BigBytes, BigIBytes, BigComma and ParseBigBytes over
*big.Int, BigCommaf over *big.Float (a decimal.Decimal), its *big.Int variables and its typed
time.Duration constants (timedelta values). The expected values are computed by the real Go code: a
small `go run` program prints them, and each target and interpreter must print the same."""

import json
import os
import subprocess

import pytest

from conftest import ROOT, TARGETS, require_interpreter

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "humanize_time", "humanize_time.gpi")

PAIRS = [(0, 0), (0, 1), (0, 90), (1700000000, 1700003600), (1700003600, 1700000000),
         (946684800, 1700000000), (-86400 * 400, 0)]
NUMBERS = ["0", "1", "1023", "1024", "123456789", "18446744073709551616", "-5000",
           "1" + "0" * 45, str(3 ** 100)]
PARSE = ["42 MB", "1.5 GiB", "2 QiB", "1000 RB", "x bytes", ""]
SIZE_VARS = ["BigByte", "BigKiByte", "BigMiByte", "BigGiByte", "BigTiByte", "BigPiByte", "BigEiByte",
             "BigZiByte", "BigYiByte", "BigRiByte", "BigQiByte", "BigSIByte", "BigKByte", "BigMByte", "BigGByte",
             "BigTByte", "BigPByte", "BigEByte", "BigZByte", "BigYByte", "BigRByte", "BigQByte"]
# Decimals of at most 18 digits: gpic hands Go a *big.Float of 64 bits for them, as Go's own
# SetString makes.
DECIMALS = ["0", "10.11", "1000", "-1234567.89", "123456789012.5", "0.000123", "1E+20", "-0.5"]
DURATIONS = ["Day", "Week", "Month", "Year", "LongTime"]
SPEC = {"pairs": PAIRS, "numbers": NUMBERS, "parse": PARSE, "vars": SIZE_VARS, "decimals": DECIMALS,
        "durations": DURATIONS}

GO_PROGRAM = r'''package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"time"

	"github.com/dustin/go-humanize"
)

func main() {
	var spec struct {
		Pairs   [][2]int64
		Numbers []string
		Parse     []string
		Vars      []string
		Decimals  []string
		Durations []string
	}
	if err := json.Unmarshal([]byte(os.Args[1]), &spec); err != nil {
		panic(err)
	}
	vars := map[string]*big.Int{
		"BigByte": humanize.BigByte, "BigKiByte": humanize.BigKiByte, "BigMiByte": humanize.BigMiByte,
		"BigGiByte": humanize.BigGiByte, "BigTiByte": humanize.BigTiByte, "BigPiByte": humanize.BigPiByte,
		"BigEiByte": humanize.BigEiByte, "BigZiByte": humanize.BigZiByte, "BigYiByte": humanize.BigYiByte,
		"BigRiByte": humanize.BigRiByte, "BigQiByte": humanize.BigQiByte, "BigSIByte": humanize.BigSIByte,
		"BigKByte": humanize.BigKByte, "BigMByte": humanize.BigMByte, "BigGByte": humanize.BigGByte,
		"BigTByte": humanize.BigTByte, "BigPByte": humanize.BigPByte, "BigEByte": humanize.BigEByte,
		"BigZByte": humanize.BigZByte, "BigYByte": humanize.BigYByte, "BigRByte": humanize.BigRByte,
		"BigQByte": humanize.BigQByte,
	}
	mags := []humanize.RelTimeMagnitude{
		{D: time.Second, Format: "now", DivBy: time.Second},
		{D: time.Minute, Format: "%d seconds %s", DivBy: time.Second},
		{D: time.Hour * 2, Format: "%d minutes %s", DivBy: time.Minute},
		{D: humanize.LongTime, Format: "%d hours %s", DivBy: time.Hour},
	}
	out := map[string]any{}
	var rel, custom []string
	for _, p := range spec.Pairs {
		a, b := time.Unix(p[0], 0).UTC(), time.Unix(p[1], 0).UTC()
		rel = append(rel, humanize.RelTime(a, b, "earlier", "later"))
		custom = append(custom, humanize.CustomRelTime(a, b, "ago", "ahead", mags))
	}
	out["rel"], out["custom"] = rel, custom
	out["time"] = humanize.Time(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	var bytes, ibytes, comma []string
	for _, s := range spec.Numbers {
		n, _ := new(big.Int).SetString(s, 10)
		bytes = append(bytes, humanize.BigBytes(n))
		ibytes = append(ibytes, humanize.BigIBytes(n))
		comma = append(comma, humanize.BigComma(n))
	}
	out["bytes"], out["ibytes"], out["comma"] = bytes, ibytes, comma
	var parsed []string
	for _, s := range spec.Parse {
		n, err := humanize.ParseBigBytes(s)
		if err != nil {
			parsed = append(parsed, "error: "+err.Error())
		} else {
			parsed = append(parsed, n.String())
		}
	}
	out["parse"] = parsed
	sizes := map[string]string{}
	for _, name := range spec.Vars {
		sizes[name] = vars[name].String()
	}
	out["vars"] = sizes
	var commaf []string
	for _, s := range spec.Decimals {
		f, ok := new(big.Float).SetString(s)
		if !ok {
			panic(s)
		}
		commaf = append(commaf, humanize.BigCommaf(f))
	}
	out["commaf"] = commaf
	durations := map[string]time.Duration{"Day": humanize.Day, "Week": humanize.Week, "Month": humanize.Month,
		"Year": humanize.Year, "LongTime": humanize.LongTime}
	ns := map[string]int64{}
	for _, name := range spec.Durations {
		ns[name] = int64(durations[name])
	}
	out["durations"] = ns
	fmt.Println(string(must(json.Marshal(out))))
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
'''

PY_PROGRAM = r'''
import datetime, decimal, json, sys
import humanize
spec = json.loads(sys.argv[1])
UTC = datetime.timezone.utc
at = lambda s: datetime.datetime.fromtimestamp(s, UTC)
mags = [
    humanize.RelTimeMagnitude(D=datetime.timedelta(seconds=1), Format="now", DivBy=datetime.timedelta(seconds=1)),
    humanize.RelTimeMagnitude(D=datetime.timedelta(minutes=1), Format="%d seconds %s", DivBy=datetime.timedelta(seconds=1)),
    humanize.RelTimeMagnitude(D=datetime.timedelta(hours=2), Format="%d minutes %s", DivBy=datetime.timedelta(minutes=1)),
    humanize.RelTimeMagnitude(D=datetime.timedelta(days=37 * 12 * 30), Format="%d hours %s", DivBy=datetime.timedelta(hours=1)),
]
out = {
    "rel": [humanize.RelTime(at(a), at(b), "earlier", "later") for a, b in spec["pairs"]],
    "custom": [humanize.CustomRelTime(at(a), at(b), "ago", "ahead", mags) for a, b in spec["pairs"]],
    "time": humanize.Time(datetime.datetime(2000, 1, 1, tzinfo=UTC)),
    "bytes": [humanize.BigBytes(int(s)) for s in spec["numbers"]],
    "ibytes": [humanize.BigIBytes(int(s)) for s in spec["numbers"]],
    "comma": [humanize.BigComma(int(s)) for s in spec["numbers"]],
}
parsed = []
for s in spec["parse"]:
    try:
        parsed.append(str(humanize.ParseBigBytes(s)))
    except humanize.Error as e:
        parsed.append("error: " + str(e))
out["parse"] = parsed
out["vars"] = {name: str(getattr(humanize, name)) for name in spec["vars"]}
out["commaf"] = [humanize.BigCommaf(decimal.Decimal(s)) for s in spec["decimals"]]
out["durations"] = {name: getattr(humanize, name) // datetime.timedelta(microseconds=1) * 1000
                    for name in spec["durations"]}
assert all(type(getattr(humanize, name)) is datetime.timedelta for name in spec["durations"])
assert all(type(getattr(humanize, name)) is int for name in spec["vars"])
assert humanize.RelTimeMagnitude(D=datetime.timedelta(days=3)).D == datetime.timedelta(days=3)
print(json.dumps(out))
'''


@pytest.fixture(scope="module")
def go_expected(tmp_path_factory):
    d = tmp_path_factory.mktemp("humanize_go")
    (d / "go.mod").write_text("module humanizecheck\n\ngo 1.23\n\nrequire github.com/dustin/go-humanize v1.1.0\n")
    (d / "main.go").write_text(GO_PROGRAM)
    env = dict(os.environ, GOFLAGS="-mod=mod")
    r = subprocess.run(["go", "run", ".", json.dumps({k.capitalize(): v for k, v in SPEC.items()})],
                       cwd=str(d), capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_humanize_time_and_big_match_go(build_cache, go_expected, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = subprocess.run([require_interpreter(interpreter), "-c", PY_PROGRAM, json.dumps(SPEC)],
                       capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=out), timeout=300)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got == go_expected
    # The values are real ones, not empty: spot-check what Go said.
    assert go_expected["vars"]["BigQiByte"] == str(1024 ** 10)
    assert go_expected["comma"][5] == "18,446,744,073,709,551,616"
    assert go_expected["commaf"][3] == "-1,234,567.89"
    assert go_expected["durations"]["Day"] == 86400 * 10**9
