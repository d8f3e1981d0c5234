// From the ANTLR parse tree to the IR: one walk, no semantic checks beyond what the syntax
// alone decides (how `a, b int` groups, how many values a const spec has). Every IR node gets
// the Loc of its name token and the doc comment written before it.
//
// After a syntax error the tree has holes and repairs; the builder leaves out what is missing
// or repaired instead of inventing names, so the checker (which the driver may still run to
// report more errors) never complains about the parser's guesses. A declaration keeps its
// name (so uses of it do not turn into "unknown" errors) even when its body is left out; a
// type it could not build is null, a constant value it could not build is empty.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "GpiParser.h"
#include "compiler/diagnostics.hpp"
#include "compiler/gpi_lexing.hpp"
#include "compiler/ir.hpp"

namespace gpic {

/// Builds a module one clause at a time, in file order, so that the parser can free each
/// declaration's tree as soon as it is built (see parser.cpp).
class AstBuilder {
 public:
  AstBuilder(const std::string& path, antlr4::TokenStream& tokens,
             const std::unordered_map<size_t, std::vector<DocLine>>& docs,
             const std::unordered_map<size_t, std::vector<DocLine>>& directives, Diagnostics& diags);

  /// `recovered`: the parser met a syntax error in this clause and repaired its tree.
  void add_package(gpic_parser::GpiParser::PackageClauseContext* ctx, bool recovered);
  void add_declaration(gpic_parser::GpiParser::DeclarationContext* ctx, bool recovered);
  /// Reports the directives no func or interface method took, and hands the module over.
  std::unique_ptr<ir::Module> finish();

 private:
  using P = gpic_parser::GpiParser;

  void build_import(P::ImportSpecContext* ctx);
  void build_const_spec(P::ConstSpecContext* ctx, const ir::Doc& group_doc, int group, int iota);
  void build_var_spec(P::VarSpecContext* ctx, const ir::Doc& group_doc);
  void build_type_spec(P::TypeSpecContext* ctx, const ir::Doc& group_doc);
  void build_struct(P::StructTypeContext* ctx, ir::TypeDecl& decl);
  void build_interface(P::InterfaceTypeContext* ctx, ir::TypeDecl& decl);
  void build_func(P::FuncDeclContext* ctx, const ir::Doc& doc);

  ir::FuncSig build_signature(P::SignatureContext* ctx);
  std::vector<ir::Param> build_params(P::ParametersContext* ctx, bool results, bool* variadic);
  ir::TypeRef build_type(P::Type_Context* ctx);
  ir::TypeRef build_type_name(P::TypeNameContext* ctx);
  /// `[int, *Point]`; empty when an argument could not be built.
  std::vector<ir::TypeRef> build_type_args(P::TypeArgsContext* ctx);
  ir::TypeRef build_seq(const ir::Type& name, P::TypeArgsContext* args);
  /// `[K comparable, V any]`; empty for none.
  std::vector<ir::TypeParam> build_type_params(P::TypeParamsContext* ctx);
  ir::ConstExpr build_expr(P::ExprContext* ctx);

  /// The token of a terminal node, or null when the parser did not really see it (absent, or
  /// conjured or skipped while recovering from a syntax error).
  static antlr4::Token* token(antlr4::tree::TerminalNode* node);
  ir::Loc loc(const antlr4::Token* t) const;
  /// Whether the parser repaired anything inside `tree`. What it built there may not be what
  /// the author meant (in `(c chan int)` recovery leaves `c` looking like a type), so it is
  /// left out rather than passed on to the checker.
  bool broken(antlr4::tree::ParseTree* tree) const;
  /// Items of a list (fields, methods, specs) the builder should skip: broken ones, and one
  /// that starts on the line where a broken one ended. ANTLR resynchronises at the next token
  /// that can start an item, so `X float64 Y` would otherwise yield a field of type `Y`.
  class ItemFilter {
   public:
    explicit ItemFilter(const AstBuilder& builder) : builder_(builder) {}
    bool skip(antlr4::ParserRuleContext* item);

   private:
    const AstBuilder& builder_;
    size_t broken_line_ = 0;
  };
  /// The doc comment written before `ctx`'s first token.
  ir::Doc doc_before(antlr4::ParserRuleContext* ctx) const;
  /// Applies the `//gpic:` directives written before `ctx`'s first token to `sig`.
  void apply_directives_before(antlr4::ParserRuleContext* ctx, const std::string& func_name, ir::FuncSig& sig);

  const std::string& path_;
  antlr4::TokenStream& tokens_;
  const std::unordered_map<size_t, std::vector<DocLine>>& docs_;
  const std::unordered_map<size_t, std::vector<DocLine>>& directives_;
  std::unordered_set<size_t> taken_directives_;  // keys of directives_ a func or method took
  bool any_recovered_ = false;                   // a syntax error anywhere in the file
  bool recovered_ = false;
  Diagnostics& diags_;
  std::unique_ptr<ir::Module> module_;
  int const_groups_ = 0;
  // The values an implicit const spec repeats: the last explicit spec's type and expressions.
  ir::TypeRef repeated_type_;
  std::vector<ir::ConstExpr> repeated_values_;
  bool have_repeated_ = false;
};

}  // namespace gpic
