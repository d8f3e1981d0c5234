#include "compiler/syntax_errors.hpp"

#include <vector>

#include "GpiParser.h"
#include "compiler/gpi_lexing.hpp"

namespace gpic {

using gpic_parser::GpiParser;

namespace {

// The token after `t` in the parser's input, for describing a semicolon the lexing pass
// supplied before a `)` or `}` or at the end of the file: the user sees the token after it.
antlr4::Token* next_token(antlr4::Parser* parser, antlr4::Token* t) {
  auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  if (!stream || t->getTokenIndex() == INVALID_INDEX) return nullptr;
  size_t next = t->getTokenIndex() + 1;
  if (next >= stream->size()) return nullptr;
  return stream->get(next);
}

std::string quoted(const std::string& text) {
  std::string shown;
  size_t code_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && ++code_points > 24) {
      shown += "...";
      break;
    }
    if (c == '\n') shown += "\\n";
    else if (c == '\t') shown += "\\t";
    else if (c == '\r') shown += "\\r";
    else shown += static_cast<char>(c);
  }
  return "'" + shown + "'";
}

// What the user sees at the error: `'}'`, `newline`, `end of file`.
std::string describe_found(antlr4::Parser* parser, antlr4::Token* t) {
  if (!t) return "end of file";
  if (t->getType() == antlr4::Token::EOF) return "end of file";
  if (t->getType() == GpiParser::SEMI) {
    std::string text = t->getText();
    if (text == ";") return "';'";
    if (text == kNewlineSemicolon) return "newline";
    antlr4::Token* next = next_token(parser, t);
    return next && next->getType() != GpiParser::SEMI ? describe_found(parser, next) : "end of file";
  }
  return quoted(t->getText());
}

std::string unexpected(antlr4::Parser* parser, antlr4::Token* t) {
  std::string found = describe_found(parser, t);
  if (found.front() == '\'') return "unexpected token " + found;
  return "unexpected " + found;
}

// Names for the tokens that have no fixed spelling; the rest print as their spelling.
std::string token_phrase(antlr4::Parser* parser, size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case GpiParser::IDENT:
      switch (parser->getContext() ? parser->getContext()->getRuleIndex() : 0) {
        case GpiParser::RulePackageClause: return "package name";
        case GpiParser::RuleTypeDecl: case GpiParser::RuleTypeSpec: return "type name";
        case GpiParser::RuleFuncDecl: return "function name";
        default: return "identifier";
      }
    case GpiParser::STRING: return "string literal";
    case GpiParser::INT_LIT: return "integer literal";
    case GpiParser::FLOAT_LIT: return "floating-point literal";
    case GpiParser::IMAGINARY_LIT: return "imaginary literal";
    case GpiParser::RUNE_LIT: return "rune literal";
    case GpiParser::SEMI: return "newline";
    case GpiParser::PACKAGE: return "package clause";
    default: return parser->getVocabulary().getDisplayName(type);
  }
}

bool contains_all(const antlr4::misc::IntervalSet& set, std::initializer_list<size_t> types) {
  for (size_t t : types)
    if (!set.contains(t)) return false;
  return true;
}

void remove_all(antlr4::misc::IntervalSet& set, std::initializer_list<size_t> types) {
  for (size_t t : types) set.remove(t);
}

// `expected type or ')'`: token sets that mean one thing to a user are named as that thing.
// Empty when the set is too varied to be worth listing.
std::string describe_expected(antlr4::Parser* parser, antlr4::misc::IntervalSet expected) {
  std::vector<std::string> phrases;
  // A struct tag may follow a field's type, but suggesting one would only distract.
  if (parser->getContext() && parser->getContext()->getRuleIndex() == GpiParser::RuleFieldDecl)
    expected.remove(static_cast<size_t>(GpiParser::STRING));
  if (contains_all(expected, {GpiParser::IMPORT, GpiParser::CONST, GpiParser::VAR, GpiParser::TYPE})) {
    phrases.push_back("declaration");
    remove_all(expected, {GpiParser::IMPORT, GpiParser::CONST, GpiParser::VAR, GpiParser::TYPE, GpiParser::FUNC});
  }
  if (contains_all(expected, {GpiParser::IDENT, GpiParser::LBRACK, GpiParser::STAR, GpiParser::MAP})) {
    phrases.push_back("type");
    remove_all(expected, {GpiParser::IDENT, GpiParser::LBRACK, GpiParser::STAR, GpiParser::MAP, GpiParser::FUNC,
                          GpiParser::ELLIPSIS, GpiParser::CHAN, GpiParser::ARROW, GpiParser::STRUCT, GpiParser::INTERFACE});
  }
  if (contains_all(expected, {GpiParser::INT_LIT, GpiParser::STRING, GpiParser::IDENT, GpiParser::MINUS})) {
    phrases.push_back("expression");
    remove_all(expected, {GpiParser::INT_LIT, GpiParser::FLOAT_LIT, GpiParser::IMAGINARY_LIT, GpiParser::RUNE_LIT,
                          GpiParser::STRING, GpiParser::IDENT, GpiParser::LPAREN, GpiParser::PLUS,
                          GpiParser::MINUS, GpiParser::NOT, GpiParser::CARET});
  }
  if (contains_all(expected, {GpiParser::STAR, GpiParser::SLASH, GpiParser::PLUS, GpiParser::EQ})) {
    phrases.push_back("operator");
    remove_all(expected, {GpiParser::STAR, GpiParser::SLASH, GpiParser::PERCENT, GpiParser::SHL, GpiParser::SHR,
                          GpiParser::AMP, GpiParser::AMP_CARET, GpiParser::PLUS, GpiParser::MINUS,
                          GpiParser::PIPE, GpiParser::CARET, GpiParser::EQ, GpiParser::NEQ, GpiParser::LT,
                          GpiParser::LE, GpiParser::GT, GpiParser::GE, GpiParser::LAND, GpiParser::LOR});
  }
  for (ssize_t t : expected.toList()) {
    auto type = static_cast<size_t>(t);  // EOF is -1 in the set
    if (type != antlr4::Token::EPSILON) phrases.push_back(token_phrase(parser, type));
  }
  if (phrases.empty() || phrases.size() > 4) return {};
  std::string out;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += i + 1 == phrases.size() ? " or " : ", ";
    out += phrases[i];
  }
  return out;
}

