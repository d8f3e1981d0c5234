"""The article's case end to end (issue 13 item 4): samples/outliers_py's Go program calls the
numpy outlier detector through the Go package `gpic build --target go` writes, on 10^6 float64
values, and prints the same indices as the Python function called directly on those values."""

import os
import re
import shutil
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "samples", "outliers_py")
sys.path.insert(0, SAMPLE)

import outliers  # noqa: E402  (the sample's Python module, called directly)

# main.go plants spikes at these fractions of the series' length.
PLANTED = [0.0001, 0.123, 0.25, 0.5, 0.618, 0.75, 0.999]


def go_module(pkg_dir):
    with open(os.path.join(pkg_dir, "go.mod")) as f:
        return re.search(r"^module\s+(\S+)", f.read(), re.M).group(1)


def build_sample(gpic, tmp_path):
    """The generated package and the sample program, built in tmp_path (the checkout untouched)."""
    pkg = tmp_path / "outliers_go"
    r = subprocess.run([gpic, "build", os.path.join(SAMPLE, "outliers.gpi"), "--target", "go", "-o", str(pkg),
                        "--python", "python3"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    prog = tmp_path / "prog"
    prog.mkdir()
    for f in ("main.go", "go.mod"):
        shutil.copy(os.path.join(SAMPLE, f), prog / f)
    module = go_module(str(pkg))
    assert module == "outliers", "the sample's go.mod requires the generated package as 'outliers'"
    env = dict(os.environ, GOFLAGS="-mod=mod")
    for cmd in (["go", "mod", "edit", "-replace=outliers=" + str(pkg)],
                ["go", "vet", "."],
                ["go", "build", "-o", str(prog / "outliers_py"), "."]):
        r = subprocess.run(cmd, cwd=prog, capture_output=True, text=True, env=env)
        assert r.returncode == 0, "%s: %s%s" % (" ".join(cmd), r.stdout, r.stderr)
    return str(prog / "outliers_py")


def run_sample(exe, *args):
    env = dict(os.environ, PYTHONPATH=SAMPLE)
    r = subprocess.run([exe] + list(args), capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    m = re.search(r"^outliers at: \[([0-9 ]*)\]$", r.stdout, re.M)
    assert m, r.stdout
    took = re.search(r"^detect on (\d+) values took (\S+)$", r.stdout, re.M)
    assert took, r.stdout
    return [int(x) for x in m.group(1).split()], int(took.group(1))


def test_sample_prints_the_indices_python_finds(gpic, tmp_path):
    exe = build_sample(gpic, tmp_path)
    dump = str(tmp_path / "series.f64")
    got, n = run_sample(exe, "-dump", dump)
    assert n == 1000000
    assert got == [int(f * n) for f in PLANTED]
    data = np.fromfile(dump, dtype="<f8")
    assert len(data) == n
    assert got == outliers.detect(data, 3.0).tolist()

    # Another size and threshold: still what the direct call finds, whatever that is.
    got, n = run_sample(exe, "-n", "5000", "-threshold", "0.5", "-dump", dump)
    assert n == 5000
    want = outliers.detect(np.fromfile(dump, dtype="<f8"), 0.5).tolist()
    assert got == want and len(want) > len(PLANTED)


def test_detect_in_python():
    """The Python half alone: z-score above the threshold, empty and constant data have none."""
    data = np.zeros(100)
    assert outliers.detect(data, 3.0).tolist() == []
    data[7], data[42] = 50.0, -50.0
    got = outliers.detect(data, 3.0)
    assert got.dtype == np.int64 and got.tolist() == [7, 42]
    assert outliers.detect(np.array([]), 3.0).tolist() == []
    assert outliers.detect([1.0, 2.0, 3.0], 1.0).tolist() == [0, 2]
    assert outliers.noop() is None
