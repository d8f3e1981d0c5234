"""Awaitable Go calls against threads (issue 14 item 5): N concurrent calls of a Go function that
waits 10 ms (samples/concurrency's Fetch), awaited three ways from one asyncio program:

  gpic        `await concurrency.aio.Fetch(...)`: each call on a goroutine, completions through
              the module's completion port; no Python thread per call
  to_thread   `await asyncio.to_thread(concurrency.Fetch, ...)`: the blocking call on the loop's
              default executor
  pool        `loop.run_in_executor(ThreadPoolExecutor(POOL), concurrency.Fetch, ...)`: a plain
              thread pool of POOL threads

for each Python target (cffi on CPython and PyPy, cpython). Each (target, contender) runs in a
fresh process, which reports its wall time and peak RSS (VmHWM); the harness samples the
process's OS threads (/proc/PID/status) every few milliseconds for the peak. Writes
aio-latest.{json,md} to the results directory. Run alone with `scripts/bench --aio-only`.
"""
import json
import os
import subprocess
import sys
import time

import build

SAMPLE = os.path.join(build.ROOT, "samples", "concurrency", "concurrency.gpi")
CALLS = {"full": 10000, "quick": 1000}
WAIT_MS = 10
POOL = 64
CONTENDERS = [  # (id, label)
    ("gpic", "gpic: await concurrency.aio.Fetch"),
    ("to_thread", "asyncio.to_thread(concurrency.Fetch)"),
    ("pool", "ThreadPoolExecutor(%d) + run_in_executor" % POOL),
]
LABEL = dict(CONTENDERS)

DRIVER = r'''
import asyncio, concurrent.futures, json, sys, time
from datetime import timedelta
import concurrency

how, n, wait_ms, pool = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
d = timedelta(milliseconds=wait_ms)

async def main():
    loop = asyncio.get_running_loop()
    if how == "gpic":
        calls = [concurrency.aio.Fetch(None, d) for _ in range(n)]
    elif how == "to_thread":
        calls = [asyncio.to_thread(concurrency.Fetch, None, d) for _ in range(n)]
    else:
        ex = concurrent.futures.ThreadPoolExecutor(pool)
        calls = [loop.run_in_executor(ex, concurrency.Fetch, None, d) for _ in range(n)]
    started = time.perf_counter()
    results = await asyncio.gather(*calls)
    took = time.perf_counter() - started
    assert results == ["fetched after %dms" % wait_ms] * n, "wrong results"
    return took

concurrency.Fetch(None, d)  # loaded and warm
sys.stdout.write("ready\n")
sys.stdout.flush()
sys.stdin.readline()
took = asyncio.run(main())
hwm = 0
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) * 1024
print(json.dumps({"wall_s": took, "peak_rss": hwm}))
'''


def os_threads(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_one(interpreter, path, how, n):
    p = subprocess.Popen([interpreter, "-c", DRIVER, how, str(n), str(WAIT_MS), str(POOL)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=dict(os.environ, PYTHONPATH=path))
    try:
        if p.stdout.readline() != "ready\n":
            p.kill()
            return {"error": p.stderr.read()[-2000:]}
        base = os_threads(p.pid)
        p.stdin.write("go\n")
        p.stdin.flush()
        peak = base
        while p.poll() is None:
            peak = max(peak, os_threads(p.pid))
            time.sleep(0.002)
        out, err = p.communicate(timeout=600)
    finally:
        if p.poll() is None:
            p.kill()
    if p.returncode != 0:
        return {"error": err[-2000:]}
    res = json.loads(out.strip().splitlines()[-1])
    res["threads_before"] = base
    res["peak_threads"] = peak
    return res


def run(mode, work, gpic, log):
    n = CALLS[mode]
    doc = {"schema": 1, "mode": mode, "calls": n, "wait_ms": WAIT_MS, "pool": POOL,
           "load_average_1min": {"before": os.getloadavg()[0]}, "results": {}}
    for cid, target, interp in build.GPIC_TARGETS:
        out = os.path.join(work, "aio-" + cid)
        log("building samples/concurrency for %s" % cid)
        r = subprocess.run([gpic.path, "build", SAMPLE, "--target", target, "--python", interp, "-o", out],
                           capture_output=True, text=True, cwd=build.ROOT)
        if r.returncode != 0:
            doc["results"][cid] = {"error": (r.stdout + r.stderr)[-2000:]}
            continue
        doc["results"][cid] = {}
        for how, _ in CONTENDERS:
            log("%s: %d concurrent %d ms calls through %s" % (cid, n, WAIT_MS, how))
            doc["results"][cid][how] = run_one(interp, out, how, n)
    doc["load_average_1min"]["after"] = os.getloadavg()[0]
    return doc


TARGET_LABEL = {"gpic_cffi_cpython": "cffi, CPython 3.11", "gpic_cffi_pypy": "cffi, PyPy 3.9",
                "gpic_cpython": "cpython, CPython 3.11"}


def markdown(doc):
    lines = ["%d concurrent calls of a Go function that waits %d ms (samples/concurrency `Fetch`), "
             "awaited from one asyncio program. Load average (1 min) %.1f before, %.1f after." %
             (doc["calls"], doc["wait_ms"], doc["load_average_1min"]["before"], doc["load_average_1min"]["after"]),
             "", "| Target | How | Wall time | Peak OS threads | Peak RSS |", "|---|---|---:|---:|---:|"]
    for cid, _, _ in build.GPIC_TARGETS:
        res = doc["results"].get(cid, {})
        if "error" in res:
            lines.append("| %s | build failed | | | |" % TARGET_LABEL[cid])
            continue
        for how, label in CONTENDERS:
            r = res.get(how, {})
            if "error" in r:
                lines.append("| %s | %s | failed | | |" % (TARGET_LABEL[cid], label))
                continue
            lines.append("| %s | %s | %.3f s | %d | %.0f MiB |" % (TARGET_LABEL[cid], label, r["wall_s"], r["peak_threads"],
                                                                 r["peak_rss"] / 2.0 ** 20))
    return "\n".join(lines) + "\n"


def failures(doc):
    out = []
    for cid, res in doc["results"].items():
        if "error" in res:
            out.append("%s: %s" % (cid, res["error"][-300:]))
            continue
        for how, r in res.items():
            if "error" in r:
                out.append("%s/%s: %s" % (cid, how, r["error"][-300:]))
    return out


def write(doc, outdir):
    os.makedirs(outdir, exist_ok=True)
    table = markdown(doc)
    with open(os.path.join(outdir, "aio-latest.json"), "w") as f:
        json.dump(doc, f, indent=1)
    with open(os.path.join(outdir, "aio-latest.md"), "w") as f:
        f.write(table)
    return table
