#include "targets/go/go_codecs.hpp"

#include "targets/common/python_names.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::gotarget {

namespace {

// Every line but the first gets `tabs` more tabs: a multi-line expression placed at a depth.
std::string indent_rest(const std::string& text, int tabs) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(tabs, '\t');
  }
  return out;
}

const ir::TypeDecl* local_decl(const ir::Type& t) {
  if (t.kind != ir::Type::Kind::Named || !t.qualifier.empty()) return nullptr;
  return t.decl;
}

bool is_prim(const ir::Type& t, ir::Prim p) { return t.kind == ir::Type::Kind::Prim && t.prim == p; }

// [min, max] of a Go integer type, as Go constants the reader checks against.
std::pair<std::string, std::string> int_range(ir::Prim p) {
  switch (ir::canonical(p)) {
    case ir::Prim::Int8: return {"math.MinInt8", "math.MaxInt8"};
    case ir::Prim::Int16: return {"math.MinInt16", "math.MaxInt16"};
    case ir::Prim::Int32: return {"math.MinInt32", "math.MaxInt32"};
    case ir::Prim::Int: return {"math.MinInt", "math.MaxInt"};
    case ir::Prim::Int64: return {"math.MinInt64", "math.MaxInt64"};
    case ir::Prim::Uint8: return {"0", "math.MaxUint8"};
    case ir::Prim::Uint16: return {"0", "math.MaxUint16"};
    case ir::Prim::Uint32: return {"0", "math.MaxUint32"};
    case ir::Prim::Uint: return {"0", "math.MaxUint"};
    default: return {"0", "math.MaxUint64"};  // uint64, uintptr
  }
}

}  // namespace

char lent_kind(const ir::Type& t) {
  if (t.kind != ir::Type::Kind::Slice || !t.elem || t.elem->kind != ir::Type::Kind::Prim) return 0;
  switch (t.elem->prim) {  // byte is not uint8 here: []byte is Python bytes, []uint8 an array
    case ir::Prim::Float64: return 'd';
    case ir::Prim::Float32: return 'f';
    case ir::Prim::Int64: return 'q';
    case ir::Prim::Int32: return 'i';
    case ir::Prim::Uint8: return 'B';
    default: return 0;
  }
}

std::string go_type(const ir::Type& t) { return t.go_spelling(); }

const ir::TypeDecl* class_decl(const ir::Type& t) {
  const ir::TypeDecl* d = local_decl(t);
  return d && d->kind == ir::TypeDecl::Kind::Struct ? d : nullptr;
}

const ir::TypeDecl* embedded_class(const ir::Field& f) {
  if (!f.embedded) return nullptr;
  return class_decl(f.type->kind == ir::Type::Kind::Pointer ? *f.type->elem : *f.type);
}

bool embeds_class(const ir::TypeDecl& d) {
  for (const ir::Field& f : d.fields)
    if (embedded_class(f)) return true;
  return false;
}

std::string class_literal(const ir::TypeDecl& d, const std::string& obj) {
  std::string out = d.name + "{gpicObj: " + obj;
  for (const ir::Field& f : d.fields)
    if (const ir::TypeDecl* e = embedded_class(f))
      out += ", " + e->name + ": " + (f.type->kind == ir::Type::Kind::Pointer ? "&" : "") + class_literal(*e, obj);
  return out + "}";
}

const ir::TypeDecl* interface_decl(const ir::Type& t) {
  const ir::TypeDecl* d = local_decl(t);
  return d && d->kind == ir::TypeDecl::Kind::Interface ? d : nullptr;
}

void Codecs::unsupported(const ir::Type& t, const std::string& why) {
  diags_.error(t.loc, "the go target cannot pass " + t.go_spelling() + " between Go and Python: " + why);
}

