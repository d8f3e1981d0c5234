// The cgo and cffi targets: their output for a fixed input against golden files, and the
// pieces they are built from (ABI lowering, Go expression printing, naming tables).
#include <doctest/doctest.h>

#include "compiler/frontend.hpp"
#include "compiler/output.hpp"
#include "targets/cgo/go_expr.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/target.hpp"
#include "tests/unit/golden.hpp"

namespace gpic {
namespace {

struct MemorySink : FileSink {
  std::map<std::string, std::string> files;
  void write(const std::string& path, std::string content) override { files[path] = std::move(content); }
};

// Parses and checks a golden input under a fixed absolute path, so the //line directives in
// the output do not depend on where the repository is checked out.
std::unique_ptr<ir::Module> load(const std::string& name, Diagnostics& diags) {
  std::string text = testing::read_text(testing::golden_path("inputs/" + name));
  auto m = parse_gpi("/golden/" + name, text, diags);
  check_module(*m, diags);
  return m;
}

MemorySink run(const std::string& target, const ir::Module& m, Diagnostics& diags) {
  MemorySink sink;
  Options options;
  options.gpic_version = "test";
  const Target* t = TargetRegistry::instance().find(target);
  REQUIRE(t != nullptr);
  t->generate(m, options, sink, diags);
  return sink;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("cgo output for calc.gpi") {
    Diagnostics diags;
    auto m = load("calc.gpi", diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = run("cgo", *m, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("cgo/calc_shim.go", out.files.at("calc_cgo/calc_shim.go"));
    CHECK_GOLDEN("cgo/calc_checks.go", out.files.at("calc_cgo/calc_checks.go"));
    CHECK_GOLDEN("cgo/gpic_calc.h", out.files.at("calc_cgo/gpic_calc.h"));
    CHECK(out.files.count("calc_cgo/gpic_runtime.go") == 1);
    CHECK(out.files.count("calc_cgo/gpic_runtime.c") == 1);
    CHECK(out.files.count("calc_cgo/go.mod") == 1);
  }

  TEST_CASE("cffi output for calc.gpi") {
    Diagnostics diags;
    auto m = load("calc.gpi", diags);
    MemorySink out = run("cffi", *m, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_GOLDEN("cffi/calc/__init__.py", out.files.at("calc/__init__.py"));
    CHECK_GOLDEN("cffi/calc_build/cffi_build.py", out.files.at("calc_build/cffi_build.py"));
    CHECK(out.files.count("calc/_gpic_rt.py") == 1);
  }
}

TEST_SUITE("targets") {
  TEST_CASE("a construct the ABI cannot carry is an error naming it and the target") {
    Diagnostics diags;
    // The wire format nests values 32 deep at most.
    const std::string deep = "[][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]int";
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Adder(n int) " + deep + "\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = run("cffi", *m, diags);
    REQUIRE(diags.error_count() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.loc.line == 3);
    CHECK(d.loc.col == 19);
    CHECK(d.message.find("the cffi target cannot bind type ") == 0);
    CHECK(d.message.find(" (nested too deeply) (in func Adder)") != std::string::npos);
    CHECK(out.files.empty());
  }

  TEST_CASE("an iterator is a result only, and a channel's pump is planned where Go receives") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Take(s iter.Seq[int])\n"
                                   "func Sum(ch <-chan string) iter.Seq2[int, string]\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    MemorySink out = run("cffi", *m, diags);
    REQUIRE(diags.error_count() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.loc.line == 3);
    CHECK(d.message.find("iterator type iter.Seq[int] other than as a result") != std::string::npos);
    Diagnostics ok;
    auto sum = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Sum(ch <-chan string) iter.Seq2[int, string]\n", ok);
    check_module(*sum, ok);
    auto plan = abi::plan(*sum, "cffi", ok);
    REQUIRE(plan);
    REQUIRE_FALSE(ok.has_errors());
    REQUIRE(plan->callbacks.size() == 1);  // the pump of a Python iterable: func() []string
    CHECK(plan->callbacks[0].key == "func() []string");
  }

  TEST_CASE("every target plans the module, but a construct none can carry is reported once") {
    Diagnostics diags;
    const std::string deep = "[][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]int";
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\n\nfunc Adder(n int) " + deep + "\nfunc Take(e " + deep + ")\n", diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* target : {"cgo", "cffi", "cpython"}) run(target, *m, diags);
    REQUIRE(diags.error_count() == 2);
    CHECK(diags.all()[0].message.find("the cgo target cannot bind") == 0);
    CHECK(diags.all()[0].message.find("(in func Adder)") != std::string::npos);
    CHECK(diags.all()[1].message.find("the cgo target cannot bind") == 0);
    CHECK(diags.all()[1].message.find("(in func Take)") != std::string::npos);
  }

  TEST_CASE("sentinel errors, []error results and named scalar types with methods are planned") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi",
                       "package x \"example.com/x\"\n\nvar ErrA error\nvar N int\nvar ErrB error\n"
                       "func V() (bool, []error)\nfunc M() map[string]error\n"
                       "type Form int\nconst NFC Form = 0\nfunc (f Form) String(s string) string\n"
                       "type Temps []float64\nfunc (t Temps) Max() float64\n"
                       "type ID [2]byte\nfunc (i ID) String() string\n",
                       diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    REQUIRE(plan->sentinels.size() == 2);
    CHECK(plan->sentinels[0]->name == "ErrA");
    CHECK(plan->sentinels[1]->name == "ErrB");
    REQUIRE(plan->vars.size() == 1);
    CHECK(plan->funcs.size() == 2);
    // Form stays a value: its method takes the scalar as receiver; Temps is still a class.
    // A named array whose methods have value receivers is a value too, its receiver a wire value.
    REQUIRE(plan->value_types.size() == 2);
    CHECK(plan->value_types[0].decl->name == "Form");
    REQUIRE(plan->value_types[0].methods.size() == 1);
    CHECK(plan->value_types[0].methods[0].sig.c_declaration() ==
          "void gpic_x_Form_String(int64_t self, gpic_string s, gpic_string* r0, gpic_status* st)");
    CHECK(plan->value_types[1].decl->name == "ID");
    REQUIRE(plan->value_types[1].methods.size() == 1);
    CHECK(plan->value_types[1].methods[0].sig.c_declaration() ==
          "void gpic_x_ID_String(gpic_bytes self, gpic_string* r0, gpic_status* st)");
    REQUIRE(plan->classes.size() == 1);
    CHECK(plan->classes[0].decl->name == "Temps");
  }

  TEST_CASE("a named func type whose signature cannot cross is an opaque handle class that Python cannot make") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi",
                       "package x \"example.com/x\"\n\ntype Option func([][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]int)\ntype W struct {}\n"
                       "func WithLevel(l int) Option\nfunc New(opts ...Option) *W\n",
                       diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    REQUIRE(plan->classes.size() == 2);
    CHECK(plan->classes[0].decl->name == "Option");
    CHECK(plan->classes[0].constructor.empty());
    CHECK_FALSE(plan->classes[0].value);
    CHECK_FALSE(plan->classes[0].call);
    CHECK(plan->callbacks.empty());
    CHECK(plan->funcs[0].sig.c_declaration() == "uint64_t gpic_x_WithLevel(int64_t l, gpic_status* st)");
  }

  TEST_CASE("a named func type that crosses is a class Python calls and makes from a callable") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi",
                       "package x \"example.com/x\"\n\ntype Op func(a, b int) int\n"
                       "func Lookup(name string) Op\nfunc Fold(op Op, xs ...int) int\nvar Hook Op\n",
                       diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    REQUIRE(plan->classes.size() == 1);
    const abi::ClassExport& op = plan->classes[0];
    CHECK(op.decl->name == "Op");
    CHECK(op.constructor == "gpic_x_Op_new");
    REQUIRE(op.value);
    CHECK(op.value->kind == abi::Kind::Callback);   // made from a Python callable
    CHECK(op.value_getter.empty());
    REQUIRE(op.call);
    CHECK(op.call->sig.c_declaration() == "int64_t gpic_x_Op_call(uint64_t self, int64_t a, int64_t b, gpic_status* st)");
    // Go hands Python a handle (0 for nil); Python hands Go any callable.
    CHECK(plan->funcs[0].sig.c_declaration() == "uint64_t gpic_x_Lookup(gpic_string name, gpic_status* st)");
    CHECK(plan->funcs[0].sig.direct_result->lowering.nullable);
    CHECK(plan->funcs[1].sig.params[0].lowering.kind == abi::Kind::Callback);
    REQUIRE(plan->vars.size() == 1);
    CHECK(plan->vars[0].type.kind == abi::Kind::Handle);
    REQUIRE(plan->callbacks.size() == 1);
    CHECK(plan->callbacks[0].key == "func(a int, b int) int");
  }

