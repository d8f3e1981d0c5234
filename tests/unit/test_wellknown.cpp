// The standard library's well-known types (targets/common/wellknown.hpp): a .gpi names them
// without an import, each crosses in the wire format with the runtime's codecs, and the Go
// files import exactly the standard-library packages they spell.
#include <doctest/doctest.h>

#include <map>

#include "compiler/frontend.hpp"
#include "compiler/output.hpp"
#include "targets/common/wellknown.hpp"
#include "targets/target.hpp"

namespace gpic {
namespace {

struct FileTexts : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
  std::string ending(const std::string& suffix) const {
    for (const auto& [path, text] : files)
      if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
        return text;
    return "";
  }
};

FileTexts generate(const std::string& target, const std::string& source) {
  Diagnostics diags;
  auto m = parse_gpi("/t/wk.gpi", source, diags);
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  FileTexts sink;
  Options options;
  options.gpic_version = "test";
  const Target* t = TargetRegistry::instance().find(target);
  REQUIRE(t != nullptr);
  t->generate(*m, options, sink, diags);
  REQUIRE_FALSE(diags.has_errors());
  return sink;
}

constexpr const char* kSource =
    "package wk \"example.com/wk\"\n\n"
    "func Since(t time.Time) time.Duration\n"
    "func Fact(n int64) *big.Int\n"
    "func Copy(dst io.Writer, src io.Reader) (int64, error)\n"
    "func Wait(ctx context.Context) error\n"
    "func Half(x *big.Float) *big.Float\n"
    "func Open(name string) (io.ReadCloser, error)\n"
    "const Day time.Duration = 86400000000000\n";

TEST_CASE("wellknown: Go imports only the packages the source spells") {
  CHECK(wellknown::go_imports("var _ func(time.Time) *big.Int") == "\t\"math/big\"\n\t\"time\"\n");
  CHECK(wellknown::go_imports("// time.Time in a comment\nx.time.Y mytime.Z") == "");
  CHECK(wellknown::go_imports("func f(r io.Reader, ctx context.Context)") == "\t\"context\"\n\t\"io\"\n");
}

TEST_CASE("wellknown: the cgo shim decodes each with the runtime's codecs, and a context is released") {
  FileTexts out = generate("cgo", kSource);
  std::string values = out.ending("wk_values.go");
  CHECK(values.find("return gpicGetTime(r)") != std::string::npos);
  CHECK(values.find("gpicPutDuration(w, v)") != std::string::npos);
  CHECK(values.find("gpicPutBigInt(w, v)") != std::string::npos);
  // A stream from Python is read through a callable; a Go stream goes to Python by handle.
  CHECK(values.find("gpicGetReader(r, gpicFunc_") != std::string::npos);
  CHECK(values.find("gpicGetWriter(r, gpicFunc_") != std::string::npos);
  CHECK(values.find("gpicPutReadCloser(w, v)") != std::string::npos);
  CHECK(values.find("gpicPutBigFloat(w, v)") != std::string::npos);
  CHECK(values.find("return gpicGetBigFloat(r)") != std::string::npos);
  CHECK(values.find("\"time\"") != std::string::npos);
  std::string shim = out.ending("wk_shim.go");
  CHECK(shim.find("defer gpicReleaseContext(x0, st)") != std::string::npos);
  std::string checks = out.ending("wk_checks.go");
  CHECK(checks.find("\t\"time\"\n") != std::string::npos);
  CHECK(checks.find("\t\"math/big\"\n") != std::string::npos);
}

TEST_CASE("wellknown: the Python codecs and stub spelling") {
  std::string py = generate("cffi", kSource).ending("__init__.py");
  CHECK(py.find("_gpic_wire.Time()") != std::string::npos);
  CHECK(py.find("_gpic_wire.BigInt()") != std::string::npos);
  CHECK(py.find("_gpic_wire.Reader(") != std::string::npos);
  CHECK(py.find("_gpic_wire.Context()") != std::string::npos);
  CHECK(py.find("_gpic_wire.BigFloat()") != std::string::npos);
  CHECK(py.find("_gpic_wire.Reader(_gk") != std::string::npos);
  CHECK(py.find("Day = ") != std::string::npos);  // a typed time.Duration constant is bound
  std::string stub = generate("pyi", kSource).ending(".pyi");
  CHECK(stub.find("import datetime\n") != std::string::npos);
  CHECK(stub.find("def Since(t: datetime.datetime) -> datetime.timedelta:") != std::string::npos);
  CHECK(stub.find("def Fact(n: int) -> int:") != std::string::npos);  // a pointer result is not nil unless marked
  CHECK(stub.find("import decimal\n") != std::string::npos);
  CHECK(stub.find("def Half(x: decimal.Decimal | int | float | None) -> decimal.Decimal:") != std::string::npos);
  CHECK(stub.find("def Open(name: str) -> BinaryIO | None:") != std::string::npos);
  CHECK(stub.find("Day: Final[datetime.timedelta]\n") != std::string::npos);
  CHECK(stub.find("from typing import BinaryIO") != std::string::npos);
}

}  // namespace
}  // namespace gpic
