// The lock that makes one gpic run at a time the only writer of an output directory.
//
// It is an advisory flock(2) on the directory itself (opened read-only), not on a lock file:
// nothing is added to the directory, so the lock can never be mistaken for the user's content
// or for output, and it is released by the kernel however the run ends (exit, crash, SIGKILL).
// Every gpic run takes it before reading the manifest or touching a temporary, and holds it
// through generation and commit. A second run into the same directory waits for it, saying so
// once on stderr; it does not give up after a timeout, since a build may legitimately take
// minutes. The descriptor is close-on-exec, so child processes (go build, the extension
// builders) never hold the lock after gpic is gone.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace gpic {

class OutputLock {
 public:
  OutputLock() = default;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  ~OutputLock() { release(); }

  /// Blocks until this process holds `dir`'s lock (writing `waiting` to `note` once if it has to
  /// wait). `dir` must exist. Returns false, with `error` set, when it cannot be locked.
  bool acquire(const std::filesystem::path& dir, std::ostream& note, std::string& error);
  void release();
  bool held() const { return fd_ >= 0; }
  /// Whether `dir` still names the directory locked (a run that created it and failed may have
  /// removed it again while this one waited).
  bool still_names(const std::filesystem::path& dir) const;

 private:
  int fd_ = -1;
};

}  // namespace gpic
