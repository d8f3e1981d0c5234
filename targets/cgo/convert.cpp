#include "targets/cgo/convert.hpp"

#include "targets/cgo/go_names.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::cgo {

std::string to_go(const ir::Type& t, const std::string& c) {
  if (t.kind == ir::Type::Kind::Prim) {
    switch (t.prim) {
      case ir::Prim::String: return "goString(" + c + ")";
      case ir::Prim::Complex64: return "goComplex64(" + c + ")";
      case ir::Prim::Complex128: return "goComplex128(" + c + ")";
      default: return go_type(t) + "(" + c + ")";
    }
  }
  return go_type(t) + "(" + c + ")";
}

std::string to_c(const ir::Type& t, const std::string& go) {
  if (t.kind == ir::Type::Kind::Prim) {
    switch (t.prim) {
      case ir::Prim::String: return "gpicString(" + go + ")";
      case ir::Prim::Complex64: return "gpicComplex64(" + go + ")";
      case ir::Prim::Complex128: return "gpicComplex128(" + go + ")";
      default: break;
    }
  }
  return abi::lower(t)->go_ctype + "(" + go + ")";
}

}  // namespace gpic::cgo
