#include "targets/common/in_out.hpp"

#include "targets/common/c_abi.hpp"
#include "targets/common/wellknown.hpp"

namespace gpic::abi {

bool is_in_out(const ir::Type& t) {
  const ir::Type& u = underlying(t);
  if (u.kind != ir::Type::Kind::Pointer || !u.elem || wellknown::find(u)) return false;
  // A pointer to a func is a Go value Python only passes on: nothing to write back.
  if (underlying(*u.elem).kind == ir::Type::Kind::Func) return false;
  // The value must cross both ways: in as the argument, back as a result.
  auto in = lower(t, true);
  auto out = in ? lower(t, false) : std::nullopt;
  return in && out && in->kind == Kind::Wire && out->kind == Kind::Wire;
}

}  // namespace gpic::abi
