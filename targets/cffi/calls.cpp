#include "targets/cffi/calls.hpp"

#include "targets/common/code_writer.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::cffi {

bool is_string(const ir::Type& t) { return t.kind == ir::Type::Kind::Prim && t.prim == ir::Prim::String; }
bool is_complex(const ir::Type& t) { return t.kind == ir::Type::Kind::Prim && ir::is_complex(t.prim); }

Calls collect_calls(const ir::Module& m, const abi::Plan& plan) {
  Calls calls;
  for (const auto& f : plan.funcs) {
    Call c;
    c.python_name = py::module_name(f.func->name);
    c.go_name = f.func->name;
    c.abi_symbol = f.sig.symbol;
    c.wrapper = "gpicw_" + f.func->name;
    for (size_t i = 0; i < f.func->sig.params.size(); ++i) {
      const auto& p = f.func->sig.params[i];
      c.args.push_back({py::param_name(p.name, i), p.name, p.type.get()});
    }
    for (const auto* r : f.func->sig.value_results()) c.results.push_back(r->type.get());
    c.direct = f.sig.direct_result.has_value();
    c.doc = &f.func->doc;
    c.sig = &f.func->sig;
    calls.funcs.push_back(std::move(c));
  }
  for (const auto& k : plan.consts) {
    Call c;
    c.python_name = py::module_name(k.constant->name);
    c.go_name = k.constant->name;
    c.abi_symbol = k.symbol;
    c.wrapper = "gpicw_const_" + k.constant->name;
    c.results.push_back(k.constant->type.get());
    c.direct = k.type.scalar;
    c.doc = &k.constant->doc;
    calls.const_getters.push_back(std::move(c));
  }
  for (const auto& v : plan.vars) {
    Call g;
    g.python_name = py::module_name(v.var->name);
    g.go_name = v.var->name;
    g.abi_symbol = v.getter;
    g.wrapper = "gpicw_get_" + v.var->name;
    g.results.push_back(v.var->type.get());
    g.direct = v.type.scalar;
    g.doc = &v.var->doc;
    Call s = g;
    s.abi_symbol = v.setter;
    s.wrapper = "gpicw_set_" + v.var->name;
    s.args.push_back({"value", "value", v.var->type.get()});
    s.results.clear();
    s.direct = false;
    calls.var_getters.push_back(std::move(g));
    calls.var_setters.push_back(std::move(s));
  }
  return calls;
}

namespace {

std::string part_type(const ir::Type& t) { return t.prim == ir::Prim::Complex64 ? "float" : "double"; }

// The C parameters of a wrapper: a string becomes pointer + length, a complex two parts.
std::string wrapper_params(const Call& c) {
  std::string s;
  auto add = [&](const std::string& p) { s += (s.empty() ? "" : ", ") + p; };
  for (size_t i = 0; i < c.args.size(); ++i) {
    const ir::Type& t = *c.args[i].type;
    std::string a = "a" + std::to_string(i);
    if (is_string(t)) {
      add("const char* " + a + "_p");
      add("size_t " + a + "_n");
    } else if (is_complex(t)) {
      add(part_type(t) + " " + a + "_re");
      add(part_type(t) + " " + a + "_im");
    } else {
      add(abi::lower(t)->c_type + " " + a);
    }
  }
  return s.empty() ? "void" : s;
}

std::string result_struct(const Call& c) { return "struct gpicr_" + c.wrapper.substr(6); }

std::string return_type(const Call& c) {
  if (c.results.empty()) return "void";
  if (c.direct) return abi::lower(*c.results[0])->c_type;
  return result_struct(c);
}

void emit_result_struct(CodeWriter& w, const Call& c) {
  if (c.results.empty() || c.direct) return;
  w.print("$s$ {\n", {{"s", result_struct(c)}});
  {
    auto in = w.indent();
    for (size_t i = 0; i < c.results.size(); ++i) {
      const ir::Type& t = *c.results[i];
      std::string r = "r" + std::to_string(i);
      if (is_string(t)) w.print("const char* $r$_p;\nsize_t $r$_n;\n", {{"r", r}});
      else if (is_complex(t)) w.print("$t$ $r$_re;\n$t$ $r$_im;\n", {{"t", part_type(t)}, {"r", r}});
      else w.print("$t$ $r$;\n", {{"t", abi::lower(t)->c_type}, {"r", r}});
    }
  }
  w.print("};\n");
}

template <class F>
void each_call(const Calls& calls, F f) {
  for (const auto* list : {&calls.funcs, &calls.const_getters, &calls.var_getters, &calls.var_setters})
    for (const auto& c : *list) f(c);
}

}  // namespace

