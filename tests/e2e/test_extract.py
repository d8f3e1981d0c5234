"""gpic extract -> gpic build -> import, as a new user binds a package: the standard library's
strings and strconv, and two third-party modules fetched through the Go module proxy at pinned
versions, from a directory that is no Go module at all. Values are compared with what the real
Go code computes (a small Go program run once). Also: module resolution (a pinned @version,
--go-version, a work module that requires the package) and extract's file handling."""

import json
import os
import re
import subprocess

import pytest

from conftest import TARGETS, gpic_binary, run_python

HUMANIZE = "github.com/dustin/go-humanize@v1.0.1"
UUID = "github.com/google/uuid@v1.6.0"

# (what to extract, --package, the .gpi file): uuid would shadow Python's own module.
PACKAGES = [("strings", "gostrings"), ("strconv", None), (HUMANIZE, None), (UUID, "gouuid")]

SUMMARY = re.compile(r"gpic extract: (\S+): (\d+) declarations bound, (\d+) left as comments")

# The values the Python calls below must reproduce, computed by Go itself.
GO_REFERENCE = r"""package main

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"

	"github.com/dustin/go-humanize"
	"github.com/google/uuid"
)

func main() {
	before, after, found := strings.Cut("key=value", "=")
	f, _ := strconv.ParseFloat("2.5e3", 64)
	n, _ := humanize.ParseBytes("42 MB")
	_, atoiErr := strconv.Atoi("x")
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"upper":     strings.ToUpper("gopher"),
		"split":     strings.Split("a,b,c", ","),
		"cut":       []any{before, after, found},
		"repeat":    strings.Repeat("ab", 3),
		"index":     strings.Index("chicken", "ken"),
		"quote":     strconv.Quote("héllo\n"),
		"itoa":      strconv.Itoa(-42),
		"parsefl":   f,
		"formatint": strconv.FormatInt(255, 16),
		"intsize":   strconv.IntSize,
		"syntax":    errors.Is(atoiErr, strconv.ErrSyntax),
		"errmsg":    atoiErr.Error(),
		"bytes":     humanize.Bytes(82854982),
		"ibytes":    humanize.IBytes(82854982),
		"comma":     humanize.Comma(-1234567),
		"ordinal":   humanize.Ordinal(22),
		"si":        humanize.SI(2.2345e-12, "F"),
		"parsebyt":  n,
		"eibyte":    humanize.EiByte,
		"sha1":      uuid.NewSHA1(uuid.NameSpaceDNS, []byte("example.com")).String(),
		"md5":       uuid.NewMD5(uuid.NameSpaceURL, []byte("https://go.dev")).String(),
		"urn":       uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").URN(),
		"version":   uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").Version().String(),
		"group":     []any{uuid.Group.String(), int(uuid.Group)},
	})
}
"""

PYTHON_CALLS = {
    "gostrings": "import gostrings as m\n"
                 "r = {'upper': m.ToUpper('gopher'), 'split': list(m.Split('a,b,c', ',')),\n"
                 "     'cut': list(m.Cut('key=value', '=')), 'repeat': m.Repeat('ab', 3),\n"
                 "     'index': m.Index('chicken', 'ken')}\n",
    "strconv": "import strconv as m\n"
               "r = {'quote': m.Quote('héllo\\n'), 'itoa': m.Itoa(-42), 'parsefl': m.ParseFloat('2.5e3', 64),\n"
               "     'formatint': m.FormatInt(255, 16), 'intsize': m.IntSize}\n"
               "try:\n"
               "    m.Atoi('x')\n"
               "except m.ErrSyntax as e:  # strconv's *NumError wraps ErrSyntax: errors.Is matches\n"
               "    r['syntax'] = isinstance(e, m.Error) and not isinstance(e, m.ErrRange)\n"
               "    r['errmsg'] = str(e)\n",
    "humanize": "import humanize as m\n"
                "r = {'bytes': m.Bytes(82854982), 'ibytes': m.IBytes(82854982), 'comma': m.Comma(-1234567),\n"
                "     'ordinal': m.Ordinal(22), 'si': m.SI(2.2345e-12, 'F'), 'parsebyt': m.ParseBytes('42 MB'),\n"
                "     'eibyte': m.EiByte}\n",
    "gouuid": "import gouuid as m\n"
              "p = m.MustParse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')\n"
              "r = {'sha1': str(m.NewSHA1(m.NameSpaceDNS, b'example.com')),\n"
              "     'md5': m.NewMD5(m.NameSpaceURL, b'https://go.dev').String(), 'urn': p.URN(),\n"
              "     'version': str(p.Version()), 'group': [str(m.Group), int(m.Group)]}\n"
              "assert m.Domain(1) == m.Group and m.Group in m.Domain\n"
              # NewHash binds through gpic:std/hash: a Python object with hash.Hash's methods.
              "import hashlib\n"
              "class H:\n"
              "    def __init__(self): self.h = hashlib.sha1()\n"
              "    def Write(self, p): self.h.update(p); return len(p)\n"
              "    def Sum(self, b): return (b or b'') + self.h.digest()\n"
              "    def Reset(self): self.h = hashlib.sha1()\n"
              "    def Size(self): return 20\n"
              "    def BlockSize(self): return 64\n"
              "assert str(m.NewHash(H(), m.NameSpaceDNS, b'example.com', 5)) == r['sha1']\n"
              "assert p.Value() == str(p) and m.NullUUID().Value() is None\n",
}


