// The checker: one test case per rule of the .gpi language (DESIGN §2), each asserting the
// exact message and position, plus what the checker fills in (resolved types, constant types,
// bound methods, interface method sets) and that one mistake makes one error.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "compiler/ir_json.hpp"
#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;
using test::expect_error;

namespace {

// A module importing "geometry.gpi", which declares package geometry.
struct WithImport {
  std::unique_ptr<test::FrontEnd> geometry;
  std::unique_ptr<test::FrontEnd> main;
};

WithImport check_with_geometry(const std::string& text) {
  WithImport w;
  w.geometry = test::parse(R"(package geometry "example.com/geometry"
type Vec struct { X, Y float64 }
type Sized interface { Size() Vec }
type Meters float64
const Max = 10
const Scale float32 = 2
)");
  check_module(*w.geometry->module, w.geometry->diags);
  test::expect_clean(*w.geometry);
  w.main = test::parse(text);
  for (ir::Import& import : w.main->module->imports)
    if (import.path == "geometry.gpi") import.module = w.geometry->module.get();
  check_module(*w.main->module, w.main->diags);
  return w;
}

const ir::Const& constant(const ir::Module& m, std::string_view name) {
  for (const ir::Const& c : m.consts)
    if (c.name == name) return c;
  FAIL("no const " << name);
  return m.consts.front();
}

std::string type_of(const ir::Module& m, std::string_view name) {
  const ir::Const& c = constant(m, name);
  return c.type ? c.type->go_spelling() : "<none>";
}

std::vector<std::string> messages(const test::FrontEnd& fe) {
  std::vector<std::string> out;
  for (const Diagnostic& d : fe.diags.all()) out.push_back(d.message);
  return out;
}

}  // namespace

TEST_SUITE("checker") {

TEST_CASE("the example of DESIGN §2 is clean") {
  auto fe = test::check(R"(/// @en Shapes and geometry helpers.
/// @ko 도형과 기하 도우미.
package shapes "example.com/shapes"

const MaxPoints int = 1024
var Verbose bool

type Celsius float64
type Color int
const (
    Red   Color = 0
    Green Color = 1
)

/// @en A point in the plane.
/// @ko 평면 위의 점.
type Point struct {
    X, Y  float64
    Label string
}

func NewPoint(x, y float64) *Point
func (p *Point) Dist(q *Point) float64

type Shape interface {
    Area() float64
    Name() string
}

func Largest(shapes []Shape) (Shape, error)
func Histogram(words []string) map[string]int
func Detect(data []float64) ([]int, error)
func Walk(items []string, visit func(item string) bool) error
func Sum(xs ...float64) float64
)");
  test::expect_clean(*fe);
}

TEST_CASE("rule: only exported names") {
  expect_error("package p\ntype point struct{}\n",
               "type 'point' must start with an upper-case letter (only exported names can be bound)", 2, 6);
  expect_error("package p\nfunc add(a, b int) int\n",
               "function 'add' must start with an upper-case letter (only exported names can be bound)", 2, 6);
  expect_error("package p\ntype P struct{}\nfunc (p *P) scale()\n",
               "method 'scale' must start with an upper-case letter (only exported names can be bound)", 3, 13);
  expect_error("package p\ntype P struct { X int; y int }\n",
               "field 'y' must start with an upper-case letter (only exported names can be bound)", 2, 24);
  expect_error("package p\nconst limit = 3\n",
               "constant 'limit' must start with an upper-case letter (only exported names can be bound)", 2, 7);
  expect_error("package p\nvar (\n  Debug bool\n  _hidden int\n)\n",
               "variable '_hidden' must start with an upper-case letter (only exported names can be bound)", 4, 3);
  expect_error("package p\ntype S interface {\n  area() float64\n}\n",
               "method 'area' must start with an upper-case letter (only exported names can be bound)", 3, 3);
  // Parameter names are free: lower-case, or even Python keywords.
  test::expect_clean(*test::check("package p\nfunc F(lambda int, class string, _ bool) (from int)\n"));
  // `_ = iota` in a const group skips a value; it is not a name to bind.
  test::expect_clean(*test::check("package p\nconst (\n  _ = iota\n  KB = 1 << (10 * iota)\n)\n"));
}

TEST_CASE("rule: ASCII identifiers") {
  expect_error("package p\ntype Größe int\n",
               "non-ASCII name 'Größe' (only ASCII letters, digits and '_' are allowed)", 2, 6);
  expect_error("package p\nfunc F(ñ int)\n", "non-ASCII name 'ñ' (only ASCII letters, digits and '_' are allowed)",
               2, 8);
  // Not also "must start with an upper-case letter": one mistake, one error.
  expect_error("package p\nconst ëlan = 1\n",
               "non-ASCII name 'ëlan' (only ASCII letters, digits and '_' are allowed)", 2, 7);
}

TEST_CASE("rule: no duplicate top-level names, across kinds") {
  auto fe = test::check("package p\ntype Point struct{}\nfunc Point()\n");
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "redefinition of 'Point'");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 6);
  REQUIRE(fe->diags.all().size() == 2);
  const Diagnostic& note = fe->diags.all()[1];
  CHECK(note.severity == Severity::Note);
  CHECK(note.message == "previous declaration is here");
  CHECK(note.loc.line == 2);
  CHECK(note.loc.col == 6);

  expect_error("package p\nconst A = 1\nvar (\n  B int\n  A string\n)\n", "redefinition of 'A'", 5, 3);
}

