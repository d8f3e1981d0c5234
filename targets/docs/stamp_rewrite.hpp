// Adds or updates the `@ko[stamp]` of every translated doc comment in .gpi source text,
// changing nothing else: the rest of the file comes back byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::docs {

struct StampChange {
  ir::Loc loc;                 // the `@ko` marker
  std::string symbol;          // "Point.Dist", "package shapes"
  std::string old_stamp;       // empty when the translation had none
  std::string new_stamp;
};

struct Restamped {
  std::string text;
  std::vector<StampChange> changes;
};

/// `module` is `source` parsed. With `new_only`, only unstamped translations get a stamp; a
/// stale one keeps its old stamp (and stays reported as stale) until its text is checked.
Restamped restamp(std::string_view source, const ir::Module& module, bool new_only);

}  // namespace gpic::docs
