#include "targets/docs/py_decl.hpp"

#include "targets/common/python_api.hpp"

namespace gpic::docs {

std::string py_module_name(std::string_view go_name, py::Case c) { return py::module_name(go_name, c); }

std::string py_func(const ir::Func& f, py::Case c) {
  std::string name = f.recv ? py::member_name(f.name, c) : py::module_name(f.name, c);
  return "def " + py::signature(name, f.sig, f.recv.has_value());
}

std::string py_interface_method(const ir::InterfaceMethod& m, py::Case c) {
  return "def " + py::signature(py::member_name(m.name, c), m.sig, true);
}

std::string py_type(const ir::TypeDecl& t) {
  std::string name = py::module_name(t.name);
  switch (t.kind) {
    case ir::TypeDecl::Kind::Struct: return "class " + name;
    case ir::TypeDecl::Kind::Interface: return "class " + name + "(Protocol)";
    case ir::TypeDecl::Kind::Defined:
      return name + " = " + py::type_annotation(*t.underlying, py::Role::Result);
  }
  return name;
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
  return py::module_name(v.name, c) + ": " + py::type_annotation(*v.type, py::Role::Result);
}

}  // namespace gpic::docs
