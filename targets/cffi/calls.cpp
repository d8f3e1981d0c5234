#include "targets/cffi/calls.hpp"

#include "targets/common/code_writer.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::cffi {

std::vector<const Call*> Calls::all() const {
  std::vector<const Call*> out;
  for (const auto* list : {&funcs, &const_getters, &var_getters, &var_setters})
    for (const auto& c : *list) out.push_back(&c);
  for (const auto& k : classes) {
    if (k.has_constructor) out.push_back(&k.constructor);
    for (const auto* list : {&k.getters, &k.setters, &k.value, &k.methods})
      for (const auto& c : *list) out.push_back(&c);
  }
  for (const auto& i : interfaces)
    for (const auto& c : i.methods) out.push_back(&c);
  for (const auto& v : value_types)
    for (const auto& c : v.methods) out.push_back(&c);
  return out;
}

std::string go_signature(const Call& c) {
  if (!c.sig) return "";
  std::string s = "func " + c.go_name + "(";
  for (size_t i = 0; i < c.sig->params.size(); ++i) {
    const auto& p = c.sig->params[i];
    bool variadic = c.sig->variadic && i + 1 == c.sig->params.size();
    s += (i ? ", " : "") + (p.name.empty() ? "" : p.name + " ") +
         (variadic ? "..." + p.type->elem->go_spelling() : p.type->go_spelling());
  }
  s += ")";
  if (c.sig->results.size() == 1) s += " " + c.sig->results[0].type->go_spelling();
  if (c.sig->results.size() > 1) {
    s += " (";
    for (size_t i = 0; i < c.sig->results.size(); ++i) s += (i ? ", " : "") + c.sig->results[i].type->go_spelling();
    s += ")";
  }
  return s;
}

std::vector<std::string> Calls::module_names() const {
  std::vector<std::string> names;
  for (const auto* list : {&funcs, &const_getters, &var_getters})
    for (const auto& c : *list) names.push_back(c.python_name);
  return names;
}

namespace {

Call from_func(const abi::FuncExport& f, const std::string& owner, py::Case names) {
  Call c;
  const ir::Func& fn = *f.func;
  c.python_name = owner.empty() ? py::module_name(fn.name, names) : py::member_name(fn.name, names);
  c.go_name = owner.empty() ? fn.name : owner + "." + fn.name;
  c.abi_symbol = f.sig.symbol;
  c.wrapper = owner.empty() ? abi::c_name({"gpicw", fn.name}) : abi::c_name({"gpicw", owner, fn.name});
  c.has_self = f.sig.receiver.has_value();
  if (c.has_self && (f.sig.receiver->lowering.kind == abi::Kind::Scalar || f.sig.receiver->lowering.kind == abi::Kind::Wire))
    c.self_value = f.sig.receiver->lowering;
  for (size_t i = 0; i < f.sig.params.size(); ++i) {
    const auto& p = fn.sig.params[i];
    c.args.push_back({py::param_name(p.name, i), p.name, f.sig.params[i].lowering, fn.sig.variadic && i + 1 == fn.sig.params.size(),
                      p.marks.readonly});
  }
  if (f.sig.direct_result) c.results.push_back(f.sig.direct_result->lowering);
  for (const auto& r : f.sig.out_results) c.results.push_back(r.lowering);
  c.direct = f.sig.direct_result.has_value();
  c.doc = &fn.doc;
  c.sig = &fn.sig;
  return c;
}

abi::Lowering handle_lowering() {
  abi::Lowering l;
  l.kind = abi::Kind::Handle;
  l.c_type = "uint64_t";
  l.scalar = true;
  return l;
}

}  // namespace

