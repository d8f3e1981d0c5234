// In-out pointer parameters (targets/common/in_out.hpp): which `*T` parameters are in-out, the
// C signature's extra out-parameter per one, and what each target writes for it (the shim
// sends the pointee back; cffi and cpython hand it to the codec's write_back; the stub types
// the GoRef box). tests/e2e/test_inout.py runs it all.
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "compiler/output.hpp"
#include "tests/unit/frontend_helpers.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/in_out.hpp"
#include "targets/target.hpp"

namespace gpic {
namespace {

using test::TextSink;

constexpr const char* kSource =
    "package io \"example.com/io\"\n\n"
    "type P struct {\n    X int\n}\n\n"
    "type V []int\n\n"
    "func Inc(i *int)\n\n"
    "func Fill(v *V, n int) (int, error)\n\n"
    "func Move(p *P)\n\n"
    "func Sum(xs ...*int) int\n";

std::unique_ptr<ir::Module> module(Diagnostics& diags) {
  auto m = parse_gpi("/t/io.gpi", kSource, diags);
  check_module(*m, diags);
  REQUIRE_FALSE(diags.has_errors());
  return m;
}

std::string generate(const std::string& target) {
  Diagnostics diags;
  auto m = module(diags);
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

const abi::FuncExport& func(const abi::Plan& plan, const std::string& name) {
  for (const auto& f : plan.funcs)
    if (f.func->name == name) return f;
  FAIL("no func " << name);
  return plan.funcs.front();
}

}  // namespace

TEST_SUITE("in-out pointers") {
  TEST_CASE("a pointer to a value is in-out; to a struct, or a variadic's element, it is not") {
    Diagnostics diags;
    auto m = module(diags);
    auto plan = abi::plan(*m, "test", diags);
    REQUIRE(plan);
    const auto& inc = func(*plan, "Inc").sig;
    REQUIRE(inc.out_results.size() == 1);
    CHECK(inc.out_results[0].writes_back == 0);
    CHECK(inc.out_results[0].lowering.kind == abi::Kind::Wire);
    // Value results first, then the write-back; the error stays in the status.
    const auto& fill = func(*plan, "Fill").sig;
    REQUIRE(fill.out_results.size() == 2);
    CHECK(fill.out_results[0].writes_back == -1);
    CHECK(fill.out_results[1].writes_back == 0);
    CHECK_FALSE(fill.direct_result);
    CHECK(func(*plan, "Move").sig.out_results.empty());
    CHECK(func(*plan, "Sum").sig.direct_result);
    CHECK(func(*plan, "Sum").sig.out_results.empty());
  }

  TEST_CASE("the shim sends the pointee back only when the call returned normally") {
    std::string go = generate("cgo");
    CHECK(has(go, "func gpic_io_Inc(i C.gpic_bytes, r0 *C.gpic_bytes, st *C.gpic_status) {"));
    CHECK(has(go, "\tgopkg.Inc(x0)\n\t*r0 = gpicEncodeResult(x0, "));
    CHECK(has(go, "\tv0, err := gopkg.Fill(x0, int(n))\n"
                  "\tif err != nil {\n\t\tgpicSetError(st, err)\n\t\treturn\n\t}\n"
                  "\t*r0 = C.int64_t(v0)\n\t*r1 = gpicEncodeResult(x0, "));
  }

  TEST_CASE("cffi and cpython write back into the argument; the module exports GoRef") {
    std::string py = generate("cffi");
    CHECK(has(py, ".write_back(i, _gbuffer(_gr.r0_p, _gr.r0_n))"));
    CHECK(has(py, ".write_back(v, _gbuffer(_gr.r1_p, _gr.r1_n))\n        return _gr.r0\n"));
    CHECK(has(py, "GoRef = _gpic_wire.GoRef\n"));
    CHECK(has(py, "    \"GoRef\",\n"));
    std::string cpp = generate("cpython");
    CHECK(has(cpp, "if (!gpic_py::write_back(gpic_py::codec("));
    CHECK(has(cpp, "in[0], r1)) return nullptr;"));
    CHECK(has(cpp, "GoRef = _gpic_wire.GoRef"));
  }

  TEST_CASE("the stub types the box, and says what happens to a plain value") {
    std::string pyi = generate("pyi");
    CHECK(has(pyi, "class GoRef(Generic[_T]):"));
    CHECK(has(pyi, "def Inc(i: int | GoRef[int] | None) -> None:"));
    CHECK(has(pyi, "def Move(p: P | None) -> None:"));
    CHECK(has(pyi, "Go may change what i points to: pass a GoRef"));
  }

  TEST_CASE("a module without in-out pointers has no GoRef") {
    Diagnostics diags;
    auto m = parse_gpi("/t/plain.gpi", "package plain \"example.com/plain\"\n\nfunc F(s []int) int\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    TextSink sink;
    Options options;
    TargetRegistry::instance().find("pyi")->generate(*m, options, sink, diags);
    CHECK_FALSE(has(sink.all, "GoRef"));
    CHECK_FALSE(has(sink.all, "Generic"));
  }
}

}  // namespace gpic
