// Cross-references in doc text: `[Point]`, `[Point.Dist]`, `[geometry.Vec]` (Go doc link syntax)
// resolved to a page and an anchor.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace gpic::docs {

struct XrefTarget {
  std::string page;      // module name of the page; empty for the module's own page
  std::string anchor;
};

class XrefTable {
 public:
  explicit XrefTable(const ir::Module& module);

  /// `Name`, `Type.Member`, `pkg.Name` or `pkg.Type.Member`, where pkg is the module itself or
  /// one it imports.
  std::optional<XrefTarget> resolve(std::string_view ref) const;

  /// Whether an unresolved `ref` is worth a warning: it looks like an exported Go name or starts
  /// with a known package. `[i]` or `[key]` in prose stays plain text without complaint.
  bool looks_like_symbol(std::string_view ref) const;

  /// The closest known name (edit distance at most 2), or empty: for "did you mean".
  std::string suggest(std::string_view ref) const;

 private:
  using Anchors = std::map<std::string, std::string, std::less<>>;
  const ir::Module& module_;
  Anchors local_;
  std::map<std::string, Anchors, std::less<>> imported_;   // by module name
};

}  // namespace gpic::docs