  TEST_CASE("an unnamed func type Go hands Python gets a class of its own, one per type") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi",
                       "package x \"example.com/x\"\n\nfunc Adder(n int) func(int) int\n"
                       "func Twice() (func(int) int, func(x int) int)\nvar Hook func(string)\n"
                       "type H struct {\n    On func(s string)\n}\n",
                       diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    REQUIRE(plan->classes.size() == 3);
    CHECK(plan->classes[0].decl->name == "H");
    // Made in planning order (fields first), one per Go type whatever its parameter names.
    const abi::ClassExport& f2 = plan->classes[1];
    const abi::ClassExport& f1 = plan->classes[2];
    CHECK(f2.decl->synthetic);
    CHECK(f2.decl->name == "_GoFunc1");
    CHECK(f2.decl->underlying->go_spelling() == "func(s string)");
    CHECK(f1.decl->name == "_GoFunc2");
    CHECK(f1.decl->underlying->go_spelling() == "func(int) int");
    CHECK(f1.type_id == 3);
    REQUIRE(f1.call);
    CHECK(f1.call->sig.c_declaration() == "int64_t gpic_x__1GoFunc2_call(uint64_t self, int64_t arg0, gpic_status* st)");
    CHECK(plan->funcs[0].sig.direct_result->lowering.decl == f1.decl);
    CHECK(plan->funcs[1].sig.out_results[1].lowering.decl == f1.decl);
    CHECK(plan->vars[0].type.decl == f2.decl);
    CHECK(plan->classes[0].fields[0].type.decl == f2.decl);
    CHECK(plan->classes[0].fields[0].param.kind == abi::Kind::Callback);
    CHECK(plan->find_func_class(*plan->classes[0].fields[0].field->type) == &f2);
  }

