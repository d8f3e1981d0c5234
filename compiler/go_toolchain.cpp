#include "compiler/go_toolchain.hpp"

#include <fstream>
#include <regex>

#include "compiler/process.hpp"

namespace fs = std::filesystem;

namespace gpic {

std::optional<GoVersion> parse_go_version(const std::string& s) {
  // A release ("go1.26.8"), or a pre-release ("go1.24rc1"), whose text go.mod and go.work accept.
  static const std::regex re(R"(go(\d+)\.(\d+)(?:\.(\d+)|(?:rc|beta)\d+)?)");
  std::smatch m;
  if (!std::regex_search(s, m, re)) return std::nullopt;
  GoVersion v;
  v.major = std::stoi(m[1]);
  v.minor = std::stoi(m[2]);
  v.patch = m[3].matched ? std::stoi(m[3]) : 0;
  v.text = m[0];
  return v;
}

bool at_least_minimum(const GoVersion& v) {
  int have[3] = {v.major, v.minor, v.patch};
  for (int i = 0; i < 3; ++i)
    if (have[i] != kMinGo[i]) return have[i] > kMinGo[i];
  return true;
}

std::optional<GoVersion> find_go(Diagnostics& diags) {
  ProcessResult r = run_process({"go", "env", "GOVERSION"}, {{}, {{"GOTOOLCHAIN", "local"}}, {}});
  if (r.exit_code != 0) {
    diags.error({}, "cannot run the Go toolchain ('go' on PATH): gpic build needs Go >= 1.23.5" +
                        (r.start_error.empty() ? "" : " (" + r.start_error + ")"));
    return std::nullopt;
  }
  auto v = parse_go_version(r.out);
  if (!v) {
    diags.error({}, "cannot read the Go version from 'go env GOVERSION': " + r.out);
    return std::nullopt;
  }
  if (!at_least_minimum(*v)) {
    diags.error({}, "Go " + v->text + " is too old: gpic needs Go >= 1.23.5, because older toolchains make every "
                    "call from Python into Go cost microseconds instead of nanoseconds");
    return std::nullopt;
  }
  return v;
}

std::string module_path_of(const fs::path& dir) {
  std::ifstream in(dir / "go.mod");
  static const std::regex re(R"re(^\s*module\s+"?([^"\s]+)"?)re");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, re)) return m[1];
  }
  return "";
}

static bool declares(const std::string& module_path, const std::string& package_path) {
  return !module_path.empty() &&
         (package_path == module_path || package_path.rfind(module_path + "/", 0) == 0);
}

std::optional<fs::path> locate_go_module(const ir::Module& m, const std::string& explicit_dir, Diagnostics& diags) {
  std::error_code ec;
  if (!explicit_dir.empty()) {
    fs::path dir = fs::absolute(explicit_dir, ec);
    std::string mp = module_path_of(dir);
    if (mp.empty()) {
      diags.error({}, "--go-module " + explicit_dir + ": no go.mod there");
      return std::nullopt;
    }
    if (!declares(mp, m.go_path)) {
      diags.error(m.loc, "the Go module in " + explicit_dir + " is " + mp + ", which does not contain package \"" +
                             m.go_path + "\"");
      return std::nullopt;
    }
    return dir;
  }
  for (fs::path dir = fs::absolute(fs::path(m.file), ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "go.mod", ec)) {
      if (declares(module_path_of(dir), m.go_path)) return dir;
      break;  // the nearest module does not declare the package: look no further up
    }
    if (dir == dir.root_path()) break;
  }
  // A standard-library package: its first path element has no dot ("strings", "encoding/json").
  std::string first = m.go_path.substr(0, m.go_path.find('/'));
  if (first.find('.') == std::string::npos) return fs::path();
  diags.error(m.loc, "cannot find the Go package \"" + m.go_path + "\": no go.mod in the directory of " + m.file +
                         " or above declares it (name its module with --go-module DIR)");
  return std::nullopt;
}

}  // namespace gpic
