// The pyi target: stubs for fixed inputs against golden files, and the pieces that decide how
// Python sees a type.
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "targets/pyi/type_view.hpp"
#include "targets/target.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

struct Sink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
};

std::unique_ptr<ir::Module> load(const std::string& rel, Diagnostics& diags) {
  std::string text = testing::read_text(testing::golden_path(rel));
  auto m = parse_gpi("/golden/" + rel, text, diags);
  check_module(*m, diags);
  return m;
}

Sink stub(const ir::Module& m, bool snake = false) {
  Sink sink;
  Options options;
  options.gpic_version = "test";
  options.snake_names = snake;
  Diagnostics diags;
  const Target* t = TargetRegistry::instance().find("pyi");
  REQUIRE(t != nullptr);
  t->generate(m, options, sink, diags);
  CHECK_FALSE(diags.has_errors());
  return sink;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("pyi stub for calc.gpi") {
    Diagnostics diags;
    auto m = load("inputs/calc.gpi", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("pyi/calc.pyi", stub(*m).files.at("calc.pyi"));
  }

  TEST_CASE("pyi stub for zoo.gpi: classes, protocols, enums, aliases, callbacks, hidden type names") {
    Diagnostics diags;
    auto m = load("pyi/input/zoo.gpi", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("pyi/zoo.pyi", stub(*m).files.at("zoo.pyi"));
    CHECK_GOLDEN("pyi/zoo_snake.pyi", stub(*m, true).files.at("zoo.pyi"));
  }
}

TEST_SUITE("targets") {
  TEST_CASE("how Python sees each declared type") {
    Diagnostics diags;
    auto m = load("pyi/input/zoo.gpi", diags);
    REQUIRE_FALSE(diags.has_errors());
    using pyi::TypeView;
    CHECK(pyi::view_of(*m, *m->find_type("Animal")) == TypeView::StructClass);
    CHECK(pyi::view_of(*m, *m->find_type("Heights")) == TypeView::ValueClass);
    CHECK(pyi::view_of(*m, *m->find_type("Kind")) == TypeView::IntEnum);
    CHECK(pyi::view_of(*m, *m->find_type("Noisy")) == TypeView::Protocol);
    CHECK(pyi::view_of(*m, *m->find_type("Kilos")) == TypeView::Alias);
    REQUIRE(pyi::enum_members(*m, *m->find_type("Kind")).size() == 2);
    CHECK(pyi::enum_members(*m, *m->find_type("Kind"))[1]->name == "Dog");
  }

  TEST_CASE("a stub is written for every input, whatever the ABI can carry") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Make() func([][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]int)\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::string s = stub(*m).files.at("x.pyi");
    CHECK(s.find("def Make() -> Callable[[Sequence[Sequence[") != std::string::npos);
    CHECK(s.find("from collections.abc import Callable, Sequence\n") != std::string::npos);
  }

  TEST_CASE("a pointer result is T unless //gpic:nilable says it may be nil") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi", R"(package x "example.com/x"
type E struct{ Next *E }
func (e *E) Child() *E
//gpic:nilable
func (e *E) Parent() *E
func Must(s string) *E
//gpic:nilable
func Lookup(s string) (*E, error)
func Pair() (*E, *E)
func Big() *big.Int
//gpic:nilable
func MaybeBig() *big.Int
func List() []*E
)", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::string s = stub(*m).files.at("x.pyi");
    CHECK(s.find("def Child(self) -> E:") != std::string::npos);
    CHECK(s.find("def Parent(self) -> E | None:") != std::string::npos);
    CHECK(s.find("def Must(s: str) -> E:") != std::string::npos);
    CHECK(s.find("def Lookup(s: str) -> E | None:") != std::string::npos);
    CHECK(s.find("def Pair() -> tuple[E, E]:") != std::string::npos);
    CHECK(s.find("def Big() -> int:") != std::string::npos);
    CHECK(s.find("def MaybeBig() -> int | None:") != std::string::npos);
    // Fields, and elements of a result, are nil by Go's zero value: they stay T | None.
    CHECK(s.find("def List() -> list[E | None]:") != std::string::npos);
    CHECK(s.find("Next: E | None") != std::string::npos);
  }
}

}  // namespace gpic
