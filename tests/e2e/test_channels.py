"""Go channels end to end (tests/e2e/fixtures/chans): `chan T`, `<-chan T` and `chan<- T` as
parameters, results and fields, on every Python target; and Ctrl-C stopping a blocked receive
or send."""

import os
import signal
import subprocess
import time

import pytest

from conftest import ROOT, TARGETS, check_names, require_interpreter

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "chans", "chans.gpi")
CHECKS = "channels_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(CHECKS))
def test_channels(check_results, target, interpreter, check):
    results = check_results(GPI, CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]


# A blocked receive and a blocked send, each in its own process that SIGINT interrupts.
BLOCKED = {
    "receive": "for v in chans.Never():\n    pass\n",
    "send": "chans.Pipe(0).send('nobody receives')\n",
}


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("op", sorted(BLOCKED))
def test_ctrl_c_stops_a_blocked_channel_operation(build_cache, target, interpreter, op):
    out = build_cache(GPI, interpreter, target)
    code = ("import sys, chans\nprint('ready', flush=True)\ntry:\n" +
            "".join("    " + line + "\n" for line in BLOCKED[op].splitlines()) +
            "except KeyboardInterrupt:\n    print('interrupted', flush=True)\n    sys.exit(42)\n")
    p = subprocess.Popen([require_interpreter(interpreter), "-c", code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=out))
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # inside the blocking wait
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        rc = p.wait(timeout=10)
        took = time.monotonic() - sent
    finally:
        if p.poll() is None:
            p.kill()
    assert rc == 42, (rc, p.stdout.read(), p.stderr.read())
    assert took < 2, took


# samples/concurrency's channel producer and iter.Seq generator (streams.go): the same build
# as test_aio.py's, shared through the session's build cache.
SAMPLE = os.path.join(ROOT, "samples", "concurrency", "concurrency.gpi")
SAMPLE_CHECKS = "streams_checks.py"


@pytest.mark.parametrize("target, interpreter", TARGETS)
@pytest.mark.parametrize("check", check_names(SAMPLE_CHECKS))
def test_sample_streams(check_results, target, interpreter, check):
    results = check_results(SAMPLE, SAMPLE_CHECKS, interpreter, target)
    assert check in results, "check %s did not run" % check
    assert results[check] is None, results[check]
