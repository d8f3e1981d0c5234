#include "targets/cgo/convert.hpp"

#include "targets/cgo/go_names.hpp"
#include "targets/common/quoting.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::cgo {

namespace {

// Wraps `expr` (a value of underlying(t)) in a conversion to t when t is a named type.
std::string as_named(const ir::Type& t, const std::string& expr) {
  if (&abi::underlying(t) == &t) return expr;
  return go_type(t) + "(" + expr + ")";
}

std::string quoted(const std::string& s) { return quoting::go_string(s); }

}  // namespace

GoArg to_go(const abi::Lowering& l, const std::string& c, const std::string& name, const std::string& local,
            bool retain, const Codecs& codecs) {
  const ir::Type& t = *l.type;
  const ir::Type& u = abi::underlying(t);
  GoArg a;
  switch (l.kind) {
    case abi::Kind::Scalar:
      a.expr = go_type(t) + "(" + c + ")";
      break;
    case abi::Kind::Complex:
      a.expr = as_named(t, (l.prim == ir::Prim::Complex64 ? "goComplex64(" : "goComplex128(") + c + ")");
      break;
    case abi::Kind::String:
      a.expr = as_named(t, "goString(" + c + ")");
      break;
    case abi::Kind::NumSlice: {
      // A slice Go keeps (a field, a variable) must not point into Python's buffer.
      a.expr = as_named(t, (retain ? "gpicSliceCopy[" : "gpicSliceArg[") + go_type(*u.elem) + "](" + c + ")");
      break;
    }
    case abi::Kind::NumArray: {
      std::string n = std::to_string(l.length);
      std::string cond = (l.nullable ? c + ".n != 0 && " : "") + c + ".n != " + n;
      a.prelude.push_back("if " + cond + " {\n\tgpicFail(st, C.GPIC_BAD_VALUE, fmt.Sprintf(\"" + name +
                          " has %d elements; " + u.go_spelling() + " needs " + n + "\", " + c + ".n), \"\", nil)\n\treturn\n}");
      a.expr = as_named(t, l.nullable ? "gpicArrayArg[" + go_type(u) + "](" + c + ")" : "*(*" + go_type(u) + ")(" + c + ".p)");
      break;
    }
    case abi::Kind::Handle: {
      std::string T = go_type(*l.type);
      bool pointer = u.kind == ir::Type::Kind::Pointer;
      bool iface = l.decl && l.decl->kind == ir::TypeDecl::Kind::Interface;
      std::string held = iface ? T : pointer ? go_type(u) : "*" + T;
      a.prelude.push_back(local + ", ok := " + (l.nullable ? "gpicOptArg[" : "gpicArg[") + held + "](st, " + c + ", " +
                          quoted(name) + ")\nif !ok {\n\treturn\n}");
      a.expr = (pointer || iface) ? local : l.nullable ? "gpicDeref(" + local + ")" : "*" + local;
      if (pointer && &u != &t) a.expr = T + "(" + local + ")";
      break;
    }
    case abi::Kind::Callback:
      a.expr = as_named(t, codecs.callback_maker(u) + "(" + c + ")");
      break;
    case abi::Kind::Wire:
      a.prelude.push_back(local + ", ok := gpicDecodeArg(st, " + c + ", " + quoted(name) + ", " + codecs.decoder(t) +
                          ")\nif !ok {\n\treturn\n}");
      // A value made for the call (a context) is released when the export returns.
      if (const wellknown::Entry* e = wellknown::find(u); e && !e->go_release.empty())
        a.prelude.push_back("defer " + std::string(e->go_release) + "(" + local + ", st)");
      a.expr = as_named(t, local);
      break;
  }
  return a;
}

std::string to_c(const abi::Lowering& l, const std::string& go, const Codecs& codecs) {
  const ir::Type& t = *l.type;
  const ir::Type& u = abi::underlying(t);
  switch (l.kind) {
    case abi::Kind::Scalar:
      return l.go_ctype + "(" + go + ")";
    case abi::Kind::Complex:
      return l.prim == ir::Prim::Complex64 ? "gpicComplex64(complex64(" + go + "))" : "gpicComplex128(complex128(" + go + "))";
    case abi::Kind::String:
      return "gpicString(string(" + go + "))";
    case abi::Kind::Handle:
      // A nil func is None in Python, not a handle to nil.
      if (l.decl && abi::is_opaque_func_decl(*l.decl)) return "gpicFuncHandle(" + go + ", " + go + " == nil)";
      if (u.kind == ir::Type::Kind::Pointer) return "gpicPtrHandle(" + (&u == &t ? go : go_type(u) + "(" + go + ")") + ")";
      return "gpicNewHandle(gpicBox(" + go + "))";
    case abi::Kind::Wire: {
      std::string value = &u == &t ? go : go_type(u) + "(" + go + ")";
      if ((u.kind == ir::Type::Kind::Slice) && u.elem) {
        const ir::Type& e = abi::underlying(*u.elem);
        if (e.kind == ir::Type::Kind::Prim && (ir::is_integer(e.prim) || ir::is_float(e.prim)))
          return "gpicNumsResult(" + value + ")";
      }
      return "gpicEncodeResult(" + value + ", " + codecs.encoder(t) + ")";
    }
    case abi::Kind::NumSlice:
    case abi::Kind::NumArray:
    case abi::Kind::Callback:
      break;  // parameters only
  }
  return go;
}

}  // namespace gpic::cgo
