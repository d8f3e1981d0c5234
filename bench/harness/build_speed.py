"""Build speed: a warm `gpic build` of a 20-declaration package, per Python target, beside gopy's.

The package (written here, into the work directory) is a small Go module with
  12 functions   func Fi(a int64, b float64, c string, d []float64) (string, error)
   4 structs     type Si struct { A int64; B float64; C string; D []int64 }
   4 methods     func (s *Si) Sum(k float64) float64
and its .gpi. "Warm" is what a user who edits the .gpi and rebuilds sees: Go's build cache and
gpic's cache ($GPIC_CACHE_DIR: the prebuilt runtime) already hold what an earlier build of the
same package made, so a run costs generating, the Go link and compiling the extension. One
untimed build first warms both caches; every timed build gets a fresh output directory. gopy
(`gopy build`, which also runs go build and compiles its CPython extension) binds the same Go
package for scale. The goal (issue 12) is a cpython-target build under 3 s wall.
"""
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

GO_MODULE = "example.com/buildspeed"
DECLS = 20
GOAL_SECONDS = 3.0
JOBS = [
    # id, label
    ("gpic_cpython", "gpic build --target cpython (python3)"),
    ("gpic_cffi", "gpic build --target cffi (python3)"),
    ("gopy", "gopy build -vm=python3"),
]
REPS = {"full": 5, "quick": 1}


def write_package(d):
    """The Go module and its .gpi in d; returns the .gpi's path."""
    go = ["// Package buildspeed is what gpic's build-speed benchmark binds: 20 declarations.",
          "package buildspeed", "", 'import "errors"', ""]
    gpi = ["/// @en What gpic's build-speed benchmark binds: 20 declarations.",
           'package buildspeed "%s"' % GO_MODULE, ""]
    for i in range(12):
        go += ["// F%d joins its arguments; an empty c is an error." % i,
               "func F%d(a int64, b float64, c string, d []float64) (string, error) {" % i,
               '\tif c == "" {', '\t\treturn "", errors.New("empty")', "\t}",
               "\tfor _, x := range d {", "\t\tb += x", "\t}",
               "\treturn c + string(rune('a'+a%26)) + string(rune('a'+int(b)%26)), nil", "}", ""]
        gpi += ["/// @en Function number %d." % i,
                "func F%d(a int64, b float64, c string, d []float64) (string, error)" % i, ""]
    for i in range(4):
        go += ["// S%d is a struct with a method." % i,
               "type S%d struct {" % i, "\tA int64", "\tB float64", "\tC string", "\tD []int64", "}", "",
               "// Sum adds the fields up, times k.",
               "func (s *S%d) Sum(k float64) float64 {" % i,
               "\tt := float64(s.A) + s.B", "\tfor _, x := range s.D {", "\t\tt += float64(x)", "\t}",
               "\treturn t * k", "}", ""]
        gpi += ["/// @en Struct number %d." % i, "type S%d struct {" % i, "    A int64", "    B float64",
                "    C string", "    D []int64", "}", "",
                "/// @en Adds the fields up, times k.", "func (s *S%d) Sum(k float64) float64" % i, ""]
    with open(os.path.join(d, "go.mod"), "w") as f:
        f.write("module %s\n\ngo 1.23\n" % GO_MODULE)
    with open(os.path.join(d, "buildspeed.go"), "w") as f:
        f.write("\n".join(go))
    path = os.path.join(d, "buildspeed.gpi")
    with open(path, "w") as f:
        f.write("\n".join(gpi))
    return path


def write_gopy_module(d, gopy_version, pkg_dir):
    """gopy writes a Go package into -output and builds it there: its go.mod finds the bound
    package and gopy's own runtime package."""
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "go.mod"), "w") as f:
        f.write("module gopybuild\n\ngo 1.23\n\nrequire (\n\t%s v0.0.0\n\tgithub.com/go-python/gopy %s\n)\n\n"
                "replace %s => %s\n" % (GO_MODULE, gopy_version, GO_MODULE, pkg_dir))


