// The go target (issue 13): its API for a fixed python: input against a golden file, and what
// it and the checker refuse.
#include <doctest/doctest.h>

#include <map>

#include "compiler/frontend.hpp"
#include "targets/target.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

struct MemorySink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
};

std::unique_ptr<ir::Module> check(const std::string& text, Diagnostics& diags) {
  auto m = parse_gpi("/t/m.gpi", text, diags);
  check_module(*m, diags);
  return m;
}

MemorySink go(const ir::Module& m, Diagnostics& diags, std::map<std::string, std::string> params = {}) {
  MemorySink sink;
  Options options;
  options.params = std::move(params);
  TargetRegistry::instance().find("go")->generate(m, options, sink, diags);
  return sink;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("go output for outliers.gpi") {
    Diagnostics diags;
    std::string text = testing::read_text(testing::golden_path("go/input/outliers.gpi"));
    auto m = parse_gpi("/golden/outliers.gpi", text, diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = go(*m, diags, {{"go.python", "/usr/bin/python3"}});
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("go/outliers.go", out.files.at("outliers.go"));
    CHECK_GOLDEN("go/gpic_config.go", out.files.at("gpic_config.go"));
    CHECK(out.files.at("go.mod") == "module outliers\n\ngo 1.24\n");
    // The runtime's C symbols carry the package's name: two packages link into one program.
    CHECK(out.files.at("gpic_python.h").find("gpic_outliers_invoke") != std::string::npos);
    CHECK(out.files.at("gpic_python.c").find("GPICPKG") == std::string::npos);
  }
}

TEST_SUITE("go target") {
  TEST_CASE("the python: clause names the module; the Go package is the package name") {
    Diagnostics diags;
    auto m = check("package m \"python:pkg.sub\"\n\nfunc F() error\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(m->python_module == "pkg.sub");
    CHECK(m->go_path == "m");
    CHECK(m->go_version.empty());
  }

  TEST_CASE("a Python-backed call must end in error, reported at the declaration") {
    Diagnostics diags;
    check("package m \"python:m\"\n\ntype S interface {\n\tArea() float64\n}\n\nfunc F() int\n", diags);
    REQUIRE(diags.error_count() == 2);
    CHECK(diags.all()[0].loc.line == 7);
    CHECK(diags.all()[0].message.find("function 'F' is backed by Python") == 0);
    CHECK(diags.all()[1].loc.line == 4);
    CHECK(diags.all()[1].message.find("interface method 'S.Area' is backed by Python") == 0);
  }

  TEST_CASE("a Go package needs no error results") {
    Diagnostics diags;
    check("package m \"example.com/m\"\n\nfunc F() int\n", diags);
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("a type the go target cannot carry is an error at the type") {
    Diagnostics diags;
    auto m = check("package m \"python:m\"\n\nfunc F(r io.Reader) error\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = go(*m, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].loc.line == 3);
    CHECK(diags.all()[0].message.find("the go target cannot pass io.Reader") == 0);
    CHECK(out.files.empty());
  }

  TEST_CASE("a Python callable returned to Go must be able to fail") {
    Diagnostics diags;
    auto m = check("package m \"python:m\"\n\nfunc F() (func(x int) int, error)\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = go(*m, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].loc.line == 3);
    CHECK(diags.all()[0].message.find("its func type must end in an error result") != std::string::npos);
    CHECK(out.files.empty());
  }

  TEST_CASE("a class embeds only another class of its file") {
    Diagnostics diags;
    auto m = check("package m \"python:m\"\n\ntype B struct{}\n\ntype S interface {\n\tF() error\n}\n\n"
                   "type T struct {\n\tB\n\tS\n}\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = go(*m, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].loc.line == 11);
    CHECK(diags.all()[0].message == "the go target embeds only another class of this package in a Python class");
  }

  TEST_CASE("a field's setter must not clash with a declared method") {
    Diagnostics diags;
    auto m = check("package m \"python:m\"\n\ntype T struct {\n\tN int\n}\n\nfunc (t *T) SetN(n int) error\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    go(*m, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].loc.line == 7);
    CHECK(diags.all()[0].message.find("'SetN' is the method that sets the attribute n of field N") == 0);
  }

  TEST_CASE("without an interpreter, cgo asks pkg-config for python3-embed") {
    Diagnostics diags;
    auto m = check("package m \"python:m\"\n\nfunc F() error\n", diags);
    MemorySink out = go(*m, diags);
    CHECK(out.files.at("gpic_config.go").find("// #cgo pkg-config: python3-embed\n") != std::string::npos);
  }
}

}  // namespace gpic
