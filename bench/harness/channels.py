"""Per-item cost of iterating Go from Python (issue 14 item 5): a Go channel (`<-chan int`) and
a Go iterator (`iter.Seq[int]`) of N ints, against a Python generator of the same N ints, on
every Python target (cffi on CPython and PyPy, cpython), side by side.

The Go side is tests/e2e/fixtures/chans (Count sends 0..n-1 on an unbuffered channel from a
goroutine; Range yields 0..n-1). Each (target, interpreter) runs in its own process, which
times `for v in source: total += v` three times for each source and keeps the best; the totals
are checked. Run alone with `scripts/bench --channels-only`.
"""
import json
import os
import subprocess
import time

import build

GPI = os.path.join(build.ROOT, "tests", "e2e", "fixtures", "chans", "chans.gpi")
CONFIGS = [("cffi", "python3"), ("cffi", "pypy3"), ("cpython", "python3")]
SIZES = {"full": 10 ** 6, "quick": 10 ** 5}
SOURCES = [  # (id, label)
    ("generator", "Python generator"),
    ("seq", "Go iter.Seq[int]"),
    ("chan", "Go <-chan int"),
]

DRIVER = r"""
import json, sys, time
import chans

n = int(sys.argv[1])

def gen(n):
    for i in range(n):
        yield i

make = {"generator": lambda: gen(n), "seq": lambda: chans.Range(n), "chan": lambda: chans.Count(n)}
out = {}
for name, fn in make.items():
    best = None
    for _ in range(3):
        src = fn()
        t0 = time.perf_counter()
        total = 0
        for v in src:
            total += v
        dt = time.perf_counter() - t0
        assert total == n * (n - 1) // 2, (name, total)
        best = dt if best is None else min(best, dt)
    out[name] = best / n * 1e9
print(json.dumps(out))
"""


def run(mode, work, gpic, log):
    """gpic: a build.Build of the gpic binary."""
    n = SIZES[mode]
    results, load = {}, []
    if gpic.status != "ok":
        return {"n": n, "mode": mode, "load_average_1min": load,
                "results": dict(("%s/%s" % c, {"error": "gpic: " + gpic.reason}) for c in CONFIGS)}
    for target, interp in CONFIGS:
        key = "%s/%s" % (target, interp)
        out = os.path.join(work, "channels-%s-%s" % (target, interp))
        log("channels: building %s for %s" % (target, interp))
        b = subprocess.run([gpic.path, "build", GPI, "--target", target, "--python", interp, "-o", out],
                           capture_output=True, text=True, cwd=build.ROOT)
        if b.returncode != 0:
            results[key] = {"error": (b.stdout + b.stderr)[-2000:]}
            continue
        load.append(os.getloadavg()[0])
        r = subprocess.run([interp, "-c", DRIVER, str(n)], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=out), timeout=1200)
        if r.returncode != 0:
            results[key] = {"error": r.stderr[-2000:]}
            continue
        results[key] = json.loads(r.stdout.strip().splitlines()[-1])
    return {"n": n, "mode": mode, "results": results, "load_average_1min": load,
            "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def markdown(doc):
    lines = ["Per-item cost of `for v in source` over %d ints (ns per item, best of 3):" % doc["n"], "",
             "| Target | " + " | ".join(label for _, label in SOURCES) + " | channel ÷ generator | iter.Seq ÷ generator |",
             "| --- |" + " ---: |" * (len(SOURCES) + 2)]
    for target, interp in CONFIGS:
        key = "%s/%s" % (target, interp)
        r = doc["results"].get(key, {})
        if "error" in r:
            lines.append("| %s | failed | | | | |" % key)
            continue
        cells = ["%.0f" % r[s] for s, _ in SOURCES]
        lines.append("| %s | %s | %.1f× | %.1f× |" % (key, " | ".join(cells), r["chan"] / r["generator"],
                                                     r["seq"] / r["generator"]))
    lines += ["", "Machine load (1-minute average) before each target: %s." %
              ", ".join("%.2f" % x for x in doc["load_average_1min"])]
    return "\n".join(lines) + "\n"


def write(doc, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "channels-latest.json"), "w") as f:
        json.dump(doc, f, indent=1)
    text = markdown(doc)
    with open(os.path.join(out_dir, "channels-latest.md"), "w") as f:
        f.write(text)
    return text


def failures(doc):
    return ["%s: %s" % (k, v["error"].strip().splitlines()[-1] if v["error"].strip() else "failed")
            for k, v in doc["results"].items() if "error" in v]
