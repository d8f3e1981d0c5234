// The markup of doc-comment text: Go doc comment syntax, which reads well as plain text.
//
//   A paragraph runs until a blank line; its lines are joined with spaces.
//   - a list item starts with "- ", "* ", "+ " or "1. "; indented lines continue it
//       an indented line (two or more spaces, or a tab) outside a list starts a code block
//   ```            a fenced block is code too (handy when the parser trims indentation)
//   `code`         inline code
//   [Point]        a reference to a symbol: [Name], [Type.Member], [pkg.Name] (Go doc links)
//   [text](url)    a link; bare http:// and https:// URLs become links as well
//
// A reference must stand on its own: `xs[i]` and `[N]T` are not references (the bracket
// touches an ASCII letter or digit). Hangul may follow directly, as Korean particles do:
// "[Point]를 반환합니다".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpic::docs {

struct Span {
  enum class Kind { Text, Code, Ref, Link };
  Kind kind = Kind::Text;
  std::string text;                  // Text, Code: the text; Ref: "Point.Dist"; Link: the label
  std::string url;                   // Link
  // A Ref, once resolved (see xref.hpp): the page (module name; empty = this page) and anchor.
  std::string page;
  std::string anchor;
  bool resolved = false;
  int occurrence = 0;                // Ref: earlier Refs with the same text in the same doc text
};

using Spans = std::vector<Span>;

struct Block {
  enum class Kind { Paragraph, List, Code };
  Kind kind = Kind::Paragraph;
  Spans spans;                       // Paragraph
  std::vector<Spans> items;          // List
  bool ordered = false;              // List
  std::string code;                  // Code: the lines, common indentation removed
};

using Blocks = std::vector<Block>;

Blocks parse_doc(std::string_view text);

/// Inline markup only (for one-line texts such as the fixed-word sentences).
Spans parse_inline(std::string_view text);

/// The first sentence of the first paragraph, for index tables and search results.
Spans summary_of(const Blocks& blocks);

/// The text of spans without markup (search index, titles).
std::string plain_text(const Spans& spans);
std::string plain_text(const Blocks& blocks);

/// The one rule for which [text](url) links the HTML and Markdown pages keep as links: web
/// (http:, https:), mailto: and relative URLs, made of printable ASCII without spaces, quotes
/// or angle brackets. Anything else (`javascript:`, `data:`, `vbscript:`, any other scheme) is
/// shown as its text only, so a doc comment cannot put a script behind a link.
bool safe_link(std::string_view url);

/// Every Ref span of `blocks`, for resolution.
std::vector<Span*> refs_of(Blocks& blocks);

}  // namespace gpic::docs
