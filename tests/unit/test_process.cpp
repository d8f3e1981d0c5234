// Child processes end with gpic: each runs in its own process group, which a terminating signal
// to gpic kills whole, and on Linux dies with gpic even when gpic is SIGKILLed.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "compiler/process.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Alive, and not a zombie waiting for a parent to reap it.
bool running(pid_t pid) {
  std::string stat = testing::read_text("/proc/" + std::to_string(pid) + "/stat");
  if (stat.empty()) return false;
  size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] != 'Z';
}

bool gone_within(pid_t pid, std::chrono::milliseconds limit) {
  for (auto start = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - start < limit;) {
    if (!running(pid)) return true;
    std::this_thread::sleep_for(20ms);
  }
  return !running(pid);
}

// Waits (bounded) for a file the child writes its pid into.
pid_t read_pid(const fs::path& file) {
  for (int i = 0; i < 500; ++i) {
    std::string s = testing::read_text(file.string());
    if (!s.empty() && s.back() == '\n') return static_cast<pid_t>(std::stol(s));
    std::this_thread::sleep_for(10ms);
  }
  return -1;
}

// Forks a stand-in for gpic that runs `script` through run_process and never returns.
pid_t gpic_running(const std::string& script) {
  std::cout.flush();
  pid_t pid = ::fork();
  if (pid == 0) {
    // As in gpic, whose signals start at their defaults (doctest has handlers of its own).
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(sig, SIG_DFL);
    run_process({"sh", "-c", script});
    ::_exit(0);
  }
  return pid;
}

}  // namespace

TEST_SUITE("process") {
  TEST_CASE("a child process leads its own process group") {
    ProcessResult r = run_process({"sh", "-c", "read -r pid comm state ppid pgrp rest < /proc/$$/stat; echo $$ $pgrp"});
    REQUIRE(r.exit_code == 0);
    std::string pid = r.out.substr(0, r.out.find(' '));
    std::string pgrp = r.out.substr(r.out.find(' ') + 1);
    CHECK(pgrp == pid + "\n");
  }

  TEST_CASE("SIGTERM to gpic kills its child's whole process group before gpic exits") {
    fs::path dir = fs::temp_directory_path() / ("gpic-unit-term-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    pid_t gpic = gpic_running("sleep 60 & echo $! > '" + (dir / "grandchild").string() + "'; wait");
    REQUIRE(gpic > 0);
    pid_t grandchild = read_pid(dir / "grandchild");
    REQUIRE(grandchild > 0);
    REQUIRE(running(grandchild));
    ::kill(gpic, SIGTERM);
    int status = 0;
    REQUIRE(::waitpid(gpic, &status, 0) == gpic);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(gone_within(grandchild, 5000ms));
    fs::remove_all(dir);
  }

#ifdef __linux__
  TEST_CASE("a child dies with gpic even when gpic is SIGKILLed") {
    fs::path dir = fs::temp_directory_path() / ("gpic-unit-kill-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    pid_t gpic = gpic_running("echo $$ > '" + (dir / "child").string() + "'; exec sleep 60");
    REQUIRE(gpic > 0);
    pid_t child = read_pid(dir / "child");
    REQUIRE(child > 0);
    REQUIRE(running(child));
    ::kill(gpic, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(gpic, &status, 0) == gpic);
    CHECK(gone_within(child, 5000ms));
    fs::remove_all(dir);
  }
#endif
}

}  // namespace gpic
