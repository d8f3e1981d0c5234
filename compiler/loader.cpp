#include "compiler/loader.hpp"

#include <fstream>
#include <sstream>

#include "compiler/frontend.hpp"

namespace fs = std::filesystem;

namespace gpic {

const ir::Module* Loader::load(const std::string& path) { return load_file(fs::path(path), path); }

fs::path Loader::resolve_import(const ir::Module& from, const std::string& import_path) const {
  std::error_code ec;
  std::vector<fs::path> dirs{fs::path(from.file).parent_path()};
  dirs.insert(dirs.end(), include_dirs_.begin(), include_dirs_.end());
  for (const auto& d : dirs) {
    fs::path p = d / import_path;
    if (fs::is_regular_file(p, ec)) return p;
  }
  return {};
}

ir::Module* Loader::load_file(const fs::path& path, const std::string& display) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (auto it = modules_.find(key); it != modules_.end()) return it->second.get();

  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path, ec)) {
    diags_.error({display, 0, 0}, "cannot read file: " + std::string(fs::exists(path, ec) ? "permission denied or not a file" : "no such file"));
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  sources_.add(display, text.str());

  auto module = parse_gpi(display, text.str(), diags_);
  ir::Module* m = module.get();
  modules_[key] = std::move(module);
  in_progress_[key] = true;
  for (auto& imp : m->imports) {
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
