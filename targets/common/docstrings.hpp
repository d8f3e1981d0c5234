// The docstring of a bound declaration, the same text in the cpython module and the stub:
// the English doc, the Korean doc, then the Go signature ("Go: func Add(a int, b int) int").
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::py {

/// "func Add(a int, b int) int" (a method: "func Point.Dist(q *Point) float64").
std::string go_signature(const ir::Func& f);

/// "func <name>(a int, b int) int": `sig` under the name a docstring gives it ("Point.Dist"),
/// then, when it takes in-out pointers (in_out.hpp), a paragraph on how Python sees Go's
/// writes through them.
std::string go_signature(const std::string& name, const ir::FuncSig& sig);

/// "type Point struct", "type Celsius float64", "type Shape interface".
std::string go_type_decl(const ir::TypeDecl& t);

/// English, Korean and `go_signature` (any of them may be empty), separated by blank lines.
std::string doc_text(const ir::Doc& doc, const std::string& go_signature);

/// The module's docstring: its doc comment, or a line naming the Go package.
std::string module_doc(const ir::Module& m);

}  // namespace gpic::py
