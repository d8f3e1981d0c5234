#include "compiler/doc_comment.hpp"

#include <string_view>

namespace gpic {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The text of a `///` line: the slashes and one following space go, the rest stays.
std::string_view content_of(std::string_view line) {
  if (line.substr(0, 3) == "///") line.remove_prefix(3);
  if (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  return trim_right(line);
}

enum class Lang { En, Ko };

struct Tag {
  Lang lang;
  std::string stamp;
  std::string_view rest;  // text after the tag on the same line
};

// `@en ...`, `@ko ...`, `@ko[stamp] ...` at the start of a line; anything else is text.
bool parse_tag(std::string_view content, Tag& tag) {
  std::string_view s = trim_left(content);
  if (s.size() < 3 || s[0] != '@') return false;
  std::string_view name = s.substr(1, 2);
  if (name != "en" && name != "ko") return false;
  s.remove_prefix(3);
  std::string stamp;
  if (!s.empty() && s.front() == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    stamp = std::string(s.substr(1, close - 1));
    s.remove_prefix(close + 1);
  }
  if (!s.empty() && !is_space(s.front())) return false;  // `@english` is just a word
  tag = {name == "en" ? Lang::En : Lang::Ko, std::move(stamp), trim_left(s)};
  return true;
}

// Joins a section's lines, dropping blank lines at its start and end.
std::string join(const std::vector<std::string_view>& lines) {
  size_t first = 0, last = lines.size();
  while (first < last && lines[first].empty()) ++first;
  while (last > first && lines[last - 1].empty()) --last;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

ir::Doc parse_doc(const std::vector<DocLine>& lines, const std::string& file) {
  ir::Doc doc;
  if (lines.empty()) return doc;
  doc.loc = {file, lines.front().line, lines.front().col};
  std::vector<std::string_view> en, ko;
  Lang current = Lang::En;
  for (const DocLine& line : lines) {
    std::string_view content = content_of(line.text);
    Tag tag;
    if (parse_tag(content, tag)) {
      current = tag.lang;
      if (tag.lang == Lang::Ko && !tag.stamp.empty()) doc.ko_stamp = tag.stamp;
      if (tag.rest.empty()) continue;
      content = tag.rest;
    }
    (current == Lang::En ? en : ko).push_back(content);
  }
  doc.en = join(en);
  doc.ko = join(ko);
  return doc;
}

}  // namespace gpic
