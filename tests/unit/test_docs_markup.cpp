// Doc-comment markup: paragraphs, lists, code, links, and which brackets are references.
#include <doctest/doctest.h>

#include "targets/docs/doc_markup.hpp"

namespace gpic::docs {

namespace {

std::vector<std::string> ref_texts(Blocks blocks) {
  std::vector<std::string> out;
  for (Span* s : refs_of(blocks)) out.push_back(s->text);
  return out;
}

}  // namespace

TEST_SUITE("docs") {
  TEST_CASE("markup: paragraphs join their lines; a blank line separates them") {
    Blocks b = parse_doc("First line\nsecond line.\n\nNext paragraph.");
    REQUIRE(b.size() == 2);
    CHECK(plain_text(b[0].spans) == "First line second line.");
    CHECK(plain_text(b[1].spans) == "Next paragraph.");
  }

  TEST_CASE("markup: lists, indented code and fenced code") {
    Blocks b = parse_doc(
        "Intro:\n- one\n- two\n  continued\n\n    code line 1\n      code line 2\n\n1. first\n2. second\n"
        "```\nfenced\n  kept\n```");
    REQUIRE(b.size() == 5);
    CHECK(b[0].kind == Block::Kind::Paragraph);
    REQUIRE(b[1].kind == Block::Kind::List);
    CHECK_FALSE(b[1].ordered);
    REQUIRE(b[1].items.size() == 2);
    CHECK(plain_text(b[1].items[1]) == "two continued");
    REQUIRE(b[2].kind == Block::Kind::Code);
    CHECK(b[2].code == "code line 1\n  code line 2");
    CHECK(b[3].ordered);
    CHECK(b[4].code == "fenced\n  kept");
  }

  TEST_CASE("markup: the indentation common to all lines is not code") {
    Blocks b = parse_doc(" one\n two");
    REQUIRE(b.size() == 1);
    CHECK(b[0].kind == Block::Kind::Paragraph);
  }

  TEST_CASE("markup: inline code and links") {
    Spans s = parse_inline("call `Add(1, 2)` or see [the guide](https://example.com/g) and https://example.com/x.");
    REQUIRE(s.size() == 7);
    CHECK(s[1].kind == Span::Kind::Code);
    CHECK(s[1].text == "Add(1, 2)");
    CHECK(s[3].kind == Span::Kind::Link);
    CHECK(s[3].url == "https://example.com/g");
    CHECK(s[5].kind == Span::Kind::Link);
    CHECK(s[5].url == "https://example.com/x");
    CHECK(s[6].text == ".");
  }

  TEST_CASE("markup: a URL ends where Korean text touches it") {
    Spans s = parse_inline("https://example.com/walk에 있습니다");
    REQUIRE(s.size() == 2);
    CHECK(s[0].url == "https://example.com/walk");
  }

  TEST_CASE("markup: references are bracketed names standing on their own") {
    CHECK(ref_texts(parse_doc("See [Point] and [Point.Dist], or [geometry.Vec].")) ==
          std::vector<std::string>{"Point", "Point.Dist", "geometry.Vec"});
    // Korean particles attach directly to the bracket.
    CHECK(ref_texts(parse_doc("[Point]를 반환합니다.")) == std::vector<std::string>{"Point"});
    // Indexing, array types, empty brackets and numbers are not references.
    CHECK(ref_texts(parse_doc("xs[i] and [N]T and []int and [3] and [a b]")).empty());
    // Inside inline code nothing is a reference.
    CHECK(ref_texts(parse_doc("`m[Key]` and `[Point]`")).empty());
  }

  TEST_CASE("markup: the N-th reference to a name is numbered across the whole text") {
    Blocks b = parse_doc("[A] and [B].\n\n- [A] again");
    auto refs = refs_of(b);
    REQUIRE(refs.size() == 3);
    CHECK(refs[0]->occurrence == 0);
    CHECK(refs[1]->occurrence == 0);
    CHECK(refs[2]->text == "A");
    CHECK(refs[2]->occurrence == 1);
  }

  TEST_CASE("markup: the summary is the first sentence") {
    CHECK(plain_text(summary_of(parse_doc("Returns the sum. Panics on overflow."))) == "Returns the sum.");
    CHECK(plain_text(summary_of(parse_doc("평면 위의 점입니다. 이름표를 붙일 수 있습니다."))) == "평면 위의 점입니다.");
    CHECK(plain_text(summary_of(parse_doc("Calls `a.b()` first. Then more."))) == "Calls a.b() first.");
    CHECK(plain_text(summary_of(parse_doc("No full stop"))) == "No full stop");
    CHECK(summary_of(parse_doc("```\nonly code\n```")).empty());
  }
}

}  // namespace gpic::docs
