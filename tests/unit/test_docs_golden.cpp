// The docs target's Markdown and HTML for tests/golden/docs/input against golden files.
// Regenerate after an intended change with
//
//   GPIC_UPDATE_GOLDEN=1 build/gpic_unit -ts=docs
//
// and review `git diff tests/golden/docs`.
#include <doctest/doctest.h>

#include "tests/unit/golden.hpp"
#include "tests/unit/test_docs_support.hpp"

namespace gpic::docs {

TEST_SUITE("docs") {
  TEST_CASE("golden: shapes and geometry in English and Korean") {
    docs_test::Modules ms;
    // Paths as a user in the repository root would give them; the pages name their source.
    for (const char* name : {"geometry.gpi", "shapes.gpi"})
      ms.add(std::string("tests/golden/docs/input/") + name,
             testing::read_text(testing::golden_path(std::string("docs/input/") + name)));
    REQUIRE_FALSE(ms.diags.has_errors());
    Diagnostics diags;
    auto out = docs_test::run_docs(ms.all(), docs_test::docs_options(), diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* lang : {"en", "ko"})
      for (const char* file : {"shapes.md", "shapes.html", "geometry.md", "index.html", "index.md"}) {
        std::string rel = std::string(lang) + "/" + file;
        CHECK_GOLDEN("docs/" + rel, out.at(rel));
      }
    CHECK_GOLDEN("docs/coverage.json", out.at("coverage.json"));
    CHECK_GOLDEN("docs/index.html", out.at("index.html"));
  }
}

}  // namespace gpic::docs
