// The version of a wheel gpic builds, from the Go module's version (gpic build --wheel).
#pragma once

#include <optional>
#include <string>

namespace gpic {

/// The PEP 440 version for Go module version `go_version`: v1.6.0 -> 1.6.0; a pre-release
/// v1.2.0-rc.1 -> 1.2.0rc1 (alpha -> a, beta -> b, rc/pre -> rc); a pseudo-version
/// v0.0.0-20240102150405-abcdef123456 -> 0.0.0.dev20240102150405 (it sorts before the release it
/// precedes, as in Go). nullopt when the version has no such spelling (the user then gives
/// --wheel-version).
std::optional<std::string> pep440_from_go(const std::string& go_version);

/// Whether `v` is a version pip accepts, in the normalised public form gpic writes (N(.N)*
/// with an optional aN, bN or rcN, .postN and .devN).
bool is_pep440(const std::string& v);

/// Whether `name` is a valid distribution name (PEP 508): ASCII letters and digits, with '.',
/// '_' and '-' inside.
bool is_distribution_name(const std::string& name);

}  // namespace gpic
