"""gpic never crashes, hangs or goes quadratic, whatever its input (docs/en/cli.md, "Limits"):
each reproducer is generated here, and gpic must end within a generous time, by exit status 0
or 1 (never a signal), with the expected diagnostic at its position and a bounded stderr."""

import os
import resource
import subprocess

import pytest

# Generous: these take a second or two on an idle machine; the bound is for a loaded one.
TIME_LIMIT = 30
ALL_TARGETS = ["-t", "cgo", "-t", "cffi", "-t", "cpython", "-t", "pyi", "-t", "docs", "--lang", "en,ko"]


def run(gpic, tmp_path, source, *args, name="x.gpi", stack=None):
    path = tmp_path / name
    if source is not None:
        path.write_text(source, encoding="utf-8")
    limit_stack = (lambda: resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))) if stack else None
    r = subprocess.run([gpic, *(args or ALL_TARGETS), "-o", str(tmp_path / "out"), name], cwd=tmp_path,
                       capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=limit_stack)
    assert r.returncode in (0, 1), "ended by signal %d:\n%s" % (-r.returncode, r.stderr[-2000:])
    return r


def first_error(r):
    return next(line for line in r.stderr.splitlines() if "error:" in line)


def test_a_constant_of_50000_terms_compiles(gpic, tmp_path):
    r = run(gpic, tmp_path, 'package p "example.com/p"\n\nconst C = ' + "+".join(["1"] * 50000) + "\n")
    assert r.returncode == 0, r.stderr[-2000:]
    checks = (tmp_path / "out" / "p_cgo" / "p_checks.go").read_text()
    assert "1 + 1 + 1" in checks


def test_a_chain_of_30000_constants_compiles(gpic, tmp_path):
    # Typing constants recursed once per constant named: 30,000 overflowed the stack.
    source = 'package p "example.com/p"\n' + "".join("const C%d = C%d + 1\n" % (i, i + 1) for i in range(30000))
    r = run(gpic, tmp_path, source + "const C30000 = 1\n")
    assert r.returncode == 0, r.stderr[-2000:]


def test_a_chain_of_9500_aliases_is_an_error_where_it_gets_too_deep(gpic, tmp_path):
    source = "package p\n" + "".join("type A%d = A%d\n" % (i, i + 1) for i in range(9500))
    r = run(gpic, tmp_path, source + "type A9500 []int\nfunc F(a A0) A0\n")
    assert r.returncode == 1
    assert first_error(r) == ("x.gpi:9248:6: error: type 'A9246' is nested too deeply: through the types it names "
                              "it is 257 levels deep, and types may nest at most 256 levels")
    assert "1 error generated." in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_chain_of_8750_embedded_interfaces_is_an_error(gpic, tmp_path):
    source = "package p\n" + "".join("type I%d interface { I%d; M%d() }\n" % (i, i + 1, i) for i in range(8750))
    r = run(gpic, tmp_path, source + "type I8750 interface { M() }\nfunc F(i I0)\n")
    assert r.returncode == 1
    assert first_error(r).startswith("x.gpi:8496:6: error: type 'I8494' is nested too deeply")


def test_an_embedding_cycle_5000_long_is_reported_as_a_cycle(gpic, tmp_path):
    source = "package p\n" + "".join("type I%d interface { I%d }\n" % (i, (i + 1) % 5000) for i in range(5000))
    r = run(gpic, tmp_path, source)
    assert r.returncode == 1
    assert first_error(r) == "x.gpi:5001:24: error: invalid recursive interface 'I4999': it embeds itself through 'I0'"


@pytest.mark.parametrize("what, text, col", [
    ("slices", "var V " + "[]" * 5000 + "int", 519),
    ("pointers", "var V " + "*" * 5000 + "int", 263),
    ("maps", "var V " + "map[string]" * 3000 + "int", 2816),
    ("func types", "var V " + "func(" * 3000 + ")" * 3000, 1287),
    ("negations", "const C = " + "-(" * 3000 + "1" + ")" * 3000, 267),
    ("parentheses", "const C = " + "(" * 5000 + "1" + ")" * 5000, 267),
    ("unary operators", "const C = " + "^" * 5000 + "1", 267),
])
def test_deep_nesting_is_an_error_at_its_position(gpic, tmp_path, what, text, col):
    r = run(gpic, tmp_path, "package p\n" + text + "\nfunc F()\n")
    assert r.returncode == 1
    assert first_error(r) == ("x.gpi:2:%d: error: nested too deeply: types and constant expressions may nest at most "
                              "256 levels" % col)
    assert len(r.stderr) < 1000  # the long line is quoted as a window around the column


