"""The outliers case (issue 3 §5): samples/outliers built for every Python target; Go's
z-score detector finds the outliers planted in a series that Python passes without a copy
(a numpy array where the interpreter has numpy, an array.array('d') where it has not), and
the demo runs."""

import os
import re
import subprocess

import pytest

from conftest import ROOT, TARGETS, require_interpreter, run_python

GPI = os.path.join(ROOT, "samples", "outliers", "outliers.gpi")
DEMO = os.path.join(ROOT, "samples", "outliers", "demo.py")

CODE = r'''
import array, random
import outliers
try:
    import numpy
except ImportError:
    numpy = None

n = 200000
planted = [17, 4242, 99999, 150000, n - 1]
rng = random.Random(7)
values = [rng.uniform(-1.0, 1.0) for _ in range(n)]
for k, i in enumerate(planted):
    values[i] = 40.0 if k % 2 == 0 else -40.0
data = numpy.array(values) if numpy is not None else array.array("d", values)

found = outliers.Detect(data)
assert list(found) == planted, list(found)
assert list(outliers.DetectWith(data, 100.0)) == []
assert list(outliers.Detect(values)) == planted  # a list is accepted too

z = outliers.ZScores(data)
assert len(z) == n and all(abs(z[i]) > 3 for i in planted)
if numpy is not None:
    zn = (data - data.mean()) / data.std()
    assert abs(numpy.asarray(z) - zn).max() < 1e-9

for bad, why in (([], "empty input"), ([2.0] * 10, "zero variance"), ([1.0, float("nan")], "NaN")):
    try:
        outliers.Detect(array.array("d", bad))
    except outliers.Error as e:
        assert why in str(e), str(e)
    else:
        raise AssertionError("Detect(%r) did not fail" % (bad,))
try:
    outliers.DetectWith(data, 0.0)
except outliers.Error as e:
    assert "not positive" in str(e)
else:
    raise AssertionError("a zero threshold was accepted")
assert outliers.DefaultThreshold == 3.0
assert "z-점수" in outliers.Detect.__doc__ and "z-score" in outliers.Detect.__doc__
print("ok")
'''


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_planted_outliers_are_found(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = run_python(interpreter, out, CODE)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_demo_prints_the_indices_and_the_time(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    env = dict(os.environ, PYTHONPATH=out)
    r = subprocess.run([require_interpreter(interpreter), DEMO, "300000"], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    planted = re.search(r"^planted:\s+(\[.*\])$", r.stdout, re.M)
    found = re.search(r"^found:\s+(\[.*\])$", r.stdout, re.M)
    assert planted and found and planted.group(1) == found.group(1), r.stdout
    assert re.search(r"^Detect took: \d+\.\d+ s", r.stdout, re.M), r.stdout
