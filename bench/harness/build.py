"""Build every contender of the benchmark from source with the real toolchains.

Each builder returns a Build: status "ok", "n/a" (the construct or target is not supported by
gpic yet: an honest gap, shown as such) or "failed" (anything else: the run must not look green),
with the reason and the log. Builds are cached in the work directory under a stamp of their
inputs, so a second run (or the --quick pass of scripts/test) does not rebuild what is unchanged.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
GOPKG = os.path.join(BENCH, "gopkg")
FLOORS = os.path.join(BENCH, "floors")
TOOLS = os.path.join(BENCH, "tools")

GPIC_GROUPS = ["scalar", "struct", "callback", "slice", "bytes"]
# gpic's Python targets: (contender id, --target, --python)
GPIC_TARGETS = [
    ("gpic_cffi_cpython", "cffi", "python3"),
    ("gpic_cffi_pypy", "cffi", "pypy3"),
    ("gpic_cpython", "cpython", "python3"),
]
UNSUPPORTED_RX = re.compile(r"error:.*(cannot bind|not (yet )?supported|unsupported|does not support|not implemented)",
                            re.IGNORECASE)


class Build(object):
    def __init__(self, status, path=None, reason="", log="", module=None, source=None):
        self.status = status
        self.path = path
        self.reason = reason
        self.log = log
        self.module = module
        self.source = source  # where a built tool came from (gpic: the commit)

    def as_json(self):
        return {"status": self.status, "path": self.path, "reason": self.reason,
                "module": self.module, "source": self.source, "log_tail": self.log[-4000:]}


def run(cmd, cwd=None, env=None, timeout=1200):
    """Run cmd; return (returncode, combined output)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except FileNotFoundError as e:
        return 127, str(e)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode("utf-8", "replace") if e.stdout else ""
        return 124, out + "\n(timed out after %ss)" % timeout
    return p.returncode, p.stdout.decode("utf-8", "replace")


def _hash_files(paths, extra=""):
    h = hashlib.sha256(extra.encode())
    for p in sorted(paths):
        h.update(p.encode())
        if os.path.isfile(p):
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def _tree_files(d, exts):
    out = []
    for base, _, files in os.walk(d):
        for f in files:
            if f.endswith(exts):
                out.append(os.path.join(base, f))
    return out


def _cached(outdir, stamp):
    p = os.path.join(outdir, ".stamp")
    return os.path.isfile(p) and open(p).read() == stamp


def _write_stamp(outdir, stamp):
    with open(os.path.join(outdir, ".stamp"), "w") as f:
        f.write(stamp)


def _fresh(outdir):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)


def tool_version(cmd):
    rc, out = run(cmd, timeout=60)
    return out.strip().splitlines()[0] if rc == 0 and out.strip() else "unavailable"


# --- floors ----------------------------------------------------------------------------------