  TEST_CASE("ABI lowering: scalars direct, strings and multiple results through out-params") {
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi",
                       "package x \"example.com/x\"\nfunc A(a int8, s string) uint16\nfunc B() (string, error)\n"
                       "func C(a, b int) (int, int)\n",
                       diags);
    check_module(*m, diags);
    REQUIRE_FALSE(diags.has_errors());
    auto plan = abi::plan(*m, "cgo", diags);
    REQUIRE(plan);
    REQUIRE(plan->funcs.size() == 3);
    CHECK(plan->funcs[0].sig.c_declaration() == "uint16_t gpic_x_A(int8_t a, gpic_string s, gpic_status* st)");
    CHECK(plan->funcs[1].sig.c_declaration() == "void gpic_x_B(gpic_string* r0, gpic_status* st)");
    CHECK(plan->funcs[1].sig.returns_error);
    CHECK(plan->funcs[2].sig.c_declaration() == "void gpic_x_C(int64_t a, int64_t b, int64_t* r0, int64_t* r1, gpic_status* st)");
  }

  TEST_CASE("constant expressions print with gofmt's spacing") {
    auto fmt = [](const std::string& src, int iota = 0) {
      Diagnostics diags;
      auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\nconst K int = " + src + "\n", diags);
      REQUIRE_FALSE(diags.has_errors());
      return cgo::format_go_expr(m->consts.at(0).value, [](const std::string& s) { return s; }, iota);
    };
    CHECK(fmt("1 << 63") == "1 << 63");
    CHECK(fmt("1<<3 | 1") == "1<<3 | 1");
    CHECK(fmt("1 << 3 | 1") == "1<<3 | 1");
    CHECK(fmt("1 << (10 * (iota + 1))", 2) == "1 << (10 * (2 + 1))");
    CHECK(fmt("a + b*c") == "a + b*c");
    CHECK(fmt("-1") == "-1");
    CHECK(fmt("int64(1 << 3)") == "int64(1 << 3)");
    CHECK(fmt("x == y+1") == "x == y+1");
    // Tokens that would fuse stay apart, as go/printer keeps them (`--` is a Go token).
    CHECK(fmt("1 - -1") == "1 - -1");
    CHECK(fmt("- -1") == "- -1");
    CHECK(fmt("f(1, 2 - -1)") == "f(1, 2 - -1)");
    CHECK(fmt("f(1, 2 & ^1)") == "f(1, 2 & ^1)");
    CHECK(fmt("f(1, 2*3+4)") == "f(1, 2*3+4)");
    CHECK(fmt("((1 + 2))") == "(1 + 2)");
  }

  TEST_CASE("a constant of 50,000 terms prints in linear time, without deep recursion") {
    std::string sum = "1";
    for (int i = 1; i < 50000; ++i) sum += i % 2 ? "+2*3" : "-1";
    Diagnostics diags;
    auto m = parse_gpi("/t/x.gpi", "package x \"example.com/x\"\nconst K int = " + sum + "\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    std::string out = cgo::format_go_expr(m->consts.at(0).value, [](const std::string& s) { return s; }, 0);
    CHECK(out.size() == sum.size() + 2 * 49999);  // blanks around every + and -, none around *
    CHECK(out.substr(0, 12) == "1 + 2*3 - 1 ");
  }
}

