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

bool is_imported_class(const ir::Type* t) {
  const ir::Type* named = handle_named(t);
  return named && !named->qualifier.empty() && named->decl;
}

std::string class_ref(const ir::TypeDecl& d, const ir::Type* t) {
  if (!is_imported_class(t)) return CodecTable::class_name(d);
  const ir::Type* named = handle_named(t);
  return imported_module_alias(named->qualifier) + "." + CodecTable::class_name(*named->decl);
}

std::string imported_module_statements(const ir::Module& m) {
  std::string out;
  for (const ForeignUse& use : foreign_uses(m))
    out += "import " + use.module->name + " as " + imported_module_alias(use.module->name) + "\n";
  return out;
}

}  // namespace gpic::py
