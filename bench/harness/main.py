"""gpic's benchmark harness: `scripts/bench` runs this.

Builds every contender from source (bench/harness/build.py), then measures them in rounds:
each round runs every contender once, in a shuffled order, each in its own process (one Go
runtime per process), so that drift on this noisy 2-core machine spreads over all of them.
Prints a Markdown table of medians with min-max and ratios to the floor and to gopy, and
writes the raw JSON, the table and a PNG chart to --out (default bench/results/).
"""
import argparse
import datetime
import fcntl
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import build  # noqa: E402
import build_speed  # noqa: E402
import channels  # noqa: E402
import compile_speed  # noqa: E402
import contenders as C  # noqa: E402
import aio  # noqa: E402
import go_calls  # noqa: E402
import report  # noqa: E402


def log(msg):
    sys.stderr.write("[bench] %s\n" % msg)
    sys.stderr.flush()


# --- measuring -------------------------------------------------------------------------------

def worker_env(mode):
    env = dict(os.environ)
    if mode == "full":
        # OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are set on some machines here for old OpenBLAS
        # builds and slow a current numpy: unset both, for the measuring processes alone.
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
    return env


def run_worker(contender, group, workloads, ctx, mode, tmp, count=None, wrap=None, env=None):
    """One worker process; returns {workload: result}. With count, each workload runs exactly
    count times untimed, under the command prefix wrap (valgrind)."""
    spec = {"contender": contender, "group": group, "workloads": workloads, "ctx": ctx,
            "timing": C.TIMING[mode], "heavy": C.HEAVY, "count": count}
    spec_path = os.path.join(tmp, "spec-%s-%s.json" % (contender, group))
    out_path = os.path.join(tmp, "out-%s-%s.json" % (contender, group))
    with open(spec_path, "w") as f:
        json.dump(spec, f)
    if os.path.exists(out_path):
        os.remove(out_path)
    cmd = [C.INTERP[contender], os.path.join(HERE, "worker.py"), spec_path, out_path]
    if wrap:
        cmd = wrap + [real_executable(C.INTERP[contender])] + cmd[1:]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env or worker_env(mode), timeout=1800, cwd=tmp)
        rc, text = p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, text = 124, "worker timed out"
    except FileNotFoundError as e:
        rc, text = 127, str(e)
    data = {}
    if os.path.exists(out_path):
        with open(out_path) as f:
            data = json.load(f)
    results = data.get("results", {})
    for w in workloads:
        if w not in results:
            tail = " | ".join(l for l in text.strip().splitlines()[-3:])
            results[w] = {"status": "failed",
                          "reason": "worker exited %d before measuring this: %s" % (rc, tail[-300:])}
    meta = {"interpreter": data.get("interpreter"), "buffer": data.get("buffer"), "output": text}
    return results, meta


_EXECUTABLES = {}


def real_executable(interp):
    """The interpreter binary itself (pyenv's python3 is a shell script valgrind cannot follow)."""
    if interp not in _EXECUTABLES:
        out = subprocess.run([interp, "-c", "import sys; print(sys.executable)"], stdout=subprocess.PIPE)
        _EXECUTABLES[interp] = out.stdout.decode().strip() or interp
    return _EXECUTABLES[interp]


# --- instruction counts ------------------------------------------------------------------------

INSTR_WORKLOADS = ["add", "add_attr", "noop", "concat", "error", "callback", "hash_64_bytes", "hash_64_bytearray"]
INSTR_PYPY = ["add", "concat"]
INSTR_CALLS = {"full": (2000, 12000), "quick": (200, 1200)}
TOTALS_RX = re.compile(r"^totals:\s*(\d+)", re.M)


def main_thread_total(prefix):
    """Instructions of thread 1 from callgrind's per-thread files PREFIX-01, PREFIX-02, ..."""
    import glob

    files = sorted(glob.glob(prefix + "-*"))
    total = None
    for f in files:
        if f.endswith("-01"):
            with open(f) as fh:
                found = TOTALS_RX.findall(fh.read())
            total = int(found[-1]) if found else None
    for f in files:
        os.remove(f)
    return total


