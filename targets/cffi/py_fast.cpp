#include "targets/cffi/py_fast.hpp"

#include "targets/common/code_writer.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::cffi {
namespace {

using K = ir::Type::Kind;

struct PrimInfo {
  const char* c_type;  // the extern's parameter or return type
  int size;            // bytes in the wire format
  const char* check;   // Python: `r` is plainly a value of this type (else the codec decides)
};

// Numbers and bools: what the C path carries. Strings, complex numbers and everything else
// take the codecs.
bool prim_info(ir::Prim p, PrimInfo* out) {
  switch (ir::canonical(p)) {
    case ir::Prim::Bool: *out = {"_Bool", 1, "type(r) is bool"}; return true;
    case ir::Prim::Int8: *out = {"int8_t", 1, "type(r) is int and -0x80 <= r <= 0x7f"}; return true;
    case ir::Prim::Uint8: *out = {"uint8_t", 1, "type(r) is int and 0 <= r <= 0xff"}; return true;
    case ir::Prim::Int16: *out = {"int16_t", 2, "type(r) is int and -0x8000 <= r <= 0x7fff"}; return true;
    case ir::Prim::Uint16: *out = {"uint16_t", 2, "type(r) is int and 0 <= r <= 0xffff"}; return true;
    case ir::Prim::Int32: *out = {"int32_t", 4, "type(r) is int and -0x80000000 <= r <= 0x7fffffff"}; return true;
    case ir::Prim::Uint32: *out = {"uint32_t", 4, "type(r) is int and 0 <= r <= 0xffffffff"}; return true;
    case ir::Prim::Int:
    case ir::Prim::Int64:
      *out = {"int64_t", 8, "type(r) is int and -0x8000000000000000 <= r <= 0x7fffffffffffffff"};
      return true;
    case ir::Prim::Uint:
    case ir::Prim::Uint64:
    case ir::Prim::Uintptr:
      *out = {"uint64_t", 8, "type(r) is int and 0 <= r <= 0xffffffffffffffff"};
      return true;
    case ir::Prim::Float32:
      // Beyond float32's range the codec raises OverflowError; inf and nan fail the
      // comparisons and get the codec too.
      *out = {"float", 4, "type(r) is float and -3.4028234663852886e38 <= r <= 3.4028234663852886e38"};
      return true;
    case ir::Prim::Float64: *out = {"double", 8, "type(r) is float"}; return true;
    default: return false;
  }
}

// A parameter takes the C path when its codec is the plain scalar one (a named type's codec
// may give Python something else, an enum member); a result when its underlying type is a
// scalar: the check above takes plain values, and the codec of the named type the rest.
bool fast_arg(const ir::Type& t, ir::Prim* p) {
  PrimInfo info;
  if (t.kind != K::Prim || abi::decl_of(t) != nullptr || !prim_info(t.prim, &info)) return false;
  *p = ir::canonical(t.prim);
  return true;
}

bool fast_result(const ir::Type& t, ir::Prim* p) {
  const ir::Type& u = abi::underlying(t);
  PrimInfo info;
  if (u.kind != K::Prim || !prim_info(u.prim, &info)) return false;
  *p = ir::canonical(u.prim);
  return true;
}

bool collect(const ir::FuncSig& sig, FastMethod* m) {
  if (sig.variadic || sig.returns_error()) return false;
  auto results = sig.value_results();
  if (results.size() > 1) return false;
  for (const auto& p : sig.params) {
    ir::Prim prim;
    if (!fast_arg(*p.type, &prim)) return false;
    m->args.push_back(prim);
  }
  for (const auto* r : results) {
    ir::Prim prim;
    if (!fast_result(*r->type, &prim)) return false;
    m->results.push_back(prim);
  }
  return true;
}

PrimInfo info_of(ir::Prim p) {
  PrimInfo info{};
  prim_info(p, &info);
  return info;
}

std::string return_type(const FastMethod& m) { return m.results.empty() ? "void" : info_of(m.results[0]).c_type; }

std::string extern_params(const FastMethod& m) {
  std::string s = "uint64_t";
  for (ir::Prim p : m.args) s += std::string(", ") + info_of(p).c_type;
  return s;
}

int wire_size(const FastMethod& m) {
  int n = 0;
  for (ir::Prim p : m.args) n += info_of(p).size;
  return n;
}

}  // namespace

std::vector<FastMethod> fast_methods(const abi::Plan& plan) {
  std::vector<FastMethod> out;
  auto add = [&](int proxy, int method, const std::string& go_method, const ir::FuncSig& sig) {
    FastMethod m;
    m.proxy = proxy;
    m.method = method;
    m.go_method = go_method;
    m.extern_name = "gpicp_" + std::to_string(proxy) + "_" + std::to_string(method);
    if (collect(sig, &m)) out.push_back(std::move(m));
  };
  for (const auto* list : {&plan.interfaces, &plan.foreign_interfaces})
    for (const auto& i : *list)
      for (size_t k = 0; k < i.proxy_methods().size(); ++k)
        add(i.proxy_id, static_cast<int>(k), i.proxy_methods()[k].name, i.proxy_methods()[k].sig);
  for (const auto& cb : plan.callbacks) add(cb.proxy_id, 0, "", *cb.sig);
  return out;
}

