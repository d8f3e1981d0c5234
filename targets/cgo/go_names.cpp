#include "targets/cgo/go_names.hpp"

#include <algorithm>
#include <array>

#include "compiler/foreign_types.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/quoting.hpp"

namespace gpic::cgo {

std::string local_name(std::string_view gpi_name, size_t index) {
  static constexpr std::array kTaken = {
      // predeclared identifiers
      "any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex128",
      "complex64", "copy", "delete", "error", "false", "float32", "float64", "imag", "int", "int16",
      "int32", "int64", "int8", "iota", "len", "make", "max", "min", "new", "nil", "panic", "print",
      "println", "real", "recover", "rune", "string", "true", "uint", "uint16", "uint32", "uint64",
      "uint8", "uintptr",
      // the shim's own names
      "C", "st", "err", "gopkg", "unsafe", "fmt", "r", "v", "o", "ok", "self", "w", "p", "res"};
  if (gpi_name.empty() || gpi_name == "_") return "arg" + std::to_string(index);
  std::string s(gpi_name);
  bool taken = std::any_of(kTaken.begin(), kTaken.end(), [&](const char* t) { return s == t; });
  // r0, v0, x0, a0, arg0... are result, temporary and unnamed-parameter names in generated
  // bodies.
  auto numbered = [&](std::string_view prefix) {
    return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
           s.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
  };
  taken = taken || numbered("r") || numbered("v") || numbered("x") || numbered("a") || numbered("arg");
  // The runtime's and the shim's package-level names all start with `gpic` (gpicRecover,
  // gpicArg...): a parameter must not hide them.
  taken = taken || s.compare(0, 4, "gpic") == 0;
  // cgo copies an exported function's parameter names into the C header it writes
  // (_cgo_export.h), so they must be C names too: C and C++ keywords, `linux`, `int64_t`...
  taken = taken || abi::is_c_reserved(s);
  // A name already ending in `_` moves on too, so that `int` -> `int_` and `int_` -> `int__`
  // stay two names: the escaping is one-to-one.
  if (taken || s.back() == '_') s += '_';
  return s;
}

std::string imported_alias(std::string_view qualifier) { return std::string(kPackageAlias) + "_" + std::string(qualifier); }

std::vector<GoImport> imported_packages_used(const ir::Module& m, const std::string& body) {
  std::vector<GoImport> out;
  // m's imports, and the packages another package's interface brings into m's proxies of it
  // (geo.Heading's method using a type of a package m does not import).
  std::vector<const ir::Module*> modules;
  for (const ir::Import& i : m.imports)
    if (i.module) modules.push_back(i.module);
  for (const ForeignUse& use : foreign_uses(m)) modules.push_back(use.module);
  for (const ir::Module* module : modules) {
    GoImport import{imported_alias(module->name), module->go_path};
    if (body.find(import.first + ".") != std::string::npos && std::find(out.begin(), out.end(), import) == out.end())
      out.push_back(std::move(import));
  }
  return out;
}

std::string import_lines(std::vector<GoImport> imports) {
  std::sort(imports.begin(), imports.end(), [](const GoImport& a, const GoImport& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  });
  imports.erase(std::unique(imports.begin(), imports.end()), imports.end());
  std::string out;
  for (const auto& [alias, path] : imports) out += "\t" + alias + " " + quoting::go_string(path) + "\n";
  return out;
}

std::string go_type(const ir::Type& t) {
  using K = ir::Type::Kind;
  switch (t.kind) {
    case K::Prim: return std::string(ir::prim_name(t.prim));
    case K::Named:
      if (t.decl && t.decl->instance_of) return go_instance(*t.decl->instance_of, t.qualifier);
      // A class the plan made for an unnamed func type has no Go name: it is that type.
      if (t.decl && t.decl->synthetic) return go_type(*t.decl->underlying);
      if (t.qualifier.empty()) return std::string(kPackageAlias) + "." + t.name;
      // A type of another bound .gpi; else a standard-library type gpic builds in (time.Time).
      return (t.decl ? imported_alias(t.qualifier) : t.qualifier) + "." + t.name;
    case K::Slice: return "[]" + go_type(*t.elem);
    case K::Array: return "[" + std::to_string(t.length) + "]" + go_type(*t.elem);
    case K::Map: return "map[" + go_type(*t.key) + "]" + go_type(*t.elem);
    case K::Pointer: return "*" + go_type(*t.elem);
    case K::Func: return go_func_type(*t.sig);
    case K::Chan:
      return std::string(t.dir == ir::Type::ChanDir::Recv ? "<-chan " : t.dir == ir::Type::ChanDir::Send ? "chan<- " : "chan ") +
             go_type(*t.elem);
    case K::Seq:
      return t.key ? "iter.Seq2[" + go_type(*t.key) + ", " + go_type(*t.elem) + "]" : "iter.Seq[" + go_type(*t.elem) + "]";
  }
  return "any";
}

std::string go_instance(const ir::Instantiation& inst, const std::string& qualifier) {
  std::string out = (qualifier.empty() ? std::string(kPackageAlias) : imported_alias(qualifier)) + "." + inst.generic + "[";
  for (size_t i = 0; i < inst.args.size(); ++i) out += (i ? ", " : "") + go_type(*inst.args[i]);
  return out + "]";
}

std::string go_decl_type(const ir::TypeDecl& t) {
  if (t.instance_of) return go_instance(*t.instance_of, "");
  // A class the plan made for an unnamed func type has no Go name: it is that type.
  if (t.synthetic) return go_type(*t.underlying);
  return std::string(kPackageAlias) + "." + t.name;
}

std::string go_func_value(const ir::Func& f) {
  if (f.instance_of) return go_instance(*f.instance_of, "");
  return std::string(kPackageAlias) + "." + f.name;
}

std::string go_func_type(const ir::FuncSig& sig) {
  std::string s = "func(";
  for (size_t i = 0; i < sig.params.size(); ++i) {
    if (i) s += ", ";
    bool variadic = sig.variadic && i + 1 == sig.params.size();
    s += variadic ? "..." + go_type(*sig.params[i].type->elem) : go_type(*sig.params[i].type);
  }
  s += ")";
  if (sig.results.size() == 1) {
    s += " " + go_type(*sig.results[0].type);
  } else if (!sig.results.empty()) {
    s += " (";
    for (size_t i = 0; i < sig.results.size(); ++i) s += (i ? ", " : "") + go_type(*sig.results[i].type);
    s += ")";
  }
  return s;
}

}  // namespace gpic::cgo
