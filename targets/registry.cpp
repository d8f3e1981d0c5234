#include <algorithm>

#include "targets/target.hpp"

namespace gpic {

TargetRegistry& TargetRegistry::instance() {
  static TargetRegistry registry;
  return registry;
}

void TargetRegistry::add(std::unique_ptr<Target> target) { targets_.push_back(std::move(target)); }

const Target* TargetRegistry::find(std::string_view name) const {
  for (const auto& t : targets_)
    if (t->name() == name) return t.get();
  return nullptr;
}

std::vector<const Target*> TargetRegistry::all() const {
  std::vector<const Target*> out;
  for (const auto& t : targets_) out.push_back(t.get());
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name() < b->name(); });
  return out;
}

}  // namespace gpic
