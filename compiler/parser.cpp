// parse_gpi(): text -> tokens (compiler/gpi_lexing) -> parse tree -> IR (compiler/ast_builder).
#include <antlr4-runtime.h>

#include "GpiParser.h"
#include "compiler/ast_builder.hpp"
#include "compiler/frontend.hpp"
#include "compiler/gpi_lexing.hpp"
#include "compiler/syntax_errors.hpp"

namespace gpic {

std::unique_ptr<ir::Module> parse_gpi(const std::string& path, const std::string& text, Diagnostics& diags) {
  antlr4::ANTLRInputStream input(valid_utf8(path, text, diags));
  LexedFile lexed = lex_gpi(input, path, diags);
  antlr4::ListTokenSource source(std::move(lexed.tokens));
  antlr4::CommonTokenStream tokens(&source);
  gpic_parser::GpiParser parser(&tokens);
  parser.removeErrorListeners();

  // ANTLR's two-stage strategy: SLL prediction is much cheaper and gives the same tree for
  // every valid file, so try it first and bail out at the first error. Only a file with a
  // syntax error (or, in principle, one SLL cannot decide) pays for full LL, with recovery
  // so that every error of the file is reported.
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  gpic_parser::GpiParser::SourceFileContext* tree = nullptr;
  bool recovered = false;
  try {
    tree = parser.sourceFile();
  } catch (const antlr4::ParseCancellationException&) {
    recovered = true;
    SyntaxErrorCollector collector(path, diags);
    tokens.seek(0);
    parser.reset();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<GpiErrorStrategy>());
    parser.addErrorListener(&collector);
    tree = parser.sourceFile();
    parser.removeErrorListeners();
  }
  return AstBuilder(path, tokens, lexed.docs, recovered, diags).build(tree);
}

}  // namespace gpic
