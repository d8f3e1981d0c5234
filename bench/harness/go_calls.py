"""Go calls Python: the article's outliers.detect (samples/outliers_py/outliers.py) called from Go
four ways, side by side in one run (issue 13 item 5):

  gpic    the Go package `gpic build samples/outliers_py/outliers.gpi --target go` writes
  floor   hand-written cgo + C glue in the article's style (bench/gocalls/floor)
  grpc    a grpcio server in Python, a google.golang.org/grpc client, protobuf messages, loopback
  python  a direct Python call: the interpreter's own floor

Each (contender, workload) runs in its own process (bench/gocalls/driver, one build per contender;
bench/gocalls/direct.py for Python), in rounds, in a shuffled order. Workloads: Noop (the call
overhead) and Detect on 1, 10^3 and 10^6 float64 values (the whole call). Every contender's
indices are checked against the direct Python call's. Writes go-calls-latest.{json,md} to the
results directory. Run alone with `scripts/bench --go-calls-only`.
"""
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

import build

SRC = os.path.join(build.BENCH, "gocalls")
SAMPLE = os.path.join(build.ROOT, "samples", "outliers_py")

CONTENDERS = [  # (id, label)
    ("python", "Python → Python (direct call)"),
    ("floor", "Go → Python, hand-written cgo + C glue"),
    ("gpic", "Go → Python, gpic --target go"),
    ("grpc", "Go → Python over gRPC (loopback)"),
]
LABEL = dict(CONTENDERS)
SIZES = {"full": [1, 1000, 1000000], "quick": [1, 1000]}
TIMING = {"full": {"rounds": 5, "samples": 3, "target": 0.2},
          "quick": {"rounds": 1, "samples": 1, "target": 0.02}}
ARTICLE = {"whole": 45.0, "overhead": 237.0}  # the article's gRPC / in-memory ratios
FLOOR_TARGET = 1.2  # gpic within 1.2x of the hand-written floor


def workloads(mode):
    return ["noop"] + ["detect_%d" % n for n in SIZES[mode]]


WORKLOAD_TEXT = {
    "en": ("Noop() — call overhead", "Detect({n} values, 3.0) — whole call"),
    "ko": ("Noop() — 호출 오버헤드", "Detect(값 {n}개, 3.0) — 전체 호출"),
}


def workload_label(w, lang="en"):
    noop, detect = WORKLOAD_TEXT[lang]
    if w == "noop":
        return noop
    n = int(w.split("_")[1])
    return detect.format(n="10^%d" % len(str(n)[1:]) if n >= 1000 else n)


def python_flags():
    """cgo flags for the floor from the interpreter measured (python3), so that numpy (pip) is
    found: pkg-config's python3-embed may name another Python (Debian's, without numpy)."""
    code = ("import sysconfig, numpy, json; v = sysconfig.get_config_var; print(json.dumps("
            "[sysconfig.get_paths()['include'], numpy.get_include(), v('LIBDIR'), v('LDVERSION')]))")
    rc, out = build.run(["python3", "-c", code], timeout=120)
    if rc != 0:
        raise RuntimeError("python3 cannot import numpy: " + out.strip()[-300:])
    inc, npinc, libdir, ldver = json.loads(out.strip().splitlines()[-1])
    return ("-I%s -I%s" % (inc, npinc),
            "-L%s -lpython%s -Wl,-rpath,%s" % (libdir, ldver, libdir))


def _step(cmd, cwd, env, log, text):
    log("  $ " + " ".join(cmd))
    rc, out = build.run(cmd, cwd=cwd, env=env)
    text.append("$ %s\n%s" % (" ".join(cmd), out))
    if rc != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (" ".join(cmd[:4]), rc, out.strip()[-400:]))
    return out


