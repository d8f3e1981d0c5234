#include "compiler/std_gpi.hpp"

#include <algorithm>

#include "compiler/embedded.hpp"
#include "compiler/frontend.hpp"

namespace gpic {
namespace {

constexpr std::string_view kStdDir = "runtime/std/";

}  // namespace

bool is_std_import(std::string_view import_path) { return import_path.substr(0, kStdImportPrefix.size()) == kStdImportPrefix; }

std::optional<std::string_view> std_gpi_text(std::string_view import_path) {
  if (!is_std_import(import_path)) return std::nullopt;
  std::string want = std::string(kStdDir) + std::string(import_path.substr(kStdImportPrefix.size())) + ".gpi";
  for (const auto& f : embedded_files())
    if (f.path == want) return f.content;
  return std::nullopt;
}

std::string std_gpi_display(std::string_view import_path) { return std::string(import_path) + ".gpi"; }

std::vector<std::string> std_gpi_packages() {
  std::vector<std::string> out;
  for (const auto& f : embedded_files()) {
    std::string_view p = f.path;
    if (p.substr(0, kStdDir.size()) != kStdDir || p.size() < kStdDir.size() + 4 || p.substr(p.size() - 4) != ".gpi")
      continue;
    out.emplace_back(p.substr(kStdDir.size(), p.size() - kStdDir.size() - 4));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> shipped_type_lists() {
  std::vector<std::string> out;
  for (const auto& p : std_gpi_packages()) {
    std::string path = std::string(kStdImportPrefix) + p;
    Diagnostics diags;
    auto m = parse_gpi(std_gpi_display(path), std::string(*std_gpi_text(path)), diags);
    if (!m || diags.has_errors()) continue;  // a shipped file always parses (tests/unit/test_std_gpi.cpp)
    std::string types;
    for (const auto& t : m->types) types += (types.empty() ? "" : ",") + t.name;
    out.push_back(p + "=" + m->name + "=" + types);
  }
  return out;
}

bool is_std_module(const ir::Module& m) { return m.shipped; }

std::vector<const ir::Module*> shipped_imports(const std::vector<const ir::Module*>& inputs) {
  std::vector<const ir::Module*> out;
  std::vector<const ir::Module*> todo(inputs.begin(), inputs.end());
  auto known = [&](const ir::Module* m) {
    return std::find(inputs.begin(), inputs.end(), m) != inputs.end() || std::find(out.begin(), out.end(), m) != out.end();
  };
  while (!todo.empty()) {
    const ir::Module* m = todo.back();
    todo.pop_back();
    for (const ir::Import& i : m->imports) {
      if (!i.module || !is_std_module(*i.module) || known(i.module)) continue;
      out.push_back(i.module);
      todo.push_back(i.module);
    }
  }
  return out;
}

}  // namespace gpic
