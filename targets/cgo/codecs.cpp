#include "targets/cgo/codecs.hpp"

#include <filesystem>

#include "targets/cgo/go_names.hpp"
#include "targets/common/channels.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/quoting.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::cgo {

std::string proxy_type(const ir::TypeDecl& iface) { return "gpicProxy_" + iface.name; }

namespace {

// What names an interface's codecs and proxy in this shim: its name, or for another bound
// package's "_<package>_<name>" (no Go type name starts with `_`, and mangled parts cannot run
// into each other, so neither collides with this package's own).
std::string iface_ident(const ir::TypeDecl& d, const std::string& qualifier) {
  return qualifier.empty() ? d.name : "_" + abi::mangle(qualifier) + "_" + abi::mangle(d.name);
}

// The Go spelling of an interface in this shim.
std::string iface_go_type(const ir::TypeDecl& d, const std::string& qualifier) {
  return qualifier.empty() ? go_decl_type(d) : imported_alias(qualifier) + "." + d.name;
}

}  // namespace

namespace {

using K = ir::Type::Kind;

bool is_numeric_prim(const ir::Type& u) {
  return u.kind == K::Prim && (ir::is_integer(u.prim) || ir::is_float(u.prim));
}

// The reader/writer method and the Go type a primitive travels as.
struct PrimIO {
  const char* method;
  const char* via;   // conversion on the way in and out ("" for none)
};

PrimIO prim_io(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Bool: return {"boolean", "bool"};
    case ir::Prim::Int: case ir::Prim::Int64: return {"u64", "int64"};
    case ir::Prim::Int8: return {"u8", "int8"};
    case ir::Prim::Int16: return {"u16", "int16"};
    case ir::Prim::Int32: return {"u32", "int32"};
    case ir::Prim::Uint: case ir::Prim::Uint64: case ir::Prim::Uintptr: return {"u64", "uint64"};
    case ir::Prim::Uint8: return {"u8", "uint8"};
    case ir::Prim::Uint16: return {"u16", "uint16"};
    case ir::Prim::Uint32: return {"u32", "uint32"};
    case ir::Prim::Float32: return {"f32", "float32"};
    case ir::Prim::Float64: return {"f64", "float64"};
    case ir::Prim::Complex64: return {"c64", "complex64"};
    case ir::Prim::Complex128: return {"c128", "complex128"};
    default: return {"str", "string"};
  }
}

// The unsigned type the writer takes for a signed integer of the same width.
std::string wire_unsigned(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Int: case ir::Prim::Int64: return "uint64";
    case ir::Prim::Int8: return "uint8";
    case ir::Prim::Int16: return "uint16";
    case ir::Prim::Int32: return "uint32";
    default: return "";
  }
}

bool is_handle_type(const ir::Type& u) {
  const ir::TypeDecl* d = abi::decl_of(u);
  return d && abi::is_handle_decl(*d);
}

bool is_interface_type(const ir::Type& u) {
  const ir::TypeDecl* d = abi::decl_of(u);
  return d && d->kind == ir::TypeDecl::Kind::Interface;
}

// A Go func value: an unnamed func type, or a named one (its class).
bool is_func_value(const ir::Type& u) {
  const ir::TypeDecl* d = abi::decl_of(u);
  return u.kind == K::Func || (d && abi::is_opaque_func_decl(*d));
}
// `any`: the runtime's dynamic codec (runtime/go/gpic_any.go) carries it.
bool is_any(const ir::Type& u) { return u.kind == K::Prim && u.prim == ir::Prim::Any; }

bool is_handle_pointer(const ir::Type& u) { return u.kind == K::Pointer && is_handle_type(abi::underlying(*u.elem)); }

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

}  // namespace

Codecs::Codecs(const abi::Plan& plan) : plan_(plan) {
  int next = 1;
  for (const ir::Type* t : plan.wire_types) ids_.emplace(abi::type_key(*t), next++);
}

int Codecs::id_of(const ir::Type& t) const {
  auto it = ids_.find(abi::type_key(abi::underlying(t)));
  return it == ids_.end() ? 0 : it->second;
}

std::string Codecs::decoder(const ir::Type& t) const {
  const ir::Type& u = abi::underlying(t);
  if (u.kind == K::Prim && u.prim == ir::Prim::Error) return "gpicDecError";
  if (is_any(u)) return "gpicGetAny";
  if (is_interface_type(u)) return "gpicDecIface_" + iface_ident(*u.decl, u.qualifier);
  return "gpicDec_" + std::to_string(id_of(t));
}

