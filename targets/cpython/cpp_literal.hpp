// C++ source spellings for generated code: string literals that hold any text (docstrings in
// Korean, quotes, backslashes) and raw-string blocks for embedded source files.
#pragma once

#include <string>
#include <string_view>

namespace gpic::cpython {

/// A C++ string literal of `text`, one literal per line joined by concatenation when it spans
/// lines ("a\n"\n"b"), continuation lines indented by `indent`. UTF-8 passes through.
std::string cpp_string(std::string_view text, std::string_view indent = "    ");

/// cpp_string() of a docstring, which CPython reads as a C string (PyMethodDef's ml_doc): a NUL
/// would end it there, so each is shown as U+2400 (␀) and the text after it is kept.
std::string cpp_doc_string(std::string_view text, std::string_view indent = "    ");

}  // namespace gpic::cpython
