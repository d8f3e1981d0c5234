// `gpic --target docs --lang en,ko -o DIR FILE.gpi...`: the bilingual API reference.
//
//   DIR/index.html                  picks a language
//   DIR/<lang>/index.html, index.md modules and every symbol's one-line summary
//   DIR/<lang>/<module>.html, .md   one page per module
//   DIR/<lang>/search-index.js      the search index of that language
//   DIR/assets/gpic-docs.css, .js   shared, local: no network, no CDN
//   DIR/coverage.json               translation coverage, for CI dashboards
//
// generate() checks each module (references, translation gaps, coverage, as diagnostics);
// finish() writes the whole site at once, because pages link across modules and the indexes
// cover them all.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "targets/docs/assets.hpp"
#include "targets/docs/coverage.hpp"
#include "targets/docs/html_writer.hpp"
#include "targets/docs/markdown_writer.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/search_index.hpp"
#include "targets/target.hpp"

namespace gpic::docs {
namespace {

// The requested languages, deduplicated, or nullopt (with an error) when one has no table.
std::optional<std::vector<std::string>> languages(const Options& options, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& l : options.langs) {
    if (words_for(l)) {
      if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
      continue;
    }
    std::string msg = "the docs target has no words for language '" + l + "' (it knows: en, ko)";
    const auto& seen = diags.all();
    if (std::none_of(seen.begin(), seen.end(), [&](const Diagnostic& d) { return d.message == msg; }))
      diags.error({}, msg);
    return std::nullopt;
  }
  if (out.empty()) out.push_back("en");
  return out;
}

BuildOptions build_options(const Options& options) {
  BuildOptions b;
  b.name_case = options.snake_names ? py::Case::Snake : py::Case::Keep;
  return b;
}

std::vector<SearchEntry> search_entries(const Page& page, std::string_view lang) {
  const Words& wd = *words_for(lang);
  std::vector<SearchEntry> out;
  for (const Symbol* s : page.all()) {
    SearchEntry e;
    bool is_package = s->kind == SymbolKind::Package;
    e.name = is_package ? page.module->name : page.module->name + "." + s->py_name;
    e.kind = std::string(kind_label(s->kind, wd));
    e.href = page.stem + ".html" + (is_package ? "" : "#" + s->anchor);
    LocalText t = s->local(lang);
    if (t.status != TextStatus::Absent) {
      e.summary = plain_text(summary_of(s->blocks(t.lang)));
      e.text = plain_text(s->blocks(t.lang));
    }
    e.names = s->go_name + " " + s->py_name;
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::ordered_json coverage_json(const Coverage& c) {
  return {{"symbols", c.symbols}, {"documented", c.documented}, {"translated", c.translated},
          {"stale", c.stale},     {"missing", c.missing},       {"percent", c.percent()}};
}

class DocsTarget : public Target {
 public:
  std::string_view name() const override { return "docs"; }
  Reads reads() const override { return Reads::Both; }
  std::string_view summary() const override {
    return "API reference in Markdown and HTML, per language (--lang en,ko), with search";
  }

  void generate(const ir::Module& module, const Options& options, FileSink&, Diagnostics& diags) const override {
    auto langs = languages(options, diags);
    if (!langs) return;
    Page page = build_page(module, build_options(options), &diags);
    for (const auto& lang : *langs) report_translation_gaps(page, lang, diags);
  }

  void finish(const std::vector<const ir::Module*>& modules, const Options& options, FileSink& out,
              Diagnostics& diags) const override {
    auto langs = languages(options, diags);
    if (!langs || modules.empty()) return;
    Site site;
    site.langs = *langs;
    site.version = options.gpic_version;
    BuildOptions build = build_options(options);
    for (const ir::Module* m : modules) build.documented.insert(m->name);
    std::vector<Page> pages;
    for (const ir::Module* m : modules) {
      pages.push_back(build_page(*m, build, nullptr));
      site.pages.insert(pages.back().stem);
    }
    std::vector<const Page*> page_ptrs;
    for (const Page& p : pages) page_ptrs.push_back(&p);

    nlohmann::ordered_json coverage = {{"gpic", options.gpic_version}, {"languages", nlohmann::ordered_json::object()}};
    for (const auto& lang : site.langs) {
      Coverage total;
      nlohmann::ordered_json per_module = nlohmann::ordered_json::object();
      std::vector<SearchEntry> entries;
      for (const Page& p : pages) {
        Coverage c = count_coverage(p, lang);
        total += c;
        per_module[p.module->name] = coverage_json(c);
        out.write(lang + "/" + p.stem + ".html", html_page(p, site, lang));
        out.write(lang + "/" + p.stem + ".md", markdown_page(p, site, lang));
        auto e = search_entries(p, lang);
        entries.insert(entries.end(), e.begin(), e.end());
      }
      out.write(lang + "/index.html", html_index(page_ptrs, site, lang, total));
      out.write(lang + "/index.md", markdown_index(page_ptrs, site, lang, total));
      out.write(lang + "/search-index.js", search_index_js(entries));
      coverage["languages"][lang] = {{"total", coverage_json(total)}, {"modules", per_module}};
    }
    // The summary, like `sphinx-intl stat`: per module and language, then the run's total.
    for (const Page& p : pages)
      for (const auto& lang : site.langs)
        diags.note({}, "docs coverage of " + p.module->name + ", " + coverage_summary(lang, count_coverage(p, lang)));
    if (pages.size() > 1)
      for (const auto& lang : site.langs) {
        Coverage total;
        for (const Page& p : pages) total += count_coverage(p, lang);
        diags.note({}, "docs coverage in total, " + coverage_summary(lang, total));
      }
    out.write("index.html", html_root(site));
    out.write("assets/gpic-docs.css", std::string(docs_css()));
    out.write("assets/gpic-docs.js", std::string(docs_js()));
    out.write("coverage.json", coverage.dump(2) + "\n");
  }
};

}  // namespace
}  // namespace gpic::docs

namespace gpic {
using DocsTarget = docs::DocsTarget;
GPIC_REGISTER_TARGET(DocsTarget);
}  // namespace gpic