std::string expected_found(antlr4::Parser* parser, const antlr4::misc::IntervalSet& expected, antlr4::Token* found) {
  std::string what = describe_expected(parser, expected);
  if (what.empty()) return unexpected(parser, found);
  return "expected " + what + ", found " + describe_found(parser, found);
}

}  // namespace

void GpiErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  antlr4::Token* found = e.getOffendingToken();
  // The expected set is the one at the start of the decision; it only describes the error when
  // the decision failed on its first token.
  std::string message = e.getStartToken() == found ? expected_found(parser, e.getExpectedTokens(), found)
                                                    : unexpected(parser, found);
  parser->notifyErrorListeners(found, message, std::make_exception_ptr(e));
}

void GpiErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  antlr4::Token* found = e.getOffendingToken();
  parser->notifyErrorListeners(found, expected_found(parser, e.getExpectedTokens(), found), std::make_exception_ptr(e));
}

void GpiErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  // Only the expression rule's precedence predicates exist; failing one means a misplaced token.
  antlr4::Token* found = e.getOffendingToken();
  parser->notifyErrorListeners(found, unexpected(parser, found), std::make_exception_ptr(e));
}

antlr4::misc::IntervalSet GpiErrorStrategy::getErrorRecoverySet(antlr4::Parser* parser) {
  // Each declaration is parsed on its own (see parser.cpp), so ANTLR does not know that one
  // may follow: without these, recovery would skip the declarations after an error.
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(parser);
  for (size_t t : {GpiParser::IMPORT, GpiParser::CONST, GpiParser::VAR, GpiParser::TYPE, GpiParser::FUNC})
    set.add(static_cast<ssize_t>(t));
  set.add(static_cast<ssize_t>(antlr4::Token::EOF));
  return set;
}

antlr4::Token* GpiErrorStrategy::singleTokenDeletion(antlr4::Parser*) {
  // Deleting the offending token and carrying on often succeeds for the wrong reason
  // (`type = int` would declare a type named `int`, then fail at the newline), which costs a
  // second, puzzling error. Resynchronising at the next declaration reads better.
  return nullptr;
}

void GpiErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* found = parser->getCurrentToken();
  parser->notifyErrorListeners(found, expected_found(parser, getExpectedTokens(parser), found), nullptr);
}

void GpiErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* found = parser->getCurrentToken();
  std::string what = describe_expected(parser, getExpectedTokens(parser));
  std::string message = what.empty() ? unexpected(parser, found)
                                     : "expected " + what + ", found " + describe_found(parser, found);
  parser->notifyErrorListeners(found, message, nullptr);
}

SyntaxErrorCollector::SyntaxErrorCollector(const std::string& path, Diagnostics& diags) : path_(path), diags_(diags) {
  for (const Diagnostic& d : diags.all())
    if (d.loc.file == path && d.loc.line > 0) lines_with_errors_.insert(static_cast<size_t>(d.loc.line));
}

std::string describe_token(antlr4::Parser* parser, antlr4::Token* t) { return describe_found(parser, t); }

void SyntaxErrorCollector::syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t line, size_t col,
                                       const std::string& message, std::exception_ptr) {
  if (!lines_with_errors_.insert(line).second) return;
  ++count_;
  ir::Loc loc{path_, static_cast<int>(line), static_cast<int>(col) + 1};
  if (count_ <= kMaxErrors) diags_.error(loc, message);
  if (count_ == kMaxErrors + 1) diags_.note(loc, "too many syntax errors; the rest of the file is not reported");
}

}  // namespace gpic
