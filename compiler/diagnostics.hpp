// Diagnostics in clang's format: `file:line:col: error: message`, the source line, a caret.
//
// Every stage reports into one Diagnostics object so that all errors of a run are printed
// together; the driver decides from has_errors() whether anything may be written.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "compiler/limits.hpp"

namespace gpic {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity;
  ir::Loc loc;                      // line 0: no position (a whole-file or command-line problem)
  std::string message;
};

/// Keeps the text of every file read, so a diagnostic can quote its line.
class SourceFiles {
 public:
  /// Registers `text` as the contents of `path` (the driver reads files; tests pass strings).
  void add(const std::string& path, std::string text);
  const std::string* text(const std::string& path) const;
  /// The 1-based line `line` of `path`, without its newline; empty if unknown.
  std::string line(const std::string& path, int line) const;
  /// Every path registered, in order.
  std::vector<std::string> paths() const;

 private:
  struct File {
    std::string text;
    // Offsets at which each line starts, found on the first line() asked of this file, so that
    // quoting every one of many diagnostics does not rescan the file from its beginning.
    mutable std::vector<size_t> line_starts;
  };
  std::map<std::string, File> files_;
};

class Diagnostics {
 public:
  void error(const ir::Loc& loc, std::string message);
  void warning(const ir::Loc& loc, std::string message);
  void note(const ir::Loc& loc, std::string message);
  /// Warnings named in `names` (e.g. "missing-translation") become errors: --Werror=NAME.
  void warning(const ir::Loc& loc, const std::string& name, std::string message);
  void set_werror(const std::string& name) { werror_.push_back(name); }
  /// print() shows at most `limit` errors and, separately, `limit` warnings (with their
  /// notes), then says how many more there are: --error-limit, 0 for no limit.
  void set_limit(int limit) { limit_ = limit; }

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return list_; }
  void clear() { list_.clear(); errors_ = 0; }

  /// Prints every diagnostic, sorted by file position within each file, clang-style.
  void print(std::ostream& out, const SourceFiles& sources, bool color) const;
  /// One diagnostic, as print() writes it (used by tests). A long source line is quoted as a
  /// window around the column, so that every diagnostic has a bounded size.
  static std::string format(const Diagnostic& d, const SourceFiles& sources, bool color);

 private:
  void add(Severity s, const ir::Loc& loc, std::string message);
  std::vector<Diagnostic> list_;
  std::vector<std::string> werror_;
  int errors_ = 0;
  int limit_ = limits::kDefaultErrorLimit;
};

}  // namespace gpic