def gpi_name(spec, package):
    if package:
        return package
    return {"strconv": "strconv", HUMANIZE: "humanize"}[spec]


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory):
    """A gpic cache of this run's own, so the helper is built on first use; Go's module cache
    (GOMODCACHE) stays shared, so the proxy is asked once per module version."""
    return dict(os.environ, GPIC_CACHE_DIR=str(tmp_path_factory.mktemp("gpic-cache")))


def gpic(args, cwd, env):
    return subprocess.run([gpic_binary(), *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, cache_env):
    """{.gpi name: (path, bound, commented, stderr)}, extracted in a directory with no go.mod."""
    root = tmp_path_factory.mktemp("unrelated")
    out = {}
    for spec, package in PACKAGES:
        name = gpi_name(spec, package)
        r = gpic(["extract", spec, "-o", name + ".gpi"] + (["--package", package] if package else []), root, cache_env)
        assert r.returncode == 0, r.stderr
        m = SUMMARY.search(r.stderr)
        assert m, r.stderr
        out[name] = (root / (name + ".gpi"), int(m.group(2)), int(m.group(3)), r.stderr)
    return out


@pytest.fixture(scope="module")
def go_reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("reference")
    (root / "go.mod").write_text("module example.com/reference\n\ngo 1.23\n")
    (root / "main.go").write_text(GO_REFERENCE)
    env = dict(os.environ, GOFLAGS="-mod=mod", GOWORK="off")
    for spec in (HUMANIZE, UUID):
        subprocess.run(["go", "get", spec], cwd=root, env=env, check=True, capture_output=True)
    r = subprocess.run(["go", "run", "."], cwd=root, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_the_extracted_files_say_what_they_bind_and_why_not(extracted):
    uuid_gpi = extracted["gouuid"][0].read_text()
    assert uuid_gpi.startswith("// Code generated by gpic extract from github.com/google/uuid@v1.6.0.")
    assert 'package gouuid "github.com/google/uuid@v1.6.0"' in uuid_gpi
    assert "/// @en Package uuid generates and inspects UUIDs." in uuid_gpi
    assert "func NewSHA1(space UUID, data []byte) UUID\n" in uuid_gpi
    assert "func (uuid UUID) String() string\n" in uuid_gpi
    assert "func (uuid *UUID) UnmarshalText(data []byte) error\n" in uuid_gpi
    # The standard library's well-known types are bound; other packages' types are not.
    assert "func SetRand(r io.Reader)\n" in uuid_gpi
    # hash.Hash through the standard-library .gpi gpic ships, which the build builds with it.
    assert '\nimport "gpic:std/hash"\n' in uuid_gpi, uuid_gpi[:800]
    assert "func NewHash(h hash.Hash, space UUID, data []byte, version int) UUID\n" in uuid_gpi
    # database/sql/driver.Value, a defined empty interface, is built in: spelled, crossing as any.
    assert "func (uuid UUID) Value() (driver.Value, error)\n" in uuid_gpi
    assert "gpic: not bound" not in uuid_gpi
    humanize_gpi = extracted["humanize"][0].read_text()
    assert "\tEiByte = 1152921504606846976\n" in humanize_gpi  # the exact value, not `1 << (iota * 10)`
    assert "func Time(then time.Time) string\n" in humanize_gpi
    assert "func BigComma(b *big.Int) string\n" in humanize_gpi
    assert "\tDay time.Duration = 86400000000000\n" in humanize_gpi  # a timedelta in Python
    assert "func BigCommaf(v *big.Float) string\n" in humanize_gpi
    strconv_gpi = extracted["strconv"][0].read_text()
    # Error variables are sentinel errors (exception classes), and a named number with methods
    # keeps its constants (an IntEnum).
    assert "\nvar ErrRange error\n" in strconv_gpi and "\nvar ErrSyntax error\n" in strconv_gpi
    assert "\tGroup Domain = 1\n" in uuid_gpi and "func (d Domain) String() string\n" in uuid_gpi


def test_bound_counts(extracted):
    counts = {name: (bound, commented) for name, (_, bound, commented, _) in extracted.items()}
    print("bound / left as comments:", counts)
    # Every exported declaration of go-humanize v1.0.1 (65, gopy binds all of them) is either
    # bound or left as a comment saying why: all 65 are bound, with time.Time, time.Duration
    # (its typed constants too), *big.Int and *big.Float built in.
    assert sum(counts["humanize"]) == 65
    assert counts["humanize"][0] == 65
    assert sum(counts["gouuid"]) == 80 and counts["gouuid"][0] == 80  # driver.Value and hash.Hash too
    assert counts["gostrings"][0] >= 60
    assert counts["strconv"][0] >= 40  # with ErrRange and ErrSyntax
    assert counts["gouuid"][0] >= 70  # with the Domain and Variant constants


def test_a_package_name_that_shadows_python_is_warned_about(tmp_path, cache_env):
    r = gpic(["extract", UUID, "-o", "uuid.gpi"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    assert "warning: the package name 'uuid' shadows Python's own 'uuid' module; name it with --package gouuid" in r.stderr
    assert 'package uuid "github.com/google/uuid@v1.6.0"' in (tmp_path / "uuid.gpi").read_text()


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("name", ["gostrings", "strconv", "humanize", "gouuid"])
def test_extract_build_import(extracted, go_reference, cache_env, tmp_path, name, target, interpreter):
    gpi = extracted[name][0]
    out = tmp_path / "out"
    # From the test's own directory: neither the .gpi's nor a Go module.
    r = gpic(["build", str(gpi), "--target", target, "--python", interpreter, "-o", str(out)], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    code = PYTHON_CALLS[name] + "import json; print(json.dumps(r))"
    r = run_python(interpreter, str(out), code)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got == {k: go_reference[k] for k in got}


def test_the_build_records_the_fetched_version(extracted, cache_env, tmp_path):
    out = tmp_path / "out"
    r = gpic(["build", str(extracted["gouuid"][0]), "-o", str(out), "-v"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    assert 'package "github.com/google/uuid" from github.com/google/uuid v1.6.0 (fetched into ' in r.stderr
    # The record sits in the package it describes; the build's working files are gone.
    record = (out / "gouuid" / "go-source.txt").read_text()
    assert "github.com/google/uuid\tgithub.com/google/uuid\tv1.6.0\t" in record
    # With the shipped hash.gpi it imports (gpic:std/hash), built with it over one Go runtime.
    names = sorted(p.name for p in out.iterdir())
    assert names[:3] == [".gpic-manifest", "gouuid", "hash"] and len(names) == 4, names
    assert names[3].startswith("libgpic_joint_") and names[3].endswith(".so"), names
    assert not os.listdir(os.path.join(cache_env["GPIC_CACHE_DIR"], "build"))


def test_go_version_overrides_the_package_clause(cache_env, tmp_path):
    (tmp_path / "hz.gpi").write_text('package hz "github.com/dustin/go-humanize@v1.0.0"\n\n'
                                     "func Comma(v int64) string\n")
    out = tmp_path / "out"
    r = gpic(["build", "hz.gpi", "-o", str(out), "--go-version", "v1.0.1", "-v"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    assert "github.com/dustin/go-humanize v1.0.1 (fetched into " in r.stderr
    r = run_python("python3", str(out), "import hz; print(hz.Comma(1234567))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "1,234,567"


def test_bad_go_version_is_a_usage_error(cache_env, tmp_path):
    (tmp_path / "hz.gpi").write_text('package hz "github.com/dustin/go-humanize"\n\nfunc Comma(v int64) string\n')
    r = gpic(["build", "hz.gpi", "-o", str(tmp_path / "out"), "--go-version", "v1@v2"], tmp_path, cache_env)
    assert r.returncode == 2
    assert "--go-version v1@v2: the import path may carry one @version, not several" in r.stderr


@pytest.fixture(scope="module")
def work_module(tmp_path_factory):
    """The user's own module, which requires github.com/google/uuid (as `go get` leaves it)."""
    root = tmp_path_factory.mktemp("work")
    env = dict(os.environ, GOFLAGS="-mod=mod", GOWORK="off")
    subprocess.run(["go", "mod", "init", "example.com/work"], cwd=root, env=env, check=True, capture_output=True)
    subprocess.run(["go", "get", UUID], cwd=root, env=env, check=True, capture_output=True)
    (root / "gouuid.gpi").write_text('package gouuid "github.com/google/uuid"\n\n'
                                     "type UUID [16]byte\n"
                                     "func (u UUID) String() string\n"
                                     "func MustParse(s string) UUID\n")
    return root


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_a_work_module_that_requires_the_package(work_module, cache_env, tmp_path, target, interpreter):
    out = tmp_path / "out"
    r = gpic(["build", "gouuid.gpi", "--target", target, "--python", interpreter, "-o", str(out), "-v"],
             work_module, cache_env)
    assert r.returncode == 0, r.stderr
    assert "github.com/google/uuid v1.6.0 (required by the module in %s)" % work_module in r.stderr
    r = run_python(interpreter, str(out), "import gouuid; print(gouuid.MustParse('6BA7B810-9DAD-11D1-80B4-00C04FD430C8'))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "6ba7b810-9dad-11d1-80b4-00c04fd430c8"


def test_go_module_may_name_a_work_module_that_requires_the_package(work_module, cache_env, tmp_path):
    (tmp_path / "gouuid.gpi").write_text((work_module / "gouuid.gpi").read_text())
    out = tmp_path / "out"
    r = gpic(["build", "gouuid.gpi", "-o", str(out), "--go-module", str(work_module), "-v"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    assert "(required by the module in %s)" % work_module in r.stderr


def test_go_module_that_neither_contains_nor_requires_the_package(cache_env, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "go.mod").write_text("module example.com/other\n\ngo 1.23\n")
    (tmp_path / "gouuid.gpi").write_text('package gouuid "github.com/google/uuid"\n\nfunc NewString() string\n')
    r = gpic(["build", "gouuid.gpi", "-o", str(tmp_path / "out"), "--go-module", str(other)], tmp_path, cache_env)
    assert r.returncode == 1
    assert ("gouuid.gpi:1:9: error: the Go module in %s is example.com/other, which neither contains nor requires "
            'package "github.com/google/uuid"' % other) in r.stderr


def test_extract_overwrites_only_what_it_generated(cache_env, tmp_path):
    r = gpic(["extract", "strconv", "-o", "strconv.gpi"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    r = gpic(["extract", "strconv", "-o", "strconv.gpi"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    # The user takes the file over: the marker line goes, and gpic extract leaves it alone.
    curated = "\n".join((tmp_path / "strconv.gpi").read_text().splitlines()[1:]) + "\n"
    (tmp_path / "strconv.gpi").write_text(curated)
    r = gpic(["extract", "strconv", "-o", "strconv.gpi"], tmp_path, cache_env)
    assert r.returncode == 1
    assert "refusing to overwrite 'strconv.gpi'" in r.stderr
    assert (tmp_path / "strconv.gpi").read_text() == curated


def test_extract_says_why_it_cannot_write_the_output(cache_env, tmp_path):
    # Said at once, before any Go work, naming the file and what is wrong with its folder.
    r = gpic(["extract", "strconv", "-o", "missing/strconv.gpi"], tmp_path, cache_env)
    assert r.returncode == 1
    assert "error: cannot write 'missing/strconv.gpi': the folder 'missing' does not exist (create it first)" in r.stderr
    assert ".tmp" not in r.stderr and not (tmp_path / "missing").exists()
    (tmp_path / "afile").write_text("")
    r = gpic(["extract", "strconv", "-o", "afile/strconv.gpi"], tmp_path, cache_env)
    assert r.returncode == 1
    assert "cannot write 'afile/strconv.gpi': the folder 'afile' is not a folder" in r.stderr
    (tmp_path / "out").mkdir()
    r = gpic(["extract", "strconv", "-o", "out"], tmp_path, cache_env)
    assert r.returncode == 1
    assert "cannot write 'out': it is a folder; -o takes the .gpi file to write (-o out/NAME.gpi)" in r.stderr
    assert os.listdir(tmp_path / "out") == []


def test_extract_writes_to_stdout_and_rejects_two_versions(cache_env, tmp_path):
    r = gpic(["extract", "strconv"], tmp_path, cache_env)
    assert r.returncode == 0, r.stderr
    assert 'package strconv "strconv"\n' in r.stdout
    r = gpic(["extract", "github.com/google/uuid@v1@v2"], tmp_path, cache_env)
    assert r.returncode == 2
    assert "the import path may carry one @version, not several" in r.stderr


GREET_GO = '''// Package greet says hello.
package greet

import (
	"iter"
	"strings"
)

// Greeting is the word before a name.
const Greeting = "hello"

// Hello greets name.
func Hello(name string) string { return Greeting + ", " + name }

// Counter counts.
type Counter struct {
	N  int // the count so far
	ch chan int
}

// Add adds d to the counter and returns the new count.
func (c *Counter) Add(d int) int { c.N += d; return c.N }

// Events streams nothing.
func Events() chan int { return nil }

// Evens sends the even numbers below n, then closes the channel.
func Evens(n int) <-chan int {
	ch := make(chan int, n)
	for i := 0; i < n; i += 2 {
		ch <- i
	}
	close(ch)
	return ch
}

// Sum receives numbers until the channel is closed.
func Sum(in <-chan int) int {
	n := 0
	for v := range in {
		n += v
	}
	return n
}

// Shout sends each word upper-cased on out, then closes it.
func Shout(words []string, out chan<- string) {
	for _, w := range words {
		out <- strings.ToUpper(w)
	}
	close(out)
}

// Upto yields 0..n-1.
func Upto(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Words yields the words of s with their positions.
func Words(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range strings.Fields(s) {
			if !yield(i, w) {
				return
			}
		}
	}
}

// Total sums what seq yields.
func Total(seq iter.Seq[int]) int {
	n := 0
	for v := range seq {
		n += v
	}
	return n
}
'''


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_extract_a_package_of_the_current_module(cache_env, tmp_path, target, interpreter):
    root = tmp_path / "greet"
    root.mkdir()
    subprocess.run(["go", "mod", "init", "example.com/greet"], cwd=root, check=True, capture_output=True)
    (root / "greet.go").write_text(GREET_GO)
    r = gpic(["extract", "example.com/greet", "-o", "greet.gpi"], root, cache_env)
    assert r.returncode == 0, r.stderr
    assert "example.com/greet: 10 declarations bound, 1 left as comments" in r.stderr
    gpi = (root / "greet.gpi").read_text()
    assert 'package greet "example.com/greet"\n' in gpi  # the local module: no version to pin
    assert "/// @en Hello greets name.\nfunc Hello(name string) string\n" in gpi
    assert "\t/// @en the count so far\n\tN int\n" in gpi
    # Channels of every direction, and Go's iterators as results (issue 14 (h)).
    for line in ["func Events() chan int", "func Evens(n int) <-chan int", "func Sum(in <-chan int) int",
                 "func Shout(words []string, out chan<- string)", "func Upto(n int) iter.Seq[int]",
                 "func Words(s string) iter.Seq2[int, string]"]:
        assert "\n" + line + "\n" in gpi, line
    assert ("// gpic: not bound: func Total(seq iter.Seq[int]) int — an iterator crosses only as a function's "
            "result (Python loops over Go's iterators)") in gpi
    out = tmp_path / "out"
    r = gpic(["build", "greet.gpi", "--target", target, "--python", interpreter, "-o", str(out)], root, cache_env)
    assert r.returncode == 0, r.stderr
    r = run_python(interpreter, str(out), "import greet; c = greet.Counter(); c.Add(2)\n"
                                          "print(greet.Hello('go'), c.Add(3), c.N, greet.Greeting)\n"
                                          "print(list(greet.Evens(5)), greet.Sum(range(4)), greet.Sum(greet.Evens(7)),\n"
                                          "      list(greet.Upto(3)), list(greet.Words('a b')))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines() == ["hello, go 5 5 hello", "[0, 2, 4] 6 12 [0, 1, 2] [(0, 'a'), (1, 'b')]"]
