// //gpic:readonly in the Python targets' output: a slice Go only reads lends read-only
// buffers (cffi: Nums.arg_ro and no write-back; cpython: SliceArg with Access::ReadOnly),
// and an unmarked one keeps copying them (tests/e2e/test_readonly.py runs both).
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "compiler/output.hpp"
#include "tests/unit/frontend_helpers.hpp"
#include "targets/target.hpp"

namespace gpic {
namespace {

using test::TextSink;

constexpr const char* kSource =
    "package ro \"example.com/ro\"\n\n"
    "//gpic:readonly b\n"
    "func Hash(b []byte) uint64\n\n"
    "func Fill(w []byte) int\n\n"
    "//gpic:readonly xs\n"
    "func Sum(xs []float64) float64\n";

std::string generate(const std::string& target) {
  Diagnostics diags;
  auto m = parse_gpi("/t/ro.gpi", kSource, diags);
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  TextSink sink;
  Options options;
  options.gpic_version = "test";
  const Target* t = TargetRegistry::instance().find(target);
  REQUIRE(t != nullptr);
  t->generate(*m, options, sink, diags);
  REQUIRE_FALSE(diags.has_errors());
  return sink.all;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("readonly") {
  TEST_CASE("cffi: a readonly []byte lends bytes; an unmarked one lends only bytearray and writes back") {
    std::string py = generate("cffi");
    CHECK(has(py, "_gfrom_buffer(b) if _gtype(b) in _glend_read else "));
    CHECK(has(py, ".arg_ro(b)"));
    CHECK(has(py, "_gfrom_buffer(w) if _gtype(w) in _glend_write else "));
    CHECK(has(py, ".arg(w)"));
    CHECK(has(py, ".done(w, "));
    CHECK_FALSE(has(py, ".done(b, "));
    CHECK(has(py, ".arg_ro(xs)"));
    CHECK_FALSE(has(py, ".done(xs, "));
    CHECK(has(py, "_glend_read = _gpic_wire.LEND_READ"));
  }

  TEST_CASE("cpython: only the readonly slices accept read-only buffers") {
    std::string cpp = generate("cpython");
    size_t n = 0;
    for (size_t at = cpp.find("gpic_py::Access::ReadOnly"); at != std::string::npos; at = cpp.find("gpic_py::Access::ReadOnly", at + 1)) ++n;
    CHECK(n == 4);  // the two readonly slices, in the blocking call and in its awaitable start
    CHECK(has(cpp, "gpic_py::SliceArg<uint8_t> a0(gpic_py::codec("));
  }
}

}  // namespace gpic
