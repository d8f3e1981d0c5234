// What `gpic build` and `gpic extract` need to know about Go: the toolchain's version, and
// where the bound package's Go module lives or is fetched to.
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

/// gpic's cache directory: $GPIC_CACHE_DIR, else $XDG_CACHE_HOME/gpic, else ~/.cache/gpic.
std::filesystem::path gpic_cache_dir();

/// Where a build finds the bound Go package.
struct GoSource {
  enum class Kind { Std, Local, Required, Fetched };
  Kind kind = Kind::Std;
  /// The module the build's go.work uses: the package's own module (Local), a module that
  /// requires it (Required, Fetched: then the package comes from that module's go.mod), or
  /// empty for the standard library.
  std::filesystem::path use_dir;
  std::string module;   // the module providing the package ("github.com/google/uuid")
  std::string version;  // its version ("v1.6.0"); empty for a local module

  /// One line for -v and the build record: "github.com/google/uuid v1.6.0 (fetched into DIR)".
  std::string describe() const;
};

/// The module providing package `import_path` as the Go module in `dir` resolves it (its own,
/// or one it requires), or nullopt when that module cannot load the package.
std::optional<GoSource> module_providing(const std::filesystem::path& dir, const std::string& import_path);

/// Fetches the module holding `import_path` at `version` ("" or "latest": the newest) through
/// the Go toolchain (`go get`, so GOPROXY and GOMODCACHE apply) into a build module of its own
/// under gpic_cache_dir(), which requires it. A pinned version already fetched is not fetched
/// again. Reports why it failed at `where`.
std::optional<GoSource> fetch_go_package(const std::string& import_path, const std::string& version,
                                         const ir::Loc& where, Diagnostics& diags);

/// Where the Go package `m.go_path` comes from, in this order: the Go module that declares it
/// (`explicit_dir`, or the nearest go.mod from the .gpi's directory up); a version pinned by
/// `version` (--go-version) or the package clause's `@version`, fetched; the standard library;
/// a module that requires it (`explicit_dir`, or the .gpi's); the newest version, fetched.
/// Reports an error at the package clause when none provides it.
std::optional<GoSource> locate_go_module(const ir::Module& m, const std::string& explicit_dir,
                                         const std::string& version, Diagnostics& diags);

}  // namespace gpic
