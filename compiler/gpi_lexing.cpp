#include "compiler/gpi_lexing.hpp"

#include <cstdio>

#include "GpiLexer.h"

namespace gpic {

using gpic_parser::GpiLexer;

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid (overlong forms,
// surrogates and code points past U+10FFFF included, as Go's scanner rejects them).
size_t utf8_sequence_length(const std::string& s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto continuation = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

constexpr const char* kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string valid_utf8(const std::string& path, const std::string& text, Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  int line = 1, col = 1, reported_line = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      if (reported_line != line) {
        diags.error({path, line, col}, "invalid UTF-8 encoding");
        reported_line = line;
      }
      out += kReplacementChar;
      ++i;
      ++col;
      continue;
    }
    out.append(text, i, n);
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += n;
  }
  return out;
}

namespace {

// Brackets the semicolon pass keeps track of. Newlines matter at the top level and directly
// inside a declaration group's `(...)` or a struct/interface `{...}`; inside a parameter list
// or brackets they are plain whitespace.
enum class Bracket { Group, Paren, Square, Brace };

// Go's rule: a newline after one of these ends the declaration.
bool ends_a_line(size_t type) {
  switch (type) {
    case GpiLexer::IDENT: case GpiLexer::INT_LIT: case GpiLexer::FLOAT_LIT:
    case GpiLexer::IMAGINARY_LIT: case GpiLexer::RUNE_LIT: case GpiLexer::STRING:
    case GpiLexer::RPAREN: case GpiLexer::RBRACK: case GpiLexer::RBRACE:
    case GpiLexer::RESERVED:
      return true;
    default:
      return false;
  }
}

// Keywords that only ever start a top-level declaration.
bool starts_top_level(size_t type) {
  return type == GpiLexer::PACKAGE || type == GpiLexer::IMPORT || type == GpiLexer::CONST ||
         type == GpiLexer::VAR || type == GpiLexer::TYPE;
}

std::string describe_char(char32_t cp, const std::string& utf8) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
  }
  return "'" + utf8 + "'";
}

class SemicolonPass {
 public:
  SemicolonPass(GpiLexer& lexer, antlr4::CharStream& input, const std::string& path, Diagnostics& diags)
      : lexer_(lexer), input_(input), path_(path), diags_(diags) {}

  LexedFile run() {
    for (;;) {
      std::unique_ptr<antlr4::Token> t = lexer_.nextToken();
      size_t type = t->getType();
      if (type == antlr4::Token::EOF) {
        finish(std::move(t));
        break;
      }
      take(std::move(t));
    }
    return std::move(out_);
  }

 private:
  ir::Loc loc_of(const antlr4::Token& t) const {
    return {path_, static_cast<int>(t.getLine()), static_cast<int>(t.getCharPositionInLine()) + 1};
  }

  void take(std::unique_ptr<antlr4::Token> t) {
    switch (t->getType()) {
      case GpiLexer::NL:
        note_newline(*t);
        return;
      case GpiLexer::BLOCK_COMMENT:
        // Go: a comment spanning lines acts like a newline.
        if (t->getText().find('\n') != std::string::npos) note_newline(*t);
        return;
      case GpiLexer::DOC_COMMENT:
        pending_docs_.push_back({t->getText(), static_cast<int>(t->getLine()),
                                 static_cast<int>(t->getCharPositionInLine()) + 1});
        return;
      case GpiLexer::DIRECTIVE:
        pending_directives_.push_back({t->getText(), static_cast<int>(t->getLine()),
                                       static_cast<int>(t->getCharPositionInLine()) + 1});
        return;
      case GpiLexer::UNTERMINATED_COMMENT:
        diags_.error(loc_of(*t), "unterminated comment");
        return;
      case GpiLexer::INVALID_CHAR:
        report_invalid_char(*t);
        return;
      case GpiLexer::UNTERMINATED_STRING:
        // Repaired into a string so that the rest of the declaration still parses.
        diags_.error(loc_of(*t), t->getText()[0] == '`' ? "unterminated raw string literal"
                                                        : "unterminated string literal");
        retype(*t, GpiLexer::STRING);
        break;
      case GpiLexer::UNTERMINATED_RUNE:
        diags_.error(loc_of(*t), "unterminated rune literal");
        retype(*t, GpiLexer::RUNE_LIT);
        break;
      default:
        break;
    }
    significant(std::move(t));
  }

  void note_newline(const antlr4::Token& t) {
    if (!pending_newline_) {
      pending_newline_ = true;
      newline_line_ = t.getLine();
      newline_col_ = t.getCharPositionInLine();
    }
  }

  static void retype(antlr4::Token& t, size_t type) {
    if (auto* ct = dynamic_cast<antlr4::CommonToken*>(&t)) ct->setType(type);
  }

  void report_invalid_char(const antlr4::Token& t) {
    // One report per run of stray characters: binary junk should not bury the real errors.
    size_t index = t.getStartIndex();
    bool continues_run = index == last_invalid_index_ + 1;
    last_invalid_index_ = index;
    if (continues_run) return;
    std::string text = t.getText();
    char32_t code = first_code_point(text);
    if (code == 0xFFFD) return;  // an invalid UTF-8 byte, already reported by valid_utf8()
    diags_.error(loc_of(t), "invalid character " + describe_char(code, text));
  }

