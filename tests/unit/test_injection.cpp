// What keeps text from a .gpi from becoming code (issue 10 §1): the import-path rule, the one
// quoting function per generated language, escaped diagnostics; and the naming tables that
// keep two declarations from sharing one generated name (§2).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "compiler/hidden_chars.hpp"
#include "compiler/import_path.hpp"
#include "targets/cgo/go_names.hpp"
#include "targets/common/c_abi.hpp"
#include "targets/common/python_collisions.hpp"
#include "targets/common/python_names.hpp"
#include "targets/common/quoting.hpp"
#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;

namespace {

// Every hostile sequence the quoting functions must contain: comment and string ends in each
// language, a line continuation, a NUL, the Unicode line separator, a bidi override, ESC,
// a malformed UTF-8 byte.
const std::string kHostile = std::string("*/ \"\"\" ''' \" ' \\ \\\n new\nline \r ?" "?/ `) ") + std::string(1, '\0') +
                             " \u2028 \u202e \x1b[31m \xff end\\";

bool has_raw_line_break(const std::string& s) {
  return s.find('\n') != std::string::npos || s.find('\r') != std::string::npos ||
         s.find("\u2028") != std::string::npos || s.find('\0') != std::string::npos;
}

std::vector<std::string> errors(const test::FrontEnd& fe) {
  std::vector<std::string> out;
  for (const Diagnostic& d : fe.diags.all())
    if (d.severity == Severity::Error) out.push_back(d.message);
  return out;
}

}  // namespace

