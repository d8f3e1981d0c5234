"""Measure one contender (one module: one Go runtime per process) in the interpreter running this.

Usage: INTERP worker.py SPEC.json OUT.json
SPEC: {"contender", "group", "workloads": [...], "ctx": {...}, "timing": {...}, "count": N?}
With "count", each workload runs exactly N times untimed (for counting instructions).
OUT:  {"interpreter": ..., "results": {workload: {"status": "ok", "samples": [s/call...],
       "number": N, "note": ...} | {"status": "n/a" | "failed", "reason": ...}}}
Called by bench/harness/main.py once per contender and round; never imports two Go libraries.
"""
import json
import os
import platform
import sys
import time
import timeit
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import adapters  # noqa: E402


def calibrate(timer, target, heavy):
    """Calls per sample so that one sample takes about `target` seconds (1 for heavy work)."""
    if heavy:
        return 1
    number = 1
    while True:
        t = timer.timeit(number)
        if t >= target / 10 or number >= 1 << 30:
            break
        number *= 10 if t < target / 100 else 2
    return max(1, int(number * target / max(t, 1e-9)))


def measure(work, timing, heavy):
    timer = timeit.Timer(work.stmt, globals=work.ns)
    number = calibrate(timer, timing["target"], heavy)
    timer.timeit(number)  # warm-up (and PyPy's JIT)
    samples = []
    reps = timing["heavy_samples"] if heavy else timing["samples"]
    for _ in range(reps):
        samples.append(timer.timeit(number) / number)
    return number, samples


def main():
    spec_path, out_path = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = json.load(f)
    results = {}
    out = {
        "interpreter": "%s %s" % (platform.python_implementation(), platform.python_version()),
        "executable": sys.executable,
        "buffer": adapters.buffer_kind(),
        "results": results,
    }
    try:
        works = adapters.make(spec["contender"], spec.get("group"), spec["ctx"])
    except Exception:
        reason = traceback.format_exc().strip().splitlines()[-1]
        for w in spec["workloads"]:
            results[w] = {"status": "failed", "reason": "import/setup: " + reason,
                          "traceback": traceback.format_exc()}
        works = {}
    heavy_set = set(spec["heavy"])
    for w in spec["workloads"]:
        if w in results:
            continue
        work = works.get(w)
        if work is None:
            results[w] = {"status": "n/a", "reason": "not offered by this contender"}
            continue
        if isinstance(work, adapters.NA):
            results[w] = {"status": "n/a", "reason": work.reason}
            continue
        try:
            if work.check is not None:
                work.check()
            if spec.get("count"):
                # Instruction counting (callgrind): exactly `count` calls, nothing else timed.
                timeit.Timer(work.stmt, globals=work.ns).timeit(spec["count"])
                results[w] = {"status": "ok", "count": spec["count"], "note": work.note}
                continue
            t0 = time.time()
            number, samples = measure(work, spec["timing"], w in heavy_set)
            results[w] = {"status": "ok", "samples": samples, "number": number,
                          "note": work.note, "wall": time.time() - t0}
        except Exception:
            results[w] = {"status": "failed",
                          "reason": traceback.format_exc().strip().splitlines()[-1],
                          "traceback": traceback.format_exc()}
        # Write after every workload so a crash (a Go panic that kills the process) keeps the rest.
        with open(out_path, "w") as f:
            json.dump(out, f)
    with open(out_path, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
