// The targets' layout rule (DESIGN, issue 11 §4): a target includes its own files, the shared
// pieces in targets/common and targets/target.hpp, never another target's internals; what two
// targets share moves to targets/common. targets/common itself depends on no target.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace gpic {
namespace {

namespace fs = std::filesystem;

// Every `#include "targets/<folder>/..."` of `file`: the folders it reaches into.
std::vector<std::string> included_target_folders(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  static const std::regex include(R"re(#include\s+"targets/([^/"]+)/)re");
  std::vector<std::string> folders;
  for (std::sregex_iterator it(s.begin(), s.end(), include), end; it != end; ++it) folders.push_back((*it)[1]);
  return folders;
}

TEST_CASE("targets include only their own files and targets/common") {
  fs::path root = fs::path(GPIC_SOURCE_DIR) / "targets";
  REQUIRE(fs::is_directory(root / "common"));
  std::vector<std::string> offences;
  size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    fs::path rel = fs::relative(entry.path(), root);
    if (rel.begin() == rel.end() || std::next(rel.begin()) == rel.end()) continue;  // targets/*.cpp: the registry
    std::string own = rel.begin()->string();
    ++checked;
    for (const std::string& folder : included_target_folders(entry.path())) {
      bool allowed = folder == own || folder == "common";
      if (!allowed) offences.push_back("targets/" + rel.generic_string() + " includes targets/" + folder + "/");
    }
  }
  CHECK(checked > 50);  // the walk found the targets' sources
  std::string report;
  for (const auto& o : offences) report += o + "\n";
  INFO("move what the targets share into targets/common:\n" << report);
  CHECK(offences.empty());
}

}  // namespace
}  // namespace gpic
