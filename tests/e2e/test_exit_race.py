"""Interpreter exit while goroutines call back into Python, on every Python target and
interpreter: the process must end normally, every time.

Each run starts goroutines that call Python callbacks without pause (kitchen.Background, and
kitchen.Publish notifying listeners from a daemon thread) and lets the interpreter exit after a
short, varied sleep. A goroutine that took the GIL once the interpreter was finalising used to
end the process with SIGSEGV now and then (CPython ends such a thread with pthread_exit, and
the thread state Go's thread kept is freed by then). The race is narrow, so the scenario runs
many times, several processes at once, each bounded in time."""

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT, TARGETS, require_interpreter

GPI = os.path.join(ROOT, "samples", "kitchen", "kitchen.gpi")
RUNS = 40
PARALLEL = 4      # processes at once: the load widens the window the race needs
TIMEOUT = 120     # seconds for one process; a run takes well under one

PROGRAM = """
import sys, threading, time
import kitchen

class Listener:
    def Notify(self, event, n):
        pass

for _ in range(3):
    kitchen.Subscribe(Listener())
for _ in range(4):
    kitchen.Background(10**9, lambda i: None)
keep = [kitchen.Point(i, i) for i in range(1000)]
threading.Thread(target=kitchen.Publish, args=("x", 10**9), daemon=True).start()
time.sleep(float(sys.argv[1]))
print("exiting")
"""


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_exit_while_goroutines_call_back(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    python = require_interpreter(interpreter)
    env = dict(os.environ, PYTHONPATH=out)

    def run(i):
        sleep = "%.3f" % ((i % 8) * 0.01)  # 0 to 70 ms: exit at different points of the callbacks
        r = subprocess.run([python, "-c", PROGRAM, sleep], capture_output=True, text=True, env=env,
                           timeout=TIMEOUT)
        return sleep, r

    with ThreadPoolExecutor(PARALLEL) as pool:
        runs = list(pool.map(run, range(RUNS)))
    failed = [(sleep, r) for sleep, r in runs if r.returncode != 0 or r.stdout.strip() != "exiting"]
    assert not failed, "%d of %d runs failed; the first (sleep %s): exit %d\n%s\n%s" % (
        len(failed), RUNS, failed[0][0], failed[0][1].returncode, failed[0][1].stdout[-2000:],
        failed[0][1].stderr[-2000:])
