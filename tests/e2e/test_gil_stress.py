"""The GIL under load (issue 4 §3), on every Python target and interpreter: 8 Python threads
each call a Go function (kitchen.ParallelMap) that calls back into Python 10,000 times from
other goroutines. Every call must finish (no deadlock between the GIL and Go's scheduler),
every callback must return to the right caller with the right value, and the callbacks must
really have run on threads other than the callers'.

Each (target, interpreter) runs in its own process with a deadline: a deadlock is a failure
with the threads' stacks, never a hung test run."""

import os

import pytest

from conftest import ROOT, TARGETS, run_python

GPI = os.path.join(ROOT, "samples", "kitchen", "kitchen.gpi")
THREADS = 8
CALLS = 10000
DEADLINE = 600  # seconds for the whole process; the work takes a few seconds

PROGRAM = """
import faulthandler, sys, threading, time
import kitchen

faulthandler.dump_traceback_later(%(deadline)d - 30, exit=True)  # a deadlock shows its stacks
THREADS, CALLS = %(threads)d, %(calls)d
results, errors = {}, []


def worker(t):
    try:
        caller = threading.get_ident()
        seen = set()
        lock = threading.Lock()
        count = [0]

        def f(x):
            with lock:
                count[0] += 1
                seen.add(threading.get_ident())
            return x * 3 + t  # each caller's callbacks answer differently

        out = kitchen.ParallelMap(list(range(CALLS)), 4, f)
        want = [x * 3 + t for x in range(CALLS)]
        if list(out) != want:
            bad = next(i for i in range(CALLS) if out[i] != want[i])
            raise AssertionError("thread %%d: element %%d is %%r, want %%r" %% (t, bad, out[bad], want[bad]))
        if count[0] != CALLS:
            raise AssertionError("thread %%d: %%d callbacks, want %%d" %% (t, count[0], CALLS))
        results[t] = len(seen - {caller})
    except BaseException as e:
        errors.append("thread %%d: %%r" %% (t, e))


start = time.time()
threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
if errors:
    print("errors", errors)
    sys.exit(1)
others = sum(results.values())
print("ok", len(results), others, "%%.2f" %% (time.time() - start))
""" % {"deadline": DEADLINE, "threads": THREADS, "calls": CALLS}


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_eight_threads_of_callbacks_from_goroutines(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = run_python(interpreter, out, PROGRAM, timeout=DEADLINE)
    assert r.returncode == 0, "exit %d (a deadlock dumps the stacks):\n%s\n%s" % (r.returncode, r.stdout[-3000:],
                                                                                r.stderr[-6000:])
    words = r.stdout.split()
    assert words[:2] == ["ok", str(THREADS)], r.stdout
    assert int(words[2]) >= THREADS, "callbacks did not run on goroutines' threads: %s" % r.stdout
