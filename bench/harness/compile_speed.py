"""Compile speed and scaling: gpic (all its targets) against protoc on generated inputs.

For N declarations the generator writes
  gen_funcs_N.gpi    N functions  func Fi(a int64, b float64, c string) (string, error)
  gen_structs_N.gpi  N structs    type Si struct { A int64; B float64; C string; D []int64 }
  gen_N.proto        N messages   message Mi { int64 a; double b; string c; repeated int64 d; }
Protobuf has no free functions, so both .gpi corpora face the same .proto: N declarations of four
typed members each. protoc runs twice: generating C++ and Python (--cpp_out --python_out, what a
user runs) and parsing only (--descriptor_set_out, its front end, for scale).
Each run gets a fresh output directory; wall time from the parent, peak RSS from wait4.
"""
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

import build

TIME = "/usr/bin/time"  # GNU time, Debian package `time`
SIZES = {"full": [1000, 10000, 100000], "quick": [10, 100, 1000]}
# protoc --cpp_out takes minutes and ~9 GB on one file of 10^5 messages (it grows faster than
# linearly): measured once at that size, so that a full run stays within minutes.
JOBS = [
    # id, label, which input
    ("gpic_funcs", "gpic, N funcs (all targets)", "funcs"),
    ("gpic_structs", "gpic, N structs (all targets)", "structs"),
    ("protoc", "protoc --cpp_out --python_out, N messages", "proto"),
    ("protoc_parse", "protoc parse only (--descriptor_set_out), N messages", "proto"),
]


def reps(mode, job, n):
    if mode == "quick":
        return 1
    if n >= 100000:
        return 1 if job == "protoc" else 3
    return 5


def write_corpus(n, d):
    files = {"funcs": os.path.join(d, "gen_funcs_%d.gpi" % n),
             "structs": os.path.join(d, "gen_structs_%d.gpi" % n),
             "proto": os.path.join(d, "gen_%d.proto" % n)}
    head = ["/// @en Generated for gpic's compile-speed benchmark.", 'package gen "example.com/gen"', ""]
    fn, st = list(head), list(head)
    pr = ['syntax = "proto3";', "package gen;", ""]
    for i in range(n):
        fn += ["/// @en Function number %d." % i, "func F%d(a int64, b float64, c string) (string, error)" % i, ""]
        st += ["/// @en Struct number %d." % i, "type S%d struct {" % i, "    A int64", "    B float64",
               "    C string", "    D []int64", "}", ""]
        pr += ["// Message number %d." % i, "message M%d {" % i, "  int64 a = 1;", "  double b = 2;",
               "  string c = 3;", "  repeated int64 d = 4;", "}", ""]
    for key, lines in (("funcs", fn), ("structs", st), ("proto", pr)):
        with open(files[key], "w") as f:
            f.write("\n".join(lines))
    return files


RUN_LIMIT = {"full": 300, "quick": 120}  # seconds: one run longer than this is recorded as such
SLOW = 60  # seconds: a job this slow at a size runs once there (it is far from linear anyway)


