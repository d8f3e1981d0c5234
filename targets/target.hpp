// The interface every code generator implements, and the registry that finds them by name.
//
// Shaped like protoc's CodeGenerator: a target reads one checked ir::Module and writes files
// through a FileSink; it reports problems (a construct it cannot bind) as diagnostics at the
// construct's .gpi position instead of emitting broken code.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Options that reach every target. Target-specific settings travel in `params`
/// (`--param cffi.foo=bar` style) so adding one needs no change here.
struct Options {
  std::vector<std::string> langs = {"en"};      // docs: languages to write
  bool snake_names = false;                      // --py-names=snake
  std::map<std::string, std::string> params;     // free-form key=value
  std::string gpic_version;
};

/// Where a target puts its output. Paths are relative to the output directory.
class FileSink {
 public:
  virtual ~FileSink() = default;
  virtual void write(const std::string& path, std::string content) = 0;
};

class Target {
 public:
  virtual ~Target() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view summary() const = 0;
  /// Which .gpi files the target reads: Go packages Python calls (the default), Python modules
  /// Go calls (`package m "python:m"`, the go target), or both (docs, stubs). The driver
  /// refuses the others at the package clause.
  enum class Reads { GoPackages, PythonModules, Both };
  virtual Reads reads() const { return Reads::GoPackages; }
  /// Writes the target's files for `module`. Reports any construct it cannot handle as an
  /// error at that construct's location; the driver then writes nothing at all.
  virtual void generate(const ir::Module& module, const Options& options, FileSink& out,
                        Diagnostics& diags) const = 0;
  /// Per-run hook after all modules (docs uses it for cross-module indexes). Optional.
  virtual void finish(const std::vector<const ir::Module*>& /*modules*/, const Options& /*options*/,
                      FileSink& /*out*/, Diagnostics& /*diags*/) const {}
};

class TargetRegistry {
 public:
  static TargetRegistry& instance();
  void add(std::unique_ptr<Target> target);
  const Target* find(std::string_view name) const;
  /// Built-in targets, sorted by name.
  std::vector<const Target*> all() const;

 private:
  std::vector<std::unique_ptr<Target>> targets_;
};

/// Registers a built-in target at static-initialisation time: `GPIC_REGISTER_TARGET(CffiTarget);`
/// in the target's .cpp. (The targets are linked as an object library, so nothing is dropped.)
#define GPIC_REGISTER_TARGET(Class)                                                  \
  namespace {                                                                        \
  const bool gpic_registered_##Class = [] {                                          \
    ::gpic::TargetRegistry::instance().add(std::make_unique<Class>());               \
    return true;                                                                     \
  }();                                                                               \
  }

}  // namespace gpic
