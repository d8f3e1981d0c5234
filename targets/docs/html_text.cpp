#include "targets/docs/html_text.hpp"

namespace gpic::docs {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string html_spans(const Spans& spans, std::string_view home) {
  std::string out;
  for (const Span& s : spans) {
    switch (s.kind) {
      case Span::Kind::Text: out += html_escape(s.text); break;
      case Span::Kind::Code: out += "<code>" + html_escape(s.text) + "</code>"; break;
      case Span::Kind::Link:
        if (safe_link(s.url)) out += "<a href=\"" + html_escape(s.url) + "\">" + html_escape(s.text) + "</a>";
        else out += html_escape(s.text);
        break;
      case Span::Kind::Ref:
        if (!s.resolved) {
          out += html_escape("[" + s.text + "]");
        } else if (s.anchor.empty()) {
          out += "<code>" + html_escape(s.text) + "</code>";
        } else {
          std::string page = s.page.empty() ? std::string(home) : s.page;
          std::string href = (page.empty() ? "" : page + ".html") + "#" + s.anchor;
          out += "<a class=\"ref\" href=\"" + html_escape(href) + "\"><code>" + html_escape(s.text) + "</code></a>";
        }
        break;
    }
  }
  return out;
}

std::string html_blocks(const Blocks& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::Paragraph: out += "<p>" + html_spans(b.spans) + "</p>\n"; break;
      case Block::Kind::Code: out += "<pre><code>" + html_escape(b.code) + "</code></pre>\n"; break;
      case Block::Kind::List: {
        const char* tag = b.ordered ? "ol" : "ul";
        out += std::string("<") + tag + ">\n";
        for (const Spans& item : b.items) out += "<li>" + html_spans(item) + "</li>\n";
        out += std::string("</") + tag + ">\n";
        break;
      }
    }
  }
  return out;
}

std::string html_signature(std::string_view code, const TypeLinks& links, std::string_view self_name) {
  std::string out;
  size_t i = 0;
  while (i < code.size()) {
    if (!ident_char(code[i]) || (i > 0 && ident_char(code[i - 1]))) {
      out += html_escape(code.substr(i, 1));
      ++i;
      continue;
    }
    // An identifier, possibly qualified: `geometry.Vec`.
    size_t end = i;
    while (end < code.size() && ident_char(code[end])) ++end;
    if (end + 1 < code.size() && code[end] == '.' && ident_char(code[end + 1])) {
      size_t q = end + 1;
      while (q < code.size() && ident_char(code[q])) ++q;
      if (links.count(code.substr(i, q - i))) end = q;
    }
    std::string_view word = code.substr(i, end - i);
    char next = end < code.size() ? code[end] : '\0';
    auto it = links.find(word);
    bool is_name_position = next == ':' || next == '(' || word == self_name;
    if (it != links.end() && !is_name_position)
      out += "<a href=\"" + html_escape(it->second) + "\">" + html_escape(word) + "</a>";
    else
      out += html_escape(word);
    i = end;
  }
  return out;
}

}  // namespace gpic::docs
