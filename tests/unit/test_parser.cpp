// The parser and AST builder: every construct of the .gpi language, positions, doc comments,
// semicolon insertion, and syntax errors (reported, recovered from, never a crash).
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>

#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;
using gpic::test::parse;
using Kind = ir::Type::Kind;

namespace {

std::string spelled(const ir::TypeRef& t) { return t ? t->go_spelling() : "<null>"; }

std::string spelled(const ir::FuncSig& sig) {
  ir::Type t;
  t.kind = Kind::Func;
  t.sig = std::make_shared<ir::FuncSig>(sig);
  return t.go_spelling();
}

const ir::Func& func(const ir::Module& m, std::string_view name) {
  for (const ir::Func& f : m.funcs)
    if (f.name == name) return f;
  FAIL("no func " << name);
  return m.funcs.front();
}

const ir::Const& constant(const ir::Module& m, std::string_view name) {
  for (const ir::Const& c : m.consts)
    if (c.name == name) return c;
  FAIL("no const " << name);
  return m.consts.front();
}

std::vector<std::string> messages(const test::FrontEnd& fe) {
  std::vector<std::string> out;
  for (const Diagnostic& d : fe.diags.all()) out.push_back(d.message);
  return out;
}

}  // namespace

TEST_SUITE("parser") {

TEST_CASE("package clause: name, Go import path, and the path defaulting to the name") {
  auto fe = parse("package shapes \"example.com/shapes\"\n");
  test::expect_clean(*fe);
  CHECK(fe->module->name == "shapes");
  CHECK(fe->module->go_path == "example.com/shapes");
  CHECK(fe->module->file == "test.gpi");
  CHECK(fe->module->loc.line == 1);
  CHECK(fe->module->loc.col == 9);

  auto bare = parse("package gomath");  // no newline at the end of the file either
  test::expect_clean(*bare);
  CHECK(bare->module->go_path == "gomath");

  auto raw = parse("package m `example.com/m`\n");
  CHECK(raw->module->go_path == "example.com/m");
}

TEST_CASE("imports, single and grouped") {
  auto fe = parse("package p\nimport \"geometry.gpi\"\nimport (\n  \"a.gpi\"\n  \"b.gpi\"\n)\n");
  test::expect_clean(*fe);
  REQUIRE(fe->module->imports.size() == 3);
  CHECK(fe->module->imports[0].path == "geometry.gpi");
  CHECK(fe->module->imports[0].loc.line == 2);
  CHECK(fe->module->imports[0].loc.col == 8);
  CHECK(fe->module->imports[0].module == nullptr);
  CHECK(fe->module->imports[2].path == "b.gpi");
}

TEST_CASE("constants: typed, untyped, grouped with iota and implicit repetition") {
  auto fe = parse(R"(package p
const MaxPoints int = 1024
const Name = "gpic"
const (
    Red Color = iota
    Green
    Blue
)
const (
    _  = iota
    KB = 1 << (10 * iota)
    MB
)
const A, B = 1, -2.5
const Big = geometry.Max * 2
const Conv = Celsius(100)
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  CHECK(spelled(constant(m, "MaxPoints").type) == "int");
  CHECK(constant(m, "MaxPoints").value.text() == "1024");
  CHECK(constant(m, "MaxPoints").group == -1);
  CHECK(constant(m, "Name").type == nullptr);
  CHECK(constant(m, "Name").value.tokens[0].kind == ir::ConstExpr::Token::Kind::String);

  const ir::Const& green = constant(m, "Green");
  CHECK(green.implicit);
  CHECK(green.iota == 1);
  CHECK(green.group == 0);
  CHECK(spelled(green.type) == "Color");
  CHECK(green.value.text() == "iota");
  CHECK(green.value.tokens[0].kind == ir::ConstExpr::Token::Kind::Iota);
  CHECK(constant(m, "Blue").iota == 2);

  // `_` only advances iota: it is not a constant to bind.
  const ir::Const& mb = constant(m, "MB");
  CHECK(mb.group == 1);
  CHECK(mb.iota == 2);
  CHECK(mb.implicit);
  CHECK(mb.value.text() == "1 << (10 * iota)");
  for (const ir::Const& c : m.consts) CHECK(c.name != "_");

  CHECK(constant(m, "A").value.text() == "1");
  CHECK(constant(m, "B").value.text() == "-2.5");
  // A qualified name is one token.
  const ir::Const& big = constant(m, "Big");
  REQUIRE(big.value.tokens.size() == 3);
  CHECK(big.value.tokens[0].text == "geometry.Max");
  CHECK(big.value.tokens[0].kind == ir::ConstExpr::Token::Kind::Ident);
  CHECK(constant(m, "Conv").value.text() == "Celsius(100)");
}

TEST_CASE("constant expressions: every literal kind and operator, with Go-like spacing") {
  auto fe = parse(R"(package p
const (
    I = 0x1F + 0o17 + 0b101 + 017 + 1_000
    F = 1.5e3 + .5 + 0x1p-2
    C = 2i
    R = 'x'
    S = `raw` + "esc\"aped"
    T = true && !false || 1 < 2 && 3 >= 4
    U = ^1 &^ 2 | 3 ^ 4 % 5 >> 1
    V = -(-1) * +2 / (3 - 4)
    W = len("abc") + max(1, 2)
)
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  using K = ir::ConstExpr::Token::Kind;
  CHECK(constant(m, "I").value.text() == "0x1F + 0o17 + 0b101 + 017 + 1_000");
  CHECK(constant(m, "F").value.tokens[0].kind == K::Float);
  CHECK(constant(m, "F").value.tokens[4].kind == K::Float);
  CHECK(constant(m, "C").value.tokens[0].kind == K::Imaginary);
  CHECK(constant(m, "R").value.tokens[0].kind == K::Rune);
  CHECK(constant(m, "S").value.text() == "`raw` + \"esc\\\"aped\"");
  CHECK(constant(m, "T").value.tokens[0].kind == K::Bool);
  CHECK(constant(m, "T").value.text() == "true && !false || 1 < 2 && 3 >= 4");
  CHECK(constant(m, "U").value.text() == "^1 &^ 2 | 3 ^ 4 % 5 >> 1");
  CHECK(constant(m, "V").value.text() == "-(-1) * +2 / (3 - 4)");
  CHECK(constant(m, "W").value.text() == "len(\"abc\") + max(1, 2)");
}

TEST_CASE("constant specs with the wrong number of values") {
  auto fe = parse("package p\nconst A, B = 1\nconst C = 1, 2\nconst (\n  D\n)\n");
  CHECK(messages(*fe) == std::vector<std::string>{
                             "missing value for constant 'B'",
                             "extra value in const declaration: 1 name, 2 values",
                             "missing value for constant 'D'",
                         });
}

TEST_CASE("variables, single and grouped") {
  auto fe = parse("package p\nvar Verbose bool\nvar (\n  Count, Total int\n  Names []string\n)\n");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  REQUIRE(m.vars.size() == 4);
  CHECK(m.vars[0].name == "Verbose");
  CHECK(spelled(m.vars[0].type) == "bool");
  CHECK(m.vars[1].name == "Count");
  CHECK(m.vars[2].name == "Total");
  CHECK(spelled(m.vars[2].type) == "int");
  CHECK(m.vars[2].loc.line == 4);
  CHECK(m.vars[2].loc.col == 10);
  CHECK(spelled(m.vars[3].type) == "[]string");
}

TEST_CASE("struct types: field lists, embedded fields, tags, one-line bodies") {
  auto fe = parse(R"(package p
type Point struct {
    X, Y  float64
    Label string `json:"label"`
    Base
    *Other
    geometry.Vec
}
type Pair struct { A int; B string }
type Empty struct{}
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  const ir::TypeDecl* point = m.find_type("Point");
  REQUIRE(point);
  CHECK(point->kind == ir::TypeDecl::Kind::Struct);
  REQUIRE(point->fields.size() == 6);
  CHECK(point->fields[0].name == "X");
  CHECK(point->fields[1].name == "Y");
  CHECK(point->fields[1].type == point->fields[0].type);  // `X, Y float64`: one type, written once
  CHECK(point->fields[1].loc.col == 8);
  CHECK(spelled(point->fields[2].type) == "string");
  CHECK(point->fields[3].embedded);
  CHECK(point->fields[3].name == "Base");
  CHECK(spelled(point->fields[4].type) == "*Other");
  CHECK(point->fields[4].name == "Other");
  CHECK(point->fields[5].name == "Vec");
  CHECK(point->fields[5].type->qualifier == "geometry");
  CHECK(point->fields[5].loc.col == 14);  // the field's name is the type's own name

  REQUIRE(m.find_type("Pair")->fields.size() == 2);
  CHECK(m.find_type("Pair")->fields[1].name == "B");
  CHECK(m.find_type("Empty")->fields.empty());
}

TEST_CASE("interface types: methods and embedded interfaces") {
  auto fe = parse(R"(package p
type Shape interface {
    Area() float64
    Name() string
    Scale(f float64) (Shape, error)
}
type Named interface { Shape; geometry.Sized; error }
type Any interface{}
)");
  test::expect_clean(*fe);
  const ir::TypeDecl* shape = fe->module->find_type("Shape");
  REQUIRE(shape);
  CHECK(shape->kind == ir::TypeDecl::Kind::Interface);
  REQUIRE(shape->methods.size() == 3);
  CHECK(shape->methods[0].name == "Area");
  CHECK(shape->methods[0].loc.line == 3);
  CHECK(shape->methods[0].loc.col == 5);
  CHECK(spelled(shape->methods[2].sig) == "func(f float64) (Shape, error)");

  const ir::TypeDecl* named = fe->module->find_type("Named");
  CHECK(named->methods.empty());  // the checker adds the embedded interfaces' methods
  REQUIRE(named->embeds.size() == 3);
  CHECK(spelled(named->embeds[0]) == "Shape");
  CHECK(spelled(named->embeds[1]) == "geometry.Sized");
  CHECK(named->embeds[2]->kind == Kind::Prim);
  CHECK(fe->module->find_type("Any")->methods.empty());
}

TEST_CASE("defined types, aliases and grouped type declarations") {
  auto fe = parse(R"(package p
type Celsius float64
type Names []string
type Index map[string][]int
type Vec3 [3]float64
type Callback func(int) bool
type Distance = Celsius
type (
    A int
    B = A
    C struct { X int }
)
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  CHECK(m.find_type("Celsius")->kind == ir::TypeDecl::Kind::Defined);
  CHECK(spelled(m.find_type("Celsius")->underlying) == "float64");
  CHECK_FALSE(m.find_type("Celsius")->alias);
  CHECK(spelled(m.find_type("Index")->underlying) == "map[string][]int");
  CHECK(spelled(m.find_type("Vec3")->underlying) == "[3]float64");
  CHECK(m.find_type("Vec3")->underlying->length == 3);
  CHECK(spelled(m.find_type("Callback")->underlying) == "func(int) bool");
  CHECK(m.find_type("Distance")->alias);
  CHECK(m.find_type("B")->alias);
  CHECK(m.find_type("C")->kind == ir::TypeDecl::Kind::Struct);
  CHECK(m.find_type("C")->loc.line == 11);
}

TEST_CASE("every type form") {
  auto fe = parse(R"(package p
func F(a bool, b int, c int8, d int16, e int32, f int64, g uint, h uint8, i uint16, j uint32,
       k uint64, l uintptr, m byte, n rune, o float32, p float64, q complex64, r complex128,
       s string, t error)
func G(a []int, b [4]byte, c map[string]*Point, d *Point, e func(x int, ys ...string) (int, error),
       f geometry.Vec, g [][]map[int]string, h func())
)");
  test::expect_clean(*fe);
  const ir::Func& f = func(*fe->module, "F");
  REQUIRE(f.sig.params.size() == 20);
  const ir::Prim expected[] = {
      ir::Prim::Bool,   ir::Prim::Int,     ir::Prim::Int8,    ir::Prim::Int16,     ir::Prim::Int32,
      ir::Prim::Int64,  ir::Prim::Uint,    ir::Prim::Uint8,   ir::Prim::Uint16,    ir::Prim::Uint32,
      ir::Prim::Uint64, ir::Prim::Uintptr, ir::Prim::Byte,    ir::Prim::Rune,      ir::Prim::Float32,
      ir::Prim::Float64, ir::Prim::Complex64, ir::Prim::Complex128, ir::Prim::String, ir::Prim::Error};
  for (size_t i = 0; i < 20; ++i) {
    CHECK(f.sig.params[i].type->kind == Kind::Prim);
    CHECK(f.sig.params[i].type->prim == expected[i]);
  }
  const ir::Func& g = func(*fe->module, "G");
  REQUIRE(g.sig.params.size() == 8);
  CHECK(g.sig.params[0].type->kind == Kind::Slice);
  CHECK(g.sig.params[1].type->kind == Kind::Array);
  CHECK(g.sig.params[1].type->length == 4);
  CHECK(g.sig.params[2].type->kind == Kind::Map);
  CHECK(spelled(g.sig.params[2].type->key) == "string");
  CHECK(g.sig.params[3].type->kind == Kind::Pointer);
  CHECK(g.sig.params[4].type->kind == Kind::Func);
  CHECK(g.sig.params[4].type->sig->variadic);
  CHECK(spelled(g.sig.params[4].type) == "func(x int, ys ...string) (int, error)");
  CHECK(g.sig.params[5].type->kind == Kind::Named);
  CHECK(g.sig.params[5].type->qualifier == "geometry");
  CHECK(g.sig.params[5].type->name == "Vec");
  CHECK(spelled(g.sig.params[6].type) == "[][]map[int]string");
  CHECK(spelled(g.sig.params[7].type) == "func()");
}

TEST_CASE("functions and methods: receivers, parameter forms, results") {
  auto fe = parse(R"(package p
func NewPoint(x, y float64) *Point
func (p *Point) Dist(q *Point) float64
func (Point) Origin() Point
func (*Point) Reset()
func (p Point) String() string
func Pair(int, string) (a, b int)
func Sum(label string, xs ...float64) float64
func Largest(shapes []Shape) (Shape, error)
func Walk(items []string, visit func(item string) bool) error
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;

  const ir::Func& np = func(m, "NewPoint");
  CHECK_FALSE(np.recv);
  CHECK(spelled(np.sig) == "func(x float64, y float64) *Point");
  CHECK(np.sig.params[1].loc.col == 18);
  CHECK(np.sig.params[1].type == np.sig.params[0].type);

  const ir::Func& dist = func(m, "Dist");
  REQUIRE(dist.recv);
  CHECK(dist.recv->name == "p");
  CHECK(dist.recv->type_name == "Point");
  CHECK(dist.recv->pointer);
  CHECK(dist.loc.line == 3);
  CHECK(dist.loc.col == 17);

  CHECK(func(m, "Origin").recv->name.empty());
  CHECK_FALSE(func(m, "Origin").recv->pointer);
  CHECK(func(m, "Reset").recv->pointer);
  CHECK(func(m, "Reset").recv->name.empty());
  CHECK(func(m, "String").recv->name == "p");

  const ir::Func& pair = func(m, "Pair");
  CHECK(pair.sig.params[0].name.empty());
  CHECK(spelled(pair.sig) == "func(int, string) (a int, b int)");

  const ir::Func& sum = func(m, "Sum");
  CHECK(sum.sig.variadic);
  CHECK(sum.sig.params[1].type->kind == Kind::Slice);
  CHECK(spelled(sum.sig.params[1].type->elem) == "float64");

  const ir::Func& largest = func(m, "Largest");
  CHECK(largest.sig.returns_error());
  REQUIRE(largest.sig.value_results().size() == 1);
  CHECK(spelled(largest.sig.value_results()[0]->type) == "Shape");
  CHECK(spelled(func(m, "Walk").sig) == "func(items []string, visit func(item string) bool) error");

  REQUIRE(m.functions().size() == 5);
  CHECK(m.functions()[1]->name == "Pair");
}

TEST_CASE("parameter lists over several lines, with or without a trailing comma") {
  auto fe = parse(R"(package p
func F(
    a int,
    b int,
) int
func G(a int,
       b string) (
    n int,
    err error)
func H(
    a int
)
)");
  test::expect_clean(*fe);
  CHECK(spelled(func(*fe->module, "F").sig) == "func(a int, b int) int");
  CHECK(spelled(func(*fe->module, "G").sig) == "func(a int, b string) (n int, err error)");
  CHECK(spelled(func(*fe->module, "H").sig) == "func(a int)");
}

TEST_CASE("semicolons and comments end declarations like newlines") {
  auto fe = parse(
      "package p; const A = 1; var B int\n"
      "type T struct { X int; Y int; }; func F() /* a comment\n spanning lines */ func G()\n"
      "// a line comment\n"
      "const ( C = 1; D = 2 )\n");
  test::expect_clean(*fe);
  CHECK(fe->module->consts.size() == 3);
  CHECK(fe->module->vars.size() == 1);
  CHECK(fe->module->funcs.size() == 2);
  CHECK(fe->module->find_type("T")->fields.size() == 2);
}

TEST_CASE("Module::order lists declarations across kinds in source order") {
  auto fe = parse("package p\ntype T int\nfunc F()\nconst C = 1\nvar V int\nfunc (T) M()\n");
  using K = ir::DeclRef::Kind;
  const auto& order = fe->module->order;
  REQUIRE(order.size() == 5);
  CHECK(order[0].kind == K::Type);
  CHECK(order[1].kind == K::Func);
  CHECK(order[2].kind == K::Const);
  CHECK(order[3].kind == K::Var);
  CHECK(order[4].kind == K::Func);
  CHECK(order[4].index == 1);
}

TEST_CASE("locations: 1-based lines, columns in code points, tabs count as one") {
  auto fe = parse("package p\n/* 도형 */ type\tShape int\n");
  test::expect_clean(*fe);
  const ir::TypeDecl& t = fe->module->types[0];
  CHECK(t.loc.file == "test.gpi");
  CHECK(t.loc.line == 2);
  CHECK(t.loc.col == 15);  // "/* 도형 */ type\t" is 14 code points
  CHECK(t.underlying->loc.col == 21);
}

TEST_CASE("doc comments attach to the next declaration, field, method or group entry") {
  auto fe = parse(R"(/// @en Shapes and geometry helpers.
/// @ko 도형과 기하 도우미.
package shapes "example.com/shapes"

/// A point in the plane.
type Point struct {
    /// The coordinates.
    X, Y float64
    Label string
}

type Shape interface {
    /// @en The area.
    /// @ko 넓이.
    Area() float64
}

/// Colors of the rainbow.
const (
    /// @ko[1a2b3c4d] 빨강.
    Red Color = iota
    Green
)

/// Adds.
func Add(a, b int) int
// not a doc comment
//// nor is this ruler
func Plain()
/// Dangling: documents nothing.
)");
  test::expect_clean(*fe);
  const ir::Module& m = *fe->module;
  CHECK(m.doc.en == "Shapes and geometry helpers.");
  CHECK(m.doc.ko == "도형과 기하 도우미.");
  CHECK(m.doc.loc.line == 1);

  const ir::TypeDecl* point = m.find_type("Point");
  CHECK(point->doc.en == "A point in the plane.");
  CHECK(point->doc.ko.empty());
  CHECK(point->fields[0].doc.en == "The coordinates.");
  CHECK(point->fields[1].doc.en == "The coordinates.");
  CHECK(point->fields[2].doc.empty());

  const ir::TypeDecl* shape = m.find_type("Shape");
  CHECK(shape->doc.empty());
  CHECK(shape->methods[0].doc.en == "The area.");
  CHECK(shape->methods[0].doc.ko == "넓이.");

  // An entry with no doc of its own takes the group's.
  CHECK(constant(m, "Red").doc.ko == "빨강.");
  CHECK(constant(m, "Red").doc.ko_stamp == "1a2b3c4d");
  CHECK(constant(m, "Red").doc.en.empty());
  CHECK(constant(m, "Green").doc.en == "Colors of the rainbow.");

  CHECK(func(m, "Add").doc.en == "Adds.");
  CHECK(func(m, "Plain").doc.empty());
}

TEST_CASE("doc comments: multi-line sections keep Markdown layout") {
  auto fe = parse(
      "package p\n"
      "/// Sums numbers.\n"
      "///\n"
      "/// Example:\n"
      "///\n"
      "///     Sum(1, 2)\n"
      "/// @ko 수를 더한다.\n"
      "///   - 첫째\n"
      "///\n"
      "func Sum(xs ...int) int\n");
  test::expect_clean(*fe);
  const ir::Doc& doc = fe->module->funcs[0].doc;
  CHECK(doc.en == "Sums numbers.\n\nExample:\n\n    Sum(1, 2)");
  CHECK(doc.ko == "수를 더한다.\n  - 첫째");
  CHECK(doc.loc.line == 2);
  CHECK(doc.loc.col == 1);
}

TEST_CASE("syntax errors are phrased for the author and all of them are reported") {
  auto fe = parse(R"(package p
type Point struct {
    X float64 Y float64
}
type = int
func F(a int) int int
var V
const C = 1 + )
func G()
)");
  std::vector<std::string> expected = {
      "expected newline, found 'Y'",
      "expected '(' or type name, found '='",
      "expected newline, found 'int'",
      "expected type, found newline",
      "expected expression, found ')'",
  };
  CHECK(messages(*fe) == expected);
  // The declarations around the errors are still there.
  CHECK(fe->module->find_type("Point"));
  CHECK(fe->module->funcs.size() == 2);
  const Diagnostic& first = fe->diags.all()[0];
  CHECK(first.loc.line == 3);
  CHECK(first.loc.col == 15);
}

TEST_CASE("syntax errors at the end of a file and in lists") {
  CHECK(messages(*parse("")) == std::vector<std::string>{"expected package clause, found end of file"});
  CHECK(messages(*parse("package")) == std::vector<std::string>{"expected package name, found end of file"});
  CHECK(messages(*parse("package p\ntype T struct {\n")) ==
        std::vector<std::string>{"expected '}', '*' or identifier, found end of file"});
  CHECK(messages(*parse("package p\nfunc F(a int, b string\nfunc G()\n")) ==
        std::vector<std::string>{"expected ')' or ',', found newline"});
  CHECK(messages(*parse("package p\nfunc F() map[string\n")) ==
        std::vector<std::string>{"expected ']', found newline"});
}

TEST_CASE("a file with only a package clause, or only comments, is fine or one error") {
  test::expect_clean(*parse("package p\n"));
  test::expect_clean(*parse("// comment\n/* block */\n/// doc\npackage p // trailing\n/// dangling\n"));
  CHECK(messages(*parse("// only a comment\n")) ==
        std::vector<std::string>{"expected package clause, found end of file"});
}

TEST_CASE("lexical errors: stray characters, unterminated literals and comments, bad UTF-8") {
  auto fe = parse("package p\nconst A = \"open\nconst B = 'x\nconst C = `raw\n");
  CHECK(messages(*fe) == std::vector<std::string>{"unterminated string literal", "unterminated rune literal",
                                                  "unterminated raw string literal"});
  CHECK(fe->diags.all()[0].loc.line == 2);
  CHECK(fe->diags.all()[0].loc.col == 11);

  CHECK(messages(*parse("package p\n/* never closed\nfunc F()\n")) ==
        std::vector<std::string>{"unterminated comment"});
  CHECK(messages(*parse("package p\nfunc F(a # int)\n")) == std::vector<std::string>{"invalid character '#'"});
  auto junk = parse(std::string("package p\nfunc F(a \x01\x02 int)\n\xff\xfe\n", 30));
  CHECK(messages(*junk) == std::vector<std::string>{"invalid UTF-8 encoding", "invalid character U+0001"});
  CHECK(junk->diags.all()[0].loc.line == 3);
  CHECK(junk->diags.all()[1].loc.line == 2);
}

TEST_CASE("never a crash on garbage") {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919 + 13) % 256);
  const std::string inputs[] = {
      binary,
      std::string("\0\0\0", 3),
      "package p\nfunc (((((((",
      "package p\ntype T struct { struct { interface { map[[[[ }}}}",
      "package p\nconst ( A = (((1 + ) ) ",
      "}}}}))))]]]]",
      "package p\n\"unterminated",
      "package p\n" + std::string(2000, '('),
      "package p\nfunc F(...int, a ...int) (...int)",
      "package p\ntype T [99999999999999999999999]int",
      "\xEF\xBB\xBFpackage p\n",  // a UTF-8 byte order mark
  };
  for (const std::string& input : inputs) {
    auto fe = parse(input);
    REQUIRE(fe->module);
    check_module(*fe->module, fe->diags);  // the checker must cope with whatever was built
    CHECK(fe->diags.error_count() <= 101);
  }
  test::expect_clean(*parse(inputs[10]));
}

TEST_CASE("nesting too deep for the stack is an error, not a crash") {
  std::string deep = "package p\nvar A " + std::string(2 * 100000, '[');
  for (int i = 0; i < 100000; ++i) deep[10 + 6 + 2 * i + 1] = ']';
  deep += "int\nconst B = " + std::string(50000, '(') + "1" + std::string(50000, ')') + "\n";
  deep += "const C = " + std::string(50000, '-') + "1\nfunc F()\n";
  auto fe = parse(deep);
  CHECK(messages(*fe) ==
        std::vector<std::string>(3, "nested too deeply: types and constant expressions may nest at most 256 levels"));
  REQUIRE(fe->module->funcs.size() == 1);  // and the declarations after them are read
  check_module(*fe->module, fe->diags);

  // Long but flat is fine: a chain of binary operators does not nest.
  std::string flat = "package p\nconst D = 1";
  for (int i = 0; i < 20000; ++i) flat += " + 1";
  test::expect_clean(*test::check(flat + "\n"));
}

TEST_CASE("too many syntax errors: the first hundred are reported, then a note") {
  std::string text = "package p\n";
  for (int i = 0; i < 300; ++i) text += "func F" + std::to_string(i) + "( ]\n";
  auto fe = parse(text);
  CHECK(fe->diags.error_count() == 100);
  CHECK(fe->diags.all().back().severity == Severity::Note);
}

TEST_CASE("variadic parameters and grouping mistakes the syntax alone decides") {
  CHECK(messages(*parse("package p\nfunc F(xs ...int, y int)\n")) ==
        std::vector<std::string>{"'...' is only allowed on the final parameter"});
  CHECK(messages(*parse("package p\nfunc F() (...int)\n")) ==
        std::vector<std::string>{"'...' is not allowed in results"});
  CHECK(messages(*parse("package p\nfunc F(a, b ...int)\n")) ==
        std::vector<std::string>{"'...' is only allowed on the final parameter"});
  CHECK(messages(*parse("package p\nfunc F(a int, []string)\n")) ==
        std::vector<std::string>{"mixed named and unnamed parameters"});
  CHECK(messages(*parse("package p\nfunc F(a int, b)\n")) ==
        std::vector<std::string>{"mixed named and unnamed parameters"});
  CHECK(messages(*parse("package p\nfunc F(c chan int, r <-chan string, s chan<- []byte)\n")).empty());
}

TEST_CASE("an anonymous struct field type says what to write instead, once") {
  auto fe = parse("package p\ntype Header struct {\n    WindowSize uint64\n    Dictionary struct {\n        ID uint32\n"
                  "        Size int\n    }\n    Flags int\n}\nfunc F() int\n");
  REQUIRE(fe->diags.error_count() == 1);
  const Diagnostic& d = fe->diags.all().front();
  CHECK(d.loc.line == 4);
  CHECK(d.loc.col == 16);
  CHECK(d.message.find("a .gpi has no anonymous struct types: leave this field out") == 0);
  // The struct keeps the fields around it, and the file goes on.
  REQUIRE(fe->module->types.size() == 1);
  const auto& fields = fe->module->types[0].fields;
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].name == "WindowSize");
  CHECK(fields[1].name == "Flags");
  CHECK(fe->module->funcs.size() == 1);
}

TEST_CASE("ir helpers: primitive names, classification and sizes") {
  CHECK(ir::prim_name(ir::Prim::Complex128) == "complex128");
  CHECK(ir::prim_from_name("byte") == ir::Prim::Byte);
  CHECK(ir::prim_from_name("error") == ir::Prim::Error);
  CHECK_FALSE(ir::prim_from_name("Point"));
  CHECK(ir::canonical(ir::Prim::Byte) == ir::Prim::Uint8);
  CHECK(ir::canonical(ir::Prim::Rune) == ir::Prim::Int32);
  CHECK(ir::canonical(ir::Prim::Int) == ir::Prim::Int);
  CHECK(ir::is_integer(ir::Prim::Uintptr));
  CHECK(ir::is_integer(ir::Prim::Byte));
  CHECK_FALSE(ir::is_integer(ir::Prim::Float32));
  CHECK(ir::is_signed(ir::Prim::Rune));
  CHECK_FALSE(ir::is_signed(ir::Prim::Uint));
  CHECK(ir::is_float(ir::Prim::Float32));
  CHECK(ir::is_complex(ir::Prim::Complex64));
  CHECK(ir::prim_bits(ir::Prim::Int8) == 8);
  CHECK(ir::prim_bits(ir::Prim::Byte) == 8);
  CHECK(ir::prim_bits(ir::Prim::Rune) == 32);
  CHECK(ir::prim_bits(ir::Prim::Int) == 64);
  CHECK(ir::prim_bits(ir::Prim::Complex64) == 64);
  CHECK(ir::prim_bits(ir::Prim::Complex128) == 128);
}

TEST_CASE("ir helpers: results without the trailing error") {
  auto fe = parse("package p\nfunc A() error\nfunc B() (int, string, error)\nfunc C() int\n");
  const ir::Module& m = *fe->module;
  CHECK(func(m, "A").sig.returns_error());
  CHECK(func(m, "A").sig.value_results().empty());
  CHECK(func(m, "B").sig.value_results().size() == 2);
  CHECK_FALSE(func(m, "C").sig.returns_error());
  CHECK(func(m, "C").sig.value_results().size() == 1);
}

// A measurement, not a test: skipped unless asked for with
//   gpic_unit -tc="speed*" --no-skip
TEST_CASE("speed: 100000 declarations" * doctest::skip()) {
  std::string text = "package big \"example.com/big\"\n";
  for (int i = 0; i < 100000; ++i) {
    std::string n = std::to_string(i);
    switch (i % 5) {
      case 0: text += "/// @en Point " + n + ".\n/// @ko 점 " + n + ".\ntype P" + n +
                      " struct {\n    X, Y float64\n    Label string\n    Tags []string\n}\n"; break;
      case 1: text += "func F" + n + "(a int, b string, xs ...float64) (map[string]int, error)\n"; break;
      case 2: text += "func (p *P" + std::to_string(i - 2) + ") M" + n + "(q *P" + std::to_string(i - 2) +
                      ", f func(int) bool) []int\n"; break;
      case 3: text += "const C" + n + " = 1 << " + std::to_string(i % 60) + "\n"; break;
      case 4: text += "type T" + n + " []P" + std::to_string(i - 4) + "\n"; break;
    }
  }
  // Wall time, and CPU time, which a busy machine disturbs less.
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  auto cpu_seconds = [](std::clock_t a, std::clock_t b) { return static_cast<double>(b - a) / CLOCKS_PER_SEC; };
  Diagnostics diags;
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  auto module = parse_gpi("big.gpi", text, diags);
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  check_module(*module, diags);
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  CHECK(diags.all().empty());
  CHECK(module->order.size() == 100000);
  MESSAGE("100,000 declarations (" << text.size() / 1000 << " kB): parse_gpi " << seconds(t0, t1) << " s ("
          << cpu_seconds(c0, c1) << " s CPU), check_module " << seconds(t1, t2) << " s (" << cpu_seconds(c1, c2)
          << " s CPU)");
}

}  // TEST_SUITE("parser")