def build_floors(work, log):
    """gofloor as c-archive and c-shared, the C loop, the METH_FASTCALL and cffi modules."""
    outdir = os.path.join(work, "floors")
    inputs = _tree_files(GOPKG, (".go", ".mod")) + _tree_files(FLOORS, (".go", ".mod", ".c", ".py"))
    stamp = _hash_files(inputs, tool_version(["go", "version"]) + sys.version
                        + tool_version(["pypy3", "--version"]))
    if _cached(outdir, stamp):
        return Build("ok", outdir)
    _fresh(outdir)
    gofloor = os.path.join(FLOORS, "gofloor")
    steps = [
        (["go", "build", "-buildmode=c-archive", "-o", os.path.join(outdir, "libfloor.a"), "."], gofloor),
        (["go", "build", "-buildmode=c-shared", "-o", os.path.join(outdir, "libfloor.so"), "."], gofloor),
        (["gcc", "-O2", "-Wall", "-I", outdir, os.path.join(FLOORS, "cloop.c"),
          os.path.join(outdir, "libfloor.a"), "-lpthread", "-o", os.path.join(outdir, "cloop")], None),
        (["gcc", "-O2", "-Wall", "-shared", "-fPIC", "-I", sysconfig.get_paths()["include"], "-I", outdir,
          os.path.join(FLOORS, "fastcall.c"), os.path.join(outdir, "libfloor.a"), "-lpthread",
          "-o", os.path.join(outdir, "fastcall", "floor_fastcall" + sysconfig.get_config_var("EXT_SUFFIX"))],
         None),
        (["python3", os.path.join(FLOORS, "cffi_build.py"), os.path.join(outdir, "cffi_cpython"), outdir], None),
        (["pypy3", os.path.join(FLOORS, "cffi_build.py"), os.path.join(outdir, "cffi_pypy"), outdir], None),
    ]
    os.makedirs(os.path.join(outdir, "fastcall"))
    text = ""
    for cmd, cwd in steps:
        log("  $ " + " ".join(cmd))
        rc, out = run(cmd, cwd=cwd)
        text += "$ %s\n%s\n" % (" ".join(cmd), out)
        if rc != 0:
            return Build("failed", outdir, "floor build step failed: %s (exit %d): %s"
                         % (" ".join(cmd[:3]), rc, out.strip()[-300:]), text)
    _write_stamp(outdir, stamp)
    return Build("ok", outdir, log=text)


# --- gopy ------------------------------------------------------------------------------------

GOPY_VERSION = "v0.5.0"  # keep in step with bench/tools/go.mod


def build_tools(work, log):
    """gopy and goimports, pinned by bench/tools/go.mod, built through the Go module proxy."""
    bindir = os.path.join(work, "bin")
    stamp = _hash_files([os.path.join(TOOLS, "go.mod"), os.path.join(TOOLS, "go.sum")],
                        tool_version(["go", "version"]))
    if _cached(bindir, stamp) and all(os.path.exists(os.path.join(bindir, t)) for t in ("gopy", "goimports")):
        return Build("ok", bindir)
    os.makedirs(bindir, exist_ok=True)
    cmd = ["go", "build", "-o", bindir + os.sep, "github.com/go-python/gopy", "golang.org/x/tools/cmd/goimports"]
    log("  $ " + " ".join(cmd))
    env = dict(os.environ, GOFLAGS="-mod=mod")
    rc, out = run(cmd, cwd=TOOLS, env=env)
    if rc != 0:
        return Build("failed", bindir, "could not build gopy/goimports: " + out.strip()[-300:], out)
    _write_stamp(bindir, stamp)
    return Build("ok", bindir, log=out)


def build_gopy(work, tools, log):
    outroot = os.path.join(work, "gopy")
    outdir = os.path.join(outroot, "gopy_gpicbench")
    if tools.status != "ok":
        return Build("failed", outroot, tools.reason, tools.log)
    inputs = _tree_files(GOPKG, (".go", ".mod")) + [os.path.join(TOOLS, "go.mod")]
    stamp = _hash_files(inputs, tool_version(["go", "version"]) + sys.version)
    if _cached(outroot, stamp):
        return Build("ok", outroot, module="gopy_gpicbench")
    _fresh(outroot)
    os.makedirs(outdir)
    # gopy writes a Go package into -output and runs `go build` there, so that directory needs a
    # go.mod that finds both the bound package and gopy's own runtime package (gopyh).
    with open(os.path.join(outdir, "go.mod"), "w") as f:
        f.write("module gopybuild\n\ngo 1.23\n\nrequire (\n\texample.com/gpicbench v0.0.0\n"
                "\tgithub.com/go-python/gopy %s\n)\n\nreplace example.com/gpicbench => %s\n"
                % (GOPY_VERSION, GOPKG))
    env = dict(os.environ)
    env["PATH"] = tools.path + os.pathsep + env.get("PATH", "")
    env["GOFLAGS"] = "-mod=mod"
    cmd = [os.path.join(tools.path, "gopy"), "build", "-vm=python3", "-output=" + outdir, "."]
    log("  $ " + " ".join(cmd))
    rc, out = run(cmd, cwd=GOPKG, env=env)
    if rc != 0:
        return Build("failed", outroot, "gopy build failed (exit %d): %s" % (rc, out.strip()[-300:]), out)
    _write_stamp(outroot, stamp)
    return Build("ok", outroot, log=out, module="gopy_gpicbench")


