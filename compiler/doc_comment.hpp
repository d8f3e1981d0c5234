// Turning the `///` lines before a declaration into an ir::Doc.
//
//   /// @en A point in the plane.      `@en` / `@ko` start a language section, and may carry
//   /// @ko[1a2b3c4d] 평면 위의 점.      text on the same line; `@ko[...]` also records the stamp
//   ///                                 of the English text it was translated from. Untagged
//   ///     indented code              text is English. Lines keep their relative indentation
//                                      and blank lines, since the text is Markdown.
#pragma once

#include <string>
#include <vector>

#include "compiler/gpi_lexing.hpp"
#include "compiler/ir.hpp"

namespace gpic {

ir::Doc parse_doc(const std::vector<DocLine>& lines, const std::string& file);

}  // namespace gpic
