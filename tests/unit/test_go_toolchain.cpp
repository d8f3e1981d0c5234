// What gpic reads from the Go toolchain: its version, and the `go` line a build's go.work gets.
#include <doctest/doctest.h>

#include "compiler/go_toolchain.hpp"

namespace gpic {

TEST_CASE("a go.work's go line is the toolchain's full version, pre-releases included") {
  // `go mod init` writes the toolchain's full version into go.mod; a workspace whose go line
  // said only "1.26" would be refused for requiring less than its member module.
  auto v = parse_go_version("go1.26.8\n");
  REQUIRE(v);
  CHECK(v->go_line() == "1.26.8");
  CHECK(at_least_minimum(*v));
  auto rc = parse_go_version("go1.24rc1");
  REQUIRE(rc);
  CHECK(rc->go_line() == "1.24rc1");
  auto old = parse_go_version("go1.23.4");
  REQUIRE(old);
  CHECK_FALSE(at_least_minimum(*old));
  CHECK_FALSE(parse_go_version("devel"));
}

}  // namespace gpic
