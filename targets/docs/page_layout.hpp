// What both writers share about a page's layout: the sections in order, the kind labels, the
// rows of the Parameters / Returns / Raises tables, and the site around the pages.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "targets/common/code_writer.hpp"
#include "targets/docs/doc_markup.hpp"
#include "targets/docs/model.hpp"
#include "targets/docs/words.hpp"

namespace gpic::docs {

/// The run the pages belong to.
struct Site {
  std::vector<std::string> langs;               // languages written, in --lang order
  std::set<std::string, std::less<>> pages;     // page stems of every documented module
  std::string version;                          // gpic's, for the footer
};

struct Section {
  std::string id;                               // "constants", ... (never clashes: anchors have '-')
  std::string_view title;
  const std::vector<Symbol>* symbols;
};

/// The page's non-empty sections: Constants, Variables, Functions, Structs, Interfaces, Types.
std::vector<Section> sections(const Page& page, const Words& w);

std::string_view kind_label(SymbolKind kind, const Words& w);

struct ParamRow {
  std::string name;                             // Python name, "*xs" for a variadic one
  std::string py_type;
  std::string go_type;
};
std::vector<ParamRow> param_rows(const ir::FuncSig& sig);
/// Sentences about the parameters Go keeps or only reads (the `//gpic:` directives and the
/// default keep of targets/common/lending.hpp), in doc markup. `method`: the sig has a receiver.
std::vector<Spans> lending_notes(const ir::FuncSig& sig, bool method, const Words& w);

/// The sentence naming the types of other bound packages the module's signatures use, each a
/// link to its page when that page is in `site` (else text); empty when it uses none.
std::vector<Spans> imported_type_notes(const ir::Module& module, const Site& site, const Words& w);

struct ResultRow {
  std::string position;                         // "[0]" when the results are a tuple, else ""
  std::string name;                             // Go result name, may be empty
  std::string py_type;
  std::string go_type;
  /// "[0] min", "[1]", "err" or "": what the Name column shows.
  std::string label() const { return position + (position.empty() || name.empty() ? "" : " ") + name; }
};
std::vector<ResultRow> result_rows(const ir::FuncSig& sig);

/// The Raises items of a function or method, in doc markup: the module's error class when it
/// returns an error, and GoPanic always.
std::vector<Spans> raises_items(const ir::FuncSig& sig, const ir::Module& module, const Words& w);

/// A fixed-word sentence with `$name$` variables filled in, parsed as inline doc markup.
Spans sentence(std::string_view tmpl, const CodeWriter::Vars& vars = {});

/// The exceptions every generated module defines (runtime/python/gpic_rt.py), with their doc
/// sentence.
struct ExceptionInfo {
  std::string name;                             // "Error", "GoError", "GoPanic", "GoHandleError"
  std::string anchor;
  std::string py_decl;                          // "class Error(GoError)"
  Spans doc;
};
std::vector<ExceptionInfo> exceptions(const ir::Module& module, const Words& w);

/// The name a symbol's heading shows: Python's, qualified for members ("Point.Dist").
std::string display_name(const Symbol& s);

}  // namespace gpic::docs