std::string Codecs::helper(const std::string& kind, const ir::Type& t) {
  std::string key = kind + " " + t.go_spelling();
  if (auto it = names_.find(key); it != names_.end()) return it->second;
  std::string name = (kind == "put" ? "gpicPut" : "gpicGet") + std::to_string(next_++);
  names_[key] = name;
  std::string T = go_type(t);
  std::string body;
  if (kind == "put") {
    body = "func " + name + "(w *gpicWriter, v " + T + ") {\n";
    switch (t.kind) {
      case ir::Type::Kind::Slice:
      case ir::Type::Kind::Map:
      case ir::Type::Kind::Pointer:
      case ir::Type::Kind::Func:
        body += "\tif v == nil {\n\t\tw.none()\n\t\treturn\n\t}\n";
        break;
      default: break;
    }
    if (t.kind == ir::Type::Kind::Slice || t.kind == ir::Type::Kind::Array) {
      body += "\tw.list(len(v))\n\tfor _, x := range v {\n\t\t" + indent_rest(put(*t.elem, "w", "x"), 2) + "\n\t}\n";
    } else if (t.kind == ir::Type::Kind::Map) {
      body += "\tw.dict(len(v))\n\tfor k, x := range v {\n\t\t" + indent_rest(put(*t.key, "w", "k"), 2) + "\n\t\t" +
              indent_rest(put(*t.elem, "w", "x"), 2) + "\n\t}\n";
    } else if (t.kind == ir::Type::Kind::Pointer) {
      body += "\t" + indent_rest(put(*t.elem, "w", "*v"), 1) + "\n";
    } else if (t.kind == ir::Type::Kind::Func) {
      body += "\tw.fn(" + indent_rest(go_func(*t.sig, "v"), 1) + ")\n";
    } else if (const ir::TypeDecl* i = interface_decl(t)) {
      body += "\tswitch x := v.(type) {\n\tcase nil:\n\t\tw.none()\n\tcase *gpicPy" + i->name +
              ":\n\t\tw.object(x.gpicObj)\n\tdefault:\n\t\tw.iface(" + std::to_string(i->methods.size()) + ")\n";
      for (const ir::InterfaceMethod& m : i->methods)
        body += "\t\tw.string(\"" + py::to_snake(m.name) + "\")\n\t\tw.fn(" + indent_rest(go_func(m.sig, "x." + m.name), 2) +
                ")\n";
      body += "\t}\n";
    }
    body += "}\n";
  } else {
    body = "func " + name + "(r *gpicReader) " + T + " {\n";
    std::string want = "\"" + T + "\"";
    if (t.kind == ir::Type::Kind::Slice) {
      body += "\tn, ok := r.listLen(" + want + ")\n\tif !ok || r.err != nil {\n\t\treturn nil\n\t}\n\tv := make(" + T +
              ", n)\n\tfor i := range v {\n\t\tv[i] = " + indent_rest(get(*t.elem, "r"), 2) + "\n\t}\n\treturn v\n";
    } else if (t.kind == ir::Type::Kind::Array) {
      body += "\tvar v " + T + "\n\tif n, ok := r.listLen(" + want + "); !ok || r.err != nil {\n\t\treturn v\n\t} else if n != len(v) {\n"
              "\t\tr.fail(\"Python gave %d values where Go expects " + T + "\", n)\n\t\treturn v\n\t}\n"
              "\tfor i := range v {\n\t\tv[i] = " + indent_rest(get(*t.elem, "r"), 2) + "\n\t}\n\treturn v\n";
    } else if (t.kind == ir::Type::Kind::Map) {
      body += "\tn, ok := r.dictLen(" + want + ")\n\tif !ok || r.err != nil {\n\t\treturn nil\n\t}\n\tv := make(" + T +
              ", n)\n\tfor i := 0; i < n && r.err == nil; i++ {\n\t\tk := " + indent_rest(get(*t.key, "r"), 2) +
              "\n\t\tv[k] = " + indent_rest(get(*t.elem, "r"), 2) + "\n\t}\n\treturn v\n";
    } else if (t.kind == ir::Type::Kind::Pointer && class_decl(*t.elem)) {
      body += "\to := r.object(" + want + ")\n\tif o == nil {\n\t\treturn nil\n\t}\n\treturn &" +
              class_literal(*class_decl(*t.elem), "o") + "\n";
    } else if (t.kind == ir::Type::Kind::Pointer) {
      body += "\tif r.peek() == 'N' {\n\t\tr.next()\n\t\treturn nil\n\t}\n\tv := " + indent_rest(get(*t.elem, "r"), 1) +
              "\n\treturn &v\n";
    } else if (const ir::TypeDecl* i = interface_decl(t)) {
      body += "\to := r.object(" + want + ")\n\tif o == nil {\n\t\treturn nil\n\t}\n\treturn &gpicPy" + i->name +
              "{gpicObj: o}\n";
    } else if (t.kind == ir::Type::Kind::Func) {
      // The Go func holds the callable; the object's cleanup gives it back once Go drops it.
      std::string params;
      for (size_t i = 0; i < t.sig->params.size(); ++i) {
        const ir::Param& p = t.sig->params[i];
        std::string pname = p.name.empty() || p.name == "_" ? "arg" + std::to_string(i) : p.name;
        bool dots = t.sig->variadic && i + 1 == t.sig->params.size();
        params += (i ? ", " : "") + pname + " " + (dots ? "..." + go_type(*p.type->elem) : go_type(*p.type));
      }
      std::string results;
      for (size_t i = 0; i < t.sig->results.size(); ++i) results += (i ? ", " : "") + go_type(*t.sig->results[i].type);
      if (t.sig->results.size() > 1) results = "(" + results + ")";
      std::string call = py_call(*t.sig, "o");
      while (!call.empty() && call.back() == '\n') call.pop_back();
      body += "\to := r.object(" + want + ")\n\tif o == nil {\n\t\treturn nil\n\t}\n\treturn func(" + params + ") " +
              results + " {\n" + indent_rest("\t" + call, 1) + "\n\t}\n";
    }
    body += "}\n";
  }
  bodies_[name] = body;
  return name;
}

