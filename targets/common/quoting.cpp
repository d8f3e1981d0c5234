#include "targets/common/quoting.hpp"

#include <filesystem>

#include "compiler/hidden_chars.hpp"

namespace gpic::quoting {

namespace {

void octal(std::string& out, unsigned char c) {
  out += '\\';
  out += static_cast<char>('0' + (c >> 6));
  out += static_cast<char>('0' + ((c >> 3) & 7));
  out += static_cast<char>('0' + (c & 7));
}

}  // namespace

std::string go_string(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = text::decode(text, i);
    switch (cp) {
      case '\\': out += "\\\\"; continue;
      case '"': out += "\\\""; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    // Go's \xNN is a byte and its \uNNNN a code point, exactly as text::escaped() spells them.
    if (text::is_hidden(cp)) out += text::escaped(cp, static_cast<unsigned char>(text[start]));
    else out.append(text.substr(start, i - start));
  }
  return out + "\"";
}

std::string c_string(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = text::decode(text, i);
    switch (cp) {
      case '\\': out += "\\\\"; continue;
      case '"': out += "\\\""; continue;
      case '\n': out += "\\n"; continue;
      case '\t': out += "\\t"; continue;
      case '?': out += "\\?"; continue;
      default: break;
    }
    std::string_view bytes = text.substr(start, i - start);
    if (text::is_hidden(cp)) {
      for (char b : bytes) octal(out, static_cast<unsigned char>(b));
    } else {
      out.append(bytes);
    }
  }
  return out + "\"";
}

std::string comment(std::string_view text) {
  bool plain = !text::has_hidden(text) && text.find('\\') == std::string_view::npos &&
               text.find("*/") == std::string_view::npos && text.find("??") == std::string_view::npos;
  if (plain) return std::string(text);
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = text::decode(text, i);
    if (cp == '\\' || cp == '"') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '/' && start > 0 && text[start - 1] == '*') {
      out += "\\/";  // `*/` would close a C or Go block comment
    } else if (cp == '?' && start > 0 && text[start - 1] == '?') {
      out += "\\?";  // `??/` is a backslash to a C compiler in trigraph mode
    } else if (text::is_hidden(cp)) {
      out += text::escaped(cp, static_cast<unsigned char>(text[start]));
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out + "\"";
}

std::string source_name(const ir::Module& m) { return comment(std::filesystem::path(m.file).filename().string()); }

}  // namespace gpic::quoting
