"""The benchmark's outputs: the Markdown table (English and Korean), the PNG chart, the docs pages."""
import os
import re

import build_speed
import compile_speed
import contenders as C

WORDS = {
    "en": {
        "lang": "en",
        "title": "Call overhead and throughput",
        "machine": "Machine",
        "load": "1-minute load average while measuring: {lo:.1f}–{hi:.1f}.",
        "run": "Run",
        "run_text": "{mode} mode, {rounds} round(s), contenders interleaved in a shuffled order each round, "
                    "each in its own process; {samples} sample(s) per round for per-call work, {heavy} for "
                    "heavy work. Median, min–max and sample count n over all rounds.",
        "how_read": "Per-call times include the timing loop itself (see the row “timing loop alone”). "
                    "“× floor” divides by the contender's own floor (gpic cffi: the hand-written cffi module "
                    "on the same interpreter; gpic cpython and gopy: the METH_FASTCALL module releasing the "
                    "GIL; floors: the C loop). “× gopy” divides by gopy's median for the same workload: "
                    "below 1 is faster than gopy.",
        "cols": ["Workload", "Contender", "Median", "Min – max", "n", "× floor", "× gopy", "Note"],
        "targets": "Targets of issues 6 and 15 (reported, not asserted)",
        "instr": "Instructions per call (valgrind callgrind)",
        "instr_text": "Counted, not timed, so the machine's load does not move them: each figure is "
                      "(I({n2} calls) − I({n1} calls)) / {d}, two otherwise identical processes under "
                      "callgrind. Includes the timing loop, like the times above.",
        "icols": ["Workload", "Contender", "Instructions per call", "× floor", "× gopy"],
        "compile": "Compile speed: gpic (all targets) against protoc --cpp_out --python_out",
        "ccols": ["Tool and input", "Declarations", "Median", "Min – max", "n", "Peak RSS", "× protoc"],
        "growth": "Per-declaration time from {a} to {b} declarations (1.0 = linear): {items}.",
        "gpic_targets": "gpic targets run",
        "met": "met", "missed": "MISSED", "na": "n/a", "failed": "FAILED",
    },
    "ko": {
        "lang": "ko",
        "title": "호출 오버헤드와 처리량",
        "machine": "기계",
        "load": "측정하는 동안의 1분 부하 평균: {lo:.1f}–{hi:.1f}.",
        "run": "실행",
        "run_text": "{mode} 모드, {rounds}회 라운드입니다. 라운드마다 참가자의 순서를 섞어 번갈아 재며, 참가자마다 "
                    "별도의 프로세스에서 잽니다. 호출 단위 작업은 라운드당 {samples}개, 무거운 작업은 {heavy}개의 "
                    "표본을 얻습니다. 모든 라운드의 중앙값, 최솟값–최댓값, 표본 수 n을 보입니다.",
        "how_read": "호출당 시간에는 측정 루프 자체의 비용이 들어 있습니다(“timing loop alone” 행을 보십시오). "
                    "“× 바닥값”은 참가자 자신의 바닥값으로 나눈 값입니다(gpic cffi는 같은 인터프리터의 손으로 쓴 "
                    "cffi 모듈, gpic cpython과 gopy는 GIL을 놓는 METH_FASTCALL 모듈, 바닥값들은 C 루프). "
                    "“× gopy”는 같은 작업의 gopy 중앙값으로 나눈 값이며 1보다 작으면 gopy보다 빠릅니다.",
        "cols": ["작업", "참가자", "중앙값", "최소 – 최대", "n", "× 바닥값", "× gopy", "비고"],
        "targets": "이슈 6과 15의 목표(보고만 하며 테스트로 강제하지 않습니다)",
        "instr": "호출당 명령어 수(valgrind callgrind)",
        "instr_text": "시간이 아니라 개수를 세므로 기계의 부하에 흔들리지 않습니다. 각 수치는 callgrind 아래에서 "
                      "호출 수만 다른 두 프로세스의 차이 (I({n2}회) − I({n1}회)) / {d}입니다. 위의 시간처럼 측정 "
                      "루프를 포함합니다.",
        "icols": ["작업", "참가자", "호출당 명령어 수", "× 바닥값", "× gopy"],
        "compile": "컴파일 속도: gpic(모든 타깃)과 protoc --cpp_out --python_out 비교",
        "ccols": ["도구와 입력", "선언 수", "중앙값", "최소 – 최대", "n", "최대 RSS", "× protoc"],
        "growth": "선언 {a}개에서 {b}개로 갈 때의 선언당 시간입니다(1.0이면 선형): {items}.",
        "gpic_targets": "실행한 gpic 타깃",
        "met": "달성", "missed": "미달", "na": "해당 없음", "failed": "실패",
    },
}