std::string Codecs::encoder(const ir::Type& t) const {
  const ir::Type& u = abi::underlying(t);
  if (u.kind == K::Prim && u.prim == ir::Prim::Error) return "gpicEncError";
  if (is_any(u)) return "gpicPutAny";
  if (is_interface_type(u)) return "gpicEncIface_" + iface_ident(*u.decl, u.qualifier);
  return "gpicEnc_" + std::to_string(id_of(t));
}

std::string Codecs::callback_maker(const ir::Type& t) const {
  // A named func type's funcs are made as its func type's (assignable to it).
  const ir::TypeDecl* d = abi::decl_of(t);
  const abi::CallbackType* cb = plan_.find_callback(d && abi::is_opaque_func_decl(*d) ? *d->underlying : t);
  return "gpicFunc_" + std::to_string(cb ? cb->proxy_id : 0);
}

std::string Codecs::enc(const ir::Type& t, const std::string& w, const std::string& x) const {
  const ir::Type& u = abi::underlying(t);
  if (u.kind == K::Prim && u.prim == ir::Prim::Error) return "gpicPutError(" + w + ", " + x + ")";
  if (is_any(u)) return "gpicPutAny(" + w + ", " + x + ")";
  if (u.kind == K::Prim) {
    PrimIO io = prim_io(u.prim);
    std::string uns = wire_unsigned(u.prim);
    if (!uns.empty()) return w + "." + io.method + "(" + uns + "(" + x + "))";
    return w + "." + io.method + "(" + io.via + "(" + x + "))";
  }
  if (is_func_value(u)) return w + ".u64(uint64(gpicFuncHandle(" + x + ", " + x + " == nil)))";
  if (is_handle_type(u)) return w + ".u64(uint64(gpicNewHandle(gpicBox(" + x + "))))";
  if (is_handle_pointer(u)) return w + ".u64(uint64(gpicPtrHandle(" + x + ")))";
  if (is_interface_type(u)) return encoder(t) + "(" + w + ", " + x + ")";
  std::string value = &u == &t ? x : go_type(u) + "(" + x + ")";
  return encoder(t) + "(" + w + ", " + value + ")";
}

std::string Codecs::dec(const ir::Type& t, const std::string& r) const {
  const ir::Type& u = abi::underlying(t);
  std::string T = go_type(t);
  if (u.kind == K::Prim && u.prim == ir::Prim::Error) return "gpicGetError(" + r + ")";
  if (is_any(u)) return "gpicGetAny(" + r + ")";
  if (u.kind == K::Prim) {
    PrimIO io = prim_io(u.prim);
    std::string read = r + "." + io.method + "()";
    std::string uns = wire_unsigned(u.prim);
    if (!uns.empty()) read = std::string(io.via) + "(" + read + ")";
    return T + "(" + read + ")";
  }
  // A func from Python: a callable Go wraps, or a Go func Python held (callback_maker).
  if (const ir::TypeDecl* d = abi::decl_of(u); d && abi::callable_func_decl(*d))
    return T + "(" + callback_maker(*d->underlying) + "(C.uint64_t(" + r + ".u64())))";
  if (is_handle_type(u)) return "gpicDeref(gpicHandleValue[*" + T + "](" + r + ", false))";
  if (is_handle_pointer(u)) return "gpicHandleValue[" + go_type(u) + "](" + r + ", true)";
  if (is_interface_type(u)) return decoder(t) + "(" + r + ")";
  if (u.kind == K::Func) {
    std::string make = callback_maker(u) + "(C.uint64_t(" + r + ".u64()))";
    return &u == &t ? make : T + "(" + make + ")";
  }
  std::string call = decoder(t) + "(" + r + ")";
  return &u == &t ? call : T + "(" + call + ")";
}