TEST_SUITE("output") {
  namespace fs = std::filesystem;

  TEST_CASE("staged output writes everything, and replaces only what gpic wrote") {
    fs::path dir = fs::temp_directory_path() / ("gpic-output-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    {
      StagedOutput out(dir);
      out.write("a/gen.py", "# Code generated by gpic test. DO NOT EDIT.\n");
      out.write("lib.so", std::string("\x7f" "ELF\0binary", 10));
      Diagnostics diags;
      REQUIRE(out.commit(diags));
      CHECK(testing::read_text((dir / "lib.so").string()).size() == 10);
    }
    {
      // gpic's own files (by marker or manifest) may be replaced...
      StagedOutput out(dir);
      out.write("a/gen.py", "# Code generated by gpic test. DO NOT EDIT.\nx = 1\n");
      out.write("lib.so", "new");
      Diagnostics diags;
      REQUIRE(out.commit(diags));
      CHECK(testing::read_text((dir / "lib.so").string()) == "new");
    }
    {
      // ...a user's file never is, and then nothing at all is written.
      std::ofstream(dir / "mine.py") << "print('hand written')\n";
      StagedOutput out(dir);
      out.write("mine.py", "# Code generated by gpic test. DO NOT EDIT.\n");
      out.write("other.py", "# Code generated by gpic test. DO NOT EDIT.\n");
      Diagnostics diags;
      CHECK_FALSE(out.commit(diags));
      REQUIRE(diags.error_count() == 1);
      CHECK(diags.all()[0].message.find("refusing to overwrite") != std::string::npos);
      CHECK(testing::read_text((dir / "mine.py").string()) == "print('hand written')\n");
      CHECK_FALSE(fs::exists(dir / "other.py"));
    }
    for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().rfind(".gpic-tmp", 0) != 0);
    fs::remove_all(dir);
  }
}

}  // namespace gpic
