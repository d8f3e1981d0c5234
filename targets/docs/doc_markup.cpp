#include "targets/docs/doc_markup.hpp"

#include <algorithm>
#include <map>

namespace gpic::docs {
namespace {

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_ident_path(std::string_view s) {
  if (s.empty()) return false;
  bool at_start = true;
  for (char c : s) {
    if (c == '.') {
      if (at_start) return false;
      at_start = true;
      continue;
    }
    if (at_start && c >= '0' && c <= '9') return false;
    if (!is_ascii_word(c)) return false;
    at_start = false;
  }
  return !at_start;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

size_t indent_of(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if (c == ' ') ++n;
    else if (c == '\t') n += 4;
    else break;
  }
  return n;
}

// Removes `n` columns of leading indentation (spaces, tabs counting 4).
std::string_view dedent(std::string_view s, size_t n) {
  size_t cols = 0, i = 0;
  while (i < s.size() && cols < n && (s[i] == ' ' || s[i] == '\t')) cols += s[i++] == '\t' ? 4 : 1;
  return s.substr(i);
}

// "- item", "* item", "+ item", "1. item", "1) item": the length of the marker, or 0.
size_t list_marker(std::string_view s, bool& ordered) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
    ordered = false;
    return 2;
  }
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < 4 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    ordered = true;
    return i + 2;
  }
  return 0;
}

// A bare URL ends at whitespace, at non-ASCII text (a Korean particle may touch it) and before
// trailing punctuation that belongs to the sentence.
size_t url_end(std::string_view s, size_t start) {
  size_t i = start;
  int parens = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c <= ' ' || c >= 0x80 || c == '<' || c == '>' || c == '"' || c == '`') break;
    if (c == '(') ++parens;
    if (c == ')' && --parens < 0) break;
    ++i;
  }
  while (i > start && std::string_view(".,;:!?'").find(s[i - 1]) != std::string_view::npos) --i;
  return i;
}

Span make_span(Span::Kind kind, std::string text, std::string url = {}) {
  Span s;
  s.kind = kind;
  s.text = std::move(text);
  s.url = std::move(url);
  return s;
}

Block make_block(Block::Kind kind, Spans spans = {}) {
  Block b;
  b.kind = kind;
  b.spans = std::move(spans);
  return b;
}

class InlineParser {
 public:
  explicit InlineParser(std::string_view s) : s_(s) {}

  Spans run() {
    size_t i = 0;
    while (i < s_.size()) {
      char c = s_[i];
      bool boundary_before = i == 0 || (!is_ascii_word(s_[i - 1]) && s_[i - 1] != ']');
      if (c == '`') {
        size_t end = s_.find('`', i + 1);
        if (end != std::string_view::npos && end > i + 1) {
          push(make_span(Span::Kind::Code, std::string(s_.substr(i + 1, end - i - 1))));
          i = end + 1;
          continue;
        }
      } else if (c == '[' && boundary_before) {
        if (size_t used = bracket(i)) {
          i += used;
          continue;
        }
      } else if ((c == 'h') && boundary_before &&
                 (s_.substr(i, 7) == "http://" || s_.substr(i, 8) == "https://")) {
        size_t end = url_end(s_, i);
        std::string url(s_.substr(i, end - i));
        push(make_span(Span::Kind::Link, url, url));
        i = end;
        continue;
      }
      text_ += c;
      ++i;
    }
    flush();
    return std::move(out_);
  }

 private:
  // At '[': a reference or a [text](url) link. Returns the bytes consumed, 0 for plain text.
  size_t bracket(size_t i) {
    size_t close = s_.find(']', i + 1);
    if (close == std::string_view::npos) return 0;
    std::string_view inner = s_.substr(i + 1, close - i - 1);
    if (inner.find('[') != std::string_view::npos) return 0;
    char after = close + 1 < s_.size() ? s_[close + 1] : ' ';
    if (after == '(') {
      size_t end = s_.find(')', close + 2);
      if (end == std::string_view::npos || inner.empty()) return 0;
      std::string_view url = s_.substr(close + 2, end - close - 2);
      if (url.empty() || url.find(' ') != std::string_view::npos) return 0;
      push(make_span(Span::Kind::Link, std::string(inner), std::string(url)));
      return end + 1 - i;
    }
    if (!is_ident_path(inner) || is_ascii_word(after) || after == '[') return 0;
    Span ref = make_span(Span::Kind::Ref, std::string(inner));
    ref.occurrence = seen_[ref.text]++;
    push(std::move(ref));
    return close + 1 - i;
  }

  void push(Span span) {
    flush();
    out_.push_back(std::move(span));
  }
  void flush() {
    if (!text_.empty()) out_.push_back(make_span(Span::Kind::Text, std::move(text_)));
    text_.clear();
  }

  std::string_view s_;
  std::string text_;
  Spans out_;
  std::map<std::string, int> seen_;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

// Keeps occurrence numbers counting across the whole doc text, not per paragraph, so that the
// N-th "[X]" of a text is the N-th in its source comment.
void renumber_refs(Blocks& blocks) {
  std::map<std::string, int> seen;
  for (Span* s : refs_of(blocks)) s->occurrence = seen[s->text]++;
}

}  // namespace

Spans parse_inline(std::string_view text) { return InlineParser(text).run(); }

