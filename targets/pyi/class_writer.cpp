#include "targets/pyi/class_writer.hpp"

#include <cctype>

#include "targets/common/awaitables.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/named_values.hpp"
#include "targets/common/promotion.hpp"
#include "targets/common/python_api.hpp"
#include "targets/common/docstrings.hpp"
#include "targets/pyi/type_view.hpp"

namespace gpic::pyi {
namespace {

void docstring(CodeWriter& w, const std::string& text) {
  if (!text.empty()) w.print("$doc$\n", {{"doc", py::docstring(text, "")}});
}

// Rewrites the type names in `annotation` that a member of the class hides.
std::string unhide(StubContext& ctx, const std::string& annotation, const std::set<std::string>& hidden) {
  if (hidden.empty()) return annotation;
  std::string out;
  for (size_t i = 0; i < annotation.size();) {
    char c = annotation[i];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < annotation.size() && (std::isalnum(static_cast<unsigned char>(annotation[j])) || annotation[j] == '_' ||
                                       annotation[j] == '.'))
        ++j;
      std::string word = annotation.substr(i, j - i);
      if (hidden.count(word)) {
        ctx.aliased.insert(word);
        word = hidden_type_alias(word);
      }
      out += word;
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

// "Dist(self, q: Point) -> float" (python_api's signature), with hidden types unhidden in the
// annotations only.
// This module's interface with methods that `t` names, or null: Go hands Python its values as
// objects of the interface's class, which have an `aio` view (go_value_class_name).
const ir::TypeDecl* go_value_interface(const ir::Type& t) {
  if (t.kind != ir::Type::Kind::Named || !t.qualifier.empty() || !t.decl) return nullptr;
  return t.decl->kind == ir::TypeDecl::Kind::Interface && !t.decl->methods.empty() ? t.decl : nullptr;
}

// A Go call's results: as py::result_annotation, except that a value of this module's
// interface is typed as what Go hands out (go_value_class_name), not as the protocol.
std::string go_result_annotation(const ir::FuncSig& sig) {
  auto one = [](const ir::Param& r) {
    const ir::TypeDecl* d = go_value_interface(*r.type);
    return d ? go_value_class_name(*d) + " | None" : py::result_value_annotation(r);
  };
  auto vals = sig.value_results();
  if (vals.empty()) return "None";
  if (vals.size() == 1) return one(*vals[0]);
  std::string s = "tuple[";
  for (size_t i = 0; i < vals.size(); ++i) s += (i ? ", " : "") + one(*vals[i]);
  return s + "]";
}

// `go_results`: the results of a call into Go (go_result_annotation); a protocol's methods,
// which Python implements, keep the protocol. `awaited`: an awaitable form's parameters
// (py::type_annotation).
std::string signature(StubContext& ctx, const std::string& name, const ir::FuncSig& sig, bool method,
                      const std::set<std::string>& hidden, bool go_results = false, bool awaited = false) {
  std::string s = name + "(" + (method ? "self" : "");
  bool first = !method;
  for (const auto& p : py::params(sig, awaited)) {
    s += (first ? "" : ", ") + std::string(p.variadic ? "*" : "") + p.name + ": " + unhide(ctx, p.annotation, hidden);
    first = false;
  }
  return s + ") -> " + unhide(ctx, go_results ? go_result_annotation(sig) : py::result_annotation(sig), hidden);
}

// The names a class defines that are also names of the module's types.
std::set<std::string> hidden_types(const StubContext& ctx, const ir::Module& m, const ir::TypeDecl& t) {
  std::set<std::string> members;
  for (const auto& f : t.fields) members.insert(py::member_name(f.name, ctx.names));
  for (const ir::Func* f : t.bound_methods) members.insert(py::member_name(f->name, ctx.names));
  for (const auto& me : t.methods) members.insert(py::member_name(me.name, ctx.names));
  abi::Promoted promoted = abi::promoted_members(t);
  for (const auto& p : promoted.fields) members.insert(py::member_name(p.field->name, ctx.names));
  for (const auto& p : promoted.methods) members.insert(py::member_name(p.func->name, ctx.names));
  for (const ir::Const* c : ctx.enums.members(t)) members.insert(py::member_name(c->name));
  std::set<std::string> hidden;
  for (const auto& n : members)
    if (ctx.type_names.count(n)) hidden.insert(n);
  return hidden;
}

// A constructor takes None for a field that is not a plain value (Go's zero value then).
std::string constructor_param(const ir::Type& t) {
  std::string a = py::type_annotation(t, py::Role::Param);
  bool plain = abi::underlying(t).kind == ir::Type::Kind::Prim;
  bool optional = a.size() >= 7 && a.compare(a.size() - 7, 7, " | None") == 0;
  return plain || optional ? a : a + " | None";
}

class ClassWriter {
 public:
  ClassWriter(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t)
      : w_(w), ctx_(ctx), t_(t), hidden_(hidden_types(ctx, ctx.m, t)), promoted_(abi::promoted_members(t)) {}

  void emit() {
    std::string name = py::module_name(t_.name);
    TypeView view = view_of(ctx_.enums, t_);
    if (view == TypeView::Alias) {
      w_.print("$name$: TypeAlias = $type$\n", {{"name", name}, {"type", py::type_annotation(*t_.underlying, py::Role::Result)}});
      docstring(w_, py::doc_text(t_.doc, py::go_type_decl(t_)));
      return;
    }
    std::string base = view == TypeView::IntEnum ? "(enum.IntEnum)" : view == TypeView::Protocol ? "(Protocol)" : "(_GoObject)";
    if (view == TypeView::ScalarClass) base = ir::is_float(t_.underlying->prim) ? "(float)" : "(int)";
    if (view == TypeView::ContainerClass) base = "(" + unhide(ctx_, py::container_class(t_).python_base, hidden_) + ")";
    w_.print("class $name$$base$:\n", {{"name", name}, {"base", base}});
    auto in = w_.indent();
    docstring(w_, py::doc_text(t_.doc, py::go_type_decl(t_)));
    switch (view) {
      case TypeView::StructClass: structure(); break;
      case TypeView::ValueClass: value_class(); break;
      case TypeView::IntEnum: enumeration(); break;
      case TypeView::ScalarClass: methods(); break;
      case TypeView::OpaqueClass: func_class(); break;
      case TypeView::ContainerClass: container(); break;
      case TypeView::Protocol: protocol(); break;
      case TypeView::Alias: break;
    }
  }

 private:
  std::string ann(const ir::Type& t, py::Role role) { return unhide(ctx_, py::type_annotation(t, role), hidden_); }

  // A field reads as one type and may be written as a wider one (a numeric slice reads as
  // array.array, takes any buffer or sequence): then it is a property with a setter.
  void field(const ir::Field& f, const std::string& via = "") {
    std::string name = py::member_name(f.name, ctx_.names);
    std::string get = ann(*f.type, py::Role::Result);
    std::string set = ann(*f.type, py::Role::Param);
    std::string go = via.empty() ? t_.name + "." + f.name : t_.name + "." + via + "." + f.name;
    std::string doc = py::doc_text(f.doc, go + " " + f.type->go_spelling());
    if (get == set) {
      w_.print("$name$: $type$\n", {{"name", name}, {"type", get}});
      docstring(w_, doc);
      return;
    }
    w_.print("@property\ndef $name$(self) -> $get$:\n", {{"name", name}, {"get", get}});
    {
      auto in = w_.indent();
      docstring(w_, doc);
    }
    w_.print("@$name$.setter\ndef $name$(self, value: $set$) -> None: ...\n", {{"name", name}, {"set", set}});
  }

  void methods(bool awaitable = false) {
    for (const ir::Func* f : t_.bound_methods) emit_def(w_, ctx_, py::member_name(f->name, ctx_.names), *f, true, hidden_, awaitable);
    // Methods of embedded structs, promoted as in Go (promotion.hpp).
    for (const auto& p : promoted_.methods)
      emit_def(w_, ctx_, py::member_name(p.func->name, ctx_.names), *p.func, true, hidden_, awaitable);
    if (!awaitable && has_aio_view()) {
      // The awaitable forms of the methods (targets/common/awaitables.hpp): `await x.aio.M()`.
      w_.print("@property\ndef aio(self) -> $view$:\n    \"\"\"The awaitable forms of the methods: `await x.aio.M(...)`.\"\"\"\n",
               {{"view", aio_view_name(t_)}});
    }
  }

 public:
  /// A Go object's class with methods or fields has an `aio` view of their awaitable forms, and
  /// so has the class of a named scalar or container type's values (aio::collect_awaitables).
  bool has_aio_view() const {
    bool value_type = abi::is_value_decl(t_) || abi::is_container_value_decl(t_);
    bool fields = abi::is_handle_decl(t_) && (!t_.fields.empty() || !promoted_.fields.empty());
    return (abi::is_handle_decl(t_) || value_type) && t_.kind != ir::TypeDecl::Kind::Interface &&
           (!t_.bound_methods.empty() || !promoted_.methods.empty() || fields);
  }

  /// The class of that view: each method, and each field's read, as a coroutine function.
  void aio_view() {
    w_.print("class $name$:\n", {{"name", aio_view_name(t_)}});
    auto in = w_.indent();
    docstring(w_, "The awaitable forms of the methods of " + py::module_name(t_.name) + ".");
    methods(true);
    // Field reads too (aio::Awaitables::Owner::getters): read on the loop's thread.
    for (const auto& f : t_.fields) field_read(f, "");
    for (const auto& p : promoted_.fields) field_read(*p.field, p.via);
  }

 private:
  void field_read(const ir::Field& f, const std::string& via) {
    std::string go = via.empty() ? t_.name + "." + f.name : t_.name + "." + via + "." + f.name;
    w_.print("async def $name$(self) -> $get$:\n", {{"name", py::member_name(f.name, ctx_.names)}, {"get", ann(*f.type, py::Role::Result)}});
    auto in = w_.indent();
    docstring(w_, "Awaitable form of reading " + go + ".");
  }

 private:

  // A named func type whose Go funcs Python calls, and makes from a callable.
  void func_class() {
    if (abi::callable_func_decl(t_)) {
      const ir::FuncSig& sig = *t_.underlying->sig;
      w_.print("def __init__(self, fn: $fn$) -> None: ...\n", {{"fn", ann(*t_.underlying, py::Role::Param)}});
      w_.print("def $sig$: ...\n", {{"sig", signature(ctx_, "__call__", sig, true, hidden_)}});
    }
    methods();
  }

  void structure() {
    // The constructor's keywords are the fields' attribute names, escaped as parameters.
    std::string init;
    for (size_t i = 0; i < t_.fields.size(); ++i) {
      const auto& f = t_.fields[i];
      init += ", " + py::field_param_name(f.name, i, ctx_.names) + ": " + unhide(ctx_, constructor_param(*f.type), hidden_) + " = ...";
    }
    for (const auto& f : t_.fields) field(f);
    for (const auto& p : promoted_.fields) field(*p.field, p.via);
    w_.print("def __init__(self$init$) -> None: ...\n", {{"init", init}});
    methods();
  }

  void value_class() {
    w_.print("def __init__(self, value: $type$ = ...) -> None: ...\n"
             "@property\n"
             "def value(self) -> $result$:\n"
             "    \"\"\"The Go value, as its Python type.\"\"\"\n",
             {{"type", unhide(ctx_, constructor_param(*t_.underlying), hidden_)}, {"result", ann(*t_.underlying, py::Role::Result)}});
    methods();
  }

  // Made from any value of the underlying type, checked as Go checks it; no value is Go's
  // zero value (an array type of non-numeric elements needs its elements).
  // (bytes and array.array take their value in __new__, list and dict in __init__.)
  void container() {
    std::string base = py::container_class(t_).runtime_base;
    const char* def = base == "NamedBytes" || base == "NamedArray" ? "def __new__(cls, value: $type$ | None = None) -> $name$: ...\n"
                                                                    : "def __init__(self, value: $type$ | None = None) -> None: ...\n";
    w_.print(def, {{"type", ann(*t_.underlying, py::Role::Param)}, {"name", py::module_name(t_.name)}});
    methods();
  }

  void enumeration() {
    // Values are Go's (the stub does not evaluate constant expressions): `...` stands for them.
    for (const ir::Const* c : ctx_.enums.members(t_)) w_.print("$name$ = ...\n", {{"name", py::member_name(c->name)}});
    methods();
  }

  void protocol() {
    for (const auto& method : t_.methods) {
      w_.print("def $sig$:", {{"sig", signature(ctx_, py::member_name(method.name, ctx_.names), method.sig, true, hidden_)}});
      std::string doc = py::doc_text(method.doc, "");
      if (doc.empty()) {
        w_.print(" ...\n");
        continue;
      }
      w_.print("\n");
      auto in = w_.indent();
      docstring(w_, doc);
    }
    if (t_.methods.empty()) w_.print("pass\n");
  }

  CodeWriter& w_;
  StubContext& ctx_;
  const ir::TypeDecl& t_;
  std::set<std::string> hidden_;
  abi::Promoted promoted_;
};

}  // namespace

std::string hidden_type_alias(const std::string& type_name) { return "_gpyi_" + type_name; }

void emit_def(CodeWriter& w, StubContext& ctx, const std::string& python_name, const ir::Func& f, bool method,
              const std::set<std::string>& hidden, bool awaitable) {
  if (awaitable && !aio::has_awaitable_form(f.sig)) return;
  if (awaitable && !method) w.print("@staticmethod\n");
  w.print(awaitable ? "async def $sig$:\n" : "def $sig$:\n", {{"sig", signature(ctx, python_name, f.sig, method, hidden, true, awaitable)}});
  auto in = w.indent();
  docstring(w, py::doc_text(f.doc, py::go_signature(f)));
}

void emit_type(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t) { ClassWriter(w, ctx, t).emit(); }

std::string aio_view_name(const ir::TypeDecl& t) { return "_" + py::module_name(t.name) + "_aio"; }

std::string go_value_class_name(const ir::TypeDecl& t) { return "_" + py::module_name(t.name) + "_go"; }

bool emit_interface_go_values(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t) {
  if (t.kind != ir::TypeDecl::Kind::Interface || t.methods.empty()) return false;
  std::string name = py::module_name(t.name);
  std::set<std::string> hidden = hidden_types(ctx, ctx.m, t);
  w.print("class $go$(_GoObject, $name$):\n", {{"go", go_value_class_name(t)}, {"name", name}});
  {
    auto in = w.indent();
    docstring(w, "A Go value of the interface " + name + " (what Go hands Python): its methods, and their awaitable "
                 "forms in `aio`.");
    w.print("@property\ndef aio(self) -> $view$:\n    \"\"\"The awaitable forms of the methods: `await x.aio.M(...)`.\"\"\"\n",
            {{"view", aio_view_name(t)}});
  }
  w.print("\nclass $view$:\n", {{"view", aio_view_name(t)}});
  auto in = w.indent();
  docstring(w, "The awaitable forms of the methods of " + name + ".");
  for (const auto& me : t.methods) {
    // An undocumented method's body is the Go signature, so the stub never has an empty body.
    w.print("async def $sig$:\n", {{"sig", signature(ctx, py::member_name(me.name, ctx.names), me.sig, true, hidden, true, true)}});
    auto body = w.indent();
    docstring(w, py::doc_text(me.doc, py::go_signature(t.name + "." + me.name, me.sig)));
  }
  return true;
}

bool emit_aio_view(CodeWriter& w, StubContext& ctx, const ir::TypeDecl& t) {
  ClassWriter c(w, ctx, t);
  if (!c.has_aio_view()) return false;
  c.aio_view();
  return true;
}

}  // namespace gpic::pyi