Calls collect_calls(const ir::Module& m, const abi::Plan& plan, const Options& options) {
  // --py-names=snake: functions, methods, fields and variables in PEP 8 style; types and
  // constants keep their Go names.
  py::Case names = options.snake_names ? py::Case::Snake : py::Case::Keep;
  Calls calls;
  for (const auto& f : plan.funcs) calls.funcs.push_back(from_func(f, "", names));
  for (const auto& k : plan.consts) {
    Call c;
    c.python_name = py::module_name(k.constant->name);
    c.go_name = k.constant->name;
    c.abi_symbol = k.symbol;
    c.wrapper = abi::c_name({"gpicw", "const", k.constant->name});
    c.results.push_back(k.type);
    c.direct = k.type.scalar;
    c.doc = &k.constant->doc;
    calls.const_getters.push_back(std::move(c));
  }
  for (const auto& v : plan.vars) {
    Call g;
    g.python_name = py::module_name(v.var->name, names);
    g.go_name = v.var->name;
    g.abi_symbol = v.getter;
    g.wrapper = abi::c_name({"gpicw", "get", v.var->name});
    g.results.push_back(v.type);
    g.direct = v.type.scalar;
    g.doc = &v.var->doc;
    Call s = g;
    s.abi_symbol = v.setter;
    s.wrapper = abi::c_name({"gpicw", "set", v.var->name});
    s.setter = true;
    s.args.push_back({"value", "value", *abi::lower(*v.var->type, true)});
    s.results.clear();
    s.direct = false;
    calls.var_getters.push_back(std::move(g));
    calls.var_setters.push_back(std::move(s));
  }
  for (const auto& k : plan.classes) {
    Calls::ClassCalls cc;
    cc.cls = &k;
    const std::string& T = k.decl->name;
    cc.has_constructor = !k.constructor.empty();
    cc.constructor.python_name = "__init__";
    cc.constructor.go_name = T;
    cc.constructor.abi_symbol = k.constructor;
    cc.constructor.wrapper = abi::c_name({"gpicw", T, "new"});
    for (size_t i = 0; i < k.fields.size(); ++i) {
      const auto& f = k.fields[i];
      if (f.promoted) continue;  // set through the embedded struct's own constructor
      cc.constructor.args.push_back({py::field_param_name(f.field->name, i, names), f.field->name, f.param});
    }
    if (k.value) cc.constructor.args.push_back({"value", "value", *k.value});
    cc.constructor.results.push_back(handle_lowering());
    cc.constructor.direct = true;
    for (const auto& f : k.fields) {
      Call g;
      g.python_name = py::member_name(f.field->name, names);
      g.go_name = T + "." + f.field->name;
      g.abi_symbol = f.getter;
      g.wrapper = abi::c_name({"gpicw", T, "get", f.field->name});
      g.has_self = true;
      g.results.push_back(f.type);
      g.direct = f.type.scalar;
      g.doc = &f.field->doc;
      Call s;
      s.python_name = g.python_name;
      s.go_name = g.go_name;
      s.abi_symbol = f.setter;
      s.wrapper = abi::c_name({"gpicw", T, "set", f.field->name});
      s.setter = true;
      s.has_self = true;
      s.args.push_back({"value", "value", f.param});
      cc.getters.push_back(std::move(g));
      cc.setters.push_back(std::move(s));
    }
    if (!k.value_getter.empty()) {
      Call g;
      g.python_name = "value";
      g.go_name = T;
      g.abi_symbol = k.value_getter;
      g.wrapper = abi::c_name({"gpicw", T, "value"});
      g.has_self = true;
      g.results.push_back(*abi::lower(*k.decl->underlying, false));
      g.direct = g.results[0].scalar;
      cc.value.push_back(std::move(g));
    }
    for (const auto& f : k.methods) cc.methods.push_back(from_func(f, T, names));
    if (k.call) {  // a Go func Python calls
      Call call = from_func(*k.call, T, names);
      call.python_name = "__call__";
      call.go_name = T + ".__call__";  // as errors name it: "Op.__call__() argument 'a'"
      cc.methods.push_back(std::move(call));
    }
    calls.classes.push_back(std::move(cc));
  }
  for (const auto& i : plan.interfaces) {
    Calls::InterfaceCalls ic;
    ic.iface = &i;
    for (const auto& f : i.methods) ic.methods.push_back(from_func(f, i.decl->name, names));
    calls.interfaces.push_back(std::move(ic));
  }
  for (const auto& v : plan.value_types) {
    Calls::ValueTypeCalls vc;
    vc.type = &v;
    for (const auto& f : v.methods) vc.methods.push_back(from_func(f, v.decl->name, names));
    calls.value_types.push_back(std::move(vc));
  }
  (void)m;
  return calls;
}

