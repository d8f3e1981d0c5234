#include "targets/docs/coverage.hpp"

#include "targets/docs/doc_source.hpp"

namespace gpic::docs {

Coverage& Coverage::operator+=(const Coverage& o) {
  symbols += o.symbols;
  documented += o.documented;
  translated += o.translated;
  stale += o.stale;
  missing += o.missing;
  return *this;
}

int Coverage::percent() const { return documented == 0 ? 100 : translated * 100 / documented; }

Coverage count_coverage(const Page& page, std::string_view lang) {
  Coverage c;
  for (const Symbol* s : page.all()) {
    ++c.symbols;
    LocalText t = s->local(lang);
    switch (t.status) {
      case TextStatus::Absent: continue;
      case TextStatus::Original:
      case TextStatus::Translated: ++c.translated; break;
      case TextStatus::Stale: ++c.stale; break;
      case TextStatus::Fallback: ++c.missing; break;
    }
    ++c.documented;
  }
  return c;
}

std::string coverage_summary(std::string_view lang, const Coverage& c) {
  // English is the source language: its texts are written, not translated, and never stale.
  bool source = lang == "en";
  std::string s = std::string(lang) + ": " + std::to_string(c.translated) + (source ? " written, " : " translated, ") +
                  (source ? "" : std::to_string(c.stale) + " stale, ") + std::to_string(c.missing) + " missing of " +
                  std::to_string(c.documented) + " documented (" + std::to_string(c.percent()) + "%); " +
                  std::to_string(c.symbols) + " symbols, " + std::to_string(c.symbols - c.documented) +
                  " undocumented";
  return s;
}

namespace {

std::string describe(const Symbol& s) {
  return s.kind == SymbolKind::Package ? "package " + s.go_name : s.go_name;
}

// The `@ko` marker of the doc comment, where a translator fixes a stale text.
ir::Loc marker_loc(const Symbol& s, std::string_view lang, SourceCache& sources) {
  const ir::Loc& at = s.doc->loc.line > 0 ? s.doc->loc : s.loc;
  if (const SourceLines* src = sources.lines(at.file))
    for (const DocLine& l : doc_block_at(*src, at.line))
      if (l.has_marker && l.lang == lang) return {at.file, l.line, column_of(src->source(), l.begin, l.marker_begin)};
  return at;
}

}  // namespace

void report_translation_gaps(const Page& page, std::string_view lang, Diagnostics& diags) {
  SourceCache sources;
  for (const Symbol* s : page.all()) {
    LocalText t = s->local(lang);
    if (t.status == TextStatus::Fallback) {
      const ir::Loc& at = s->doc->loc.line > 0 ? s->doc->loc : s->loc;
      diags.warning(at, "missing-translation",
                    describe(*s) + " has no " + std::string(lang) + " text; the " + std::string(t.lang) +
                        " text is shown instead");
    } else if (t.status == TextStatus::Stale) {
      diags.warning(marker_loc(*s, lang, sources), "stale-translation",
                    "the " + std::string(lang) + " text of " + describe(*s) + " was translated from English text " +
                        "that has changed since (stamp " + s->doc->ko_stamp + ", now " + stamp_of(s->doc->en) +
                        "); update it, then run `gpic docs --stamp " + page.module->file + "`");
    }
  }
}

}  // namespace gpic::docs
