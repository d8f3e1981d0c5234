// Lexing a .gpi file into the token list the parser reads (see the note atop grammar/Gpi.g4).
//
// The ANTLR lexer's raw tokens go through one pass that does what Go's scanner does beyond
// recognising tokens: it turns newlines into semicolons where a declaration ends, takes doc
// comments and `//gpic:` directives aside for the AST builder, and reports lexical mistakes (stray characters,
// unterminated strings and comments, invalid UTF-8) in plain words.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <antlr4-runtime.h>

#include "compiler/diagnostics.hpp"

namespace gpic {

/// The text of the SEMI tokens the lexing pass supplies: one that stands for a newline, and
/// one that the source does not show at all (before a closing `)` or `}`, at the end).
inline constexpr const char* kNewlineSemicolon = "\n";
inline constexpr const char* kImpliedSemicolon = "<implied ;>";

/// One `///` doc comment or `//gpic:` directive line, as written (with its slashes).
struct DocLine {
  std::string text;
  int line = 0;  // 1-based
  int col = 0;   // 1-based, in code points
};

struct LexedFile {
  /// The lexer the tokens came from: ANTLR's error recovery asks a token for its source when
  /// it conjures a missing one, so the lexer must live as long as the tokens.
  std::unique_ptr<antlr4::TokenSource> lexer;
  /// What the parser reads; ends with EOF. Tokens point into the input stream.
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  /// Doc comment lines, keyed by the index (in `tokens`) of the token they precede.
  std::unordered_map<size_t, std::vector<DocLine>> docs;
  /// `//gpic:` directive lines (as written, with the slashes), keyed likewise.
  std::unordered_map<size_t, std::vector<DocLine>> directives;
};

/// Returns `text` with each byte of an invalid UTF-8 sequence replaced by U+FFFD (the ANTLR
/// runtime throws on invalid UTF-8), reporting the first bad sequence of each line.
std::string valid_utf8(const std::string& path, const std::string& text, Diagnostics& diags);

/// Lexes `input` (the contents of `path`, already valid UTF-8).
LexedFile lex_gpi(antlr4::CharStream& input, const std::string& path, Diagnostics& diags);

}  // namespace gpic
