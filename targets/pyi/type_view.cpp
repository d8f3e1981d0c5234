#include "targets/pyi/type_view.hpp"

#include "targets/common/c_abi.hpp"
#include "targets/common/named_values.hpp"

namespace gpic::pyi {

static bool is_integer_type(const ir::TypeDecl& t) {
  return t.kind == ir::TypeDecl::Kind::Defined && !t.alias && t.underlying &&
         t.underlying->kind == ir::Type::Kind::Prim && ir::is_integer(t.underlying->prim);
}

EnumIndex::EnumIndex(const ir::Module& m) {
  for (const auto& c : m.consts)
    if (c.type && c.type->kind == ir::Type::Kind::Named && c.type->qualifier.empty() && c.type->decl &&
        is_integer_type(*c.type->decl))
      members_[c.type->decl].push_back(&c);
}

const std::vector<const ir::Const*>& EnumIndex::members(const ir::TypeDecl& t) const {
  static const std::vector<const ir::Const*> none;
  auto it = members_.find(&t);
  return it == members_.end() ? none : it->second;
}

TypeView view_of(const EnumIndex& enums, const ir::TypeDecl& t) {
  switch (t.kind) {
    case ir::TypeDecl::Kind::Struct: return TypeView::StructClass;
    case ir::TypeDecl::Kind::Interface: return TypeView::Protocol;
    case ir::TypeDecl::Kind::Defined: break;
  }
  if (!enums.members(t).empty()) return TypeView::IntEnum;
  if (abi::is_value_decl(t)) return TypeView::ScalarClass;
  if (abi::is_opaque_func_decl(t)) return TypeView::OpaqueClass;
  if (py::is_container_decl(t)) return TypeView::ContainerClass;
  if (!t.bound_methods.empty()) return TypeView::ValueClass;
  return TypeView::Alias;
}

TypeView view_of(const ir::Module& m, const ir::TypeDecl& t) { return view_of(EnumIndex(m), t); }

std::vector<const ir::Const*> enum_members(const ir::Module& m, const ir::TypeDecl& t) {
  return EnumIndex(m).members(t);
}

}  // namespace gpic::pyi
