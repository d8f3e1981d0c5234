// Committing a whole set of output files into a directory the user also owns, as one unit:
// after any interruption, the output is the old set or the new one, never a mix.
//
// Why a commit record. A single rename is the only atomic step a filesystem offers, and it
// moves one name. gpic's output is several names side by side with the user's own files
// (DIR/shapes/, DIR/shapes.pyi, DIR/py.typed, ...), so no one rename can swap it all: swapping a
// generation directory would need a link per output name (changing what the user gets), and
// renameat2(RENAME_EXCHANGE) still exchanges one name at a time. So gpic makes the set atomic
// the way a database does, with a write-ahead record:
//
//   1. Stage: every file is written (and fsynced) into DIR/.gpic-tmp-XXXXXX/, the new manifest
//      with them. The old output is untouched; an interruption leaves it whole.
//   2. Seal: the list of staged files is written to .gpic-commit.part in the staging directory
//      and renamed to .gpic-commit. That rename is the commit point: before it the run never
//      happened, after it the new set is the output.
//   3. Roll forward: each staged file is renamed over its destination, the manifest last; then
//      the record and the staging directory are removed.
//
// Every run, under the output lock and before anything else, finishes what an interrupted run
// left: a sealed staging directory is rolled forward (renames already done are simply no longer
// in it, so this is idempotent, and a file the user put in a destination meanwhile is still
// refused), and an unsealed one is deleted. Between a kill inside step 3 and the next run, the
// files on disk may be part old, part new; the sealed record says which set is the output, and
// the next gpic run into DIR completes it before it writes anything. A kill anywhere else leaves
// exactly the old or exactly the new files.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gpic {

inline constexpr const char* kManifestName = ".gpic-manifest";
inline constexpr const char* kTempPrefix = ".gpic-tmp-";
inline constexpr const char* kCommitRecord = ".gpic-commit";

/// Whether a file may be put at `dest` (output-relative `rel`); on refusal, `why` says why.
/// Writes all of `content` to `fd` (retrying short writes and EINTR); false with errno set
/// when the file could not take it.
bool write_all(int fd, std::string_view content);

using ReplaceCheck = std::function<bool(const std::filesystem::path& dest, const std::string& rel, std::string& why)>;

/// A fresh, empty staging directory DIR/.gpic-tmp-XXXXXX.
std::optional<std::filesystem::path> make_staging_dir(const std::filesystem::path& dir, std::string& error);

/// Writes `content` to staging/rel (creating its directories) and flushes it to disk.
bool stage_file(const std::filesystem::path& staging, const std::string& rel, const std::string& content,
                std::string& error);

/// The commit point: records that `files` (output-relative, in the order they are to be moved;
/// the manifest last) are the new output.
bool seal_commit(const std::filesystem::path& staging, const std::vector<std::string>& files, std::string& error);

/// Moves every file of a sealed staging directory still there into `dir`, then removes the
/// staging directory. `max_moves` >= 0 stops after that many renames, as a kill would (tests).
bool roll_forward(const std::filesystem::path& dir, const std::filesystem::path& staging, const ReplaceCheck& may_replace,
                  std::string& error, int max_moves = -1);

/// Finishes every interrupted commit in `dir`: sealed ones are rolled forward, unsealed staging
/// directories deleted. Call with the output lock held.
bool recover_interrupted_commits(const std::filesystem::path& dir, const ReplaceCheck& may_replace, std::string& error);

}  // namespace gpic
