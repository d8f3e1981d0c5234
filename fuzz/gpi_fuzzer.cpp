// The libFuzzer harness: one in-memory .gpi through everything gpic does with it short of
// writing files and running compilers. Parse, check, print the diagnostics, and, when the
// input is valid, run every built-in target (and the plugins' JSON IR) into memory.
//
// Built by -DGPIC_FUZZ=ON (clang, with ASan and UBSan) and run by scripts/fuzz; scripts/test
// replays fuzz/regressions/ and fuzzes for a bounded time. See docs/en/safety.md.
//
// Several files: an input may hold more than one .gpi, each starting at a line
// `//--- NAME.gpi` (the text before the first such line is `fuzz.gpi`, the file compiled).
// `import "NAME.gpi"` finds the file of that name, so imports, import cycles and
// declarations used across modules are reached too. To the compiler such a line is a comment.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/frontend.hpp"
#include "compiler/ir.hpp"
#include "compiler/ir_json.hpp"
#include "targets/target.hpp"

namespace {

using namespace gpic;

constexpr std::string_view kMainFile = "fuzz.gpi";
constexpr std::string_view kFileMarker = "//--- ";

/// The input's files by name, in order of appearance.
std::map<std::string, std::string> split_files(std::string_view input) {
  std::map<std::string, std::string> files;
  std::string* current = &files[std::string(kMainFile)];
  while (!input.empty()) {
    size_t end = input.find('\n');
    std::string_view line = input.substr(0, end == std::string_view::npos ? input.size() : end + 1);
    input.remove_prefix(line.size());
    if (line.substr(0, kFileMarker.size()) == kFileMarker) {
      std::string_view name = line.substr(kFileMarker.size());
      while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
      current = &files[std::string(name)];
      current->clear();  // a repeated name starts that file again
    } else {
      current->append(line);
    }
  }
  return files;
}

/// What the driver's Loader does, reading from `files` instead of the file system: parse a
/// file once, load its imports depth first (a file imported while it is being loaded is an
/// import cycle), then check it. Imports that name no file stay unloaded; the checker reports
/// them as it reports a missing file.
class MemoryLoader {
 public:
  MemoryLoader(const std::map<std::string, std::string>& files, SourceFiles& sources, Diagnostics& diags)
      : files_(files), sources_(sources), diags_(diags) {}

  ir::Module* load(const std::string& name) {
    if (auto it = modules_.find(name); it != modules_.end()) return it->second.get();
    const std::string& text = files_.at(name);
    sources_.add(name, text);
    auto module = parse_gpi(name, text, diags_);
    if (!module) {
      std::cerr << "parse_gpi returned null\n";
      std::abort();
    }
    ir::Module* m = module.get();
    modules_[name] = std::move(module);
    in_progress_[name] = true;
    for (ir::Import& imp : m->imports) {
      std::string target = (std::filesystem::path(name).parent_path() / imp.path).lexically_normal().string();
      if (!files_.count(target)) continue;
      if (in_progress_[target]) {
        diags_.error(imp.loc, "import cycle: '" + imp.path + "' imports this file again");
        imp.module = modules_[target].get();
        continue;
      }
      imp.module = load(target);
    }
    in_progress_[name] = false;
    check_module(*m, diags_);
    return m;
  }

 private:
  const std::map<std::string, std::string>& files_;
  SourceFiles& sources_;
  Diagnostics& diags_;
  std::map<std::string, std::unique_ptr<ir::Module>> modules_;
  std::map<std::string, bool> in_progress_;
};

/// Keeps what the targets write, and stops the run if a target names a file outside the
/// output directory.
class MemorySink : public FileSink {
 public:
  void write(const std::string& path, std::string content) override {
    std::filesystem::path p(path);
    bool escapes = path.empty() || p.is_absolute();
    for (const auto& part : p) escapes = escapes || part == "..";
    if (escapes) {
      std::cerr << "a target wrote outside the output directory: '" << path << "'\n";
      std::abort();
    }
    files_[path] = std::move(content);
  }

 private:
  std::map<std::string, std::string> files_;
};

/// Discards what is written: diagnostics are formatted in full, then dropped.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void run_targets(const ir::Module& m, bool snake_names, Diagnostics& diags) {
  Options options;
  options.langs = {"en", "ko"};
  options.snake_names = snake_names;
  options.gpic_version = "fuzz";
  for (const Target* target : TargetRegistry::instance().all()) {
    MemorySink out;
    target->generate(m, options, out, diags);
    target->finish({&m}, options, out, diags);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto files = split_files(input);
  SourceFiles sources;
  Diagnostics diags;
  MemoryLoader loader(files, sources, diags);
  const ir::Module* m = loader.load(std::string(kMainFile));

  if (!diags.has_errors()) {
    (void)to_json(*m).dump();  // what an external plugin is sent
    run_targets(*m, false, diags);
    run_targets(*m, true, diags);
  }

  NullBuffer null;
  std::ostream sink(&null);
  diags.print(sink, sources, false);
  return 0;
}
