// Diagnostics as the user reads them: clang's `file:line:col: error: message`, the source line
// and a caret under the column, also past tabs and Korean text; every error of a run together.
#include <doctest/doctest.h>

#include <sstream>

#include "tests/unit/frontend_helpers.hpp"

using namespace gpic;

namespace {

std::string printed(const test::FrontEnd& fe, bool color = false) {
  std::ostringstream out;
  fe.diags.print(out, fe.sources, color);
  return out.str();
}

}  // namespace

TEST_SUITE("diagnostics") {

TEST_CASE("clang format: position, severity, message, source line and caret") {
  auto fe = test::check("package p\nfunc F(p *Pointt)\n");
  CHECK(printed(*fe) ==
        "test.gpi:2:11: error: unknown type 'Pointt'\n"
        "func F(p *Pointt)\n"
        "          ^\n"
        "1 error generated.\n");
}

TEST_CASE("the caret lines up after tabs, which are copied, and after wide Korean text") {
  auto tabs = test::check("package p\n\tfunc\tF(x\tNope)\n");
  CHECK(printed(*tabs) ==
        "test.gpi:2:11: error: unknown type 'Nope'\n"
        "\tfunc\tF(x\tNope)\n"
        "\t    \t   \t^\n"
        "1 error generated.\n");

  // Columns count code points; each Hangul syllable takes two terminal columns.
  auto korean = test::check("package p\n/* 도형 */ var V Nope\n");
  const Diagnostic& d = test::only_error(*korean);
  CHECK(d.loc.col == 16);
  CHECK(printed(*korean) ==
        "test.gpi:2:16: error: unknown type 'Nope'\n"
        "/* 도형 */ var V Nope\n"
        "                 ^\n"
        "1 error generated.\n");
}

TEST_CASE("a long source line is quoted as a window around the column") {
  // 300 code points of Korean comment before the error, 300 after: the quote keeps 160 code
  // points, cut with "...", and the caret still points at the name.
  std::string before, after;
  for (int i = 0; i < 150; ++i) before += "가 ";
  for (int i = 0; i < 150; ++i) after += " 나";
  auto fe = test::check("package p\n/* " + before + "*/ var V Nope /* " + after + " */\n");
  const Diagnostic& d = test::only_error(*fe);
  CHECK(d.loc.col == 313);
  std::string out = printed(*fe);
  std::istringstream lines(out);
  std::string first, quote, caret;
  std::getline(lines, first);
  std::getline(lines, quote);
  std::getline(lines, caret);
  CHECK(first == "test.gpi:2:313: error: unknown type 'Nope'");
  CHECK(quote.rfind("...", 0) == 0);
  CHECK(quote.substr(quote.size() - 3) == "...");
  CHECK(quote.find("*/ var V Nope /*") != std::string::npos);
  // The caret's padding: two columns per Hangul syllable, one per other code point.
  size_t cols = 0;
  for (size_t i = 0; i < quote.find("Nope");) {
    unsigned char c = static_cast<unsigned char>(quote[i]);
    bool hangul = c >= 0xE0;
    cols += hangul ? 2 : 1;
    i += hangul ? 3 : 1;
  }
  CHECK(caret == std::string(cols, ' ') + "^");
}

TEST_CASE("at most the error limit of errors, and as many warnings, then a note with the rest") {
  std::string text = "package p\n";
  for (int i = 0; i < 30; ++i) text += "func F" + std::to_string(i) + "(a Nope)\n";
  auto fe = test::check(text);
  fe->diags.set_limit(3);
  std::string out = printed(*fe);
  CHECK(out.find("test.gpi:4:") != std::string::npos);
  CHECK(out.find("test.gpi:5:") == std::string::npos);
  CHECK(out.find("gpic: note: too many errors emitted; 27 more not shown (--error-limit=N changes the limit of 3, "
                 "0 for none)\n30 errors generated.\n") != std::string::npos);
  fe->diags.set_limit(0);
  CHECK(printed(*fe).find("test.gpi:31:") != std::string::npos);
}

TEST_CASE("all errors of a file in one run, in source order, each note after its error") {
  auto fe = test::check(R"(package p
type point struct{}
func F(m map[[]int]string)
type Point struct{}
func Point()
)");
  CHECK(fe->diags.error_count() == 3);
  CHECK(printed(*fe) ==
        "test.gpi:2:6: error: type 'point' must start with an upper-case letter (only exported names can be "
        "bound)\n"
        "type point struct{}\n"
        "     ^\n"
        "test.gpi:3:14: error: invalid map key type '[]int' (slices are not comparable)\n"
        "func F(m map[[]int]string)\n"
        "             ^\n"
        "test.gpi:5:6: error: redefinition of 'Point'\n"
        "func Point()\n"
        "     ^\n"
        "test.gpi:4:6: note: previous declaration is here\n"
        "type Point struct{}\n"
        "     ^\n"
        "3 errors generated.\n");
}

TEST_CASE("syntax and semantic errors are reported together") {
  auto fe = test::check("package p\nfunc F(a int, b string\nfunc G(x Missing)\nconst C = \"open\n");
  std::string out = printed(*fe);
  CHECK(out ==
        "test.gpi:2:23: error: expected ')' or ',', found newline\n"
        "func F(a int, b string\n"
        "                      ^\n"
        "test.gpi:3:10: error: unknown type 'Missing'\n"
        "func G(x Missing)\n"
        "         ^\n"
        "test.gpi:4:11: error: unterminated string literal\n"
        "const C = \"open\n"
        "          ^\n"
        "3 errors generated.\n");
}

TEST_CASE("an error at the end of a file points past its last line") {
  auto fe = test::parse("package p\ntype T struct {");
  CHECK(printed(*fe) ==
        "test.gpi:2:16: error: expected '}', '*' or identifier, found end of file\n"
        "type T struct {\n"
        "               ^\n"
        "1 error generated.\n");
}

TEST_CASE("colour only when asked for") {
  auto fe = test::check("package p\nvar V Nope\n");
  CHECK(printed(*fe, false).find('\033') == std::string::npos);
  std::string coloured = printed(*fe, true);
  CHECK(coloured.find("\033[1;31merror:") != std::string::npos);
  CHECK(coloured.find("\033[1;32m^") != std::string::npos);
}

TEST_CASE("a diagnostic without a position names no line") {
  Diagnostic d{Severity::Error, {"test.gpi", 0, 0}, "cannot read file"};
  SourceFiles none;
  CHECK(Diagnostics::format(d, none, false) == "test.gpi: error: cannot read file\n");
  Diagnostic cli{Severity::Error, {}, "no input files"};
  CHECK(Diagnostics::format(cli, none, false) == "gpic: error: no input files\n");
}

}  // TEST_SUITE("diagnostics")
