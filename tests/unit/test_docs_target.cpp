// The docs target on small inputs: anchors, fallback, coverage, stale translations, reference
// warnings at their exact position, and the links pages make.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "targets/docs/coverage.hpp"
#include "targets/docs/html_text.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/stamp.hpp"
#include "tests/unit/test_docs_support.hpp"

namespace gpic::docs {

using docs_test::find_diags;
using docs_test::Modules;

namespace {

std::set<std::string> ids_in(const std::string& html) {
  std::set<std::string> ids;
  std::regex id_re(R"re( id="([^"]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1]);
  return ids;
}

const char* kPoint =
    "/// @en Points.\n/// @ko 점을 다룹니다.\npackage pts \"example.com/pts\"\n\n"
    "/// @en A point.\n/// @ko 점입니다.\ntype Point struct {\n"
    "    /// @en Horizontal.\n    X float64\n    Y float64\n}\n\n"
    "/// @en Dist measures.\n/// @ko[00000000] 거리를 잽니다.\nfunc (p *Point) Dist(q *Point) float64\n\n"
    "/// @en Add adds.\n/// @ko 더합니다.\nfunc Add(a, b int) (int, error)\n";

}  // namespace

TEST_SUITE("docs") {
  TEST_CASE("target: anchors are made from Go names and are the same in every language") {
    Modules ms;
    ms.add("pts.gpi", kPoint);
    REQUIRE_FALSE(ms.diags.has_errors());
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    auto en = ids_in(out.at("en/pts.html")), ko = ids_in(out.at("ko/pts.html"));
    CHECK(en == ko);
    for (const char* id : {"type-Point", "type-Point.field-X", "type-Point.field-Y", "type-Point.method-Dist", "func-Add",
                           "exc-Error", "exc-GoPanic", "package"})
      CHECK_MESSAGE(en.count(id), id);
    // The Markdown carries the same anchors.
    CHECK(out.at("ko/pts.md").find("<a id=\"type-Point.method-Dist\"></a>") != std::string::npos);
  }

  TEST_CASE("target: a missing translation shows the English, marked lang=\"en\" and badged") {
    Modules ms;
    ms.add("pts.gpi", kPoint);
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    const std::string& ko = out.at("ko/pts.html");
    size_t row = ko.find("id=\"type-Point.field-X\"");
    REQUIRE(row != std::string::npos);
    std::string field = ko.substr(row, ko.find("</tr>", row) - row);
    CHECK(field.find("badge-untranslated") != std::string::npos);
    CHECK(field.find("번역 안 됨") != std::string::npos);
    CHECK(field.find("<div class=\"doc fallback\" lang=\"en\">") != std::string::npos);
    CHECK(field.find("Horizontal.") != std::string::npos);
    // English pages have nothing to fall back from here.
    CHECK(out.at("en/pts.html").find("badge-untranslated") == std::string::npos);
  }

  TEST_CASE("target: coverage counts and the warnings for gaps") {
    Modules ms;
    ir::Module& m = ms.add("pts.gpi", kPoint);
    Page page = build_page(m, {}, nullptr);
    // Symbols: package, Point, X, Y, Dist, Add. Y is undocumented; X has English only; Dist is stale.
    Coverage ko = count_coverage(page, "ko");
    CHECK(ko.symbols == 6);
    CHECK(ko.documented == 5);
    CHECK(ko.translated == 3);
    CHECK(ko.stale == 1);
    CHECK(ko.missing == 1);
    CHECK(ko.percent() == 60);
    Coverage en = count_coverage(page, "en");
    CHECK(en.translated == 5);
    CHECK(en.missing == 0);
    CHECK(coverage_summary("ko", ko) ==
          "ko: 3 translated, 1 stale, 1 missing of 5 documented (60%); 6 symbols, 1 undocumented");

    Diagnostics diags;
    docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    CHECK_FALSE(diags.has_errors());
    auto missing = find_diags(diags, "[-Wmissing-translation]");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message == "Point.X has no ko text; the en text is shown instead [-Wmissing-translation]");
    CHECK(missing[0].loc.line == 8);
    CHECK(coverage_summary("en", en) == "en: 5 written, 0 missing of 5 documented (100%); 6 symbols, 1 undocumented");
    auto notes = find_diags(diags, "docs coverage of pts, ko:");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].severity == Severity::Note);
  }

  TEST_CASE("target: --Werror=missing-translation turns a gap into an error") {
    Modules ms;
    ms.add("pts.gpi", kPoint);
    Diagnostics diags;
    diags.set_werror("missing-translation");
    docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    CHECK(diags.error_count() == 1);
    // English alone has no gap.
    Diagnostics en_only;
    en_only.set_werror("missing-translation");
    docs_test::run_docs(ms.all(), docs_test::docs_options({"en"}), en_only);
    CHECK_FALSE(en_only.has_errors());
  }

  TEST_CASE("target: a stale translation is a warning at its @ko marker and is badged") {
    std::string path = docs_test::write_temp_gpi("pts.gpi", kPoint);
    Modules ms;
    ms.add(path, kPoint);
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    auto stale = find_diags(diags, "[-Wstale-translation]");
    REQUIRE(stale.size() == 1);
    CHECK(stale[0].loc.file == path);
    CHECK(stale[0].loc.line == 14);
    CHECK(stale[0].loc.col == 5);
    CHECK(stale[0].message.find("Point.Dist") != std::string::npos);
    CHECK(stale[0].message.find("stamp 00000000, now " + stamp_of("Dist measures.")) != std::string::npos);
    const std::string& ko = out.at("ko/pts.html");
    size_t at = ko.find("id=\"type-Point.method-Dist\"");
    REQUIRE(at != std::string::npos);
    CHECK(ko.find("badge-stale", at) < ko.find("</section>", at));
  }

