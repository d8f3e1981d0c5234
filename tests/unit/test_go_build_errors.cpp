// go build's errors read back onto the .gpi (compiler/go_build_errors.*): a mismatch between a
// .gpi and its Go package is reported once, at the .gpi position, in words about the .gpi; what
// follows from it in generated files is left out; any other failure is shown as Go wrote it.
#include <doctest/doctest.h>

#include "compiler/go_build_errors.hpp"

using namespace gpic;

TEST_SUITE("go build errors") {

TEST_CASE("each kind of shim check is explained in words about the .gpi") {
  CHECK(explain_go_mismatch("cannot use gopkg.Greet (value of type func(name string) string) as func(int) "
                            "string value in variable declaration") ==
        "Greet is declared here as func(int) string, but in the Go package it is func(name string) string");
  CHECK(explain_go_mismatch("cannot use gopkg.Answer (untyped int constant 42) as string value in constant "
                            "declaration") ==
        "Answer is declared here as string, but in the Go package it is untyped int constant 42");
  CHECK(explain_go_mismatch("undefined: gopkg.Missing") ==
        "Missing is not in the Go package (is it unexported, misspelt, or from another version?)");
  CHECK(explain_go_mismatch("o.Y undefined (type *gopkg.Point has no field or method Y)") ==
        "*Point has no field or method Y in the Go package");
  CHECK(explain_go_mismatch("cannot use o.X (variable of type int) as string value in return statement") ==
        "o.X is declared here as string, but in the Go package it is int");
  CHECK(explain_go_mismatch("duplicate key false in map literal") ==
        "the value given here differs from the constant's value in the Go package");
  CHECK(explain_go_mismatch("something new in gopkg.T") ==
        "the Go package does not match this declaration: something new in T");
}

TEST_CASE("errors at the .gpi become diagnostics there; generated files' errors are left out") {
  SourceFiles sources;
  sources.add("calc.gpi", "package calc \"example.com/calc\"\n\nfunc Add(a int) string\n");
  Diagnostics diags;
  report_go_build_errors("# gpic.generated/calc_cgo\n"
                         "./calc.gpi:3:6: cannot use gopkg.Add (value of type func(a int) int) as func(int) string "
                         "value in variable declaration\n"
                         "out/.gpic-build/calc/calc_cgo/calc_shim.go:21:20: cannot use v0 (variable of type int) as "
                         "string value in assignment\n",
                         ".", sources, "go build failed", diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].loc.file == "calc.gpi");
  CHECK(diags.all()[0].loc.line == 3);
  CHECK(diags.all()[0].loc.col == 6);
  CHECK(diags.all()[0].message ==
        "Add is declared here as func(int) string, but in the Go package it is func(a int) int");
}

TEST_CASE("a failure elsewhere is reported whole, under its heading") {
  SourceFiles sources;
  sources.add("calc.gpi", "package calc \"example.com/calc\"\n");
  Diagnostics diags;
  std::string output = "go: example.com/calc@v1.0.0: missing go.sum entry\n";
  report_go_build_errors(output, ".", sources, "go build failed for package calc", diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].loc.line == 0);
  CHECK(diags.all()[0].message == "go build failed for package calc:\n" + output);
}

}  // TEST_SUITE
