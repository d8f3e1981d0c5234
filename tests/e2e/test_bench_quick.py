"""Keeps the benchmark harness working: `scripts/bench --quick` must build every contender for
real, measure every workload it offers, and write the JSON, the Markdown table and the PNG.

A contender that fails to build or to run fails this test; it never just drops out of the
table. A gpic row may be "n/a" only where gpic itself says that it does not bind that construct
or target yet (those rows turn into figures on their own once it does)."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "harness"))

import contenders as C  # noqa: E402


def test_bench_quick(tmp_path):
    out = tmp_path / "results"
    p = subprocess.run([os.path.join(ROOT, "scripts", "bench"), "--quick", "--out", str(out)],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=2400)
    doc_path = out / "latest.json"
    assert doc_path.exists(), "no JSON written; exit %d\n%s" % (p.returncode, p.stderr[-4000:])
    doc = json.loads(doc_path.read_text())

    failed = []
    for c in C.CONTENDER_IDS:
        got = doc["results"].get(c)
        assert got is not None, "contender %s is missing from the results" % c
        for w in C.OFFERS[c]:
            r = got.get(w)
            assert r is not None, "%s/%s is missing from the results" % (c, w)
            if r["status"] == "failed":
                failed.append("%s/%s: %s" % (c, w, r.get("reason")))
            elif r["status"] == "n/a":
                assert c.startswith("gpic_"), "only gpic rows may be n/a, got %s/%s" % (c, w)
                assert r.get("reason"), "%s/%s is n/a without a reason" % (c, w)
            else:
                assert r["n"] >= 1 and r["min"] > 0 and r["min"] <= r["median"] <= r["max"], (c, w, r)
    for c, ws in doc["instructions"]["results"].items():
        for w, r in ws.items():
            if r["status"] == "failed":
                failed.append("instructions %s/%s: %s" % (c, w, r.get("reason")))
    for job, sizes in doc["compile"]["jobs"].items():
        for n, r in sizes.items():
            if r["status"] == "failed":
                failed.append("compile %s/%s: %s" % (job, n, r.get("reason")))
    assert not failed, "contenders failed:\n" + "\n".join(failed)
    assert p.returncode == 0, p.stderr[-4000:]

    # floors, gopy and the reference rows all measured something
    for c in ("c_go", "fastcall", "cffi_cpython", "cffi_pypy", "ctypes", "python_cpython", "gopy"):
        assert doc["results"][c]["add"]["status"] == "ok", c
    # gpic's scalar part builds today on both interpreters
    for c in ("gpic_cffi_cpython", "gpic_cffi_pypy"):
        assert doc["results"][c]["add"]["status"] == "ok", doc["results"][c]["add"]
    assert doc["compile"]["jobs"]["gpic_funcs"][str(doc["compile"]["sizes"][-1])]["status"] == "ok"
    # the callgrind pass counted something for a floor and for gpic
    ins = doc["instructions"]["results"]
    for c in ("cffi_cpython", "gpic_cffi_cpython"):
        assert ins[c]["add"]["status"] == "ok" and ins[c]["add"]["per_call"] > 0, ins.get(c)

    table = (out / "latest.md").read_text()
    assert "| Workload | Contender | Median |" in table
    for c in C.CONTENDER_IDS:
        assert C.LABEL[c] in table, "%s is not in the table" % c
    assert "| Workload | Contender | Median |" in p.stdout
    png = (out / "latest.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000
