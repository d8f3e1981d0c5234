// What `gpic build` needs to know about Go: the toolchain's version and where the bound
// package's Go module lives.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// The minimum Go: older toolchains make every C -> Go call cost microseconds.
inline constexpr int kMinGo[3] = {1, 23, 5};

struct GoVersion {
  int major = 0, minor = 0, patch = 0;
  std::string text;   // "go1.26.8"

  /// The version as a go.mod or go.work `go` line takes it: "1.26.8", "1.24rc1".
  std::string go_line() const { return text.substr(2); }
};

/// Parses "go1.26.8" / "go1.23" / "go1.24rc1".
std::optional<GoVersion> parse_go_version(const std::string& s);
bool at_least_minimum(const GoVersion& v);

/// Asks `go env GOVERSION`. Reports a missing or too old toolchain into diags.
std::optional<GoVersion> find_go(Diagnostics& diags);

/// The module path declared by `dir/go.mod`, or empty.
std::string module_path_of(const std::filesystem::path& dir);

/// Where the Go package `m.go_path` comes from: the directory of the Go module that declares
/// it (searched upward from the .gpi's directory, or `explicit_dir`), or an empty path for a
/// standard-library package. Reports an error at the package clause when it cannot be found.
std::optional<std::filesystem::path> locate_go_module(const ir::Module& m, const std::string& explicit_dir,
                                                      Diagnostics& diags);

}  // namespace gpic
