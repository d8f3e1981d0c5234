#include "compiler/import_path.hpp"

#include "compiler/hidden_chars.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace gpic {
namespace {

// Valid UTF-8, as Go requires of an import path (and of source text).
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// The characters CheckImportPath allows in a path element: ASCII letters and digits and
// - . _ ~ +. Everything else (quotes, backslashes, spaces, controls, any non-ASCII letter)
// is refused, which is what keeps a path from ending a string literal or a comment.
bool import_path_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '+';
}

// How a refused character is named in a message, as Go's %q names a rune: itself when it is
// visible, escaped (\x0a, \u202e) when it is a control or other hidden character.
std::string describe(std::string_view elem, size_t at) {
  size_t end = at;
  char32_t cp = text::decode(elem, end);
  if (text::is_hidden(cp)) return "'" + text::escaped(cp, static_cast<unsigned char>(elem[at])) + "'";
  return "'" + std::string(elem.substr(at, end - at)) + "'";
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// One element between slashes (checkElem for an import path).
std::string element_error(std::string_view elem) {
  if (elem.empty()) return "empty path element";
  if (std::all_of(elem.begin(), elem.end(), [](char c) { return c == '.'; }))
    return "invalid path element '" + std::string(elem) + "'";
  if (elem.back() == '.') return "trailing dot in path element";
  for (size_t i = 0; i < elem.size(); ++i)
    if (!import_path_char(static_cast<unsigned char>(elem[i]))) return "invalid char " + describe(elem, i);
  // Windows reserves these device names, with any extension, in every directory.
  static constexpr std::array<std::string_view, 22> kWindowsNames = {
      "CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
      "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
  std::string_view stem = elem.substr(0, elem.find('.'));
  for (std::string_view bad : kWindowsNames)
    if (iequals(stem, bad)) return "'" + std::string(stem) + "' disallowed as path element component on Windows";
  return {};
}

}  // namespace

std::string import_path_error(std::string_view path) {
  if (!valid_utf8(path)) return "invalid UTF-8";
  if (path.empty()) return "empty string";
  if (path.front() == '-') return "leading dash";
  if (path.find("//") != std::string_view::npos) return "double slash";
  if (path.back() == '/') return "trailing slash";
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (std::string why = element_error(path.substr(start, slash - start)); !why.empty()) return why;
    start = slash + 1;
  }
  return {};
}

std::string python_module_error(std::string_view name) {
  // Python's hard keywords: `import class` is a syntax error, so no module can be named so.
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",   "True",    "and",      "as",       "assert", "async", "await", "break",
      "class", "continue", "def",   "del",      "elif",     "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",       "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",      "while",  "with",   "yield"};
  if (name.empty()) return "empty module name";
  for (size_t start = 0; start <= name.size();) {
    size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) dot = name.size();
    std::string_view part = name.substr(start, dot - start);
    if (part.empty()) return "empty name between dots";
    // ASCII identifiers only: the name is also written into generated Go and C strings.
    if (std::isdigit(static_cast<unsigned char>(part[0]))) return "'" + std::string(part) + "' starts with a digit";
    for (size_t i = 0; i < part.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(part[i]);
      if (!std::isalnum(c) && c != '_') return "invalid char " + describe(part, i);
    }
    if (std::find(kKeywords.begin(), kKeywords.end(), part) != kKeywords.end())
      return "'" + std::string(part) + "' is a Python keyword";
    start = dot + 1;
  }
  return {};
}

}  // namespace gpic
