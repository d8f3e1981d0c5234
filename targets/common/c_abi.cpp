#include "targets/common/c_abi.hpp"

#include <array>

namespace gpic::abi {

std::optional<Lowering> lower(const ir::Type& t, std::string* why) {
  using K = ir::Type::Kind;
  if (t.kind == K::Prim) {
    switch (ir::canonical(t.prim)) {
      case ir::Prim::Bool: return Lowering{"bool", "C.bool", true};
      case ir::Prim::Int: case ir::Prim::Int64: return Lowering{"int64_t", "C.int64_t", true};
      case ir::Prim::Int8: return Lowering{"int8_t", "C.int8_t", true};
      case ir::Prim::Int16: return Lowering{"int16_t", "C.int16_t", true};
      case ir::Prim::Int32: return Lowering{"int32_t", "C.int32_t", true};
      case ir::Prim::Uint: case ir::Prim::Uint64: return Lowering{"uint64_t", "C.uint64_t", true};
      case ir::Prim::Uint8: return Lowering{"uint8_t", "C.uint8_t", true};
      case ir::Prim::Uint16: return Lowering{"uint16_t", "C.uint16_t", true};
      case ir::Prim::Uint32: return Lowering{"uint32_t", "C.uint32_t", true};
      case ir::Prim::Uintptr: return Lowering{"uintptr_t", "C.uintptr_t", true};
      case ir::Prim::Float32: return Lowering{"float", "C.float", true};
      case ir::Prim::Float64: return Lowering{"double", "C.double", true};
      case ir::Prim::Complex64: return Lowering{"gpic_complex64", "C.gpic_complex64", false};
      case ir::Prim::Complex128: return Lowering{"gpic_complex128", "C.gpic_complex128", false};
      case ir::Prim::String: return Lowering{"gpic_string", "C.gpic_string", false};
      default: break;
    }
    if (why) *why = "a value of type error";
    return std::nullopt;
  }
  if (why) {
    switch (t.kind) {
      case K::Named: *why = "named type " + t.go_spelling(); break;
      case K::Slice: *why = "slice type " + t.go_spelling(); break;
      case K::Array: *why = "array type " + t.go_spelling(); break;
      case K::Map: *why = "map type " + t.go_spelling(); break;
      case K::Pointer: *why = "pointer type " + t.go_spelling(); break;
      case K::Func: *why = "func type " + t.go_spelling(); break;
      default: *why = t.go_spelling();
    }
  }
  return std::nullopt;
}

std::string c_ident(std::string_view name) {
  static constexpr std::array kReserved = {
      "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
      "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
      "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
      "volatile", "while", "bool", "true", "false", "st", "NULL"};
  std::string s(name);
  for (const char* r : kReserved)
    if (s == r) return s + "_";
  return s;
}

std::string symbol(const ir::Module& m, const ir::Func& f) {
  if (f.recv) return "gpic_" + m.name + "_" + f.recv->type_name + "_" + f.name;
  return "gpic_" + m.name + "_" + f.name;
}
std::string const_symbol(const ir::Module& m, const ir::Const& c) { return "gpic_" + m.name + "_const_" + c.name; }
std::string var_getter_symbol(const ir::Module& m, const ir::Var& v) { return "gpic_" + m.name + "_get_" + v.name; }
std::string var_setter_symbol(const ir::Module& m, const ir::Var& v) { return "gpic_" + m.name + "_set_" + v.name; }

std::optional<Signature> lower_func(const ir::Module& m, const ir::Func& f, std::string* why, ir::Loc* where) {
  Signature s;
  s.symbol = symbol(m, f);
  s.returns_error = f.sig.returns_error();
  if (f.sig.variadic) {
    if (why) *why = "variadic parameter ..." + f.sig.params.back().type->elem->go_spelling();
    if (where) *where = f.sig.params.back().loc;
    return std::nullopt;
  }
  if (f.recv) {
    if (why) *why = "method " + f.recv->type_name + "." + f.name;
    if (where) *where = f.loc;
    return std::nullopt;
  }
  for (size_t i = 0; i < f.sig.params.size(); ++i) {
    const auto& p = f.sig.params[i];
    auto l = lower(*p.type, why);
    if (!l) {
      if (where) *where = p.type->loc;
      return std::nullopt;
    }
    std::string name = p.name.empty() || p.name == "_" ? "arg" + std::to_string(i) : c_ident(p.name);
    s.params.push_back({l->c_type, name, p.type.get()});
  }
  auto results = f.sig.value_results();
  for (size_t i = 0; i < results.size(); ++i) {
    auto l = lower(*results[i]->type, why);
    if (!l) {
      if (where) *where = results[i]->type->loc;
      return std::nullopt;
    }
    s.out_results.push_back({l->c_type, "r" + std::to_string(i), results[i]->type.get()});
  }
  if (s.out_results.size() == 1 && lower(*s.out_results[0].type)->scalar) {
    s.direct_result = s.out_results[0];
    s.out_results.clear();
  }
  return s;
}

std::optional<Plan> plan(const ir::Module& m, std::string_view target, Diagnostics& diags) {
  Plan plan;
  int errors = diags.error_count();
  auto fail = [&](const ir::Loc& loc, const std::string& what, const std::string& where) {
    diags.error(loc, "the " + std::string(target) + " target cannot bind " + what + where);
  };
  for (const auto& t : m.types) {
    const char* kind = t.kind == ir::TypeDecl::Kind::Struct      ? "struct type "
                       : t.kind == ir::TypeDecl::Kind::Interface ? "interface type "
                                                                 : "named type ";
    fail(t.loc, kind + t.name, "");
  }
  for (const auto& f : m.funcs) {
    std::string why;
    ir::Loc where;
    auto sig = lower_func(m, f, &why, &where);
    if (!sig) {
      bool whole = f.recv.has_value();
      fail(where, why, whole ? "" : " (in func " + f.name + ")");
      continue;
    }
    plan.funcs.push_back({&f, std::move(*sig)});
  }
  for (const auto& c : m.consts) {
    std::string why;
    auto l = c.type ? lower(*c.type, &why) : std::nullopt;
    if (!l) {
      fail(c.type ? c.type->loc : c.loc, why, " (const " + c.name + ")");
      continue;
    }
    plan.consts.push_back({&c, const_symbol(m, c), *l});
  }
  for (const auto& v : m.vars) {
    std::string why;
    auto l = lower(*v.type, &why);
    if (!l) {
      fail(v.type->loc, why, " (var " + v.name + ")");
      continue;
    }
    plan.vars.push_back({&v, var_getter_symbol(m, v), var_setter_symbol(m, v), *l});
  }
  if (diags.error_count() > errors) return std::nullopt;
  return plan;
}

std::string Signature::c_declaration() const {
  std::string d = (direct_result ? direct_result->c_type : "void") + " " + symbol + "(";
  for (const auto& p : params) d += p.c_type + " " + p.name + ", ";
  for (const auto& r : out_results) d += r.c_type + "* " + r.name + ", ";
  return d + "gpic_status* st)";
}

}  // namespace gpic::abi
