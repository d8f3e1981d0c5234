#include "targets/docs/doc_source.hpp"

#include <fstream>
#include <sstream>

namespace gpic::docs {

namespace {

using RawLine = SourceLines::Line;

// The offset just past `///` when the line is a doc comment line, else npos.
size_t doc_prefix_end(std::string_view s, RawLine l) {
  size_t i = l.begin;
  while (i < l.end && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (s.substr(i, 3) == "///" && (i + 3 == l.end || s[i + 3] != '/')) return i + 3;
  return std::string_view::npos;
}

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

DocLine describe(std::string_view s, RawLine l, int number, size_t after_slashes, const std::string& lang) {
  DocLine d;
  d.line = number;
  d.begin = l.begin;
  d.end = l.end;
  d.lang = lang;
  size_t i = after_slashes;
  while (i < l.end && (s[i] == ' ' || s[i] == '\t')) ++i;
  d.text_begin = after_slashes;
  // `@en` / `@ko`, optionally with a stamp (`@ko[1a2b3c4d]`), then a space or the line's end:
  // the rule of the parser's compiler/doc_comment.cpp, so both see the same sections.
  if (i + 3 <= l.end && s[i] == '@' && (s.substr(i + 1, 2) == "en" || s.substr(i + 1, 2) == "ko")) {
    size_t end = i + 3;
    if (end < l.end && s[end] == '[') {
      size_t close = s.find(']', end);
      if (close == std::string_view::npos || close >= l.end) return d;
      end = close + 1;
    }
    if (end < l.end && s[end] != ' ' && s[end] != '\t') return d;
    d.has_marker = true;
    d.lang = std::string(s.substr(i + 1, 2));
    d.marker_begin = i;
    d.marker_end = end;
    d.text_begin = end;
  }
  return d;
}

}  // namespace

SourceLines::SourceLines(std::string_view s) : source_(s) {
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    size_t content_end = end > start && s[end - 1] == '\r' ? end - 1 : end;
    lines_.push_back({start, content_end});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

std::vector<DocLine> doc_block_at(std::string_view source, int line) { return doc_block_at(SourceLines(source), line); }

std::vector<DocLine> doc_block_at(const SourceLines& text, int line) {
  std::string_view source = text.source();
  const std::vector<RawLine>& lines = text.lines();
  if (line < 1 || line > static_cast<int>(lines.size())) return {};
  int first = line - 1;
  if (doc_prefix_end(source, lines[first]) == std::string_view::npos) {
    // A declaration's position: its doc comment is the block right above it.
    if (first == 0 || doc_prefix_end(source, lines[first - 1]) == std::string_view::npos) return {};
    --first;
  }
  while (first > 0 && doc_prefix_end(source, lines[first - 1]) != std::string_view::npos) --first;
  std::vector<DocLine> out;
  std::string lang = "en";
  for (int i = first; i < static_cast<int>(lines.size()); ++i) {
    size_t p = doc_prefix_end(source, lines[i]);
    if (p == std::string_view::npos) break;
    out.push_back(describe(source, lines[i], i + 1, p, lang));
    lang = out.back().lang;
  }
  return out;
}

int column_of(std::string_view source, size_t line_begin, size_t offset) {
  int col = 1;
  for (size_t i = line_begin; i < offset && i < source.size(); ++i)
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++col;
  return col;
}

std::optional<ir::Loc> locate_ref(const SourceLines& lines, const ir::Loc& doc_loc, std::string_view lang,
                                  std::string_view ref, int occurrence) {
  std::string_view source = lines.source();
  std::string needle = "[" + std::string(ref) + "]";
  int seen = 0;
  for (const DocLine& l : doc_block_at(lines, doc_loc.line)) {
    if (l.lang != lang) continue;
    std::string_view text = source.substr(0, l.end);
    for (size_t at = text.find(needle, l.text_begin); at != std::string_view::npos;
         at = text.find(needle, at + 1)) {
      // The same boundary rule as the markup: `xs[i]` is no reference.
      bool before_ok = at == l.text_begin || (!is_ascii_word(source[at - 1]) && source[at - 1] != ']');
      size_t after = at + needle.size();
      bool after_ok = after >= l.end || (!is_ascii_word(source[after]) && source[after] != '[' && source[after] != '(');
      if (!before_ok || !after_ok) continue;
      if (seen++ == occurrence) return ir::Loc{doc_loc.file, l.line, column_of(source, l.begin, at)};
    }
  }
  return std::nullopt;
}

const std::string* SourceCache::text(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) {
    File f;
    if (std::ifstream in{path, std::ios::binary}) {
      std::ostringstream s;
      s << in.rdbuf();
      f.text = s.str();
    }
    it = files_.emplace(path, std::move(f)).first;
  }
  return it->second.text ? &*it->second.text : nullptr;
}

const SourceLines* SourceCache::lines(const std::string& path) {
  const std::string* t = text(path);
  if (!t) return nullptr;
  File& f = files_.find(path)->second;
  if (!f.lines) f.lines = std::make_unique<SourceLines>(*t);
  return f.lines.get();
}

}  // namespace gpic::docs
