#include "targets/cpython/cpp_literal.hpp"

namespace gpic::cpython {

static std::string escape(std::string_view line) {
  std::string out;
  for (unsigned char c : line) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '?': out += "\\?"; break;  // no trigraphs, whatever the compiler's mode
      default:
        if (c < 0x20 || c == 0x7f) {
          // Octal, always three digits: a following digit cannot extend the escape.
          out += '\\';
          out += static_cast<char>('0' + (c >> 6));
          out += static_cast<char>('0' + ((c >> 3) & 7));
          out += static_cast<char>('0' + (c & 7));
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string cpp_string(std::string_view text, std::string_view indent) {
  if (text.empty()) return "\"\"";
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!out.empty()) out += "\n" + std::string(indent);
    out += "\"" + escape(text.substr(start, end - start)) + "\"";
    start = end;
  }
  return out;
}

std::string cpp_doc_string(std::string_view text, std::string_view indent) {
  std::string shown;
  shown.reserve(text.size());
  for (char c : text) {
    if (c == '\0') shown += "\xE2\x90\x80";  // U+2400 SYMBOL FOR NULL, in UTF-8
    else shown += c;
  }
  return cpp_string(shown, indent);
}

}  // namespace gpic::cpython
