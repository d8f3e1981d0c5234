// Go code that converts a value between its C form (as the ABI carries it) and its Go form (as
// the bound package declares it), for every kind of lowering.
#pragma once

#include <string>
#include <vector>

#include "targets/cgo/codecs.hpp"
#include "targets/common/c_abi.hpp"

namespace gpic::cgo {

/// A parameter in Go: statements to run first (they may `return` after reporting a bad
/// argument into `st`) and the expression for the call.
struct GoArg {
  std::vector<std::string> prelude;
  std::string expr;
};

/// C parameter `c` (lowered as `l`) as a value of its .gpi type. `name` is the parameter's name
/// for messages; `local` a fresh Go identifier for temporaries; `retain` is true when Go keeps
/// the value beyond the call (a field or a variable): a numeric slice is then copied, not viewed.
GoArg to_go(const abi::Lowering& l, const std::string& c, const std::string& name, const std::string& local,
            bool retain, const Codecs& codecs);

/// A Go value of lowering `l`'s .gpi type, as the C value the export hands back.
std::string to_c(const abi::Lowering& l, const std::string& go, const Codecs& codecs);

}  // namespace gpic::cgo
