// Names: imports load and are unique; every declared name is ASCII, exported and unique in
// its scope; the package name works as a Python module name.
#include <array>
#include <functional>
#include <unordered_map>

#include "compiler/check_context.hpp"
#include "compiler/loader.hpp"
#include "compiler/std_gpi.hpp"

namespace gpic::check {

namespace {

// `"geo.gpi"`: an import path as the file writes it.
std::string quoting_path(const std::string& path) { return "\"" + path + "\""; }

bool is_ascii(std::string_view name) {
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_exported(std::string_view name) { return !name.empty() && name[0] >= 'A' && name[0] <= 'Z'; }

constexpr std::array<std::string_view, 35> kPythonKeywords = {
    "False", "None",   "True",  "and",   "as",       "assert", "async",  "await",    "break",
    "class", "continue", "def", "del",   "elif",     "else",   "except", "finally",  "for",
    "from",  "global", "if",    "import", "in",      "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise", "return", "try",     "while",  "with",   "yield"};

// Reports a non-ASCII name; true when the name is ASCII.
bool check_ascii(Context& cx, std::string_view name, const ir::Loc& loc) {
  if (is_ascii(name)) return true;
  cx.error(loc, "non-ASCII name " + quote(name) + " (only ASCII letters, digits and '_' are allowed)");
  return false;
}

// A declared name: ASCII, and exported since only exported names can be bound. A non-ASCII
// name gets one error, not two.
void check_declared_name(Context& cx, std::string_view kind, std::string_view name, const ir::Loc& loc) {
  if (!check_ascii(cx, name, loc)) return;
  if (!is_exported(name))
    cx.error(loc, std::string(kind) + " " + quote(name) +
                      " must start with an upper-case letter (only exported names can be bound)");
}

// Remembers the names of one scope and reports the second declaration of any of them.
class Scope {
 public:
  using Message = std::function<std::string(std::string_view name)>;
  Scope(Context& cx, Message message) : cx_(cx), message_(std::move(message)) {}

  /// False (after reporting) when `name` was already declared in this scope.
  bool declare(const std::string& name, const ir::Loc& loc) {
    if (name.empty() || name == "_") return true;
    auto [it, inserted] = seen_.emplace(name, loc);
    if (inserted) return true;
    cx_.error(loc, message_(name));
    cx_.note(it->second, "previous declaration is here");
    return false;
  }

 private:
  Context& cx_;
  Message message_;
  std::unordered_map<std::string, ir::Loc> seen_;
};

void check_package(Context& cx) {
  const ir::Module& m = cx.module;
  if (m.name.empty()) return;  // no package clause: a syntax error already
  if (!check_ascii(cx, m.name, m.loc)) return;
  for (std::string_view keyword : kPythonKeywords)
    if (m.name == keyword)
      cx.error(m.loc, "package name " + quote(m.name) + " is a Python keyword, so Python cannot import it");
}

void check_signature_names(Context& cx, const ir::FuncSig& sig) {
  for (const ir::Param& p : sig.params) check_ascii(cx, p.name, p.loc);
  for (const ir::Param& p : sig.results) check_ascii(cx, p.name, p.loc);
}

void check_type_decl(Context& cx, const ir::TypeDecl& t) {
  bool interface = t.kind == ir::TypeDecl::Kind::Interface;
  Scope members(cx, [&](std::string_view name) {
    return std::string(interface ? "duplicate method " : "duplicate field ") + quote(name) +
           (interface ? " in interface " : " in struct ") + quote(t.name);
  });
  for (const ir::Field& f : t.fields) {
    // An embedded field is named by its type, whose own declaration is checked where it is.
    if (!f.embedded) check_declared_name(cx, "field", f.name, f.loc);
    members.declare(f.name, f.loc);
  }
  for (const ir::InterfaceMethod& m : t.methods) {
    check_declared_name(cx, "method", m.name, m.loc);
    check_signature_names(cx, m.sig);
    members.declare(m.name, m.loc);
  }
}

}  // namespace

void check_imports(Context& cx) {
  std::unordered_map<std::string, const ir::Import*> by_path;
  std::unordered_map<std::string, const ir::Import*> by_package;
  std::unordered_map<std::string, const ir::Import*> by_local;
  for (const ir::Import& import : cx.module.imports) {
    auto [it, first] = by_path.emplace(import.path, &import);
    if (!first) {
      cx.error(import.loc, "duplicate import " + quote(import.path));
      cx.note(it->second->loc, "first imported here");
      continue;
    }
    if (!names_gpi_file(import.path)) {
      // The loader never reads such a path, so no other file's lines end up in diagnostics.
      cx.error(import.loc, "an import must name a .gpi file, not " + quote(import.path));
      cx.import_missing = true;
      continue;
    }
    if (!import.module && is_std_import(import.path)) {
      cx.error(import.loc, Loader::no_shipped_file(import.path));
      cx.import_missing = true;
      continue;
    }
    if (!import.module) {
      cx.error(import.loc, "cannot find imported file " + quote(import.path));
      cx.import_missing = true;
      continue;
    }
    if (import.alias == "_") {
      cx.error(import.alias_loc, "an imported .gpi is imported for its types: name it, or drop the '_'");
      continue;
    }
    auto [other, unique] = by_package.emplace(import.module->name, &import);
    if (!unique && other->second->module != import.module) {
      // Their Python modules would have one name too: an alias cannot tell them apart.
      cx.error(import.loc, "imported package " + quote(import.module->name) + " is already imported from " +
                               quote(other->second->path) + "; their types could not be told apart: rename one in its "
                               "package clause (a package's name is its Python module's, so one build holds one "
                               "of each)");
      cx.note(other->second->loc, "first imported here");
      continue;
    }
    // The name the file calls the package by: its alias, else its own name.
    const std::string& local = import.alias.empty() ? import.module->name : import.alias;
    auto [taken, fresh] = by_local.emplace(local, &import);
    if (!fresh && taken->second->module != import.module) {
      cx.error(import.alias.empty() ? import.loc : import.alias_loc,
               "the name " + quote(local) + " is already taken by the import of " + quote(taken->second->path) +
                   ": name this one otherwise, as Go does (import " + local + "2 " + quoting_path(import.path) + ")");
      cx.note(taken->second->loc, "first imported here");
    }
  }
  resolve_import_aliases(cx);
}

void check_names(Context& cx) {
  check_package(cx);
  ir::Module& m = cx.module;
  Scope top_level(cx, [](std::string_view name) { return "redefinition of " + quote(name); });
  for (const ir::DeclRef& ref : m.order) {
    switch (ref.kind) {
      case ir::DeclRef::Kind::Type: {
        const ir::TypeDecl& t = m.types[ref.index];
        check_declared_name(cx, "type", t.name, t.loc);
        top_level.declare(t.name, t.loc);
        check_type_decl(cx, t);
        break;
      }
      case ir::DeclRef::Kind::Func: {
        const ir::Func& f = m.funcs[ref.index];
        check_declared_name(cx, f.recv ? "method" : "function", f.name, f.loc);
        if (f.recv) check_ascii(cx, f.recv->name, f.recv->loc);
        else top_level.declare(f.name, f.loc);  // methods live in their type's scope
        check_signature_names(cx, f.sig);
        break;
      }
      case ir::DeclRef::Kind::Const: {
        const ir::Const& c = m.consts[ref.index];
        check_declared_name(cx, "constant", c.name, c.loc);
        top_level.declare(c.name, c.loc);
        break;
      }
      case ir::DeclRef::Kind::Var: {
        const ir::Var& v = m.vars[ref.index];
        check_declared_name(cx, "variable", v.name, v.loc);
        top_level.declare(v.name, v.loc);
        break;
      }
    }
  }
}

}  // namespace gpic::check
