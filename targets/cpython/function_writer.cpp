#include "targets/cpython/function_writer.hpp"

#include "targets/common/lending.hpp"
#include "targets/common/nil_values.hpp"
#include "targets/common/python_imports.hpp"
#include "targets/cpython/cpp_literal.hpp"
#include "targets/common/docstrings.hpp"

namespace gpic::cpython {
namespace {

std::string n(size_t i) { return std::to_string(i); }

// The C type of a numeric slice's elements.
std::string elem_ctype(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Int8: return "int8_t";
    case ir::Prim::Int16: return "int16_t";
    case ir::Prim::Int32: return "int32_t";
    case ir::Prim::Uint8: return "uint8_t";
    case ir::Prim::Uint16: return "uint16_t";
    case ir::Prim::Uint32: return "uint32_t";
    case ir::Prim::Uint: case ir::Prim::Uint64: case ir::Prim::Uintptr: return "uint64_t";
    case ir::Prim::Float32: return "float";
    case ir::Prim::Float64: return "double";
    default: return "int64_t";
  }
}

const char* zero_kind(const abi::Lowering& l) {
  switch (l.kind) {
    case abi::Kind::Scalar:
      if (l.prim == ir::Prim::Bool) return "gpic_py::Zero::Bool";
      return ir::is_float(l.prim) ? "gpic_py::Zero::Float" : "gpic_py::Zero::Int";
    case abi::Kind::Complex: return "gpic_py::Zero::Complex";
    case abi::Kind::String: return "gpic_py::Zero::Str";
    default: return "gpic_py::Zero::None";
  }
}

// The converter of argument i: its declaration.
std::string converter(const py::Arg& a, size_t i, bool constructor, bool keep, Codecs& codecs) {
  const abi::Lowering& l = a.lowering;
  std::string v = "a" + n(i);
  std::string k = "gpic_py::codec(" + std::to_string(codecs.index(*l.type)) + ")";
  std::string none = constructor || abi::none_is_nil(l, a.variadic) ? "true" : "false";
  switch (l.kind) {
    case abi::Kind::Scalar:
    case abi::Kind::Complex:
    case abi::Kind::String:
      return "gpic_py::Arg<" + l.c_type + "> " + v + ";";
    case abi::Kind::NumSlice:
    case abi::Kind::NumArray:
      return "gpic_py::SliceArg<" + elem_ctype(l.prim) + "> " + v + "(" + k + ", " +
             (l.kind == abi::Kind::NumArray ? std::to_string(l.length) : std::string("-1")) + ", " + none +
             (a.readonly ? ", gpic_py::Access::ReadOnly" : "") + (keep ? ", /*keep=*/true" : "") + ");";
    case abi::Kind::Handle:
      return "gpic_py::HandleArg " + v + "(" + (l.nullable || constructor ? "true" : "false") + ");";
    case abi::Kind::Callback:
      return "gpic_py::CallbackArg " + v + "(" + k + ");";
    case abi::Kind::Wire:
      return "gpic_py::WireArg " + v + "(" + k + ", " + none + ");";
  }
  return "";
}

// The Python object of result `r` (a C expression).
std::string result_expr(const abi::Lowering& l, const std::string& r, Codecs& codecs) {
  switch (l.kind) {
    case abi::Kind::Scalar: {
      const ir::TypeDecl* d = l.type ? abi::decl_of(*l.type) : nullptr;
      if (d && codecs.is_enum(d)) return "gpic_py::enum_value(" + class_var(*d) + ", " + r + ")";
      return "gpic_py::to_python(" + r + ")";
    }
    case abi::Kind::Handle:
      return std::string(l.nullable ? "gpic_py::wrap_or_none(" : "gpic_py::wrap(") + class_var_of(l) + ", " + r + ")";
    case abi::Kind::Wire: {
      int k = codecs.index(*l.type);  // defined either way: the codecs keep their numbers
      if (std::string n = Codecs::numeric_result(*l.type, r); !n.empty()) return n;
      return "gpic_py::decode(gpic_py::codec(" + std::to_string(k) + "), " + r + ")";
    }
    default:
      return "gpic_py::to_python(" + r + ")";
  }
}

// How long Go may use argument i (targets/common/lending.hpp); accessors lend for the call.
abi::Lend lend(const py::Call& c, size_t i) {
  return c.sig ? abi::lend_rule(*c.sig, i, c.has_self, c.results) : abi::Lend::Call;
}

// "{a1.keeper(), a2.keeper()}": what keeps the memory of the arguments Go keeps under `rule`.
std::string keepers(const py::Call& c, abi::Lend rule) {
  std::string list;
  for (size_t i = 0; i < c.args.size(); ++i)
    if (lend(c, i) == rule) list += (list.empty() ? "" : ", ") + std::string("a") + n(i) + ".keeper()";
  return list.empty() ? "" : "{" + list + "}";
}

// static constexpr gpic_py::Param params[] = {{"a", 3}, {"b", 3}};
// static constexpr gpic_py::Func func{"Add", params};
void emit_spec(CodeWriter& w, const py::Call& c, bool constructor, Codecs& codecs) {
  std::string list;
  bool variadic = false;
  for (const auto& a : c.args) {
    std::string zero = constructor ? zero_kind(a.lowering) : "gpic_py::Zero::Required";
    bool nil = !constructor && abi::none_is_nil(a.lowering, a.variadic);
    list += (list.empty() ? "{" : ", {") + cpp_string(a.python_name) + ", " + std::to_string(codecs.index(*a.lowering.type)) +
            (constructor || nil ? ", " + zero : "") + (nil ? ", true" : "") + "}";
    variadic = variadic || a.variadic;
  }
  // A setter's name ends in " =": gpic_rt.bad_argument then words its error as an assignment.
  CodeWriter::Vars v{{"name", cpp_string(c.go_name + (c.setter ? " =" : ""))}, {"list", list}, {"variadic", variadic ? ", true" : ""}};
  if (c.args.empty()) {
    w.print("static constexpr gpic_py::Func func{$name$};\n", v);
    return;
  }
  w.print("static constexpr gpic_py::Param params[] = {$list$};\n"
          "static constexpr gpic_py::Func func{$name$, params$variadic$};\n",
          v);
}

// Declares the converters and loads `values[i]` into each; `refused` is the statement that
// returns after gpic_rt.bad_argument has worded the error.
void emit_loads(CodeWriter& w, const py::Call& c, bool constructor, const std::string& value, const std::string& refused,
                Codecs& codecs, bool lend_until_collected = false) {
  if (c.args.empty()) return;
  std::string loads;
  for (size_t i = 0; i < c.args.size(); ++i) {
    const abi::Lowering& l = c.args[i].lowering;
    bool scalar = l.kind == abi::Kind::Scalar || l.kind == abi::Kind::Complex || l.kind == abi::Kind::String;
    w.print(scalar ? "$decl$\n" : "$decl$  // $go$\n",
            {{"decl", converter(c.args[i], i, constructor, lend_until_collected || lend(c, i) != abi::Lend::Call, codecs)},
             {"go", l.type ? l.type->go_spelling() : ""}});
    loads += (i ? " || " : "") + std::string("!a") + n(i) + ".load(" + (value.empty() ? "in[" + n(i) + "]" : value) + ")";
  }
  w.print("if ($loads$) $refused$\n", {{"loads", loads}, {"refused", refused}});
}

// The Go call: st, the results, and the call itself with the GIL released.
void emit_go_call(CodeWriter& w, const py::Call& c, bool self) {
  std::string call_args = self ? "self_h, " : "";
  for (size_t i = 0; i < c.args.size(); ++i) call_args += "a" + n(i) + ", ";
  if (!c.direct)
    for (size_t i = 0; i < c.results.size(); ++i) call_args += "&r" + n(i) + ", ";
  w.print("gpic_status st{};\n");
  for (size_t i = 0; i < c.results.size(); ++i) w.print("$t$ r$i${};\n", {{"t", c.results[i].c_type}, {"i", n(i)}});
  w.print("gpic_py::GoCall call(st);\nif (call) {\n");
  {
    auto in = w.indent();
    for (size_t i = 0; i < c.args.size(); ++i)
      if (c.args[i].lowering.kind == abi::Kind::Callback) w.print("a$i$.hand_over();\n", {{"i", n(i)}});
    w.print("gpic_py::NoGil nogil;\n");
    w.print(c.direct ? "r0 = $symbol$($args$&st);\n" : "$symbol$($args$&st);\n", {{"symbol", c.abi_symbol}, {"args", call_args}});
  }
  w.print("}\n");
}

void emit_self(CodeWriter& w, const py::Call& c, const std::string& fail, Codecs& codecs) {
  if (c.self_value && c.self_value->kind == abi::Kind::Wire) {  // a named slice, array or map: its value, encoded
    w.print("gpic_py::WireArg self_h(gpic_py::codec($k$), false);\n"
            "if (!self_h.load(self)) $fail$\n",
            {{"k", std::to_string(codecs.index(*c.self_value->type))}, {"fail", fail}});
    return;
  }
  if (c.self_value) {  // a named scalar type's method: self is the value (an int or float subclass)
    w.print("gpic_py::Arg<$t$> self_h;\n"
            "if (!self_h.load(self)) $fail$\n",
            {{"t", c.self_value->c_type}, {"fail", fail}});
    return;
  }
  w.print("uint64_t self_h = 0;\n"
          "if (!gpic_py::handle_of(self, &self_h)) $fail$\n",
          {{"fail", fail}});
}

void emit_return(CodeWriter& w, const py::Call& c, Codecs& codecs) {
  // The Go object returned keeps the buffers Go keeps through it.
  std::string by_result = keepers(c, abi::Lend::Result);
  int owner = by_result.empty() ? -1 : abi::owning_result(c.results);
  auto value = [&](size_t i) {
    std::string v = result_expr(c.results[i], "r" + n(i), codecs);
    return static_cast<int>(i) == owner ? "gpic_py::kept(" + v + ", " + by_result + ")" : v;
  };
  if (c.results.empty()) {
    w.print("Py_RETURN_NONE;\n");
  } else if (c.results.size() == 1) {
    w.print("return $r$;\n", {{"r", value(0)}});
  } else {
    std::string items;
    for (size_t i = 0; i < c.results.size(); ++i) items += (i ? ", " : "") + value(i);
    w.print("return gpic_py::tuple($items$);\n", {{"items", items}});
  }
}

// An awaitable call's start (targets/common/awaitables.hpp): returns what keeps the memory of
// the buffers lent to Go, for the runtime to hold until Go has returned (and no write-back:
// Go writes into the buffers themselves).
void emit_start_return(CodeWriter& w, const py::Call& c) {
  std::string keepers;
  for (size_t i = 0; i < c.args.size(); ++i) {
    abi::Kind k = c.args[i].lowering.kind;
    if (k == abi::Kind::NumSlice || k == abi::Kind::NumArray) keepers += (keepers.empty() ? "" : ", ") + std::string("a") + n(i) + ".keeper()";
  }
  if (keepers.empty()) w.print("Py_RETURN_NONE;\n");
  else w.print("return gpic_py::tuple(gpic_py::tuple($k$), Py_NewRef(Py_None));\n", {{"k", keepers}});
}

void emit_fastcall(CodeWriter& w, const py::Call& c, Shape shape, const std::string& c_name, Codecs& codecs) {
  bool start = shape == Shape::AsyncStart || shape == Shape::AsyncStartMethod;
  if (shape == Shape::AsyncStart) shape = Shape::Function;
  if (shape == Shape::AsyncStartMethod) shape = Shape::Method;
  bool method = shape == Shape::Method || shape == Shape::Constructor;
  w.print("PyObject* $name$(PyObject* $self$, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {\n",
          {{"name", c_name}, {"self", method ? "self" : "/*module*/"}});
  auto in = w.indent();
  bool constructor = shape == Shape::Constructor;
  emit_spec(w, c, constructor, codecs);
  w.print("gpic_py::Args<$n$> in(func, args, nargs, kwnames);\n"
          "if (!in) return nullptr;\n",
          {{"n", n(c.args.size())}});
  if (c.has_self) emit_self(w, c, "return nullptr;", codecs);
  emit_loads(w, c, constructor, "", "return in.bad_argument();", codecs, start);
  emit_go_call(w, c, c.has_self);
  w.print("if (st.code) return gpic_py::raise_status(st);\n");
  if (start) {
    emit_start_return(w, c);
    return;
  }
  if (std::string by_self = keepers(c, abi::Lend::Receiver); !by_self.empty()) {
    // The receiver keeps the buffers its method stored in it.
    w.print("PyObject* owner = gpic_py::kept(Py_NewRef(self), $k$);\n"
            "if (!owner) return nullptr;\n"
            "Py_DECREF(owner);\n",
            {{"k", by_self}});
  }
  if (constructor) {
    // `self._gh = handle`, as the cffi target's __init__ does.
    w.print("if (gpic_py::set_handle(self, r0) < 0) return nullptr;\n"
            "Py_RETURN_NONE;\n");
    return;
  }
  emit_return(w, c, codecs);
}

void emit_getter(CodeWriter& w, const py::Call& c, const std::string& c_name, Codecs& codecs) {
  w.print("PyObject* $name$(PyObject* self, void*) {\n", {{"name", c_name}});
  auto in = w.indent();
  emit_self(w, c, "return nullptr;", codecs);
  emit_go_call(w, c, true);
  w.print("if (st.code) return gpic_py::raise_status(st);\n");
  emit_return(w, c, codecs);
}

void emit_setter(CodeWriter& w, const py::Call& c, const std::string& c_name, Codecs& codecs) {
  w.print("int $name$(PyObject* self, PyObject* value, void*) {\n", {{"name", c_name}});
  auto in = w.indent();
  emit_spec(w, c, false, codecs);
  w.print("if (!value) return gpic_py::cannot_delete(self, $field$);\n", {{"field", cpp_string(c.python_name)}});
  emit_self(w, c, "return -1;", codecs);
  emit_loads(w, c, false, "value", "return gpic_py::bad_argument(func, &value), -1;", codecs);
  emit_go_call(w, c, true);
  w.print("if (st.code) return gpic_py::raise_status(st), -1;\n"
          "return 0;\n");
}

}  // namespace

