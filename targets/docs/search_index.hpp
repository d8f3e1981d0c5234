// The client-side search index: written per language as `search-index.js` (a script, not JSON,
// because browsers refuse fetch() on file:// pages) and read by assets/gpic-docs.js.
//
// Terms are made so that Korean is found as well as English:
//   - a word is a run of ASCII letters/digits/underscores, or a run of other letters (Hangul,
//     CJK, accented Latin ...); "Point를" is the two words "point" and "를";
//   - ASCII words are lowercased, and identifiers also give their parts: "NewPoint" -> newpoint,
//     new, point; "max_points" -> max_points, max, points;
//   - a non-ASCII word of three or more characters also gives each pair of neighbouring
//     characters: "기하학" -> 기하학, 기하, 하학, so the query "기하" finds it even though Korean
//     writes particles and compounds without spaces.
// The query side (gpic-docs.js) splits words the same way and matches terms by prefix, and a
// long non-ASCII query word also by all of its character pairs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpic::docs {

/// The words of `text` (no bigrams, no identifier parts), ASCII lowercased.
std::vector<std::string> search_words(std::string_view text);

/// Every index term of `text`: words, identifier parts and character pairs, deduplicated.
std::vector<std::string> search_terms(std::string_view text);

struct SearchEntry {
  std::string name;      // shown: "shapes.Point.Dist"
  std::string kind;      // shown: "메서드"
  std::string href;      // "shapes.html#type-Point.method-Dist", relative to the language folder
  std::string summary;   // shown: the first sentence, in the page's language
  std::string names;     // indexed with weight: Go and Python names
  std::string text;      // indexed: the doc text shown on the page
};

/// `window.GPIC_SEARCH_INDEX = {...};` for `entries`.
std::string search_index_js(const std::vector<SearchEntry>& entries);

}  // namespace gpic::docs
