#include "targets/cpython/codecs.hpp"

#include "targets/common/python_names.hpp"

namespace gpic::cpython {
namespace {

using K = ir::Type::Kind;

const char* typecode(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Int8: return "b";
    case ir::Prim::Uint8: return "B";
    case ir::Prim::Int16: return "h";
    case ir::Prim::Uint16: return "H";
    case ir::Prim::Int32: return "i";
    case ir::Prim::Uint32: return "I";
    case ir::Prim::Int: case ir::Prim::Int64: return "q";
    case ir::Prim::Float32: return "f";
    case ir::Prim::Float64: return "d";
    default: return "Q";
  }
}

const char* num_kind(ir::Prim p) {
  if (ir::is_float(p)) return "f";
  return ir::is_signed(ir::canonical(p)) ? "i" : "u";
}

}  // namespace

std::string Codecs::numeric_result(const ir::Type& t, const std::string& r) {
  if (const ir::TypeDecl* d = abi::decl_of(t); d && (abi::is_handle_decl(*d) || d->kind == ir::TypeDecl::Kind::Interface))
    return "";
  const ir::Type& u = abi::underlying(t);
  if (u.kind != K::Slice && u.kind != K::Array) return "";
  const ir::Type& e = abi::underlying(*u.elem);
  if (e.kind != K::Prim || !(ir::is_integer(e.prim) || ir::is_float(e.prim))) return "";
  if (ir::canonical(e.prim) == ir::Prim::Uint8 && (e.prim == ir::Prim::Byte || e.prim == ir::Prim::Uint8))
    return "gpic_py::bytes_result(" + r + ")";
  return std::string("gpic_py::nums_result<'") + typecode(e.prim) + "'>(" + r + ")";
}

Codecs::Codecs(const ir::Module& m, const abi::Plan& plan, const Options& options) : plan_(plan), options_(options) {
  for (const auto& c : plan.consts) {
    const ir::TypeDecl* d = abi::decl_of(*c.constant->type);
    if (d && d->kind == ir::TypeDecl::Kind::Defined && !abi::is_handle_decl(*d) && d->underlying &&
        abi::underlying(*d->underlying).kind == K::Prim && ir::is_integer(abi::underlying(*d->underlying).prim))
      enum_members_[d].push_back(c.constant);
  }
}

std::string Codecs::class_name(const ir::TypeDecl& d) { return py::module_name(d.name); }

std::string Codecs::method_name(const std::string& go) const {
  return py::member_name(go, options_.snake_names ? py::Case::Snake : py::Case::Keep);
}

int Codecs::index(const ir::Type& t) {
  std::string n = name(t);
  auto [it, fresh] = indexes_.emplace(n, static_cast<int>(by_index_.size()));
  if (fresh) by_index_.push_back(n);
  return it->second;
}

std::string Codecs::name(const ir::Type& t) {
  std::string key = t.go_spelling();
  if (auto it = names_.find(key); it != names_.end()) return it->second;
  std::string def = definition(t);
  if (def.rfind("_gc[", 0) == 0) return names_[key] = def;  // a predeclared type's codec
  std::string n = "_gk" + std::to_string(defs_.size() + 1);
  defs_.push_back(n + " = " + def);
  return names_[key] = n;
}

// The same codec the cffi target builds for `t` (targets/cffi/python_module.cpp).
std::string Codecs::definition(const ir::Type& t) {
  std::string go = py::string_literal(t.go_spelling());
  if (t.kind == K::Named) {
    const ir::TypeDecl* d = t.decl;
    if (d && abi::is_handle_decl(*d)) return "_gpic_wire.Handle(" + class_name(*d) + ", False)";
    if (d && d->kind == ir::TypeDecl::Kind::Interface) {
      const abi::InterfaceExport* i = plan_.find_interface(d);
      std::string methods;
      for (const auto& me : d->methods) methods += py::string_literal(method_name(me.name)) + ", ";
      return "_gpic_wire.Interface(" + class_name(*d) + ", (" + methods + "), _gbridge, " +
             std::to_string(i ? i->proxy_id : 0) + ", _gclasses)";
    }
    if (d && enum_members_.count(d)) return "_gpic_wire.Enum(" + name(*d->underlying) + ", " + class_name(*d) + ")";
    if (d && d->underlying) return name(*d->underlying);
  }
  const ir::Type& u = abi::underlying(t);
  switch (u.kind) {
    case K::Prim:
      return "_gc[" + py::string_literal(std::string(ir::prim_name(u.prim))) + "]";
    case K::Pointer: {
      const ir::TypeDecl* d = abi::decl_of(abi::underlying(*u.elem));
      if (d && abi::is_handle_decl(*d)) return "_gpic_wire.Handle(" + class_name(*d) + ", True)";
      return "_gpic_wire.Optional(" + go + ", " + name(*u.elem) + ")";
    }
    case K::Slice:
    case K::Array: {
      const ir::Type& e = abi::underlying(*u.elem);
      std::string length = u.kind == K::Array ? std::to_string(u.length) : "None";
      if (e.kind == K::Prim && (ir::is_integer(e.prim) || ir::is_float(e.prim))) {
        if (ir::canonical(e.prim) == ir::Prim::Uint8 && (e.prim == ir::Prim::Byte || e.prim == ir::Prim::Uint8))
          return "_gpic_wire.Bytes(" + go + ", " + length + ")";
        return "_gpic_wire.Nums(" + go + ", " + py::string_literal(u.elem->go_spelling()) + ", \"" + num_kind(e.prim) +
               "\", \"" + typecode(e.prim) + "\", " + length + ")";
      }
      return "_gpic_wire.List(" + go + ", " + name(*u.elem) + ", " + length + ")";
    }
    case K::Map:
      return "_gpic_wire.Map(" + go + ", " + name(*u.key) + ", " + name(*u.elem) + ")";
    case K::Func:
      return "_gpic_wire.Callback(" + go + ", _gbridge)";
    case K::Named:
      break;
  }
  return "_gc[\"string\"]";
}

}  // namespace gpic::cpython