std::string class_var(const ir::TypeDecl& d) { return "cls_" + d.name; }

std::string imported_class_var(const std::string& module, const ir::TypeDecl& d) { return "xcls_" + module + "_" + d.name; }

std::string class_var_of(const abi::Lowering& l) {
  if (!py::is_imported_class(l.type)) return class_var(*l.decl);
  const ir::Type* u = &abi::underlying(*l.type);
  if (u->kind == ir::Type::Kind::Pointer) u = &abi::underlying(*u->elem);
  return imported_class_var(u->qualifier, *u->decl);
}

std::string zero_literal(const abi::Lowering& l) {
  switch (l.kind) {
    case abi::Kind::Scalar:
      if (l.prim == ir::Prim::Bool) return "False";
      return ir::is_float(l.prim) ? "0.0" : "0";
    case abi::Kind::Complex: return "0j";
    case abi::Kind::String: return "''";
    default: return "None";
  }
}

std::string function_doc(const py::Call& c, Shape shape) {
  bool method = shape == Shape::Method || shape == Shape::Constructor || shape == Shape::AsyncStartMethod;
  std::string sig = c.python_name + "(" + (method ? "$self" : "$module");
  if (shape == Shape::Constructor && !c.args.empty()) sig += ", /";
  for (const auto& a : c.args)
    sig += ", " + std::string(a.variadic ? "*" : "") + a.python_name +
           (shape == Shape::Constructor ? "=" + zero_literal(a.lowering) : "");
  sig += ")\n--\n\n";
  if (!c.sig) return sig;
  return sig + py::doc_text(*c.doc, py::go_signature(c));
}

void emit_function(CodeWriter& w, const py::Call& c, Shape shape, const std::string& c_name, Codecs& codecs) {
  switch (shape) {
    case Shape::Getter: emit_getter(w, c, c_name, codecs); break;
    case Shape::Setter: emit_setter(w, c, c_name, codecs); break;
    default: emit_fastcall(w, c, shape, c_name, codecs); break;
  }
  w.print("}\n");
}

}  // namespace gpic::cpython
