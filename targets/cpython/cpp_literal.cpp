#include "targets/cpython/cpp_literal.hpp"

#include "targets/common/quoting.hpp"

namespace gpic::cpython {

std::string cpp_string(std::string_view text, std::string_view indent) {
  if (text.empty()) return "\"\"";
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!out.empty()) out += "\n" + std::string(indent);
    out += quoting::c_string(text.substr(start, end - start));
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
