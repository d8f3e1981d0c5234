// A .gpi constant's value as Go source inside the shim. The .gpi writes names as its own
// package sees them (`Domain(1)`, `KByte * 1000`, `geometry.Origin`); the shim is another
// package, so every name the .gpi declares is qualified: this package's constants and types
// with the bound package's alias, an imported .gpi's with an alias of its own Go package.
// Go's predeclared names (`true`, `len`, `uint8`...) stay as written.
#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::cgo {

class ConstValues {
 public:
  explicit ConstValues(const ir::Module& m);

  /// The imports the values need besides the bound package: (alias, Go import path), sorted.
  const std::vector<std::pair<std::string, std::string>>& imports() const { return imports_; }

  /// The value of `k` (one of the module's constants) as Go source, formatted as gofmt
  /// would, with its `iota` replaced by the constant's index in its group.
  std::string go_value(const ir::Const& k) const;

 private:
  std::string qualify(const std::string& id) const;
  /// The alias the shim imports `imported`'s Go package under.
  std::string alias_of(const ir::Module& imported) const;

  const ir::Module& m_;
  std::unordered_set<std::string> own_names_;  // the module's constants and types
  std::vector<std::pair<std::string, std::string>> imports_;
};

}  // namespace gpic::cgo
