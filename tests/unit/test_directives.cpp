// `//gpic:` directives (compiler/directives.hpp): parsed from the lines right before a func
// or interface method, carried on the parameters, checked against their types, each mistake
// reported at its position in the directive.
#include <doctest/doctest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "compiler/ir_json.hpp"
#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;
using test::expect_error;

namespace {

const ir::Func& func(const ir::Module& m, std::string_view name) {
  for (const ir::Func& f : m.funcs)
    if (f.name == name) return f;
  FAIL("no func " << name);
  return m.funcs.front();
}

}  // namespace

TEST_SUITE("directives") {

TEST_CASE("keep, borrow and readonly mark the parameters they name") {
  auto fe = test::check(R"(package mat
type Dense struct{}
type Buf []byte

/// @en A matrix over data.
//gpic:keep data          // Go keeps data beyond the call
//gpic:readonly data
func NewDense(r, c int, data []float64) *Dense

//gpic:borrow data
//gpic:readonly a,b , c
func Copy(data []float64, a, b []int32, c Buf) *Dense

func Plain(data []float64) *Dense

type Store interface {
  //gpic:keep xs
  Put(xs []uint8)
}
)");
  test::expect_clean(*fe);
  const ir::Func& dense = func(*fe->module, "NewDense");
  CHECK(dense.doc.en == "A matrix over data.");
  const ir::ParamMarks& data = dense.sig.params[2].marks;
  CHECK(data.keep);
  CHECK(data.readonly);
  CHECK_FALSE(data.borrow);
  CHECK(data.loc.line == 6);
  CHECK(data.loc.col == 13);
  CHECK_FALSE(dense.sig.params[0].marks.any());

  const ir::Func& copy = func(*fe->module, "Copy");
  CHECK(copy.sig.params[0].marks.borrow);
  CHECK_FALSE(copy.sig.params[0].marks.readonly);
  for (int i = 1; i <= 3; ++i) CHECK(copy.sig.params[i].marks.readonly);
  CHECK_FALSE(func(*fe->module, "Plain").sig.params[0].marks.any());

  const ir::TypeDecl* store = fe->module->find_type("Store");
  REQUIRE(store);
  CHECK(store->methods[0].sig.params[0].marks.keep);
}

TEST_CASE("the JSON IR carries each parameter's marks") {
  auto fe = test::check("package p\n//gpic:keep b\nfunc F(a int, b []byte)\n");
  test::expect_clean(*fe);
  nlohmann::json j = to_json(*fe->module);
  const auto& params = j["funcs"][0]["sig"]["params"];
  CHECK(params[1]["marks"] == nlohmann::json({{"keep", true}, {"borrow", false}, {"readonly", false}}));
  CHECK(params[0]["marks"]["keep"] == false);
}

TEST_CASE("bad directives are errors at their position") {
  expect_error("package p\n//gpic:keeps data\nfunc F(data []byte)\n",
               "unknown directive '//gpic:keeps' (expected keep, borrow, readonly or nilable)", 2, 8);
  expect_error("package p\n//gpic:keep data, dta\nfunc F(data []byte)\n", "'F' has no parameter named 'dta'", 2, 19);
  expect_error("package p\n//gpic:keep\nfunc F(data []byte)\n",
               "'//gpic:keep' needs the names of the parameters it marks", 2, 12);
  expect_error("package p\n//gpic:keep data;\nfunc F(data []byte)\n",
               "expected ',' or the end of the line in '//gpic:keep'", 2, 17);
  expect_error("package p\n//gpic:borrow 1x\nfunc F(data []byte)\n",
               "expected a parameter name in '//gpic:borrow'", 2, 15);
  expect_error("package p\n//gpic:keep data\n//gpic:borrow data\nfunc F(data []byte) \n",
               "parameter 'data' cannot be both kept (//gpic:keep) and borrowed (//gpic:borrow)", 3, 15);
  expect_error("package p\ntype T struct{}\n//gpic:keep r\nfunc (t *T) F(n int) int\n",
               "'F' has no parameter named 'r'", 3, 13);
}

TEST_CASE("a directive marks only a numeric slice parameter") {
  expect_error("package p\n//gpic:keep n\nfunc F(n int)\n",
               "a //gpic: directive can only mark a numeric slice parameter (which Go reads in place); 'n' is int", 2, 13);
  expect_error("package p\n//gpic:readonly s\nfunc F(s []string)\n",
               "a //gpic: directive can only mark a numeric slice parameter (which Go reads in place); 's' is []string", 2, 17);
  // A named slice type with methods crosses as a handle, not as a buffer.
  expect_error("package p\ntype V []float64\nfunc (v V) Sum() float64\n//gpic:keep v\nfunc F(v V)\n",
               "a //gpic: directive can only mark a numeric slice parameter (which Go reads in place); 'v' is V", 4, 13);
  test::expect_clean(*test::check("package p\ntype V []float64\ntype W = V\n//gpic:keep v, w\nfunc F(v V, w W)\n"));
}

TEST_CASE("nilable marks pointer results, all of them or those it names") {
  auto fe = test::check(R"(package p
type E struct{}
//gpic:nilable
func Lookup(k string) (*E, error)
//gpic:nilable next
func Split(s string) (head string, next *E, other *E)
func Must(s string) *E
type R interface {
  //gpic:nilable
  Find() *E
}
)");
  test::expect_clean(*fe);
  CHECK(func(*fe->module, "Lookup").sig.results[0].marks.nilable);
  CHECK_FALSE(func(*fe->module, "Lookup").sig.results[1].marks.nilable);
  const ir::FuncSig& split = func(*fe->module, "Split").sig;
  CHECK_FALSE(split.results[0].marks.nilable);
  CHECK(split.results[1].marks.nilable);
  CHECK_FALSE(split.results[2].marks.nilable);
  CHECK_FALSE(func(*fe->module, "Must").sig.results[0].marks.nilable);
  CHECK(fe->module->find_type("R")->methods[0].sig.results[0].marks.nilable);
  // Lending marks are about parameters; nilable does not count as one.
  CHECK_FALSE(split.results[1].marks.any());

  nlohmann::json j = to_json(*fe->module);
  CHECK(j["funcs"][0]["sig"]["results"][0]["nilable"] == true);
  CHECK(j["funcs"][0]["sig"]["results"][1]["nilable"] == false);
}

TEST_CASE("nilable names only pointer results") {
  expect_error("package p\n//gpic:nilable\nfunc F() int\n",
               "'//gpic:nilable' marks a pointer result that may be nil, and 'F' returns no pointer", 2, 8);
  expect_error("package p\n//gpic:nilable n\nfunc F() (n int)\n",
               "'//gpic:nilable' marks a pointer result that may be nil; 'n' is int", 2, 16);
  expect_error("package p\ntype E struct{}\n//gpic:nilable e, x\nfunc F() (e *E)\n", "'F' has no result named 'x'", 3, 19);
  expect_error("package p\ntype E struct{}\n//gpic:nilable k\nfunc F(k *E) *E\n", "'F' has no result named 'k'", 3, 16);
}

TEST_CASE("a directive anywhere but before a func or interface method is an error") {
  expect_error("package p\n//gpic:keep X\ntype T struct{}\n",
               "a //gpic: directive must come right before a func declaration or an interface method", 2, 1);
  expect_error("package p\ntype T struct {\n  //gpic:keep X\n  X []byte\n}\n",
               "a //gpic: directive must come right before a func declaration or an interface method", 3, 3);
  expect_error("package p\nfunc F(x []byte)\n//gpic:keep x\n",
               "a //gpic: directive must come right before a func declaration or an interface method", 3, 1);
  // `// gpic:keep` (with a space) is an ordinary comment, as `// go:noescape` is in Go.
  test::expect_clean(*test::check("package p\n// gpic:keep whatever\nfunc F(x []byte)\n"));
}

TEST_CASE("opaque marks a named func type, alone or in a group") {
  auto fe = test::check(R"(package z
/// @en An option over an unexported type.
//gpic:opaque
type EOption func()
type Op func(a, b int) int
type (
  //gpic:opaque   // Go's names an unexported type
  DOption func()
)
)");
  test::expect_clean(*fe);
  std::map<std::string, bool> opaque;
  for (const ir::TypeDecl& t : fe->module->types) opaque[t.name] = t.opaque;
  CHECK(opaque == std::map<std::string, bool>{{"EOption", true}, {"Op", false}, {"DOption", true}});
  // Plugins read it from the JSON IR.
  nlohmann::json ir = to_json(*fe->module);
  CHECK(ir["types"][0]["opaque"] == true);
  CHECK(ir["types"][1]["opaque"] == false);
}

TEST_CASE("opaque anywhere but before a named func type is an error") {
  expect_error("package p\n//gpic:opaque\ntype T struct{}\n",
               "'//gpic:opaque' marks a named func type ('type T func(...)'); 'T' is not one", 2, 8);
  expect_error("package p\n//gpic:opaque\ntype F = func()\n",
               "'//gpic:opaque' marks a named func type ('type F func(...)'); 'F' is not one", 2, 8);
  expect_error("package p\n//gpic:opaque x\ntype F func()\n", "'//gpic:opaque' takes nothing after it", 2, 15);
  expect_error("package p\n//gpic:opaque\nfunc F(x []byte)\n", "'//gpic:opaque' marks a named func type, not a func", 2, 8);
  expect_error("package p\n//gpic:shy\ntype F func()\n", "unknown directive '//gpic:shy' before a type (expected opaque)", 2, 8);
}

}  // TEST_SUITE
