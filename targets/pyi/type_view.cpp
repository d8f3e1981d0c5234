#include "targets/pyi/type_view.hpp"

namespace gpic::pyi {

static bool is_integer_type(const ir::TypeDecl& t) {
  return t.kind == ir::TypeDecl::Kind::Defined && !t.alias && t.underlying &&
         t.underlying->kind == ir::Type::Kind::Prim && ir::is_integer(t.underlying->prim);
}

std::vector<const ir::Const*> enum_members(const ir::Module& m, const ir::TypeDecl& t) {
  std::vector<const ir::Const*> out;
  if (!is_integer_type(t)) return out;
  for (const auto& c : m.consts)
    if (c.type && c.type->kind == ir::Type::Kind::Named && c.type->qualifier.empty() && c.type->decl == &t)
      out.push_back(&c);
  return out;
}

TypeView view_of(const ir::Module& m, const ir::TypeDecl& t) {
  switch (t.kind) {
    case ir::TypeDecl::Kind::Struct: return TypeView::StructClass;
    case ir::TypeDecl::Kind::Interface: return TypeView::Protocol;
    case ir::TypeDecl::Kind::Defined: break;
  }
  if (!enum_members(m, t).empty()) return TypeView::IntEnum;
  if (!t.bound_methods.empty()) return TypeView::ValueClass;
  return TypeView::Alias;
}

const ir::TypeDecl* enum_of(const ir::Module& m, const ir::Const& c) {
  if (!c.type || c.type->kind != ir::Type::Kind::Named || !c.type->qualifier.empty() || !c.type->decl) return nullptr;
  const ir::TypeDecl& t = *c.type->decl;
  return view_of(m, t) == TypeView::IntEnum ? &t : nullptr;
}

}  // namespace gpic::pyi