  TEST_CASE("target: references resolve to anchors; unknown ones warn at file:line:col") {
    std::string src =
        "package pts \"example.com/pts\"\n\n"
        "/// @en A point; see [Point.Dist], [Add] and [GoPanic].\n"
        "/// @ko 점입니다. [Poin]를 보십시오. xs[i] 와 [key] 는 참조가 아닙니다.\n"
        "type Point struct {\n    X float64\n}\n\n"
        "/// Measures; unlike [Nope.Dist] and [Point.Nope].\n"
        "func (p *Point) Dist(q *Point) float64\n\n"
        "/// Adds.\nfunc Add(a, b int) int\n";
    std::string path = docs_test::write_temp_gpi("pts.gpi", src);
    Modules ms;
    ms.add(path, src);
    REQUIRE_FALSE(ms.diags.has_errors());
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    auto unknown = find_diags(diags, "[-Wunknown-reference]");
    REQUIRE(unknown.size() == 3);
    // Sorted by position when printed; here in generation order: the type, then the method.
    CHECK(unknown[0].loc.line == 4);
    CHECK(unknown[0].loc.col == 15);   // counted in code points, as ir::Loc does
    CHECK(unknown[0].message ==
          "unknown reference [Poin] in the ko doc of Point; did you mean [Point]? [-Wunknown-reference]");
    CHECK(unknown[1].loc.line == 9);
    CHECK(unknown[1].loc.col == 22);
    CHECK(unknown[2].loc.col == 38);
    const std::string& en = out.at("en/pts.html");
    CHECK(en.find("<a class=\"ref\" href=\"#type-Point.method-Dist\"><code>Point.Dist</code></a>") != std::string::npos);
    CHECK(en.find("<a class=\"ref\" href=\"#exc-GoPanic\"><code>GoPanic</code></a>") != std::string::npos);
    CHECK(out.at("ko/pts.html").find("[Poin]를") != std::string::npos);
    CHECK(out.at("en/pts.md").find("[`Add`](#func-Add)") != std::string::npos);
  }

  TEST_CASE("target: references into an imported module link to its page when it has one") {
    Modules ms;
    ms.add("geo.gpi", "package geo \"example.com/geo\"\n\n/// A vector.\ntype Vec struct {\n    X float64\n}\n");
    ms.add("pts.gpi", "package pts \"example.com/pts\"\n\nimport \"geo.gpi\"\n\n/// Moves by [geo.Vec].\nfunc Move(v geo.Vec)\n");
    REQUIRE_FALSE(ms.diags.has_errors());
    Diagnostics diags;
    auto both = docs_test::run_docs(ms.all(), docs_test::docs_options({"en"}), diags);
    CHECK(find_diags(diags, "unknown-reference").empty());
    const std::string& page = both.at("en/pts.html");
    CHECK(page.find("<a class=\"ref\" href=\"geo.html#type-Vec\">") != std::string::npos);
    // The signature links the type too.
    CHECK(page.find("v: <a href=\"geo.html#type-Vec\">geo.Vec</a>") != std::string::npos);
    // Without geo's page in the run, the name stays text.
    auto alone = docs_test::run_docs({ms.owned[1].get()}, docs_test::docs_options({"en"}), diags);
    CHECK(alone.at("en/pts.html").find("geo.html") == std::string::npos);
  }

  TEST_CASE("target: signatures link type names, not parameter or function names") {
    TypeLinks links = {{"Point", "#type-Point"}, {"geo.Vec", "geo.html#type-Vec"}};
    CHECK(html_signature("def Dist(self, q: Point | None) -> float", links, "Dist") ==
          "def Dist(self, q: <a href=\"#type-Point\">Point</a> | None) -&gt; float");
    CHECK(html_signature("func Move(p Point) geo.Vec", links, "Move") ==
          "func Move(p <a href=\"#type-Point\">Point</a>) <a href=\"geo.html#type-Vec\">geo.Vec</a>");
    CHECK(html_signature("class Point", links, "Point") == "class Point");
  }

  TEST_CASE("target: an unknown language is an error, reported once") {
    Modules ms;
    ms.add("a.gpi", "package a \"example.com/a\"\n");
    ms.add("b.gpi", "package b \"example.com/b\"\n");
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options({"en", "fr"}), diags);
    CHECK(diags.error_count() == 1);
    CHECK(diags.all().front().message == "the docs target has no words for language 'fr' (it knows: en, ko)");
    CHECK(out.files.empty());
  }

  TEST_CASE("target: the site's files") {
    Modules ms;
    ms.add("pts.gpi", kPoint);
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    std::set<std::string> names;
    for (const auto& [path, text] : out.files) names.insert(path);
    CHECK(names == std::set<std::string>{"assets/gpic-docs.css", "assets/gpic-docs.js", "coverage.json", "en/index.html",
                                         "en/index.md", "en/pts.html", "en/pts.md", "en/search-index.js", "index.html",
                                         "ko/index.html", "ko/index.md", "ko/pts.html", "ko/pts.md", "ko/search-index.js"});
    // No network: nothing is loaded from another host.
    for (const auto& [path, text] : out.files) {
      CHECK_MESSAGE(text.find("src=\"http") == std::string::npos, path);
      CHECK_MESSAGE(text.find("href=\"//") == std::string::npos, path);
    }
    // The switcher points at the same page in the other language.
    CHECK(out.at("ko/pts.html").find("<a class=\"lang-switch\" href=\"../en/pts.html\" hreflang=\"en\" lang=\"en\">English</a>") !=
          std::string::npos);
  }
}

}  // namespace gpic::docs