TEST_CASE("rule: no duplicate fields in a struct") {
  expect_error("package p\ntype P struct {\n  X, Y int\n  X float64\n}\n", "duplicate field 'X' in struct 'P'", 4,
               3);
  // An embedded field is named after its type.
  expect_error("package p\ntype B struct{}\ntype P struct {\n  B\n  B int\n}\n", "duplicate field 'B' in struct 'P'",
               5, 3);
}

TEST_CASE("rule: no duplicate methods in an interface") {
  expect_error("package p\ntype S interface {\n  Area() float64\n  Area() int\n}\n",
               "duplicate method 'Area' in interface 'S'", 4, 3);
}

TEST_CASE("rule: no duplicate methods for one receiver type, pointer or not") {
  expect_error("package p\ntype P struct{}\nfunc (p *P) M()\nfunc (p P) M()\n", "duplicate method 'M' for type 'P'", 4,
               12);
  // The same method name on different types is fine.
  test::expect_clean(*test::check("package p\ntype A struct{}\ntype B struct{}\nfunc (A) M()\nfunc (B) M()\n"));
}

TEST_CASE("rule: a method may not share its name with a field") {
  auto fe = test::check("package p\ntype P struct {\n  X float64\n}\nfunc (p *P) X() float64\n");
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "type 'P' has both a field and a method named 'X'");
  CHECK(d.loc.line == 5);
  CHECK(d.loc.col == 13);
  CHECK(fe->diags.all()[1].message == "field declared here");
  CHECK(fe->diags.all()[1].loc.line == 3);
}

TEST_CASE("rule: no duplicate parameter names in a signature (receiver and results included)") {
  expect_error("package p\nfunc F(a int, a string)\n", "duplicate parameter 'a'", 2, 15);
  expect_error("package p\nfunc F(a int) (a error)\n", "duplicate parameter 'a'", 2, 16);
  expect_error("package p\ntype P struct{}\nfunc (p *P) M(p int)\n", "duplicate parameter 'p'", 3, 15);
  expect_error("package p\nfunc F(f func(x int, x int))\n", "duplicate parameter 'x'", 2, 22);
}

