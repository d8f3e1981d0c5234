// Golden-file comparison for target output.
//
//   CHECK_GOLDEN("cgo/basics_shim.go", text);
//
// compares `text` with tests/golden/cgo/basics_shim.go. To regenerate every golden file after
// an intended change, run:
//
//   GPIC_UPDATE_GOLDEN=1 build/gpic_unit
//
// and review the diff with `git diff tests/golden`.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace gpic::testing {

inline std::string golden_path(const std::string& rel) { return std::string(GPIC_SOURCE_DIR) + "/tests/golden/" + rel; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Returns an empty string when `actual` matches the golden file (or the file was updated),
/// otherwise a message naming the first differing line.
inline std::string compare_golden(const std::string& rel, const std::string& actual) {
  std::string path = golden_path(rel);
  if (std::getenv("GPIC_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return "";
  }
  if (!std::filesystem::exists(path)) return "missing golden file " + path + " (run GPIC_UPDATE_GOLDEN=1 build/gpic_unit)";
  std::string expected = read_text(path);
  if (expected == actual) return "";
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, el)), ha = static_cast<bool>(std::getline(a, al));
    if (!he && !ha) break;
    if (el != al || he != ha)
      return rel + ":" + std::to_string(line) + " differs\n  golden: " + (he ? el : "<end>") + "\n  actual: " + (ha ? al : "<end>") +
             "\n(if intended: GPIC_UPDATE_GOLDEN=1 build/gpic_unit, then review git diff tests/golden)";
  }
  return rel + " differs";
}

}  // namespace gpic::testing

#define CHECK_GOLDEN(rel, actual)                                          \
  do {                                                                      \
    std::string gpic_golden_msg = ::gpic::testing::compare_golden(rel, actual); \
    CHECK_MESSAGE(gpic_golden_msg.empty(), gpic_golden_msg);                \
  } while (0)
