// Paths: the package clause names a Go import path, and the .gpi's own file name can be
// written into generated code. Both end up in generated Go, C, C++ and Python, so a string
// that could end a literal, a comment or a line there is refused here, at its source.
#include <algorithm>
#include <filesystem>

#include "compiler/check_context.hpp"
#include "compiler/hidden_chars.hpp"
#include "compiler/import_path.hpp"

namespace gpic::check {

namespace {

void check_go_path(Context& cx) {
  const ir::Module& m = cx.module;
  if (m.name.empty()) return;  // no package clause: a syntax error already
  if (m.python_backed()) {
    if (std::string why = python_module_error(m.python_module); !why.empty())
      cx.error(m.go_path_loc, "package path " + quote(text::show(std::string(kPythonPathPrefix) + m.python_module)) +
                                  " does not name a Python module: " + why);
    return;
  }
  // Without a written path the path is the name, whose non-ASCII letters check_names reports.
  bool written = m.go_path_loc.line != m.loc.line || m.go_path_loc.col != m.loc.col;
  if (!written && std::any_of(m.name.begin(), m.name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return;
  if (std::string why = import_path_error(m.go_path); !why.empty())
    cx.error(m.go_path_loc, "package path " + quote(text::show(m.go_path)) + " is not a Go import path: " + why);
  else if (m.go_path == "C")  // the shim itself imports "C"; a .gpi binding it would fail in cgo
    cx.error(m.go_path_loc, "package path 'C' is cgo's pseudo-package, not a Go package gpic can bind");
}

// Generated Go names the .gpi in //line directives (so that `go build` reports a mismatch at
// the declaration), which a newline would end and which a /*line*/ comment closes at "*/".
void check_file_name(Context& cx) {
  const ir::Module& m = cx.module;
  std::error_code ec;
  std::string path = std::filesystem::absolute(m.file, ec).lexically_normal().string();
  if (ec) path = m.file;
  std::string why;
  if (text::has_hidden(path)) why = "a control, bidirectional-override or non-UTF-8 character";
  else if (path.find("*/") != std::string::npos) why = "'*/'";
  if (!why.empty())
    cx.error({m.file, 0, 0}, "the file's path contains " + why +
                                 ", which generated Go cannot name in a //line directive; rename the file or its directory");
}

}  // namespace

void check_paths(Context& cx) {
  check_go_path(cx);
  check_file_name(cx);
}

}  // namespace gpic::check
