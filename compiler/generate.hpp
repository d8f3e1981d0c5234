// One generation run: load and check the inputs, run every requested target, and write the
// output only when everything succeeded.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/limits.hpp"
#include "targets/target.hpp"

namespace gpic {

struct GenerateRequest {
  std::vector<std::string> inputs;
  std::vector<std::string> targets;
  std::string out_dir = ".";
  std::vector<std::string> include_dirs;
  std::string langs = "en";
  std::string py_names = "keep";
  std::vector<std::string> params;
  std::vector<std::string> werror;
  std::string color = "auto";
  int error_limit = limits::kDefaultErrorLimit;
};

/// Options for targets from a request (languages, naming, params, version).
Options target_options(const GenerateRequest& req);

/// Whether `target` reads `m` (a Go package, or a `python:` module); reports it at the
/// package clause when not.
bool target_reads(const Target& target, const ir::Module& m, Diagnostics& diags);

/// Runs the request; prints diagnostics to `err`. Returns the exit status (0 or 1).
int generate(const GenerateRequest& req, std::ostream& err);

bool use_color(const std::string& mode);

}  // namespace gpic
