// The package clause's `@version`: split off where the clause becomes IR, so the import path
// the checker and the generated Go see never carries it.
#include <doctest/doctest.h>

#include "compiler/import_version.hpp"
#include "compiler/ir_json.hpp"
#include "frontend_helpers.hpp"

namespace gpic {

TEST_SUITE("import version") {

TEST_CASE("a path without @ has no version") {
  auto r = split_import_version("github.com/google/uuid");
  CHECK(r.path == "github.com/google/uuid");
  CHECK(r.version.empty());
  CHECK(r.error.empty());
}

TEST_CASE("one @version is split off the path") {
  auto r = split_import_version("github.com/google/uuid@v1.6.0");
  CHECK(r.path == "github.com/google/uuid");
  CHECK(r.version == "v1.6.0");
  CHECK(r.error.empty());
  auto pseudo = split_import_version("example.com/m/sub@v0.0.0-20240102030405-abcdef123456");
  CHECK(pseudo.path == "example.com/m/sub");
  CHECK(pseudo.version == "v0.0.0-20240102030405-abcdef123456");
  CHECK(pseudo.error.empty());
  CHECK(split_import_version("example.com/m@latest").error.empty());
}

TEST_CASE("malformed versions are refused, with the reason") {
  CHECK(split_import_version("example.com/m@v1@v2").error == "the import path may carry one @version, not several");
  CHECK(split_import_version("example.com/m@").error.rfind("an empty @version", 0) == 0);
  CHECK(split_import_version("@v1.0.0").error == "@v1.0.0 names a version of no import path");
  CHECK(split_import_version("example.com/m@v1 0").error.find("not ' '") != std::string::npos);
  CHECK(split_import_version("example.com/m@v1\"x").error.find("not '\"'") != std::string::npos);
}

TEST_CASE("the package clause keeps the path and the version apart") {
  auto fe = test::parse("package uuid \"github.com/google/uuid@v1.6.0\"\n");
  test::expect_clean(*fe);
  CHECK(fe->module->go_path == "github.com/google/uuid");
  CHECK(fe->module->go_version == "v1.6.0");

  auto plain = test::parse("package shapes \"example.com/shapes\"\n");
  CHECK(plain->module->go_version.empty());
}

TEST_CASE("plugins read the version beside the path in the JSON IR") {
  auto fe = test::parse("package uuid \"github.com/google/uuid@v1.6.0\"\n");
  auto j = to_json(*fe->module);
  CHECK(j.at("go_path") == "github.com/google/uuid");
  CHECK(j.at("go_version") == "v1.6.0");
}

TEST_CASE("two versions in the package clause are an error at the path") {
  test::expect_error("package uuid \"github.com/google/uuid@v1@v2\"\n",
                     "bad package path: the import path may carry one @version, not several", 1, 14);
}

}  // TEST_SUITE

}  // namespace gpic