def timed(argv, cwd, env, limit=600):
    """(exit code, wall seconds, CPU seconds of the build and everything it ran, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - t0, 0.0, "did not finish within %d s" % limit
    except OSError as e:
        return 127, 0.0, 0.0, str(e)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p.returncode, wall, cpu, p.stdout.decode("utf-8", "replace")


def command(job, gpi, out, gpic, tools, gopy_version):
    """(argv, cwd, env) of one build into the fresh directory out."""
    pkg = os.path.dirname(gpi)
    if job == "gopy":
        write_gopy_module(out, gopy_version, pkg)
        env = dict(os.environ, GOFLAGS="-mod=mod")
        env["PATH"] = tools.path + os.pathsep + env.get("PATH", "")
        return [os.path.join(tools.path, "gopy"), "build", "-vm=python3", "-output=" + out, "."], pkg, env
    target = job[len("gpic_"):]
    return [gpic, "build", gpi, "--target", target, "--python", "python3", "-o", out], pkg, None


def run_all(mode, work, gpic, tools, gopy_version, log):
    """{"jobs": {job: {median, min, max, samples, user} | {status, reason}}, "ratios": ...}."""
    root = tempfile.mkdtemp(prefix="buildspeed-", dir=work)
    res = {"decls": DECLS, "goal_seconds": GOAL_SECONDS, "labels": dict(JOBS), "jobs": {}}
    try:
        gpi = write_package(root)
        runs = dict((job, []) for job, _ in JOBS)
        status = {}
        for job, _ in JOBS:
            if job.startswith("gpic_") and gpic.status != "ok":
                status[job] = {"status": "failed", "reason": gpic.reason}
            if job == "gopy" and tools.status != "ok":
                status[job] = {"status": "failed", "reason": tools.reason}
        plan = [job for job, _ in JOBS if job not in status]
        for job in plan:  # warming: Go's build cache, gpic's runtime cache, gopy's tool
            out = tempfile.mkdtemp(prefix="warm-", dir=root)
            argv, cwd, env = command(job, gpi, out, gpic.path, tools, gopy_version)
            rc, wall, _, err = timed(argv, cwd, env)
            shutil.rmtree(out, ignore_errors=True)
            if rc != 0:
                status[job] = {"status": "failed", "reason": (err.strip() or "exit %s" % rc)[-300:]}
                log("build %-13s failed: %s" % (job, status[job]["reason"]))
        plan = [job for job in plan if job not in status] * REPS[mode]
        random.Random(1).shuffle(plan)  # interleave the jobs, so that drift hits them all
        for job in plan:
            out = tempfile.mkdtemp(prefix="out-", dir=root)
            argv, cwd, env = command(job, gpi, out, gpic.path, tools, gopy_version)
            rc, wall, cpu, err = timed(argv, cwd, env)
            shutil.rmtree(out, ignore_errors=True)
            if rc != 0:
                status[job] = {"status": "failed", "reason": (err.strip() or "exit %s" % rc)[-300:]}
                continue
            runs[job].append({"wall": wall, "cpu": cpu})
            log("build %-13s %7.3f s wall %7.3f s cpu" % (job, wall, cpu))
        for job, _ in JOBS:
            if job in status:
                res["jobs"][job] = status[job]
                continue
            walls = [r["wall"] for r in runs[job]]
            cpus = [r["cpu"] for r in runs[job]]
            res["jobs"][job] = {"status": "ok", "median": statistics.median(walls), "min": min(walls),
                                "max": max(walls), "n": len(walls), "samples": walls,
                                "cpu_median": statistics.median(cpus)}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    res["load_average_1min"] = os.getloadavg()[0]
    return res


def ratio(res, a, b, key="median"):
    """Job a's median wall time (key="cpu_median": CPU time) over job b's, or None."""
    ja, jb = res["jobs"].get(a, {}), res["jobs"].get(b, {})
    if ja.get("status") != "ok" or jb.get("status") != "ok":
        return None
    return ja[key] / jb[key]


WORDS = {
    "en": {"title": "Build speed: a warm `gpic build` of a %d-declaration package",
           "text": "Wall time of one build into a fresh output directory, Go's build cache and gpic's cache warm "
                   "(what a rebuild after editing the .gpi costs); CPU is user + system time of the build and "
                   "everything it ran, which the machine's load moves less. 1-minute load average at the end: %.1f.",
           "cols": ["Build", "Median wall", "Min – max", "n", "Median CPU", "× gpic cffi", "× gopy"],
           "goal": "Goal (issue 12): the cpython-target build under %.0f s wall: **%s**."},
    "ko": {"title": "빌드 속도: 선언 %d개 패키지의 캐시된 `gpic build`",
           "text": "새 출력 디렉터리로 한 번 빌드하는 벽시계 시간입니다. Go 빌드 캐시와 gpic 캐시는 데워진 상태입니다"
                   "(.gpi를 고친 뒤 다시 빌드하는 비용). CPU는 빌드와 그것이 실행한 모든 프로세스의 사용자 + 시스템 "
                   "시간으로, 기계의 부하에 덜 흔들립니다. 끝날 때의 1분 평균 부하: %.1f.",
           "cols": ["빌드", "벽시계 중앙값", "최소 – 최대", "n", "CPU 중앙값", "× gpic cffi", "× gopy"],
           "goal": "목표(이슈 12): cpython 타깃 빌드가 벽시계 %.0f초 미만: **%s**."},
}


def markdown(res, lang):
    """The build-speed table, in English or Korean."""
    W = WORDS[lang]
    lines = ["### " + W["title"] % res["decls"], "", W["text"] % res.get("load_average_1min", 0.0), "",
             "| " + " | ".join(W["cols"]) + " |", "|" + "---|" * len(W["cols"])]
    for job, _ in JOBS:
        j = res["jobs"].get(job, {})
        label = res["labels"].get(job, job)
        if j.get("status") != "ok":
            lines.append("| %s | %s | | | | | |" % (label, j.get("status", "—") + ": " + j.get("reason", "")[:80]))
            continue
        def fmt(other):
            if job == other or ratio(res, job, other) is None:
                return "—"
            return "%.2f× (CPU %.2f×)" % (ratio(res, job, other), ratio(res, job, other, "cpu_median"))
        lines.append("| %s | %.2f s | %.2f – %.2f s | %d | %.2f s | %s | %s |" % (
            label, j["median"], j["min"], j["max"], j["n"], j["cpu_median"], fmt("gpic_cffi"), fmt("gopy")))
    cp = res["jobs"].get("gpic_cpython", {})
    if cp.get("status") == "ok":
        met = cp["median"] < res["goal_seconds"]
        verdict = {"en": ("met", "MISSED"), "ko": ("달성", "미달")}[lang][0 if met else 1]
        lines += ["", W["goal"] % (res["goal_seconds"], "%s (%.2f s)" % (verdict, cp["median"]))]
    return "\n".join(lines) + "\n"