bool safe_link(std::string_view url) {
  for (char c : url)
    if (c <= ' ' || c >= 0x7f || std::string_view("\"'<>`\\").find(c) != std::string_view::npos) return false;
  if (url.substr(0, 7) == "http://" || url.substr(0, 8) == "https://" || url.substr(0, 7) == "mailto:") return true;
  // Relative: no scheme, i.e. no colon before the first '/', '?' or '#'.
  size_t colon = url.find(':');
  size_t slash = url.find_first_of("/?#");
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}

Blocks parse_doc(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  // The parser may keep the space after `///`: remove the indentation common to all lines.
  size_t common = SIZE_MAX;
  for (auto l : lines)
    if (!is_blank(l)) common = std::min(common, indent_of(l));
  if (common == SIZE_MAX) return {};
  for (auto& l : lines) l = dedent(l, common);

  Blocks blocks;
  std::string para;              // the paragraph being collected
  std::string item;              // the list item being collected
  Block list;                    // the list being collected (items non-empty when open)
  auto end_item = [&] {
    if (!item.empty()) list.items.push_back(parse_inline(item));
    item.clear();
  };
  auto end_para = [&] {
    if (!para.empty()) blocks.push_back(make_block(Block::Kind::Paragraph, parse_inline(para)));
    para.clear();
  };
  auto end_list = [&] {
    end_item();
    if (!list.items.empty()) {
      list.kind = Block::Kind::List;
      blocks.push_back(std::move(list));
    }
    list = Block{};
  };
  auto append = [](std::string& to, std::string_view line) {
    if (!to.empty()) to += ' ';
    to += trim(line);
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::string_view t = trim(line);
    if (t.substr(0, 3) == "```") {
      end_para();
      end_list();
      Block code = make_block(Block::Kind::Code);
      size_t fence_indent = indent_of(line);
      for (++i; i < lines.size() && trim(lines[i]).substr(0, 3) != "```"; ++i)
        code.code += std::string(dedent(lines[i], fence_indent)) + "\n";
      if (!code.code.empty()) code.code.pop_back();
      blocks.push_back(std::move(code));
      continue;
    }
    if (t.empty()) {
      // A blank line ends a paragraph and a list: indented lines after it are code.
      end_para();
      end_list();
      continue;
    }
    bool ordered = false;
    size_t marker = indent_of(line) < 2 ? list_marker(t, ordered) : 0;
    if (marker) {
      end_para();
      if (!list.items.empty() || !item.empty()) {
        if (list.ordered != ordered) end_list();
        else end_item();
      }
      list.ordered = ordered;
      item = std::string(t.substr(marker));
      continue;
    }
    bool in_list = !item.empty() || !list.items.empty();
    if (in_list && indent_of(line) >= 2) {
      append(item, t);
      continue;
    }
    if (indent_of(line) >= 2 && para.empty()) {
      end_list();
      // Indented lines (and blank lines between them) form one code block.
      Block code = make_block(Block::Kind::Code);
      size_t j = i;
      size_t last = i;
      for (; j < lines.size() && (is_blank(lines[j]) || indent_of(lines[j]) >= 2); ++j)
        if (!is_blank(lines[j])) last = j;
      size_t code_indent = SIZE_MAX;
      for (size_t k = i; k <= last; ++k)
        if (!is_blank(lines[k])) code_indent = std::min(code_indent, indent_of(lines[k]));
      for (size_t k = i; k <= last; ++k) code.code += std::string(dedent(lines[k], code_indent)) + (k < last ? "\n" : "");
      blocks.push_back(std::move(code));
      i = last;
      continue;
    }
    end_list();
    append(para, t);
  }
  end_para();
  end_list();
  renumber_refs(blocks);
  return blocks;
}

Spans summary_of(const Blocks& blocks) {
  for (const Block& b : blocks) {
    if (b.kind != Block::Kind::Paragraph) continue;
    Spans out;
    for (const Span& s : b.spans) {
      if (s.kind != Span::Kind::Text) {
        out.push_back(s);
        continue;
      }
      // A sentence ends at '.', '!' or '?' followed by a space (or the end), or at '。'.
      size_t end = std::string::npos;
      for (size_t i = 0; i < s.text.size(); ++i) {
        char c = s.text[i];
        if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.text.size() || s.text[i + 1] == ' ')) {
          end = i + 1;
          break;
        }
        if (s.text.compare(i, 3, "\u3002") == 0) {
          end = i + 3;
          break;
        }
      }
      if (end == std::string::npos) {
        out.push_back(s);
        continue;
      }
      out.push_back(make_span(Span::Kind::Text, s.text.substr(0, end)));
      return out;
    }
    return out;
  }
  return {};
}

std::string plain_text(const Spans& spans) {
  std::string out;
  for (const Span& s : spans) out += s.text;
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += '\n';
    out += s;
  };
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::Paragraph: add(plain_text(b.spans)); break;
      case Block::Kind::List:
        for (const Spans& item : b.items) add(plain_text(item));
        break;
      case Block::Kind::Code: add(b.code); break;
    }
  }
  return out;
}

std::vector<Span*> refs_of(Blocks& blocks) {
  std::vector<Span*> out;
  auto scan = [&](Spans& spans) {
    for (Span& s : spans)
      if (s.kind == Span::Kind::Ref) out.push_back(&s);
  };
  for (Block& b : blocks) {
    scan(b.spans);
    for (Spans& item : b.items) scan(item);
  }
  return out;
}

}  // namespace gpic::docs
