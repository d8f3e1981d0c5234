#include "compiler/extract_helper.hpp"

#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler/embedded.hpp"
#include "compiler/go_toolchain.hpp"
#include "compiler/process.hpp"

namespace fs = std::filesystem;

namespace gpic {
namespace {

constexpr std::string_view kSourceDir = "runtime/extract/";

// FNV-1a: a stable key for the helper's sources, the same on every run and machine.
uint64_t fnv1a(std::string_view data, uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string source_key() {
  uint64_t h = fnv1a(GPIC_VERSION, 14695981039346656037ULL);
  for (const auto& f : embedded_files())
    if (f.path.substr(0, kSourceDir.size()) == kSourceDir) h = fnv1a(f.content, fnv1a(f.path, h));
  std::ostringstream s;
  s << std::hex << h;
  return s.str();
}

}  // namespace

std::optional<fs::path> extract_helper(bool verbose, Diagnostics& diags) {
  fs::path dir = gpic_cache_dir() / "extract" / (std::string(GPIC_VERSION) + "-" + source_key());
  fs::path binary = dir / "gpic-extract";
  std::error_code ec;
  if (fs::exists(binary, ec)) return binary;

  // Build in a directory of our own, then rename it into place: two gpic runs building at
  // once both succeed, and a half-built helper is never found.
  fs::path tmp = dir.string() + ".tmp" + std::to_string(getpid());
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) {
    diags.error({}, "cannot create " + tmp.string() + ": " + ec.message() + " (set GPIC_CACHE_DIR to a writable directory)");
    return std::nullopt;
  }
  for (const auto& f : embedded_files())
    if (f.path.substr(0, kSourceDir.size()) == kSourceDir)
      std::ofstream(tmp / f.path.substr(kSourceDir.size()), std::ios::binary) << f.content;
  std::ofstream(tmp / "go.mod") << "module gpic.generated/extract\n\ngo 1.23\n";
  if (verbose) std::cerr << "gpic: building the extract helper in " << dir.string() << "\n";
  ProcessOptions po;
  po.cwd = tmp.string();
  po.env = {{"GOTOOLCHAIN", "local"}, {"GOWORK", "off"}, {"CGO_ENABLED", "0"}, {"GOFLAGS", "-buildvcs=false"}};
  ProcessResult r = run_process({"go", "build", "-o", "gpic-extract", "."}, po);
  if (r.exit_code != 0) {
    diags.error({}, "cannot build gpic's extract helper (go build in " + tmp.string() + "):\n" + r.err + r.start_error);
    return std::nullopt;
  }
  fs::rename(tmp, dir, ec);
  if (ec) fs::remove_all(tmp, ec);  // another run put its build in place first
  if (!fs::exists(binary, ec)) {
    diags.error({}, "cannot put gpic's extract helper in place at " + dir.string());
    return std::nullopt;
  }
  return binary;
}

}  // namespace gpic
