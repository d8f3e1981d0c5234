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

#include "compiler/hidden_chars.hpp"
#include "compiler/ir.hpp"

namespace gpic::quoting {

/// The loop every language's string literal shares: `text` between double quotes, one code
/// point at a time. `named(cp)` is the escape the language spells by name (`\n`, `\"`), or
/// nullptr; `hidden(cp, bytes)` the escape of a hidden character (bytes: its UTF-8, or the
/// one malformed byte); every other code point is copied as its UTF-8 bytes.
template <class Named, class Hidden>
std::string quote_each(std::string_view text, Named named, Hidden hidden) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = text::decode(text, i);
    std::string_view bytes = text.substr(start, i - start);
    if (const char* escape = named(cp)) out += escape;
    else if (text::is_hidden(cp)) out += hidden(cp, bytes);
    else out.append(bytes);
  }
  return out + "\"";
}

/// The escapes Go, C and Python all spell the same way.
inline const char* common_escape(char32_t cp) {
  switch (cp) {
    case '\\': return "\\\\";
    case '"': return "\\\"";
    case '\n': return "\\n";
    case '\t': return "\\t";
    default: return nullptr;
  }
}

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
