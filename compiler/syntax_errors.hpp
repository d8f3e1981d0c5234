// Syntax errors in words a .gpi author understands.
//
// ANTLR's default messages ("mismatched input 'x' expecting {IDENT, '['...}") describe the
// parser, not the language. GpiErrorStrategy keeps ANTLR's recovery (so every error of a file
// is found) but phrases each report in terms of the language: `expected type, found '}'`,
// `unexpected newline`. SyntaxErrorCollector turns the reports into diagnostics.
#pragma once

#include <set>
#include <string>

#include <antlr4-runtime.h>

#include "compiler/diagnostics.hpp"

namespace gpic {

class GpiErrorStrategy : public antlr4::DefaultErrorStrategy {
 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser* parser) override;
};

/// How a message names the token `t`: `'}'`, `newline`, `end of file`.
std::string describe_token(antlr4::Parser* parser, antlr4::Token* t);

class SyntaxErrorCollector : public antlr4::BaseErrorListener {
 public:
  /// Garbage input can produce an error per token; past this many, one last note says so.
  static constexpr int kMaxErrors = 100;

  SyntaxErrorCollector(const std::string& path, Diagnostics& diags);

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t col,
                   const std::string& message, std::exception_ptr e) override;

 private:
  const std::string& path_;
  Diagnostics& diags_;
  int count_ = 0;
  // One syntax error per line, as Go reports them: a second one on the line of an earlier
  // error (the lexing pass's included: an unterminated string, say) is nearly always ANTLR's
  // recovery tripping over what remains of the first mistake.
  std::set<size_t> lines_with_errors_;
};

}  // namespace gpic
