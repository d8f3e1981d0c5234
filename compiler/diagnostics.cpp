#include "compiler/diagnostics.hpp"

#include "compiler/hidden_chars.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

namespace gpic {

void SourceFiles::add(const std::string& path, std::string text) { files_[path] = File{std::move(text), {}}; }

const std::string* SourceFiles::text(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second.text;
}

std::vector<std::string> SourceFiles::paths() const {
  std::vector<std::string> out;
  for (const auto& [path, file] : files_) out.push_back(path);
  return out;
}

std::string SourceFiles::line(const std::string& path, int line) const {
  auto it = files_.find(path);
  if (it == files_.end() || line < 1) return {};
  const std::string& t = it->second.text;
  std::vector<size_t>& starts = it->second.line_starts;
  if (starts.empty()) {
    starts.push_back(0);
    for (size_t p = t.find('\n'); p != std::string::npos; p = t.find('\n', p + 1)) starts.push_back(p + 1);
  }
  if (static_cast<size_t>(line) > starts.size()) return {};
  size_t start = starts[line - 1];
  size_t end = t.find('\n', start);
  std::string s = t.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

void Diagnostics::add(Severity s, const ir::Loc& loc, std::string message) {
  if (s == Severity::Error) ++errors_;
  list_.push_back({s, loc, std::move(message)});
}

void Diagnostics::error(const ir::Loc& loc, std::string m) { add(Severity::Error, loc, std::move(m)); }
void Diagnostics::warning(const ir::Loc& loc, std::string m) { add(Severity::Warning, loc, std::move(m)); }
void Diagnostics::note(const ir::Loc& loc, std::string m) { add(Severity::Note, loc, std::move(m)); }

void Diagnostics::warning(const ir::Loc& loc, const std::string& name, std::string m) {
  bool as_error = std::find(werror_.begin(), werror_.end(), name) != werror_.end();
  add(as_error ? Severity::Error : Severity::Warning, loc, std::move(m) + " [-W" + name + "]");
}

namespace {

// Terminal columns a code point occupies: Hangul, CJK and full-width forms take two.
int display_width(char32_t cp) {
  bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
              (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
              (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
              (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
              (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// Spaces (and tabs, copied from the line so the caret lines up) before column `col` of the
// line as text::show() prints it: a hidden character counts as the width of its escape.
std::string caret_padding(const std::string& line, int col) {
  std::string pad;
  size_t i = 0;
  for (int c = 1; c < col && i < line.size(); ++c) {
    if (line[i] == '\t') {
      pad += '\t';
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = text::decode(line, i);
    size_t width = text::is_hidden(cp) ? text::escaped(cp, static_cast<unsigned char>(line[start])).size() : display_width(cp);
    pad.append(width, ' ');
  }
  return pad;
}

// Source lines longer than this (in code points) are quoted as a window of about this many
// around the column: a 64 KB line quoted whole by each of its 8,000 diagnostics would print
// half a gigabyte.
constexpr int kMaxQuotedLine = 160;

// `line` cut to a window around the 1-based code point column `col`, with "..." where it
// was cut; `col` becomes the caret's column in the window.
std::string quoted_window(const std::string& line, int& col) {
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < line.size();) {
    starts.push_back(i);
    text::decode(line, i);
  }
  int count = static_cast<int>(starts.size());
  if (count <= kMaxQuotedLine) return line;
  int first = std::max(1, std::min(col, count) - kMaxQuotedLine / 2);      // 1-based, inclusive
  int last = std::min(count, first + kMaxQuotedLine - 1);
  size_t begin = starts[first - 1];
  size_t end = last == count ? line.size() : starts[last];
  std::string out = first > 1 ? "..." : "";
  col = col - first + 1 + static_cast<int>(out.size());
  out += line.substr(begin, end - begin);
  if (last < count) out += "...";
  return out;
}

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    case Severity::Note: return "\033[1;36m";
  }
  return "";
}

}  // namespace

std::string Diagnostics::format(const Diagnostic& d, const SourceFiles& sources, bool color) {
  std::ostringstream o;
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  o << bold;
  if (!d.loc.file.empty()) {
    o << text::show(d.loc.file) << ':';
    if (d.loc.line > 0) o << d.loc.line << ':' << d.loc.col << ':';
    o << ' ';
  } else {
    o << "gpic: ";
  }
  o << (color ? severity_color(d.severity) : "") << severity_word(d.severity) << ':' << reset << bold << ' '
    << text::show(d.message, /*keep_newlines=*/true) << reset << '\n';
  if (d.loc.line > 0) {
    // A window of a long line (robust), with hidden characters shown escaped (inject); the
    // caret padding measures the escaped window.
    int col = d.loc.col;
    std::string window = quoted_window(sources.line(d.loc.file, d.loc.line), col);
    if (!window.empty() || sources.text(d.loc.file)) {
      o << text::show(window) << '\n' << caret_padding(window, col) << (color ? "\033[1;32m" : "") << '^' << reset << '\n';
    }
  }
  return o.str();
}

void Diagnostics::print(std::ostream& out, const SourceFiles& sources, bool color) const {
  // Stable order: by file (in order of first appearance), then line, then column. A note
  // stays right after the diagnostic it explains, wherever it points.
  std::vector<std::string> files;
  for (const auto& d : list_)
    if (std::find(files.begin(), files.end(), d.loc.file) == files.end()) files.push_back(d.loc.file);
  std::vector<std::vector<const Diagnostic*>> units;
  for (const auto& d : list_) {
    // A note with no file (a run's summary) stands alone; others explain the one before.
    if (d.severity == Severity::Note && !units.empty() && !d.loc.file.empty()) units.back().push_back(&d);
    else units.push_back({&d});
  }
  std::stable_sort(units.begin(), units.end(), [&](const auto& ua, const auto& ub) {
    const Diagnostic* a = ua.front();
    const Diagnostic* b = ub.front();
    // Diagnostics without a file (summaries, command-line problems) come after the files'.
    if (a->loc.file.empty() != b->loc.file.empty()) return b->loc.file.empty();
    if (a->loc.file.empty()) return false;
    auto fa = std::find(files.begin(), files.end(), a->loc.file) - files.begin();
    auto fb = std::find(files.begin(), files.end(), b->loc.file) - files.begin();
    if (fa != fb) return fa < fb;
    if (a->loc.line != b->loc.line) return a->loc.line < b->loc.line;
    return a->loc.col < b->loc.col;
  });
  // The limit counts errors and warnings apart (a flood of warnings must not hide the
  // errors); a note is shown or hidden with the diagnostic it explains.
  int shown_errors = 0, shown_warnings = 0, hidden_errors = 0, hidden_warnings = 0;
  for (const auto& unit : units) {
    Severity s = unit.front()->severity;
    int& shown = s == Severity::Error ? shown_errors : shown_warnings;
    if (s != Severity::Note && limit_ > 0 && shown >= limit_) {
      ++(s == Severity::Error ? hidden_errors : hidden_warnings);
      continue;
    }
    if (s != Severity::Note) ++shown;
    for (const Diagnostic* d : unit) out << format(*d, sources, color);
  }
  auto summarise = [&](int hidden, const char* what) {
    if (hidden == 0) return;
    Diagnostic note{Severity::Note, {}, std::string("too many ") + what + " emitted; " + std::to_string(hidden) +
                                            " more not shown (--error-limit=N changes the limit of " +
                                            std::to_string(limit_) + ", 0 for none)"};
    out << format(note, sources, color);
  };
  summarise(hidden_errors, "errors");
  summarise(hidden_warnings, "warnings");
  if (errors_ > 0) out << errors_ << (errors_ == 1 ? " error" : " errors") << " generated.\n";
}

}  // namespace gpic