# --- gpic ------------------------------------------------------------------------------------

def snapshot_head(dest, log):
    """Copies the committed tree (HEAD) into dest, rewriting only the files that changed, so that
    CMake rebuilds incrementally. Reads git, never changes the work tree, the index or refs."""
    import filecmp
    import tarfile
    import tempfile

    rc, commit = run(["git", "-C", ROOT, "rev-parse", "HEAD"], timeout=60)
    if rc != 0:
        return None, "git rev-parse HEAD failed: " + commit.strip()
    commit = commit.strip()
    with tempfile.TemporaryDirectory() as tmp:
        tar = os.path.join(tmp, "head.tar")
        rc, out = run(["git", "-C", ROOT, "archive", "--format=tar", "-o", tar, "HEAD"], timeout=300)
        if rc != 0:
            return None, "git archive failed: " + out.strip()
        fresh = os.path.join(tmp, "tree")
        with tarfile.open(tar) as t:
            t.extractall(fresh)
        keep = set()
        for base, _, files in os.walk(fresh):
            for f in files:
                src = os.path.join(base, f)
                rel = os.path.relpath(src, fresh)
                keep.add(rel)
                dst = os.path.join(dest, rel)
                if os.path.isfile(dst) and filecmp.cmp(src, dst, shallow=False):
                    continue
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy2(src, dst)
                os.utime(dst)  # newer than anything built from the old copy
        for base, _, files in os.walk(dest):
            for f in files:
                p = os.path.join(base, f)
                if os.path.relpath(p, dest) not in keep:
                    os.remove(p)
    log("  gpic sources: HEAD %s copied to %s" % (commit[:12], dest))
    return commit, ""