KO_LABELS = [
    ("timing loop alone", "측정 루프만"), ("pure Python", "순수 파이썬"), ("by hand", "(손으로 쓴 것)"),
    ("GIL held", "GIL 유지"), ("GIL released", "GIL 해제"), ("C loop", "C 루프"),
    ("raises, caught", "예외 발생과 처리"), ("struct field get", "구조체 필드 읽기"),
    ("struct field set", "구조체 필드 쓰기"), ("method call", "메서드 호출"), ("zero-copy", "복사 없음"),
    ("list of", "리스트:"), ("floats", "개의 실수"), ("ints", "개의 정수"),
    ("parse only", "파싱만"), ("all targets", "모든 타깃"), ("N funcs", "함수 N개"), ("N structs", "구조체 N개"),
    ("N messages", "메시지 N개"),
]


KO_NOTES = {
    "timeit loop around `pass`: included in every per-call figure":
        "`pass`를 감싼 timeit 루프: 모든 호출당 수치에 들어 있습니다",
    "timed in C with clock_gettime": "C에서 clock_gettime으로 잽니다",
    "lib.FloorAdd called bare": "lib.FloorAdd를 그대로 부릅니다",
    "lib.FloorNoop called bare": "lib.FloorNoop을 그대로 부릅니다",
    "the talk's multiprocessing.Pool version (pool started per call)":
        "발표의 multiprocessing.Pool 버전(호출마다 풀을 시작합니다)",
    "array.array (no numpy on this interpreter)": "array.array(이 인터프리터에는 numpy가 없습니다)",
    "numpy.array(list) alone, the cost a list argument may add":
        "numpy.array(list)만: 리스트 인자가 더할 수 있는 비용입니다",
    "go.Slice_float64(array): element-by-element copy, then Sum":
        "go.Slice_float64(array): 원소를 하나씩 복사한 뒤 Sum을 부릅니다",
    "go.Slice_float64(list): element-by-element copy, then Sum":
        "go.Slice_float64(list): 원소를 하나씩 복사한 뒤 Sum을 부릅니다",
    "list(Slice_int handle)": "list(Slice_int 핸들)",
    "raises RuntimeError": "RuntimeError를 일으킵니다",
    "go.Slice_byte.from_bytes(b): one copy into a Go slice": "go.Slice_byte.from_bytes(b): Go 슬라이스로 한 번 복사합니다",
    "go.Slice_byte.from_bytes(bytes(b)): two copies": "go.Slice_byte.from_bytes(bytes(b)): 두 번 복사합니다",
    "gpic has no `cpython` target yet": "gpic에는 아직 `cpython` 타깃이 없습니다",
}


def note(text, lang):
    return KO_NOTES.get(text, text) if lang == "ko" else text


def label(text, lang):
    """A contender's or workload's label in the page's language (code stays as it is)."""
    if lang == "ko":
        for en, ko in KO_LABELS:
            text = text.replace(en, ko)
    return text


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1e-6:
        return "%.1f ns" % (s * 1e9)
    if s < 1e-3:
        return "%.2f µs" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.2f s" % s


def fmt_range(lo, hi):
    a, b = fmt_time(lo), fmt_time(hi)
    ua, ub = a.split()[1], b.split()[1]
    if ua == ub:
        return "%s–%s %s" % (a.split()[0], b.split()[0], ub)
    return "%s – %s" % (a, b)


def fmt_ratio(r):
    if r is None:
        return "—"
    if r < 0.1:
        return "%.2g×" % r
    if r >= 100:
        return "%.0f×" % r
    if r >= 10:
        return "%.1f×" % r
    return "%.2f×" % r


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def med(doc, c, w):
    r = doc["results"].get(c, {}).get(w)
    if r and r.get("status") == "ok":
        return r["median"]
    return None


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def status_text(r, L):
    reason = note(r.get("reason", ""), L["lang"])
    if r["status"] == "timeout":
        return "> %d s" % r.get("limit", 0)
    if r["status"] == "n/a":
        return "%s: %s" % (L["na"], reason)
    return "**%s**: %s" % (L["failed"], reason)


