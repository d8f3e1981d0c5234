// `//gpic:` directives: what a .gpi says about a function's parameters and results beyond
// their types.
//
//   //gpic:keep data          Go keeps `data` after the call returns
//   //gpic:borrow data        Go does not keep it (no default keep-alive)
//   //gpic:readonly b, c      Go only reads them
//   func NewDense(r, c int, data []float64) *Dense
//
//   //gpic:nilable            the pointer result may be nil (stub: `*T` is `T | None`)
//   func Lookup(key string) *Entry
//
// Written like Go's own `//go:noescape`, on the lines right before a func declaration or an
// interface method, so that a pasted Go declaration stays Go. Each names one or more of the
// function's parameters (`nilable`: named results, or every pointer result when it names
// none), comma-separated; a `//` comment may follow. Whether a named parameter's type can
// carry a lending mark is the checker's question (it needs resolved types); a pointer result
// is a pointer as written.
//
//   //gpic:opaque
//   type EOption func()       Go's is func(*encoderOptions) error: Python only holds it
//
// One directive marks a type: a named func type whose real signature names unexported types,
// written with a stand-in signature, stays an opaque Go value instead of a callable class.
#pragma once

#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/gpi_lexing.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Marks the parameters of `sig` (of the function `func_name`) as `lines` say, reporting an
/// unknown directive, an unknown parameter name, a malformed list, and keep with borrow.
void apply_directives(const std::vector<DocLine>& lines, const std::string& file, const std::string& func_name,
                      ir::FuncSig& sig, Diagnostics& diags);

/// Applies the directives written before the type declaration `decl`: only `//gpic:opaque`,
/// and only on a named func type; anything else is reported at its position.
void apply_type_directives(const std::vector<DocLine>& lines, const std::string& file, ir::TypeDecl& decl,
                           Diagnostics& diags);

}  // namespace gpic
