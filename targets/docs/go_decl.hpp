// The Go side of every symbol, written the way `go doc` shows it: the declaration as it would
// appear in the Go package (signatures with grouped parameters, structs with aligned fields).
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::docs {

/// "func Add(a, b int) int", "func (p *Point) Dist(q *Point) float64"; a long one puts each
/// parameter group on a line of its own.
std::string go_func(const ir::Func& f);
/// "Area() float64" as written inside an interface.
std::string go_interface_method(const ir::InterfaceMethod& m);
/// "type Point struct {\n    X, Y float64\n}" and the like: the whole declaration.
std::string go_type(const ir::TypeDecl& t);
/// "X float64" / "geometry.Vec" (embedded).
std::string go_field(const ir::Field& f);
/// "const MaxPoints int = 1024"; an implicit group entry shows its repeated expression and the
/// value of iota it is evaluated with.
std::string go_const(const ir::Const& c);
/// "var Verbose bool".
std::string go_var(const ir::Var& v);
/// "(a, b int) int": parameters and results of a signature.
std::string go_signature(const ir::FuncSig& sig);
/// A parameter's type as declared ("...float64" for a variadic one).
std::string go_param_type(const ir::FuncSig& sig, size_t index);

}  // namespace gpic::docs
