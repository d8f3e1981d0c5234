// Stable anchors: one per symbol, made from Go names only, so that they are identical in every
// language and under every --py-names setting, and a link to `shapes.html#type-Point.method-Dist`
// keeps working when the English or Korean text changes.
//
//   func-Add   type-Point   type-Point.field-X   type-Point.method-Dist   const-Red   var-Verbose
//   exc-Error  exc-GoError  exc-GoPanic  exc-GoHandleError   (every generated module's exceptions)
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace gpic::docs {

std::string anchor_func(std::string_view name);
std::string anchor_type(std::string_view name);
std::string anchor_field(std::string_view type, std::string_view field);
std::string anchor_method(std::string_view type, std::string_view method);
std::string anchor_const(std::string_view name);
std::string anchor_var(std::string_view name);
std::string anchor_exception(std::string_view name);

/// Every name a doc comment may refer to in `module` ("Point", "Point.Dist", "Add", "GoPanic"),
/// with its anchor. Go declarations win over the exception names they might shadow.
std::map<std::string, std::string, std::less<>> symbol_anchors(const ir::Module& module);

/// The file name (without extension) of a module's page: the module name, except that a module
/// called `index` must not overwrite the language's index page.
std::string page_stem(std::string_view module_name);

}  // namespace gpic::docs