TEST_CASE("rule: every named type resolves") {
  expect_error("package p\nfunc F(p *Pointt)\n", "unknown type 'Pointt'", 2, 11);
  expect_error("package p\nconst Limit = 3\nvar V Limit\n", "'Limit' is not a type", 3, 7);
  expect_error("package p\ntype T struct { V geo.Vec }\n",
               "unknown package 'geo' in 'geo.Vec' (no import provides it)", 2, 19);

  auto w = check_with_geometry("package p\nimport \"geometry.gpi\"\nfunc F(v geometry.Vect)\n");
  Diagnostic d = test::only_error(*w.main);
  CHECK(d.message == "unknown type 'geometry.Vect' (package 'geometry' declares no type 'Vect')");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 10);
}

TEST_CASE("named types resolve everywhere, into this file or an imported one") {
  auto w = check_with_geometry(R"(package p
import "geometry.gpi"
type Point struct { At geometry.Vec; Next *Point }
type Index map[string][]Point
func F(f func(p Point) geometry.Meters) (map[Point][2]*Point, error)
var Origin Point
const Unit geometry.Meters = 1
)");
  test::expect_clean(*w.main);
  const ir::Module& m = *w.main->module;
  const ir::Module* geometry = w.geometry->module.get();
  const ir::TypeDecl* point = m.find_type("Point");
  CHECK(point->fields[0].type->decl == geometry->find_type("Vec"));
  CHECK(point->fields[0].type->decl_module == geometry);
  CHECK(point->fields[1].type->elem->decl == point);
  CHECK(point->fields[1].type->elem->decl_module == &m);
  CHECK(m.find_type("Index")->underlying->elem->elem->decl == point);
  const ir::FuncSig& sig = m.funcs[0].sig;
  CHECK(sig.params[0].type->sig->params[0].type->decl == point);
  CHECK(sig.params[0].type->sig->results[0].type->decl == geometry->find_type("Meters"));
  CHECK(sig.results[0].type->key->decl == point);
  CHECK(sig.results[0].type->elem->elem->elem->decl == point);
  CHECK(m.vars[0].type->decl == point);
  CHECK(m.consts[0].type->decl == geometry->find_type("Meters"));
}

TEST_CASE("rule: map keys are comparable") {
  expect_error("package p\nfunc F(m map[[]string]int)\n",
               "invalid map key type '[]string' (slices are not comparable)", 2, 14);
  expect_error("package p\nvar M map[map[int]int]bool\n", "invalid map key type 'map[int]int' (maps are not comparable)",
               2, 11);
  expect_error("package p\nvar M map[func()]bool\n", "invalid map key type 'func()' (functions are not comparable)", 2,
               11);
  expect_error("package p\ntype Names []string\nvar M map[Names]int\n",
               "invalid map key type 'Names' (slices are not comparable)", 3, 11);
  expect_error("package p\ntype Bag struct { Items []string }\nvar M map[Bag]int\n",
               "invalid map key type 'Bag' (field 'Items' has type '[]string', which is not comparable)", 3, 11);
  expect_error("package p\ntype Bag struct { Items []string }\ntype Box struct { B [2]Bag }\nvar M map[Box]int\n",
               "invalid map key type 'Box' (field 'B' has type '[2]Bag', which is not comparable)", 4, 11);
  // Through an imported module that has not been checked yet (as in an import cycle).
  auto other = test::parse("package other\ntype Bag struct { Items []string }\ntype Box [2]Bag\n");
  auto fe = test::parse("package p\nimport \"other.gpi\"\nvar M map[other.Box]int\n");
  fe->module->imports[0].module = other->module.get();
  check_module(*fe->module, fe->diags);
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "invalid map key type 'other.Box' (field 'Items' has type '[]string', which is not comparable)");

  test::expect_clean(*test::check(R"(package p
type Key struct { A int; B string; C [2]float64; D *Key }
type Shape interface { Area() float64 }
var M1 map[Key]int
var M2 map[*[]int]bool
var M3 map[Shape]error
var M4 map[error]int
)"));
}

