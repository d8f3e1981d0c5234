"""Keeps the build-speed benchmark working (bench/harness/build_speed.py, `scripts/bench
--build-speed-only`): its 20-declaration package builds on both gpic Python targets, every run
is timed, a contender that cannot run is reported as such, and the table says whether the
cpython build met its goal."""
import os
import sys

from conftest import gpic_binary

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "harness"))

import build  # noqa: E402
import build_speed  # noqa: E402


def test_build_speed_quick_pass(tmp_path):
    gpic = build.Build("ok", gpic_binary())
    no_gopy = build.Build("failed", None, "gopy was not built for this test")
    logged = []
    res = build_speed.run_all("quick", str(tmp_path), gpic, no_gopy, build.GOPY_VERSION, logged.append)
    assert res["decls"] == 20
    for job in ("gpic_cpython", "gpic_cffi"):
        j = res["jobs"][job]
        assert j["status"] == "ok", j
        assert j["n"] == 1 and 0 < j["min"] <= j["median"] <= j["max"] and j["cpu_median"] > 0
    assert res["jobs"]["gopy"] == {"status": "failed", "reason": "gopy was not built for this test"}
    assert build_speed.ratio(res, "gpic_cpython", "gpic_cffi") > 0
    assert build_speed.ratio(res, "gpic_cpython", "gopy") is None
    assert os.listdir(str(tmp_path)) == []  # the package and the outputs are removed
    for lang, goal in (("en", "Goal (issue 12)"), ("ko", "목표(이슈 12)")):
        table = build_speed.markdown(res, lang)
        assert goal in table and "gopy was not built" in table
        assert table.count("\n| gpic build --target") == 2
