#include "targets/common/chan_classes.hpp"

namespace gpic::channels {

std::vector<std::string> public_class_names(const abi::Plan& plan) {
  // Every type that crosses in the wire format, elements included: a channel anywhere in the
  // API (a field, a slice's element) is among them.
  bool chan = false, seq = false;
  for (const ir::Type* t : plan.wire_types) {
    ir::Type::Kind k = abi::underlying(*t).kind;
    chan = chan || k == ir::Type::Kind::Chan;
    seq = seq || k == ir::Type::Kind::Seq;
  }
  std::vector<std::string> names;
  if (chan) names.push_back("GoChan");
  if (seq) names.push_back("GoIter");
  return names;
}

void emit_public_classes(CodeWriter& w, const abi::Plan& plan) {
  for (const auto& name : public_class_names(plan)) w.print("$n$ = _gpic_wire.$n$\n", {{"n", name}});
}

}  // namespace gpic::channels