TEST_CASE("rule: error only as the last result") {
  expect_error("package p\nfunc F() (error, int)\n", "'error' is only allowed as the last result", 2, 11);
  expect_error("package p\ntype S interface { M() (a error, b error) }\n", "'error' is only allowed as the last result",
               2, 27);
  expect_error("package p\nfunc F(cb func() (error, bool))\n", "'error' is only allowed as the last result", 2, 19);
  // Elsewhere, error is an ordinary type.
  test::expect_clean(*test::check("package p\nfunc F(e error, es []error) (int, error)\nvar Last error\n"));
}

TEST_CASE("rule: no recursive struct by value") {
  expect_error("package p\ntype Node struct { Next Node }\n",
               "invalid recursive type 'Node': Node contains Node (a pointer, slice or map would break the cycle)", 2,
               6);
  expect_error("package p\ntype A struct { B B }\ntype B struct { Arr [2]C }\ntype C struct { A A }\n",
               "invalid recursive type 'A': A contains B, which contains C, which contains A "
               "(a pointer, slice or map would break the cycle)",
               2, 6);
  expect_error("package p\ntype Ring [3]Ring\n",
               "invalid recursive type 'Ring': Ring contains Ring (a pointer, slice or map would break the cycle)", 2,
               6);
  test::expect_clean(*test::check(R"(package p
type Node struct { Next *Node; Kids []Node; ByName map[string]Node; Visit func(Node) Node }
type Tree []Tree
)"));
}

TEST_CASE("rule: a receiver names a struct or a named slice, array, map or scalar type of this file") {
  const std::string suffix = "; methods can be declared on structs and on named slice, array, map and scalar types";
  expect_error("package p\ntype S interface { A() }\nfunc (s S) M()\n",
               "invalid receiver type 'S' (an interface type)" + suffix, 3, 9);
  expect_error("package p\ntype P struct{}\ntype Ptr *P\nfunc (p Ptr) M()\n",
               "invalid receiver type 'Ptr' (a pointer type)" + suffix, 4, 9);
  expect_error("package p\ntype Visit func(int)\nfunc (v Visit) M()\n",
               "invalid receiver type 'Visit' (a function type)" + suffix, 3, 9);
  expect_error("package p\nfunc (x *Nope) M()\n", "receiver type 'Nope' is not declared in this file", 2, 10);
  expect_error("package p\nfunc (i int) M()\n",
               "cannot define methods on built-in type 'int'; declare a named type (type MyType int) and use it "
               "as the receiver",
               2, 9);
  auto w = check_with_geometry("package p\nimport \"geometry.gpi\"\nfunc (v *geometry.Vec) M()\n");
  Diagnostic d = test::only_error(*w.main);
  CHECK(d.message == "cannot define methods on imported type 'geometry.Vec'" + suffix + " declared in this file");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 10);
}

TEST_CASE("receivers that Go allows, and TypeDecl::bound_methods") {
  auto fe = test::check(R"(package p
type Point struct { X int }
type Celsius float64
type Names []string
type Index map[string]int
type Vec3 [3]float64
type Same = Point
func (p *Point) Scale(f float64)
func Free()
func (c Celsius) F() float64
func (n Names) Len() int
func (Index) Keys() []string
func (v Vec3) Norm() float64
func (p Point) Plus(q Point) Point
func (s Same) ViaAlias()
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  const ir::TypeDecl* point = m.find_type("Point");
  REQUIRE(point->bound_methods.size() == 3);
  CHECK(point->bound_methods[0]->name == "Scale");
  CHECK(point->bound_methods[1]->name == "Plus");
  CHECK(point->bound_methods[2]->name == "ViaAlias");
  CHECK(m.find_type("Celsius")->bound_methods.size() == 1);
  CHECK(m.find_type("Names")->bound_methods[0]->name == "Len");
  CHECK(m.find_type("Index")->bound_methods.size() == 1);
  CHECK(m.find_type("Vec3")->bound_methods.size() == 1);
  CHECK(m.find_type("Same")->bound_methods.empty());
}

TEST_CASE("rule: imports are found and not repeated") {
  expect_error("package p\nimport \"geometry.gpi\"\n", "cannot find imported file 'geometry.gpi'", 2, 8);

  auto w = check_with_geometry("package p\nimport \"geometry.gpi\"\nimport \"geometry.gpi\"\n");
  Diagnostic d = test::only_error(*w.main);
  CHECK(d.message == "duplicate import 'geometry.gpi'");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 8);
}

