// The site's two static assets, written to `assets/` beside the language folders. Hand-written,
// dependency-free and compiled into gpic, so generated docs need no network and no npm.
#pragma once

#include <string_view>

namespace gpic::docs {

/// assets/gpic-docs.css: layout, side-by-side signatures, badges; light and dark.
std::string_view docs_css();
/// assets/gpic-docs.js: the search box over search-index.js, and the language switcher that
/// lands on the symbol being read.
std::string_view docs_js();

}  // namespace gpic::docs
