"""Output that is never half-written and never someone else's: concurrent runs into one
directory, runs killed at random moments, a killed `gpic build` and its child processes, the
exact "generated" marker, symbolic links below the output directory, and `gpic docs --stamp`
through a link. Every loop is bounded in count and time."""

import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from conftest import ROOT, gpic_binary, require_interpreter

BASICS = os.path.join(ROOT, "tests", "e2e", "fixtures", "basics", "basics.gpi")
TEMP_PREFIX = ".gpic-tmp-"


def run_gpic(*args, cwd=None, timeout=300):
    return subprocess.run([gpic_binary(), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def snapshot(root):
    """{relative path: bytes} of every regular file below root, leaving out gpic's temporaries."""
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(TEMP_PREFIX)]
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def temporaries(root):
    return [n for n in os.listdir(root) if n.startswith(TEMP_PREFIX)]


def big_gpi(version, structs=100, funcs=1000):
    """A package large enough that generating it takes a while; `version` changes every file."""
    lines = ['/// @en A large package, version %s.' % version, '/// @ko 큰 패키지, 버전 %s.' % version,
             'package big "example.com/big"', '']
    for i in range(structs):
        lines += ['/// @en Record%d holds values (v%s).' % (i, version), '/// @ko Record%d는 값을 담습니다.' % i,
                  'type Record%d struct {' % i, '\tName string', '\tCount int', '\tRatio float64',
                  '\tTags []string', '\tNext *Record%d' % ((i + 1) % structs), '}', '']
    for i in range(funcs):
        lines += ['/// @en Op%d combines its arguments (v%s).' % (i, version), '/// @ko Op%d는 인자를 조합합니다.' % i,
                  'func Op%d(a int, b string, r Record%d) (Record%d, error)' % (i, i % structs, (i + 1) % structs), '']
    return "\n".join(lines) + "\n"


BIG_TARGETS = ["-t", "cgo", "-t", "cffi", "-t", "pyi", "-t", "docs", "--lang", "en,ko"]


# --- concurrent runs -------------------------------------------------------------------------

def test_concurrent_runs_into_one_directory_keep_a_complete_manifest(tmp_path):
    # Two different runs into one directory at the same moment: before the lock, one in three
    # pairs lost the other's manifest entries, and later runs refused gpic's own CSS.
    (tmp_path / "basics.gpi").write_text(open(BASICS, encoding="utf-8").read(), encoding="utf-8")
    pairs = 100
    deadline = time.monotonic() + 600
    for i in range(pairs):
        assert time.monotonic() < deadline, "the concurrent pairs took too long (%d done)" % i
        out = tmp_path / ("out%d" % i)
        runs = [subprocess.Popen([gpic_binary(), *targets, "-o", str(out), "basics.gpi"], cwd=tmp_path,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for targets in (["-t", "docs"], ["-t", "cffi", "-t", "pyi"])]
        for r in runs:
            _, err = r.communicate(timeout=120)
            assert r.returncode == 0, err
        manifest = set((out / ".gpic-manifest").read_text().split())
        written = set(snapshot(out)) - {".gpic-manifest"}
        assert manifest == written, "pair %d: manifest lost %s" % (i, sorted(written - manifest))
        assert not temporaries(out)
    # A later run replaces every file of both, the CSS (no marker, manifest only) included.
    r = run_gpic("-t", "docs", "-t", "cffi", "-t", "pyi", "-o", str(tmp_path / "out0"), "basics.gpi", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


# --- runs killed at random moments -----------------------------------------------------------

def test_killed_runs_leave_the_old_or_the_new_output_and_no_temporaries(tmp_path):
    versions = {}
    refs = {}
    for v in ("1", "2"):
        (tmp_path / v).mkdir()
        (tmp_path / v / "big.gpi").write_text(big_gpi(v), encoding="utf-8")
        ref = tmp_path / ("ref" + v)
        start = time.monotonic()
        r = run_gpic(*BIG_TARGETS, "-o", str(ref), "big.gpi", cwd=tmp_path / v)
        assert r.returncode == 0, r.stderr
        versions[v] = time.monotonic() - start
        refs[v] = snapshot(ref)
    assert refs["1"].keys() == refs["2"].keys()
    # Every generated module, stub and page differs (the runtime files copied as they are do not).
    differing = [k for k in refs["1"] if refs["1"][k] != refs["2"][k]]
    assert len(differing) >= 10 and "big.pyi" in differing and "big/__init__.py" in differing, differing
    run_time = max(versions.values())

    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("the user's own file\n")
    assert run_gpic(*BIG_TARGETS, "-o", str(out), "big.gpi", cwd=tmp_path / "1").returncode == 0

    def state():
        """Which output the directory holds: "1", "2", or None for anything else. A sealed
        staging directory (a kill after the commit point) counts as its content rolled forward,
        which the next run does before anything else."""
        files = snapshot(out)
        assert files.pop("mine.txt") == b"the user's own file\n"
        for t in temporaries(out):
            staging = out / t
            if (staging / ".gpic-commit").exists():
                files.update(snapshot(staging))
                del files[".gpic-commit"]
        for v, ref in refs.items():
            if files == ref:
                return v
        return None

    rng = random.Random(1234)
    kills, least, budget = 100, 30, 600  # up to 100 kills in 10 minutes, at least 30 however slow
    current = "1"
    seen = {"kills": 0, "killed mid-run": 0, "left a temporary": 0, "old": 0, "new": 0}
    deadline = time.monotonic() + budget
    for i in range(kills):
        if time.monotonic() > deadline:
            break
        target = "2" if current == "1" else "1"
        p = subprocess.Popen([gpic_binary(), *BIG_TARGETS, "-o", str(out), "big.gpi"], cwd=tmp_path / target,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, run_time))
        if p.poll() is None:
            seen["killed mid-run"] += 1
            run_time *= 1.05
        else:
            run_time *= 0.85  # the machine got faster: aim the kills inside the run again
        p.kill()
        p.wait(timeout=60)
        seen["kills"] += 1
        if temporaries(out):
            seen["left a temporary"] += 1
        now = state()
        assert now in (current, target), "kill %d left a mix of old and new output" % i
        seen["old" if now == current else "new"] += 1
        current = now
    print("kills:", seen)
    assert seen["kills"] >= least, seen
    # The next run removes what the killed ones left, and completes a committed one.
    r = run_gpic(*BIG_TARGETS, "-o", str(out), "big.gpi", cwd=tmp_path / "1")
    assert r.returncode == 0, r.stderr
    assert not temporaries(out)
    assert state() == "1"
    assert seen["killed mid-run"] >= seen["kills"] // 4, seen
    assert seen["left a temporary"] > 0, seen


# --- a killed gpic build ---------------------------------------------------------------------

def processes():
    """{pid: (ppid, pgid, comm)} from /proc, zombies left out."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":
            table[int(name)] = (int(fields[1]), int(fields[2]), comm)
    return table


def command_line(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return [a.decode() for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    return predicate()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_go_build_running(tmp_path, sig):
    require_interpreter("python3")
    # A fresh build cache makes `go build` long enough to be caught running.
    env = dict(os.environ, GOCACHE=str(tmp_path / "gocache"))
    out = tmp_path / "out"
    p = subprocess.Popen([gpic_binary(), "build", BASICS, "--target", "cffi", "-o", str(out)], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def go_child():
            # `go build`, not the `go env` gpic runs first to learn the toolchain's version.
            return next((pid for pid, (ppid, _, comm) in processes().items()
                         if ppid == p.pid and comm == "go" and command_line(pid)[1:2] == ["build"]), None)
        go = wait_for(go_child, 120)
        assert go, "gpic build never started go build"
        go_group = processes()[go][1]
        p.send_signal(sig)
        p.wait(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == -sig
    group = lambda: [pid for pid, (_, pgid, _) in processes().items() if pgid == go]
    # go itself goes at once; after SIGKILL its own children (compile, cgo, gcc) may finish the
    # step they are on, and then exit: nothing of the group is left.
    assert wait_for(lambda: go not in processes(), 10), "go build outlived gpic"
    assert go_group == go, "go build did not lead its own process group"
    assert wait_for(lambda: not group(), 120 if sig == signal.SIGKILL else 10), \
        "left running: %s" % [processes().get(pid) for pid in group()]
    shutil.rmtree(tmp_path / "gocache", ignore_errors=True)


# --- the marker, links ------------------------------------------------------------------------

def test_a_file_that_says_it_is_not_generated_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "basics.pyi"
    mine.write_text("# NOT generated by gpic -- keep it!\nx: int\n")
    r = run_gpic("-t", "pyi", "-o", str(out), BASICS)
    assert r.returncode == 1
    assert "refusing to overwrite" in r.stderr and "basics.pyi" in r.stderr
    assert mine.read_text() == "# NOT generated by gpic -- keep it!\nx: int\n"
    assert sorted(os.listdir(out)) == ["basics.pyi"]


def test_a_symlinked_subdirectory_pointing_outside_is_refused(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "basics").symlink_to(outside, target_is_directory=True)
    r = run_gpic("-t", "cffi", "-t", "pyi", "-o", str(out), BASICS)
    assert r.returncode == 1
    assert "symbolic link" in r.stderr and str(out / "basics") in r.stderr, r.stderr
    assert os.listdir(outside) == []
    assert sorted(os.listdir(out)) == ["basics"] and (out / "basics").is_symlink()


def test_a_plugin_cannot_write_gpics_own_bookkeeping(tmp_path):
    plugin = tmp_path / "bin" / "gpic-gen-sneaky"
    plugin.parent.mkdir()
    plugin.write_text("#!/bin/sh\ncat >/dev/null\n"
                      "printf '%s' '{\"files\": [{\"path\": \".gpic-manifest\", \"content\": \"mine.txt\\\\n\"}]}'\n")
    plugin.chmod(0o755)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("the user's\n")
    env = dict(os.environ, PATH=str(plugin.parent) + os.pathsep + os.environ["PATH"])
    r = subprocess.run([gpic_binary(), "-t", "sneaky", "-o", str(out), BASICS], capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 1, r.stderr
    assert "a name gpic keeps for itself" in r.stderr
    assert sorted(os.listdir(out)) == ["mine.txt"]


def test_docs_stamp_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "src" / "hello.gpi"
    real.parent.mkdir()
    real.write_text('/// @en Greetings.\n/// @ko 인사말입니다.\npackage hello "example.com/hello"\n', encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "hello.gpi"
    link.symlink_to(os.path.relpath(real, tmp_path))
    r = run_gpic("docs", "--stamp", "hello.gpi", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(real, tmp_path)
    assert "/// @ko[" in real.read_text(encoding="utf-8")
    assert (real.stat().st_mode & 0o777) == 0o640
    assert os.listdir(real.parent) == ["hello.gpi"]