std::optional<Sentinel> failure_sentinel(const Call& c) {
  if (!c.direct) return std::nullopt;
  const abi::Lowering& l = c.results[0];
  if (l.kind == abi::Kind::Handle) return Sentinel{"0", "0"};  // 0 is also nil: then errno decides
  if (l.kind != abi::Kind::Scalar) return std::nullopt;
  // Values a result rarely takes, each within its type and (for ints) below 2^30, which
  // CPython 3.11 compares without a generic call.
  switch (ir::canonical(l.prim)) {
    case ir::Prim::Bool: return Sentinel{"0", "False"};
    case ir::Prim::Int8: return Sentinel{"-113", "-113"};
    case ir::Prim::Uint8: return Sentinel{"241", "241"};
    case ir::Prim::Int16: return Sentinel{"-32653", "-32653"};
    case ir::Prim::Uint16: return Sentinel{"65093", "65093"};
    case ir::Prim::Float32:
    case ir::Prim::Float64: return Sentinel{"-0x1p-126", "-1.1754943508222875e-38"};  // -FLT_MIN, exact in both
    default:
      return ir::is_integer(l.prim) && ir::is_signed(l.prim) ? Sentinel{"-1059947287", "-1059947287"}
                                                             : Sentinel{"1059947287", "1059947287"};
  }
}

