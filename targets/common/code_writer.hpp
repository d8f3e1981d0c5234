// The one code-writer every target emits through (after protoc's io::Printer).
//
//   CodeWriter w;
//   w.print("def $name$($params$):\n", {{"name", "Add"}, {"params", "a, b"}});
//   { auto in = w.indent(); w.print("return $x$\n", {{"x", "a + b"}}); }
//
// `$var$` substitutes a variable (`$$` is a literal dollar); every line is prefixed with the
// current indentation, except empty lines, which stay empty so the output has no trailing
// whitespace (gofmt and flake8 both care). A multi-line substitution is indented line by line.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace gpic {

class CodeWriter {
 public:
  using Vars = std::map<std::string, std::string, std::less<>>;

  explicit CodeWriter(std::string indent_unit = "    ") : unit_(std::move(indent_unit)) {}

  /// Emits `tmpl` with `$name$` replaced from `vars` (an unknown name throws std::logic_error:
  /// a typo in a template is a gpic bug, and must not reach generated code).
  void print(std::string_view tmpl, const Vars& vars = {});
  /// print() with the variables set by set() merged in (local vars win).
  void operator()(std::string_view tmpl, const Vars& vars = {}) { print(tmpl, vars); }

  /// Variables visible to every following print() (e.g. the module name).
  void set(const std::string& name, std::string value) { globals_[name] = std::move(value); }

  /// Scoped indentation: one level until the guard is destroyed.
  class Indent {
   public:
    explicit Indent(CodeWriter& w) : w_(&w) { ++w_->level_; }
    Indent(Indent&& o) noexcept : w_(std::exchange(o.w_, nullptr)) {}
    Indent(const Indent&) = delete;
    Indent& operator=(const Indent&) = delete;
    ~Indent() { if (w_) --w_->level_; }
   private:
    CodeWriter* w_;
  };
  [[nodiscard]] Indent indent() { return Indent(*this); }

  /// Ensures the output ends with exactly `n` empty lines (used between Python top-level defs).
  void blank_lines(int n);

  /// The 1-based number of the line the next character goes to (for Go's //line directives).
  int current_line() const { return newlines_ + 1; }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void put(std::string_view text);
  std::string unit_;
  std::string out_;
  Vars globals_;
  int level_ = 0;
  int newlines_ = 0;
  bool at_line_start_ = true;
};

}  // namespace gpic