TEST_CASE("rule: array lengths are positive") {
  expect_error("package p\nvar Empty [0]int\n", "array length must be greater than zero", 2, 11);
  test::expect_clean(*test::check("package p\nvar Buf [0x10]byte\n"));
}

TEST_CASE("rule: the package name is a valid Python module name") {
  expect_error("package class\n", "package name 'class' is a Python keyword, so Python cannot import it", 1, 9);
  expect_error("package 도형\n", "non-ASCII name '도형' (only ASCII letters, digits and '_' are allowed)", 1, 9);
  test::expect_clean(*test::check("package gomath \"math\"\n"));
}

TEST_CASE("rule: '...' only on the final parameter") {
  expect_error("package p\nfunc F(xs ...int, n int)\n", "'...' is only allowed on the final parameter", 2, 11);
}

TEST_CASE("constants: untyped constants get Go's default types") {
  auto w = check_with_geometry(R"(package p
import "geometry.gpi"
type Color int
const (
    I = 42
    F = 2.5
    C = 1 + 2i
    R = 'x'
    S = "text"
    B = true
    Widened = I * 1.5
    Cmp = I > 3
    Not = !B
    Shift = 1.0 << 3
    FromRune = R + 1
    Paren = -(I + 1)
)
const (
    Red Color = iota
    Green
    Next = Green + 1
)
const Cast = float32(3)
const Conv = Color(2)
const Len = len("abc")
const Imported = geometry.Max * 2
const ImportedTyped = geometry.Scale * 2
const Later = Earlier + 1
const Earlier = 1.5
)");
  test::expect_clean(*w.main);
  const ir::Module& m = *w.main->module;
  CHECK(type_of(m, "I") == "int");
  CHECK(type_of(m, "F") == "float64");
  CHECK(type_of(m, "C") == "complex128");
  CHECK(type_of(m, "R") == "rune");
  CHECK(type_of(m, "S") == "string");
  CHECK(type_of(m, "B") == "bool");
  CHECK(type_of(m, "Widened") == "float64");  // I stays untyped inside expressions
  CHECK(type_of(m, "Cmp") == "bool");
  CHECK(type_of(m, "Not") == "bool");
  CHECK(type_of(m, "Shift") == "float64");
  CHECK(type_of(m, "FromRune") == "rune");
  CHECK(type_of(m, "Paren") == "int");
  CHECK(type_of(m, "Green") == "Color");
  CHECK(type_of(m, "Next") == "Color");  // a typed operand makes the result typed
  CHECK(type_of(m, "Cast") == "float32");
  CHECK(type_of(m, "Conv") == "Color");
  CHECK(constant(m, "Conv").type->decl == m.find_type("Color"));
  CHECK(type_of(m, "Len") == "int");
  CHECK(type_of(m, "Imported") == "int");
  CHECK(type_of(m, "ImportedTyped") == "float32");
  CHECK(type_of(m, "Later") == "float64");
}

TEST_CASE("constants: the names in a value resolve to constants") {
  expect_error("package p\nconst A = B + 1\n", "unknown constant 'B' in the value of 'A'", 2, 7);
  expect_error("package p\nvar V int\nconst A = V * 2\n", "'V' in the value of 'A' is not a constant", 3, 7);
  expect_error("package p\nconst A = nosuch(2)\n",
               "'nosuch' in the value of 'A' is neither a type nor a built-in function allowed in a constant", 2, 7);
  expect_error("package p\nconst A = B\nconst B = A\n", "constant 'A' refers to itself", 2, 7);
  expect_error("package p\nconst A = geo.Max\n", "unknown package 'geo' in the value of 'A' (no import provides it)",
               2, 7);
}