void Codecs::emit_codec(CodeWriter& w, const ir::Type& u, int id) const {
  CodeWriter::Vars v{{"id", std::to_string(id)}, {"T", go_type(u)}, {"spelling", u.go_spelling()}};
  w.print("// $spelling$\n", v);
  if (const wellknown::Entry* e = wellknown::find(u)) {
    // The runtime's codecs (gpic_wellknown.go); a value made for a call only decodes.
    std::string dec(e->go_dec);
    if (const ir::Type* cb = wellknown::callback_type(*e)) dec = replace_all(dec, "$cb$", callback_maker(*cb));
    v["dec"] = dec;
    if (!e->go_enc.empty())
      w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) { " + std::string(e->go_enc) + "(w, v) }\n\n", v);
    w.print("func gpicDec_$id$(r *gpicReader) $T$ { return $dec$ }\n\n", v);
    return;
  }
  const ir::Type* elem = u.elem.get();
  bool numeric = elem && is_numeric_prim(abi::underlying(*elem));
  if (elem) v["E"] = go_type(*elem);
  switch (u.kind) {
    case K::Slice:
      if (numeric) {
        w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) { gpicPutNums(w, v) }\n\n"
                "func gpicDec_$id$(r *gpicReader) $T$ { return gpicGetNums[$E$](r) }\n\n", v);
        return;
      }
      v["enc"] = enc(*elem, "w", "x");
      v["dec"] = dec(*elem, "r");
      w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tw.u64(uint64(len(v)))\n\tfor _, x := range v {\n\t\t$enc$\n\t}\n}\n\n"
              "func gpicDec_$id$(r *gpicReader) $T$ {\n\tv := make($T$, r.count(1))\n\tfor i := range v {\n"
              "\t\tv[i] = $dec$\n\t}\n\treturn v\n}\n\n",
              v);
      return;
    case K::Array:
      v["n"] = std::to_string(u.length);
      if (numeric) {
        w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) { gpicPutNums(w, v[:]) }\n\n"
                "func gpicDec_$id$(r *gpicReader) (v $T$) {\n\tif src := gpicGetNums[$E$](r); len(src) == $n$ {\n"
                "\t\tcopy(v[:], src)\n\t} else {\n\t\tr.fail(\"%d elements where $spelling$ needs $n$\", len(src))\n\t}\n"
                "\treturn v\n}\n\n",
                v);
        return;
      }
      v["enc"] = enc(*elem, "w", "x");
      v["dec"] = dec(*elem, "r");
      w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tw.u64($n$)\n\tfor _, x := range v {\n\t\t$enc$\n\t}\n}\n\n"
              "func gpicDec_$id$(r *gpicReader) (v $T$) {\n\tif n := r.count(1); n != $n$ {\n"
              "\t\tr.fail(\"%d elements where $spelling$ needs $n$\", n)\n\t\treturn v\n\t}\n"
              "\tfor i := range v {\n\t\tv[i] = $dec$\n\t}\n\treturn v\n}\n\n",
              v);
      return;
    case K::Map:
      v["K"] = go_type(*u.key);
      v["enck"] = enc(*u.key, "w", "k");
      v["encv"] = enc(*elem, "w", "x");
      v["deck"] = dec(*u.key, "r");
      v["decv"] = dec(*elem, "r");
      w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tw.u64(uint64(len(v)))\n\tfor k, x := range v {\n"
              "\t\t$enck$\n\t\t$encv$\n\t}\n}\n\n"
              "func gpicDec_$id$(r *gpicReader) $T$ {\n\tn := r.count(1)\n\tv := make($T$, n)\n"
              "\tfor i := 0; i < n; i++ {\n\t\tk := $deck$\n\t\tv[k] = $decv$\n\t}\n\treturn v\n}\n\n",
              v);
      return;
    case K::Pointer:
      v["enc"] = enc(*elem, "w", "*v");
      v["dec"] = dec(*elem, "r");
      w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tif v == nil {\n\t\tw.u8(0)\n\t\treturn\n\t}\n\tw.u8(1)\n\t$enc$\n}\n\n"
              "func gpicDec_$id$(r *gpicReader) $T$ {\n\tif !r.boolean() {\n\t\treturn nil\n\t}\n"
              "\tx := $dec$\n\treturn &x\n}\n\n",
              v);
      return;
    case K::Chan:
      emit_chan(w, u, v);
      return;
    case K::Seq:
      v["encv"] = elem_encoder(*elem);
      if (u.key) {
        v["enck"] = elem_encoder(*u.key);
        w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tgpicPutSeq2(w, v, $enck$, $encv$)\n}\n\n", v);
      } else {
        w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n\tgpicPutSeq(w, v, $encv$)\n}\n\n", v);
      }
      // Python never passes an iterator to Go (channels.hpp); a container of them still has a
      // decoder, which says so.
      w.print("func gpicDec_$id$(r *gpicReader) $T$ {\n\tr.failType(\"Python cannot pass Go an iterator ($spelling$)\")\n"
              "\treturn nil\n}\n\n",
              v);
      return;
    default:
      return;  // interfaces have their own codecs (emit_interface); funcs only decode
  }
}

