// The .gpi files of standard-library packages that gpic ships (runtime/std, embedded in the
// binary): `import "gpic:std/bytes"`, `import os "gpic:std/os"`, `import "gpic:std/crypto/sha1"`.
// The `gpic:` prefix is no file path, so a user's own bytes.gpi, or a folder named std, is never
// taken for one, and a shipped file is never taken for the user's. A shipped file imported by a
// file of `gpic build` (or `gpic --target ...`) is built with it: the packages share one runtime.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.hpp"

namespace gpic {

/// What starts the import path of a shipped file.
inline constexpr std::string_view kStdImportPrefix = "gpic:std/";

/// True when `import_path` has the shipped files' form ("gpic:std/..."), shipped or not.
bool is_std_import(std::string_view import_path);

/// The text of the shipped file `import_path` names, or nullopt when gpic ships none.
std::optional<std::string_view> std_gpi_text(std::string_view import_path);

/// How diagnostics and generated comments name a shipped file: "gpic:std/bytes.gpi".
std::string std_gpi_display(std::string_view import_path);

/// The Go paths gpic ships a .gpi for ("bytes", "crypto/sha1", ...), sorted.
std::vector<std::string> std_gpi_packages();

/// What `gpic extract` needs to know of each shipped file, one per file:
/// "GOPATH=MODULE=Type,Type" ("hash=hash=Hash"), in the order of std_gpi_packages().
std::vector<std::string> shipped_type_lists();

/// True when `m` was read from a shipped file.
bool is_std_module(const ir::Module& m);

/// The shipped modules that `inputs` import, directly or through each other, and that are not
/// among them: what a build of `inputs` builds too.
std::vector<const ir::Module*> shipped_imports(const std::vector<const ir::Module*>& inputs);

}  // namespace gpic
