// The generated package's exported API for a `python:` package: one Go function per Python
// function, a Go struct per Python class (the object Go holds, with Close), a Go interface per
// declared interface (and the type that lets a Python object satisfy it), documented from the
// .gpi's @en doc comments.
#pragma once

#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic::gotarget {

/// The Go source of the package's API file (<package>.go), gofmt-clean.
std::string api_source(const ir::Module& m, Diagnostics& diags);

}  // namespace gpic::gotarget