std::string emit_cdef(const Calls& calls) {
  CodeWriter w;
  w.print("typedef struct gpic_status {\n"
          "    int32_t code;\n"
          "    const char* msg; size_t msg_len;\n"
          "    const char* type; size_t type_len;\n"
          "    const char* stack; size_t stack_len;\n"
          "} gpic_status;\n"
          "const gpic_status* gpic_stashed(void);\n");
  each_call(calls, [&](const Call& c) {
    emit_result_struct(w, c);
    w.print("$ret$ $name$($params$);\n", {{"ret", return_type(c)}, {"name", c.wrapper}, {"params", wrapper_params(c)}});
  });
  return w.take();
}

static void emit_wrapper_body(CodeWriter& w, const Call& c);

std::string emit_c_source(const ir::Module& m, const Calls& calls) {
  CodeWriter w;
  w.print("#include <errno.h>\n#include \"gpic_$module$.h\"\n\n"
          "/* Reports a failed call out of band: the status is stashed for gpic_stashed() and errno,\n"
          "   which cffi saves right after every call, tells Python to look. */\n"
          "static inline void gpicw_settle(const gpic_status* st) {\n"
          "    errno = st->code ? (int)gpic_stash(st) : 0;\n"
          "}\n",
          {{"module", m.name}});
  each_call(calls, [&](const Call& c) {
    w.print("\n");
    emit_result_struct(w, c);
    w.print("static $ret$ $name$($params$) {\n", {{"ret", return_type(c)}, {"name", c.wrapper}, {"params", wrapper_params(c)}});
    emit_wrapper_body(w, c);
    w.print("}\n");
  });
  return w.take();
}

static void emit_wrapper_body(CodeWriter& w, const Call& c) {
  auto in = w.indent();
  w.print("gpic_status st = {0};\n");
  std::string args;
  for (size_t i = 0; i < c.args.size(); ++i) {
    const ir::Type& t = *c.args[i].type;
    std::string a = "a" + std::to_string(i);
    if (is_string(t)) args += "(gpic_string){" + a + "_p, " + a + "_n}, ";
    else if (is_complex(t)) args += "(" + abi::lower(t)->c_type + "){" + a + "_re, " + a + "_im}, ";
    else args += a + ", ";
  }
  bool has_struct = !c.results.empty() && !c.direct;
  if (has_struct) {
    w.print("$s$ out = {0};\n", {{"s", result_struct(c)}});
    for (size_t i = 0; i < c.results.size(); ++i)
      w.print("$t$ r$i$;\n", {{"t", abi::lower(*c.results[i])->c_type}, {"i", std::to_string(i)}});
    for (size_t i = 0; i < c.results.size(); ++i) args += "&r" + std::to_string(i) + ", ";
  }
  w.print("gpic_arena_reset();\n");
  std::string call = c.abi_symbol + "(" + args + "&st)";
  if (c.direct) w.print("$t$ r = $call$;\n", {{"t", abi::lower(*c.results[0])->c_type}, {"call", call}});
  else w.print("$call$;\n", {{"call", call}});
  w.print("gpicw_settle(&st);\n");
  if (c.direct) w.print("return r;\n");
  if (has_struct) {
    for (size_t i = 0; i < c.results.size(); ++i) {
      const ir::Type& t = *c.results[i];
      CodeWriter::Vars v{{"i", std::to_string(i)}};
      if (is_string(t)) w.print("out.r$i$_p = r$i$.p;\nout.r$i$_n = r$i$.n;\n", v);
      else if (is_complex(t)) w.print("out.r$i$_re = r$i$.re;\nout.r$i$_im = r$i$.im;\n", v);
      else w.print("out.r$i$ = r$i$;\n", v);
    }
    w.print("return out;\n");
  }
}

}  // namespace gpic::cffi
