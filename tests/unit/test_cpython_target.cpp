// The cpython target: its output for fixed inputs against golden files, and the pieces it is
// built from (C++ literals, the codec table).
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "targets/cpython/cpp_literal.hpp"
#include "targets/cpython/module_writer.hpp"
#include "targets/target.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

struct Sink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
};

std::unique_ptr<ir::Module> load(const std::string& rel, Diagnostics& diags) {
  std::string text = testing::read_text(testing::golden_path(rel));
  auto m = parse_gpi("/golden/" + rel, text, diags);
  check_module(*m, diags);
  return m;
}

Sink generate(const ir::Module& m, Diagnostics& diags) {
  Sink sink;
  Options options;
  options.gpic_version = "test";
  const Target* t = TargetRegistry::instance().find("cpython");
  REQUIRE(t != nullptr);
  t->generate(m, options, sink, diags);
  return sink;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("cpython output for calc.gpi") {
    Diagnostics diags;
    auto m = load("inputs/calc.gpi", diags);
    Sink out = generate(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("cpython/calc_cpython/calc.cpp", out.files.at("calc_cpython/calc.cpp"));
    CHECK_GOLDEN("cpython/calc_cpython/calc_python.hpp", out.files.at("calc_cpython/calc_python.hpp"));
    for (const char* f : {"gpic_rt_source.hpp", "gpic_cpython.hpp", "gpic_cpython_values.hpp", "gpic_cpython_impl.hpp", "gpic_cpython_dispatch.hpp",
                          "gpic_cpython_module.hpp", "cpython_build.py"})
      CHECK_MESSAGE(out.files.count(std::string("calc_cpython/") + f) == 1, f);
  }

  TEST_CASE("cpython output for zoo.gpi: classes, fields, methods, interfaces, callbacks, variadics") {
    Diagnostics diags;
    auto m = load("pyi/input/zoo.gpi", diags);
    Sink out = generate(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("cpython/zoo_cpython/zoo.cpp", out.files.at("zoo_cpython/zoo.cpp"));
    CHECK_GOLDEN("cpython/zoo_cpython/zoo_python.hpp", out.files.at("zoo_cpython/zoo_python.hpp"));
  }
}

TEST_SUITE("targets") {
  TEST_CASE("the cpython target names itself when the ABI cannot carry a construct") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Make() [][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]int\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    Sink out = generate(*m, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all().front().message.find("the cpython target cannot bind") == 0);
    CHECK(out.files.empty());
  }

  TEST_CASE("C++ string literals hold any doc text") {
    using cpython::cpp_string;
    CHECK(cpp_string("") == "\"\"");
    CHECK(cpp_string("a \"q\" \\ b") == "\"a \\\"q\\\" \\\\ b\"");
    CHECK(cpp_string("one\ntwo") == "\"one\\n\"\n    \"two\"");
    CHECK(cpp_string("?" "?=") == "\"\\?\\?=\"");
    CHECK(cpp_string(std::string("nul\0" "7", 5)) == "\"nul\\0007\"");
    CHECK(cpp_string("안녕") == "\"안녕\"");
  }

  TEST_CASE("raw strings pick a delimiter the text does not contain") {
    CHECK(cpython::raw_string("x = 1", "py") == "R\"py(x = 1)py\"");
    CHECK(cpython::raw_string("s = ')py\"'", "py") == "R\"py0(s = ')py\"')py0\"");
  }
}

}  // namespace gpic
