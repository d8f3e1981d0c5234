// Runs a child process with its stdin fed from a string and its stdout/stderr captured
// (poll-driven, so a chatty child cannot deadlock against a large input).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gpic {

struct ProcessResult {
  int exit_code = -1;          // -1: could not start; 128+N: killed by signal N
  std::string out;
  std::string err;
  std::string start_error;     // why it could not start
};

struct ProcessOptions {
  std::string cwd;                                   // empty: inherit
  std::map<std::string, std::string> env;            // added to / overriding the environment
  std::string input;                                 // fed to stdin
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// Full path of `program` found on PATH (or itself when it contains a slash and exists), else "".
std::string find_on_path(const std::string& program);

}  // namespace gpic