def test_nesting_at_the_limit_fits_a_small_stack(gpic, tmp_path):
    # 256 levels everywhere at once, compiled by every target under a 1 MB stack (an eighth of
    # the default): the margin compiler/limits.hpp promises.
    source = ("package p\n"
              "var A " + "func(" * 255 + ")" * 255 + "\n"
              "var B " + "[]" * 255 + "int\n"
              "const C = " + "-(" * 127 + "1" + ")" * 127 + "\n"
              + "".join("type T%d = T%d\n" % (i, i + 1) for i in range(254)) + "type T254 int\n"
              + "".join("type I%d interface { I%d }\n" % (i, i + 1) for i in range(255))
              + "type I255 interface { M() int }\n")
    r = run(gpic, tmp_path, source, stack=1 << 20)
    # (The Python targets refuse to bind the slices and funcs: values nested that deep cannot
    # cross; that is their own, earlier limit.)
    assert "may nest at most" not in r.stderr, r.stderr[-2000:]
    r = run(gpic, tmp_path, source, "-t", "pyi", "-t", "docs", "--lang", "en,ko", stack=1 << 20)
    assert r.returncode == 0, r.stderr[-2000:]


def test_unknown_references_on_one_long_line_are_capped(gpic, tmp_path):
    doc = "/// " + " ".join("[X.Y.Z%d]" % i for i in range(8000))
    assert len(doc) > 64 * 1024
    r = run(gpic, tmp_path, "package p\n\n" + doc + "\nfunc F()\n", "-t", "docs")
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stderr.count("warning:") == 20
    assert "gpic: note: too many warnings emitted; 7980 more not shown" in r.stderr
    assert len(r.stderr) < 20 * 1024


def test_the_error_limit_is_20_and_can_be_changed(gpic, tmp_path):
    source = "package p\n" + "".join("func F%d(a Nope)\n" % i for i in range(100))
    r = run(gpic, tmp_path, source, "-t", "cgo")
    assert r.stderr.count(": error: ") == 20
    assert "gpic: note: too many errors emitted; 80 more not shown" in r.stderr
    assert r.stderr.endswith("100 errors generated.\n")
    r = run(gpic, tmp_path, source, "-t", "cgo", "--error-limit", "5")
    assert r.stderr.count(": error: ") == 5
    r = run(gpic, tmp_path, source, "-t", "cgo", "--error-limit", "0")
    assert r.stderr.count(": error: ") == 100
    assert "too many" not in r.stderr


@pytest.mark.parametrize("make, why", [
    (lambda p: os.symlink("/dev/zero", p), "not a regular file (a device, pipe or socket)"),
    (lambda p: os.mkfifo(p), "not a regular file (a device, pipe or socket)"),
    (lambda p: os.mkdir(p), "it is a directory"),
])
def test_inputs_that_are_not_regular_files_are_refused(gpic, tmp_path, make, why):
    make(tmp_path / "x.gpi")
    r = run(gpic, tmp_path, None, "-t", "cgo")
    assert r.returncode == 1
    assert r.stderr.startswith("x.gpi: error: cannot read file: " + why + "\n"), r.stderr


def test_dev_zero_named_directly_is_refused(gpic, tmp_path):
    r = subprocess.run([gpic, "-t", "cgo", "-o", str(tmp_path / "out"), "/dev/zero"], capture_output=True, text=True,
                       timeout=TIME_LIMIT)
    assert r.returncode == 1
    assert r.stderr.startswith("/dev/zero: error: cannot read file: not a regular file"), r.stderr


def test_an_input_over_16_mib_is_refused_unread(gpic, tmp_path):
    with open(tmp_path / "x.gpi", "wb") as f:
        f.write(b"package p\n")
        f.truncate(16 * 1024 * 1024 + 1)
    r = run(gpic, tmp_path, None, "-t", "cgo")
    assert r.returncode == 1
    assert r.stderr.startswith("x.gpi: error: cannot read file: it is 16777217 bytes; .gpi files may be at most "
                               "16 MiB\n"), r.stderr


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "notes.txt", ".gpi", "dir/"])
def test_an_import_must_name_a_gpi_file_and_nothing_else_is_read(gpic, tmp_path, path):
    (tmp_path / "notes.txt").write_text("root:x:0:0:secret\n")
    r = run(gpic, tmp_path, 'package p\n\nimport "%s"\n\nfunc F()\n' % path, "-t", "cgo")
    assert r.returncode == 1
    assert first_error(r) == "x.gpi:3:8: error: an import must name a .gpi file, not '%s'" % path
    assert "root:" not in r.stderr
    assert "1 error generated." in r.stderr


def test_structs_nested_by_value_9000_deep_are_an_error_even_as_a_map_key(gpic, tmp_path):
    # Whether a map key is comparable is decided by following its fields by value.
    source = "package p\n" + "".join("type S%d struct { X S%d }\n" % (i, i + 1) for i in range(9000))
    r = run(gpic, tmp_path, source + "type S9000 struct { X int }\nfunc F(m map[S0]int)\n")
    assert r.returncode == 1
    assert first_error(r).startswith("x.gpi:8747:6: error: type 'S8745' is nested too deeply")
    assert "1 error generated." in r.stderr