std::string Codecs::elem_encoder(const ir::Type& e) const {
  return "func(w *gpicWriter, x " + go_type(e) + ") { " + enc(e, "w", "x") + " }";
}

std::string Codecs::elem_decoder(const ir::Type& e) const {
  return "func(r *gpicReader) " + go_type(e) + " { return " + dec(e, "r") + " }";
}

// A channel's codec: to Python, a port over the channel (gpic_chan.go); from Python, the
// channel of a GoChan, or a new one pumped from a Python iterable where Go receives.
void Codecs::emit_chan(CodeWriter& w, const ir::Type& u, CodeWriter::Vars v) const {
  using Dir = ir::Type::ChanDir;
  v["enc"] = elem_encoder(*u.elem);
  v["dec"] = elem_decoder(*u.elem);
  v["recv"] = u.dir == Dir::Send ? "nil" : "v";
  v["send"] = u.dir == Dir::Recv ? "nil" : "v";
  v["both"] = u.dir == Dir::Both ? "v" : "nil";
  v["want"] = u.dir == Dir::Recv ? "'r'" : u.dir == Dir::Send ? "'s'" : "'b'";
  v["pick"] = u.dir == Dir::Recv ? "v, _, _" : u.dir == Dir::Send ? "_, v, _" : "_, _, v";
  // A Python iterable is pumped only where Go takes the type as a parameter (the plan made
  // the pump's callback then); a channel Go only hands out never comes back as one.
  bool pumped = channels::python_may_fill(u) && plan_.find_callback(*channels::pump_func_type(u));
  v["pump"] = pumped ? callback_maker(*channels::pump_func_type(u)) : "nil";
  w.print("func gpicEnc_$id$(w *gpicWriter, v $T$) {\n"
          "\tgpicPutChan(w, &gpicChan[$E$]{recv: $recv$, send: $send$, both: $both$, enc: $enc$, dec: $dec$}, v == nil)\n"
          "}\n\n"
          "func gpicDec_$id$(r *gpicReader) $T$ {\n"
          "\t$pick$ := gpicGetChan[$E$](r, $want$, $pump$)\n\treturn v\n}\n\n",
          v);
}

void Codecs::emit_python_call(CodeWriter& w, const ir::FuncSig& sig, const std::string& ref, int proxy_id,
                              int method) const {
  auto in = w.indent();
  w.print("c := gpicNewPyCall()\n");
  if (!sig.params.empty()) w.print("w := &c.w\n");
  for (size_t i = 0; i < sig.params.size(); ++i)
    w.print("$enc$\n", {{"enc", enc(*sig.params[i].type, "w", "a" + std::to_string(i))}});
  bool err = sig.returns_error();
  auto results = sig.value_results();
  CodeWriter::Vars v{{"ref", ref}, {"proxy", std::to_string(proxy_id)}, {"method", std::to_string(method)}};
  if (!results.empty()) {
    v["err"] = err ? "err" : "_";
    w.print("res, $err$, ok := gpicCallPy($ref$, $proxy$, $method$, c)\n", v);
    w.print(err ? "if ok && err == nil {\n" : "if ok {\n");
    {
      auto body = w.indent();
      for (size_t i = 0; i < results.size(); ++i)
        w.print("r$i$ = $dec$\n", {{"i", std::to_string(i)}, {"dec", dec(*results[i]->type, "res")}});
      w.print("gpicCheckResult(res)\n");
    }
    w.print("}\n");
  } else if (err) {
    w.print("_, err, _ = gpicCallPy($ref$, $proxy$, $method$, c)\n", v);
  } else {
    w.print("gpicCallPy($ref$, $proxy$, $method$, c)\n", v);
  }
  w.print("gpicEndPyCall(c)\nreturn\n");
}

