// Prints a .gpi constant expression as gofmt would: go/printer's rules for blanks around
// binary operators (all blanks at the top level unless precedences 4 and 5 mix; tighter
// inside call arguments and nested operands), tight unary operators and parentheses.
#pragma once

#include <functional>
#include <string>

#include "compiler/ir.hpp"

namespace gpic::cgo {

/// `rename` maps each identifier token (e.g. to qualify it with the package alias).
std::string format_go_expr(const ir::ConstExpr& e, const std::function<std::string(const std::string&)>& rename,
                           int iota);

}  // namespace gpic::cgo