std::string Codecs::put(const ir::Type& t, const std::string& w, const std::string& expr) {
  if (const auto* e = wellknown::find(t)) {
    if (e->spelling == "time.Time") return w + ".time(" + expr + ")";
    if (e->spelling == "time.Duration") return w + ".duration(time.Duration(" + expr + "))";
    if (e->spelling == "*big.Int") return w + ".bigInt(" + expr + ")";
    unsupported(t, "the go target does not carry " + std::string(e->spelling) + " yet");
    return "";
  }
  switch (t.kind) {
    case ir::Type::Kind::Prim:
      switch (t.prim) {
        case ir::Prim::Bool: return w + ".bool(bool(" + expr + "))";
        case ir::Prim::String: return w + ".string(string(" + expr + "))";
        case ir::Prim::Float32:
        case ir::Prim::Float64: return w + ".float64(float64(" + expr + "))";
        case ir::Prim::Any: return w + ".any(" + expr + ")";
        case ir::Prim::Uint:
        case ir::Prim::Uint64:
        case ir::Prim::Uintptr: return w + ".uint64(uint64(" + expr + "))";
        case ir::Prim::Complex64:
        case ir::Prim::Complex128: return w + ".complex128(complex128(" + expr + "))";
        case ir::Prim::Error: unsupported(t, "not supported by the go target"); return "";
        default: return w + ".int64(int64(" + expr + "))";
      }
    case ir::Type::Kind::Slice:
      if (is_prim(*t.elem, ir::Prim::Byte)) return w + ".bytes(" + expr + ")";
      if (char k = lent_kind(t)) return std::string("gpicLend(") + w + ", '" + k + "', " + expr + ")";
      return helper("put", t) + "(" + w + ", " + expr + ")";
    case ir::Type::Kind::Array:
    case ir::Type::Kind::Map:
    case ir::Type::Kind::Func: return helper("put", t) + "(" + w + ", " + expr + ")";
    case ir::Type::Kind::Pointer:
      if (class_decl(*t.elem)) return w + ".object(" + expr + ".gpicHeld())";
      return helper("put", t) + "(" + w + ", " + expr + ")";
    case ir::Type::Kind::Chan:
    case ir::Type::Kind::Seq: unsupported(t, "the go target does not carry channels and iterators"); return "";
    case ir::Type::Kind::Named: {
      const ir::TypeDecl* d = local_decl(t);
      if (!d) {
        unsupported(t, "only this package's own types and time.Time cross");
        return "";
      }
      if (d->kind == ir::TypeDecl::Kind::Struct) return w + ".object(" + expr + ".gpicObj)";
      if (d->kind == ir::TypeDecl::Kind::Interface) return helper("put", t) + "(" + w + ", " + expr + ")";
      return put(*d->underlying, w, go_type(*d->underlying) + "(" + expr + ")");
    }
  }
  return "";
}

