// Wheel versions from Go module versions (compiler/wheel_version.*): every form Go writes that
// has a PEP 440 spelling gets it, and sorts as Go sorts; the rest needs --wheel-version.
#include <doctest/doctest.h>

#include "compiler/wheel_version.hpp"

using namespace gpic;

TEST_SUITE("wheel version") {

TEST_CASE("releases, pre-releases and pseudo-versions") {
  CHECK(pep440_from_go("v1.6.0") == "1.6.0");
  CHECK(pep440_from_go("v2.0.1+incompatible") == "2.0.1");
  CHECK(pep440_from_go("v1.2.0-rc.1") == "1.2.0rc1");
  CHECK(pep440_from_go("v1.2.0-beta.2") == "1.2.0b2");
  CHECK(pep440_from_go("v1.2.0-alpha.10") == "1.2.0a10");
  CHECK(pep440_from_go("v0.0.0-20240102150405-abcdef123456") == "0.0.0.dev20240102150405");
  CHECK(pep440_from_go("v1.2.4-0.20240102150405-abcdef123456") == "1.2.4.dev20240102150405");
  CHECK(pep440_from_go("v1.2.4-rc.1.0.20240102150405-abcdef123456") == "1.2.4.dev20240102150405");
}

TEST_CASE("versions with no PEP 440 spelling are refused") {
  CHECK_FALSE(pep440_from_go(""));
  CHECK_FALSE(pep440_from_go("latest"));
  CHECK_FALSE(pep440_from_go("v1.2"));
  CHECK_FALSE(pep440_from_go("v1.2.0-custom.build"));
  CHECK_FALSE(pep440_from_go("1.2.0"));
}

TEST_CASE("what --wheel-version accepts") {
  for (const char* ok : {"1", "1.0", "1.6.0", "2.0rc1", "1.0.post2", "0.0.0.dev20240102150405", "1.0a1.dev3"})
    CHECK_MESSAGE(is_pep440(ok), ok);
  for (const char* bad : {"", "v1.0", "1.0-rc1", "1.0/../x", "1..0", "1.0 ", "1.0+local"})
    CHECK_MESSAGE(!is_pep440(bad), bad);
}

TEST_CASE("what --wheel-name accepts") {
  for (const char* ok : {"uuid", "go-humanize", "Go_Humanize.2", "x"}) CHECK_MESSAGE(is_distribution_name(ok), ok);
  for (const char* bad : {"", "-x", "x-", "a/b", "a b", "../x", "x\n"}) CHECK_MESSAGE(!is_distribution_name(bad), bad);
}

}  // TEST_SUITE
