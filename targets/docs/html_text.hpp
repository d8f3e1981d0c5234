// HTML for text: escaping, doc markup (paragraphs, lists, code, links, references) and
// signatures whose type names link to the types' anchors.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "targets/docs/doc_markup.hpp"

namespace gpic::docs {

std::string html_escape(std::string_view text);

/// Inline markup as HTML; references link to `<page>.html#anchor`, or to `#anchor` on this
/// page. Text shown on another page (an index's summaries) passes the page it comes from as
/// `home`, so its references to its own page still land there.
std::string html_spans(const Spans& spans, std::string_view home = "");
std::string html_blocks(const Blocks& blocks);

/// Names that link inside signatures: "Point" -> "#type-Point", "geometry.Vec" ->
/// "geometry.html#type-Vec".
using TypeLinks = std::map<std::string, std::string, std::less<>>;

/// `code` escaped, with each identifier (or qualified identifier) found in `links` turned into a
/// link, except where it names a parameter (`q: Point`), a function (`Dist(`) or the declared
/// symbol itself (`self_name`).
std::string html_signature(std::string_view code, const TypeLinks& links, std::string_view self_name);

}  // namespace gpic::docs
