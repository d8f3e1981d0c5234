#include "compiler/output_paths.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "compiler/output_commit.hpp"

namespace fs = std::filesystem;

namespace gpic {

std::optional<std::string> bad_output_path(const std::string& rel) {
  if (rel.empty()) return "an empty path";
  if (rel.front() == '/') return "an absolute path";
  for (unsigned char c : rel)
    if (c < 0x20 || c == 0x7f) return "a control character";
  fs::path p(rel);
  for (const fs::path& part : p) {
    if (part.empty() || part == "." || part == "..") return "a '" + part.string() + "' component";
  }
  std::string top = p.begin()->string();
  if (top == kManifestName || top.rfind(kTempPrefix, 0) == 0) return "a name gpic keeps for itself";
  return std::nullopt;
}

std::optional<fs::path> non_directory_component(const fs::path& root, const fs::path& rel_dir) {
  fs::path at = root;
  for (const fs::path& part : rel_dir) {
    at /= part;
    struct stat st{};
    if (::lstat(at.c_str(), &st) != 0) return std::nullopt;  // from here on nothing exists yet
    if (!S_ISDIR(st.st_mode)) return at;                     // S_ISDIR is false for a symlink under lstat
  }
  return std::nullopt;
}

bool make_real_directories(const fs::path& root, const fs::path& rel_dir, std::string& error) {
  fs::path at = root;
  for (const fs::path& part : rel_dir) {
    at /= part;
    if (::mkdir(at.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create '" + at.string() + "': " + std::strerror(errno);
      return false;
    }
    struct stat st{};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      error = "'" + at.string() + "' is " + (S_ISLNK(st.st_mode) ? "a symbolic link" : "not a directory") +
              "; gpic writes only inside the output directory and does not follow links there";
      return false;
    }
  }
  return true;
}

}  // namespace gpic
