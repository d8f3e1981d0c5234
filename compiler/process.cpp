#include "compiler/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace gpic {

// Child processes (go build, the extension builders, plugins) must end with gpic, grandchildren
// included: a `go build` left running after gpic was killed goes on writing into the output
// directory. So each child leads its own process group, which gpic kills whole
//   - when gpic gets SIGINT, SIGTERM, SIGHUP or SIGQUIT (the handler below, then gpic dies of
//     the same signal), and
//   - on Linux, when gpic dies any other way, even by SIGKILL: the child has
//     PR_SET_PDEATHSIG = SIGKILL. (Its own children, a compiler say, then finish their current
//     step and exit: they write only into work directories, go's own or the build directory in gpic's cache, never
//     into the committed output, which only gpic itself puts in place.)
// A group of its own also keeps a terminal's Ctrl-C from reaching the child before gpic knows.
namespace {

constexpr int kForwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kMaxChildren = 8;
std::atomic<pid_t> g_child_groups[kMaxChildren];
sigset_t g_handled;  // the signals whose handler this file installed

void end_children_and_die(int sig) {
  for (auto& g : g_child_groups) {
    pid_t pgid = g.load();
    if (pgid > 0) ::kill(-pgid, SIGKILL);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Installs the forwarding handler for every signal still at its default (checked on each call:
// cheap, and right even in a process forked after an earlier call).
void install_handlers() {
  static bool initialised = false;
  if (!initialised) sigemptyset(&g_handled);
  initialised = true;
  for (int sig : kForwarded) {
    struct sigaction old{};
    ::sigaction(sig, nullptr, &old);
    // A signal the caller ignores (nohup) stays ignored; one with a handler is not ours to take.
    if (old.sa_handler != SIG_DFL) continue;
    struct sigaction sa{};
    sa.sa_handler = end_children_and_die;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
    sigaddset(&g_handled, sig);
  }
}

void track_group(pid_t pgid) {
  for (auto& g : g_child_groups) {
    pid_t free_slot = 0;
    if (g.compare_exchange_strong(free_slot, pgid)) return;
  }
}

void untrack_group(pid_t pgid) {
  for (auto& g : g_child_groups) {
    pid_t mine = pgid;
    if (g.compare_exchange_strong(mine, 0)) return;
  }
}

}  // namespace

std::string find_on_path(const std::string& program) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (program.find('/') != std::string::npos) return fs::exists(program, ec) ? program : "";
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::string p = path;
  for (size_t start = 0; start <= p.size();) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    fs::path candidate = fs::path(p.substr(start, end - start).empty() ? "." : p.substr(start, end - start)) / program;
    if (fs::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  return "";
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult r;
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
    r.start_error = std::strerror(errno);
    return r;
  }
  // The environment for the child, prepared before fork (no allocation after it).
  std::vector<std::string> env_storage;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    std::string key = kv.substr(0, kv.find('='));
    if (!options.env.count(key)) env_storage.push_back(kv);
  }
  for (const auto& [k, v] : options.env) env_storage.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& s : env_storage) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& s : argv_copy) args.push_back(s.data());
  args.push_back(nullptr);
  std::string exe = find_on_path(argv[0]);

  // The forwarded signals stay blocked from before the fork until the child's group is
  // tracked, so that no signal can end gpic between the two and leave the child running.
  install_handlers();
  sigset_t blocked, previous;
  sigemptyset(&blocked);
  for (int sig : kForwarded) sigaddset(&blocked, sig);
  sigprocmask(SIG_BLOCK, &blocked, &previous);
  [[maybe_unused]] pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    r.start_error = std::strerror(errno);
    return r;
  }
  if (pid == 0) {
    setpgid(0, 0);
#ifdef __linux__
    // Dies with gpic; if gpic already died before this line, the death signal would never come.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
#endif
    for (int sig : kForwarded)
      if (sigismember(&g_handled, sig)) signal(sig, SIG_DFL);
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(127);
    if (!exe.empty()) execve(exe.c_str(), args.data(), envp.data());
    const char msg[] = "cannot execute program\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  setpgid(pid, pid);  // also here: whichever of parent and child runs first makes the group
  track_group(pid);
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  signal(SIGPIPE, SIG_IGN);

  size_t written = 0;
  int in_fd = in[1];
  if (options.input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0 || in_fd >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out[0] >= 0) fds[n++] = {out[0], POLLIN, 0};
    if (err[0] >= 0) fds[n++] = {err[0], POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, options.input.data() + written, options.input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN) written = options.input.size();  // the child closed its stdin
        if (written >= options.input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        (fds[i].fd == out[0] ? r.out : r.err).append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        (fds[i].fd == out[0] ? out[0] : err[0]) = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  untrack_group(pid);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (exe.empty()) r.start_error = "'" + argv[0] + "' not found on PATH";
  return r;
}

}  // namespace gpic
