#include "targets/common/python_imports.hpp"

#include "compiler/foreign_types.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/python_codecs.hpp"

namespace gpic::py {
namespace {

// The named type that decides a handle's class: `t` itself, or what it points to, past aliases.
const ir::Type* handle_named(const ir::Type* t) {
  if (!t) return nullptr;
  const ir::Type* u = &abi::underlying(*t);
  if (u->kind == ir::Type::Kind::Pointer && u->elem) u = &abi::underlying(*u->elem);
  return u->kind == ir::Type::Kind::Named ? u : nullptr;
}

}  // namespace

std::string imported_module_alias(std::string_view module) { return "_gpkg_" + std::string(module); }

std::string interface_go_name(const abi::InterfaceExport& i) {
  return i.qualifier.empty() ? i.decl->name : i.qualifier + "." + i.decl->name;
}

bool is_imported_class(const ir::Type* t) {
  const ir::Type* named = handle_named(t);
  return named && !named->qualifier.empty() && named->decl;
}

std::string class_ref(const ir::TypeDecl& d, const ir::Type* t) {
  if (!is_imported_class(t)) return CodecTable::class_name(d);
  const ir::Type* named = handle_named(t);
  return imported_module_alias(named->qualifier) + "." + CodecTable::class_name(*named->decl);
}

bool is_value_class_in(const ir::TypeDecl& d, const ir::Module& home) {
  if (d.kind != ir::TypeDecl::Kind::Defined || d.alias || !d.underlying || abi::is_handle_decl(d)) return false;
  const ir::Type& u = abi::underlying(*d.underlying);
  if (u.kind != ir::Type::Kind::Prim || !(ir::is_integer(u.prim) || ir::is_float(u.prim))) return false;
  // As the declaring module decides it (CodecTable): typed constants make an integer type an
  // IntEnum there; methods make any of them a class.
  if (abi::is_value_decl(d)) return true;
  for (const ir::Const& c : home.consts)
    if (ir::is_integer(u.prim) && c.type && abi::decl_of(*c.type) == &d) return true;
  return false;
}

std::string imported_value_class(const ir::Type& t) {
  if (t.kind != ir::Type::Kind::Named || t.qualifier.empty() || !t.decl || !t.decl_module) return "";
  if (!is_value_class_in(*t.decl, *t.decl_module)) return "";
  return imported_module_alias(t.qualifier) + "." + CodecTable::class_name(*t.decl);
}

std::string imported_module_statements(const ir::Module& m) {
  std::string out;
  for (const ForeignUse& use : foreign_uses(m))
    out += "import " + use.module->name + " as " + imported_module_alias(use.module->name) + "\n";
  return out;
}

}  // namespace gpic::py
