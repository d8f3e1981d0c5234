#include "targets/docs/py_decl.hpp"

#include <vector>

#include "targets/common/c_abi.hpp"
#include "targets/common/named_values.hpp"
#include "targets/common/python_api.hpp"

namespace gpic::docs {

namespace {

// Past this many characters a signature puts each parameter on its own line, as black would:
// the docs show it beside the Go one, in half a page.
constexpr size_t kWrapWidth = 56;

// Wraps the parameter list of `def f(a: X, b: Y) -> Z` at its top-level commas; the
// signature itself comes whole from python_api, only its layout changes here.
std::string wrap(const std::string& sig) {
  size_t open = sig.find('(');
  if (sig.size() <= kWrapWidth || open == std::string::npos) return sig;
  int depth = 0;
  size_t close = std::string::npos;
  std::vector<std::string> params;
  size_t start = open + 1;
  for (size_t i = open; i < sig.size() && close == std::string::npos; ++i) {
    char ch = sig[i];
    if (ch == '(' || ch == '[') ++depth;
    if (ch == ')' || ch == ']') --depth;
    if ((ch == ',' && depth == 1) || (ch == ')' && depth == 0)) {
      size_t b = sig.find_first_not_of(' ', start);
      if (b < i) params.push_back(sig.substr(b, i - b));
      start = i + 1;
      if (ch == ')') close = i;
    }
  }
  if (close == std::string::npos || params.empty()) return sig;
  std::string out = sig.substr(0, open + 1) + "\n";
  for (const auto& p : params) out += "    " + p + ",\n";
  return out + sig.substr(close);
}

}  // namespace

std::string py_module_name(std::string_view go_name, py::Case c) { return py::module_name(go_name, c); }

std::string py_func(const ir::Func& f, py::Case c) {
  std::string name = f.recv ? py::member_name(f.name, c) : py::module_name(f.name, c);
  return wrap("def " + py::signature(name, f.sig, f.recv.has_value()));
}

std::string py_interface_method(const ir::InterfaceMethod& m, py::Case c) {
  return wrap("def " + py::signature(py::member_name(m.name, c), m.sig, true));
}

std::string py_type(const ir::TypeDecl& t, const std::unordered_set<const ir::TypeDecl*>& const_types, py::Case c) {
  std::string name = py::module_name(t.name);
  switch (t.kind) {
    case ir::TypeDecl::Kind::Struct: {
      // `= ...` as in a stub: every field may be left out and then takes Go's zero value.
      std::string init = "def __init__(self";
      for (const auto& f : t.fields)
        init += ", " + py::member_name(f.name, c) + ": " + py::type_annotation(*f.type, py::Role::Param) + " = ...";
      std::string sig = wrap(init + ") -> None");
      std::string body;
      for (size_t start = 0; start < sig.size();) {
        size_t nl = sig.find('\n', start);
        body += "    " + sig.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        start = nl == std::string::npos ? sig.size() : nl + 1;
      }
      body.pop_back();
      return "class " + name + ":\n" + body;
    }
    case ir::TypeDecl::Kind::Interface: return "class " + name + "(Protocol)";
    case ir::TypeDecl::Kind::Defined: break;
  }
  if (abi::is_handle_decl(t)) return "class " + name;
  const ir::Type& u = abi::underlying(*t.underlying);
  if (u.kind == ir::Type::Kind::Prim && ir::is_integer(u.prim) && const_types.count(&t))
    return "class " + name + "(enum.IntEnum)";
  if (abi::is_value_decl(t)) return "class " + name + (ir::is_float(u.prim) ? "(float)" : "(int)");
  if (py::is_container_decl(t)) return "class " + name + "(" + py::container_class(t).python_base + ")";
  return name + " = " + py::type_annotation(*t.underlying, py::Role::Result);
}

std::string py_field(const ir::Field& f, py::Case c) {
  return py::member_name(f.name, c) + ": " + py::type_annotation(*f.type, py::Role::Result);
}

std::string py_const(const ir::Const& k, py::Case c) {
  std::string out = py::module_name(k.name, c) + ": Final";
  if (k.type) out += "[" + py::type_annotation(*k.type, py::Role::Result) + "]";
  return out;
}

std::string py_var(const ir::Var& v, py::Case c) {
  // A sentinel error is an exception class, named as the Go variable (classes keep Go names).
  if (abi::is_sentinel(v)) return "class " + py::module_name(v.name) + "(Error)";
  return py::module_name(v.name, c) + ": " + py::type_annotation(*v.type, py::Role::Result);
}

}  // namespace gpic::docs
