// Embedded structs: the fields and methods a struct gets from the types it embeds, promoted as
// Go promotes them (the Go spec, "Selectors"). Every target reads them from here, so the
// shim exports, the Python classes, the stub and the docs agree on which names exist.
//
// A promoted member is a copy of the embedded type's declaration, owned by the result: a field
// keeps its name, type and doc; a method gets the embedding struct as its receiver. Go itself
// resolves the selector (`o.ID`, `o.Describe()`) in the shim, so nothing else changes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic::abi {

struct PromotedField {
  std::shared_ptr<const ir::Field> field;   // a copy, named as in the embedded type
  std::string via;                          // the embedded fields reaching it: "Mid.Base"
};

struct PromotedMethod {
  std::shared_ptr<const ir::Func> func;     // a copy whose receiver is the embedding struct
  std::string via;
};

struct Promoted {
  std::vector<PromotedField> fields;
  std::vector<PromotedMethod> methods;
  bool empty() const { return fields.empty() && methods.empty(); }
};

/// What struct `t` promotes from its embedded fields (embedded structs, named types with
/// methods and interfaces declared in the same .gpi), in declaration order: at each depth, a
/// name that the struct or a shallower embedded type already has is hidden, and a name two
/// embedded types at the same depth both have is ambiguous and not promoted, as in Go.
Promoted promoted_members(const ir::TypeDecl& t);

}  // namespace gpic::abi
