// Go expressions that convert a value between its C form (as the ABI carries it) and its Go
// form (as the bound package declares it).
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::cgo {

/// C value -> Go value: "int(samples)", "goString(s)".
std::string to_go(const ir::Type& t, const std::string& c_expr);
/// Go value -> C value: "C.double(v0)", "gpicString(v0)".
std::string to_c(const ir::Type& t, const std::string& go_expr);

}  // namespace gpic::cgo
