// Reading `go build`'s errors back onto the .gpi.
//
// The shim's checks carry //line directives naming the .gpi declaration they check, so when the
// Go package does not match its .gpi, Go reports the mismatch at the .gpi line. This turns those
// lines into gpic's own diagnostics (position, source line, caret) in words about the .gpi, and
// drops what follows from them in generated files: the user sees each mistake once, where they
// made it.
#pragma once

#include <string>

#include "compiler/diagnostics.hpp"

namespace gpic {

/// Reports the output of a failed `go build` run from `cwd`. Errors located in a .gpi that
/// `sources` holds become diagnostics at that position, each once; if there are any, errors
/// located in generated files are left out (they repeat the same mismatch). Otherwise the whole
/// output is one error under `heading`, as Go wrote it.
void report_go_build_errors(const std::string& output, const std::string& cwd, const SourceFiles& sources,
                            const std::string& heading, Diagnostics& diags);

/// Go's wording of a mismatch found by a shim check, in words about the .gpi ("Greet is declared
/// here as func(int) string, but in the Go package it is func(name string) string"), given the
/// .gpi line and column it points at.
std::string explain_go_mismatch(const std::string& go_message, const std::string& source_line = "", int col = 0);

}  // namespace gpic
