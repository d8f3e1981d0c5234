// Generics (compiler/check_generics.cpp): instantiations the file names expand into ordinary
// declarations, the generics themselves leave the module, and each mistake is one error at
// its position.
#include <doctest/doctest.h>

#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;
using test::expect_error;

namespace {

const char* kHead = "package p \"example.com/p\"\n";

std::string gpi(const std::string& body) { return kHead + body; }

const ir::Func& func(const ir::Module& m, std::string_view name, std::string_view recv = {}) {
  for (const ir::Func& f : m.funcs)
    if (f.name == name && (recv.empty() ? !f.recv : f.recv && f.recv->type_name == recv)) return f;
  FAIL("no func " << name);
  return m.funcs.front();
}

}  // namespace

TEST_SUITE("generics") {

TEST_CASE("an instance type gets the generic's fields and methods, arguments substituted") {
  auto fe = test::check(gpi(R"(type Set[T comparable] struct {
    Name string
    Items []T
}
func (s *Set[T]) Add(v T)
func (s *Set[T]) Union(o *Set[T]) *Set[T]
/// Ints.
type IntSet = Set[int]
type StringSet = Set[string]
)"));
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  REQUIRE(m.types.size() == 2);
  const ir::TypeDecl* ints = m.find_type("IntSet");
  REQUIRE(ints);
  CHECK(ints->kind == ir::TypeDecl::Kind::Struct);
  REQUIRE(ints->instance_of);
  CHECK(ints->instance_of->go_spelling() == "Set[int]");
  CHECK(ints->doc.en == "Ints.");
  REQUIRE(ints->fields.size() == 2);
  CHECK(ints->fields[1].type->go_spelling() == "[]int");
  // `*Set[T]` in a method became the name the file gives Set[int].
  const ir::Func& uni = func(m, "Union", "IntSet");
  CHECK(uni.sig.params[0].type->go_spelling() == "*IntSet");
  CHECK(uni.sig.results[0].type->go_spelling() == "*IntSet");
  CHECK(func(m, "Add", "StringSet").sig.params[0].type->go_spelling() == "string");
  CHECK(ints->bound_methods.size() == 2);
  // The generic is documentation now, not a binding.
  CHECK(m.find_type("Set") == nullptr);
  REQUIRE(m.generic_types.size() == 1);
  CHECK(m.generic_types[0].name == "Set");
  CHECK(m.generic_funcs.size() == 2);
}

TEST_CASE("a function instance has the generic's signature, arguments substituted") {
  auto fe = test::check(gpi(R"(type Point struct { X int }
type Pair[K comparable, V any] struct { Key K; Value V }
type PointPair = Pair[string, *Point]
/// The larger.
func Max[T any](a, b T) T
func MaxInt = Max[int]
func MakePair[K comparable, V any](k K, v V) *Pair[K, V]
func MakePointPair = MakePair[string, *Point]
)"));
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  const ir::Func& max = func(m, "MaxInt");
  CHECK(max.sig.params[0].type->go_spelling() == "int");
  CHECK(max.sig.results[0].type->go_spelling() == "int");
  CHECK(max.doc.en == "The larger.");  // the generic's, having none of its own
  REQUIRE(max.instance_of);
  CHECK(max.instance_of->go_spelling() == "Max[int]");
  const ir::Func& make = func(m, "MakePointPair");
  CHECK(make.sig.results[0].type->go_spelling() == "*PointPair");
  REQUIRE(make.sig.results[0].type->elem->decl);
  CHECK(make.sig.results[0].type->elem->decl->name == "PointPair");
  CHECK(m.find_type("PointPair")->fields[1].type->go_spelling() == "*Point");
  CHECK(m.functions().size() == 2);
}

TEST_CASE("an instance may be a type argument, written either way") {
  auto fe = test::check(gpi(R"(type Box[T any] struct { V T }
type IntBox = Box[int]
type BoxBox = Box[*Box[int]]
func Get() *Box[*IntBox]
)"));
  test::expect_clean(*fe);
  CHECK(func(*fe->module, "Get").sig.results[0].type->go_spelling() == "*BoxBox");
}

TEST_CASE("type arguments: their number, and a union constraint of builtins") {
  expect_error(gpi("type Set[T comparable] struct { Name string }\ntype Pair = Set[int, string]\n"),
               "'Set' has 1 type parameter [T comparable], not 2", 3, 13);
  expect_error(gpi("func Sum[T ~int | float64](xs []T) T\nfunc SumS = Sum[string]\n"),
               "'string' does not satisfy ~int | float64 (the constraint of T in Sum)", 3, 17);
  // ~int admits a named int type; float64 without ~ admits only float64 itself.
  test::expect_clean(*test::check(gpi("type MyInt int\nfunc Sum[T ~int | float64](xs []T) T\nfunc SumM = Sum[MyInt]\n")));
  expect_error(gpi("type MyFloat float64\nfunc Sum[T ~int | float64](xs []T) T\nfunc SumM = Sum[MyFloat]\n"),
               "'MyFloat' does not satisfy ~int | float64 (the constraint of T in Sum)", 4, 17);
  // A constraint gpic cannot decide alone is Go's to check when it compiles the shim.
  test::expect_clean(*test::check(gpi("func Max[T cmp.Ordered](a, b T) T\nfunc MaxB = Max[bool]\n")));
}

TEST_CASE("each instantiation has one name, and a use needs it") {
  expect_error(gpi("type Set[T comparable] struct { Name string }\nfunc Make() *Set[int]\n"),
               "Set[int] has no name in this file: Python needs one for its class, so declare "
               "'type SetInt = Set[int]' and write that",
               3, 14);
  expect_error(gpi("type Set[T comparable] struct { Name string }\ntype A = Set[int]\ntype B = Set[int]\n"),
               "Set[int] is already named 'A': one name per instantiation, so that a Go value has one Python class",
               4, 6);
  expect_error(gpi("type Set[T comparable] struct { Name string }\nfunc F(s *Set)\n"),
               "generic type 'Set' needs type arguments: name an instantiation (type SetOf = Set[...]) and use "
               "that name",
               3, 11);
  expect_error(gpi("type Set[T comparable] struct { Name string }\ntype A Set[int]\n"),
               "an instantiation binds the generic's own Go type: write 'type A = Set[int]' (with '=')", 3, 6);
}

TEST_CASE("what is not generic takes no type arguments") {
  expect_error(gpi("func MaxInt = Max[int]\n"),
               "'Max' is not a generic function of this file: declare it, with its type parameters "
               "(func Max[T any](...)), before instantiating it",
               2, 6);
  expect_error(gpi("type P struct{}\nfunc F(p P[int])\n"),
               "'P' is not a generic type of this file: it takes no type arguments", 3, 10);
  expect_error(gpi("type Set[T any] struct{}\ntype P struct{}\nfunc (p *P[T]) M()\n"),
               "'P' is not a generic type: its receiver takes no [type parameters]", 4, 10);
}

TEST_CASE("methods of a generic type") {
  expect_error(gpi("type Set[T comparable] struct { Name string }\nfunc (s *Set[T]) Map[U any](u U)\n"),
               "a method cannot have type parameters of its own (Go has none)", 3, 22);
  expect_error(gpi("type Pair[K comparable, V any] struct { Key K }\nfunc (p *Pair[K]) Get() K\n"),
               "a method of generic type 'Pair' names its 2 type parameters: (p *Pair[K, V])", 3, 10);
  expect_error(gpi("type S struct{}\nfunc (s *S) M = Max[int]\n"),
               "a method cannot be an instantiation: instantiate the generic type instead "
               "(type IntSet = Set[int]) and its methods come with it",
               3, 15);
  // A method may rename its type's parameters, as in Go.
  auto fe = test::check(gpi("type Box[T any] struct{}\nfunc (b *Box[E]) Put(v E)\ntype IntBox = Box[int]\n"));
  test::expect_clean(*fe);
  CHECK(func(*fe->module, "Put", "IntBox").sig.params[0].type->go_spelling() == "int");
}

}  // TEST_SUITE
