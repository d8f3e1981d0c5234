// check_module(): the .gpi language's rules (DESIGN §2), as a sequence of passes over the IR.
#include "compiler/check_context.hpp"
#include "compiler/frontend.hpp"
#include "compiler/limits.hpp"

namespace gpic {

namespace check {

const ir::Module* imported_module(const ir::Module& in, std::string_view qualifier) {
  for (const ir::Import& import : in.imports)
    if (import.module && import.module->name == qualifier) return import.module;
  return nullptr;
}

const Context::Index& Context::index(const ir::Module& m) {
  auto [it, fresh] = indexes_.try_emplace(&m);
  Index& index = it->second;
  if (fresh) {
    for (const ir::TypeDecl& t : m.types) index.types.emplace(t.name, &t);
    for (const ir::Const& c : m.consts) index.consts.emplace(c.name, &c);
    for (const ir::Const& c : m.consts) index.values.emplace(c.name, true);
    for (const ir::Var& v : m.vars) index.values.emplace(v.name, true);
    for (const ir::Func& f : m.funcs)
      if (!f.recv) index.values.emplace(f.name, true);
  }
  return index;
}

const ir::TypeDecl* Context::find_type(const ir::Module& m, std::string_view name) {
  const Index& i = index(m);
  auto it = i.types.find(name);
  return it == i.types.end() ? nullptr : it->second;
}

ir::TypeDecl* Context::find_local_type(std::string_view name) {
  // The index holds pointers into this very module, which the checker may modify.
  return const_cast<ir::TypeDecl*>(find_type(module, name));
}

const ir::Const* Context::find_const(const ir::Module& m, std::string_view name) {
  const Index& i = index(m);
  auto it = i.consts.find(name);
  return it == i.consts.end() ? nullptr : it->second;
}

bool Context::is_value_name(std::string_view name) { return index(module).values.count(name) > 0; }

Resolved Context::lookup(const ir::Module& in, const ir::Type& named) {
  const ir::Module* home = named.qualifier.empty() ? &in : imported_module(in, named.qualifier);
  if (!home) return {};
  const ir::TypeDecl* decl = find_type(*home, named.name);
  return decl ? Resolved{decl, home} : Resolved{};
}

Underlying Context::underlying_of(const ir::Type& type, const ir::Module& in, int depth) {
  // Deeper only in a cycle of defined types (reported by check_recursive_types), or a chain
  // too long (reported by check_nesting).
  if (depth > limits::kMaxNesting) return {};
  if (type.kind != ir::Type::Kind::Named) return {nullptr, &in, &type};
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
  check::expand_generics(cx);          // instantiations become ordinary declarations
  check::check_paths(cx);              // the Go import path, and a file name generated code can name
  check::check_names(cx);              // exported, ASCII, unique
  check::check_types(cx);              // every type resolves; map keys, results, arrays
  check::check_recursive_types(cx);    // no struct contains itself by value
  check::check_receivers(cx);          // methods hang on a type of this file; bound_methods
  check::check_directives(cx);         // //gpic: marks name numeric slice parameters
  int errors = diags.error_count();
  check::check_nesting(cx);            // no type nests too deeply through names; no embedding cycle
  // Completion follows embeddings recursively: only once they are known to be shallow.
  if (diags.error_count() == errors) check::complete_interfaces(cx);  // embedded interfaces' methods join
  check::check_consts(cx);             // names in values resolve; untyped consts get a type
  check::check_python_calls(cx);       // a `python:` package's calls all end in an error result
}

}  // namespace gpic
