#include "compiler/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gpic {

bool OutputLock::acquire(const std::filesystem::path& dir, std::ostream& note, std::string& error) {
  release();
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  int r = ::flock(fd, LOCK_EX | LOCK_NB);
  if (r != 0 && errno == EWOULDBLOCK) {
    note << "gpic: waiting for another gpic run to finish writing '" << dir.string() << "'\n" << std::flush;
    while ((r = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
  }
  if (r != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  }
  fd_ = fd;
  return true;
}

void OutputLock::release() {
  if (fd_ >= 0) ::close(fd_);  // closing the only descriptor drops the flock
  fd_ = -1;
}

}  // namespace gpic

namespace gpic {

bool OutputLock::still_names(const std::filesystem::path& dir) const {
  struct stat locked{}, named{};
  return fd_ >= 0 && ::fstat(fd_, &locked) == 0 && ::stat(dir.c_str(), &named) == 0 && locked.st_dev == named.st_dev &&
         locked.st_ino == named.st_ino;
}

}  // namespace gpic
