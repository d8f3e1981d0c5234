#include "targets/common/python_api.hpp"

#include "targets/common/c_abi.hpp"
#include "targets/common/channels.hpp"
#include "targets/common/in_out.hpp"
#include "targets/common/named_values.hpp"
#include "targets/common/nil_values.hpp"
#include "targets/common/python_codecs.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::py {

// []byte, []uint8 and arrays of them cross as bytes, as the codecs decide (python_codecs).
static bool is_bytes(const ir::Type& t) {
  return (t.kind == ir::Type::Kind::Slice || t.kind == ir::Type::Kind::Array) && t.elem &&
         is_byte_elem(abi::underlying(*t.elem));
}

bool is_numeric_sequence(const ir::Type& t) {
  if (t.kind != ir::Type::Kind::Slice && t.kind != ir::Type::Kind::Array) return false;
  if (!t.elem || is_bytes(t)) return false;
  const ir::Type& e = abi::underlying(*t.elem);
  return e.kind == ir::Type::Kind::Prim && (ir::is_integer(e.prim) || ir::is_float(e.prim));
}

static std::string prim_annotation(ir::Prim p) {
  if (p == ir::Prim::Bool) return "bool";
  if (p == ir::Prim::String) return "str";
  if (p == ir::Prim::Error) return "Error | None";  // inside []error, map[K]error: nil is None
  if (p == ir::Prim::Any) return "Any";  // Go's any: any of Python's natural values, or a Go object
  if (ir::is_float(p)) return "float";
  if (ir::is_complex(p)) return "complex";
  return "int";
}

std::string type_annotation(const ir::Type& t, Role role, bool awaited) {
  using K = ir::Type::Kind;
  if (const wellknown::Entry* e = wellknown::find(t)) return std::string(role == Role::Param ? e->py_param : e->py_result);
  switch (t.kind) {
    case K::Prim:
      // Go takes any exception as an error (python-api.md, "Errors passed to Go").
      if (t.prim == ir::Prim::Error && role == Role::Param) return "BaseException | None";
      return prim_annotation(t.prim);
    case K::Named: {
      // A container class's parameters take any value of its underlying type, as calls do.
      if (role == Role::Param && t.decl && t.qualifier.empty() && is_container_decl(*t.decl))
        return type_annotation(*t.decl->underlying, role, awaited);
      std::string n = module_name(t.name);
      if (!t.qualifier.empty()) n = t.qualifier + "." + n;
      // A Go interface value may be nil, which is None both ways.
      if (t.decl && t.decl->kind == ir::TypeDecl::Kind::Interface) n += " | None";
      // A Go func of a named func type: given, any callable will do; read, it may be nil.
      if (t.decl && abi::callable_func_decl(*t.decl))
        n += role == Role::Param ? " | " + type_annotation(*t.decl->underlying, role) : " | None";
      return n;
    }
    case K::Slice:
    case K::Array:
      if (is_bytes(t)) return role == Role::Param ? "bytes | bytearray | memoryview" : "bytes";
      if (is_numeric_sequence(t)) {
        std::string e = prim_annotation(ir::canonical(abi::underlying(*t.elem).prim));
        return role == Role::Param ? "Sequence[" + e + "] | Buffer" : "array.array[" + e + "]";
      }
      return role == Role::Param ? "Sequence[" + type_annotation(*t.elem, role, awaited) + "]"
                                 : "list[" + type_annotation(*t.elem, role) + "]";
    case K::Map:
      return (role == Role::Param ? "Mapping[" : "dict[") + type_annotation(*t.key, role, awaited) + ", " +
             type_annotation(*t.elem, role, awaited) + "]";
    case K::Pointer:
      return type_annotation(*t.elem, role, awaited) + " | None";
    case K::Func: {
      // A callback's parameters are what Go passes to Python (results); its results are what
      // Python hands back to Go (params). A Go func Python calls (a result) is the other way
      // round, and may be nil.
      Role in = role == Role::Param ? Role::Result : Role::Param;
      Role out = role == Role::Param ? Role::Param : Role::Result;
      std::string args;
      for (const auto& p : t.sig->params) {
        if (!args.empty()) args += ", ";
        args += type_annotation(*p.type, in);
      }
      std::string res;
      auto vals = t.sig->value_results();
      if (vals.empty()) res = "None";
      else if (vals.size() == 1) res = type_annotation(*vals[0]->type, out);
      else {
        res = "tuple[";
        for (size_t i = 0; i < vals.size(); ++i) res += (i ? ", " : "") + type_annotation(*vals[i]->type, out);
        res += "]";
      }
      return "Callable[[" + args + "], " + res + "]" + (role == Role::Param ? "" : " | None");
    }
    // Given, None is a nil channel. Read, a nil channel or iterator still arrives as None, but
    // the stub says so no more than for a pointer result (issue 14 item 4): code that loops
    // over what Go returns type-checks without narrowing.
    case K::Chan:
      // Values go both ways on a channel: its element is spelled as a result (what Python gets).
      return channels::py_chan(t, type_annotation(*t.elem, Role::Result), role == Role::Param, awaited) +
             (role == Role::Param ? " | None" : "");
    case K::Seq:
      return channels::py_seq(t.key ? type_annotation(*t.key, Role::Result) : "", type_annotation(*t.elem, Role::Result));
  }
  return "object";
}

