// Reads .gpi files and the files they import, parses and checks each once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Whether an import's path names a .gpi file: the only files an import may read.
bool names_gpi_file(const std::string& import_path);

class Loader {
 public:
  Loader(SourceFiles& sources, Diagnostics& diags, std::vector<std::filesystem::path> include_dirs)
      : sources_(sources), diags_(diags), include_dirs_(std::move(include_dirs)) {}

  /// Loads `path` (as the user named it) and, recursively, its imports. Returns null when the
  /// file cannot be read; otherwise the checked module (diags says whether it is valid).
  const ir::Module* load(const std::string& path);

 private:
  ir::Module* load_file(const std::filesystem::path& path, const std::string& display);
  ir::Module* load_text(const std::string& key, const std::string& display, std::string text, bool shipped = false);
  /// A file gpic ships (std_gpi.hpp), by its import path; null when it ships none.
  ir::Module* load_std(const std::string& import_path);
  std::optional<std::string> read_source(const std::filesystem::path& path, const std::string& display);
  std::filesystem::path resolve_import(const ir::Module& from, const std::string& import_path) const;

 public:
  /// Why a "gpic:std/..." path names no shipped file, with the list of those it ships.
  static std::string no_shipped_file(const std::string& import_path);

 private:

  SourceFiles& sources_;
  Diagnostics& diags_;
  std::vector<std::filesystem::path> include_dirs_;
  std::map<std::string, std::unique_ptr<ir::Module>> modules_;   // by canonical path
  std::map<std::string, bool> in_progress_;                     // import cycle detection
};

}  // namespace gpic
