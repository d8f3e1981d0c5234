// Keeping every write inside the output directory: the relative paths targets and plugins ask
// for, and the directories on the way to them.
//
// gpic refuses a symbolic link at any component below the output directory (the directory
// itself may be a link: it is the user's choice of where output goes). Following a link there
// could put files anywhere on the system, and replacing it would destroy something gpic did not
// make, so the run fails with the link named and nothing written. The checks are made under the
// output lock, immediately before writing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace gpic {

/// Why `rel` may not name an output file (absolute, empty, "." or ".." components, control
/// characters, or one of gpic's own bookkeeping names), or nullopt when it may.
std::optional<std::string> bad_output_path(const std::string& rel);

/// The first existing component of `root`/`rel_dir` (below `root`) that is not a real
/// directory (a symbolic link, a file), or nullopt.
std::optional<std::filesystem::path> non_directory_component(const std::filesystem::path& root,
                                                            const std::filesystem::path& rel_dir);

/// Creates `root`/`rel_dir` one component at a time, refusing to pass through a symbolic link
/// or a file. Returns false with `error` set.
bool make_real_directories(const std::filesystem::path& root, const std::filesystem::path& rel_dir,
                           std::string& error);

}  // namespace gpic
