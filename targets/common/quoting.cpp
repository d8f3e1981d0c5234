#include "targets/common/quoting.hpp"

#include <cstdio>
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

// A hidden character as a Go escape: \xNN is a byte in a Go string, so a code point from
// U+0080 up is \uNNNN; a malformed byte stays that byte (\xNN).
static std::string go_escape(char32_t cp, unsigned char byte) {
  if (cp != text::kInvalid && cp >= 0x80 && cp < 0x100) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    return buf;
  }
  return text::escaped(cp, byte);
}

std::string go_string(std::string_view text) {
  return quote_each(
      text, [](char32_t cp) { return cp == '\r' ? "\\r" : common_escape(cp); },
      [](char32_t cp, std::string_view bytes) { return go_escape(cp, static_cast<unsigned char>(bytes[0])); });
}

std::string go_literal(std::string_view token) {
  if (token.size() >= 2 && token.front() == '`') {
    if (!text::has_hidden(token)) return std::string(token);
    // A raw string means its bytes, less carriage returns (as Go reads it): quote those.
    std::string value;
    for (char c : token.substr(1, token.size() - 2))
      if (c != '\r') value += c;
    return go_string(value);
  }
  // An interpreted string or rune literal: its escapes stay as written, hidden characters
  // written raw become escapes of the same value.
  std::string out;
  for (size_t i = 0; i < token.size();) {
    size_t start = i;
    char32_t cp = text::decode(token, i);
    if (cp == '\\' && i < token.size()) {
      text::decode(token, i);  // the escaped character travels with its backslash
      out.append(token.substr(start, i - start));
    } else if (text::is_hidden(cp)) {
      out += go_escape(cp, static_cast<unsigned char>(token[start]));
    } else {
      out.append(token.substr(start, i - start));
    }
  }
  return out;
}

std::string c_string(std::string_view text) {
  return quote_each(
      text, [](char32_t cp) { return cp == '?' ? "\\?" : common_escape(cp); },
      [](char32_t, std::string_view bytes) {
        std::string out;
        for (char b : bytes) octal(out, static_cast<unsigned char>(b));
        return out;
      });
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