def machine_lines(doc, L):
    m = doc["machine"]
    load = doc.get("load_average_1min") or {}
    loads = list(load.get("per_round") or []) + ([load["after"]] if "after" in load else [])
    text = "%s: %s, %s cores, %s; %s; %s; %s; %s; gopy %s; %s (%s); %s." % (
        L["machine"], m.get("cpu"), m.get("cores"), m.get("memory"), m.get("os"), m.get("go"),
        m.get("cpython"), m.get("pypy"), m.get("gopy"), m.get("gpic"),
        m.get("gpic_source") or m.get("git_commit"), m.get("gcc"))
    if loads:
        text += " " + L["load"].format(lo=min(loads), hi=max(loads))
    return text


def call_table(doc, lang):
    L = WORDS[lang]
    p = doc["params"]
    lines = ["| " + " | ".join(L["cols"]) + " |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for w in C.WORKLOAD_IDS:
        first = True
        for c in C.CONTENDER_IDS:
            if w not in C.OFFERS.get(c, []):
                continue
            r = doc["results"].get(c, {}).get(w)
            if r is None:
                continue
            wl = label(C.workload_label(w, p), lang) if first else ""
            first = False
            if r["status"] != "ok":
                lines.append("| %s | %s | %s | | | | | %s |" % (
                    cell(wl), cell(label(C.LABEL[c], lang)), L["na"] if r["status"] == "n/a" else "**%s**" % L["failed"],
                    cell(status_text(r, L))))
                continue
            m = r["median"]
            mtext = fmt_time(m)
            if w == "sum_big":
                mtext += " (%.1f GB/s)" % (8.0 * p["sum_big"] / m / 1e9)
            elif w.startswith("hash_big"):
                mtext += " (%.1f GB/s)" % (p["hash_big"] / m / 1e9)
            fl = C.FLOOR.get(c)
            rf = ratio(m, med(doc, fl, w)) if fl else None
            rg = ratio(m, med(doc, "gopy", w)) if c != "gopy" else None
            lines.append("| %s | %s | %s | %s | %d | %s | %s | %s |" % (
                cell(wl), cell(label(C.LABEL[c], lang)), mtext, fmt_range(r["min"], r["max"]), r["n"],
                fmt_ratio(rf), fmt_ratio(rg), cell(note(r.get("note", ""), lang))))
    return "\n".join(lines)


VERDICTS = {
    "en": {
        "add": "- Add, {c}: {m}, {rf} its floor ({floor}; target ≤ 1.3×): **{v1}**; speed-up over gopy {rg} "
               "(gopy {g}; target ≥ 2×): **{v2}**",
        "ints": "- Ints({n})→list, {c}: {m}; speed-up over gopy {rg} (gopy {g}; target ≥ 50×): **{v}**",
        "sum": "- Sum over {n} float64, {c}: {m}; the Go loop alone (C → Go) {loop} + the 1-element call {one} "
               "= {bound} (target: no per-element cost, within 10%): **{v}**",
        "list": "- Sum(list of {n}), {c}: {m}; numpy.array(list) {np} (target: no more): **{v}**",
        "compile": "- {job}: ≤ protoc --cpp_out --python_out at every size: **{v1}**; linear growth "
                   "(per-declaration time ×{g} from {a} to {b} declarations, target ≤ 1.2): **{v2}**{extra}",
        "hash": "- {w}, {c}: {m}, {rf} its floor ({floor}; target ≤ 1.3×): **{v}**",
        "status": "- {what}, {c}: {s}",
    },
    "ko": {
        "add": "- Add, {c}: {m}, 바닥값({floor})의 {rf}(목표 ≤ 1.3×): **{v1}**; gopy 대비 속도 향상 {rg}"
               "(gopy {g}, 목표 ≥ 2×): **{v2}**",
        "ints": "- Ints({n})→리스트, {c}: {m}; gopy 대비 속도 향상 {rg}(gopy {g}, 목표 ≥ 50×): **{v}**",
        "sum": "- float64 {n}개의 Sum, {c}: {m}; Go 루프만(C → Go) {loop} + 원소 1개 호출 {one} = {bound}"
               "(목표: 원소당 비용 없음, 10% 이내): **{v}**",
        "list": "- Sum(리스트: {n}), {c}: {m}; numpy.array(list) {np}(목표: 그 이하): **{v}**",
        "compile": "- {job}: 모든 크기에서 protoc --cpp_out --python_out 이하: **{v1}**; 선형 증가"
                   "(선언 {a}개에서 {b}개로 갈 때 선언당 시간 ×{g}, 목표 ≤ 1.2): **{v2}**{extra}",
        "hash": "- {w}, {c}: {m}, 바닥값({floor})의 {rf}(목표 ≤ 1.3×): **{v}**",
        "status": "- {what}, {c}: {s}",
    },
}


def verdicts(doc, lang):
    """The issue's targets, each with the figures it rests on."""
    L, T = WORDS[lang], VERDICTS[lang]
    out = []

    def v(ok):
        if ok is None:
            return L["na"]
        return L["met"] if ok else L["missed"]

    def lab(c):
        return label(C.LABEL[c], lang)

    gpic_cs = ["gpic_cffi_cpython", "gpic_cffi_pypy", "gpic_cpython"]
    gopy_add = med(doc, "gopy", "add")
    for c in gpic_cs:
        r = doc["results"].get(c, {}).get("add")
        if r is None:
            continue
        if r["status"] != "ok":
            out.append(T["status"].format(what="Add", c=lab(c), s=status_text(r, L)))
            continue
        m = r["median"]
        rf = ratio(m, med(doc, C.FLOOR[c], "add"))
        rg = ratio(gopy_add, m)
        out.append(T["add"].format(c=lab(c), m=fmt_time(m), rf=fmt_ratio(rf), floor=lab(C.FLOOR[c]),
                                   v1=v(None if rf is None else rf <= 1.3), g=fmt_time(gopy_add),
                                   rg=fmt_ratio(rg), v2=v(None if rg is None else rg >= 2)))
    for c in gpic_cs:
        r = doc["results"].get(c, {}).get("ints")
        if r is None:
            continue
        if r["status"] != "ok":
            out.append(T["status"].format(what="Ints", c=lab(c), s=status_text(r, L)))
            continue
        rg = ratio(med(doc, "gopy", "ints"), r["median"])
        out.append(T["ints"].format(n=doc["params"]["ints"], c=lab(c), m=fmt_time(r["median"]),
                                    g=fmt_time(med(doc, "gopy", "ints")), rg=fmt_ratio(rg),
                                    v=v(None if rg is None else rg >= 50)))
    go_loop = med(doc, "c_go", "sum_big")
    for c in gpic_cs:
        r = doc["results"].get(c, {}).get("sum_big")
        if r is None:
            continue
        if r["status"] != "ok":
            out.append(T["status"].format(what="Sum", c=lab(c), s=status_text(r, L)))
            continue
        one = med(doc, c, "sum_1")
        bound = (go_loop + one) if go_loop is not None and one is not None else None
        ok = None if bound is None else r["median"] <= bound * 1.10
        out.append(T["sum"].format(n=C.pretty_int(doc["params"]["sum_big"]), c=lab(c), m=fmt_time(r["median"]),
                                   loop=fmt_time(go_loop), one=fmt_time(one), bound=fmt_time(bound), v=v(ok)))
        lst, npa = med(doc, c, "sum_list"), med(doc, "numpy", "sum_list")
        if lst is not None:
            out.append(T["list"].format(n=C.pretty_int(doc["params"]["sum_list"]), c=lab(c), m=fmt_time(lst),
                                        np=fmt_time(npa), v=v(None if npa is None else lst <= npa)))
    for w in C.HASH_WORKLOADS:  # issue 15: a read-only []byte at the speed of the floor
        for c in gpic_cs:
            r = doc["results"].get(c, {}).get(w)
            if r is None:
                continue
            wl = label(C.workload_label(w, doc["params"]), lang)
            if r["status"] != "ok":
                out.append(T["status"].format(what=wl, c=lab(c), s=status_text(r, L)))
                continue
            rf = ratio(r["median"], med(doc, C.FLOOR[c], w))
            out.append(T["hash"].format(w=wl, c=lab(c), m=fmt_time(r["median"]), rf=fmt_ratio(rf),
                                        floor=lab(C.FLOOR[c]), v=v(None if rf is None else rf <= 1.3)))
    comp = doc.get("compile")
    if comp:
        sizes = comp["sizes"]
        pr = comp["jobs"]["protoc"]
        for job in ("gpic_funcs", "gpic_structs"):
            g = comp["jobs"][job]
            oks = []
            for n in sizes:
                a, b = g.get(str(n), {}), pr.get(str(n), {})
                if a.get("status") == "ok" and b.get("status") == "ok":
                    oks.append(a["median"] <= b["median"])
                elif a.get("status") == "ok" and b.get("status") == "timeout" and a["median"] <= b["limit"]:
                    oks.append(True)  # protoc was stopped after longer than gpic took
                else:
                    oks.append(None)
            ok = None if None in oks else all(oks)
            gg = compile_speed.growth(g, sizes)
            bad = [x for x in g.values() if x.get("status") != "ok"]
            extra = (" (%s)" % status_text(bad[0], L)) if bad else ""
            out.append(T["compile"].format(
                job=label(comp["labels"][job], lang), v1=v(ok), g="—" if gg is None else "%.2f" % gg,
                a=C.pretty_int(sizes[-2]) if len(sizes) > 1 else "—", b=C.pretty_int(sizes[-1]),
                v2=v(None if gg is None else gg <= 1.2), extra=extra))
    return "\n".join(out)


def compile_table(doc, lang):
    L = WORDS[lang]
    comp = doc.get("compile")
    if not comp:
        return ""
    lines = ["| " + " | ".join(L["ccols"]) + " |", "|---|---:|---:|---:|---:|---:|---:|"]
    for n in comp["sizes"]:
        prot = comp["jobs"]["protoc"].get(str(n), {})
        for job, lbl in comp["labels"].items():
            x = comp["jobs"][job].get(str(n), {})
            if x.get("status") == "timeout":
                lines.append("| %s | %s | > %d s | | 1 | | |" % (cell(label(lbl, lang)), "{:,}".format(n), x["limit"]))
                continue
            if x.get("status") != "ok":
                lines.append("| %s | %s | %s | | | | %s |" % (
                    cell(label(lbl, lang)), "{:,}".format(n),
                    L["na"] if x.get("status") == "n/a" else "**%s**" % L["failed"], cell(status_text(x, L))))
                continue
            r = ratio(x["median"], prot.get("median")) if prot.get("status") == "ok" and job != "protoc" else None
            lines.append("| %s | %s | %s | %s | %d | %.0f MB | %s |" % (
                cell(label(lbl, lang)), "{:,}".format(n), fmt_time(x["median"]), fmt_range(x["min"], x["max"]), x["n"],
                x["peak_rss"] / 2.0 ** 20, fmt_ratio(r)))
    text = "\n".join(lines) + "\n\n"
    sizes = comp["sizes"]
    if len(sizes) > 1:
        parts = []
        for job, lbl in comp["labels"].items():
            g = compile_speed.growth(comp["jobs"][job], sizes)
            parts.append("%s ×%s" % (label(lbl, lang), "—" if g is None else "%.2f" % g))
        text += L["growth"].format(a="{:,}".format(sizes[-2]), b="{:,}".format(sizes[-1]),
                                   items="; ".join(parts)) + "\n\n"
    text += "%s: %s\n" % (L["gpic_targets"], ", ".join(comp.get("gpic_targets") or []) or "—")
    return text


def instructions_table(doc, lang):
    L = WORDS[lang]
    ins = doc.get("instructions") or {}
    if not ins.get("results"):
        return ins.get("error", "")
    res = ins["results"]
    lines = [L["instr_text"].format(n1=ins["calls"][0], n2=ins["calls"][1], d=ins["calls"][1] - ins["calls"][0]), "",
             "| " + " | ".join(L["icols"]) + " |", "|---|---|---:|---:|---:|"]

    def per(c, w):
        x = res.get(c, {}).get(w)
        return x["per_call"] if x and x.get("status") == "ok" else None

    for w in C.WORKLOAD_IDS:
        first = True
        for c in C.CONTENDER_IDS:
            x = res.get(c, {}).get(w)
            if x is None:
                continue
            wl = label(C.workload_label(w, doc["params"]), lang) if first else ""
            first = False
            if x["status"] != "ok":
                lines.append("| %s | %s | %s | | |" % (cell(wl), cell(label(C.LABEL[c], lang)),
                                                      cell(status_text(x, L))))
                continue
            fl = C.FLOOR.get(c)
            lines.append("| %s | %s | %.0f | %s | %s |" % (
                cell(wl), cell(label(C.LABEL[c], lang)), x["per_call"],
                fmt_ratio(ratio(x["per_call"], per(fl, w))) if fl else "—",
                fmt_ratio(ratio(x["per_call"], per("gopy", w))) if c != "gopy" else "—"))
    return "\n".join(lines) + "\n"


def markdown(doc, lang):
    L = WORDS[lang]
    t = doc["timing"]
    parts = ["### " + L["title"], "",
             machine_lines(doc, L), "",
             "%s: %s %s" % (L["run"], L["run_text"].format(mode=doc["mode"], rounds=doc["rounds"],
                                                         samples=t["samples"], heavy=t["heavy_samples"]),
                           doc["started"][:19].replace("T", " ") + " UTC."), "",
             L["how_read"], "", call_table(doc, lang) if doc["results"] else "", "",
             "### " + L["targets"], "", verdicts(doc, lang), ""]
    if doc.get("instructions"):
        parts += ["### " + L["instr"], "", instructions_table(doc, lang)]
    if doc.get("compile"):
        parts += ["### " + L["compile"], "", compile_table(doc, lang)]
    if doc.get("build_speed"):
        parts += [build_speed.markdown(doc["build_speed"], lang)]
    return "\n".join(parts) + "\n"


def failures(doc):
    out = []
    for c, ws in doc["results"].items():
        for w, r in ws.items():
            if r["status"] == "failed":
                out.append("%s/%s: %s" % (c, w, r.get("reason", "")))
    for c, ws in ((doc.get("instructions") or {}).get("results") or {}).items():
        for w, r in ws.items():
            if r["status"] == "failed":
                out.append("instructions %s/%s: %s" % (c, w, r.get("reason", "")))
    comp = doc.get("compile") or {}
    for job, sizes in comp.get("jobs", {}).items():
        for n, r in sizes.items():
            if r.get("status") == "failed":
                out.append("compile %s/%s: %s" % (job, n, r.get("reason", "")))
    return out


# --- the chart -------------------------------------------------------------------------------

COLORS = {
    "c_go": "#444444", "fastcall": "#7f7f7f", "fastcall_nogil": "#a0a0a0", "cffi_cpython": "#9ecae1",
    "cffi_pypy": "#c6dbef", "ctypes": "#d9d9d9", "python_cpython": "#fdae6b", "python_pypy": "#fdd0a2",
    "numpy": "#bcbddc", "gpic_cffi_cpython": "#2171b5", "gpic_cffi_pypy": "#6baed6",
    "gpic_cpython": "#08306b", "gopy": "#d62728",
}


def chart(doc, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    res, p = doc["results"], doc["params"]
    fig, axes = plt.subplots(3, 2, figsize=(15, 17))
    fig.suptitle("gpic benchmark (%s mode) — %s, %s cores — %s" % (
        doc["mode"], doc["machine"].get("cpu", "?"), doc["machine"].get("cores"), doc["started"][:10]),
        fontsize=12)

    def bars(ax, w, scale, unit, title, value=None, log=False):
        names, vals, lo, hi, cols, na = [], [], [], [], [], []
        for c in C.CONTENDER_IDS:
            r = res.get(c, {}).get(w)
            if r is None or w not in C.OFFERS.get(c, []):
                continue
            names.append(C.LABEL[c])
            cols.append(COLORS[c])
            if r["status"] == "ok":
                f = value or (lambda s: s * scale)
                m = f(r["median"])
                vals.append(m)
                a, b = f(r["min"]), f(r["max"])
                lo.append(max(0, m - min(a, b)))
                hi.append(max(0, max(a, b) - m))
                na.append(None)
            else:
                vals.append(0)
                lo.append(0)
                hi.append(0)
                na.append("n/a" if r["status"] == "n/a" else "FAILED")
        y = range(len(names))
        ax.barh(list(y), vals, xerr=[lo, hi], color=cols, capsize=2)
        if log and any(v > 0 for v in vals):
            ax.set_xscale("log")
        ax.set_yticks(list(y))
        ax.set_yticklabels(names, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(unit)
        ax.set_title(title, fontsize=10)
        if not names:
            ax.text(0.5, 0.5, "not measured in this run", ha="center", transform=ax.transAxes)
        top = max(vals) if any(vals) else 1
        for i, (v, t) in enumerate(zip(vals, na)):
            if t:
                x0 = min([v for v in vals if v > 0] or [1]) if log else top * 0.01
                ax.text(x0, i, t, va="center", fontsize=8, color="#b00000")
            else:
                ax.text(v, i, " %.3g" % v, va="center", fontsize=7)

    bars(axes[0][0], "add", 1e9, "ns per call (median, min–max)", "Add(1, 2): per call")

    # per-call workloads, our targets against gopy and Python itself
    ax = axes[0][1]
    ws = ["noop", "concat", "error", "field_get", "field_set", "method", "callback"]
    cs = ["python_cpython", "python_pypy", "gopy", "gpic_cffi_cpython", "gpic_cffi_pypy", "gpic_cpython"]
    width = 0.8 / len(cs)
    plotted = False
    for i, c in enumerate(cs):
        xs, vs = [], []
        for j, w in enumerate(ws):
            m = med(doc, c, w)
            if m is not None:
                xs.append(j + i * width)
                vs.append(m * 1e9)
        ax.bar(xs, vs, width, label=C.LABEL[c], color=COLORS[c])
        plotted = plotted or bool(vs)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(ws))])
    ax.set_xticklabels(ws, fontsize=8)
    if plotted:
        ax.set_yscale("log")
    ax.set_ylabel("ns per call (median; missing bar: n/a)")
    ax.set_title("Per-call workloads", fontsize=10)
    ax.legend(fontsize=7)

    n = p["sum_big"]
    bars(axes[1][0], "sum_big", None, "GB/s (higher is better)",
         "Sum over %s float64 (zero-copy where possible)" % C.pretty_int(n),
         value=lambda s: 8.0 * n / s / 1e9)
    bars(axes[1][1], "ints", 1e6, "µs per call (log scale)", "Ints(%d) → Python list" % p["ints"], log=True)

    ax = axes[2][0]
    ks = ["getpi_s", "getpi_m", "getpi_l"]
    ns = [p[k] for k in ks]
    plotted = False
    for c in C.CONTENDER_IDS:
        pts = [(x, med(doc, c, k)) for x, k in zip(ns, ks) if med(doc, c, k) is not None]
        if pts:
            ax.plot([a for a, _ in pts], [b for _, b in pts], marker="o", label=C.LABEL[c], color=COLORS[c])
            plotted = True
    if plotted:
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel("samples n")
    ax.set_ylabel("seconds per GetPI(n)")
    ax.set_title("The gopy talk's GetPI: Monte Carlo pi", fontsize=10)
    ax.legend(fontsize=7)

    ax = axes[2][1]
    comp = doc.get("compile")
    plotted = False
    if comp:
        for job, lbl in comp["labels"].items():
            pts = [(n, comp["jobs"][job][str(n)]["median"]) for n in comp["sizes"]
                   if comp["jobs"][job].get(str(n), {}).get("status") == "ok"]
            if pts:
                ax.plot([a for a, _ in pts], [b for _, b in pts], "--" if job.startswith("protoc") else "-",
                        marker="o", label=lbl)
                plotted = True
    if plotted:
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.legend(fontsize=8)
    ax.set_xlabel("declarations")
    ax.set_ylabel("seconds (median)")
    ax.set_title("Compile speed: gpic (all targets) vs protoc --cpp_out --python_out", fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(path, dpi=80)
    plt.close(fig)


# --- docs ------------------------------------------------------------------------------------

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"


def update_docs(doc, png_from_root):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for lang in ("en", "ko"):
        path = os.path.join(root, "docs", lang, "benchmarks.md")
        with open(path) as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            raise SystemExit("%s has no %s ... %s block" % (path, BEGIN, END))
        img = os.path.relpath(os.path.join(root, png_from_root), os.path.dirname(path))
        alt = "benchmark chart" if lang == "en" else "벤치마크 차트"
        body = "%s\n\n![%s](%s)\n\n%s\n%s" % (BEGIN, alt, img, markdown(doc, lang), END)
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: body, text, flags=re.S)
        with open(path, "w") as f:
            f.write(text)
