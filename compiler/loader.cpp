#include "compiler/loader.hpp"

#include <fstream>
#include <optional>
#include <sstream>

#include "compiler/frontend.hpp"
#include "compiler/limits.hpp"
#include "compiler/std_gpi.hpp"

namespace fs = std::filesystem;

namespace gpic {

bool names_gpi_file(const std::string& import_path) {
  if (is_std_import(import_path)) return true;  // a shipped file (std_gpi.hpp)
  fs::path p(import_path);
  return p.extension() == ".gpi" && p.stem() != "";
}

const ir::Module* Loader::load(const std::string& path) {
  if (is_std_import(path)) {
    if (const ir::Module* m = load_std(path)) return m;
    diags_.error({path, 0, 0}, "cannot read file: " + no_shipped_file(path));
    return nullptr;
  }
  return load_file(fs::path(path), path);
}

std::string Loader::no_shipped_file(const std::string& import_path) {
  std::string list;
  for (const auto& p : std_gpi_packages()) list += (list.empty() ? "" : ", ") + p;
  return "gpic ships no .gpi of standard package '" + import_path.substr(kStdImportPrefix.size()) +
         "' (it ships " + list + ")";
}

ir::Module* Loader::load_std(const std::string& import_path) {
  if (auto it = modules_.find(import_path); it != modules_.end()) return it->second.get();
  std::optional<std::string_view> text = std_gpi_text(import_path);
  if (!text) return nullptr;
  return load_text(import_path, std_gpi_display(import_path), std::string(*text), true);
}

fs::path Loader::resolve_import(const ir::Module& from, const std::string& import_path) const {
  if (!names_gpi_file(import_path)) return {};  // reported by the checker, at the import
  std::error_code ec;
  std::vector<fs::path> dirs{fs::path(from.file).parent_path()};
  dirs.insert(dirs.end(), include_dirs_.begin(), include_dirs_.end());
  for (const auto& d : dirs) {
    fs::path p = d / import_path;
    if (fs::is_regular_file(p, ec)) return p;
  }
  return {};
}

// Reads a .gpi file, refusing what is not a regular file (a directory, /dev/zero, a FIFO,
// which could block or never end) or is larger than limits::kMaxInputBytes.
std::optional<std::string> Loader::read_source(const fs::path& path, const std::string& display) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  auto refuse = [&](const std::string& why) {
    diags_.error({display, 0, 0}, "cannot read file: " + why);
    return std::nullopt;
  };
  if (!fs::exists(status)) return refuse("no such file");
  if (!fs::is_regular_file(status))
    return refuse(fs::is_directory(status) ? "it is a directory" : "not a regular file (a device, pipe or socket)");
  std::uintmax_t size = fs::file_size(path, ec);
  auto too_large = [&](std::uintmax_t bytes) {
    return refuse("it is " + std::to_string(bytes) + " bytes; .gpi files may be at most " +
                  std::to_string(limits::kMaxInputBytes >> 20) + " MiB");
  };
  if (!ec && size > limits::kMaxInputBytes) return too_large(size);
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse("permission denied");
  // Read by chunks, never past the limit: the file may have grown since it was measured.
  std::string text;
  if (!ec) text.reserve(size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > limits::kMaxInputBytes) return too_large(text.size());
  }
  return text;
}

ir::Module* Loader::load_file(const fs::path& path, const std::string& display) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (auto it = modules_.find(key); it != modules_.end()) return it->second.get();

  std::optional<std::string> text = read_source(path, display);
  if (!text) return nullptr;
  return load_text(key, display, std::move(*text));
}

ir::Module* Loader::load_text(const std::string& key, const std::string& display, std::string text, bool shipped) {
  std::error_code ec;
  auto module = parse_gpi(display, text, diags_);
  module->shipped = shipped;
  sources_.add(display, std::move(text));
  ir::Module* m = module.get();
  modules_[key] = std::move(module);
  in_progress_[key] = true;
  for (auto& imp : m->imports) {
    if (is_std_import(imp.path)) {
      std::string tkey = imp.path;
      if (in_progress_[tkey]) {
        diags_.error(imp.loc, "import cycle: '" + imp.path + "' imports this file again");
        imp.module = modules_[tkey].get();
        continue;
      }
      imp.module = load_std(imp.path);  // none: the checker reports it at the import
      continue;
    }
    fs::path target = resolve_import(*m, imp.path);
    if (target.empty()) continue;  // the checker reports the missing file at the import
    std::string tkey = fs::weakly_canonical(target, ec).string();
    if (in_progress_[tkey]) {
      diags_.error(imp.loc, "import cycle: '" + imp.path + "' imports this file again");
      imp.module = modules_[tkey].get();
      continue;
    }
    // Show imported files by the path through which they were found.
    imp.module = load_file(target, target.lexically_normal().string());
  }
  in_progress_[key] = false;
  check_module(*m, diags_);
  return m;
}

}  // namespace gpic
