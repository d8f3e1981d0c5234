// Translation coverage, counted like `sphinx-intl stat`: per language, how many documented
// symbols have current text in it, how many have stale text and how many fall back to another
// language. Gaps are reported as named warnings so that `--Werror=missing-translation` and
// `--Werror=stale-translation` can gate CI.
#pragma once

#include <string>
#include <string_view>

#include "compiler/diagnostics.hpp"
#include "targets/docs/model.hpp"

namespace gpic::docs {

struct Coverage {
  int symbols = 0;      // every symbol (the package, each declaration, field and method)
  int documented = 0;   // with doc text in any language
  int translated = 0;   // with current text in the language (for English: written in English)
  int stale = 0;        // with text in the language made from an older English text
  int missing = 0;      // documented, but not in the language: shown in another one

  Coverage& operator+=(const Coverage& o);
  /// translated / documented, in whole percent, rounded down (100 when nothing is documented).
  int percent() const;
};

Coverage count_coverage(const Page& page, std::string_view lang);

/// "ko: 12 translated, 1 stale, 2 missing of 15 documented (80%); 17 symbols, 2 undocumented";
/// for English, the source language: "en: 14 written, 1 missing of 15 documented ...".
std::string coverage_summary(std::string_view lang, const Coverage& c);

/// A `missing-translation` warning per documented symbol without text in `lang`, and a
/// `stale-translation` warning per stale one (at its `@ko` marker when the source is readable).
void report_translation_gaps(const Page& page, std::string_view lang, Diagnostics& diags);

}  // namespace gpic::docs
