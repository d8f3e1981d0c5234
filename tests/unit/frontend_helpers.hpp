// Shared by the parser, checker and diagnostics tests: run the front end on a string.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/frontend.hpp"
#include "compiler/ir.hpp"
#include "compiler/output.hpp"

namespace doctest {
// Lists of messages print in full when a check fails.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& list) {
    std::string out = "{";
    for (size_t i = 0; i < list.size(); ++i) out += (i ? ", \"" : "\"") + list[i] + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace gpic::test {

/// A FileSink that keeps every file a target writes as one text, for tests that look for what
/// a target generates without writing files.
struct TextSink : FileSink {
  std::string all;
  void write(const std::string&, std::string content) override { all += content; }
};

struct FrontEnd {
  std::unique_ptr<ir::Module> module;
  Diagnostics diags;
  SourceFiles sources;

  /// Every diagnostic as the user would see it (shown by doctest when a check fails).
  std::string printed() const {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += Diagnostics::format(d, sources, false);
    return out;
  }
};

/// Parses `text` as the file "test.gpi".
inline std::unique_ptr<FrontEnd> parse(const std::string& text, const std::string& path = "test.gpi") {
  auto fe = std::make_unique<FrontEnd>();
  fe->sources.add(path, text);
  fe->module = parse_gpi(path, text, fe->diags);
  return fe;
}

/// Parses and checks `text`; the file's imports are left unloaded.
inline std::unique_ptr<FrontEnd> check(const std::string& text) {
  auto fe = parse(text);
  check_module(*fe->module, fe->diags);
  return fe;
}

/// The only error of a run; fails the test when there is not exactly one.
inline Diagnostic only_error(const FrontEnd& fe) {
  INFO(fe.printed());
  REQUIRE(fe.diags.error_count() == 1);
  for (const Diagnostic& d : fe.diags.all())
    if (d.severity == Severity::Error) return d;
  return {};
}

/// Checks that `text` yields exactly one error, `message` at line:col.
inline void expect_error(const std::string& text, const std::string& message, int line, int col) {
  auto fe = check(text);
  Diagnostic d = only_error(*fe);
  CHECK(d.message == message);
  CHECK(d.loc.line == line);
  CHECK(d.loc.col == col);
}

inline void expect_clean(const FrontEnd& fe) {
  INFO(fe.printed());
  CHECK(fe.diags.all().empty());
}

}  // namespace gpic::test
