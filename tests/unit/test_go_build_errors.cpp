// go build's errors read back onto the .gpi (compiler/go_build_errors.*): a mismatch between a
// .gpi and its Go package is reported once, at the .gpi position, in words about the .gpi (the
// shim's alias and helper names left out); what follows from it in generated files is left out;
// any other failure is shown as Go wrote it.
#include <doctest/doctest.h>

#include "compiler/go_build_errors.hpp"

using namespace gpic;

TEST_SUITE("go build errors") {

TEST_CASE("each kind of shim check is explained in words about the .gpi") {
  CHECK(explain_go_mismatch("cannot use gopkg.Greet (value of type func(name string) string) as func(int) "
                            "string value in variable declaration") ==
        "Greet is declared here as func(int) string, but in the Go package it is func(name string) string");
  CHECK(explain_go_mismatch("cannot use (*gopkg.Point).Scale (value of type func(p *gopkg.Point, f float64)) as "
                            "func(*gopkg.Point, int) value in variable declaration") ==
        "(*Point).Scale is declared here as func(*Point, int), but in the Go package it is func(p *Point, f float64)");
  CHECK(explain_go_mismatch("cannot use gopkg.Answer (untyped int constant 42) as string value in constant "
                            "declaration") ==
        "Answer is declared here as string, but in the Go package it is untyped int constant 42");
  CHECK(explain_go_mismatch("undefined: gopkg.Missing") ==
        "Missing is not in the Go package (is it unexported, misspelt, or from another version?)");
  CHECK(explain_go_mismatch("o.Y undefined (type *gopkg.Point has no field or method Y)") ==
        "*Point has no field or method Y in the Go package");
  CHECK(explain_go_mismatch("cannot use o.X (variable of type int) as string value in return statement") ==
        "field X is declared here as string, but in the Go package it is int");
  CHECK(explain_go_mismatch("duplicate key false in map literal", "const MaxItems int = 1000", 7) ==
        "the package's MaxItems does not have the value the .gpi gives it");
  // Anything else is Go's own words, without the shim's names.
  CHECK(explain_go_mismatch("constant 300 overflows gopkg.Domain") == "constant 300 overflows Domain");
  CHECK(explain_go_mismatch("invalid operation: gopkg.Org == gpicWantOrg (mismatched types)") ==
        "invalid operation: Org == the .gpi's value (mismatched types)");
  CHECK(explain_go_mismatch("undefined: gopkg_geometry.Vec") == "undefined: geometry.Vec");
  CHECK(explain_go_mismatch("cannot use \"x\" (untyped string constant) as gopkg.Domain value in constant declaration") ==
        "cannot use \"x\" (untyped string constant) as Domain value in constant declaration");
}

TEST_CASE("errors at the .gpi become diagnostics there; generated files' errors are left out") {
  SourceFiles sources;
  sources.add("calc.gpi", "package calc \"example.com/calc\"\n\nfunc Add(a int) string\nfunc Sub(a int) int\n");
  Diagnostics diags;
  report_go_build_errors("# gpic.generated/calc_cgo\n"
                         "./calc.gpi:3:6: cannot use gopkg.Add (value of type func(a int) int) as func(int) string "
                         "value in variable declaration\n"
                         "out/calc_cgo/calc_shim.go:21:20: cannot use v0 (variable of type int) as string value\n"
                         "./calc.gpi:4:12: undefined: gopkg.Sub\n",
                         ".", sources, "go build failed", diags);
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].loc.file == "calc.gpi");
  CHECK(diags.all()[0].loc.line == 3);
  CHECK(diags.all()[0].loc.col == 6);
  CHECK(diags.all()[0].message ==
        "Add is declared here as func(int) string, but in the Go package it is func(a int) int");
  // Go places `undefined: gopkg.Sub` at Sub past the alias: the diagnostic is at the .gpi's name.
  CHECK(diags.all()[1].loc.line == 4);
  CHECK(diags.all()[1].loc.col == 6);
}

TEST_CASE("a constant's comparison repeats an error on its line; continuation lines join; repeats go") {
  SourceFiles sources;
  sources.add("/t/e.gpi", "package e \"example.com/e\"\ntype Domain byte\nconst Group = Domain(300)\nconst Org = Domain(7)\n");
  Diagnostics diags;
  report_go_build_errors("/t/e.gpi:3:22: constant 300 overflows gopkg.Domain\n"
                         "/t/e.gpi:3:7: duplicate key false in map literal\n"
                         "/t/e.gpi:4:7: duplicate key false in map literal\n"
                         "/t/e.gpi:2:6: method has the wrong type\n"
                         "\thave String() int\n"
                         "/t/e.gpi:2:6: method has the wrong type\n"
                         "\thave String() int\n",
                         "/", sources, "go build failed", diags);
  const auto& all = diags.all();
  REQUIRE(all.size() == 3);
  CHECK(all[0].message == "constant 300 overflows Domain");
  CHECK(all[1].loc.line == 4);
  CHECK(all[1].message == "the package's Org does not have the value the .gpi gives it");
  CHECK(all[2].message == "method has the wrong type; have String() int");
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
