// The package clause's optional `@version`: `package uuid "github.com/google/uuid@v1.6.0"`
// pins the Go module version `gpic build` fetches. It is split off here, where the clause
// becomes IR, so that everything after (the import-path check, the generated Go imports)
// sees only the import path.
#pragma once

#include <string>
#include <string_view>

namespace gpic {

struct VersionedPath {
  std::string path;     // "github.com/google/uuid"
  std::string version;  // "v1.6.0"; empty when none was written
  std::string error;    // why the suffix is malformed; empty when it is fine
};

/// Splits "PATH@VERSION" at its `@`. The path may carry exactly one `@version`, and the
/// version must be one `go get` takes: a semantic version (v1.6.0, v0.0.0-2024...-abcdef),
/// "latest", or a branch or commit name ([A-Za-z0-9._+-/]).
VersionedPath split_import_version(std::string_view text);

}  // namespace gpic
