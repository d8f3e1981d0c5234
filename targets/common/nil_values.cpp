#include "targets/common/nil_values.hpp"

namespace gpic::abi {

bool slice_or_map(const ir::Type& t) {
  ir::Type::Kind k = underlying(t).kind;
  return k == ir::Type::Kind::Slice || k == ir::Type::Kind::Map;
}

bool none_is_nil(const Lowering& l, bool variadic) {
  if (!l.type || variadic) return false;
  return (l.kind == Kind::NumSlice || l.kind == Kind::Wire) && slice_or_map(*l.type);
}

}  // namespace gpic::abi
