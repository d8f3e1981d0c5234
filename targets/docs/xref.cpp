#include "targets/docs/xref.hpp"

#include <algorithm>
#include <vector>

#include "targets/docs/anchors.hpp"

namespace gpic::docs {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

XrefTable::XrefTable(const ir::Module& module) : module_(module), local_(symbol_anchors(module)) {
  for (const auto& imp : module.imports)
    if (imp.module) imported_[imp.module->name] = symbol_anchors(*imp.module);
}

std::optional<XrefTarget> XrefTable::resolve(std::string_view ref) const {
  if (auto it = local_.find(ref); it != local_.end()) return XrefTarget{"", it->second};
  size_t dot = ref.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view pkg = ref.substr(0, dot), rest = ref.substr(dot + 1);
  if (pkg == module_.name) {
    if (auto it = local_.find(rest); it != local_.end()) return XrefTarget{"", it->second};
    return std::nullopt;
  }
  if (auto m = imported_.find(pkg); m != imported_.end())
    if (auto it = m->second.find(rest); it != m->second.end()) return XrefTarget{std::string(pkg), it->second};
  return std::nullopt;
}

bool XrefTable::looks_like_symbol(std::string_view ref) const {
  if (ref.empty()) return false;
  if (ref[0] >= 'A' && ref[0] <= 'Z') return true;
  std::string_view first = ref.substr(0, ref.find('.'));
  return first == module_.name || imported_.count(first) > 0;
}

std::string XrefTable::suggest(std::string_view ref) const {
  std::string best;
  size_t best_d = 3;
  auto consider = [&](const std::string& name) {
    size_t d = edit_distance(ref, name);
    if (d < best_d) {
      best_d = d;
      best = name;
    }
  };
  for (const auto& [name, anchor] : local_) consider(name);
  for (const auto& [pkg, anchors] : imported_)
    for (const auto& [name, anchor] : anchors) consider(pkg + "." + name);
  return best;
}

}  // namespace gpic::docs
