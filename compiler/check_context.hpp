// What the checker's passes share: the module under check, where to report, and name lookup
// across this file and its imports. Private to the checker (compiler/check_*.cpp).
//
// The passes run in a fixed order (see checker.cpp); each reports only what it owns, and each
// skips anything an earlier pass already found broken, so one mistake yields one error.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic::check {

/// A type declaration and the module it lives in.
struct Resolved {
  const ir::TypeDecl* decl = nullptr;
  const ir::Module* module = nullptr;
};

/// What a type really is once aliases and defined types are followed: a struct or interface
/// declaration, or a type expression that is not a name.
struct Underlying {
  const ir::TypeDecl* decl = nullptr;  // a Struct or Interface declaration, or null
  const ir::Module* module = nullptr;  // where `decl` is declared, or `type` written
  const ir::Type* type = nullptr;      // otherwise: a Prim, Slice, Array, Map, Pointer or Func type
};

/// The module `qualifier` names among `in`'s loaded imports (by package name), or null.
const ir::Module* imported_module(const ir::Module& in, std::string_view qualifier);

class Context {
 public:
  Context(ir::Module& module, Diagnostics& diags) : module(module), diags(diags) {}

  ir::Module& module;
  Diagnostics& diags;
  /// An import could not be loaded: an unknown qualifier may well be its package, so it is
  /// not reported again at every use.
  bool import_missing = false;

  void error(const ir::Loc& loc, std::string message) { diags.error(loc, std::move(message)); }
  void note(const ir::Loc& loc, std::string message) { diags.note(loc, std::move(message)); }

  // Lookups by name, through hash indexes (a file may declare 10^5 names); the first of
  // duplicate declarations wins. `m` is this module or one it imports.
  const ir::TypeDecl* find_type(const ir::Module& m, std::string_view name);
  ir::TypeDecl* find_local_type(std::string_view name);
  const ir::Const* find_const(const ir::Module& m, std::string_view name);
  /// A constant, variable or function of this module.
  bool is_value_name(std::string_view name);
  /// Drops the indexes of `m`, whose declarations moved (expand_generics rebuilds the module).
  void forget_index(const ir::Module& m) { indexes_.erase(&m); }

  /// Looks a Named type up as written in module `in`, without reporting anything; works for
  /// imported modules, which may not have been checked.
  Resolved lookup(const ir::Module& in, const ir::Type& named);
  /// Follows aliases and defined types down to what `type` (written in `in`) really is.
  Underlying underlying_of(const ir::Type& type, const ir::Module& in, int depth = 0);

 private:
  struct Index {
    std::unordered_map<std::string_view, const ir::TypeDecl*> types;
    std::unordered_map<std::string_view, const ir::Const*> consts;
    std::unordered_map<std::string_view, bool> values;
  };
  const Index& index(const ir::Module& m);
  std::unordered_map<const ir::Module*, Index> indexes_;
};

/// `'Point'`: how messages quote a name.
inline std::string quote(std::string_view name) { return "'" + std::string(name) + "'"; }

// The passes, in the order check_module() runs them.
void check_imports(Context& cx);
/// Rewrites qualifiers written with an import's alias to the package's name (check_imports).
void resolve_import_aliases(Context& cx);
void expand_generics(Context& cx);
void check_paths(Context& cx);
void check_names(Context& cx);
void check_types(Context& cx);
void check_recursive_types(Context& cx);
void check_nesting(Context& cx);
void check_receivers(Context& cx);
void check_directives(Context& cx);
void complete_interfaces(Context& cx);
void check_consts(Context& cx);
void check_python_calls(Context& cx);

}  // namespace gpic::check
