// The fixed words of the generated docs, one table per language.
//
// Every heading, label, badge and stock sentence a page shows comes from here, so a language is
// added (or a Korean term corrected) in exactly one place. Korean uses the standard terms
// (함수, 매개변수, 반환값, ...) and full sentences in the polite 합니다 style.
#pragma once

#include <string_view>
#include <vector>

namespace gpic::docs {

struct Words {
  std::string_view lang;             // BCP 47 tag written to lang="..": "en", "ko"
  std::string_view language_name;    // in its own language, for the switcher: "한국어"

  // Section headings and table headers.
  std::string_view package, module, modules, constants, variables, functions, types, structs,
      interfaces, methods, fields, parameters, returns, raises, exceptions, contents, name,
      description, kind, python_type, go_type, language, api_reference, on_this_page;

  // Singular kind labels shown beside a symbol and in search results.
  std::string_view kind_function, kind_method, kind_struct, kind_interface, kind_type, kind_field,
      kind_const, kind_var, kind_package, kind_exception;

  // Search box.
  std::string_view search, search_placeholder, no_results;

  // Fallback and stale-translation badges: short label + a sentence for the tooltip.
  std::string_view untranslated, untranslated_title, stale, stale_title;

  // Stock sentences.
  std::string_view raises_error;     // `$error$` is replaced by the module's exception class
  std::string_view raises_panic;
  std::string_view error_class_doc;  // `$module$`
  std::string_view go_error_doc;
  std::string_view go_panic_doc;
  std::string_view go_handle_error_doc;
  std::string_view const_note;       // a const is a read-only module attribute
  std::string_view var_note;         // a var is a writable module attribute
  std::string_view field_note;       // a field is a property reading/writing the Go field
  std::string_view returns_nothing;
  // What Go keeps of a parameter (targets/common/lending.hpp); `$name$` is the parameter.
  std::string_view kept_by_result, kept_by_receiver, copied_into_go, read_only;
  // The types of other bound packages the page's signatures use; `$types$` links each.
  std::string_view imported_types;
  std::string_view permalink;
  std::string_view generated_by;     // `$version$`
  std::string_view coverage_line;    // `$translated$`, `$documented$`, `$percent$`
  std::string_view no_docs_yet;
};

/// The table for `lang`, or null when gpic has none for it.
const Words* words_for(std::string_view lang);

/// Every language gpic has a table for, English first.
std::vector<std::string_view> supported_languages();

}  // namespace gpic::docs
