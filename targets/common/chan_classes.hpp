// The runtime's channel and iterator classes by public names. A module whose API has a channel
// (`chan T`, `<-chan T`, `chan<- T`) exports the runtime's GoChan under that name, and one whose
// API has an iterator (`iter.Seq[V]`, `iter.Seq2[K, V]`) exports GoIter, as a module taking
// in-out pointers exports GoRef: users annotate their own code with `mod.GoChan[int]` and
// `mod.GoIter[str]`, and `isinstance(x, mod.GoChan)` holds for the objects Go hands out.
// One class for every direction of channel: Go's channel type decides at run time whether
// Python may receive or send (GoChan raises TypeError otherwise). The stub declares both as
// generic classes (channels::stub_classes), and both Python targets read this one rule.
#pragma once

#include <string>
#include <vector>

#include "targets/common/c_abi.hpp"
#include "targets/common/code_writer.hpp"

namespace gpic::channels {

/// "GoChan" and/or "GoIter": the classes the module exports (for its __all__).
std::vector<std::string> public_class_names(const abi::Plan& plan);

/// `GoChan = _gpic_wire.GoChan` and `GoIter = _gpic_wire.GoIter`, those of them the module uses.
void emit_public_classes(CodeWriter& w, const abi::Plan& plan);

}  // namespace gpic::channels
