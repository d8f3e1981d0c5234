#include "compiler/hidden_chars.hpp"

#include <cstdio>

namespace gpic::text {

char32_t decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return kInvalid;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are malformed too: a decoder downstream may read them
  // as something else.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++i;
    return kInvalid;
  }
  i += len;
  return cp;
}

bool is_hidden(char32_t cp) {
  if (cp == kInvalid) return true;
  if (cp < 0x20) return cp != '\t';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

std::string escaped(char32_t cp, unsigned char byte) {
  char buf[16];
  if (cp == kInvalid || cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp == kInvalid ? byte : static_cast<unsigned>(cp));
  else std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  return buf;
}

std::string show(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = decode(text, i);
    if (is_hidden(cp) && !(keep_newlines && cp == '\n')) out += escaped(cp, static_cast<unsigned char>(text[start]));
    else out.append(text.substr(start, i - start));
  }
  return out;
}

bool has_hidden(std::string_view text) {
  for (size_t i = 0; i < text.size();)
    if (is_hidden(decode(text, i))) return true;
  return false;
}

}  // namespace gpic::text
