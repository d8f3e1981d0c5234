#include "compiler/import_version.hpp"

namespace gpic {

static bool version_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '+' || c == '_' || c == '/';
}

VersionedPath split_import_version(std::string_view text) {
  VersionedPath r;
  size_t at = text.find('@');
  r.path = std::string(text.substr(0, at));
  if (at == std::string_view::npos) return r;
  r.version = std::string(text.substr(at + 1));
  if (r.version.find('@') != std::string::npos) {
    r.error = "the import path may carry one @version, not several";
  } else if (r.version.empty()) {
    r.error = "an empty @version: write a version after '@' (e.g. @v1.6.0), or none for the latest";
  } else if (r.path.empty()) {
    r.error = "@" + r.version + " names a version of no import path";
  } else {
    for (char c : r.version)
      if (!version_char(c)) {
        r.error = "the @version may hold only letters, digits and . - + _ /, not '" + std::string(1, c) + "'";
        break;
      }
  }
  return r;
}

}  // namespace gpic
