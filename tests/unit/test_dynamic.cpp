// Go's any and embedded structs: how the front end reads them and how the plan lowers them.
#include <doctest/doctest.h>

#include <algorithm>

#include "compiler/frontend.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/promotion.hpp"
#include "targets/target.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

std::unique_ptr<ir::Module> checked_at(const std::string& path, const std::string& text, Diagnostics& diags) {
  auto m = parse_gpi(path, text, diags);
  check_module(*m, diags);
  return m;
}

std::unique_ptr<ir::Module> checked(const std::string& text, Diagnostics& diags) {
  return checked_at("/t/x.gpi", text, diags);
}

std::vector<std::string> field_names(const abi::Promoted& p) {
  std::vector<std::string> out;
  for (const auto& f : p.fields) out.push_back(f.field->name + "@" + f.via);
  return out;
}

std::vector<std::string> method_names(const abi::Promoted& p) {
  std::vector<std::string> out;
  for (const auto& f : p.methods) out.push_back(f.func->name + "@" + f.via);
  return out;
}

struct Sink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
};

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("pyi stub for dynamic.gpi: any as typing.Any, promoted fields and methods") {
    Diagnostics diags;
    std::string rel = "pyi/input/dynamic.gpi";
    auto m = checked_at("/golden/" + rel, testing::read_text(testing::golden_path(rel)), diags);
    REQUIRE_FALSE(diags.has_errors());
    Sink sink;
    Options options;
    options.gpic_version = "test";
    const Target* t = TargetRegistry::instance().find("pyi");
    REQUIRE(t != nullptr);
    t->generate(*m, options, sink, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("pyi/dynamic.pyi", sink.files.at("dynamic.pyi"));
  }
}

TEST_SUITE("dynamic") {
  TEST_CASE("any and interface{} are both the predeclared any, and cross in the wire format") {
    Diagnostics diags;
    auto m = checked("package x \"example.com/x\"\n\nfunc F(a any, b interface{}) (any, []interface{})\n"
                     "type Box struct {\n    V interface{}\n    M map[string]any\n}\n",
                     diags);
    REQUIRE_FALSE(diags.has_errors());
    const ir::Func& f = m->funcs[0];
    CHECK(f.sig.params[0].type->prim == ir::Prim::Any);
    CHECK(f.sig.params[1].type->kind == ir::Type::Kind::Prim);
    CHECK(f.sig.params[1].type->prim == ir::Prim::Any);
    CHECK(f.sig.results[1].type->go_spelling() == "[]any");
    CHECK(m->types[0].fields[0].type->go_spelling() == "any");
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    CHECK(plan->funcs[0].sig.c_declaration() ==
          "void gpic_x_F(gpic_bytes a, gpic_bytes b, gpic_bytes* r0, gpic_bytes* r1, gpic_status* st)");
  }

  TEST_CASE("methods cannot be declared on a type over any") {
    Diagnostics diags;
    checked("package x\n\ntype A any\nfunc (a A) M()\n", diags);
    REQUIRE(diags.has_errors());
    CHECK(diags.all()[0].message.find("an interface type") != std::string::npos);
  }

  TEST_CASE("embedded structs promote fields and methods as Go does: hiding and ambiguity") {
    Diagnostics diags;
    auto m = checked("package x \"example.com/x\"\n\n"
                     "type Base struct {\n    ID int\n    Name string\n}\nfunc (b *Base) Describe() string\n"
                     "type Mid struct {\n    Base\n    Level int\n}\nfunc (m *Mid) Up() int\n"
                     "type Top struct {\n    *Mid\n    Name string\n}\n"
                     "type A struct {\n    V int\n}\ntype B struct {\n    V int\n    W int\n}\n"
                     "type AB struct {\n    A\n    B\n}\n",
                     diags);
    REQUIRE_FALSE(diags.has_errors());
    abi::Promoted top = abi::promoted_members(*m->find_type("Top"));
    CHECK(field_names(top) == std::vector<std::string>{"Base@Mid", "Level@Mid", "ID@Mid.Base"});
    CHECK(method_names(top) == std::vector<std::string>{"Up@Mid", "Describe@Mid.Base"});
    REQUIRE(!top.methods.empty());
    CHECK(top.methods[0].func->recv->type_name == "Top");
    abi::Promoted ab = abi::promoted_members(*m->find_type("AB"));
    CHECK(field_names(ab) == std::vector<std::string>{"W@B"});
    CHECK(abi::promoted_members(*m->find_type("Base")).empty());

    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    const abi::ClassExport* c = plan->find_class(m->find_type("Top"));
    REQUIRE(c);
    std::vector<std::string> fields;
    for (const auto& f : c->fields) fields.push_back(f.field->name + (f.promoted ? "*" : ""));
    CHECK(fields == std::vector<std::string>{"Mid", "Name", "Base*", "Level*", "ID*"});
    std::vector<std::string> methods;
    for (const auto& me : c->methods) methods.push_back(me.sig.symbol);
    CHECK(methods == std::vector<std::string>{"gpic_x_Top_Up", "gpic_x_Top_Describe"});
  }
}

}  // namespace gpic
