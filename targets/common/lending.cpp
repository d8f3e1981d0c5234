#include "targets/common/lending.hpp"

namespace gpic::abi {

int owning_result(const std::vector<Lowering>& results) {
  for (size_t i = 0; i < results.size(); ++i)
    if (results[i].kind == Kind::Handle) return static_cast<int>(i);
  return -1;
}

Lend lend_rule(const ir::FuncSig& sig, size_t i, bool method, const std::vector<Lowering>& results) {
  if (i >= sig.params.size() || !sig.params[i].type) return Lend::Call;
  std::optional<Lowering> l = lower(*sig.params[i].type, true);
  if (!l || l->kind != Kind::NumSlice) return Lend::Call;
  const ir::ParamMarks& marks = sig.params[i].marks;
  if (marks.borrow) return Lend::Call;
  // A function that returns a Go object made from a slice (mat.NewDense, bytes.NewReader)
  // usually keeps it: kept by default, as long as that object lives.
  if (owning_result(results) >= 0) return Lend::Result;
  if (!marks.keep) return Lend::Call;
  return method ? Lend::Receiver : Lend::GoCopy;
}

}  // namespace gpic::abi
