#include "targets/pyi/class_writer.hpp"

#include "targets/common/python_api.hpp"
#include "targets/pyi/docstrings.hpp"
#include "targets/pyi/type_view.hpp"

namespace gpic::pyi {
namespace {

void docstring(CodeWriter& w, const std::string& text) {
  if (!text.empty()) w.print("$doc$\n", {{"doc", py::docstring(text, "")}});
}

// A field reads as one type and may be written as a wider one (a numeric slice reads as
// array.array, takes any buffer or sequence): then it is a property with a setter.
void emit_field(CodeWriter& w, const ir::Field& f, py::Case names) {
  std::string name = py::member_name(f.name, names);
  std::string get = py::type_annotation(*f.type, py::Role::Result);
  std::string set = py::type_annotation(*f.type, py::Role::Param);
  if (get == set) {
    w.print("$name$: $type$\n", {{"name", name}, {"type", get}});
    docstring(w, f.doc.en.empty() && f.doc.ko.empty() ? "" : doc_text(f.doc, ""));
    return;
  }
  w.print("@property\ndef $name$(self) -> $get$:\n", {{"name", name}, {"get", get}});
  {
    auto in = w.indent();
    std::string doc = doc_text(f.doc, "");
    if (doc.empty()) w.print("...\n");
    else docstring(w, doc);
  }
  w.print("@$name$.setter\ndef $name$(self, value: $set$) -> None: ...\n", {{"name", name}, {"set", set}});
}

void emit_methods(CodeWriter& w, const ir::TypeDecl& t, py::Case names) {
  for (const ir::Func* f : t.bound_methods) emit_def(w, py::member_name(f->name, names), *f, true);
}

void emit_struct(CodeWriter& w, const ir::TypeDecl& t, py::Case names) {
  std::string init;
  for (const auto& f : t.fields)
    init += ", " + py::member_name(f.name, names) + ": " + py::type_annotation(*f.type, py::Role::Param) + " = ...";
  for (const auto& f : t.fields) emit_field(w, f, names);
  w.print("def __init__(self$init$) -> None: ...\n", {{"init", init}});
  emit_methods(w, t, names);
}

void emit_value_class(CodeWriter& w, const ir::TypeDecl& t, py::Case names) {
  w.print("def __init__(self, value: $type$) -> None: ...\n",
          {{"type", py::type_annotation(*t.underlying, py::Role::Param)}});
  emit_methods(w, t, names);
}

void emit_enum(CodeWriter& w, const ir::Module& m, const ir::TypeDecl& t, py::Case names) {
  // Values are Go's (the stub does not evaluate constant expressions): `...` stands for them.
  for (const ir::Const* c : enum_members(m, t)) w.print("$name$ = ...\n", {{"name", py::member_name(c->name, names)}});
  emit_methods(w, t, names);
}

void emit_protocol(CodeWriter& w, const ir::TypeDecl& t, py::Case names) {
  for (const auto& method : t.methods) {
    w.print("def $sig$:", {{"sig", py::signature(py::member_name(method.name, names), method.sig, true)}});
    std::string doc = doc_text(method.doc, "");
    if (doc.empty()) {
      w.print(" ...\n");
      continue;
    }
    w.print("\n");
    auto in = w.indent();
    docstring(w, doc);
  }
  if (t.methods.empty()) w.print("pass\n");
}

}  // namespace

void emit_def(CodeWriter& w, const std::string& python_name, const ir::Func& f, bool method) {
  w.print("def $sig$:\n", {{"sig", py::signature(python_name, f.sig, method)}});
  auto in = w.indent();
  docstring(w, doc_text(f.doc, go_signature(f)));
}

void emit_type(CodeWriter& w, const ir::Module& m, const ir::TypeDecl& t, py::Case names) {
  std::string name = py::module_name(t.name);
  TypeView view = view_of(m, t);
  if (view == TypeView::Alias) {
    w.print("$name$: TypeAlias = $type$\n", {{"name", name}, {"type", py::type_annotation(*t.underlying, py::Role::Result)}});
    docstring(w, doc_text(t.doc, go_type_decl(t)));
    return;
  }
  const char* base = view == TypeView::IntEnum ? "(enum.IntEnum)" : view == TypeView::Protocol ? "(Protocol)" : "";
  w.print("class $name$$base$:\n", {{"name", name}, {"base", base}});
  auto in = w.indent();
  docstring(w, doc_text(t.doc, go_type_decl(t)));
  switch (view) {
    case TypeView::StructClass: emit_struct(w, t, names); break;
    case TypeView::ValueClass: emit_value_class(w, t, names); break;
    case TypeView::IntEnum: emit_enum(w, m, t, names); break;
    case TypeView::Protocol: emit_protocol(w, t, names); break;
    case TypeView::Alias: break;
  }
}

}  // namespace gpic::pyi
