// The Go half of `gpic extract`: runtime/extract/*.go, embedded in gpic and built on first use
// into gpic's cache (one build per gpic version and helper source, so an upgrade rebuilds).
#pragma once

#include <filesystem>
#include <optional>

#include "compiler/diagnostics.hpp"

namespace gpic {

/// The path of the built helper, building it when this version has not been built yet.
std::optional<std::filesystem::path> extract_helper(bool verbose, Diagnostics& diags);

}  // namespace gpic
