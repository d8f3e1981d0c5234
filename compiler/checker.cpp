// check_module(): the .gpi language's rules (DESIGN §2), as a sequence of passes over the IR.
#include "compiler/check_context.hpp"
#include "compiler/frontend.hpp"

namespace gpic {

namespace check {

const ir::Module* imported_module(const ir::Module& in, std::string_view qualifier) {
  for (const ir::Import& import : in.imports)
    if (import.module && import.module->name == qualifier) return import.module;
  return nullptr;
}

Resolved lookup(const ir::Module& in, const ir::Type& named) {
  const ir::Module* home = named.qualifier.empty() ? &in : imported_module(in, named.qualifier);
  if (!home) return {};
  const ir::TypeDecl* decl = home->find_type(named.name);
  return decl ? Resolved{decl, home} : Resolved{};
}

Underlying underlying_of(const ir::Type& type, const ir::Module& in, int depth) {
  if (depth > 64) return {};  // a cycle of defined types, reported by check_recursive_types
  if (type.kind != ir::Type::Kind::Named) return {nullptr, nullptr, &type};
  Resolved r = type.decl ? Resolved{type.decl, type.decl_module} : lookup(in, type);
  if (!r.decl || !r.module) return {};
  if (r.decl->kind != ir::TypeDecl::Kind::Defined) return {r.decl, r.module, nullptr};
  if (!r.decl->underlying) return {};
  return underlying_of(*r.decl->underlying, *r.module, depth + 1);
}

}  // namespace check

void check_module(ir::Module& module, Diagnostics& diags) {
  check::Context cx{module, diags};
  check::check_imports(cx);            // loaded, not twice: qualified names need them
  check::check_names(cx);              // exported, ASCII, unique
  check::check_types(cx);              // every type resolves; map keys, results, arrays
  check::check_recursive_types(cx);    // no struct contains itself by value
  check::check_receivers(cx);          // methods hang on a type of this file; bound_methods
  check::complete_interfaces(cx);      // embedded interfaces' methods join the method set
  check::check_consts(cx);             // names in values resolve; untyped consts get a type
}

}  // namespace gpic