std::string emit_fast_cdef(const std::vector<FastMethod>& methods) {
  CodeWriter w;
  w.print("gpic_status* gpicw_py_status(void);\n");
  for (const auto& m : methods)
    w.print("extern \"Python\" $ret$ $name$($params$);\n", {{"ret", return_type(m)}, {"name", m.extern_name}, {"params", extern_params(m)}});
  return w.take();
}

std::string emit_fast_c_source(const std::vector<FastMethod>& methods) {
  CodeWriter w("    ");
  w.print("\n/* Go -> Python on the C path (targets/cffi/py_fast.hpp): methods whose arguments are numbers\n"
          "   or bools get them as C scalars from one extern \"Python\" function each; what such a\n"
          "   function raised it reports into gpicw_py_st. Everything else goes to gpic_py_dispatch. */\n"
          "#include <string.h>\n\n"
          "static __thread gpic_status gpicw_py_st;\n"
          "static gpic_status* gpicw_py_status(void) { return &gpicw_py_st; }\n");
  for (const auto& m : methods)
    w.print("static $ret$ $name$($params$);\n", {{"ret", return_type(m)}, {"name", m.extern_name}, {"params", extern_params(m)}});
  w.print("\nstatic void gpicw_py_dispatch(uint64_t ref, int32_t proxy, int32_t method, const char* a, size_t n,\n"
          "                              gpic_bytes* result, gpic_status* st) {\n");
  {
    auto in = w.indent();
    for (const auto& m : methods) {
      CodeWriter::Vars v{{"p", std::to_string(m.proxy)}, {"m", std::to_string(m.method)}, {"n", std::to_string(wire_size(m))},
                         {"name", m.extern_name}};
      w.print("if (proxy == $p$ && method == $m$ && n == $n$) {\n", v);
      {
      auto body = w.indent();
      std::string call_args = "ref";
      int at = 0;
      for (size_t i = 0; i < m.args.size(); ++i) {
        PrimInfo info = info_of(m.args[i]);
        CodeWriter::Vars a{{"i", std::to_string(i)}, {"T", info.c_type}, {"at", std::to_string(at)}, {"size", std::to_string(info.size)}};
        if (m.args[i] == ir::Prim::Bool) w.print("_Bool a$i$ = a[$at$] != 0;\n", a);
        else w.print("$T$ a$i$;\nmemcpy(&a$i$, a + $at$, $size$);\n", a);
        call_args += ", a" + std::to_string(i);
        at += info.size;
      }
      v["args"] = call_args;
      w.print("gpicw_py_st.code = 0;\n");
      if (m.results.empty()) {
        w.print("$name$($args$);\n", v);
      } else {
        v["T"] = info_of(m.results[0]).c_type;
        w.print("$T$ r = $name$($args$);\n", v);
      }
      w.print("if (gpicw_py_st.code) {\n    *st = gpicw_py_st;\n    gpicw_py_st.code = 0;\n    return;\n}\n");
      if (!m.results.empty()) {
        PrimInfo info = info_of(m.results[0]);
        CodeWriter::Vars r{{"T", info.c_type}, {"size", std::to_string(info.size)}};
        w.print("char* p = (char*)gpic_alloc($size$);\n", r);
        if (m.results[0] == ir::Prim::Bool) w.print("p[0] = r ? 1 : 0;\n");
        else w.print("memcpy(p, &r, $size$);\n", r);
        w.print("result->p = p;\nresult->n = $size$;\n", r);
      }
      w.print("return;\n");
      }
      w.print("}\n");
    }
    w.print("gpic_py_dispatch(ref, proxy, method, a, n, result, st);\n");
  }
  w.print("}\n");
  return w.take();
}

std::string emit_fast_python(const std::vector<FastMethod>& methods,
                             const std::function<std::string(const std::string&)>& method_name) {
  if (methods.empty()) return "";
  CodeWriter w("    ");
  w.print("\n# Go calls these from C with C scalars (gpicw_py_dispatch): no wire decoding on the way in;\n"
          "# a result that is not plainly of its type, and every exception, take the codecs' way.\n"
          "_grefs = _gbridge.refs\n_gfast_result = _gbridge.fast_result\n_gfast_fail = _gbridge.fast_fail\n");
  for (const auto& m : methods) {
    std::string params = "ref", args;
    for (size_t i = 0; i < m.args.size(); ++i) {
      params += ", a" + std::to_string(i);
      args += (i ? ", a" : "a") + std::to_string(i);
    }
    std::string target = m.go_method.empty() ? "_grefs[ref]"
                                             : "getattr(_grefs[ref], " + py::string_literal(method_name(m.go_method)) + ")";
    CodeWriter::Vars v{{"name", m.extern_name}, {"params", params}, {"call", target + "(" + args + ")"},
                       {"p", std::to_string(m.proxy)}, {"m", std::to_string(m.method)}};
    w.print("\n\n@_gffi.def_extern(name=\"$name$\")\ndef _$name$($params$):\n", v);
    auto in = w.indent();
    w.print("try:\n");
    {
      auto body = w.indent();
      if (m.results.empty()) {
        w.print("$call$\n", v);
      } else {
        v["check"] = info_of(m.results[0]).check;
        w.print("r = $call$\nif $check$:\n    return r\nreturn _gfast_result($p$, $m$, r)\n", v);
      }
    }
    w.print("except BaseException as e:\n    _gfast_fail(e, $p$, $m$)\n", v);
    if (!m.results.empty()) w.print("    return $zero$\n", {{"zero", m.results[0] == ir::Prim::Bool ? "False" : "0"}});
  }
  return w.take();
}

}  // namespace gpic::cffi