  static char32_t first_code_point(const std::string& s) {
    if (s.empty()) return 0;
    auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) & 0x3Fu : 0u; };
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return c;
    if (c < 0xE0) return ((c & 0x1Fu) << 6) | b(1);
    if (c < 0xF0) return ((c & 0x0Fu) << 12) | (b(1) << 6) | b(2);
    return ((c & 0x07u) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
  }

  void significant(std::unique_ptr<antlr4::Token> t) {
    size_t type = t->getType();
    if (pending_newline_) {
      bool forced = false;
      // An unclosed `(` must not swallow the rest of the file: a keyword that can only start a
      // declaration, or `func` at the start of a line, closes whatever is still open.
      bool restart = starts_top_level(type) || (type == GpiLexer::FUNC && t->getCharPositionInLine() == 0);
      if (restart && !open_.empty()) {
        open_.clear();
        forced = true;
      }
      bool newline_counts = open_.empty() || open_.back() == Bracket::Group || open_.back() == Bracket::Brace;
      if (forced || (newline_counts && ends_a_line(last_type_)))
        emit_semicolon(kNewlineSemicolon, newline_line_, newline_col_);
      pending_newline_ = false;
    }
    switch (type) {
      case GpiLexer::SEMI:
        if (semicolon_is_redundant()) return;
        break;
      case GpiLexer::RPAREN:
      case GpiLexer::RBRACE:
        // The `;` before a closing `)` or `}` may be omitted, as in Go.
        if (!open_.empty() && (open_.back() == Bracket::Group || open_.back() == Bracket::Brace))
          emit_semicolon(kImpliedSemicolon, t->getLine(), t->getCharPositionInLine());
        if (!open_.empty()) open_.pop_back();
        break;
      case GpiLexer::RBRACK:
        if (!open_.empty()) open_.pop_back();
        break;
      case GpiLexer::LPAREN: {
        bool group = last_type_ == GpiLexer::CONST || last_type_ == GpiLexer::VAR ||
                     last_type_ == GpiLexer::TYPE || last_type_ == GpiLexer::IMPORT;
        open_.push_back(group ? Bracket::Group : Bracket::Paren);
        break;
      }
      case GpiLexer::LBRACK:
        open_.push_back(Bracket::Square);
        break;
      case GpiLexer::LBRACE:
        open_.push_back(Bracket::Brace);
        break;
      default:
        break;
    }
    emit(std::move(t));
  }

  // A `;` right after another, after an opening `(`/`{`, or before anything: nothing ends there.
  bool semicolon_is_redundant() const {
    return last_type_ == 0 || last_type_ == GpiLexer::SEMI || last_type_ == GpiLexer::LPAREN ||
           last_type_ == GpiLexer::LBRACE;
  }

  void emit_semicolon(const std::string& text, size_t line, size_t col) {
    if (semicolon_is_redundant()) return;
    auto semi = std::make_unique<antlr4::CommonToken>(std::make_pair(&lexer_, &input_), GpiLexer::SEMI,
                                                      antlr4::Token::DEFAULT_CHANNEL, 0, 0);
    semi->setText(text);
    semi->setLine(line);
    semi->setCharPositionInLine(col);
    emit(std::move(semi));
  }

  void emit(std::unique_ptr<antlr4::Token> t) {
    size_t type = t->getType();
    // Docs belong to the next real token, not to a semicolon that ends the line before them.
    if (type != GpiLexer::SEMI && !pending_docs_.empty()) {
      out_.docs[out_.tokens.size()] = std::move(pending_docs_);
      pending_docs_.clear();
    }
    if (type != GpiLexer::SEMI && !pending_directives_.empty()) {
      out_.directives[out_.tokens.size()] = std::move(pending_directives_);
      pending_directives_.clear();
    }
    last_type_ = type;
    out_.tokens.push_back(std::move(t));
  }

  void finish(std::unique_ptr<antlr4::Token> eof) {
    if (pending_newline_ && ends_a_line(last_type_)) emit_semicolon(kNewlineSemicolon, newline_line_, newline_col_);
    pending_newline_ = false;
    emit_semicolon(kImpliedSemicolon, eof->getLine(), eof->getCharPositionInLine());
    pending_docs_.clear();  // a doc comment at the end of the file documents nothing
    for (const DocLine& d : pending_directives_)
      diags_.error({path_, d.line, d.col}, "a //gpic: directive must come right before a func declaration or an interface method");
    pending_directives_.clear();
    emit(std::move(eof));
  }

  GpiLexer& lexer_;
  antlr4::CharStream& input_;
  const std::string& path_;
  Diagnostics& diags_;
  LexedFile out_;

  std::vector<Bracket> open_;
  size_t last_type_ = 0;  // 0: nothing emitted yet
  bool pending_newline_ = false;
  size_t newline_line_ = 0, newline_col_ = 0;
  std::vector<DocLine> pending_docs_;
  std::vector<DocLine> pending_directives_;
  size_t last_invalid_index_ = static_cast<size_t>(-2);
};

}  // namespace

LexedFile lex_gpi(antlr4::CharStream& input, const std::string& path, Diagnostics& diags) {
  auto lexer = std::make_unique<GpiLexer>(&input);
  lexer->removeErrorListeners();  // INVALID_CHAR catches everything; nothing to report here
  LexedFile out = SemicolonPass(*lexer, input, path, diags).run();
  out.lexer = std::move(lexer);
  return out;
}

}  // namespace gpic