def build_all(work, gpic, log):
    """{contender: Build}: the three Go drivers and the gRPC stubs, cached under a stamp."""
    out = os.path.join(work, "go_calls")
    inputs = (build._tree_files(SRC, (".go", ".mod", ".sum", ".c", ".h", ".proto", ".py"))
              + build._tree_files(SAMPLE, (".py", ".gpi")))
    gpic_id = build.tool_version([gpic.path, "--version"]) + str(os.path.getmtime(gpic.path)) \
        if gpic.status == "ok" else "none"
    stamp = build._hash_files(inputs, build.tool_version(["go", "version"]) + sys.version + gpic_id)
    bins = dict((c, os.path.join(out, "bin", "driver_" + c)) for c in ("floor", "grpc", "gpic"))
    if build._cached(out, stamp):
        saved = json.load(open(os.path.join(out, "builds.json")))
        return dict((c, build.Build(**b)) for c, b in saved.items())
    build._fresh(out)
    src = os.path.join(out, "src")
    shutil.copytree(SRC, src)
    env = dict(os.environ, GOFLAGS="-mod=mod")
    builds = {}

    def attempt(name, fn):
        text = []
        try:
            fn(text)
            builds[name] = build.Build("ok", bins.get(name, out), log="\n".join(text))
        except Exception as e:  # a contender that does not build must show, not vanish
            builds[name] = build.Build("failed", None, str(e), "\n".join(text))
        log("go_calls %s: %s %s" % (name, builds[name].status, builds[name].reason[:200]))

    def floor(text):
        cflags, ldflags = python_flags()
        fenv = dict(env, CGO_CFLAGS=cflags, CGO_LDFLAGS=ldflags)
        _step(["go", "build", "-tags", "floor", "-o", bins["floor"], "./driver"], src, fenv, log, text)

    def grpc(text):
        pb_go, pb_py = os.path.join(src, "pb"), os.path.join(out, "pb_py")
        os.makedirs(pb_go)
        os.makedirs(pb_py)
        tools = os.path.join(out, "bin")
        _step(["go", "build", "-o", tools + os.sep, "google.golang.org/protobuf/cmd/protoc-gen-go",
               "google.golang.org/grpc/cmd/protoc-gen-go-grpc"], src, env, log, text)
        # grpcio-tools' protoc (PyPI) for both languages, with the Go plugins built above.
        _step(["python3", "-m", "grpc_tools.protoc", "-I", src,
               "--plugin=protoc-gen-go=" + os.path.join(tools, "protoc-gen-go"),
               "--plugin=protoc-gen-go-grpc=" + os.path.join(tools, "protoc-gen-go-grpc"),
               "--go_out=" + pb_go, "--go_opt=paths=source_relative",
               "--go-grpc_out=" + pb_go, "--go-grpc_opt=paths=source_relative",
               "--python_out=" + pb_py, "--grpc_python_out=" + pb_py, "outliers.proto"], src, env, log, text)
        _step(["go", "build", "-tags", "grpc", "-o", bins["grpc"], "./driver"], src, env, log, text)

    def gpic_target(text):
        if gpic.status != "ok":
            raise RuntimeError("no gpic binary: " + gpic.reason)
        pkg = os.path.join(out, "outliers_go")
        _step([gpic.path, "build", os.path.join(SAMPLE, "outliers.gpi"), "--target", "go", "-o", pkg,
               "--python", "python3"],
              None, env, log, text)
        with open(os.path.join(pkg, "go.mod")) as f:
            module = re.search(r"^module\s+(\S+)", f.read(), re.M).group(1)
        # The driver imports the generated package by its own module path, through a replace.
        _step(["go", "mod", "edit", "-require=%s@v0.0.0" % module, "-replace=%s=%s" % (module, pkg)],
              src, env, log, text)
        gofile = os.path.join(src, "driver", "gpic.go")
        with open(gofile) as f:
            code = f.read()
        with open(gofile, "w") as f:
            f.write(code.replace('import "outliers"', 'import outliers "%s"' % module))
        _step(["go", "build", "-tags", "gpic", "-o", bins["gpic"], "./driver"], src, env, log, text)

    attempt("floor", floor)
    attempt("grpc", grpc)
    attempt("gpic", gpic_target)
    builds["python"] = build.Build("ok", os.path.join(SRC, "direct.py"))
    with open(os.path.join(out, "builds.json"), "w") as f:
        json.dump(dict((c, {"status": b.status, "path": b.path, "reason": b.reason, "log": b.log[-4000:]})
                       for c, b in builds.items()), f)
    if all(b.status == "ok" for b in builds.values()):
        build._write_stamp(out, stamp)
    return builds


