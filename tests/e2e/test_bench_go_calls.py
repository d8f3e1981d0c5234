"""Keeps the Go -> Python benchmark working (issue 13 item 5): `scripts/bench --go-calls-only
--quick` must build every contender for real (gpic's generated Go package, the hand-written cgo
floor, the gRPC client and its grpcio server), measure Noop and Detect on each, find the same
outlier indices as the direct Python call, and write the JSON and the table with the ratios.
A contender that fails to build or to run fails this test; it never drops out of the table."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "harness"))

import go_calls  # noqa: E402


def test_bench_go_calls_quick(tmp_path):
    out = tmp_path / "results"
    p = subprocess.run([os.path.join(ROOT, "scripts", "bench"), "--quick", "--go-calls-only",
                        "--out", str(out)],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=2400)
    doc_path = out / "go-calls-latest.json"
    assert doc_path.exists(), "no JSON written; exit %d\n%s" % (p.returncode, p.stderr[-4000:])
    doc = json.loads(doc_path.read_text())

    failed = []
    for c, _ in go_calls.CONTENDERS:
        for w in go_calls.workloads("quick"):
            r = doc["results"].get(c, {}).get(w)
            assert r is not None, "%s/%s is missing from the results" % (c, w)
            if r["status"] != "ok":
                failed.append("%s/%s: %s" % (c, w, r.get("reason")))
            else:
                assert r["n"] >= 1 and 0 < r["min"] <= r["median"] <= r["max"], (c, w, r)
    assert not failed, "contenders failed:\n" + "\n".join(failed)
    assert p.returncode == 0, p.stderr[-4000:]

    # Detect on 10^3 values finds the five planted spikes, the same for every contender (the
    # harness fails a contender whose indices differ from the direct call's).
    for c, _ in go_calls.CONTENDERS:
        assert doc["results"][c]["detect_1000"]["outliers"] == 5, c
        assert doc["results"][c]["detect_1"]["outliers"] == 0, c
    table = (out / "go-calls-latest.md").read_text()
    assert "| Noop() — call overhead |" in table
    assert "gpic ÷ floor" in table and "gRPC ÷ gpic" in table
    # every ratio column has a figure in every row
    for line in table.splitlines():
        if line.startswith("| Noop") or line.startswith("| Detect"):
            assert "—" not in "".join(line.split("|")[-4:-1]), line
