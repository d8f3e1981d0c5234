// What a package clause may name as its Go package: a Go import path, by the rules of
// golang.org/x/mod/module.CheckImportPath (the rules `go build` itself applies).
//
// The path is pasted into generated Go (`import gopkg "…"`) and named in generated comments,
// so only a path Go could import gets that far: anything else is a diagnostic at the path.
// Forms that extend the path (`path@version`, `python:MODULE`) split their prefix or suffix
// off first and validate what remains here.
#pragma once

#include <string>
#include <string_view>

namespace gpic {

/// Why `path` is not a valid Go import path ("invalid char '\"'", "empty path element"...),
/// or an empty string when it is one.
std::string import_path_error(std::string_view path);

/// The package clause's prefix for a .gpi that describes a Python module Go calls
/// (`package outliers "python:outliers"`); only this exact, lower-case spelling.
inline constexpr std::string_view kPythonPathPrefix = "python:";

/// Why `name` (what follows "python:") is not a module name Python imports: dotted ASCII
/// identifiers that are not keywords (`outliers`, `pkg.sub`); empty when it is one.
std::string python_module_error(std::string_view name);

}  // namespace gpic