def write_series(path, n):
    """n values uniform in [-1, 1) (none 3 standard deviations out) with spikes of +-40 at a few
    fixed places: the same file for every contender."""
    import numpy as np

    data = np.random.default_rng(13).uniform(-1.0, 1.0, n)
    if n >= 1000:
        for k, f in enumerate((0.001, 0.25, 0.5, 0.75, 0.999)):
            data[int(f * n)] = 40.0 if k % 2 == 0 else -40.0
    data.astype("<f8").tofile(path)


class GrpcServer(object):
    """The Python gRPC server, started once for the whole run (a service is long-lived)."""

    def __init__(self, work, env):
        self.dir = tempfile.mkdtemp(prefix="gpic-grpc-")
        port_file = os.path.join(self.dir, "port")
        pb_py = os.path.join(work, "go_calls", "pb_py")
        self.proc = subprocess.Popen(["python3", os.path.join(SRC, "grpc_server.py"), pb_py, port_file],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.time() > deadline:
                err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.poll() is not None else ""
                self.stop()
                raise RuntimeError("the gRPC server did not start: " + err[-300:])
            time.sleep(0.05)
        with open(port_file) as f:
            self.addr = "127.0.0.1:" + f.read().strip()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def run_one(contender, b, workload, data, timing, env):
    if contender == "python":
        cmd = ["python3", b.path]
    else:
        cmd = [b.path]
    cmd += ["-workload", "noop" if workload == "noop" else "detect",
            "-target", str(timing["target"]), "-samples", str(timing["samples"])]
    if data:
        cmd += ["-data", data]
    try:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "reason": "timed out"}
    if p.returncode != 0:
        return {"status": "failed", "reason": "exit %d: %s" % (
            p.returncode, p.stderr.decode("utf-8", "replace").strip()[-400:])}
    r = json.loads(p.stdout.decode().strip().splitlines()[-1])
    r["status"] = "ok"
    return r


def measure(mode, work, builds, log, seed):
    timing = TIMING[mode]
    tmp = tempfile.mkdtemp(prefix="gpic-gocalls-")
    env = dict(os.environ)
    # As the main benchmark does: old-OpenBLAS tuning variables slow a current numpy.
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    env["PYTHONPATH"] = SAMPLE + os.pathsep + env.get("PYTHONPATH", "")
    server = None
    acc, load = {}, []
    try:
        files = {}
        for n in SIZES[mode]:
            files["detect_%d" % n] = os.path.join(tmp, "series-%d.f64" % n)
            write_series(files["detect_%d" % n], n)
        if builds["grpc"].status == "ok":
            try:
                server = GrpcServer(work, env)
                env["GOCALLS_GRPC_ADDR"] = server.addr
            except RuntimeError as e:
                builds["grpc"] = build.Build("failed", None, str(e))
        units = [(c, w) for c, _ in CONTENDERS for w in workloads(mode)]
        rng = random.Random(seed)
        for r in range(timing["rounds"]):
            rng.shuffle(units)
            load.append(os.getloadavg()[0])
            log("go_calls round %d/%d" % (r + 1, timing["rounds"]))
            for c, w in units:
                slot = acc.setdefault(c, {}).setdefault(w, {"samples": [], "status": "ok"})
                b = builds[c]
                if b.status != "ok":
                    slot.update(status=b.status, reason=b.reason)
                    continue
                t0 = time.time()
                res = run_one(c, b, w, files.get(w), timing, env)
                if res["status"] != "ok":
                    slot.update(status="failed", reason=res["reason"])
                    log("  %-7s %-14s FAILED: %s" % (c, w, res["reason"][:200]))
                    continue
                slot["samples"].extend(res["samples"])
                slot["calls"] = res["calls"]
                if res.get("indices") is not None:
                    slot["indices"] = res["indices"]
                log("  %-7s %-14s %9.3g s/call  (%.1f s)" % (c, w, statistics.median(res["samples"]),
                                                           time.time() - t0))
    finally:
        if server:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    # Every contender must find what the direct Python call finds.
    for w in workloads(mode):
        want = acc.get("python", {}).get(w, {}).get("indices")
        for c, _ in CONTENDERS:
            slot = acc.get(c, {}).get(w, {})
            if slot.get("status") == "ok" and want is not None and slot.get("indices") != want:
                slot.update(status="failed", reason="indices differ from the direct Python call's")
    results = {}
    for c, ws in acc.items():
        results[c] = {}
        for w, s in ws.items():
            r = {"status": s["status"], "reason": s.get("reason", "")}
            if s["status"] == "ok" and s["samples"]:
                r.update(median=statistics.median(s["samples"]), min=min(s["samples"]),
                         max=max(s["samples"]), n=len(s["samples"]), calls=s.get("calls"),
                         samples=s["samples"])
                if "indices" in s:
                    r["outliers"] = len(s["indices"])
            results[c][w] = r
    return results, load


