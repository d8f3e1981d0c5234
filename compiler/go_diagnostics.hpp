// Go's compiler errors about a .gpi, as gpic's own diagnostics. The shim checks every binding
// under //line directives that name the .gpi (targets/cgo), so when the real package refuses
// what the .gpi says (a constant's value that overflows its type, a conversion to the wrong
// type, a value the package does not have), `go build` reports at the .gpi's line and column.
// Those errors become `file:line:col: error: message` with the source line and a caret, in
// the .gpi's own words: the shim's package alias and helper names are left out.
#pragma once

#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Reports each error of `go_output` (go build's stderr) that points into `m`'s file at its
/// position, and returns the other lines (those that point elsewhere), which the caller
/// reports as they are. Package header lines (`# path`) are dropped.
std::string report_go_errors(const std::string& go_output, const ir::Module& m, Diagnostics& diags);

}  // namespace gpic