TEST_CASE("embedded interfaces join the method set") {
  auto w = check_with_geometry(R"(package p
import "geometry.gpi"
type Shape interface { Area() float64 }
type Solid interface {
    Shape
    geometry.Sized
    error
    Volume() float64
}
type Both interface { Shape; Solid }
)");
  test::expect_clean(*w.main);
  const ir::TypeDecl* solid = w.main->module->find_type("Solid");
  REQUIRE(solid->methods.size() == 4);
  CHECK(solid->methods[0].name == "Volume");  // its own first, then what it embeds
  CHECK(solid->methods[1].name == "Area");
  CHECK(solid->methods[2].name == "Size");
  // A method from another package is spelled as this package must write its types.
  CHECK(solid->methods[2].sig.results[0].type->go_spelling() == "geometry.Vec");
  CHECK(solid->methods[2].sig.results[0].type->decl == w.geometry->module->find_type("Vec"));
  CHECK(solid->methods[3].name == "Error");
  // The same method reached twice is one method.
  CHECK(w.main->module->find_type("Both")->methods.size() == 4);
}

TEST_CASE("rule: an interface embeds only interfaces, not itself, without conflicts") {
  expect_error("package p\ntype P struct{}\ntype S interface { P }\n",
               "'P' is not an interface; interface 'S' can only embed interfaces", 3, 20);
  expect_error("package p\ntype A interface { B }\ntype B interface { A }\n",
               "invalid recursive interface 'B': it embeds itself through 'A'", 3, 20);
  auto fe = test::check("package p\ntype A interface { M() int }\ntype B interface { A; M() string }\n");
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "duplicate method 'M' in interface 'B': 'A' brings one with a different signature");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 20);
}

TEST_CASE("rule: types nest at most 256 levels, through the names they go through") {
  // A chain of 9,500 aliases, and one of 9,500 embedded interfaces: one error each, where the
  // chain first goes past the limit (the declarations built on it are not reported again).
  std::string aliases = "package p\n";
  for (int i = 0; i < 9500; ++i) aliases += "type A" + std::to_string(i) + " = A" + std::to_string(i + 1) + "\n";
  aliases += "type A9500 []int\nfunc F(a A0) A0\n";
  auto fe = test::check(aliases);
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "type 'A9246' is nested too deeply: through the types it names it is 257 levels deep, and types "
                     "may nest at most 256 levels");
  CHECK(d.loc.line == 9248);
  CHECK(d.loc.col == 6);

  std::string embeds = "package p\n";
  for (int i = 0; i < 8750; ++i)
    embeds += "type I" + std::to_string(i) + " interface { I" + std::to_string(i + 1) + "; M" + std::to_string(i) + "() }\n";
  embeds += "type I8750 interface { M() }\n";
  fe = test::check(embeds);
  d = test::only_error(*fe);
  CHECK(d.message.find("type 'I8494' is nested too deeply") == 0);

  // An embedding cycle 5,000 interfaces long is reported as the cycle it is.
  std::string cycle = "package p\n";
  for (int i = 0; i < 5000; ++i)
    cycle += "type I" + std::to_string(i) + " interface { I" + std::to_string((i + 1) % 5000) + " }\n";
  fe = test::check(cycle);
  d = test::only_error(*fe);
  CHECK(d.message == "invalid recursive interface 'I4999': it embeds itself through 'I0'");
  CHECK(d.loc.line == 5001);

  // Names add to what is written: 200 levels of slices around a 100-deep alias chain.
  std::string mixed = "package p\n";
  for (int i = 0; i < 100; ++i) mixed += "type B" + std::to_string(i) + " = B" + std::to_string(i + 1) + "\n";
  mixed += "type B100 int\nvar V " + [] { std::string s; for (int i = 0; i < 200; ++i) s += "[]"; return s; }() + "B0\n";
  fe = test::check(mixed);
  d = test::only_error(*fe);
  CHECK(d.message.find("type '[][]") == 0);
  CHECK(d.message.find("is 302 levels deep") != std::string::npos);
  CHECK(d.loc.line == 103);

  // At the limit is fine.
  std::string ok = "package p\n";
  for (int i = 0; i < 254; ++i) ok += "type C" + std::to_string(i) + " = C" + std::to_string(i + 1) + "\n";
  ok += "type C254 int\nfunc F(a C0) C0\n";
  test::expect_clean(*test::check(ok));
}

