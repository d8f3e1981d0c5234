#include "targets/common/foreign_interfaces.hpp"

#include "targets/common/c_abi.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::abi {
namespace {

// The first named type of a bound package inside `t` (a well-known standard-library type is
// not one: every shim spells it the same way), or null.
const ir::Type* package_type_in(const ir::Type& t, int depth = 0) {
  using K = ir::Type::Kind;
  if (depth > 32 || wellknown::find(t)) return nullptr;
  if (t.kind == K::Named) return t.decl ? &t : nullptr;
  if (t.key)
    if (const ir::Type* n = package_type_in(*t.key, depth + 1)) return n;
  if (t.elem)
    if (const ir::Type* n = package_type_in(*t.elem, depth + 1)) return n;
  if (t.kind == K::Func && t.sig) {
    for (const auto& p : t.sig->params)
      if (const ir::Type* n = package_type_in(*p.type, depth + 1)) return n;
    for (const auto* r : t.sig->value_results())
      if (const ir::Type* n = package_type_in(*r->type, depth + 1)) return n;
  }
  return nullptr;
}

}  // namespace

bool foreign_interface_ok(const ir::TypeDecl& d, const ir::Type& t, std::string* why) {
  for (const auto& me : d.methods) {
    const ir::Type* named = nullptr;
    for (const auto& p : me.sig.params)
      if (!named) named = package_type_in(*p.type);
    for (const auto* r : me.sig.value_results())
      if (!named) named = package_type_in(*r->type);
    if (named) {
      if (why)
        *why = "interface " + t.go_spelling() + " of another package whose method " + me.name + " uses its type " +
               named->go_spelling() + " (another package's interface is bound when its methods use only predeclared, "
               "well-known and unnamed types)";
      return false;
    }
  }
  return true;
}

}  // namespace gpic::abi