def count_instructions(mode, floors, gopy, gpic_builds, log):
    """Instructions per call from valgrind's callgrind: the same count whatever else this shared
    machine is doing. Each (contender, workload) runs twice, with n1 and n2 calls, in processes
    that are otherwise identical; (I(n2) - I(n1)) / (n2 - n1) leaves the calls alone."""
    if not shutil.which("valgrind"):
        return {"error": "valgrind not found"}
    ctx = make_ctx(mode, floors, gopy, gpic_builds)
    plan = []
    for c in C.CONTENDER_IDS:
        if C.INTERP[c] is None or C.KIND[c] == "reference" and c != "python_cpython":
            continue
        for w in INSTR_WORKLOADS:
            if w not in C.OFFERS.get(c, []):
                continue
            if C.INTERP[c] == "pypy3" and w not in INSTR_PYPY:
                continue  # PyPy under callgrind takes half a minute a process
            g = None
            if c.startswith("gpic_"):
                g = next(k for k, ws in C.GPIC_GROUP_WORKLOADS.items() if w in ws)
            plan.append((c, g, w))
    if mode == "quick":  # the code path, not the figures: one floor and one gpic target
        plan = [p for p in plan if p[0] in ("cffi_cpython", "gpic_cffi_cpython") and p[2] == "add"]
    n1, n2 = INSTR_CALLS[mode]
    env = dict(worker_env(mode), GODEBUG="asyncpreemptoff=1")  # callgrind trips on Go's SIGURG
    # Only the calling thread counts: Go's sysmon and GC threads run in proportion to wall time,
    # which valgrind stretches. PYTHONHASHSEED fixed so that both processes do the same work.
    wrap = ["valgrind", "--tool=callgrind", "--separate-threads=yes"]
    env["PYTHONHASHSEED"] = "0"
    out = {"calls": [n1, n2], "results": {}}
    tmp = tempfile.mkdtemp(prefix="gpic-instr-")
    try:
        for c, g, w in plan:
            b = None
            if c.startswith("gpic_"):
                b = gpic_builds[c][g]
            elif c == "gopy":
                b = gopy
            elif C.KIND[c] == "floor":
                b = floors
            if b is not None and b.status != "ok":
                out["results"].setdefault(c, {})[w] = {"status": b.status, "reason": b.reason}
                continue
            counts = []
            for n in (n1, n2):
                cg = os.path.join(tmp, "cg.%s.%s.%d" % (c, w, n))
                res, meta = run_worker(c, g, [w], unit_ctx(ctx, c, g), mode, tmp, count=n,
                                       wrap=wrap + ["--callgrind-out-file=" + cg], env=env)
                main_thread = main_thread_total(cg)
                if res[w]["status"] != "ok" or main_thread is None:
                    counts = None
                    reason = res[w].get("reason") or "no callgrind total: " + meta.get("output", "")[-200:]
                    break
                counts.append(main_thread)
            if counts is None:
                out["results"].setdefault(c, {})[w] = {"status": "failed", "reason": reason}
                log("  instructions %-18s %-9s FAILED: %s" % (c, w, reason[:120]))
                continue
            per = (counts[1] - counts[0]) / float(n2 - n1)
            out["results"].setdefault(c, {})[w] = {"status": "ok", "per_call": per, "totals": counts}
            log("  instructions %-18s %-9s %8.0f per call" % (c, w, per))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def cloop_time(cloop, workload, param, number):
    p = subprocess.run([cloop, workload, str(param), str(number)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("cloop %s exited %d: %s" % (workload, p.returncode,
                                                       p.stderr.decode("utf-8", "replace")[-200:]))
    return float(p.stdout.decode().strip())


CLOOP = {  # workload -> (cloop's name, param key or fixed value)
    "add": ("add", 0), "noop": ("noop", 0), "concat": ("concat", 0), "sum_1": ("sum", 1),
    "sum_big": ("sum", "sum_big"), "ints": ("ints", "ints"),
    "getpi_s": ("getpi", "getpi_s"), "getpi_m": ("getpi", "getpi_m"), "getpi_l": ("getpi", "getpi_l"),
    # C has no bytes or bytearray: one malloc'd buffer for both.
    "hash_64_bytes": ("sum64", 64), "hash_64_bytearray": ("sum64", 64),
    "hash_big_bytes": ("sum64", "hash_big"), "hash_big_bytearray": ("sum64", "hash_big"),
}


def run_cloop(floors_dir, params, mode, calib):
    """The C -> Go floor, timed inside C (no interpreter)."""
    cloop = os.path.join(floors_dir, "cloop")
    timing = C.TIMING[mode]
    results = {}
    for w in C.OFFERS["c_go"]:
        name, p = CLOOP[w]
        param = params[p] if isinstance(p, str) else p
        try:
            if w in C.HEAVY:
                number, reps = 1, timing["heavy_samples"]
            else:
                if w not in calib:
                    n = 1000
                    while True:
                        t = cloop_time(cloop, name, param, n) * n
                        if t >= timing["target"] / 10 or n >= 1 << 30:
                            break
                        n *= 10
                    calib[w] = max(1, int(n * timing["target"] / max(t, 1e-9)))
                number, reps = calib[w], timing["samples"]
            samples = [cloop_time(cloop, name, param, number) for _ in range(reps)]
            results[w] = {"status": "ok", "samples": samples, "number": number,
                          "note": "timed in C with clock_gettime"}
        except Exception as e:  # a floor that fails must show, not vanish
            results[w] = {"status": "failed", "reason": str(e)}
    return results


def merge(acc, contender, results):
    for w, r in results.items():
        slot = acc.setdefault(contender, {}).setdefault(w, {"samples": [], "statuses": []})
        slot["statuses"].append(r["status"])
        if r["status"] == "ok":
            slot["samples"].extend(r["samples"])
            slot["number"] = r.get("number")
            slot["note"] = r.get("note", "")
        else:
            slot["reason"] = r.get("reason", "")
            if r.get("traceback"):
                slot["traceback"] = r["traceback"]


def summarize(acc):
    """{contender: {workload: {status, median, min, max, n, samples, reason, note}}}"""
    out = {}
    for c, ws in acc.items():
        out[c] = {}
        for w, slot in ws.items():
            st = slot["statuses"]
            if "failed" in st:
                status = "failed"
            elif all(s == "n/a" for s in st):
                status = "n/a"
            else:
                status = "ok"
            r = {"status": status, "note": slot.get("note", ""), "reason": slot.get("reason", "")}
            if slot.get("traceback"):
                r["traceback"] = slot["traceback"]
            s = slot["samples"]
            if status == "ok" and s:
                r.update(median=statistics.median(s), min=min(s), max=max(s), n=len(s),
                         samples=s, number=slot.get("number"))
            elif status == "ok":
                r["status"], r["reason"] = "failed", "no samples"
            out[c][w] = r
    return out


def build_all(work, log_fn, gpic_source="head"):
    log("building contenders in %s" % work)
    t0 = time.time()
    floors = build.build_floors(work, log_fn)
    log("floors: %s %s" % (floors.status, floors.reason))
    tools = build.build_tools(work, log_fn)
    gopy = build.build_gopy(work, tools, log_fn)
    log("gopy: %s %s" % (gopy.status, gopy.reason))
    gpic = build.find_gpic(work, log_fn, gpic_source)
    log("gpic binary: %s %s" % (gpic.status, gpic.path if gpic.status == "ok" else gpic.reason))
    wanted = set(g for c in C.CONTENDER_IDS if c.startswith("gpic_")
                 for g, ws in C.GPIC_GROUP_WORKLOADS.items() if any(w in C.OFFERS.get(c, []) for w in ws))
    gpic_builds = build.build_gpic(work, gpic, log_fn, wanted)
    for c, groups in gpic_builds.items():
        for g, b in groups.items():
            log("%s/%s: %s %s" % (c, g, b.status, b.reason))
    log("builds took %.1f s" % (time.time() - t0))
    return floors, tools, gopy, gpic, gpic_builds


def units(floors, gopy, gpic_builds):
    """(contender, group, workloads, build status or None) for every worker process of a round."""
    out = []
    for c in C.CONTENDER_IDS:
        if not C.OFFERS.get(c):
            continue  # filtered out (--contenders / --workloads)
        if c == "c_go":
            out.append((c, None, C.OFFERS[c], floors))
        elif c.startswith("gpic_"):
            for g, ws in C.GPIC_GROUP_WORKLOADS.items():
                ws = [w for w in ws if w in C.OFFERS[c]]
                if ws:
                    out.append((c, g, ws, gpic_builds[c][g]))
        elif c == "gopy":
            out.append((c, None, C.OFFERS[c], gopy))
        elif C.KIND[c] == "floor":
            out.append((c, None, C.OFFERS[c], floors))
        else:
            out.append((c, None, C.OFFERS[c], None))
    return out


def make_ctx(mode, floors, gopy, gpic_builds):
    """What a worker needs to find every build: paths by contender, module names by group."""
    ctx = {"params": C.PARAMS[mode], "paths": {}, "modules": {}}
    if floors.status == "ok":
        for k in ("fastcall", "cffi_cpython", "cffi_pypy"):
            ctx["paths"][k] = os.path.join(floors.path, k)
        ctx["paths"]["ctypes"] = floors.path
    if gopy.status == "ok":
        ctx["paths"]["gopy"] = gopy.path
    for c, groups in gpic_builds.items():
        for g, b in groups.items():
            if b.status == "ok":
                ctx["paths"]["%s_%s" % (c, g)] = b.path
                ctx["modules"]["gpic_" + g] = b.module
    return ctx


def unit_ctx(ctx, c, g):
    """The worker finds a gpic module as paths["gpic_<group>"]: point it at this contender's build."""
    if not c.startswith("gpic_"):
        return ctx
    paths = dict(ctx["paths"])
    paths["gpic_" + g] = paths.get("%s_%s" % (c, g))
    return dict(ctx, paths=paths)


def measure_all(mode, rounds, floors, gopy, gpic_builds, seed):
    params = C.PARAMS[mode]
    ctx = make_ctx(mode, floors, gopy, gpic_builds)
    acc, meta, calib = {}, {"_load": []}, {}
    rng = random.Random(seed)
    todo = units(floors, gopy, gpic_builds)
    tmp = tempfile.mkdtemp(prefix="gpic-bench-")
    try:
        for r in range(rounds):
            order = todo[:]
            rng.shuffle(order)
            meta["_load"].append(os.getloadavg()[0])
            log("round %d/%d: %s" % (r + 1, rounds, " ".join(
                c + ("/" + g if g else "") for c, g, _, _ in order)))
            for c, g, ws, b in order:
                if b is not None and b.status != "ok":
                    merge(acc, c, dict((w, {"status": b.status, "reason": b.reason}) for w in ws))
                    continue
                t0 = time.time()
                if c == "c_go":
                    res = run_cloop(floors.path, params, mode, calib)
                else:
                    res, m = run_worker(c, g, ws, unit_ctx(ctx, c, g), mode, tmp)
                    meta.setdefault(c, m)
                merge(acc, c, res)
                bad = [w for w, x in res.items() if x["status"] == "failed"]
                log("  %-18s %-8s %5.1f s%s" % (c, g or "", time.time() - t0,
                                                "  FAILED: " + ", ".join(bad) if bad else ""))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summarize(acc), meta


# --- the machine -----------------------------------------------------------------------------

def machine_info(gpic):
    def first(cmd):
        return build.tool_version(cmd)

    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.1f GiB" % (kb / 2.0 ** 20)
    except (OSError, ValueError, IndexError):
        pass
    gpic_path = gpic.path if gpic.status == "ok" else None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": mem,
        "os": platform.platform(),
        "go": first(["go", "version"]),
        "cpython": "CPython " + platform.python_version(),
        "pypy": " ".join(build.run(["pypy3", "--version"], timeout=60)[1].split()),
        "gcc": first(["gcc", "--version"]),
        "protoc": first(["protoc", "--version"]),
        "gopy": build.GOPY_VERSION,
        "gpic": first([gpic_path, "--version"]) if gpic_path else "unavailable",
        "gpic_binary": gpic_path,
        "gpic_source": gpic.source,
        "git_head": first(["git", "-C", build.ROOT, "rev-parse", "--short", "HEAD"]),
        "openblas_env": dict((k, v) for k, v in os.environ.items() if k.startswith("OPENBLAS_")),
    }


def numpy_kernel(mode):
    """threadpoolctl's view of numpy's BLAS in a measuring process (OPENBLAS_* unset in full runs)."""
    code = ("import json\ntry:\n import numpy, threadpoolctl\n"
            " print(json.dumps([{k: d.get(k) for k in ('internal_api','version','architecture')}"
            " for d in threadpoolctl.threadpool_info()]))\nexcept Exception as e:\n"
            " print(json.dumps(str(e)))\n")
    p = subprocess.run(["python3", "-c", code], stdout=subprocess.PIPE, env=worker_env(mode))
    try:
        return json.loads(p.stdout.decode())
    except ValueError:
        return None


# --- main ------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(prog="scripts/bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="smoke pass: tiny sizes and iteration counts, one round (seconds once built)")
    ap.add_argument("--out", default=os.path.join(build.BENCH, "results"),
                    help="where to write latest.{json,md,png} and a dated JSON (default bench/results)")
    ap.add_argument("--work", default=os.path.join(build.BENCH, ".work"),
                    help="build directory, cached between runs (default bench/.work)")
    ap.add_argument("--rounds", type=int, help="rounds of interleaved measurement (default 5; quick 1)")
    ap.add_argument("--no-calls", action="store_true", help="skip the call/throughput benchmarks")
    ap.add_argument("--no-compile", action="store_true", help="skip the compile-speed and build-speed benchmarks")
    ap.add_argument("--build-speed-only", action="store_true",
                    help="measure only the build speed (a warm gpic build per Python target, and gopy's) and "
                         "print its table; writes build-speed.json under --work, never bench/results")
    ap.add_argument("--no-go-calls", action="store_true",
                    help="skip the Go -> Python benchmark (gpic --target go against a cgo floor, gRPC "
                         "and a direct Python call; full runs only)")
    ap.add_argument("--channels-only", action="store_true",
                    help="run the channel and iterator per-item benchmark alone (writes channels-latest.{json,md})")
    ap.add_argument("--go-calls-only", action="store_true",
                    help="run the Go -> Python benchmark alone (writes go-calls-latest.{json,md})")
    ap.add_argument("--aio-only", action="store_true",
                    help="run the awaitable-calls benchmark alone (10,000 concurrent awaited Go calls against "
                         "asyncio.to_thread and a thread pool; writes aio-latest.{json,md})")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions per call with valgrind's callgrind (immune to the "
                         "machine's load; slow: several minutes). --quick always runs a token pass")
    ap.add_argument("--compile-max", type=int, default=None,
                    help="largest declaration count of the compile benchmark (default: all sizes)")
    ap.add_argument("--update-docs", action="store_true",
                    help="put the table into docs/en/benchmarks.md and docs/ko/benchmarks.md")
    ap.add_argument("--gpic-from", choices=["head", "worktree"], default="head",
                    help="build gpic from the last commit (default) or from the work tree as it is; "
                         "$GPIC, when set, names a binary to use instead")
    ap.add_argument("--from-json", metavar="JSON",
                    help="measure nothing: render the table, the chart (and with --update-docs the docs) "
                         "from a JSON an earlier run wrote")
    ap.add_argument("--seed", type=int, default=None, help="seed of the interleaving order")
    ap.add_argument("--contenders", metavar="IDS",
                    help="measure only these contenders (comma-separated ids: %s); a filtered run "
                         "writes to bench/.work/filtered/ unless --out says otherwise"
                         % ",".join(C.CONTENDER_IDS))
    ap.add_argument("--workloads", metavar="IDS",
                    help="measure only these workloads (comma-separated ids: %s)" % ",".join(C.WORKLOAD_IDS))
    args = ap.parse_args(argv)
    for name, known in (("contenders", C.CONTENDER_IDS), ("workloads", C.WORKLOAD_IDS)):
        picked = getattr(args, name)
        if picked:
            bad = [x for x in picked.split(",") if x not in known]
            if bad:
                ap.error("unknown %s: %s (known: %s)" % (name, ",".join(bad), ",".join(known)))
            C.restrict(name, picked.split(","))
    if (args.contenders or args.workloads) and "--out" not in " ".join(argv or sys.argv):
        args.out = os.path.join(args.work, "filtered")  # never overwrite the full run's latest.*

    if args.from_json:
        with open(args.from_json) as f:
            doc = json.load(f)
        os.makedirs(args.out, exist_ok=True)
        return write_outputs(doc, args, None)

    mode = "quick" if args.quick else "full"
    if args.build_speed_only:
        return build_speed_only(mode, args)
    rounds = args.rounds or C.TIMING[mode]["rounds"]
    if mode == "full" and rounds < 5:
        log("note: fewer than 5 rounds asked for; medians will be less trustworthy")
    seed = args.seed if args.seed is not None else int(time.time())
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    # One run at a time per work directory: builds there are replaced in place.
    lock = open(os.path.join(args.work, ".lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        log("another run holds %s; waiting for it" % args.work)
        fcntl.flock(lock, fcntl.LOCK_EX)
    started = datetime.datetime.now(datetime.timezone.utc)

    if args.go_calls_only:
        return run_go_calls(mode, args, build.find_gpic(args.work, log, args.gpic_from), seed)
    if args.aio_only:
        return run_aio(mode, args, build.find_gpic(args.work, log, args.gpic_from))
    if args.channels_only:
        return run_channels(mode, args, build.find_gpic(args.work, log, args.gpic_from))
    floors, tools, gopy, gpic, gpic_builds = build_all(args.work, log, args.gpic_from)
    partial = os.path.join(args.out, "partial.json")
    results, meta = ({}, {})
    if not args.no_calls:
        results, meta = measure_all(mode, rounds, floors, gopy, gpic_builds, seed)
        with open(partial, "w") as f:  # a long run keeps its measurements if a later phase dies
            json.dump({"results": results, "params": C.PARAMS[mode], "timing": C.TIMING[mode]}, f)
    load = meta.pop("_load", []) if meta else []
    for c in meta:
        meta[c].pop("output", None)
    instructions = None
    if args.instructions or mode == "quick":
        log("counting instructions with callgrind")
        instructions = count_instructions(mode, floors, gopy, gpic_builds, log)
        with open(partial, "w") as f:
            json.dump({"results": results, "instructions": instructions}, f)
    compile_res = None
    if not args.no_compile:
        compile_res = compile_speed.run_all(mode, args.work, gpic, log, max_size=args.compile_max)
    build_res = None
    if not args.no_compile and mode == "full":  # minutes of builds: not in the quick pass
        build_res = build_speed.run_all(mode, args.work, gpic, tools, build.GOPY_VERSION, log)

    doc = {
        "schema": 1,
        "mode": mode,
        "rounds": rounds,
        "seed": seed,
        "started": started.isoformat(),
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "machine": machine_info(gpic),
        "numpy_blas": numpy_kernel(mode),
        "load_average_1min": {"per_round": load, "after": os.getloadavg()[0]},
        "params": C.PARAMS[mode],
        "timing": C.TIMING[mode],
        "contenders": [{"id": c, "label": C.LABEL[c], "kind": C.KIND[c], "interpreter": C.INTERP[c],
                        "floor": C.FLOOR[c], "runtime": meta.get(c)} for c in C.CONTENDER_IDS],
        "workloads": [{"id": w, "label": C.workload_label(w, C.PARAMS[mode]), "heavy": w in C.HEAVY}
                      for w in C.WORKLOAD_IDS],
        "builds": {
            "floors": floors.as_json(), "tools": tools.as_json(), "gopy": gopy.as_json(),
            "gpic": gpic.as_json(),
            "gpic_targets": dict((c, dict((g, b.as_json()) for g, b in gs.items()))
                                 for c, gs in gpic_builds.items()),
        },
        "results": results,
        "compile": compile_res,
        "build_speed": build_res,
        "instructions": instructions,
    }
    stamp = started.strftime("%Y%m%d-%H%M%S")
    if os.path.exists(partial):
        os.remove(partial)
    status = write_outputs(doc, args, "bench-%s-%s.json" % (mode, stamp))
    # Go -> Python: a separate table with its own files; too slow for the quick pass.
    if mode == "full" and not args.no_go_calls and not (args.contenders or args.workloads):
        status = run_go_calls(mode, args, gpic, seed) or status
    if mode == "full" and not (args.contenders or args.workloads):
        status = run_aio(mode, args, gpic) or status
    return status


def run_aio(mode, args, gpic):
    doc = aio.run(mode, args.work, gpic, log)
    doc["machine"] = machine_info(gpic)
    sys.stdout.write("\n### Awaitable Go calls against threads\n\n" + aio.write(doc, args.out))
    log("wrote aio-latest.json, aio-latest.md in %s" % args.out)
    failed = aio.failures(doc)
    if failed:
        log("FAILED: " + "; ".join(failed[:20]))
        return 1
    return 0


def run_go_calls(mode, args, gpic, seed):
    doc = go_calls.run(mode, args.work, gpic, log, seed)
    doc["machine"] = machine_info(gpic)
    sys.stdout.write("\n### Go calls Python: outliers.detect\n\n" + go_calls.write(doc, args.out))
    if args.update_docs:
        go_calls.update_docs(doc)
    log("wrote go-calls-latest.json, go-calls-latest.md in %s" % args.out)
    failed = go_calls.failures(doc)
    if failed:
        log("FAILED: " + "; ".join(failed[:20]))
        return 1
    return 0


def run_channels(mode, args, gpic):
    """`--channels-only`: per-item cost of a Go channel and iter.Seq against a Python generator."""
    machine = machine_info(gpic)
    doc = channels.run(mode, args.work, gpic, log)
    doc["machine"] = machine
    sys.stdout.write("\n### Iterating Go channels and iterators\n\n" + channels.write(doc, args.out))
    log("wrote channels-latest.json, channels-latest.md in %s" % args.out)
    failed = channels.failures(doc)
    if failed:
        log("FAILED: " + "; ".join(failed[:20]))
        return 1
    return 0


def build_speed_only(mode, args):
    """`--build-speed-only`: gpic (from --gpic-from, or $GPIC) and gopy, then the build-speed runs."""
    os.makedirs(args.work, exist_ok=True)
    tools = build.build_tools(args.work, log)
    gpic = build.find_gpic(args.work, log, args.gpic_from)
    res = build_speed.run_all(mode, args.work, gpic, tools, build.GOPY_VERSION, log)
    with open(os.path.join(args.work, "build-speed.json"), "w") as f:
        json.dump(res, f, indent=1)
    sys.stdout.write(build_speed.markdown(res, "en"))
    return 0


def write_outputs(doc, args, dated_name):
    """latest.json (and a dated copy), latest.md, latest.png; the docs with --update-docs."""
    table = report.markdown(doc, "en")
    if dated_name:
        with open(os.path.join(args.out, dated_name), "w") as f:
            json.dump(doc, f, indent=1)
    latest = os.path.join(args.out, "latest.json")
    if not (args.from_json and os.path.abspath(args.from_json) == os.path.abspath(latest)):
        with open(latest, "w") as f:
            json.dump(doc, f, indent=1)
    with open(os.path.join(args.out, "latest.md"), "w") as f:
        f.write(table)
    png = os.path.join(args.out, "latest.png")
    report.chart(doc, png)
    if args.update_docs:
        report.update_docs(doc, os.path.relpath(png, build.ROOT))
    sys.stdout.write(table)
    log("wrote latest.json, latest.md, latest.png in %s" % args.out)
    failed = report.failures(doc)
    if failed:
        log("FAILED: " + "; ".join(failed[:20]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