std::string result_value_annotation(const ir::Param& result) {
  const ir::Type& t = *result.type;
  std::string a = type_annotation(t, Role::Result);
  if (t.kind != ir::Type::Kind::Pointer || result.marks.nilable) return a;
  // Both `*T`'s own spelling and a well-known pointer's (`*big.Int`: `int | None`) end so.
  constexpr std::string_view kNone = " | None";
  if (a.size() > kNone.size() && a.compare(a.size() - kNone.size(), kNone.size(), kNone) == 0)
    a.resize(a.size() - kNone.size());
  return a;
}

std::string result_annotation(const ir::FuncSig& sig) {
  auto vals = sig.value_results();
  if (vals.empty()) return "None";
  if (vals.size() == 1) return result_value_annotation(*vals[0]);
  std::string s = "tuple[";
  for (size_t i = 0; i < vals.size(); ++i) s += (i ? ", " : "") + result_value_annotation(*vals[i]);
  return s + "]";
}

std::vector<PyParam> params(const ir::FuncSig& sig, bool awaited) {
  std::vector<PyParam> out;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const auto& p = sig.params[i];
    bool variadic = sig.variadic && i + 1 == sig.params.size();
    const ir::Type& t = variadic ? *p.type->elem : *p.type;
    std::string annotation = type_annotation(t, Role::Param, awaited);
    // None is nil for a slice, map or func parameter (nil_values.hpp; pointers and interfaces
    // say so in their own annotation), not for a variadic one's values.
    if (!variadic && (abi::slice_or_map(t) || t.kind == ir::Type::Kind::Func)) annotation += " | None";
    // An in-out pointer also takes the box whose value receives Go's change (in_out.hpp),
    // typed as what it holds after the call.
    if (!variadic && t.kind == ir::Type::Kind::Pointer && abi::is_in_out(t))
      annotation = type_annotation(*t.elem, Role::Param, awaited) + " | GoRef[" + type_annotation(*t.elem, Role::Result) + "] | None";
    out.push_back({param_name(p.name, i), annotation, variadic});
  }
  return out;
}

std::string signature(std::string_view python_name, const ir::FuncSig& sig, bool method) {
  std::string s(python_name);
  s += "(";
  bool first = true;
  if (method) {
    s += "self";
    first = false;
  }
  for (const auto& p : params(sig)) {
    if (!first) s += ", ";
    first = false;
    s += (p.variadic ? "*" : "") + p.name + ": " + p.annotation;
  }
  return s + ") -> " + result_annotation(sig);
}

}  // namespace gpic::py