def run(mode, work, gpic, log, seed=None):
    log("go_calls: building (Go -> Python: gpic, cgo floor, gRPC)")
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    builds = build_all(work, gpic, log)
    seed = int(time.time()) if seed is None else seed
    results, load = measure(mode, work, builds, log, seed)
    return {
        "started": started, "mode": mode, "seed": seed, "timing": TIMING[mode], "sizes": SIZES[mode],
        "workloads": [{"id": w, "label": workload_label(w)} for w in workloads(mode)],
        "contenders": [{"id": c, "label": l} for c, l in CONTENDERS],
        "builds": dict((c, {"status": b.status, "reason": b.reason}) for c, b in builds.items()),
        "results": results,
        "load_average_1min": {"per_round": load, "after": os.getloadavg()[0]},
    }


# --- report ------------------------------------------------------------------------------------

TEXT = {
    "en": {
        "head": "| Workload | " + " | ".join("{%s}" % c for c, _ in CONTENDERS)
                + " | gpic ÷ floor | gRPC ÷ gpic | gRPC ÷ floor |",
        "floor_ok": "- gpic within {t}× of the hand-written floor: **{v}** (worst {w})",
        "article": "- gRPC ÷ gpic: {o} for the call overhead (the article: ≈{ao}×), {x} for the whole "
                   "call at 10^6 values (the article: ≈{aw}×)",
        "load": "Machine load (1-minute average) per round: {l}; medians of {s} samples per round, "
                "{r} round(s), order shuffled.",
        "failed": "failed",
        "yes": "yes", "no": "no",
    },
    "ko": {
        "head": "| 작업 | " + " | ".join("{%s}" % c for c, _ in CONTENDERS)
                + " | gpic ÷ 바닥 | gRPC ÷ gpic | gRPC ÷ 바닥 |",
        "floor_ok": "- gpic이 손으로 쓴 바닥의 {t}배 이내: **{v}** (가장 나쁜 경우 {w})",
        "article": "- gRPC ÷ gpic: 호출 오버헤드 {o}(글: 약 {ao}배), 10^6개 값의 전체 호출 {x}(글: 약 {aw}배)",
        "load": "라운드별 머신 부하(1분 평균): {l}; 라운드마다 표본 {s}개의 중앙값, {r}라운드, 순서는 섞음.",
        "failed": "실패",
        "yes": "예", "no": "아니요",
    },
}
SHORT = {"en": {"python": "Python direct", "floor": "cgo floor", "gpic": "gpic", "grpc": "gRPC"},
         "ko": {"python": "파이썬 직접", "floor": "cgo 바닥", "gpic": "gpic", "grpc": "gRPC"}}


def _fmt_time(s):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return "%.3g %s" % (s / scale, unit)
    return "%.3g ns" % (s / 1e-9)