TEST_CASE("rule: the package path is not cgo's pseudo-package C") {
  expect_error("package x \"C\"\nfunc F()\n", "package path 'C' is cgo's pseudo-package, not a Go package gpic can bind", 1,
               11);
}

TEST_CASE("rule: the interfaces' method sets hold at most 100,000 methods in all") {
  // 40 chains of 250 interfaces, each embedding the previous one and adding a method: 413 KB
  // of .gpi whose complete method sets would hold 1.25 million methods. One error, at the
  // embedding that goes past the limit.
  std::string chains = "package p\n";
  for (int c = 0; c < 40; ++c)
    for (int i = 0; i < 250; ++i) {
      std::string n = "C" + std::to_string(c) + "I" + std::to_string(i);
      chains += "type " + n + " interface { M" + std::to_string(i) + "()";
      if (i > 0) chains += "; C" + std::to_string(c) + "I" + std::to_string(i - 1);
      chains += " }\n";
    }
  auto fe = test::check(chains);
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message.find("too many methods: with the methods 'C3I") == 0);
  CHECK(d.message.find("would hold more than 100000 methods in all") != std::string::npos);

  // Three such chains (3 x 31,375 = 94,125 methods) stay within it.
  std::string fewer = "package p\n";
  for (int c = 0; c < 3; ++c)
    for (int i = 0; i < 250; ++i) {
      std::string n = "C" + std::to_string(c) + "I" + std::to_string(i);
      fewer += "type " + n + " interface { M" + std::to_string(i) + "()";
      if (i > 0) fewer += "; C" + std::to_string(c) + "I" + std::to_string(i - 1);
      fewer += " }\n";
    }
  test::expect_clean(*test::check(fewer));
}

TEST_CASE("constants: a chain of 100,000 constants is typed without deep recursion") {
  std::string chain = "package p\n";
  for (int i = 0; i < 100000; ++i) chain += "const C" + std::to_string(i) + " = C" + std::to_string(i + 1) + " + 1\n";
  chain += "const C100000 = 1.5\n";
  auto fe = test::check(chain);
  test::expect_clean(*fe);
  CHECK(fe->module->consts[0].type->go_spelling() == "float64");
  // A cycle as long is reported once, at the constant that closes it.
  std::string cycle = "package p\n";
  for (int i = 0; i < 100000; ++i) cycle += "const K" + std::to_string(i) + " = K" + std::to_string((i + 1) % 100000) + "\n";
  fe = test::check(cycle);
  Diagnostic d = test::only_error(*fe);
  CHECK(d.message == "constant 'K0' refers to itself");
}

