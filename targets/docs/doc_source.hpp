// Doc comments as they stand in .gpi source: the block of consecutive `///` lines, each line's
// language section (`@en` / `@ko` markers, untagged text being English) and the position of the
// markers. The IR keeps one location per doc comment; this maps a place inside the text back to
// file:line:col (for warnings) and finds the `@ko` marker the stamp command rewrites.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::docs {

struct DocLine {
  int line = 0;                  // 1-based
  size_t begin = 0;              // byte offset of the line in the source
  size_t end = 0;                // byte offset of the line's end (before "\n" or "\r\n")
  size_t text_begin = 0;         // byte offset of the text after `///` (and after the marker)
  std::string lang = "en";       // the section this line's text belongs to
  bool has_marker = false;       // the line starts a section: `/// @ko[1a2b3c4d] text`
  size_t marker_begin = 0;       // byte offsets of `@ko` or `@ko[1a2b3c4d]`
  size_t marker_end = 0;
};

/// The doc comment block containing line `line`, or, when `line` is a declaration, the block
/// right above it. Empty when there is none.
std::vector<DocLine> doc_block_at(std::string_view source, int line);

/// Where the `occurrence`-th reference `[ref]` (0-based) of the `lang` text of the doc comment
/// at `doc_loc` stands in the source; nullopt if it cannot be found.
std::optional<ir::Loc> locate_ref(std::string_view source, const ir::Loc& doc_loc, std::string_view lang,
                                  std::string_view ref, int occurrence);

/// The 1-based column (in code points, as ir::Loc counts) of byte `offset` of its line.
int column_of(std::string_view source, size_t line_begin, size_t offset);

/// Reads .gpi files on first use and keeps them: targets get the IR, not the text, yet a warning
/// inside a doc comment deserves its exact column. Unreadable files give null.
class SourceCache {
 public:
  const std::string* text(const std::string& path);

 private:
  std::map<std::string, std::optional<std::string>> files_;
};

}  // namespace gpic::docs
