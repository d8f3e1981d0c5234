// parse_gpi(): text -> tokens (compiler/gpi_lexing) -> one parse tree per declaration -> IR
// (compiler/ast_builder).
//
// The file is parsed one top-level clause at a time: the package clause, then each
// declaration. Each tree is turned into IR and freed before the next is parsed, so a file of
// 10^5 declarations never holds more than one declaration's parse tree (ANTLR's C++ trees cost
// several kilobytes a declaration, and as much time again to free all at once).
//
// Each clause uses ANTLR's two-stage strategy: SLL prediction is much cheaper and gives the
// same tree for every valid input, so it is tried first and bails out at the first error.
// Only a clause with a syntax error (or, in principle, one SLL cannot decide) is parsed again
// with full LL and error recovery, which reports every error in it.
#include <antlr4-runtime.h>

#include "GpiParser.h"
#include "compiler/ast_builder.hpp"
#include "compiler/frontend.hpp"
#include "compiler/gpi_lexing.hpp"
#include "compiler/limits.hpp"
#include "compiler/syntax_errors.hpp"

namespace gpic {

namespace {

using gpic_parser::GpiParser;

// Generated parsers recurse once per level of nesting, and so do the builder, the checker
// and the targets: `[][][]...int` or `((((...))))` nested a few thousand deep would overflow
// the stack. This listener stops a clause nested deeper than limits::kMaxNesting, at the token
// that goes one level too deep, so that no later stage sees such a structure.
class NestingGuard : public antlr4::tree::ParseTreeListener {
 public:
  struct TooDeep {
    antlr4::Token* token;
  };

  void reset() {
    depth_ = 0;
    counted_.clear();
  }

  void enterEveryRule(antlr4::ParserRuleContext* ctx) override {
    // A level is a type (each type constructor enters type_ once) or an expression (each
    // parenthesis, unary operator or call argument enters expr once). A left-recursive rule
    // (expr) re-enters itself once per binary operator without recursing: such a context
    // starts with the left operand as its child, and does not count.
    size_t rule = ctx->getRuleIndex();
    bool nests = ctx->children.empty() && (rule == GpiParser::RuleType_ || rule == GpiParser::RuleExpr);
    counted_.push_back(nests);
    if (nests && ++depth_ > limits::kMaxNesting) throw TooDeep{ctx->getStart()};
  }

  void exitEveryRule(antlr4::ParserRuleContext*) override {
    if (counted_.empty()) return;
    if (counted_.back()) --depth_;
    counted_.pop_back();
  }

  void visitTerminal(antlr4::tree::TerminalNode*) override {}
  void visitErrorNode(antlr4::tree::ErrorNode*) override {}

 private:
  int depth_ = 0;
  std::vector<bool> counted_;
};

std::string nested_too_deeply_message() {
  return "nested too deeply: types and constant expressions may nest at most " +
         std::to_string(limits::kMaxNesting) + " levels";
}

bool starts_declaration(size_t type) {
  return type == GpiParser::IMPORT || type == GpiParser::CONST || type == GpiParser::VAR ||
         type == GpiParser::TYPE || type == GpiParser::FUNC;
}

class FileParser {
 public:
  FileParser(const std::string& path, LexedFile& lexed, Diagnostics& diags)
      : source_(std::move(lexed.tokens)),
        tokens_(&source_),
        parser_(&tokens_),
        collector_(path, diags),
        builder_(path, tokens_, lexed.docs, lexed.directives, diags) {
    parser_.removeErrorListeners();
    parser_.addParseListener(&nesting_);
    tokens_.fill();  // every token is already lexed; this also makes index() meaningful
    tokens_.seek(0);
  }

  std::unique_ptr<ir::Module> run() {
    bool recovered = false;
    auto* package = parse(&GpiParser::packageClause, recovered);
    builder_.add_package(package, recovered);
    bool reported_stray = recovered;
    while (tokens_.LA(1) != antlr4::Token::EOF) {
      if (!starts_declaration(tokens_.LA(1))) {
        skip_stray_tokens(reported_stray);
        reported_stray = true;
        continue;
      }
      size_t start = tokens_.index();
      auto* declaration = parse(&GpiParser::declaration, recovered);
      builder_.add_declaration(declaration, recovered);
      if (tokens_.index() == start) tokens_.consume();  // never loop on a token nothing accepts
      reported_stray = recovered;  // a declaration that ended in an error explains what follows
    }
    return builder_.finish();
  }

 private:
  // Parses one clause with `rule`, starting at the current token; null when it is nested too
  // deeply to parse (reported, and skipped up to the next declaration).
  template <typename Context>
  Context* parse(Context* (GpiParser::*rule)(), bool& recovered) {
    try {
      return parse_nested(rule, recovered);
    } catch (const NestingGuard::TooDeep& deep) {
      parser_.removeErrorListeners();
      antlr4::Token* t = deep.token ? deep.token : tokens_.LT(1);
      collector_.syntaxError(&parser_, t, t->getLine(), t->getCharPositionInLine(), nested_too_deeply_message(),
                             nullptr);
      while (tokens_.LA(1) != antlr4::Token::EOF && !starts_declaration(tokens_.LA(1))) tokens_.consume();
      recovered = true;
      return nullptr;
    }
  }

  template <typename Context>
  Context* parse_nested(Context* (GpiParser::*rule)(), bool& recovered) {
    auto* interpreter = parser_.getInterpreter<antlr4::atn::ParserATNSimulator>();
    size_t start = tokens_.index();
    parser_.reset();  // frees the previous clause's tree (and rewinds the input)
    nesting_.reset();
    tokens_.seek(start);
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser_.setErrorHandler(bail_);
    try {
      recovered = false;
      return (parser_.*rule)();
    } catch (const antlr4::ParseCancellationException&) {
    }
    parser_.reset();
    nesting_.reset();
    tokens_.seek(start);
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser_.setErrorHandler(recovering_);
    parser_.addErrorListener(&collector_);
    Context* tree = (parser_.*rule)();
    parser_.removeErrorListeners();
    recovered = parser_.getNumberOfSyntaxErrors() > 0;
    return tree;
  }

  // Between declarations, something that cannot start one: report it (once per stretch) and
  // move on to the next declaration.
  void skip_stray_tokens(bool already_reported) {
    antlr4::Token* first = tokens_.LT(1);
    if (!already_reported)
      collector_.syntaxError(&parser_, first, first->getLine(), first->getCharPositionInLine(),
                             "expected declaration, found " + describe_token(&parser_, first), nullptr);
    while (tokens_.LA(1) != antlr4::Token::EOF && !starts_declaration(tokens_.LA(1))) tokens_.consume();
  }

  antlr4::ListTokenSource source_;
  antlr4::CommonTokenStream tokens_;
  GpiParser parser_;
  NestingGuard nesting_;
  SyntaxErrorCollector collector_;
  AstBuilder builder_;
  std::shared_ptr<antlr4::ANTLRErrorStrategy> bail_ = std::make_shared<antlr4::BailErrorStrategy>();
  std::shared_ptr<antlr4::ANTLRErrorStrategy> recovering_ = std::make_shared<GpiErrorStrategy>();
};

}  // namespace

std::unique_ptr<ir::Module> parse_gpi(const std::string& path, const std::string& text, Diagnostics& diags) {
  antlr4::ANTLRInputStream input(valid_utf8(path, text, diags));
  LexedFile lexed = lex_gpi(input, path, diags);
  return FileParser(path, lexed, diags).run();
}

}  // namespace gpic