TEST_CASE("one mistake, one error: no follow-on errors") {
  // One unknown type used five times: five errors, one at each use, and nothing else.
  auto fe = test::check(R"(package p
type T struct { A Missing; B []Missing }
func F(m Missing) map[string]Missing
var V *Missing
)");
  CHECK(messages(*fe) == std::vector<std::string>(5, "unknown type 'Missing'"));

  // `a, b Missing`: one type written once, one error.
  CHECK(test::check("package p\nfunc F(a, b Missing)\n")->diags.error_count() == 1);

  // An import that could not be loaded: its names are not reported again at every use.
  auto missing = test::check("package p\nimport \"geometry.gpi\"\nfunc F(v geometry.Vec) geometry.Vec\nconst C = geometry.Max\n");
  CHECK(messages(*missing) == std::vector<std::string>{"cannot find imported file 'geometry.gpi'"});

  // A map key of unknown type, or a receiver of unknown kind, is not judged.
  CHECK(messages(*test::check("package p\nvar M map[Missing]int\n")) ==
        std::vector<std::string>{"unknown type 'Missing'"});
  CHECK(messages(*test::check("package p\ntype T Missing\nfunc (T) M()\n")) ==
        std::vector<std::string>{"unknown type 'Missing'"});

  // A syntax error leaves the declaration's name for the checker, not a cascade of unknowns.
  auto broken = test::check("package p\ntype Point struct { X float64 Y }\nfunc F(p Point)\nfunc G(c chan int, p Point)\n");
  CHECK(messages(*broken) == std::vector<std::string>{"expected newline, found 'Y'"});
}

TEST_CASE("channel and iterator types resolve their elements") {
  auto fe = test::check("package p\ntype Point struct { X int }\nfunc A(c <-chan Point) chan<- *Point\n"
                        "func B() (chan []int, iter.Seq[Point], iter.Seq2[string, *Point])\n");
  test::expect_clean(*fe);
  const ir::FuncSig& a = fe->module->funcs[0].sig;
  CHECK(a.params[0].type->kind == ir::Type::Kind::Chan);
  CHECK(a.params[0].type->dir == ir::Type::ChanDir::Recv);
  CHECK(a.params[0].type->elem->decl == fe->module->find_type("Point"));
  CHECK(a.results[0].type->dir == ir::Type::ChanDir::Send);
  const ir::FuncSig& b = fe->module->funcs[1].sig;
  CHECK(b.results[0].type->go_spelling() == "chan []int");
  CHECK(b.results[1].type->kind == ir::Type::Kind::Seq);
  CHECK(b.results[1].type->go_spelling() == "iter.Seq[Point]");
  CHECK(b.results[2].type->key->go_spelling() == "string");
  CHECK(b.results[2].type->elem->elem->decl == fe->module->find_type("Point"));
  // Plugins read them from the JSON IR: kind chan with its direction, kind seq with key and elem.
  nlohmann::json j = to_json(*fe->module);
  CHECK(j["funcs"][0]["sig"]["params"][0]["type"]["kind"] == "chan");
  CHECK(j["funcs"][0]["sig"]["params"][0]["type"]["dir"] == "recv");
  CHECK(j["funcs"][0]["sig"]["results"][0]["type"]["dir"] == "send");
  CHECK(j["funcs"][1]["sig"]["results"][2]["type"]["kind"] == "seq");
  CHECK(j["funcs"][1]["sig"]["results"][2]["type"]["key"]["go"] == "string");
  CHECK(j["funcs"][1]["sig"]["results"][1]["type"].count("key") == 0);
  CHECK(messages(*test::check("package p\nfunc F() chan Missing\n")) == std::vector<std::string>{"unknown type 'Missing'"});
  CHECK(messages(*test::check("package p\nfunc F() iter.Seq2[int]\n")) ==
        std::vector<std::string>{"'iter.Seq2' takes 2 type arguments, not 1"});
  CHECK(messages(*test::check("package p\nvar M map[iter.Seq[int]]int\n")) ==
        std::vector<std::string>{"invalid map key type 'iter.Seq[int]' (iterators are functions, which are not comparable)"});
}

TEST_CASE("checking twice gives the same result") {
  auto fe = test::check("package p\ntype S interface { error; M() }\ntype P struct{}\nfunc (P) M()\nconst A = 1.5\n");
  check_module(*fe->module, fe->diags);
  test::expect_clean(*fe);
  CHECK(fe->module->find_type("S")->methods.size() == 2);
  CHECK(fe->module->find_type("P")->bound_methods.size() == 1);
  CHECK(type_of(*fe->module, "A") == "float64");
}

}  // TEST_SUITE("checker")