def timed(cmd, cwd, limit=None):
    """(exit code, wall seconds, peak RSS bytes, stderr text) of one run of cmd.

    The peak RSS comes from GNU time (%M): rusage read here would count this Python process,
    whose high-water mark a forked child keeps across exec."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile(mode="r") as rss:
        t0 = time.perf_counter()
        try:
            p = subprocess.run([TIME, "-q", "-f", "%M", "-o", rss.name] + cmd, cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=err, timeout=limit)
        except subprocess.TimeoutExpired:
            return None, time.perf_counter() - t0, 0, ""
        wall = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        try:
            peak = int(rss.read().strip().splitlines()[-1]) * 1024
        except (ValueError, IndexError):
            peak = 0
    return p.returncode, wall, peak, text


def command(job, files, out, gpic, targets):
    if job.startswith("gpic_"):
        cmd = [gpic]
        for t in targets:
            cmd += ["--target", t]
        if "docs" in targets:
            cmd += ["--lang", "en,ko"]
        return cmd + ["-o", out, files[job[len("gpic_"):]]]
    proto = files["proto"]
    if job == "protoc":
        return ["protoc", "-I", os.path.dirname(proto), "--cpp_out=" + out, "--python_out=" + out, proto]
    return ["protoc", "-I", os.path.dirname(proto), "--descriptor_set_out=" + os.path.join(out, "d.pb"), proto]


def run_all(mode, work, gpic, log, max_size=None):
    sizes = [n for n in SIZES[mode] if max_size is None or n <= max_size]
    root = tempfile.mkdtemp(prefix="compile-", dir=work)  # per run: two runs may share a work dir
    targets, listing = (None, "")
    if gpic.status == "ok":
        targets, listing = build.gpic_targets(gpic.path)
        # The corpus describes Go packages; the go target reads only `python:` files and
        # refuses these, so "all targets" means every target that reads a Go package.
        targets = [t for t in targets if t != "go"] if targets else targets
    res = {"sizes": sizes, "gpic_targets": targets, "labels": dict((j[0], j[1]) for j in JOBS), "jobs": {}}
    have_protoc = shutil.which("protoc") is not None
    rng = random.Random(1)
    slow_done = set()
    runs = dict((j[0], dict((n, []) for n in sizes)) for j in JOBS)
    status = dict((j[0], {}) for j in JOBS)
    for n in sizes:
        files = write_corpus(n, root)
        plan = []
        for job, _, _ in JOBS:
            plan += [job] * reps(mode, job, n)
        rng.shuffle(plan)  # interleave tools and repetitions
        for job in plan:
            if status[job].get(n) or (job, n) in slow_done:
                continue
            if job.startswith("gpic_") and (gpic.status != "ok" or not targets):
                status[job][n] = {"status": "failed", "reason": gpic.reason or
                                  "`gpic --list-targets` listed nothing: " + listing[-200:]}
                continue
            if job.startswith("protoc") and not have_protoc:
                status[job][n] = {"status": "failed", "reason": "protoc not found (Debian protobuf-compiler)"}
                continue
            out = tempfile.mkdtemp(prefix="out-", dir=root)
            rc, wall, rss, err = timed(command(job, files, out, gpic.path, targets), root, RUN_LIMIT[mode])
            shutil.rmtree(out, ignore_errors=True)
            if rc is None:
                status[job][n] = {"status": "timeout", "limit": RUN_LIMIT[mode],
                                  "reason": "did not finish within %d s" % RUN_LIMIT[mode]}
                log("compile %-12s n=%-6d > %d s (stopped)" % (job, n, RUN_LIMIT[mode]))
                continue
            if rc != 0:
                st = "failed"
                if job == "gpic_structs" and build.UNSUPPORTED_RX.search(err):
                    st = "n/a"  # gpic says plainly that a target does not bind structs yet
                status[job][n] = {"status": st, "reason": build.first_error(err)}
                log("compile %-12s n=%-6d %s: %s" % (job, n, st, status[job][n]["reason"]))
                continue
            runs[job][n].append({"wall": wall, "rss": rss})
            log("compile %-12s n=%-6d %8.3f s %7.0f MB" % (job, n, wall, rss / 2.0 ** 20))
            if wall > SLOW:
                slow_done.add((job, n))  # keep what ran; no more repetitions of this slow job here
        for f in files.values():
            os.remove(f)
    for job, _, _ in JOBS:
        res["jobs"][job] = {}
        for n in sizes:
            if status[job].get(n):
                res["jobs"][job][str(n)] = status[job][n]
                continue
            walls = [r["wall"] for r in runs[job][n]]
            res["jobs"][job][str(n)] = {"status": "ok", "median": statistics.median(walls), "min": min(walls),
                                        "max": max(walls), "n": len(walls), "samples": walls,
                                        "peak_rss": max(r["rss"] for r in runs[job][n])}
    shutil.rmtree(root, ignore_errors=True)
    return res


def growth(per_size, sizes):
    """Per-declaration time at the largest size over that at the size before (1.0 = linear)."""
    if len(sizes) < 2:
        return None
    a, b = per_size.get(str(sizes[-2])), per_size.get(str(sizes[-1]))
    if not a or not b or a.get("status") != "ok" or b.get("status") != "ok":
        return None
    return (b["median"] / sizes[-1]) / (a["median"] / sizes[-2])
