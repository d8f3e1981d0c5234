// Translation stamps: the hash, what a stamp means for a text's status, and `gpic docs --stamp`
// rewriting a .gpi without touching anything else.
#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "compiler/frontend.hpp"
#include "targets/docs/docs_command.hpp"
#include "targets/docs/stamp.hpp"
#include "targets/docs/stamp_rewrite.hpp"
#include "tests/unit/golden.hpp"
#include "tests/unit/test_docs_support.hpp"

namespace gpic::docs {

TEST_SUITE("docs") {
  TEST_CASE("stamp: 8 hex digits, blind to re-wrapping, sensitive to words") {
    std::string s = stamp_of("A point in the plane.");
    CHECK(s.size() == 8);
    CHECK(s.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(stamp_of("A point\nin the   plane. ") == s);
    CHECK(stamp_of("A point on the plane.") != s);
    CHECK(stamp_of("") == stamp_of("  \n "));
  }

  TEST_CASE("stamp: a text's status in each language") {
    ir::Doc d;
    d.en = "Adds.";
    CHECK(local_text(d, "en").status == TextStatus::Original);
    LocalText ko = local_text(d, "ko");
    CHECK(ko.status == TextStatus::Fallback);
    CHECK(ko.lang == "en");
    CHECK(ko.text == "Adds.");

    d.ko = "더합니다.";
    CHECK(local_text(d, "ko").status == TextStatus::Translated);   // unstamped: trusted
    d.ko_stamp = stamp_of("Adds.");
    CHECK(local_text(d, "ko").status == TextStatus::Translated);
    d.en = "Adds two numbers.";
    CHECK(local_text(d, "ko").status == TextStatus::Stale);

    ir::Doc korean_only;
    korean_only.ko = "섭씨 온도입니다.";
    CHECK(local_text(korean_only, "ko").status == TextStatus::Original);
    CHECK(local_text(korean_only, "en").status == TextStatus::Fallback);
    CHECK(local_text(korean_only, "en").lang == "ko");
    CHECK(local_text(ir::Doc{}, "ko").status == TextStatus::Absent);
  }

  TEST_CASE("stamp: --stamp adds and updates stamps and leaves every other byte alone") {
    // CRLF line ends, trailing spaces, comments and odd spacing must survive.
    std::string src =
        "/// @en Package doc.\r\n/// @ko 패키지 설명입니다.\r\npackage p \"example.com/p\"  // keep me  \r\n\r\n"
        "/// @en Adds.\r\n///   @ko[deadbeef]   더합니다.\r\nfunc Add(a, b int) int\r\n\r\n"
        "/// Untranslated.\r\nfunc Sub(a, b int) int\r\n\r\n"
        "/// @en Colours.\r\n/// @ko 색입니다.\r\nconst (\r\n\tRed int = iota\r\n\tGreen\r\n)\r\n";
    Diagnostics diags;
    auto m = parse_gpi("p.gpi", src, diags);
    REQUIRE_FALSE(diags.has_errors());

    Restamped r = restamp(src, *m, false);
    REQUIRE(r.changes.size() == 3);   // the package, Add, and the const group once
    CHECK(r.changes[0].symbol == "package p");
    CHECK(r.changes[0].old_stamp.empty());
    CHECK(r.changes[1].symbol == "Add");
    CHECK(r.changes[1].old_stamp == "deadbeef");
    CHECK(r.changes[1].loc.line == 6);
    CHECK(r.changes[1].loc.col == 7);
    std::string expected = src;
    auto replace = [&](const std::string& from, const std::string& to) {
      size_t at = expected.find(from);
      REQUIRE(at != std::string::npos);
      expected.replace(at, from.size(), to);
    };
    replace("@ko 패키지", "@ko[" + stamp_of("Package doc.") + "] 패키지");
    replace("@ko[deadbeef]", "@ko[" + stamp_of("Adds.") + "]");
    replace("@ko 색", "@ko[" + stamp_of("Colours.") + "] 색");
    CHECK(r.text == expected);

    // Stamped once, the file is up to date, and parses back with the stamps.
    Diagnostics again;
    auto m2 = parse_gpi("p.gpi", r.text, again);
    REQUIRE_FALSE(again.has_errors());
    CHECK(restamp(r.text, *m2, false).changes.empty());
    CHECK(m2->funcs[0].doc.ko_stamp == stamp_of("Adds."));
  }

  TEST_CASE("stamp: --new-only leaves a stale stamp stale") {
    std::string src = "package p \"example.com/p\"\n/// @en Adds.\n/// @ko[deadbeef] 더합니다.\nfunc Add(a, b int) int\n"
                      "/// @en Subtracts.\n/// @ko 뺍니다.\nfunc Sub(a, b int) int\n";
    Diagnostics diags;
    auto m = parse_gpi("p.gpi", src, diags);
    Restamped r = restamp(src, *m, true);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].symbol == "Sub");
    CHECK(r.text.find("@ko[deadbeef]") != std::string::npos);
  }

  TEST_CASE("stamp: the docs command rewrites files in place, and --check only reports") {
    std::string src = "package p \"example.com/p\"\n\n/// @en Adds.\n/// @ko 더합니다.\nfunc Add(a, b int) int\n";
    std::string path = docs_test::write_temp_gpi("p.gpi", src);
    std::ostringstream printed;
    auto run = [&](std::vector<std::string> args) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      // Keep the command's report out of the test log, and look at it.
      auto* out = std::cout.rdbuf(printed.rdbuf());
      auto* err = std::cerr.rdbuf(printed.rdbuf());
      int status = run_docs_command(static_cast<int>(argv.size()), argv.data());
      std::cout.rdbuf(out);
      std::cerr.rdbuf(err);
      return status;
    };
    CHECK(run({"docs", "--check", path}) == 1);
    CHECK(testing::read_text(path) == src);
    CHECK(run({"docs", "--stamp", path}) == 0);
    std::string stamped = testing::read_text(path);
    CHECK(stamped.find("/// @ko[" + stamp_of("Adds.") + "] 더합니다.\n") != std::string::npos);
    CHECK(run({"docs", "--check", path}) == 0);
    CHECK(run({"docs", "--stat", path}) == 0);
    CHECK(run({"docs", path}) == 2);
    CHECK(run({"docs", "--stamp", "--stat", path}) == 2);
    CHECK(run({"docs", "--stamp", path + ".missing"}) == 1);
    CHECK(printed.str().find(path + ":4:5: stamped Add @ko[" + stamp_of("Adds.") + "] (new)\n") != std::string::npos);
    CHECK(printed.str().find(path + ": ko: 1 translated, 0 stale, 0 missing of 1 documented (100%)") != std::string::npos);
  }
}

}  // namespace gpic::docs
