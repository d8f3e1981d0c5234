// Doc comments as they stand in .gpi source: the block of consecutive `///` lines, each line's
// language section (`@en` / `@ko` markers, untagged text being English) and the position of the
// markers. The IR keeps one location per doc comment; this maps a place inside the text back to
// file:line:col (for warnings) and finds the `@ko` marker the stamp command rewrites.
#pragma once

#include <map>
#include <memory>
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

/// A source text split into lines once, so that looking up many doc comments in one file does
/// not split the whole file again for each (which made --stamp, and the stale-translation and
/// unknown-reference warnings, quadratic in the file's size). Views `source`: keep it alive.
class SourceLines {
 public:
  struct Line {
    size_t begin, end;  // byte offsets; `end` is before "\n" or "\r\n"
  };
  explicit SourceLines(std::string_view source);
  std::string_view source() const { return source_; }
  const std::vector<Line>& lines() const { return lines_; }

 private:
  std::string_view source_;
  std::vector<Line> lines_;
};

/// The doc comment block containing line `line`, or, when `line` is a declaration, the block
/// right above it. Empty when there is none.
std::vector<DocLine> doc_block_at(const SourceLines& source, int line);
std::vector<DocLine> doc_block_at(std::string_view source, int line);

/// Where the `occurrence`-th reference `[ref]` (0-based) of the `lang` text of the doc comment
/// at `doc_loc` stands in the source; nullopt if it cannot be found.
std::optional<ir::Loc> locate_ref(const SourceLines& source, const ir::Loc& doc_loc, std::string_view lang,
                                  std::string_view ref, int occurrence);

/// The 1-based column (in code points, as ir::Loc counts) of byte `offset` of its line.
int column_of(std::string_view source, size_t line_begin, size_t offset);

/// Reads .gpi files on first use and keeps them: targets get the IR, not the text, yet a warning
/// inside a doc comment deserves its exact column. Unreadable files give null.
class SourceCache {
 public:
  const std::string* text(const std::string& path);
  /// The file's lines, split on first use; null for an unreadable file.
  const SourceLines* lines(const std::string& path);

 private:
  struct File {
    std::optional<std::string> text;
    std::unique_ptr<SourceLines> lines;  // views `text`, which a map node never moves
  };
  std::map<std::string, File> files_;
};

}  // namespace gpic::docs
