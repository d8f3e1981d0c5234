#include "compiler/output_commit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "compiler/output_paths.hpp"

namespace fs = std::filesystem;

namespace gpic {

bool write_all(int fd, std::string_view content) {
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

namespace {

bool write_synced(const fs::path& path, const std::string& content, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) {
    error = "cannot write '" + path.string() + "': " + std::strerror(errno);
    return false;
  }
  bool ok = write_all(fd, content);
  if (ok) ok = ::fsync(fd) == 0;
  if (!ok) error = "cannot write '" + path.string() + "': " + std::strerror(errno);
  ::close(fd);
  return ok;
}

std::optional<std::vector<std::string>> read_record(const fs::path& staging) {
  std::ifstream in(staging / kCommitRecord);
  if (!in) return std::nullopt;
  std::vector<std::string> files;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) files.push_back(line);
  return files;
}

}  // namespace

std::optional<fs::path> make_staging_dir(const fs::path& dir, std::string& error) {
  std::string tmpl = (dir / (std::string(kTempPrefix) + "XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) {
    error = "cannot create a temporary directory in '" + dir.string() + "': " + std::strerror(errno);
    return std::nullopt;
  }
  return fs::path(tmpl);
}

bool stage_file(const fs::path& staging, const std::string& rel, const std::string& content, std::string& error) {
  fs::path p = staging / rel;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (ec) {
    error = "cannot create '" + p.parent_path().string() + "': " + ec.message();
    return false;
  }
  return write_synced(p, content, error);
}

bool seal_commit(const fs::path& staging, const std::vector<std::string>& files, std::string& error) {
  std::string record;
  for (const auto& f : files) record += f + '\n';
  fs::path part = staging / (std::string(kCommitRecord) + ".part");
  if (!write_synced(part, record, error)) return false;
  if (::rename(part.c_str(), (staging / kCommitRecord).c_str()) != 0) {
    error = "cannot commit the output: " + std::string(std::strerror(errno));
    return false;
  }
  return true;
}

bool roll_forward(const fs::path& dir, const fs::path& staging, const ReplaceCheck& may_replace, std::string& error,
                  int max_moves) {
  auto files = read_record(staging);
  if (!files) {
    error = "'" + staging.string() + "' has no commit record";
    return false;
  }
  int moves = 0;
  for (const std::string& rel : *files) {
    fs::path from = staging / rel;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(from, ec))) continue;  // moved before an interruption
    if (auto why = bad_output_path(rel); why && rel != kManifestName) {
      error = "'" + staging.string() + "' lists '" + rel + "', which is " + *why;
      return false;
    }
    fs::path dest = dir / rel;
    std::string why;
    if (rel != kManifestName && !may_replace(dest, rel, why)) {
      error = "refusing to overwrite '" + dest.string() + "': " + why;
      return false;
    }
    if (!make_real_directories(dir, fs::path(rel).parent_path(), error)) return false;
    if (max_moves >= 0 && moves == max_moves) return true;  // a simulated kill
    if (::rename(from.c_str(), dest.c_str()) != 0) {
      error = "cannot move '" + rel + "' into '" + dir.string() + "': " + std::strerror(errno);
      return false;
    }
    ++moves;
  }
  if (max_moves >= 0 && moves == max_moves) return true;
  // The record goes first: a staging directory without one is deleted whole by the next run,
  // which is right once nothing is left in it to move.
  std::error_code ec;
  fs::remove(staging / kCommitRecord, ec);
  fs::remove_all(staging, ec);
  return true;
}

bool recover_interrupted_commits(const fs::path& dir, const ReplaceCheck& may_replace, std::string& error) {
  std::error_code ec;
  std::vector<fs::path> staging_dirs;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().rfind(kTempPrefix, 0) == 0) staging_dirs.push_back(e.path());
  for (const fs::path& s : staging_dirs) {
    if (fs::is_symlink(fs::symlink_status(s, ec)) || !fs::is_directory(fs::symlink_status(s, ec))) {
      continue;  // not something gpic made: left alone
    }
    if (fs::exists(s / kCommitRecord, ec)) {
      if (!roll_forward(dir, s, may_replace, error)) {
        error = "an interrupted gpic run left its committed output in '" + s.string() +
                "' and it cannot be completed: " + error;
        return false;
      }
    } else {
      fs::remove_all(s, ec);  // staged but never committed: the old output stands
    }
  }
  return true;
}

}  // namespace gpic