namespace {

// "(a0 string, a1 int) (r0 bool, err error)" for a proxy or callback.
std::string named_signature(const ir::FuncSig& sig) {
  std::string s = "(";
  for (size_t i = 0; i < sig.params.size(); ++i) {
    bool variadic = sig.variadic && i + 1 == sig.params.size();
    s += (i ? ", " : "") + std::string("a") + std::to_string(i) + " " +
         (variadic ? "..." + go_type(*sig.params[i].type->elem) : go_type(*sig.params[i].type));
  }
  s += ")";
  auto results = sig.value_results();
  if (results.empty() && !sig.returns_error()) return s;
  s += " (";
  for (size_t i = 0; i < results.size(); ++i) s += (i ? ", " : "") + std::string("r") + std::to_string(i) + " " + go_type(*results[i]->type);
  if (sig.returns_error()) s += std::string(results.empty() ? "" : ", ") + "err error";
  return s + ")";
}

}  // namespace

void Codecs::emit_interface(CodeWriter& w, const abi::InterfaceExport& i) const {
  const ir::TypeDecl& d = *i.decl;
  std::string ident = iface_ident(d, i.qualifier);
  CodeWriter::Vars v{{"name", ident}, {"T", iface_go_type(d, i.qualifier)}, {"proxy", "gpicProxy_" + ident},
                     {"shown", i.qualifier.empty() ? d.name : i.qualifier + "." + d.name}};
  w.print("// gpicEncIface_$name$ hands a $shown$ to Python: a Python object back as itself, a Go value\n"
          "// as a handle with the id of its bound type (0: only the interface is known).\n"
          "func gpicEncIface_$name$(w *gpicWriter, v $T$) {\n"
          "\tif v == nil {\n\t\tw.u8(0)\n\t\treturn\n\t}\n"
          "\tif p, ok := v.(gpicPyObject); ok {\n\t\tw.u8(2)\n\t\tw.u64(uint64(p.gpicRef()))\n\t\treturn\n\t}\n"
          "\tboxed, id := gpicBoxBound(v)\n\tw.u8(1)\n\tw.u64(uint64(gpicNewHandle(boxed)))\n\tw.u32(id)\n}\n\n"
          "func gpicDecIface_$name$(r *gpicReader) $T$ {\n"
          "\tswitch r.u8() {\n\tcase 0:\n\t\treturn nil\n"
          "\tcase 1:\n\t\tv := gpicHandleValue[any](r, false)\n\t\tif v == nil {\n\t\t\treturn nil\n\t\t}\n"
          "\t\tif s, ok := v.($T$); ok {\n\t\t\treturn s\n\t\t}\n"
          "\t\tr.failType(\"%s does not implement $shown$\", gpicTypeName2(v))\n\t\treturn nil\n"
          "\tcase 2:\n\t\tvar p any = &$proxy${gpicNewPyRef(C.uint64_t(r.u64()))}\n"
          "\t\tif s, ok := p.($T$); ok {\n\t\t\treturn s\n\t\t}\n"
          "\t\tr.failType(\"a Python object cannot be a $shown$: the .gpi declares only some of its methods\")\n"
          "\t\treturn nil\n\t}\n"
          "\tr.fail(\"malformed $shown$ value\")\n\treturn nil\n}\n\n"
          "// $proxy$ is a Python object implementing $shown$: each method calls into Python. When\n"
          "// the .gpi declares only some of $shown$'s methods, it is no $shown$, and Go values are the\n"
          "// only ones Python can pass.\n"
          "type $proxy$ struct{ *gpicPyRef }\n\n",
          v);
  const auto& methods = i.proxy_methods();
  for (size_t k = 0; k < methods.size(); ++k) {
    const auto& me = methods[k];
    w.print("func (p *$proxy$) $method$$sig$ {\n", {{"proxy", v["proxy"]}, {"method", me.name}, {"sig", named_signature(me.sig)}});
    emit_python_call(w, me.sig, "p.gpicPyRef", i.proxy_id, static_cast<int>(k));
    w.print("}\n\n");
  }
}

void Codecs::emit_callback(CodeWriter& w, const abi::CallbackType& c) const {
  CodeWriter::Vars v{{"id", std::to_string(c.proxy_id)}, {"type", c.key}, {"sig", named_signature(*c.sig)}};
  v["go"] = go_func_type(*c.sig);
  w.print("// gpicFunc_$id$ makes a Go $type$ that calls a Python callable.\n"
          "func gpicFunc_$id$(ref C.uint64_t) $go$ {\n\tif ref == 0 {\n\t\treturn nil\n\t}\n"
          "\tif f, ok := gpicGoFunc[$go$](ref); ok {\n\t\treturn f\n\t}\n"
          "\tp := gpicNewPyRef(ref)\n\treturn func$sig$ {\n",
          v);
  {
    auto in = w.indent();
    emit_python_call(w, *c.sig, "p", c.proxy_id, 0);
  }
  w.print("\t}\n}\n\n");
}

