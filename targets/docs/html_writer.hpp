// The static HTML site: one page per module per language, an index per language and a root page
// choosing the language. Pages are plain HTML5 that read without JavaScript; gpic-docs.js adds
// the search box and keeps the language switcher on the symbol being read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "targets/docs/coverage.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/page_layout.hpp"

namespace gpic::docs {

/// `<lang>/<stem>.html`.
std::string html_page(const Page& page, const Site& site, std::string_view lang);

/// `<lang>/index.html`: the modules with their one-line summaries and every symbol's summary.
/// `coverage` is the whole run's, shown for translated languages.
std::string html_index(const std::vector<const Page*>& pages, const Site& site, std::string_view lang,
                       const Coverage& coverage);

/// `index.html` at the top of the output: links to each language's index.
std::string html_root(const Site& site);

}  // namespace gpic::docs
