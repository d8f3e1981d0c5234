// How text from a .gpi (paths, file names, doc text, string constants) is written into
// generated Go, C and C++: one function per context, so that no string can end a literal, a
// comment or a line it was not meant to end. Python has its own in python_names.hpp
// (py::string_literal, py::docstring); Markdown and HTML in targets/docs.
//
// Hidden characters (compiler/hidden_chars.hpp: controls, bidi overrides, U+2028...) are
// always escaped, so generated code reads the way it runs.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace gpic::quoting {

/// A Go interpreted string literal: `"a\"b\n"`. Backslashes, quotes, controls and hidden
/// characters are escaped; a malformed UTF-8 byte becomes \xNN, so the value is byte-exact.
std::string go_string(std::string_view text);

/// A Go string or rune literal token as the .gpi wrote it (a constant's value, which Go must
/// read exactly as the .gpi did), with any hidden character written raw turned into an escape
/// of the same value; a raw string holding one becomes an interpreted string.
std::string go_literal(std::string_view token);

/// A C (and C++) string literal on one line. Controls and every byte of a hidden character
/// are three-digit octal escapes (so a following digit cannot extend them), and `?` is `\?`
/// so that no trigraph forms in any compiler mode.
std::string c_string(std::string_view text);

/// Text for inside a comment of any generated language (`//`, `/* */`, `#`): unchanged when
/// it is plain; otherwise (a hidden character, a backslash, `*/` or `??`) written as a quoted,
/// escaped string, which cannot end a line or a block comment, nor splice the next line with
/// a trailing backslash.
std::string comment(std::string_view text);

/// The .gpi's file name as generated files name it in their first comment.
std::string source_name(const ir::Module& m);

}  // namespace gpic::quoting