std::string Codecs::get(const ir::Type& t, const std::string& r) {
  if (const auto* e = wellknown::find(t)) {
    if (e->spelling == "time.Time") return r + ".time()";
    if (e->spelling == "time.Duration") return r + ".duration()";
    if (e->spelling == "*big.Int") return r + ".bigInt()";
    unsupported(t, "the go target does not carry " + std::string(e->spelling) + " yet");
    return "";
  }
  std::string T = go_type(t);
  switch (t.kind) {
    case ir::Type::Kind::Prim:
      switch (t.prim) {
        case ir::Prim::Bool: return r + ".bool()";
        case ir::Prim::String: return r + ".string()";
        case ir::Prim::Float64: return r + ".float64()";
        case ir::Prim::Float32: return "float32(" + r + ".float64())";
        case ir::Prim::Any: return r + ".any()";
        case ir::Prim::Int64: return r + ".int(math.MinInt64, math.MaxInt64, \"int64\")";
        case ir::Prim::Complex64: return "complex64(" + r + ".complex128())";
        case ir::Prim::Complex128: return r + ".complex128()";
        case ir::Prim::Error: unsupported(t, "not supported by the go target"); return "";
        default: {
          auto [lo, hi] = int_range(t.prim);
          return T + "(" + r + ".int(" + lo + ", " + hi + ", \"" + T + "\"))";
        }
      }
    case ir::Type::Kind::Slice:
      if (is_prim(*t.elem, ir::Prim::Byte)) return r + ".bytes()";
      // Numbers come back in one copy from a numpy array, or element by element from a list.
      if (t.elem->kind == ir::Type::Kind::Prim && t.elem->prim != ir::Prim::Uintptr &&
          (ir::is_integer(t.elem->prim) || ir::is_float(t.elem->prim)))
        return "gpicNumbers(" + r + ", \"" + T + "\", func(r *gpicReader) " + go_type(*t.elem) + " {\n\treturn " +
               get(*t.elem, "r") + "\n})";
      return helper("get", t) + "(" + r + ")";
    case ir::Type::Kind::Array:
    case ir::Type::Kind::Map:
    case ir::Type::Kind::Pointer: return helper("get", t) + "(" + r + ")";
    case ir::Type::Kind::Func:
      if (!t.sig->returns_error()) {
        unsupported(t, "a Python callable can raise: its func type must end in an error result");
        return "";
      }
      return helper("get", t) + "(" + r + ")";
    case ir::Type::Kind::Chan:
    case ir::Type::Kind::Seq: unsupported(t, "the go target does not carry channels and iterators"); return "";
    case ir::Type::Kind::Named: {
      const ir::TypeDecl* d = local_decl(t);
      if (!d) {
        unsupported(t, "only this package's own types and time.Time cross");
        return "";
      }
      if (d->kind == ir::TypeDecl::Kind::Struct) {
        if (!embeds_class(*d)) return T + "{gpicObj: " + r + ".object(\"" + T + "\")}";
        return "func() " + T + " {\n\to := " + r + ".object(\"" + T + "\")\n\treturn " + class_literal(*d, "o") + "\n}()";
      }
      if (d->kind == ir::TypeDecl::Kind::Interface) return helper("get", t) + "(" + r + ")";
      return T + "(" + get(*d->underlying, r) + ")";
    }
  }
  return "";
}

std::string Codecs::go_func(const ir::FuncSig& sig, const std::string& expr) {
  std::string out = "func(r *gpicReader) (*gpicWriter, error) {\n\tif err := gpicArgs(r, " +
                    std::to_string(sig.params.size()) + "); err != nil {\n\t\treturn nil, err\n\t}\n";
  std::string args;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    std::string a = "a" + std::to_string(i);
    out += "\t" + a + " := " + indent_rest(get(*sig.params[i].type, "r"), 1) + "\n";
    args += (i ? ", " : "") + a + (sig.variadic && i + 1 == sig.params.size() ? "..." : "");
  }
  out += "\tif r.err != nil {\n\t\treturn nil, r.err\n\t}\n";
  auto values = sig.value_results();
  std::string lhs;
  for (size_t i = 0; i < values.size(); ++i) lhs += (i ? ", " : "") + std::string("res") + std::to_string(i);
  if (sig.returns_error()) lhs += values.empty() ? "err" : ", err";
  out += "\t" + (lhs.empty() ? "" : lhs + " := ") + expr + "(" + args + ")\n";
  if (sig.returns_error()) out += "\tif err != nil {\n\t\treturn nil, err\n\t}\n";
  out += "\tw := &gpicWriter{}\n";
  if (values.empty()) out += "\tw.none()\n";
  if (values.size() > 1) out += "\tw.list(" + std::to_string(values.size()) + ")\n";
  for (size_t i = 0; i < values.size(); ++i)
    out += "\t" + indent_rest(put(*values[i]->type, "w", "res" + std::to_string(i)), 1) + "\n";
  out += "\treturn w, nil\n}";
  return out;
}

std::string Codecs::helpers() const {
  std::string out;
  // In the order they were first asked for: helper names are numbered that way.
  for (int i = 0; i < next_; ++i)
    for (const char* kind : {"gpicPut", "gpicGet"})
      if (auto it = bodies_.find(kind + std::to_string(i)); it != bodies_.end()) out += "\n" + it->second;
  return out;
}

}  // namespace gpic::gotarget
