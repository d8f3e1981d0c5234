// A constant's value as the cgo shim compiles it (targets/cgo/const_values): every name the
// .gpi declares is qualified, Go's predeclared names are not, and an imported .gpi's names
// bring the import of their own Go package.
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "targets/cgo/const_values.hpp"

namespace gpic {
namespace {

const ir::Const& find(const ir::Module& m, const std::string& name) {
  for (const ir::Const& c : m.consts)
    if (c.name == name) return c;
  FAIL("no constant " << name);
  throw 0;
}

}  // namespace

TEST_CASE("cgo constant values: the module's types and constants are qualified, builtins are not") {
  Diagnostics diags;
  auto m = parse_gpi("/t/u.gpi",
                     "package uuid \"github.com/google/uuid\"\n"
                     "type Domain byte\n"
                     "type Variant byte\n"
                     "const (\n    Person = Domain(0)\n    Group = Domain(1)\n)\n"
                     "const (\n    Invalid = Variant(iota)\n    RFC4122\n)\n"
                     "const Both = Domain(uint8(Group) + 1)\n"
                     "const Len = len(\"abc\") + Size\n"
                     "const Size = 1 << (10 * (iota + 1))\n"
                     "const Yes = true && Size > 0\n",
                     diags);
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  cgo::ConstValues values(*m);
  CHECK(values.imports().empty());
  CHECK(values.go_value(find(*m, "Group")) == "gopkg.Domain(1)");
  CHECK(values.go_value(find(*m, "RFC4122")) == "gopkg.Variant(1)");
  CHECK(values.go_value(find(*m, "Both")) == "gopkg.Domain(uint8(gopkg.Group) + 1)");
  CHECK(values.go_value(find(*m, "Len")) == "len(\"abc\") + gopkg.Size");
  CHECK(values.go_value(find(*m, "Size")) == "1 << (10 * (0 + 1))");
  CHECK(values.go_value(find(*m, "Yes")) == "true && gopkg.Size > 0");
}

TEST_CASE("cgo constant values: an imported .gpi's constant is read from its own Go package") {
  Diagnostics diags;
  auto geometry = parse_gpi("/t/geometry.gpi", "package geometry \"example.com/geometry\"\nconst Dims = 3\n", diags);
  check_module(*geometry, diags);
  auto m = parse_gpi("/t/shapes.gpi",
                     "package shapes \"example.com/shapes\"\nimport \"geometry.gpi\"\n"
                     "const Corners = geometry.Dims * 2\nconst Plain = 1\n",
                     diags);
  m->imports[0].module = geometry.get();
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  cgo::ConstValues values(*m);
  REQUIRE(values.imports().size() == 1);
  CHECK(values.imports()[0].first == "gopkg_geometry");
  CHECK(values.imports()[0].second == "example.com/geometry");
  CHECK(values.go_value(find(*m, "Corners")) == "gopkg_geometry.Dims * 2");
}

}  // namespace gpic