void Codecs::emit_box_bound(CodeWriter& w) const {
  w.print("// gpicBoxBound gives a Go value Python will hold by handle the form the bound classes\n"
          "// expect (a pointer), and the id of its class (0 when it has none).\n"
          "func gpicBoxBound(v any) (any, uint32) {\n");
  if (!plan_.classes.empty()) {
    w.print("\tswitch x := v.(type) {\n");
    for (const auto& c : plan_.classes) {
      CodeWriter::Vars v{{"T", go_decl_type(*c.decl)}, {"id", std::to_string(c.type_id)}};
      w.print("\tcase *$T$:\n\t\treturn x, $id$\n\tcase $T$:\n\t\treturn &x, $id$\n", v);
    }
    w.print("\t}\n");
  }
  w.print("\treturn v, 0\n}\n\n");
  // Inside an `any`, a Go value of no bound type that implements an interface the .gpi declares
  // gets that interface's class in Python, so that its methods are reachable. An interface
  // without methods would claim every value: it is skipped (its index still counts).
  w.print("// gpicAnyIface names the first interface of the .gpi (1<<31 | index + 1) that a Go value of\n"
          "// no bound type implements, for Python to call its methods; 0 when it implements none.\n"
          "func gpicAnyIface(v any) uint32 {\n");
  for (size_t i = 0; i < plan_.interfaces.size(); ++i) {
    const ir::TypeDecl& d = *plan_.interfaces[i].decl;
    if (d.methods.empty()) continue;
    w.print("\tif _, ok := v.($T$); ok {\n\t\treturn 1<<31 | $n$\n\t}\n",
            {{"T", std::string(kPackageAlias) + "." + d.name}, {"n", std::to_string(i + 1)}});
  }
  w.print("\treturn 0\n}\n\n");
}

std::string Codecs::emit_file(const ir::Module& m, const Options& options) const {
  CodeWriter body("\t");
  for (const ir::Type* t : plan_.wire_types) {
    if (is_interface_type(*t)) continue;
    emit_codec(body, *t, id_of(*t));
  }
  for (const auto* list : {&plan_.interfaces, &plan_.foreign_interfaces})
    for (const auto& i : *list) emit_interface(body, i);
  for (const auto& c : plan_.callbacks) emit_callback(body, c);
  emit_box_bound(body);
  std::string text = body.take();
  while (!text.empty() && text.back() == '\n' && text.size() > 1 && text[text.size() - 2] == '\n') text.pop_back();

  CodeWriter w("\t");
  w.print("// Code generated by gpic $version$ from $file$. DO NOT EDIT.\n\n"
          "// Values of package $module$ in the wire format, and Python objects standing in for Go\n"
          "// interfaces and funcs.\n\npackage main\n\n",
          {{"version", options.gpic_version}, {"file", quoting::source_name(m)},
           {"module", m.name}});
  bool uses_c = text.find("C.") != std::string::npos;
  bool uses_pkg = text.find(std::string(kPackageAlias) + ".") != std::string::npos;
  std::string std_imports = wellknown::go_imports(text);
  if (uses_c) w.print("/*\n#include \"gpic_runtime.h\"\n*/\nimport \"C\"\n\n");
  // The bound package, and the packages of other bound .gpi files whose types it names.
  std::vector<GoImport> packages = imported_packages_used(m, text);
  if (uses_pkg) packages.insert(packages.begin(), {std::string(kPackageAlias), m.go_path});
  if (std_imports.empty() && packages.size() == 1) {
    w.print("import $alias$ $path$\n\n", {{"alias", packages[0].first}, {"path", quoting::go_string(packages[0].second)}});
  } else if (!std_imports.empty() || !packages.empty()) {
    std::string imports = std_imports;
    if (!imports.empty() && !packages.empty()) imports += "\n";
    imports += import_lines(std::move(packages));
    w.print("import (\n$imports$)\n\n", {{"imports", imports}});
  }
  return w.take() + text;
}

}  // namespace gpic::cgo
