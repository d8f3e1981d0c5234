// The Markdown rendering of the same pages, for reading on a forge or feeding another site
// generator: `<lang>/<stem>.md` per module and `<lang>/index.md`. Anchors are `<a id>` tags, so
// the HTML and Markdown pages share them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "targets/docs/coverage.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/page_layout.hpp"

namespace gpic::docs {

std::string markdown_page(const Page& page, const Site& site, std::string_view lang);
std::string markdown_index(const std::vector<const Page*>& pages, const Site& site, std::string_view lang,
                           const Coverage& coverage);

}  // namespace gpic::docs