TEST_SUITE("injection") {

TEST_CASE("import paths: CheckImportPath's rules") {
  for (const char* ok : {"strings", "example.com/shapes", "gopkg.in/yaml.v3", "github.com/a-b/c_d/v2", "x/y~z+w",
                         ".hidden/pkg", "golang.org/x/mod/module"})
    CHECK_MESSAGE(import_path_error(ok).empty(), ok);
  CHECK(import_path_error("") == "empty string");
  CHECK(import_path_error("-x/y") == "leading dash");
  CHECK(import_path_error("x//y") == "double slash");
  CHECK(import_path_error("x/y/") == "trailing slash");
  CHECK(import_path_error("/x") == "empty path element");
  CHECK(import_path_error("x/./y") == "invalid path element '.'");
  CHECK(import_path_error("x/../y") == "invalid path element '..'");
  CHECK(import_path_error("x./y") == "trailing dot in path element");
  CHECK(import_path_error("strings\" // */") == "double slash");  // Go checks "//" before the characters
  CHECK(import_path_error("strings\"/x") == "invalid char '\"'");
  CHECK(import_path_error("a b") == "invalid char ' '");
  CHECK(import_path_error("a\\b") == "invalid char '\\'");
  CHECK(import_path_error("a\nb") == "invalid char '\\x0a'");
  CHECK(import_path_error("a*/b") == "invalid char '*'");
  CHECK(import_path_error("caf\u00e9") == "invalid char '\u00e9'");
  CHECK(import_path_error("a\u202eb") == "invalid char '\\u202e'");
  CHECK(import_path_error("x\xff") == "invalid UTF-8");
  CHECK(import_path_error("x/con") == "'con' disallowed as path element component on Windows");
  CHECK(import_path_error("x/LPT1.txt/y") == "'LPT1' disallowed as path element component on Windows");
  CHECK(import_path_error("x/console").empty());
}

TEST_CASE("the injection file of issue 10 is refused at the path") {
  auto fe = test::check(
      "package inj2 \"strings\\\" // */ int system(const char*); __attribute__((constructor)) static void "
      "f(void){ system(\\\"touch PWNED\\\"); } /*\"\nfunc ToUpper(s string) string\n");
  Diagnostic d = test::only_error(*fe);
  CHECK(d.loc.line == 1);
  CHECK(d.loc.col == 14);
  CHECK(d.message.rfind("package path 'strings\" // */ int system(", 0) == 0);
  CHECK(d.message.find("is not a Go import path: double slash") != std::string::npos);
}

TEST_CASE("a package clause without a path needs a name that is one") {
  test::expect_clean(*test::check("package shapes\n"));
  test::expect_clean(*test::check("package gomath \"math\"\n"));
  test::expect_error("package p \"a b\"\n", "package path 'a b' is not a Go import path: invalid char ' '", 1, 11);
  test::expect_error("package p ``\n", "package path '' is not a Go import path: empty string", 1, 11);
}

TEST_CASE("a file name generated Go cannot name in a //line directive is refused") {
  for (std::string name : {"x\nimport os; os.system('id')\n#.gpi", "a*/b.gpi", "bidi\u202e.gpi", "esc\x1b.gpi"}) {
    auto fe = test::parse("package p\n", name);
    check_module(*fe->module, fe->diags);
    REQUIRE(errors(*fe).size() == 1);
    CHECK(errors(*fe)[0].find("which generated Go cannot name in a //line directive") != std::string::npos);
    // The diagnostic itself shows the name escaped: nothing raw reaches the terminal.
    std::string printed = fe->printed();
    CHECK(printed.find('\x1b') == std::string::npos);
    CHECK(printed.find("\u202e") == std::string::npos);
  }
}

TEST_CASE("hidden characters: one table, shown escaped") {
  for (char32_t cp : {0x00u, 0x0au, 0x0du, 0x1bu, 0x7fu, 0x85u, 0x9bu, 0x61cu, 0x200eu, 0x200fu, 0x202au, 0x202eu,
                      0x2066u, 0x2069u, 0x2028u, 0x2029u, 0xfeffu})
    CHECK_MESSAGE(text::is_hidden(cp), static_cast<unsigned>(cp));
  for (char32_t cp : {0x09u, 0x20u, 0x41u, 0xa0u, 0xe9u, 0xac00u, 0x1f600u}) CHECK(!text::is_hidden(cp));
  CHECK(text::show("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(text::show("if x \u202e{") == "if x \\u202e{");
  CHECK(text::show("bad \xff\xfe") == "bad \\xff\\xfe");
  CHECK(text::show("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate is malformed UTF-8
  CHECK(text::show("\xc0\xaf") == "\\xc0\\xaf");          // so is an overlong '/'
  CHECK(text::show("two\nlines", true) == "two\nlines");
  CHECK(text::show("two\nlines") == "two\\x0alines");
  CHECK(text::show("한국어\ttab") == "한국어\ttab");
}

TEST_CASE("diagnostics quote source lines and messages escaped, the caret under its column") {
  // Column 11 is the `x` after the ESC and the bidi override on line 2.
  std::string text = "package p\nconst A\x1b\u202e x = 1\n";
  SourceFiles sources;
  sources.add("t.gpi", text);
  Diagnostic d{Severity::Error, {"t.gpi", 2, 11}, "bad \x1b[31mname\u202e"};
  std::string out = Diagnostics::format(d, sources, false);
  CHECK(out ==
        "t.gpi:2:11: error: bad \\x1b[31mname\\u202e\n"
        "const A\\x1b\\u202e x = 1\n"
        "                  ^\n");
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("Go string literals") {
  CHECK(quoting::go_string("example.com/x") == "\"example.com/x\"");
  CHECK(quoting::go_string("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd\\te\"");
  CHECK(quoting::go_string(std::string("nul\0x", 5)) == "\"nul\\x00x\"");
  CHECK(quoting::go_string("\u202e\u2028\xff") == "\"\\u202e\\u2028\\xff\"");
  CHECK(quoting::go_string("한국어") == "\"한국어\"");
  CHECK(quoting::go_string("\u0085") == "\"\\u0085\"");  // \x85 would be a byte in Go
  // A constant's literal token: its escapes kept, hidden characters written raw escaped.
  CHECK(quoting::go_literal("\"a\\\"\u202e\x1b\\n\"") == "\"a\\\"\\u202e\\x1b\\n\"");
  CHECK(quoting::go_literal("'\u202e'") == "'\\u202e'");
  CHECK(quoting::go_literal("`plain */`") == "`plain */`");
  CHECK(quoting::go_literal("`raw\r\n\u2028`") == "\"raw\\n\\u2028\"");
  std::string q = quoting::go_string(kHostile);
  CHECK(!has_raw_line_break(q));
  CHECK(!text::has_hidden(q));
}

TEST_CASE("C and C++ string literals") {
  CHECK(quoting::c_string("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(quoting::c_string("?" "?/") == "\"\\?\\?/\"");
  CHECK(quoting::c_string(std::string("\0" "1", 2)) == "\"\\0001\"");  // the octal escape cannot swallow the 1
  CHECK(quoting::c_string("\u202e") == "\"\\342\\200\\256\"");
  CHECK(quoting::c_string("\r") == "\"\\015\"");
  std::string q = quoting::c_string(kHostile);
  CHECK(!has_raw_line_break(q));
  CHECK(!text::has_hidden(q));
}

TEST_CASE("comment text: plain text unchanged, anything else quoted") {
  CHECK(quoting::comment("calc.gpi") == "calc.gpi");
  CHECK(quoting::comment("Adds two numbers. 한국어") == "Adds two numbers. 한국어");
  CHECK(quoting::comment("x\nimport os; os.system(1)\n#.gpi") == "\"x\\x0aimport os; os.system(1)\\x0a#.gpi\"");
  CHECK(quoting::comment("ends */ here") == "\"ends *\\/ here\"");
  CHECK(quoting::comment("splice \\") == "\"splice \\\\\"");
  CHECK(quoting::comment("say \"\"\"") == "say \"\"\"");  // a quote cannot end a comment
  CHECK(quoting::comment("say \"\\\"") == "\"say \\\"\\\\\\\"\"");
  CHECK(quoting::comment("?" "?/") == "\"?\\?/\"");
  std::string q = quoting::comment(kHostile);
  CHECK(!has_raw_line_break(q));
  CHECK(!text::has_hidden(q));
  CHECK(q.find("*/") == std::string::npos);
  CHECK(q.find("??") == std::string::npos);
  CHECK(q.back() == '"');  // never a trailing backslash, which would splice the next C line
  // Every quote inside is escaped, so a Python string around the comment stays closed.
  for (size_t i = 1; i + 1 < q.size(); ++i)
    if (q[i] == '"') {
      size_t slashes = 0;
      while (q[i - 1 - slashes] == '\\') ++slashes;
      CHECK(slashes % 2 == 1);
    }
}

TEST_CASE("Python string literals and docstrings") {
  CHECK(py::string_literal("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(py::string_literal("\u202e\u2028") == "\"\\u202e\\u2028\"");
  CHECK(py::docstring("ends with a quote\"", "") == "\"\"\"ends with a quote\\\"\"\"\"");
  CHECK(py::docstring("triple \"\"\"", "") == "\"\"\"triple \\\"\\\"\\\"\"\"\"");
  CHECK(py::docstring("backslash \\", "") == "\"\"\"backslash \\\\\"\"\"");
  CHECK(py::docstring("escaped quote \\\"", "") == "\"\"\"escaped quote \\\\\\\"\"\"\"");
  CHECK(py::docstring("line\u2028sep\x1b", "") == "\"\"\"line\\u2028sep\\x1b\"\"\"");
  CHECK(!text::has_hidden(py::string_literal(kHostile)));
  std::string doc = py::docstring(kHostile, "    ");
  CHECK(doc.find('\r') == std::string::npos);
  doc.erase(std::remove(doc.begin(), doc.end(), '\n'), doc.end());  // a docstring keeps its line breaks
  CHECK(!text::has_hidden(doc));
}

TEST_CASE("C names: parts mangled, so a function and a method never share a symbol") {
  CHECK(abi::mangle("Point") == "Point");
  CHECK(abi::mangle("Point_Dist") == "Point_1Dist");
  CHECK(abi::c_name({"gpic", "m", "Point", "Dist"}) == "gpic_m_Point_Dist");
  CHECK(abi::c_name({"gpic", "m", "Point_Dist"}) == "gpic_m_Point_1Dist");
  std::set<std::string> names;
  for (auto parts : std::vector<std::vector<std::string>>{{"gpic", "m", "A", "get", "B"},
                                                           {"gpic", "m", "A_get_B"},
                                                           {"gpic", "m", "A_get", "B"},
                                                           {"gpic", "m", "A", "get_B"},
                                                           {"gpic", "m_A", "get", "B"},
                                                           {"gpic", "m", "A_", "B"},
                                                           {"gpic", "m", "A", "_B"}}) {
    std::string joined;
    for (const auto& p : parts) joined += (joined.empty() ? "" : "_") + abi::mangle(p);
    CHECK(names.insert(joined).second);
  }
}

TEST_CASE("C parameter names: keywords of C and C++, GNU macros, escaped one-to-one") {
  for (const char* name : {"int", "class", "this", "nullptr", "template", "operator", "namespace", "not", "linux",
                           "unix", "errno", "st", "self", "bool", "new", "delete", "int64_t", "size_t",
                           "gpic_status"})
    CHECK_MESSAGE(abi::c_ident(name) == std::string(name) + "_", name);
  CHECK(abi::c_ident("count") == "count");
  CHECK(abi::c_ident("int_") == "int__");
  CHECK(abi::c_ident("int") != abi::c_ident("int_"));
}

TEST_CASE("Go parameter names: escaped one-to-one") {
  CHECK(cgo::local_name("int", 0) == "int_");
  CHECK(cgo::local_name("int_", 1) == "int__");
  CHECK(cgo::local_name("self", 0) == "self_");
  CHECK(cgo::local_name("self_", 0) == "self__");
  CHECK(cgo::local_name("arg1", 0) == "arg1_");  // not the name of an unnamed parameter
  CHECK(cgo::local_name("", 1) == "arg1");
  CHECK(cgo::local_name("gpicRecover", 0) == "gpicRecover_");
  CHECK(cgo::local_name("count", 0) == "count");
  // cgo writes these names into its C header: C's reserved names are escaped as well.
  CHECK(cgo::local_name("linux", 0) == "linux_");
  CHECK(cgo::local_name("class", 0) == "class_");
  CHECK(cgo::local_name("int64_t", 0) == "int64_t_");
}

}  // TEST_SUITE("injection")

TEST_SUITE("python name collisions") {

namespace {

// The collision errors of `text` under `c`, each as "line:col: message".
std::vector<std::string> collisions(const std::string& text, py::Case c = py::Case::Keep) {
  auto fe = test::check(text);
  INFO(fe->printed());
  REQUIRE(fe->diags.error_count() == 0);
  Diagnostics diags;
  bool ok = py::check_collisions(*fe->module, c, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all())
    out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " + d.message);
  CHECK(ok == (diags.error_count() == 0));
  return out;
}

}  // namespace

TEST_CASE("a keyword escaped onto another declaration's name") {
  CHECK(collisions("package p\nfunc None()\nfunc None_()\n") ==
        std::vector<std::string>{"3:6: function 'None_' is named 'None_' in Python, as function 'None' is: rename one "
                                 "of them in the .gpi",
                                 "2:6: function 'None' is declared here"});
}

TEST_CASE("the module's own names are escaped, and the escape may collide") {
  CHECK(collisions("package p\nfunc GoHandleError()\nfunc Release()\nfunc Collect()\n").empty());
  CHECK(py::module_name("GoHandleError") == "GoHandleError_");
  CHECK(py::module_name("Release", py::Case::Snake) == "release_");
  CHECK(py::module_name("Collect", py::Case::Snake) == "collect_");
  CHECK(collisions("package p\nfunc Release()\nfunc Release_()\n", py::Case::Snake).size() == 2);
}

TEST_CASE("snake names that coincide") {
  CHECK(collisions("package p\nfunc GetPI()\nfunc GetPi()\n").empty());
  CHECK(collisions("package p\nfunc GetPI()\nfunc GetPi()\n", py::Case::Snake) ==
        std::vector<std::string>{"3:6: function 'GetPi' is named 'get_pi' in Python, as function 'GetPI' is: rename "
                                 "one of them in the .gpi",
                                 "2:6: function 'GetPI' is declared here"});
  auto fields = collisions("package p\ntype T struct {\n  HTTPCode int\n  HttpCode int\n}\n", py::Case::Snake);
  REQUIRE(fields.size() == 4);  // as attributes and as constructor keywords
  CHECK(fields[0].find("field 'T.HttpCode' is named 'http_code' in Python (attributes of T)") != std::string::npos);
  CHECK(fields[2].find("(keywords of the constructor T())") != std::string::npos);
}

TEST_CASE("parameters that coincide after escaping") {
  auto self = collisions("package p\ntype T struct{}\nfunc (t *T) M(self int, self_ int)\n");
  REQUIRE(self.size() == 2);
  CHECK(self[0] == "3:25: parameter 'self_' is named 'self_' in Python (parameters of T.M), as parameter 'self' is: "
                   "rename one of them in the .gpi");
  CHECK(collisions("package p\nfunc F(lambda int, lambda_ int)\n").size() == 2);
  // Go's own escaping of `int` is one-to-one (local_name), and Python may use `int`.
  CHECK(collisions("package p\nfunc F(int int, int_ int)\n").empty());
}

TEST_CASE("a named type's value property") {
  CHECK(collisions("package p\ntype C int\nfunc (c C) Value() int\n").empty());
  auto v = collisions("package p\ntype C int\nfunc (c C) Value() int\n", py::Case::Snake);
  // C is a value (an int subclass, an IntEnum with constants), whose `value` is Enum's.
  REQUIRE(v.size() == 1);
  CHECK(v[0].find("method 'C.Value' is named 'value' in Python (attributes of C), as the attribute 'value' of "
                  "Python's int, float and IntEnum is") != std::string::npos);
  // A named type that stays a handle class (here over a string) has the property 'value'.
  auto h = collisions("package p\ntype S string\nfunc (s S) Value() int\n", py::Case::Snake);
  REQUIRE(h.size() == 1);
  CHECK(h[0].find("method 'S.Value' is named 'value' in Python (attributes of S)") != std::string::npos);
  // A named array with value-receiver methods is a list: its methods must not hide list's.
  auto l = collisions("package p\ntype L [2]string\nfunc (s L) Count() int\nfunc (s L) Value() int\n", py::Case::Snake);
  REQUIRE(l.size() == 1);
  CHECK(l[0].find("method 'L.Count' is named 'count' in Python (attributes of L), as the attribute 'count' of its "
                  "base class list[str] is") != std::string::npos);
}

}  // TEST_SUITE("python name collisions")
