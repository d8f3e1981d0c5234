#include "compiler/go_toolchain.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
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

fs::path gpic_cache_dir() {
  if (const char* d = std::getenv("GPIC_CACHE_DIR"); d && *d) return fs::path(d);
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d) return fs::path(d) / "gpic";
  if (const char* d = std::getenv("HOME"); d && *d) return fs::path(d) / ".cache" / "gpic";
  return fs::temp_directory_path() / "gpic-cache";
}

std::string GoSource::describe() const {
  switch (kind) {
    case Kind::Std: return "the Go standard library";
    case Kind::Local: return module + " (the local module in " + use_dir.string() + ")";
    case Kind::Required: return module + " " + version + " (required by the module in " + use_dir.string() + ")";
    case Kind::Fetched: return module + " " + version + " (fetched into " + use_dir.string() + ")";
  }
  return module;
}

// The environment of every go command gpic runs to resolve modules: this toolchain, no
// workspace of the caller's, and go.mod edits allowed only where gpic owns the module.
static ProcessOptions go_env(const fs::path& dir, bool may_edit_go_mod) {
  ProcessOptions po;
  po.cwd = dir.string();
  po.env = {{"GOTOOLCHAIN", "local"}, {"GOWORK", "off"}};
  if (may_edit_go_mod) po.env["GOFLAGS"] = "-mod=mod";
  return po;
}

std::optional<GoSource> module_providing(const fs::path& dir, const std::string& import_path) {
  ProcessResult r = run_process({"go", "list", "-f", "{{with .Module}}{{.Path}}\t{{.Version}}{{end}}", "--", import_path},
                                go_env(dir, false));
  if (r.exit_code != 0) return std::nullopt;
  std::string line = r.out.substr(0, r.out.find('\n'));
  size_t tab = line.find('\t');
  if (tab == std::string::npos) return std::nullopt;  // a standard-library package has no module
  GoSource s;
  s.kind = GoSource::Kind::Required;
  s.use_dir = dir;
  s.module = line.substr(0, tab);
  s.version = line.substr(tab + 1);
  return s;
}

// The module path of the build module that fetches import_path at version: unique per
// package and version (`gpic.fetch/github.com/google/uuid/at-v1.6.0`), so build modules can share
// a workspace.
static std::string build_module_path(const std::string& import_path, const std::string& version) {
  std::string path = "gpic.fetch/" + import_path + "/at-" + version;
  for (char& c : path)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != '-' && c != '_' && c != '~') c = '-';
  return path;
}

std::optional<GoSource> fetch_go_package(const std::string& import_path, const std::string& version,
                                         const ir::Loc& where, Diagnostics& diags) {
  std::string v = version.empty() ? "latest" : version;
  std::error_code ec;
  // One build module per package and version: it requires that module and nothing else, so
  // the build sees exactly the module's own dependency versions.
  fs::path dir = gpic_cache_dir() / "modules" / (import_path + "@" + v);
  fs::create_directories(dir, ec);
  if (ec) {
    diags.error(where, "cannot create gpic's module cache " + dir.string() + ": " + ec.message() +
                           " (set GPIC_CACHE_DIR to a writable directory)");
    return std::nullopt;
  }
  // Its own module path: a joint build puts several build modules in one Go workspace, where
  // two of the same path are refused (`module ... appears multiple times in workspace`).
  std::string module = build_module_path(import_path, v);
  if (!fs::exists(dir / "go.mod")) {
    fs::path tmp = dir / ("go.mod.tmp" + std::to_string(getpid()));
    std::ofstream(tmp) << "// Code generated by gpic: the build module of " << import_path << "@" << v
                       << ". DO NOT EDIT.\n\nmodule " << module << "\n\ngo 1.23\n";
    fs::rename(tmp, dir / "go.mod", ec);
  } else if (module_path_of(dir) != module) {
    // Written by an older gpic under one shared path: renamed in place, its requirements kept.
    run_process({"go", "mod", "edit", "-module", module}, go_env(dir, true));
  }
  bool pinned = v != "latest";
  if (pinned && fs::exists(dir / "go.sum")) {
    if (auto s = module_providing(dir, import_path)) {
      s->kind = GoSource::Kind::Fetched;
      return s;
    }
  }
  ProcessResult r = run_process({"go", "get", "--", import_path + "@" + v}, go_env(dir, true));
  if (r.exit_code != 0) {
    diags.error(where, "cannot find the Go package \"" + import_path + "\": no local module declares it, and `go get " +
                           import_path + "@" + v + "` failed (name a local module with --go-module DIR):\n" + r.err +
                           r.start_error);
    return std::nullopt;
  }
  auto s = module_providing(dir, import_path);
  if (!s) {
    diags.error(where, "go get " + import_path + "@" + v + " succeeded, but the Go package \"" + import_path +
                           "\" still does not load from " + dir.string());
    return std::nullopt;
  }
  s->kind = GoSource::Kind::Fetched;
  return s;
}

static bool is_std_path(const std::string& path) {
  // A standard-library package: its first path element has no dot ("strings", "encoding/json").
  std::string first = path.substr(0, path.find('/'));
  return first.find('.') == std::string::npos;
}

std::optional<GoSource> locate_go_module(const ir::Module& m, const std::string& explicit_dir,
                                         const std::string& version, Diagnostics& diags) {
  std::error_code ec;
  std::string pin = version.empty() ? m.go_version : version;
  GoSource local;
  local.kind = GoSource::Kind::Local;
  local.module = m.go_path;
  if (!explicit_dir.empty()) {
    fs::path dir = fs::absolute(explicit_dir, ec);
    std::string mp = module_path_of(dir);
    if (mp.empty()) {
      diags.error({}, "--go-module " + explicit_dir + ": no go.mod there");
      return std::nullopt;
    }
    if (declares(mp, m.go_path)) {
      local.use_dir = dir;
      local.module = mp;
      return local;
    }
    if (!pin.empty()) return fetch_go_package(m.go_path, pin, m.loc, diags);
    if (auto s = module_providing(dir, m.go_path)) return s;
    diags.error(m.loc, "the Go module in " + explicit_dir + " is " + mp + ", which neither contains nor requires package \"" +
                           m.go_path + "\" (add it with `go get " + m.go_path + "` there)");
    return std::nullopt;
  }
  fs::path nearest;
  for (fs::path dir = fs::absolute(fs::path(m.file), ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "go.mod", ec)) {
      if (std::string mp = module_path_of(dir); declares(mp, m.go_path)) {
        local.use_dir = dir;
        local.module = mp;
        return local;
      }
      nearest = dir;
      break;  // the nearest module does not declare the package: look no further up
    }
    if (dir == dir.root_path()) break;
  }
  if (!pin.empty()) return fetch_go_package(m.go_path, pin, m.loc, diags);
  if (is_std_path(m.go_path)) return GoSource{};
  if (!nearest.empty())
    if (auto s = module_providing(nearest, m.go_path)) return s;
  return fetch_go_package(m.go_path, "", m.loc, diags);
}

}  // namespace gpic
