// go build's errors about a .gpi become gpic's diagnostics at their position
// (compiler/go_diagnostics), in the .gpi's words.
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "compiler/go_diagnostics.hpp"

namespace gpic {

TEST_CASE("go errors at a .gpi position are diagnostics there; the others are returned") {
  Diagnostics diags;
  auto m = parse_gpi("/t/e.gpi",
                     "package e \"example.com/e\"\ntype Domain byte\nconst Group = Domain(300)\nconst Org = Domain(7)\n",
                     diags);
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  std::string go =
      "# gpic.generated/e_cgo\n"
      "/t/e.gpi:3:22: constant 300 overflows gopkg.Domain\n"
      "/t/e.gpi:3:7: duplicate key false in map literal\n"
      "/t/e.gpi:4:7: duplicate key false in map literal\n"
      "/t/e.gpi:4:7: invalid operation: gopkg.Org == gpicWantOrg (mismatched types)\n"
      "/t/e.gpi:2:6: method has the wrong type\n"
      "\thave String() int\n"
      "/t/other.gpi:1:1: elsewhere\n"
      "e_cgo/e_shim.go:10:2: undefined: gopkg_geometry.Vec\n";
  std::string rest = report_go_errors(go, *m, diags);
  CHECK(rest == "/t/other.gpi:1:1: elsewhere\ne_cgo/e_shim.go:10:2: undefined: gopkg_geometry.Vec\n");
  const auto& all = diags.all();
  REQUIRE(all.size() == 4);
  CHECK(all[0].loc.line == 3);
  CHECK(all[0].loc.col == 22);
  CHECK(all[0].message == "constant 300 overflows Domain");
  CHECK(all[1].loc.line == 4);
  CHECK(all[1].message == "the package's Org does not have the value the .gpi gives it");
  CHECK(all[2].message == "invalid operation: Org == the .gpi's value (mismatched types)");
  CHECK(all[3].loc.line == 2);
  CHECK(all[3].message == "method has the wrong type; have String() int");
  CHECK(all[0].loc.file == "/t/e.gpi");
}

}  // namespace gpic
