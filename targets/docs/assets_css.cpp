// assets/gpic-docs.css, kept as a raw string so that gpic stays one self-contained binary.
#include "targets/docs/assets.hpp"

namespace gpic::docs {

std::string_view docs_css() {
  return R"CSS(/* gpic-docs.css: styles for gpic-generated API docs. */
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0969da;
  --code-bg: #f6f8fa; --py: #3572a5; --go: #00add8; --target: #fff8c5;
  --warn-bg: #fff8c5; --warn-fg: #7d4e00; --stale-bg: #ffebe9; --stale-fg: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #30363d; --accent: #4493f8;
    --code-bg: #161b22; --target: #3b2e00;
    --warn-bg: #3b2e00; --warn-fg: #e3b341; --stale-bg: #3c1618; --stale-fg: #ff7b72;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR",
        "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
}
:lang(ko) { word-break: keep-all; overflow-wrap: anywhere; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre {
  font-family: ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "D2Coding",
               "Noto Sans Mono CJK KR", monospace;
  font-size: .875em;
}
:not(pre) > code { background: var(--code-bg); padding: .1em .35em; border-radius: 4px; }
pre code, h1 code, .symbol-title code { font-size: inherit; }
h1 > code { background: none; padding: 0; }
a > code { color: inherit; }
pre { background: var(--code-bg); padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
[id] { scroll-margin-top: 4.5rem; }

.topbar {
  position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 1rem;
  padding: .55rem 1.25rem; background: var(--bg); border-bottom: 1px solid var(--border);
}
.brand { font-weight: 600; color: var(--fg); white-space: nowrap; }
.search { position: relative; flex: 1; max-width: 34rem; }
#gpic-search {
  width: 100%; padding: .4rem .75rem; font: inherit; font-size: .95rem; color: var(--fg);
  background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px;
}
#gpic-search:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
.results {
  position: absolute; left: 0; right: 0; top: calc(100% + 4px); margin: 0; padding: .25rem;
  list-style: none; background: var(--bg); border: 1px solid var(--border); border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, .15); max-height: 70vh; overflow: auto;
}
.results a { display: block; padding: .4rem .6rem; border-radius: 6px; color: var(--fg); }
.results a:hover, .results li.active a { background: var(--code-bg); text-decoration: none; }
.results .summary { display: block; color: var(--muted); font-size: .85em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.results .empty { padding: .4rem .6rem; color: var(--muted); }
.langs { display: flex; gap: .4rem; margin-left: auto; }
.langs a, .lang-current { padding: .15rem .7rem; border: 1px solid var(--border); border-radius: 999px; font-size: .9rem; white-space: nowrap; }
.lang-current { background: var(--fg); color: var(--bg); border-color: var(--fg); }

.layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2.5rem; max-width: 86rem; margin: 0 auto; padding: 0 1.25rem; }
.toc { position: sticky; top: 3.6rem; align-self: start; max-height: calc(100vh - 4rem); overflow: auto; padding: 1.25rem 0; font-size: .9rem; }
.toc-title { margin: 0 0 .5rem; font-weight: 600; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; }
.toc ul { list-style: none; margin: .15rem 0; padding-left: .9rem; }
.toc > ul { padding-left: 0; }
.toc a { color: var(--fg); }
main { min-width: 0; padding: 1rem 0 3rem; }
main.index, main.root { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 2rem; margin: .5rem 0 1rem; }
h2 { margin-top: 2.75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
.kind {
  font-size: .72rem; font-weight: 500; color: var(--muted); border: 1px solid var(--border);
  border-radius: 999px; padding: .05rem .5rem; vertical-align: middle; white-space: nowrap;
}
h1 .kind { font-size: .9rem; }

.symbol { margin: 1.75rem 0 2.25rem; }
.symbol .symbol { margin: 1.25rem 0; padding-left: 1rem; border-left: 3px solid var(--border); }
.symbol-title { display: flex; align-items: baseline; flex-wrap: wrap; gap: .5rem; margin: 0 0 .5rem; }
.symbol-title .name { font-size: 1.05em; background: none; padding: 0; }
.permalink { color: var(--muted); opacity: 0; margin-left: .25rem; }
.symbol-title:hover .permalink, tr:hover .permalink, .permalink:focus { opacity: 1; }
section:target > .symbol-title, tr:target > td { background: var(--target); }
section:target > .symbol-title { border-radius: 6px; box-shadow: 0 0 0 .35rem var(--target); }

.sigs { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .75rem; margin: .5rem 0 1rem; }
.sigs.single { grid-template-columns: minmax(0, 1fr); max-width: 50%; }
.sig { border: 1px solid var(--border); border-radius: 6px; background: var(--code-bg); overflow: hidden; }
.sig-label {
  padding: .3rem .75rem; font: 600 .68rem/1.2 system-ui, sans-serif; letter-spacing: .06em;
  text-transform: uppercase; color: var(--muted); border-bottom: 1px solid var(--border);
}
.sig-py .sig-label { box-shadow: inset 3px 0 0 var(--py); }
.sig-go .sig-label { box-shadow: inset 3px 0 0 var(--go); }
.sig pre { margin: 0; border-radius: 0; background: none; }

.doc > :first-child { margin-top: 0; }
.doc.fallback { border-left: 3px solid var(--warn-fg); padding-left: .85rem; }
.doc.stale { border-left: 3px solid var(--stale-fg); padding-left: .85rem; }
td .doc { border-left: 0; padding-left: 0; }
td .doc p { margin: 0; }
.badge { font-size: .72rem; font-weight: 600; padding: .05rem .55rem; border-radius: 999px; white-space: nowrap; cursor: help; border: 1px solid currentColor; }
.badge-untranslated { background: var(--warn-bg); color: var(--warn-fg); }
.badge-stale { background: var(--stale-bg); color: var(--stale-fg); }
td .badge { margin-left: .4rem; }
.note, .coverage { color: var(--muted); font-size: .92em; }
.facts { margin: 1.1rem 0 .35rem; font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }

table.params, table.returns { width: auto; min-width: min(36rem, 100%); }
table { width: 100%; border-collapse: collapse; margin: .25rem 0 1rem; font-size: .94em; }
th, td { padding: .4rem .65rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); }
th { font-size: .8rem; font-weight: 600; color: var(--muted); }
table.summary td:first-child, table.fields td:first-child { white-space: nowrap; }
.languages { font-size: 1.25rem; }
.footer { max-width: 86rem; margin: 0 auto; padding: 1.5rem 1.25rem 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--border); }

@media (max-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .toc { display: none; }
  .sigs, .sigs.single { grid-template-columns: minmax(0, 1fr); max-width: none; }
  .topbar { flex-wrap: wrap; }
}
@media print {
  .topbar, .toc { display: none; }
  .layout { display: block; }
}
)CSS";
}

}  // namespace gpic::docs