namespace {

std::string part_type(const abi::Lowering& l) { return l.prim == ir::Prim::Complex64 ? "float" : "double"; }

// The C parameters of a wrapper: a string or encoded value becomes pointer + length, a numeric
// slice pointer + count, a complex two parts.
std::string wrapper_params(const Call& c) {
  std::string s;
  auto add = [&](const std::string& p) { s += (s.empty() ? "" : ", ") + p; };
  if (c.has_self && c.self_value && c.self_value->kind == abi::Kind::Wire) {
    add("const char* self_p");
    add("size_t self_n");
  } else if (c.has_self) {
    add((c.self_value ? c.self_value->c_type : std::string("uint64_t")) + " self");
  }
  for (size_t i = 0; i < c.args.size(); ++i) {
    const abi::Lowering& l = c.args[i].lowering;
    std::string a = "a" + std::to_string(i);
    switch (l.kind) {
      case abi::Kind::String:
      case abi::Kind::Wire:
        add("const char* " + a + "_p");
        add("size_t " + a + "_n");
        break;
      case abi::Kind::NumSlice:
      case abi::Kind::NumArray:
        add("void* " + a + "_p");
        add("int64_t " + a + "_n");
        break;
      case abi::Kind::Complex:
        add(part_type(l) + " " + a + "_re");
        add(part_type(l) + " " + a + "_im");
        break;
      default:
        add(l.c_type + " " + a);
    }
  }
  return s.empty() ? "void" : s;
}

std::string result_struct(const Call& c) { return "struct gpicr_" + c.wrapper.substr(6); }

std::string return_type(const Call& c) {
  if (c.results.empty()) return "int32_t";  // the status code: nonzero when the call failed
  if (c.direct) return c.results[0].c_type;
  return result_struct(c);
}

bool pointer_pair(const abi::Lowering& l) { return l.kind == abi::Kind::String || l.kind == abi::Kind::Wire; }

void emit_result_struct(CodeWriter& w, const Call& c) {
  if (c.results.empty() || c.direct) return;
  w.print("$s$ {\n", {{"s", result_struct(c)}});
  {
    auto in = w.indent();
    for (size_t i = 0; i < c.results.size(); ++i) {
      const abi::Lowering& l = c.results[i];
      CodeWriter::Vars v{{"r", "r" + std::to_string(i)}, {"t", l.c_type}};
      if (pointer_pair(l)) w.print("const char* $r$_p;\nsize_t $r$_n;\n", v);
      else if (l.kind == abi::Kind::Complex) w.print("$t$ $r$_re;\n$t$ $r$_im;\n", {{"t", part_type(l)}, {"r", v["r"]}});
      else w.print("$t$ $r$;\n", v);
    }
  }
  w.print("};\n");
}

void emit_wrapper_body(CodeWriter& w, const Call& c) {
  auto in = w.indent();
  w.print("gpic_status st = {0};\n");
  std::string args = !c.has_self ? "" : c.self_value && c.self_value->kind == abi::Kind::Wire ? "(gpic_bytes){self_p, self_n}, " : "self, ";
  for (size_t i = 0; i < c.args.size(); ++i) {
    const abi::Lowering& l = c.args[i].lowering;
    std::string a = "a" + std::to_string(i);
    switch (l.kind) {
      case abi::Kind::String: args += "(gpic_string){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::Wire: args += "(gpic_bytes){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::NumSlice:
      case abi::Kind::NumArray: args += "(gpic_slice){" + a + "_p, " + a + "_n}, "; break;
      case abi::Kind::Complex: args += "(" + l.c_type + "){" + a + "_re, " + a + "_im}, "; break;
      default: args += a + ", ";
    }
  }
  bool has_struct = !c.results.empty() && !c.direct;
  if (has_struct) {
    w.print("$s$ out = {0};\n", {{"s", result_struct(c)}});
    for (size_t i = 0; i < c.results.size(); ++i)
      w.print("$t$ r$i$;\n", {{"t", c.results[i].c_type}, {"i", std::to_string(i)}});
    for (size_t i = 0; i < c.results.size(); ++i) args += "&r" + std::to_string(i) + ", ";
  }
  std::string call = c.abi_symbol + "(" + args + "&st)";
  if (c.direct) w.print("$t$ r = 0;\n", {{"t", c.results[0].c_type}});
  w.print("if (gpic_call_begin() == 0) {\n");
  if (c.direct) w.print("    r = $call$;\n", {{"call", call}});
  else w.print("    $call$;\n", {{"call", call}});
  w.print("    gpic_call_end();\n} else {\n    gpic_fail_forked(&st);\n}\ngpicw_settle(&st);\n");
  if (c.results.empty()) w.print("return st.code;\n");
  if (auto s = failure_sentinel(c)) w.print("if (st.code) r = $s$;\n", {{"s", s->c}});
  if (c.direct) w.print("return r;\n");
  if (has_struct) {
    for (size_t i = 0; i < c.results.size(); ++i) {
      const abi::Lowering& l = c.results[i];
      CodeWriter::Vars v{{"i", std::to_string(i)}};
      if (pointer_pair(l)) w.print("out.r$i$_p = r$i$.p;\nout.r$i$_n = r$i$.n;\n", v);
      else if (l.kind == abi::Kind::Complex) w.print("out.r$i$_re = r$i$.re;\nout.r$i$_im = r$i$.im;\n", v);
      else w.print("out.r$i$ = r$i$;\n", v);
    }
    w.print("return out;\n");
  }
}

}  // namespace

std::string emit_cdef(const Calls& calls) {
  CodeWriter w;
  w.print("typedef struct gpic_status {\n"
          "    int32_t code;\n"
          "    int32_t sentinel;\n"
          "    const char* msg; size_t msg_len;\n"
          "    const char* type; size_t type_len;\n"
          "    const char* stack; size_t stack_len;\n"
          "} gpic_status;\n"
          "typedef struct gpic_bytes { const char* p; size_t n; } gpic_bytes;\n"
          "const gpic_status* gpic_stashed(void);\n"
          "void* gpic_alloc(size_t n);\n"
          "int32_t gpic_call_depth(void);\n"
          "int64_t gpicw_handles(void);\n"
          "int64_t gpicw_go_heap(void);\n"
          "void gpicw_release(uint64_t h);\n"
          "uint64_t gpicw_identity(uint64_t h);\n"
          "void gpicw_collect(void);\n"
          "int64_t gpicw_stream_read(uint64_t h, char* p, int64_t n);\n"
          "int64_t gpicw_stream_write(uint64_t h, char* p, int64_t n);\n"
          "void gpicw_stream_flush(uint64_t h);\n"
          "void gpicw_stream_close(uint64_t h);\n"
          "extern \"Python\" void gpic_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*,\n"
          "                                       gpic_status*);\n"
          "extern \"Python\" void gpic_py_release(const uint64_t*, size_t);\n"
          "int32_t gpic_py_slot(void);\n"
          "void gpicw_set_python(int32_t slot, int on);\n");
  for (const Call* c : calls.all()) {
    emit_result_struct(w, *c);
    w.print("$ret$ $name$($params$);\n", {{"ret", return_type(*c)}, {"name", c->wrapper}, {"params", wrapper_params(*c)}});
  }
  return w.take();
}

std::string emit_c_source(const ir::Module& m, const Calls& calls) {
  CodeWriter w;
  w.print("#include <errno.h>\n#include \"gpic_$module$.h\"\n\n"
          "/* Reports a failed call out of band: the status is stashed for gpic_stashed() and errno,\n"
          "   which cffi saves right after every call, tells Python to look. */\n"
          "static inline void gpicw_settle(const gpic_status* st) {\n"
          "    errno = st->code ? (int)gpic_stash(st) : 0;\n"
          "}\n\n"
          "/* The Python side of Go -> Python calls (defined by cffi from the module's\n"
          "   extern \"Python\" functions). */\n"
          "static void gpic_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*, gpic_status*);\n"
          "static void gpic_py_release(const uint64_t*, size_t);\n"
          "static void gpicw_py_dispatch(uint64_t, int32_t, int32_t, const char*, size_t, gpic_bytes*, gpic_status*);\n\n"
          "static void gpicw_set_python(int32_t slot, int on) {\n"
          "    gpic_set_python(slot, on ? gpicw_py_dispatch : NULL, on ? gpic_py_release : NULL);\n"
          "}\n\n"
          "static int64_t gpicw_handles(void) { return gpic_handles(); }\n"
          "static int64_t gpicw_go_heap(void) { return gpic_go_heap(); }\n"
          "static void gpicw_release(uint64_t h) { gpic_release(h); }\n"
          "static void gpicw_collect(void) { gpic_collect(); }\n\n"
          "static uint64_t gpicw_identity(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    uint64_t id = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        id = gpic_identity(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return id;\n"
          "}\n\n"
          "/* Go streams held by Python (gpic_wire.GoStream): one Go Read or Write per call. */\n"
          "static int64_t gpicw_stream_read(uint64_t h, char* p, int64_t n) {\n"
          "    gpic_status st = {0};\n"
          "    int64_t got = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        got = gpic_stream_read(h, p, n, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return got;\n"
          "}\n\n"
          "static int64_t gpicw_stream_write(uint64_t h, char* p, int64_t n) {\n"
          "    gpic_status st = {0};\n"
          "    int64_t got = 0;\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        got = gpic_stream_write(h, p, n, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "    return got;\n"
          "}\n\n"
          "static void gpicw_stream_flush(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_stream_flush(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n\n"
          "static void gpicw_stream_close(uint64_t h) {\n"
          "    gpic_status st = {0};\n"
          "    if (gpic_call_begin() == 0) {\n"
          "        gpic_stream_close(h, &st);\n"
          "        gpic_call_end();\n"
          "    } else {\n"
          "        gpic_fail_forked(&st);\n"
          "    }\n"
          "    gpicw_settle(&st);\n"
          "}\n",
          {{"module", m.name}});
  for (const Call* c : calls.all()) {
    w.print("\n");
    emit_result_struct(w, *c);
    w.print("static $ret$ $name$($params$) {\n", {{"ret", return_type(*c)}, {"name", c->wrapper}, {"params", wrapper_params(*c)}});
    emit_wrapper_body(w, *c);
    w.print("}\n");
  }
  return w.take();
}

}  // namespace gpic::cffi