def _med(doc, c, w):
    r = doc["results"].get(c, {}).get(w, {})
    return r.get("median") if r.get("status") == "ok" else None


def _ratio(a, b):
    return "%.2f×" % (a / b) if a and b else "—"


def markdown(doc, lang="en"):
    T, S = TEXT[lang], SHORT[lang]
    lines = [T["head"].format(**S), "|" + "---|" * (len(CONTENDERS) + 4)]
    for w in doc["workloads"]:
        cells = []
        for c, _ in CONTENDERS:
            r = doc["results"].get(c, {}).get(w["id"], {})
            cells.append(_fmt_time(r["median"]) if r.get("status") == "ok" else
                         "%s: %s" % (T["failed"], (r.get("reason") or "").replace("|", "/")[:80]))
        g, f, rp = (_med(doc, c, w["id"]) for c in ("gpic", "floor", "grpc"))
        lines.append("| %s | %s | %s | %s | %s |" % (workload_label(w["id"], lang), " | ".join(cells), _ratio(g, f),
                                                     _ratio(rp, g), _ratio(rp, f)))
    lines.append("")
    ratios = [(w["id"], _med(doc, "gpic", w["id"]) / _med(doc, "floor", w["id"]))
              for w in doc["workloads"] if _med(doc, "gpic", w["id"]) and _med(doc, "floor", w["id"])]
    if ratios:
        worst = max(ratios, key=lambda x: x[1])
        ok = all(r <= FLOOR_TARGET for _, r in ratios)
        lines.append(T["floor_ok"].format(t=FLOOR_TARGET, v=T["yes"] if ok else T["no"],
                                          w="%.2f× (%s)" % (worst[1], worst[0])))
    big = "detect_%d" % max(doc["sizes"])
    lines.append(T["article"].format(o=_ratio(_med(doc, "grpc", "noop"), _med(doc, "gpic", "noop")),
                                     x=_ratio(_med(doc, "grpc", big), _med(doc, "gpic", big)),
                                     ao=int(ARTICLE["overhead"]), aw=int(ARTICLE["whole"])))
    lines.append("")
    la = doc["load_average_1min"]["per_round"]
    lines.append(T["load"].format(l=", ".join("%.2f" % x for x in la), s=doc["timing"]["samples"],
                                  r=doc["timing"]["rounds"]))
    return "\n".join(lines) + "\n"


def failures(doc):
    return ["go_calls %s/%s: %s" % (c, w, r.get("reason", ""))
            for c, ws in doc["results"].items() for w, r in ws.items() if r.get("status") != "ok"]


MACHINE = {
    "en": "Measured {date} on {cpu} ({cores} cores, shared), {py}, {go}, mode {mode}.",
    "ko": "{date}에 {cpu}({cores}코어, 공유), {py}, {go}에서 측정했습니다. 모드 {mode}.",
}


def update_docs(doc):
    """Puts the table between the go-calls markers of docs/{en,ko}/go-calls-python-bench.md."""
    m = doc.get("machine", {})
    for lang in ("en", "ko"):
        path = os.path.join(build.ROOT, "docs", lang, "go-calls-python-bench.md")
        with open(path) as f:
            text = f.read()
        begin, end = "<!-- go-calls:begin -->\n", "<!-- go-calls:end -->"
        i, j = text.index(begin) + len(begin), text.index(end)
        head = MACHINE[lang].format(date=doc.get("started", "")[:10], cpu=m.get("cpu", "?"),
                                    cores=m.get("cores", "?"), py=m.get("cpython", "?"),
                                    go=m.get("go", "?"), mode=doc["mode"])
        with open(path, "w") as f:
            f.write(text[:i] + head + "\n\n" + markdown(doc, lang) + text[j:])


def write(doc, outdir):
    with open(os.path.join(outdir, "go-calls-latest.json"), "w") as f:
        json.dump(doc, f, indent=1)
    table = markdown(doc, "en")
    with open(os.path.join(outdir, "go-calls-latest.md"), "w") as f:
        f.write(table)
    return table