def find_gpic(work, log, source="head"):
    """The gpic binary: $GPIC, else one built with CMake in the work directory from the committed
    tree (source="head", the default: other developers' uncommitted edits do not break or skew
    the run) or from the work tree as it is (source="worktree"). Never the developers' own
    build/, which another build may be using at the same time."""
    env = os.environ.get("GPIC")
    if env:
        if os.access(env, os.X_OK):
            return Build("ok", env, source="$GPIC=" + env)
        return Build("failed", env, "$GPIC=%s is not an executable" % env)
    src = ROOT
    bdir = os.path.join(work, "gpic-worktree-build")
    rc, desc = run(["git", "-C", ROOT, "describe", "--always", "--dirty"], timeout=60)
    described = "work tree at " + desc.strip()
    if source == "head":
        src = os.path.join(work, "gpic-src")
        bdir = os.path.join(work, "gpic-head-build")
        os.makedirs(src, exist_ok=True)
        commit, err = snapshot_head(src, log)
        if commit is None:
            return Build("failed", None, err)
        described = "commit " + commit[:12]
    path = os.path.join(bdir, "gpic")
    text = ""
    if not os.path.exists(os.path.join(bdir, "CMakeCache.txt")):
        cmd = ["cmake", "-S", src, "-B", bdir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"]
        log("  $ " + " ".join(cmd))
        rc, out = run(cmd)
        text += out
        if rc != 0:
            return Build("failed", path, "cmake configure failed: " + first_error(out), text)
    cmd = ["cmake", "--build", bdir, "--target", "gpic"]
    log("  $ " + " ".join(cmd))
    rc, out = run(cmd)
    text += out
    if rc != 0 or not os.access(path, os.X_OK):
        return Build("failed", path, "gpic did not build (%s): %s" % (described, first_error(out)), text,
                     source=described)
    return Build("ok", path, log=text, source=described)


def gpic_targets(gpic):
    """Names from `gpic --list-targets` (first word of each line)."""
    rc, out = run([gpic, "--list-targets"], timeout=60)
    if rc != 0:
        return None, out
    names = []
    for line in out.splitlines():
        words = line.split()
        if words and re.fullmatch(r"[a-z][a-z0-9_]*", words[0]):  # skips "gpic-gen-NAME on PATH: ..."
            names.append(words[0])
    return names, out


def first_error(out):
    """The line of a tool's output that says what went wrong, without its directory prefix."""
    lines = out.splitlines()
    for rx in (r"\berror:", r"CMake Error", r"^FAILED:", r"(?i)\berror\b"):
        for line in lines:
            if re.search(rx, line):
                return re.sub(r"^\S*/([^/\s]+:\d+)", r"\1", line.strip())[:240]
    lines = [l for l in lines if l.strip()]
    return lines[-1].strip()[:240] if lines else "(no output)"


def gpi_module_name(gpi_path):
    with open(gpi_path) as f:
        for line in f:
            m = re.match(r"\s*package\s+([A-Za-z_][A-Za-z0-9_]*)", line)
            if m:
                return m.group(1)
    raise ValueError("no package clause in " + gpi_path)


def importable(d, module):
    """A package directory d/module/ (cffi target) or an extension module d/module.*.so (cpython)."""
    if os.path.isdir(os.path.join(d, module)):
        return True
    return os.path.isdir(d) and any(f.startswith(module + ".") and f.endswith((".so", ".pyd"))
                                    for f in os.listdir(d))


def build_gpic(work, gpic, log, groups=None):
    """{contender: {group: Build}} for every gpic Python target and .gpi group (or only the
    groups named: a filtered run builds what it measures)."""
    out = {}
    listed, listing = (None, "")
    if gpic.status == "ok":
        listed, listing = gpic_targets(gpic.path)
    for contender, target, python in GPIC_TARGETS:
        out[contender] = {}
        for group in GPIC_GROUPS if groups is None else [g for g in GPIC_GROUPS if g in groups]:
            gpi = os.path.join(GOPKG, "bench_%s.gpi" % group)
            module = gpi_module_name(gpi)
            if gpic.status != "ok":
                out[contender][group] = Build("failed", None, gpic.reason, gpic.log, module)
                continue
            if listed is None:
                out[contender][group] = Build("failed", None, "`gpic --list-targets` failed: "
                                              + listing.strip()[-300:], listing, module)
                continue
            if target not in listed:
                out[contender][group] = Build("n/a", None, "gpic has no `%s` target yet" % target,
                                              listing, module)
                continue
            outdir = os.path.join(work, "gpic", contender, group)
            inputs = [gpi, gpic.path] + _tree_files(GOPKG, (".go", ".mod"))
            stamp = _hash_files(inputs, tool_version(["go", "version"]) + tool_version([python, "--version"]))
            pkgdir = os.path.join(outdir, "pkg")  # gpic's -o DIR; the stamp stays outside it
            if _cached(outdir, stamp) and importable(pkgdir, module):
                out[contender][group] = Build("ok", pkgdir, module=module)
                continue
            _fresh(outdir)
            cmd = [gpic.path, "build", gpi, "--target", target, "-o", pkgdir]
            if python != "python3":
                cmd += ["--python", python]
            log("  $ " + " ".join(cmd))
            rc, text = run(cmd, cwd=GOPKG)
            if rc != 0:
                status = "failed"
                if group != "scalar" and UNSUPPORTED_RX.search(text):
                    status = "n/a"  # gpic says plainly that it does not bind this construct yet
                out[contender][group] = Build(status, None, first_error(text), text, module)
                continue
            if not importable(pkgdir, module):
                out[contender][group] = Build("failed", None, "gpic build exited 0 but wrote no %s package "
                                              "or extension module in %s" % (module, pkgdir), text, module)
                continue
            _write_stamp(outdir, stamp)
            out[contender][group] = Build("ok", pkgdir, log=text, module=module)
    return out
