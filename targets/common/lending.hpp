// How long Go may use a numeric slice argument, which Python lends it in place (no copy):
// the one rule both Python targets and the cgo shim follow (docs/en/python-api.md, "Keeping a
// lent buffer"; the `//gpic:` directives of docs/en/gpi-language.md).
#pragma once

#include <cstddef>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::abi {

enum class Lend {
  Call,      // for the call only: the default, and `//gpic:borrow`
  Result,    // kept valid for as long as the Go object the call returns (pybind11's keep_alive<0, N>)
  Receiver,  // kept valid for as long as the receiver (a method marked `//gpic:keep`)
  GoCopy,    // `//gpic:keep` with no owner: copied into Go memory, which Go's GC then owns
};

/// The rule for parameter `i` of `sig` (a numeric slice; anything else is Call). `method`:
/// the call has a receiver; `results`: its value results as they cross.
Lend lend_rule(const ir::FuncSig& sig, size_t i, bool method, const std::vector<Lowering>& results);

/// The index of the value result that owns what a Lend::Result parameter keeps (the first Go
/// object returned), or -1.
int owning_result(const std::vector<Lowering>& results);

}  // namespace gpic::abi
