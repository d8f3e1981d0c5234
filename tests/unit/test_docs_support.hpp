// Helpers for the docs target's unit tests: parse and check .gpi text (from strings, temporary
// files or the golden inputs) and run the docs target into memory.
#pragma once

#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/frontend.hpp"
#include "targets/target.hpp"

namespace gpic::docs_test {

struct MemorySink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
  const std::string& at(const std::string& path) const {
    auto it = files.find(path);
    REQUIRE_MESSAGE(it != files.end(), "no output file " << path);
    return it->second;
  }
};

/// Modules parsed and checked from text; `imports` name modules loaded before, by import path.
struct Modules {
  Diagnostics diags;
  std::vector<std::unique_ptr<ir::Module>> owned;

  ir::Module& add(const std::string& path, const std::string& text) {
    owned.push_back(parse_gpi(path, text, diags));
    ir::Module& m = *owned.back();
    for (auto& imp : m.imports)
      for (auto& other : owned)
        if (std::filesystem::path(other->file).filename() == imp.path) imp.module = other.get();
    check_module(m, diags);
    return m;
  }

  std::vector<const ir::Module*> all() const {
    std::vector<const ir::Module*> out;
    for (const auto& m : owned) out.push_back(m.get());
    return out;
  }
};

/// A .gpi written to a fresh temporary directory, so that warnings can quote exact columns
/// (the docs target reads the source for positions inside doc comments).
inline std::string write_temp_gpi(const std::string& name, const std::string& text) {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("gpic-docs-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

inline Options docs_options(std::vector<std::string> langs = {"en", "ko"}) {
  Options o;
  o.langs = std::move(langs);
  o.gpic_version = "TEST";
  return o;
}

/// generate() for each module, then finish(): what the driver does.
inline MemorySink run_docs(const std::vector<const ir::Module*>& modules, const Options& options, Diagnostics& diags) {
  const Target* t = TargetRegistry::instance().find("docs");
  REQUIRE(t != nullptr);
  MemorySink sink;
  for (const ir::Module* m : modules) t->generate(*m, options, sink, diags);
  t->finish(modules, options, sink, diags);
  return sink;
}

/// The diagnostics whose message contains `needle`.
inline std::vector<Diagnostic> find_diags(const Diagnostics& diags, const std::string& needle) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.all())
    if (d.message.find(needle) != std::string::npos) out.push_back(d);
  return out;
}

}  // namespace gpic::docs_test
