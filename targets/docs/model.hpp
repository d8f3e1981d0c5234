// The docs model of one module: every symbol with its anchor, both signatures and its doc text
// parsed and cross-referenced per language. Built once; the Markdown and HTML writers, the
// search index and the coverage count all read it, so they agree on what a page contains.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/ir.hpp"
#include "targets/docs/doc_markup.hpp"
#include "targets/docs/stamp.hpp"
#include "targets/common/promotion.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::docs {

enum class SymbolKind { Package, Const, Var, Func, Struct, Interface, Type, Field, Method };

struct Symbol {
  SymbolKind kind = SymbolKind::Func;
  std::string anchor;                  // "type-Point.method-Dist" (empty for the package)
  std::string go_name;                 // "Point.Dist"
  std::string py_name;                 // "Point.Dist", as Python spells it
  std::string go_decl;                 // the Go declaration
  std::string py_decl;                 // the Python declaration
  const ir::FuncSig* sig = nullptr;    // functions and methods
  const ir::Field* field = nullptr;    // fields
  const ir::Doc* doc = nullptr;
  ir::Loc loc;                         // the declaration
  std::map<std::string, Blocks> text;  // parsed doc text by the language it is written in
  std::vector<Symbol> members;         // a type's fields and methods

  /// The text to show in `lang`, with how it stands (translated, fallback, stale, ...).
  LocalText local(std::string_view lang) const;
  const Blocks& blocks(std::string_view text_lang) const;
};

struct Page {
  const ir::Module* module = nullptr;
  std::string stem;                    // file name without extension
  Symbol package;
  std::vector<Symbol> consts, vars, funcs, structs, interfaces, types;
  /// Members structs promote from embedded ones: their symbols point into these.
  std::vector<abi::Promoted> promoted;

  /// Every symbol of the page, members after their type, in page order.
  std::vector<const Symbol*> all() const;
};

struct BuildOptions {
  py::Case name_case = py::Case::Keep;
  /// Modules that get a page in this run: a reference to any other module renders as text.
  /// Empty means "only this one".
  std::set<std::string, std::less<>> documented;
};

/// Builds the page of `module`. With `diags`, reports references that do not resolve (at their
/// file:line:col when the source can be read, else at the doc comment) as `unknown-reference`
/// warnings.
Page build_page(const ir::Module& module, const BuildOptions& options, Diagnostics* diags);

}  // namespace gpic::docs
